/*
 * Shows page: the filters of the address (?from=&to=&host=&q=&experiment=, the server-rendered GET form) go unchanged
 * to /api/shows and the CSV link; /api/shows -> audience chart, KPI trend show over show + sortable table;
 * /api/goals -> a badge per goal.
 */
(async () => {
  'use strict';
  const { fmt, el } = SM;
  const main = document.getElementById('shows-page');
  const status = document.getElementById('shows-status');
  const FILTERS = { from: 'from', to: 'to', host: 'host', q: 'title', experiment: 'experiment' };

  // The filters that are set, in a fixed order, as a query string ('' when none).
  const address = new URLSearchParams(window.location.search);
  const query = new URLSearchParams();
  Object.keys(FILTERS).forEach(k => { const v = (address.get(k) || '').trim(); if (v) query.set(k, v); });
  const qs = query.toString() ? `?${query}` : '';
  document.getElementById('shows-csv').setAttribute('href', `/api/shows.csv${qs}`);
  // Submit only the filters that are set, so that the address stays short and shareable.
  const form = document.getElementById('shows-filter');
  form.addEventListener('submit', () => {
    form.querySelectorAll('input, select').forEach(f => { if (!f.value.trim()) f.disabled = true; });
  });

  /** "Spring Collection Launch\n2026-03-01" → the category of a show on the charts: its date first, then its title. */
  const category = s => `${fmt.date(s.startsAt)} · ${s.title}`;
  const twoLines = v => String(v).replace(' · ', '\n');

  try {
    const [shows, goals] = await Promise.all([SM.getJson(`/api/shows${qs}`), SM.getJson('/api/goals')]);
    const goalsOf = id => goals.filter(g => g.showId === id);
    const described = [...query.entries()].map(([k, v]) => `${FILTERS[k]} ${k === 'q' ? `contains “${v}”` : v}`);
    status.textContent = `${shows.length} show${shows.length === 1 ? '' : 's'}${described.length ? ` · ${described.join(', ')}` : ''} · latest first`;

    const chronological = shows.slice().reverse();
    // A phone (or a narrow window) when the charts are drawn: legends, labels and panels are laid out for it.
    const narrow = document.getElementById('shows-trend').clientWidth < 640;
    SM.chart(document.getElementById('shows-chart'), {
      title: SM.titleOption('Audience by show', 'Unique viewers and instantaneous peak concurrent viewers'),
      tooltip: { trigger: 'axis', valueFormatter: v => fmt.count(v) },
      // On a phone the legend goes under the title, and the show labels tilt so that their dates do not collide.
      legend: narrow ? { top: 48, left: 8 } : { top: 8, right: 60 },
      grid: narrow ? { left: 8, right: 12, top: 84, bottom: 24, containLabel: true } : { left: 64, right: 24, top: 72, bottom: 80 },
      xAxis: {
        type: 'category', name: narrow ? '' : 'Show (date, title; in start order)', nameLocation: 'middle', nameGap: 64,
        data: chronological.map(category),
        axisLabel: { interval: chronological.length > 12 ? 'auto' : 0,
          rotate: narrow && chronological.length > 2 ? 40 : chronological.length > 6 ? 30 : 0,
          width: narrow ? 100 : 140, overflow: 'truncate', lineHeight: 15, formatter: twoLines },
      },
      yAxis: { type: 'value', name: narrow ? '' : 'Viewers', axisLabel: { formatter: v => fmt.count(v) } },
      series: [
        { name: 'Unique viewers', type: 'bar', barMaxWidth: 36, data: chronological.map(s => s.uniqueViewers) },
        { name: 'Peak concurrent', type: 'bar', barMaxWidth: 36, data: chronological.map(s => s.peakConcurrentViewers) },
      ],
    }, 'shows-audience');

    // Small multiples: one headline KPI per grid, show over show, on a shared category axis of shows.
    const trend = [
      { name: 'Unique viewers', values: chronological.map(s => s.uniqueViewers), format: v => fmt.count(v) },
      { name: 'Live orders', values: chronological.map(s => s.liveOrders), format: v => fmt.count(v) },
      { name: 'Live GMV', values: chronological.map(s => (s.liveGmv === null ? null : Number(s.liveGmv))), format: v => fmt.money(v) },
      { name: 'Conversion 24 h', values: chronological.map(s => s.conversionRate24h), format: v => fmt.percent(v, 1) },
    ];
    // Four panels side by side; on a narrow screen two by two.
    const trendEl = document.getElementById('shows-trend');
    if (narrow) trendEl.style.height = '440px';
    const columns = narrow ? 2 : trend.length;
    const width = 100 / columns;
    const gridOf = i => (narrow
      ? { left: `${(i % 2) * width + 1}%`, width: `${width - 4}%`, top: i < 2 ? 96 : 272, height: 130, containLabel: true }
      : { left: `${i * width + 4}%`, width: `${width - 7}%`, top: 84, bottom: 28 });
    SM.chart(trendEl, {
      title: SM.titleOption('Headline KPIs show over show', 'Each panel in show start order; hover for the show and date'),
      tooltip: { trigger: 'axis' },
      grid: trend.map((t, i) => gridOf(i)),
      xAxis: trend.map((t, i) => ({ type: 'category', gridIndex: i, data: chronological.map(category), axisLabel: { show: false }, axisTick: { show: false } })),
      yAxis: trend.map((t, i) => ({ type: 'value', gridIndex: i, name: t.name, nameTextStyle: { fontWeight: 600, color: '#334155', align: 'left' },
        splitNumber: 3, axisLabel: { formatter: v => (t.name === 'Live GMV' ? `€${fmt.count(v)}` : t.name === 'Conversion 24 h' ? fmt.percent(v, 0) : fmt.count(v)) } })),
      series: trend.map((t, i) => ({ name: t.name, type: 'line', xAxisIndex: i, yAxisIndex: i, data: t.values, connectNulls: true,
        symbolSize: 7, tooltip: { valueFormatter: t.format } })),
    }, 'shows-kpi-trend');

    SM.table(document.getElementById('shows-table'), {
      rows: shows,
      sortKey: 'startsAt',
      sortDir: 'desc',
      rowId: s => s.showId,
      empty: qs ? 'No show matches these filters.' : 'No shows published yet: run the pipeline (./showmetrics run) to fill the serving tables.',
      columns: [
        { key: 'title', label: 'Show', cls: 'title-cell', format: s => (s.status === 'live'
          ? [el('a', { href: `/shows/${encodeURIComponent(s.showId)}` }, s.title), ' ', SM.liveBadge({ compact: true })]
          : el('a', { href: `/shows/${encodeURIComponent(s.showId)}` }, s.title)) },
        { key: 'host', label: 'Host', cls: 'nowrap' },
        { key: 'startsAt', label: 'Starts (UTC)', cls: 'nowrap', format: s => fmt.dateTimeShort(s.startsAt) },
        { key: 'durationSeconds', label: 'Duration', num: true, format: s => fmt.duration(s.durationSeconds) },
        { key: 'uniqueViewers', label: 'Unique viewers', num: true, format: s => fmt.count(s.uniqueViewers) },
        { key: 'peakConcurrentViewers', label: 'Peak concurrent', num: true, format: s => fmt.count(s.peakConcurrentViewers) },
        { key: 'liveOrders', label: 'Live orders', num: true, title: 'Distinct orders bought in the live player (net)', format: s => fmt.count(s.liveOrders) },
        { key: 'liveGmv', label: 'Live GMV', num: true, sort: s => (s.liveGmv === null ? null : Number(s.liveGmv)),
          title: 'Net revenue of the live orders', format: s => fmt.money(s.liveGmv) },
        { key: 'conversionRate24h', label: 'Conversion 24 h', num: true,
          title: 'Identified viewers who bought in any channel within 24 h after the show / identified viewers', format: s => fmt.percent(s.conversionRate24h) },
        { key: 'goalAttainment', label: 'Goal attainment', num: true,
          title: 'Mean attainment (actual / target) of the show\'s goals, its own and its series\'; – without an evaluated goal',
          format: s => fmt.percent(s.goalAttainment, 0) },
        { key: 'avgWatchSeconds', label: 'Avg watch', num: true, title: 'Average live watch time (m:ss)', format: s => fmt.mmss(s.avgWatchSeconds) },
        { key: 'engagementRate', label: 'Engagement', num: true, title: 'Engaged viewers / unique viewers', format: s => fmt.percent(s.engagementRate) },
        { key: 'goals', label: 'Goals', sort: s => goalsOf(s.showId).filter(g => g.status === 'met').length,
          format: s => {
            const mine = goalsOf(s.showId);
            return mine.length ? el('span', { class: 'goal-badges' }, mine.map(g => {
              const b = SM.goalBadge(g, { compact: true });
              b.title = `${g.metricLabel}${g.source === 'series' ? ` (series goal: ${g.series})` : ''}: ${SM.goalTarget(g)}, actual ${SM.byUnit(g.unit, g.actual)}${SM.isNumber(g.attainment) ? ` (${fmt.percent(g.attainment, 0)})` : ''}${g.provisional ? `, ${SM.provisionalText(g.finalAt, g.dataThrough).replace(/^P/, 'p')}` : ''}`;
              return b;
            })) : el('span', { class: 'muted' }, '–');
          } },
        { key: 'status', label: 'Status', sort: s => ({ live: 3, final: 2, provisional: 1 }[s.status] || 0),
          format: s => SM.statusBadge(s.status, s.finalAt, s.dataThrough) },
      ],
    });
    main.dataset.ready = 'true';
  } catch (error) {
    SM.fail(main, status, error);
  }
})();
