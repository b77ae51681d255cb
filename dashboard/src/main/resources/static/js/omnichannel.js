/*
 * Omnichannel page: /api/omnichannel -> revenue / orders / customers by channel per month, multichannel share per
 * month and quarter, show-influenced revenue per month and channel with influenced store visits, month over month.
 */
(async () => {
  'use strict';
  const { fmt, el } = SM;
  const main = document.getElementById('omnichannel-page');
  const status = document.getElementById('omnichannel-status');
  const CHANNELS = ['live', 'web', 'app', 'store'];
  const COLORS = { live: '#4f46e5', web: '#0ea5e9', app: '#f59e0b', store: '#10b981' };
  const monthLabel = d => d.slice(0, 7);
  const quarterLabel = d => `${d.slice(0, 4)} Q${Math.floor(Number(d.slice(5, 7)) / 3) + 1}`;
  const order = list => [...CHANNELS.filter(c => list.includes(c)), ...list.filter(c => !CHANNELS.includes(c)).sort()];

  function byMonth(rows, field) {
    const months = [...new Set(rows.map(r => r.month))].sort();
    const channels = order([...new Set(rows.map(r => r.channel))]);
    const series = channels.map(ch => ({
      channel: ch,
      data: months.map(m => { const r = rows.find(x => x.month === m && x.channel === ch); return r ? Number(r[field]) : null; }),
    }));
    return { months, series };
  }

  function change(v) {
    if (!SM.isNumber(v)) return el('span', { class: 'delta' }, '–');
    const n = Number(v);
    return el('span', { class: `delta ${n > 0 ? 'delta-up' : n < 0 ? 'delta-down' : ''}` }, `${n > 0 ? '+' : n < 0 ? '−' : ''}${(Math.abs(n) * 100).toFixed(1)}%`);
  }

  /** Axis labels: €150k rather than €150,000.00. */
  const moneyAxis = v => (Math.abs(v) >= 1000 ? `€${fmt.count(v / 1000)}k` : `€${fmt.count(v)}`);
  /** The middle of a month or quarter, where its point sits on the time axis. */
  const middle = (start, months) => {
    const d = new Date(`${start}T00:00:00Z`);
    const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
    return new Date((d.getTime() + end) / 2).toISOString();
  };

  /** Axis labels of months, the month to date marked as such. */
  const axisMonths = (months, rows) => months.map(m => (rows.some(r => r.month === m && r.partial) ? `${monthLabel(m)}\nmonth to date` : monthLabel(m)));

  function stacked(id, title, subtitle, rows, field, format, fileName, type = 'bar', axisFormat = format) {
    const { months, series } = byMonth(rows, field);
    SM.chart(document.getElementById(id), {
      title: SM.titleOption(title, subtitle),
      tooltip: { trigger: 'axis', valueFormatter: format },
      legend: { top: 8, right: id === 'orders-chart' || id === 'customers-chart' ? 60 : 200 },
      grid: { left: 64, right: 24, top: 72, bottom: 36 },
      xAxis: { type: 'category', data: axisMonths(months, rows) },
      yAxis: { type: 'value', axisLabel: { formatter: axisFormat } },
      series: series.map(s => ({ name: s.channel, type, stack: type === 'bar' ? 'total' : undefined, data: s.data,
        barMaxWidth: 48, itemStyle: { color: COLORS[s.channel] }, lineStyle: { color: COLORS[s.channel] }, symbolSize: 7 })),
    }, fileName);
  }

  /** "2026-03 (month to date)" for a month the data does not fully cover. */
  const periodLabel = (label, partial) => (partial ? `${label} (month to date)` : label);
  /** "Feb 1 – Feb 2, 23:00" or "2026-02": what a month's change is measured against. */
  function comparedWith(h) {
    if (!h || !h.comparisonMonth) return '';
    if (!h.partial) return ' vs previous month';
    return h.comparisonThrough
      ? ` vs the same span of ${monthLabel(h.comparisonMonth)} (${fmt.date(h.comparisonMonth)} – ${fmt.dateTime(h.comparisonThrough)})`
      : ` vs the same span of ${monthLabel(h.comparisonMonth)}`;
  }

  function tiles(data) {
    const rev = data.revenue;
    const inf = data.influencedRevenue;
    const monthPeriods = data.periods.filter(p => p.period === 'month');
    const lastPeriod = monthPeriods[monthPeriods.length - 1];
    const tile = (id, label, value, delta, against, note) => el('div', { class: 'kpi', id },
      el('div', { class: 'kpi-label' }, label), el('div', { class: 'kpi-value' }, value),
      el('div', { class: 'kpi-note' }, delta === undefined ? '' : change(delta), delta === undefined ? '' : against, note ? ` · ${note}` : ''));
    const visitsAgainst = lastPeriod && lastPeriod.partial ? ' vs the same span of the previous month' : ' vs previous month';
    document.getElementById('omni-tiles').replaceChildren(
      tile('tile-revenue', `Revenue ${rev && rev.month ? periodLabel(monthLabel(rev.month), rev.partial) : ''}`,
        fmt.money(rev ? rev.revenue : null), rev ? rev.change : null, comparedWith(rev), 'all channels'),
      tile('tile-multichannel', `Multichannel share ${lastPeriod ? periodLabel(monthLabel(lastPeriod.periodStart), lastPeriod.partial) : ''}`,
        fmt.percent(lastPeriod ? lastPeriod.multichannelShare : null), undefined, '',
        lastPeriod ? `${fmt.count(lastPeriod.multichannelCustomers)} of ${fmt.count(lastPeriod.customers)} customers` : null),
      tile('tile-influenced', `Show-influenced revenue ${inf && inf.month ? periodLabel(monthLabel(inf.month), inf.partial) : ''}`,
        fmt.money(inf ? inf.revenue : null), inf ? inf.change : null, comparedWith(inf), 'web + app + store'),
      tile('tile-visits', `Influenced store visits ${lastPeriod ? periodLabel(monthLabel(lastPeriod.periodStart), lastPeriod.partial) : ''}`,
        fmt.count(lastPeriod ? lastPeriod.influencedVisits : null), lastPeriod ? lastPeriod.influencedVisitsChange : null, visitsAgainst,
        lastPeriod ? `of ${fmt.count(lastPeriod.storeVisits)} store visits` : null));
  }

  /** "2026-03" or "2026-01 – 2026-03". */
  const monthsLabel = (from, to) => (from === to ? from : `${from} – ${to}`);

  /**
   * The headline: what the shows of the chosen period drove (live GMV + influenced revenue), the visits credited to
   * them, against the period before; the period is kept in the URL (?from=YYYY-MM&to=YYYY-MM) so a view can be shared.
   */
  async function showsDrove() {
    const card = document.getElementById('shows-drove');
    const params = new URLSearchParams(window.location.search);
    const query = new URLSearchParams();
    if (params.get('from')) query.set('from', params.get('from'));
    if (params.get('to')) query.set('to', params.get('to'));
    const d = await SM.getJson(`/api/omnichannel/shows-drove${query.toString() ? `?${query}` : ''}`);
    if (!d) {
      card.replaceChildren(el('p', { class: 'card-sub' }, 'No show has been published yet.'));
      return;
    }
    const picker = (name, value) => el('label', {}, name === 'from' ? 'From ' : 'to ',
      el('select', { name, id: `drove-${name}` }, ...d.months.map(m => el('option', { value: m, ...(m === value ? { selected: '' } : {}) }, m))));
    const form = el('form', { class: 'period-form', method: 'get', action: '/omnichannel' }, picker('from', d.from), ' ', picker('to', d.to),
      ' ', el('button', { class: 'btn', type: 'submit' }, 'Show'));
    const against = d.comparisonDrove === null ? 'no earlier period to compare with'
      : d.comparisonSameSpan ? `vs ${fmt.money(d.comparisonDrove)} over the same days of ${d.comparisonFrom}`
        : `vs ${fmt.money(d.comparisonDrove)} in ${monthsLabel(d.comparisonFrom, d.comparisonTo)}`;
    card.replaceChildren(
      el('div', { class: 'card-head' }, el('div', {},
        el('p', { class: 'drove-period' }, `${monthsLabel(d.from, d.to)}${d.partial ? ' (month to date: the number can still grow)' : ''}`),
        el('p', { class: 'drove-headline', id: 'drove-headline' }, 'Shows drove ', el('strong', {}, fmt.money(d.drove))),
        el('p', { class: 'drove-compare' }, change(d.change), ` ${against}`)), form),
      el('p', { class: 'drove-parts', id: 'drove-parts' },
        `${fmt.money(d.liveGmv)} live GMV of ${fmt.count(d.shows)} show${d.shows === 1 ? '' : 's'} + ${fmt.money(d.influencedRevenue)} `
        + `web, app and store revenue within 24 h after them · ${fmt.decimal(d.influencedStoreVisits, 1)} store visits credited to them (linear model)`));
  }

  function multichannel(periods) {
    const months = periods.filter(p => p.period === 'month');
    const quarters = periods.filter(p => p.period === 'quarter');
    SM.chart(document.getElementById('multichannel-chart'), {
      title: SM.titleOption('Multichannel share', 'Customers who bought in two or more channels / customers who bought'),
      tooltip: { trigger: 'item', formatter: p => `${SM.esc(p.seriesName)} ${SM.esc(p.data.label)}: <b>${SM.esc(fmt.percent(p.data.value[1]))}</b><br>${SM.esc(fmt.count(p.data.multi))} of ${SM.esc(fmt.count(p.data.customers))} customers` },
      legend: { top: 8, right: 200 },
      grid: { left: 64, right: 32, top: 72, bottom: 36 },
      xAxis: { type: 'time', axisLabel: { formatter: '{yyyy}-{MM}' } },
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: v => fmt.percent(v, 0) } },
      series: [
        { name: 'Monthly', type: 'line', symbolSize: 7, data: months.map(p => ({ value: [middle(p.periodStart, 1), p.multichannelShare],
          label: monthLabel(p.periodStart), multi: p.multichannelCustomers, customers: p.customers })) },
        { name: 'Quarterly', type: 'line', symbolSize: 10, symbol: 'diamond', lineStyle: { type: 'dashed', width: 2 },
          data: quarters.map(p => ({ value: [middle(p.periodStart, 3), p.multichannelShare], label: quarterLabel(p.periodStart),
            multi: p.multichannelCustomers, customers: p.customers })) },
      ],
    }, 'multichannel-share');
  }

  function influenced(rows, periods) {
    const { months, series } = byMonth(rows, 'revenue');
    const visitsByMonth = Object.fromEntries(periods.filter(p => p.period === 'month').map(p => [p.periodStart, p.influencedVisits]));
    const allMonths = [...new Set([...months, ...Object.keys(visitsByMonth)])].sort();
    SM.chart(document.getElementById('influenced-chart'), {
      title: SM.titleOption('Show-influenced revenue and store visits', 'Web, app and store net revenue of identified viewers within 24 h after a show they watched; store visits within 7 days'),
      tooltip: { trigger: 'axis' },
      legend: { top: 8, right: 200 },
      grid: { left: 72, right: 72, top: 84, bottom: 36 },
      xAxis: { type: 'category', data: allMonths.map(monthLabel) },
      yAxis: [{ type: 'value', name: 'Revenue', axisLabel: { formatter: moneyAxis } },
        { type: 'value', name: 'Store visits', position: 'right', splitLine: { show: false }, axisLabel: { formatter: v => fmt.count(v) } }],
      series: [
        ...series.map(s => ({ name: s.channel, type: 'bar', stack: 'influenced', barMaxWidth: 48, itemStyle: { color: COLORS[s.channel] },
          tooltip: { valueFormatter: v => fmt.money(v) },
          data: allMonths.map(m => { const i = months.indexOf(m); return i < 0 ? null : s.data[i]; }) })),
        { name: 'Influenced store visits', type: 'line', yAxisIndex: 1, symbolSize: 7, itemStyle: { color: '#be123c' },
          tooltip: { valueFormatter: v => fmt.count(v) }, data: allMonths.map(m => (m in visitsByMonth ? visitsByMonth[m] : null)) },
      ],
    }, 'show-influenced');
    const tableRows = [
      ...rows.map(r => ({ id: `${r.month}/${r.channel}`, month: r.month, partial: r.partial, what: `${r.channel} revenue`, value: fmt.money(r.revenue),
        raw: Number(r.revenue), change: r.revenueChange, orders: r.orders, customers: r.customers })),
      ...periods.filter(p => p.period === 'month').map(p => ({ id: `${p.periodStart}/visits`, month: p.periodStart, partial: p.partial,
        what: 'influenced store visits', value: fmt.count(p.influencedVisits), raw: p.influencedVisits, change: p.influencedVisitsChange,
        orders: null, customers: null })),
    ];
    SM.table(document.getElementById('influenced-table'), {
      rows: tableRows, sortKey: 'month', sortDir: 'desc', rowId: r => r.id,
      columns: [
        { key: 'month', label: 'Month', format: r => periodLabel(monthLabel(r.month), r.partial) },
        { key: 'what', label: 'Measure' },
        { key: 'value', label: 'Value', num: true, sort: r => r.raw, format: r => r.value },
        { key: 'change', label: 'vs previous month', num: true, format: r => change(r.change),
          title: 'A month to date is compared with the same span of the previous month, never the whole month.' },
        { key: 'orders', label: 'Orders', num: true, format: r => fmt.count(r.orders) },
        { key: 'customers', label: 'Customers', num: true, format: r => fmt.count(r.customers) },
      ],
      empty: 'No show-influenced revenue published yet.',
    });
  }

  try {
    const data = await SM.getJson('/api/omnichannel');
    const months = new Set(data.channels.map(r => r.month)).size;
    status.textContent = `${months} month${months === 1 ? '' : 's'} · net revenue in EUR · months in UTC`
      + (data.dataThrough ? ` · data through ${fmt.dateTime(data.dataThrough)}: its month is month to date` : '');
    await showsDrove();
    tiles(data);
    stacked('revenue-chart', 'Net revenue by channel', 'Stacked per month: live, web, app and store', data.channels, 'revenue',
      v => fmt.money(v), 'revenue-by-channel', 'bar', moneyAxis);
    stacked('orders-chart', 'Orders by channel', 'Orders with at least one net line', data.channels, 'orders', v => fmt.count(v), 'orders-by-channel');
    stacked('customers-chart', 'Customers by channel', 'Identified customers with a net purchase', data.channels, 'customers',
      v => fmt.count(v), 'customers-by-channel', 'line');
    multichannel(data.periods);
    influenced(data.influenced, data.periods);
    main.dataset.ready = 'true';
  } catch (error) {
    SM.fail(main, status, error);
  }
})();
