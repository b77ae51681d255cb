/*
 * Show page: /api/shows/{id}/diagnosis -> what held the show back (weakest metrics against the last 10 shows, biggest
 * viewer drops) and each tile's benchmark; /api/shows/{id}/products -> the products table; /api/shows/{id}/audiences
 * (marketing only) -> the audiences card; /api/shows/{id} -> KPI tiles; /api/shows/{id}/funnel -> the funnel; /api/shows/{id}/minutes -> viewers, chat and sales per
 * minute on one time axis; /api/shows/{id}/moments -> moment markLines on every grid + the moment table.
 */
(async () => {
  'use strict';
  const { fmt, el } = SM;
  const main = document.getElementById('show-page');
  const showId = main.dataset.showId;
  const base = `/api/shows/${encodeURIComponent(showId)}`;
  /** The page's tables by container: a redraw (a live refresh) sets new rows and keeps the reader's sort. */
  const tables = new Map();
  const table = (container, spec) => {
    if (tables.has(container)) {
      tables.get(container).setRows(spec.rows);
      return tables.get(container);
    }
    const handle = SM.table(container, spec);
    tables.set(container, handle);
    return handle;
  };

  const TILES = [
    { name: 'unique_viewers', key: 'uniqueViewers', label: 'Unique viewers', format: fmt.count },
    { name: 'identified_viewers', key: 'identifiedViewers', label: 'Identified viewers', format: fmt.count },
    { name: 'peak_concurrent_viewers', key: 'peakConcurrentViewers', label: 'Peak concurrent', format: fmt.count,
      note: k => (k.peakAt ? `at ${fmt.time(k.peakAt)} UTC` : null) },
    { name: 'avg_watch_seconds', key: 'avgWatchSeconds', label: 'Avg watch time', format: fmt.mmss, note: () => 'm:ss per viewer' },
    { name: 'replay_viewers', key: 'replayViewers', label: 'Replay viewers', format: fmt.count },
    { name: 'engaged_viewers', key: 'engagedViewers', label: 'Engaged viewers', format: fmt.count },
    { name: 'engagement_rate', key: 'engagementRate', label: 'Engagement rate', format: v => fmt.percent(v),
      note: () => 'engaged / unique viewers' },
    { name: 'chat_messages', key: 'chatMessages', label: 'Chat messages', format: fmt.count },
    { name: 'reactions', key: 'reactions', label: 'Reactions', format: fmt.count },
    { name: 'questions', key: 'questions', label: 'Questions', format: fmt.count },
    { name: 'shares', key: 'shares', label: 'Shares', format: fmt.count },
    { name: 'product_clickers', key: 'productClickers', label: 'Product clickers', format: fmt.count },
    { name: 'carters', key: 'carters', label: 'Carters', format: fmt.count, note: () => 'viewers who added to cart' },
  ];

  const SALES_TILES = [
    { name: 'live_orders', key: 'liveOrders', label: 'Live orders', format: fmt.count, note: () => 'orders placed in the show' },
    { name: 'live_gmv', key: 'liveGmv', label: 'Live GMV', format: fmt.money, note: () => 'net revenue of live orders' },
    { name: 'aov', key: 'aov', label: 'Avg order value', format: fmt.money, note: () => 'live GMV / live orders' },
    { name: 'revenue_per_viewer', key: 'revenuePerViewer', label: 'Revenue per viewer', format: fmt.money,
      note: () => 'live GMV / unique viewers' },
    { name: 'buyers_24h', key: 'buyers24h', label: 'Buyers 24 h', format: fmt.count,
      note: () => 'identified viewers who bought, any channel' },
    { name: 'conversion_rate_24h', key: 'conversionRate24h', label: 'Conversion 24 h', format: v => fmt.percent(v, 2),
      note: () => 'buyers / identified viewers' },
    { name: 'gmv_24h', key: 'gmv24h', label: 'GMV 24 h', format: fmt.money, note: () => 'buyers’ net revenue, any channel' },
    { name: 'stockout_minutes', key: 'stockoutMinutes', label: 'Stock-out minutes', format: v => fmt.decimal(v, 1),
      note: k => (SM.isNumber(k.stockoutMinutes) ? 'featured skus out of stock' : 'not measured (no featured skus or stock)') },
    { name: 'roas_live', key: 'roasLive', label: 'ROAS live', format: roas,
      note: (k, d) => (SM.isNumber(k.roasLive) ? `live GMV / cost ${fmt.money(d.show.cost)}` : 'no cost given for this show') },
    { name: 'roas_24h', key: 'roas24h', label: 'ROAS 24 h', format: roas,
      note: (k, d) => (SM.isNumber(k.roas24h) ? `GMV 24 h / cost ${fmt.money(d.show.cost)}` : 'no cost given for this show') },
  ];

  /** A return on ad spend: revenue per euro of cost ("3.40×"). */
  function roas(v) {
    return SM.isNumber(v) ? `${fmt.decimal(v, 2)}×` : SM.DASH;
  }

  /** One look per moment type, the same on every grid, in the legend and in the table. */
  const MOMENT_STYLES = {
    product_pin: { label: 'Product pin', color: '#7c3aed', line: 'solid' },
    promo: { label: 'Promo', color: '#c026d3', line: 'dashed' },
    giveaway: { label: 'Giveaway', color: '#059669', line: 'dotted' },
    quiz: { label: 'Quiz', color: '#d97706', line: 'dashed' },
    guest: { label: 'Guest', color: '#0891b2', line: 'solid' },
  };
  const momentStyle = type => MOMENT_STYLES[type] || { label: type, color: '#475569', line: 'dashed' };
  const momentTitle = m => [momentStyle(m.type).label, m.label || m.sku].filter(Boolean).join(': ');

  /** How often the page re-reads its numbers while the show is live (live mode writes within 60 s of a file). */
  const REFRESH_MS = 10000;
  const isLive = detail => Boolean(detail.kpi && detail.kpi.status === 'live');

  function renderHeader(detail, minutes = []) {
    const s = detail.show;
    const parts = [s.host ? `Hosted by ${s.host}` : null,
      `${fmt.dateTime(s.startsAt)} – ${fmt.time(s.endsAt)} UTC`, fmt.duration(s.durationSeconds),
      s.channel ? `on ${s.channel}` : null, SM.isNumber(s.cost) ? `cost ${fmt.money(s.cost)}` : null].filter(Boolean);
    document.getElementById('show-meta').textContent = parts.join(' · ');
    const k = detail.kpi;
    main.dataset.status = k ? k.status : 'none';
    if (isLive(detail)) {
      // On air: the badge, how far the feed has reached, and how many minutes the page holds (it grows in place).
      const counting = minutes.filter(m => m.stillCounting).length;
      document.getElementById('show-status').replaceChildren(el('div', { class: 'live-status', id: 'live-status' },
        SM.liveBadge(), ' ',
        el('span', { class: 'live-through', id: 'live-through' },
          `data through ${fmt.clock(k.dataThrough)} UTC · ${document.hidden ? 'paused while this tab is hidden' : 'refreshes every 10 s'}`), ' ',
        el('span', { class: 'live-minutes', id: 'live-minutes', 'data-minutes': String(minutes.length) },
          `${minutes.length} minute${minutes.length === 1 ? '' : 's'} so far${counting ? ', the last one still counting' : ''}`)));
      return;
    }
    document.getElementById('show-status').replaceChildren(SM.statusBadge(k ? k.status : null, k ? k.finalAt : null,
      k ? k.dataThrough : null));
  }

  /**
   * The Alerts card (live mode, SPEC section 6): the show's alerts newest first, time (UTC), kind in words, message
   * and the webhook delivery when one is configured; hidden when the show has none.
   */
  function renderAlerts(alerts) {
    const card = document.getElementById('show-alerts');
    card.hidden = !alerts.length;
    document.getElementById('show-alerts-count').textContent = alerts.length ? `(${alerts.length})` : '';
    document.getElementById('show-alerts-list').replaceChildren(...alerts.map(a => el('li', { class: `alert-item alert-${a.kind}`, 'data-id': String(a.alertId) },
      el('time', { class: 'alert-time', datetime: a.at }, `${fmt.time(a.at)} UTC`), ' ',
      el('strong', { class: 'alert-kind' }, a.headline), ' ',
      el('span', { class: 'alert-message' }, a.message),
      a.webhookStatus && a.webhookStatus !== 'none' ? [' ', SM.webhookBadge(a)] : '')));
  }

  /** A tile's goal line: the status badge, attainment and the target ("Met · 104% of ≥ 900"). */
  function tileGoal(goal) {
    const labels = SM.GOAL_LABELS;
    return el('div', { class: 'kpi-goal', 'data-status': goal.status },
      el('span', { class: `badge badge-goal-${goal.status}` }, labels[goal.status] || goal.status), ' ',
      el('span', { class: 'kpi-goal-text' }, SM.isNumber(goal.attainment)
        ? `${fmt.percent(goal.attainment, 0)} of goal ${SM.goalTarget(goal)}` : `goal ${SM.goalTarget(goal)}`));
  }

  /**
   * A tile's finality: "Provisional until …" while the metric's window is open (from metric_definition), "Provisional,
   * open: data through …, window ends …" while the data has not reached its end, else "Final".
   */
  function tileFinality(finality, kpi, afterShow = false) {
    if (kpi && kpi.status === 'live') {
      return afterShow ? '' : el('div', { class: 'kpi-final kpi-final-live',
        title: `On air: the number so far (data through ${fmt.clock(kpi.dataThrough)} UTC), as live mode computed it; the batch run after the show replaces it.` },
      'so far');
    }
    if (!finality || !kpi) return '';
    return finality.status === 'final'
      ? el('div', { class: 'kpi-final kpi-final-done', title: 'The window that feeds this metric has closed.' }, 'Final')
      : el('div', { class: 'kpi-final', title: 'The window that feeds this metric is still open (the clock or the data has not passed its end); the number can still move.' },
        SM.provisionalText(finality.finalAt, kpi.dataThrough));
  }

  /**
   * A tile's benchmark line: "median of last 10: 2.4% · lowest 20 %" (show_benchmark); the weakest three are marked.
   */
  function tileBenchmark(b, weak) {
    if (!b || b.benchmarkMedian === null) {
      return b ? el('div', { class: 'kpi-bench kpi-bench-none', title: 'A benchmark needs at least 3 earlier shows with a value.' },
        `no benchmark yet (${b.benchmarkN} earlier show${b.benchmarkN === 1 ? '' : 's'})`) : '';
    }
    const text = `median of last ${b.benchmarkN}: ${SM.byUnit(b.unit, b.benchmarkMedian)}`;
    const pct = SM.isNumber(b.percentile) ? ` · p${Math.round(b.percentile * 100)}` : '';
    return el('div', { class: `kpi-bench${weak ? ' kpi-bench-weak' : ''}`,
      title: `The median of this metric over the ${b.benchmarkN} most recent earlier shows with a value; p = the share of them `
        + 'this show beat (ties count half; for stock-out minutes fewer is better).' }, text + pct);
  }

  function renderTiles(detail, definitions, goals, tilesSpec = TILES, containerId = 'kpi-tiles', diagnosis = null) {
    const kpi = detail.kpi;
    const benchmarks = Object.fromEntries(((diagnosis && diagnosis.benchmarks) || []).map(b => [b.metric, b]));
    const weakest = new Set(((diagnosis && diagnosis.weakest) || []).map(w => w.benchmark.metric));
    const later = new Set(detail.afterTheShow || []);
    const tiles = tilesSpec.map(t => {
      const value = kpi ? kpi[t.key] : null;
      // On air, a KPI that only the batch run computes is not missing: it comes after the show.
      const afterShow = later.has(t.name) && !SM.isNumber(value);
      const note = kpi && t.note && !afterShow ? t.note(kpi, detail) : null;
      const goal = goals.find(g => g.metric === t.name);
      return el('div', { class: `kpi${goal ? ` kpi-has-goal kpi-goal-${goal.status}` : ''}${weakest.has(t.name) ? ' kpi-weak' : ''}${afterShow ? ' kpi-after-show' : ''}`,
        id: `kpi-${t.name}`, 'data-metric': t.name, title: definitions[t.name] || null },
        el('div', { class: 'kpi-label' }, t.label),
        afterShow ? el('div', { class: 'kpi-value kpi-value-later', title: 'Computed by the batch run after the show, with its full window.' }, 'after the show')
          : el('div', { class: 'kpi-value' }, t.format(value)),
        note ? el('div', { class: 'kpi-note' }, note) : '',
        tileBenchmark(benchmarks[t.name], weakest.has(t.name)),
        goal ? tileGoal(goal) : '',
        tileFinality((detail.finality || {})[t.name], kpi, afterShow));
    });
    document.getElementById(containerId).replaceChildren(...tiles);
  }

  /** "2 of 3 goals met, 1 pending" for the diagnosis card; null without goals. */
  function goalSummary(goals) {
    if (!goals.length) return null;
    const count = status => goals.filter(g => g.status === status).length;
    const parts = [`${count('met')} of ${goals.length} goal${goals.length === 1 ? '' : 's'} met`];
    if (count('missed')) parts.push(`${count('missed')} missed`);
    if (count('pending')) parts.push(`${count('pending')} pending`);
    if (count('in_progress')) {
      return `${goals.length} goal${goals.length === 1 ? '' : 's'} in progress on air`
        + (count('pending') ? `, ${count('pending')} pending` : '');
    }
    return parts.join(', ');
  }

  /**
   * The first card: did the show hit its goals, and what held it back (the three metrics with the lowest percentile
   * against the last 10 shows, in words) and where it lost viewers (the biggest drops, after which moment).
   */
  function renderDiagnosis(detail, diagnosis, goals) {
    const card = document.getElementById('diagnosis');
    const kpi = detail.kpi;
    if (!kpi) {
      card.replaceChildren(el('p', { class: 'card-sub' }, 'No pipeline run has computed this show yet.'));
      return;
    }
    const items = [];
    const goalsLine = goalSummary(goals);
    if (goalsLine) items.push(el('p', { class: 'diag-goals', id: 'diagnosis-goals' }, goalsLine, '.'));
    if (diagnosis.onAir) {
      // Numbers so far are not ranked against settled shows.
      items.push(el('h3', {}, 'What held this show back'));
      items.push(el('p', { class: 'card-sub diag-on-air', id: 'diagnosis-weakest' },
        'On air: judged after the show. The batch run compares every metric with the last 10 shows once the show has ended.'));
      if (diagnosis.drops.length) {
        items.push(el('h3', {}, 'Where viewers left so far'));
        items.push(el('ol', { class: 'diag-list', id: 'diagnosis-drops' }, ...diagnosis.drops.map(d => el('li', {},
          el('strong', {}, `${fmt.time(d.minuteStart)}: −${fmt.count(d.viewersLost)} viewers`), ` of ${fmt.count(d.viewersBefore)}`))));
      }
      card.replaceChildren(...items);
      return;
    }
    const weak = diagnosis.weakest.map(w => el('li', { 'data-metric': w.benchmark.metric },
      el('strong', {}, `${w.benchmark.label} ${SM.byUnit(w.benchmark.unit, w.benchmark.value)}`),
      `, ${w.rank}`, el('span', { class: 'diag-median' }, ` (median ${SM.byUnit(w.benchmark.unit, w.benchmark.benchmarkMedian)})`)));
    items.push(el('h3', {}, 'What held this show back'));
    items.push(weak.length ? el('ol', { class: 'diag-list', id: 'diagnosis-weakest' }, ...weak)
      : el('p', { class: 'card-sub', id: 'diagnosis-weakest' }, diagnosis.notJudgedYet.length
        ? 'Nothing judged yet: every metric with a benchmark is still in its window.'
        : 'No benchmark yet: a metric is compared once at least 3 earlier shows have a value for it.'));
    if (diagnosis.notJudgedYet.length) {
      items.push(el('p', { class: 'diag-open', id: 'diagnosis-open' }, 'Not judged yet, their window is still open: ',
        diagnosis.notJudgedYet.map(o => `${o.label} (until ${fmt.dateTime(o.finalAt)})`).join(', '), '.'));
    }
    if (diagnosis.drops.length) {
      items.push(el('h3', {}, 'Where viewers left'));
      items.push(el('ol', { class: 'diag-list', id: 'diagnosis-drops' }, ...diagnosis.drops.map(d => el('li', {},
        el('strong', {}, `${fmt.time(d.minuteStart)}: −${fmt.count(d.viewersLost)} viewers`),
        ` of ${fmt.count(d.viewersBefore)}`,
        d.moment ? `, after ${momentTitle(d.moment)} at ${fmt.time(d.moment.ts)}` : ', before any moment'))));
    }
    if (SM.isNumber(kpi.roasLive)) {
      items.push(el('p', { class: 'diag-roas', id: 'diagnosis-roas' }, `Cost ${fmt.money(detail.show.cost)}: `,
        el('strong', {}, `${roas(kpi.roasLive)} live`), ` (live GMV ${fmt.money(kpi.liveGmv)}), ${roas(kpi.roas24h)} within 24 h.`));
    }
    card.replaceChildren(...items);
  }

  /** The products of the show (show_sku), best-selling first. */
  function renderProducts(products, onAir = false) {
    table(document.getElementById('products-table'), {
      rows: products,
      sortKey: 'liveGmv', sortDir: 'desc',
      rowId: p => p.sku,
      empty: onAir ? 'On air: the products table comes with the batch run after the show.' : 'No product activity in this show.',
      columns: [
        { key: 'sku', label: 'SKU' },
        { key: 'clickers', label: 'Clickers', num: true, format: p => fmt.count(p.clickers) },
        { key: 'carters', label: 'Carters', num: true, format: p => fmt.count(p.carters) },
        { key: 'liveOrders', label: 'Live orders', num: true, format: p => fmt.count(p.liveOrders) },
        { key: 'liveUnits', label: 'Units', num: true, format: p => fmt.count(p.liveUnits) },
        { key: 'liveGmv', label: 'Live GMV', num: true, sort: p => Number(p.liveGmv), format: p => fmt.money(p.liveGmv) },
        { key: 'pinnedMinutes', label: 'Minutes pinned', num: true, format: p => fmt.decimal(p.pinnedMinutes, 1) },
        { key: 'stockoutMinutes', label: 'Minutes out of stock', num: true,
          sort: p => (SM.isNumber(p.stockoutMinutes) ? p.stockoutMinutes : -1),
          format: p => (SM.isNumber(p.stockoutMinutes) ? fmt.decimal(p.stockoutMinutes, 1) : SM.DASH) },
      ],
    });
  }

  /** Marketing only: how many customers each audience holds, with its CSV. */
  function renderAudiences(audiences, onAir = false) {
    const labels = {
      carted_not_bought: ['Carted, did not buy', 'added to cart in the live window, no purchase in any channel until 24 h after the show'],
      engaged_not_bought: ['Engaged, did not buy', 'chatted in the live window, no purchase in any channel until 24 h after the show'],
    };
    document.getElementById('audience-list').replaceChildren(...Object.entries(audiences).map(([name, ids]) =>
      el('div', { class: 'kpi', id: `audience-${name}` },
        el('div', { class: 'kpi-label' }, (labels[name] || [name])[0]),
        onAir && !ids.length ? el('div', { class: 'kpi-value kpi-value-later' }, 'after the show') : el('div', { class: 'kpi-value' }, fmt.count(ids.length)),
        el('div', { class: 'kpi-note' }, (labels[name] || [null, ''])[1]),
        el('a', { class: 'btn btn-small', href: `${base}/audiences/${name}.csv`, download: '' }, 'Download CSV'))));
  }

  /** The minute label ("19:23") a moment falls in, or null when it lies outside the minute grid. */
  function minuteLabelOf(ts, minutes, labels) {
    if (!minutes.length) return null;
    const idx = Math.floor((Date.parse(ts) - Date.parse(minutes[0].minuteStart)) / 60000);
    return idx >= 0 && idx < labels.length ? labels[idx] : null;
  }

  /** Vertical markLines for the moments; only the top grid carries the labels, the others repeat the lines. */
  function momentMarks(moments, minutes, labels, withLabels) {
    return moments.map(m => {
      const x = minuteLabelOf(m.ts, minutes, labels);
      if (x === null) return null;
      const st = momentStyle(m.type);
      return {
        name: momentTitle(m), xAxis: x, moment: m.type,
        lineStyle: { color: st.color, type: st.line, width: 1.5, opacity: 0.9 },
        label: withLabels
          ? { show: true, formatter: `${st.label}${m.label ? `: ${m.label}` : ''}`, position: 'insideEndTop', color: st.color,
            fontSize: 10, fontWeight: 600, backgroundColor: 'rgba(255,255,255,0.85)', padding: [1, 3], borderRadius: 3 }
          : { show: false },
      };
    }).filter(Boolean);
  }

  function renderChart(detail, minutes, moments, goals, diagnosis, alerts = []) {
    const kpi = detail.kpi;
    // Live mode: the minutes the show's data through has not passed yet can still grow (lighter, dashed).
    const counting = minutes.map(m => Boolean(m.stillCounting));
    const lighter = values => values.map((v, i) => (counting[i] ? { value: v, itemStyle: { opacity: 0.4 } } : v));
    const labels = minutes.map(m => fmt.time(m.minuteStart));
    const viewers = minutes.map(m => m.viewers);
    const chat = lighter(minutes.map(m => m.chatEvents));
    const orders = lighter(minutes.map(m => m.orders));
    const joined = minutes.map(m => m.viewersJoined);
    const lost = minutes.map(m => (m.viewersLost ? -m.viewersLost : 0));
    const gmv = minutes.map(m => Number(m.gmv));
    const peak = kpi ? kpi.peakConcurrentViewers : null;
    const marks = [];
    if (SM.isNumber(peak)) {
      marks.push({
        name: 'Peak concurrent', yAxis: peak,
        label: { formatter: `Peak concurrent ${fmt.count(peak)}${kpi.peakAt ? ` at ${fmt.time(kpi.peakAt)}` : ''} (instantaneous)`,
          position: 'insideEndTop', color: '#b91c1c' },
      });
      if (kpi.peakAt && minutes.length) {
        const at = minuteLabelOf(kpi.peakAt, minutes, labels);
        if (at !== null) {
          marks.push({ name: 'Peak at', xAxis: at, label: { formatter: `peak ${fmt.time(kpi.peakAt)}`, color: '#b91c1c' } });
        }
      }
    }
    const peakGoal = goals.find(g => g.metric === 'peak_concurrent_viewers');
    if (peakGoal) {
      marks.push({
        name: 'Goal', yAxis: peakGoal.target, goal: peakGoal.metric,
        lineStyle: { type: 'solid', color: '#059669', width: 2 },
        label: { formatter: `Goal: peak concurrent ${SM.goalTarget(peakGoal)}`, position: 'insideStartTop', color: '#047857', fontWeight: 600 },
      });
    }
    // The show's scheduled end: the grace period after it still counts as live.
    const endLabel = minuteLabelOf(detail.show.endsAt, minutes, labels);
    if (endLabel !== null) {
      marks.push({ name: 'Show end', xAxis: endLabel, lineStyle: { type: 'solid', color: '#0f172a', width: 1.5 },
        label: { formatter: `show ends ${fmt.time(detail.show.endsAt)} (+15 min grace)`, position: 'insideEndBottom', color: '#0f172a' } });
    }
    // The biggest viewer drops, labelled with the moment before them.
    const dropPoints = (diagnosis ? diagnosis.drops : []).map(d => {
      const idx = minutes.findIndex(m => m.minuteIndex === d.minuteIndex);
      return idx < 0 ? null : { coord: [labels[idx], -d.viewersLost], value: -d.viewersLost,
        label: { formatter: `−${fmt.count(d.viewersLost)}${d.moment ? ` after ${momentTitle(d.moment)}` : ''}`, position: 'bottom',
          color: '#b91c1c', fontSize: 10, fontWeight: 600, backgroundColor: 'rgba(255,255,255,0.85)', padding: [1, 3] } };
    }).filter(Boolean);
    // Alerts (live mode): a red pin on the viewer curve at the minute that tripped each one (at = the minute's end).
    const alertPoints = alerts.map(a => {
      const at = minuteLabelOf(new Date(Date.parse(a.at) - 60000).toISOString(), minutes, labels);
      if (at === null) return null;
      const idx = labels.indexOf(at);
      return { name: a.headline, coord: [at, viewers[idx]], value: '!', alertId: a.alertId,
        itemStyle: { color: '#dc2626' }, label: { formatter: '!', color: '#fff', fontWeight: 700 } };
    }).filter(Boolean);
    // The still-counting tail of the viewer curve, dashed: from the last settled minute to the end.
    const firstCounting = counting.indexOf(true);
    const countingTail = firstCounting < 0 ? [] : viewers.map((v, i) => (i >= Math.max(0, firstCounting - 1) ? v : null));
    const momentLine = withLabels => {
      const data = momentMarks(moments, minutes, labels, withLabels);
      return data.length ? { symbol: 'none', silent: false, data } : undefined;
    };
    const many = minutes.length > 90;
    const axisName = { nameLocation: 'end', nameTextStyle: { align: 'left', color: '#475569', fontWeight: 600 } };
    SM.chart(document.getElementById('minute-chart'), {
      title: SM.titleOption('Viewers, drop-off, chat and sales per minute',
        `${detail.show.title} · minutes in UTC · show moments marked · biggest drops labelled`),
      tooltip: { trigger: 'axis', valueFormatter: v => fmt.count(v) },
      axisPointer: { link: [{ xAxisIndex: 'all' }] },
      legend: { top: 8, right: 60, data: ['Viewers', 'Joined', 'Lost', 'Chat events', 'Live orders', 'GMV'] },
      grid: [
        { left: 72, right: 80, top: 84, height: 230 },
        { left: 72, right: 80, top: 350, height: 110 },
        { left: 72, right: 80, top: 496, height: 80 },
        { left: 72, right: 80, top: 612, height: 100 },
      ],
      xAxis: [0, 1, 2, 3].map(g => ({
        // One band per minute on every grid, so a minute (and a moment's line) sits at the same x in all four.
        type: 'category', gridIndex: g, data: labels, boundaryGap: true,
        axisLabel: { show: g === 3 }, axisTick: { show: g === 3 },
        ...(g === 3 ? { name: 'Minute (UTC)', nameLocation: 'middle', nameGap: 28 } : {}),
      })),
      yAxis: [
        { type: 'value', gridIndex: 0, name: 'Viewers per minute', ...axisName, axisLabel: { formatter: v => fmt.count(v) } },
        { type: 'value', gridIndex: 1, name: 'Joined / lost', ...axisName, splitNumber: 2,
          axisLabel: { formatter: v => (v < 0 ? `−${fmt.count(-v)}` : fmt.count(v)) } },
        { type: 'value', gridIndex: 2, name: 'Chat events', ...axisName, axisLabel: { formatter: v => fmt.count(v) }, splitNumber: 2 },
        { type: 'value', gridIndex: 3, name: 'Live orders', ...axisName, minInterval: 1, splitNumber: 3,
          axisLabel: { formatter: v => fmt.count(v) } },
        { type: 'value', gridIndex: 3, name: 'GMV (€)', position: 'right', splitNumber: 3, splitLine: { show: false },
          nameTextStyle: { align: 'right', color: '#475569', fontWeight: 600 },
          axisLabel: { formatter: v => `€${fmt.count(v)}` } },
      ],
      dataZoom: many ? [{ type: 'inside', xAxisIndex: [0, 1, 2, 3] }, { type: 'slider', xAxisIndex: [0, 1, 2, 3], bottom: 8, height: 20 }]
        : [{ type: 'inside', xAxisIndex: [0, 1, 2, 3] }],
      series: [
        {
          name: 'Viewers', type: 'line', xAxisIndex: 0, yAxisIndex: 0, data: viewers, showSymbol: false, smooth: false,
          lineStyle: { width: 2 }, areaStyle: { opacity: 0.12 },
          markLine: marks.length || moments.length ? {
            symbol: 'none', lineStyle: { type: 'dashed', color: '#ef4444' },
            data: [...marks, ...(momentLine(true) ? momentLine(true).data : [])],
          } : undefined,
          markPoint: viewers.length ? { symbolSize: 44, data: [{ type: 'max', name: 'Highest minute' }],
            label: { formatter: p => fmt.count(p.value), fontSize: 10 } } : undefined,
        },
        { name: 'Joined', type: 'bar', stack: 'flow', xAxisIndex: 1, yAxisIndex: 1, data: joined, barMaxWidth: 14,
          itemStyle: { color: '#22c55e' }, markLine: momentLine(false) },
        { name: 'Lost', type: 'bar', stack: 'flow', xAxisIndex: 1, yAxisIndex: 1, data: lost, barMaxWidth: 14,
          itemStyle: { color: '#ef4444' }, tooltip: { valueFormatter: v => `−${fmt.count(-v)}` },
          markPoint: dropPoints.length ? { symbol: 'pin', symbolSize: 1, data: dropPoints } : undefined },
        { name: 'Chat events', type: 'bar', xAxisIndex: 2, yAxisIndex: 2, data: chat, barMaxWidth: 14, itemStyle: { color: '#0ea5e9' },
          markLine: momentLine(false) },
        { name: 'Live orders', type: 'bar', xAxisIndex: 3, yAxisIndex: 3, data: orders, barMaxWidth: 14, itemStyle: { color: '#f59e0b' },
          markLine: momentLine(false) },
        { name: 'GMV', type: 'line', xAxisIndex: 3, yAxisIndex: 4, data: gmv, showSymbol: false, step: 'middle',
          lineStyle: { width: 1.75 }, itemStyle: { color: '#10b981' }, tooltip: { valueFormatter: v => fmt.money(v) } },
        // Not in the legend: the dashed still-counting segment and the alert pins.
        { name: 'Still counting', id: 'still-counting', type: 'line', xAxisIndex: 0, yAxisIndex: 0, data: countingTail,
          showSymbol: false, silent: true, tooltip: { show: false }, z: 3,
          lineStyle: { width: 2, type: 'dashed', color: '#ffffff' } },
        { name: 'Alerts', id: 'alerts', type: 'line', xAxisIndex: 0, yAxisIndex: 0, data: [], showSymbol: false,
          markPoint: alertPoints.length ? { symbol: 'pin', symbolSize: 34, data: alertPoints,
            tooltip: { formatter: p => SM.esc(`Alert: ${p.name}`) } } : undefined },
      ],
    }, `show-${showId}-minutes`);

    const legend = document.getElementById('moment-legend');
    const types = [...new Set(moments.map(m => m.type))];
    legend.replaceChildren(...types.map(t => {
      const st = momentStyle(t);
      return el('span', { class: 'moment-key', 'data-type': t },
        el('span', { class: 'moment-swatch', style: `border-left: 2px ${st.line} ${st.color}` }), st.label);
    }));

    const note = document.getElementById('peak-note');
    const countingNote = firstCounting < 0 ? ''
      : ` The last minute (${labels[labels.length - 1]}) is still counting: its bars are lighter and its line dashed.`;
    const alertNote = alertPoints.length ? ` Red pins mark the ${alertPoints.length === 1 ? 'alert' : `${alertPoints.length} alerts`}.` : '';
    if (!minutes.length) {
      note.textContent = 'No per-minute data for this show yet.';
    } else if (isLive(detail)) {
      note.textContent = `On air: minutes are added as live mode writes them.${countingNote}${alertNote}`;
    } else if (SM.isNumber(peak)) {
      note.textContent = `${alertNote.trim()}${alertNote ? ' ' : ''}The dashed red line is the peak concurrent audience (${fmt.count(peak)}): the most viewers present at one instant. `
        + `A minute's viewers count everyone present at any time in that minute, so the highest minute (${fmt.count(Math.max(...viewers))}) can be above it. `
        + 'Orders and GMV are live orders placed in each minute (net of cancellations and returns).';
    }
  }

  /** Additive goals and how their running total builds up minute by minute (show_minute). */
  const PACING = {
    unique_viewers: { label: 'Unique viewers so far', per: m => Number(m.newViewers), format: v => fmt.count(v),
      note: 'running sum of viewers whose first live presence falls in each minute' },
    live_orders: { label: 'Live orders so far', per: m => Number(m.orders), format: v => fmt.count(v), note: 'running sum of live orders' },
    live_gmv: { label: 'Live GMV so far', per: m => Number(m.gmv), format: v => fmt.money(v), note: 'running sum of live GMV' },
  };

  /**
   * One cumulative pacing chart per additive goal: the running total at the end of each minute against the target,
   * with a linear pace line from 0 at starts_at to the target at ends_at (flat at the target in the grace period).
   */
  function renderPacing(detail, minutes, goals) {
    const container = document.getElementById('pacing-charts');
    const paced = goals.filter(g => PACING[g.metric]);
    const note = document.getElementById('pacing-note');
    if (!paced.length) {
      container.replaceChildren();
      note.replaceChildren('No goal on unique viewers, live orders or live GMV for this show. ',
        el('a', { href: `/goals?showId=${encodeURIComponent(showId)}` }, 'Set one on the Goals page'), ' to follow its pacing minute by minute.');
      return;
    }
    note.textContent = 'Each line is the running total at the end of each minute; the dashed line is an even pace from 0 at the start to the target at the scheduled end.';
    const start = Date.parse(detail.show.startsAt);
    const end = Date.parse(detail.show.endsAt);
    // On air, the axis runs to the scheduled end, so the running total grows towards the target across a fixed axis.
    const onAir = isLive(detail);
    const scheduled = onAir && end > start ? Math.ceil((end - start) / 60000) : 0;
    const axis = minutes.map(m => m.minuteStart);
    for (let i = axis.length; i < scheduled; i++) axis.push(new Date(start + i * 60000).toISOString());
    const labels = axis.map(fmt.time);
    // Keep the charts already there when the goals are the same (a live refresh redraws them in place).
    const wanted = paced.map(g => g.metric).join(',');
    if ([...container.children].map(c => c.dataset.metric).join(',') !== wanted) {
      container.replaceChildren(...paced.map(g => el('div', { id: `pacing-${g.metric}`, class: 'chart chart-pacing', 'data-metric': g.metric,
        role: 'img', 'aria-label': `Pacing of ${g.metricLabel} against its goal` })));
    }
    const counting = minutes.map(m => Boolean(m.stillCounting));
    const firstCounting = counting.indexOf(true);
    paced.forEach(goal => {
      const spec = PACING[goal.metric];
      let total = 0;
      const cumulative = minutes.map(m => { total += spec.per(m); return Math.round(total * 100) / 100; });
      const pace = axis.map(minuteStart => {
        const t = Date.parse(minuteStart) + 60000;
        const share = end > start ? Math.min(1, Math.max(0, (t - start) / (end - start))) : 1;
        return Math.round(goal.target * share * 100) / 100;
      });
      const last = cumulative.length ? cumulative[cumulative.length - 1] : null;
      const color = goal.status === 'met' ? '#059669' : goal.status === 'missed' ? '#dc2626' : '#4f46e5';
      const live = goal.status === 'in_progress';
      // The settled minutes as a solid line, the still-counting last one dashed and lighter.
      const settled = firstCounting < 0 ? cumulative : cumulative.map((v, i) => (i < firstCounting ? v : null));
      const tail = firstCounting < 0 ? [] : cumulative.map((v, i) => (i >= Math.max(0, firstCounting - 1) ? v : null));
      const chartEl = document.getElementById(`pacing-${goal.metric}`);
      chartEl.dataset.minutes = String(minutes.length);
      SM.chart(chartEl, {
        title: SM.titleOption(`${goal.metricLabel}: pacing against goal ${SM.goalTarget(goal)}`,
          `${spec.note} · ${last === null ? 'no minutes yet' : `${spec.format(last)} ${live ? `so far (${minutes.length} min)` : 'by the end'}`} · goal ${SM.GOAL_LABELS[goal.status] ? SM.GOAL_LABELS[goal.status].toLowerCase() : goal.status}${firstCounting < 0 ? '' : ' · last minute still counting (dashed)'}`),
        tooltip: { trigger: 'axis', valueFormatter: spec.format },
        legend: { top: 8, right: 60, data: [spec.label, 'Even pace to target'] },
        grid: { left: 80, right: 32, top: 76, bottom: 40 },
        xAxis: { type: 'category', data: labels, boundaryGap: false, name: 'Minute (UTC)', nameLocation: 'middle', nameGap: 26 },
        yAxis: { type: 'value', axisLabel: { formatter: v => (goal.metric === 'live_gmv' ? `€${fmt.count(v)}` : fmt.count(v)) } },
        series: [
          { name: spec.label, type: 'line', data: settled, showSymbol: false, lineStyle: { width: 2.5, color }, itemStyle: { color },
            areaStyle: { opacity: 0.08, color },
            markLine: { symbol: 'none', silent: true, data: [{ name: 'Target', yAxis: goal.target, goal: goal.metric,
              lineStyle: { color: '#059669', type: 'solid', width: 1.5 },
              label: { formatter: `Goal ${SM.goalTarget(goal)}`, position: 'insideStartTop', color: '#047857', fontWeight: 600 } }] } },
          { name: 'Even pace to target', type: 'line', data: pace, showSymbol: false, lineStyle: { type: 'dashed', width: 1.5, color: '#64748b' },
            itemStyle: { color: '#64748b' } },
          { name: `${spec.label} (still counting)`, id: 'still-counting', type: 'line', data: tail, showSymbol: false,
            lineStyle: { width: 2.5, type: 'dashed', color, opacity: 0.55 }, itemStyle: { color }, tooltip: { show: false } },
        ],
      }, `show-${showId}-pacing-${goal.metric}`);
    });
  }

  const MODEL_LABELS = { last_touch: 'Last touch', first_touch: 'First touch', linear: 'Linear', time_decay: 'Time decay', markov: 'Markov' };

  /** A signed number of visits with one decimal: "+35.0", "−2.5". */
  const signedVisits = v => (SM.isNumber(v) ? `${Number(v) > 0 ? '+' : Number(v) < 0 ? '−' : ''}${fmt.decimal(Math.abs(Number(v)), 1)}` : SM.DASH);

  /**
   * The covering experiment's store visits, named as the experiment's (over all of its shows, never this show's
   * own): "incremental" only when its control is a holdout, else the difference between two variants. The server
   * sends no number for an SRM-flagged experiment this user has not acknowledged.
   */
  function experimentVisits(e) {
    const box = document.getElementById('sv-experiment');
    if (!e) {
      box.replaceChildren(el('p', { class: 'kpi-note' }, 'No experiment covers this show.'));
      return;
    }
    const link = el('a', { href: `/experiments/${encodeURIComponent(e.experimentId)}` }, e.name || e.experimentId);
    if (!e.resultsVisible) {
      box.replaceChildren(el('p', { class: 'experiment-visits locked' }, 'Experiment ', link,
        ': flagged for sample-ratio mismatch. Its store visits, like its other results, stay hidden until you acknowledge the flag on the experiment page.'));
      return;
    }
    if (!e.variants.length) {
      box.replaceChildren(el('p', { class: 'experiment-visits' }, 'Experiment ', link, ': no store-visit result published yet.'));
      return;
    }
    const ci = v => (SM.isNumber(v.ciLow) && SM.isNumber(v.ciHigh)
      ? `(95% CI ${signedVisits(v.ciLow)} – ${signedVisits(v.ciHigh)})` : `(${v.errorCode ? EXP_ERRORS[v.errorCode] || v.errorCode : 'no CI'})`);
    box.replaceChildren(...e.variants.map(v => el('p', { class: 'experiment-visits', 'data-variant': v.variant },
      'Experiment ', link, ': ',
      e.holdout
        ? [`incremental store visits `, el('strong', {}, signedVisits(v.visits)), ` ${ci(v)}, over all its shows`,
          e.variants.length > 1 ? ` (${v.variant} vs ${v.controlVariant})` : '']
        : [`difference in store visits between the variants ${v.variant} and ${v.controlVariant}: `, el('strong', {}, signedVisits(v.visits)),
          ` ${ci(v)}, over all its shows (no holdout, so not incremental to the shows)`])));
  }
  const EXP_ERRORS = { empty_arm: 'not computable: an arm has no assigned customers', zero_variance: 'not computable: nobody visited a store in either arm' };

  /** Store visits: totals per attribution model, per store and model, survey share; the experiment's visits. */
  function renderStoreVisits(visits, detail, goals) {
    const visitsGoal = goals.find(g => g.metric === 'influenced_store_visits');
    const kpi = detail.kpi;
    const metricOf = { influenced: 'influenced_store_visits', visitors: 'influenced_visitors', 'saw-show': 'saw_show_share' };
    const later = new Set(detail.afterTheShow || []);
    const tile = (id, label, value, note) => (later.has(metricOf[id]) && value === SM.DASH
      ? el('div', { class: 'kpi kpi-after-show', id: `sv-${id}` }, el('div', { class: 'kpi-label' }, label),
        el('div', { class: 'kpi-value kpi-value-later' }, 'after the show'))
      : el('div', { class: 'kpi', id: `sv-${id}` },
        el('div', { class: 'kpi-label' }, label), el('div', { class: 'kpi-value' }, value), note ? el('div', { class: 'kpi-note' }, note) : '',
        tileFinality((detail.finality || {})[metricOf[id]], kpi)));
    document.getElementById('store-tiles').replaceChildren(
      tile('influenced', 'Influenced store visits', fmt.decimal(visits.influencedStoreVisits, 0), 'visits within 7 days after this show (each model splits them below)'),
      tile('visitors', 'Influenced visitors', fmt.count(visits.influencedVisitors), 'distinct customers'),
      tile('saw-show', 'Saw the show (survey)', fmt.percent(visits.sawShowShare), 'of influenced visits with an answer'));
    experimentVisits(visits.experiment);
    const models = visits.models;
    SM.chart(document.getElementById('model-chart'), {
      title: SM.titleOption('Influenced visits by attribution model', 'Visits credited to this show by each model'),
      tooltip: { trigger: 'axis', valueFormatter: v => fmt.decimal(v, 1) },
      grid: { left: 56, right: 24, top: 70, bottom: 36 },
      xAxis: { type: 'category', data: models.map(m => MODEL_LABELS[m.model] || m.model) },
      yAxis: { type: 'value', name: 'Visits' },
      series: [{ name: 'Visits', type: 'bar', barMaxWidth: 44, data: models.map(m => m.visits),
        label: { show: true, position: 'top', formatter: p => fmt.decimal(p.value, 1) },
        // The goal is on the visits credited to the show (last touch, as in show_kpi); the line lets each model compare.
        markLine: visitsGoal ? { symbol: 'none', silent: true, data: [{ name: 'Goal', yAxis: visitsGoal.target, goal: visitsGoal.metric,
          lineStyle: { color: '#059669', type: 'solid', width: 2 },
          label: { formatter: `Goal ${SM.goalTarget(visitsGoal)}`, position: 'insideEndTop', color: '#047857', fontWeight: 600 } }] } : undefined,
        itemStyle: { color: p => SM.palette[p.dataIndex % SM.palette.length] } }],
      graphic: visits.stores.length ? [] : [{ type: 'text', left: 'center', top: 'middle',
        style: { text: 'No store visits credited to this show.', fill: '#64748b', fontSize: 13 } }],
    }, `show-${showId}-visits-by-model`);
    const stores = visits.stores;
    SM.chart(document.getElementById('store-chart'), {
      title: SM.titleOption('Influenced visits by store', 'One bar per model, stacked by store'),
      tooltip: { trigger: 'axis', valueFormatter: v => fmt.decimal(v, 2) },
      legend: { type: 'scroll', bottom: 0, left: 12, right: 12 },
      grid: { left: 56, right: 24, top: 70, bottom: 56 },
      xAxis: { type: 'category', data: models.map(m => MODEL_LABELS[m.model] || m.model) },
      yAxis: { type: 'value', name: 'Visits' },
      series: stores.map(st => ({ name: st.storeId, type: 'bar', stack: 'stores', barMaxWidth: 44,
        data: models.map(m => (m.model in st.visits ? st.visits[m.model] : null)) })),
    }, `show-${showId}-visits-by-store`);
    table(document.getElementById('store-table'), {
      rows: stores.map(st => ({ storeId: st.storeId, ...st.visits })), sortKey: 'storeId', rowId: r => r.storeId,
      empty: 'No store visits credited to this show.',
      columns: [{ key: 'storeId', label: 'Store', cls: 'mono' },
        ...models.map(m => ({ key: m.model, label: MODEL_LABELS[m.model] || m.model, num: true, format: r => fmt.decimal(r[m.model], 2) }))],
    });
  }

  function renderRetention(detail, definitions, goals) {
    const spec = [
      { name: 'returning_viewer_rate', key: 'returningViewerRate', label: 'Returning viewers', format: v => fmt.percent(v),
        note: () => 'identified viewers who watched an earlier show live' },
      { name: 'next_show_retention', key: 'nextShowRetention', label: 'Next-show retention', format: v => fmt.percent(v),
        note: () => 'identified viewers who watch another show within 30 days' },
    ];
    renderTiles(detail, definitions, goals, spec, 'retention-tiles');
  }

  function renderGoals(goals) {
    table(document.getElementById('show-goals-table'), {
      rows: goals, sortKey: 'metricLabel', rowId: g => g.metric,
      empty: 'No goals for this show.',
      columns: [
        { key: 'metricLabel', label: 'Metric' },
        { key: 'target', label: 'Target', num: true, format: g => SM.goalTarget(g) },
        { key: 'actual', label: 'Actual', num: true, format: g => SM.byUnit(g.unit, g.actual) },
        { key: 'attainment', label: 'Attainment', num: true, format: g => fmt.percent(g.attainment, 0) },
        { key: 'status', label: 'Status', format: g => SM.goalBadge(g) },
      ],
    });
  }

  /**
   * The funnel in SPEC's order viewers → engaged → clicked → carted → bought (stages from /api/shows/{id}/funnel),
   * each with its count and share of viewers. Stages are counted separately (a viewer can click without chatting),
   * so a later stage can be wider than an earlier one.
   */
  function renderFunnel(stages, computed) {
    const viewers = stages[0].value;
    const share = v => (SM.isNumber(v) && SM.isNumber(viewers) && Number(viewers) > 0 ? Number(v) / Number(viewers) : null);
    const colors = ['#4f46e5', '#6366f1', '#0ea5e9', '#10b981', '#f59e0b'];
    const title = 'Funnel';
    SM.chart(document.getElementById('show-funnel'), {
      title: SM.titleOption(title, 'Viewers → engaged → clicked → carted → bought within 24 h (any channel, identified viewers only)'),
      graphic: computed ? [] : [{ type: 'text', left: 'center', top: 'middle',
        style: { text: 'Not computed yet: no pipeline run has published this show’s KPIs.', fill: '#64748b', fontSize: 13 } }],
      tooltip: { trigger: 'item', formatter: p => `${SM.esc(p.name)}: ${SM.esc(fmt.count(p.value))} (${SM.esc(fmt.percent(share(p.value)))} of viewers)<br>${SM.esc(stages[p.dataIndex].note)}` },
      series: [{
        name: title, type: 'funnel', sort: 'none', gap: 3, left: '4%', width: '56%', top: 70, bottom: 12, funnelAlign: 'center',
        min: 0, max: SM.isNumber(viewers) && Number(viewers) > 0 ? Number(viewers) : 1, minSize: '4%', maxSize: '100%',
        label: { position: 'right', color: '#0f172a', fontSize: 13,
          formatter: p => `{name|${p.name}}  {count|${fmt.count(p.value)}}  {share|${fmt.percent(share(p.value))} of viewers}`,
          rich: { name: { fontWeight: 600, color: '#334155' }, count: { fontWeight: 700, fontSize: 14 }, share: { color: '#64748b' } } },
        labelLine: { show: true, length: 16, lineStyle: { color: '#cbd5e1' } },
        data: computed ? stages.map((st, i) => ({ name: st.label, value: SM.isNumber(st.value) ? Number(st.value) : null,
          itemStyle: { color: colors[i % colors.length] } })) : [],
      }],
    }, `show-${showId}-funnel`);
    table(document.getElementById('show-funnel-table'), {
      rows: stages.map((st, i) => ({ ...st, order: i, share: share(st.value) })),
      sortKey: 'order',
      rowId: st => st.key,
      columns: [
        { key: 'order', label: 'Stage', format: st => el('span', { title: st.note }, st.label) },
        { key: 'note', label: 'Who counts', format: st => st.note },
        { key: 'value', label: 'Count', num: true, format: st => fmt.count(st.value) },
        { key: 'share', label: '% of viewers', num: true, format: st => fmt.percent(st.share) },
      ],
    });
  }

  function deltaCell(before, after, delta) {
    const cls = !SM.isNumber(delta) || Number(delta) === 0 ? 'delta' : Number(delta) > 0 ? 'delta delta-up' : 'delta delta-down';
    return el('span', { class: 'before-after' }, `${fmt.count(before)} → ${fmt.count(after)}`, ' ',
      el('span', { class: cls }, SM.isNumber(delta) ? `Δ ${fmt.signedCount(delta)}` : 'Δ –'));
  }

  function renderMoments(moments) {
    const clicksDelta = m => m.clicksDelta;
    const ordersDelta = m => m.ordersDelta;
    table(document.getElementById('moments-table'), {
      rows: moments,
      sortKey: 'offsetSeconds',
      rowId: m => `${m.ts}/${m.type}/${m.sku || ''}`,
      empty: 'No moments recorded for this show.',
      columns: [
        { key: 'offsetSeconds', label: 'Time into show', num: true, title: 'mm:ss from the show’s start', format: m => fmt.offset(m.offsetSeconds) },
        { key: 'type', label: 'Type', format: m => {
          const st = momentStyle(m.type);
          return el('span', { class: 'moment-chip', style: `color:${st.color};border-color:${st.color}` }, st.label);
        } },
        { key: 'sku', label: 'SKU', cls: 'mono', format: m => (m.sku ? m.sku : 'any sku') },
        { key: 'label', label: 'Label', cls: 'wrap' },
        { key: 'viewersPresent', label: 'Viewers present', num: true, format: m => fmt.count(m.viewersPresent) },
        { key: 'clicks', label: 'Product clicks 5 min before → after', num: true, sort: clicksDelta,
          format: m => deltaCell(m.clicksBefore, m.clicksAfter, clicksDelta(m)) },
        { key: 'orders', label: 'Live orders 5 min before → after', num: true, sort: ordersDelta,
          format: m => deltaCell(m.ordersBefore, m.ordersAfter, ordersDelta(m)) },
      ],
    });
  }

  function renderTable(minutes) {
    table(document.getElementById('minutes-table'), {
      rows: minutes,
      sortKey: 'minuteIndex',
      rowId: m => String(m.minuteIndex),
      empty: 'No per-minute data for this show yet.',
      columns: [
        { key: 'minuteIndex', label: 'Minute', num: true, format: m => String(m.minuteIndex) },
        { key: 'minuteStart', label: 'Starts (UTC)', format: m => fmt.time(m.minuteStart) },
        { key: 'viewers', label: 'Viewers', num: true, format: m => fmt.count(m.viewers) },
        { key: 'chatEvents', label: 'Chat events', num: true, format: m => fmt.count(m.chatEvents) },
        { key: 'productClicks', label: 'Product clicks', num: true, format: m => fmt.count(m.productClicks) },
        { key: 'addToCarts', label: 'Add to carts', num: true, format: m => fmt.count(m.addToCarts) },
        { key: 'orders', label: 'Orders', num: true, format: m => fmt.count(m.orders) },
        { key: 'gmv', label: 'GMV', num: true, sort: m => Number(m.gmv), format: m => fmt.money(m.gmv) },
        { key: 'viewersJoined', label: 'Joined', num: true, format: m => fmt.count(m.viewersJoined) },
        { key: 'viewersLost', label: 'Lost', num: true, format: m => fmt.count(m.viewersLost) },
      ],
    });
  }

  const marketing = main.dataset.role === 'marketing';
  /** What does not move while a show is on air, kept from the first load. */
  let definitions = {};
  let moments = [];

  /** Reads everything and renders the whole page (the first load, and once more when a live show settles). */
  async function loadAll() {
    const [detail, minutes, momentRows, definitionRows, goals, visits, funnel, diagnosis, products, audiences, alerts] = await Promise.all([
      SM.getJson(base), SM.getJson(`${base}/minutes`), SM.getJson(`${base}/moments`), SM.getJson('/api/definitions'),
      SM.getJson(`/api/goals?showId=${encodeURIComponent(showId)}`), SM.getJson(`${base}/store-visits`), SM.getJson(`${base}/funnel`),
      SM.getJson(`${base}/diagnosis`), SM.getJson(`${base}/products`), marketing ? SM.getJson(`${base}/audiences`) : null,
      SM.getJson(`${base}/alerts`)]);
    moments = momentRows;
    definitions = Object.fromEntries(definitionRows.map(d => [d.name, `${d.label}: ${d.definition} (${d.window})`]));
    renderHeader(detail, minutes);
    renderAlerts(alerts);
    renderDiagnosis(detail, diagnosis, goals);
    renderTiles(detail, definitions, goals, TILES, 'kpi-tiles', diagnosis);
    renderTiles(detail, definitions, goals, SALES_TILES, 'sales-tiles', diagnosis);
    renderGoals(goals);
    renderChart(detail, minutes, moments, goals, diagnosis, alerts);
    renderProducts(products, isLive(detail));
    if (audiences) renderAudiences(audiences, isLive(detail));
    renderPacing(detail, minutes, goals);
    renderStoreVisits(visits, detail, goals);
    renderRetention(detail, definitions, goals);
    renderFunnel(funnel, Boolean(detail.kpi));
    renderMoments(moments);
    renderTable(minutes);
    return detail;
  }

  /**
   * One live refresh: re-reads what live mode moves (the show's KPIs, minutes, goals, alerts, diagnosis and funnel)
   * and redraws those parts in place, without a reload, so the scroll position and the reader's zoom stay. Once the
   * show is no longer live (the batch run published it), the whole page is read and drawn once more, and refreshing
   * stops.
   */
  async function refreshLive() {
    const [detail, minutes, goals, alerts, diagnosis, funnel] = await Promise.all([
      SM.getJson(base), SM.getJson(`${base}/minutes`), SM.getJson(`/api/goals?showId=${encodeURIComponent(showId)}`),
      SM.getJson(`${base}/alerts`), SM.getJson(`${base}/diagnosis`), SM.getJson(`${base}/funnel`)]);
    if (!isLive(detail)) return loadAll();
    renderHeader(detail, minutes);
    renderAlerts(alerts);
    renderDiagnosis(detail, diagnosis, goals);
    renderTiles(detail, definitions, goals, TILES, 'kpi-tiles', diagnosis);
    renderTiles(detail, definitions, goals, SALES_TILES, 'sales-tiles', diagnosis);
    renderRetention(detail, definitions, goals);
    renderGoals(goals);
    renderChart(detail, minutes, moments, goals, diagnosis, alerts);
    renderPacing(detail, minutes, goals);
    renderFunnel(funnel, Boolean(detail.kpi));
    renderTable(minutes);
    return detail;
  }

  /**
   * While the show is live: refresh every REFRESH_MS, not while the tab is hidden (document.hidden; it refreshes at
   * once when shown again), and stop for good once the show is no longer live. A failed refresh says so in the live
   * line and tries again at the next tick.
   */
  function followLive() {
    let timer = null;
    let busy = false;
    const schedule = () => { clearTimeout(timer); timer = setTimeout(tick, REFRESH_MS); };
    async function tick() {
      if (document.hidden || busy) return;
      busy = true;
      try {
        const detail = await refreshLive();
        main.dataset.refreshes = String(Number(main.dataset.refreshes || 0) + 1);
        if (isLive(detail)) schedule();
        else stop();
      } catch (error) {
        const line = document.getElementById('live-through');
        if (line) line.textContent = `could not refresh (${error.message}); trying again in 10 s`;
        console.error(error);
        schedule();
      } finally {
        busy = false;
      }
    }
    function onVisibility() {
      const line = document.getElementById('live-through');
      if (document.hidden) {
        clearTimeout(timer);
        if (line) line.textContent = line.textContent.replace('refreshes every 10 s', 'paused while this tab is hidden');
      } else {
        tick();
      }
    }
    function stop() {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      delete main.dataset.live;
    }
    main.dataset.live = 'true';
    document.addEventListener('visibilitychange', onVisibility);
    schedule();
  }

  /**
   * A show not computed yet whose live window is ahead or under way (by this browser's clock, until an hour after
   * its end): checks every REFRESH_MS whether live mode has started writing it, and then follows it. Stops at the
   * end of that hour; paused while the tab is hidden.
   */
  function waitForLive(detail) {
    const until = Date.parse(detail.show.endsAt) + 3600 * 1000;
    const check = async () => {
      if (Date.now() > until) return;
      if (!document.hidden) {
        try {
          const now = await SM.getJson(base);
          if (now.kpi) {
            const settled = await loadAll();
            if (isLive(settled)) followLive();
            return;
          }
        } catch (error) {
          console.error(error);
        }
      }
      setTimeout(check, REFRESH_MS);
    };
    setTimeout(check, REFRESH_MS);
  }

  try {
    const detail = await loadAll();
    main.dataset.ready = 'true';
    if (isLive(detail)) followLive();
    else if (!detail.kpi && Date.parse(detail.show.endsAt) + 3600 * 1000 > Date.now()) waitForLive(detail);
  } catch (error) {
    SM.fail(main, document.getElementById('show-meta'), error);
  }
})();
