/* Shows page: /api/shows -> audience chart, KPI trend show over show + sortable table; /api/goals -> a badge per goal. */
(async () => {
  'use strict';
  const { fmt, el } = SM;
  const main = document.getElementById('shows-page');
  const status = document.getElementById('shows-status');
  try {
    const [shows, goals] = await Promise.all([SM.getJson('/api/shows'), SM.getJson('/api/goals')]);
    const goalsOf = id => goals.filter(g => g.showId === id);
    status.textContent = `${shows.length} show${shows.length === 1 ? '' : 's'} · latest first`;

    const chronological = shows.slice().reverse();
    SM.chart(document.getElementById('shows-chart'), {
      title: SM.titleOption('Audience by show', 'Unique viewers and instantaneous peak concurrent viewers'),
      tooltip: { trigger: 'axis', valueFormatter: v => fmt.count(v) },
      legend: { top: 8, right: 60 },
      grid: { left: 64, right: 24, top: 72, bottom: 72 },
      xAxis: {
        type: 'category', name: 'Show (by start)', nameLocation: 'middle', nameGap: 52,
        data: chronological.map(s => s.title),
        axisLabel: { interval: 0, rotate: chronological.length > 6 ? 30 : 0, width: 140, overflow: 'truncate' },
      },
      yAxis: { type: 'value', name: 'Viewers', axisLabel: { formatter: v => fmt.count(v) } },
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
    const width = 100 / trend.length;
    SM.chart(document.getElementById('shows-trend'), {
      title: SM.titleOption('Headline KPIs show over show', 'Each panel in show start order; hover for the show'),
      tooltip: { trigger: 'axis' },
      grid: trend.map((t, i) => ({ left: `${i * width + 4}%`, width: `${width - 7}%`, top: 84, bottom: 28 })),
      xAxis: trend.map((t, i) => ({ type: 'category', gridIndex: i, data: chronological.map(s => s.title), axisLabel: { show: false }, axisTick: { show: false } })),
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
      empty: 'No shows published yet: run the pipeline (./showmetrics run) to fill the serving tables.',
      columns: [
        { key: 'title', label: 'Show', cls: 'title-cell', format: s => el('a', { href: `/shows/${encodeURIComponent(s.showId)}` }, s.title) },
        { key: 'host', label: 'Host', cls: 'nowrap' },
        { key: 'startsAt', label: 'Starts (UTC)', cls: 'nowrap', format: s => fmt.dateTimeShort(s.startsAt) },
        { key: 'durationSeconds', label: 'Duration', num: true, format: s => fmt.duration(s.durationSeconds) },
        { key: 'uniqueViewers', label: 'Unique viewers', num: true, format: s => fmt.count(s.uniqueViewers) },
        { key: 'peakConcurrentViewers', label: 'Peak concurrent', num: true, format: s => fmt.count(s.peakConcurrentViewers) },
        { key: 'avgWatchSeconds', label: 'Avg watch', num: true, title: 'Average live watch time (m:ss)', format: s => fmt.mmss(s.avgWatchSeconds) },
        { key: 'engagementRate', label: 'Engagement', num: true, title: 'Engaged viewers / unique viewers', format: s => fmt.percent(s.engagementRate) },
        { key: 'chatMessages', label: 'Chat messages', num: true, format: s => fmt.count(s.chatMessages) },
        { key: 'replayViewers', label: 'Replay viewers', num: true, format: s => fmt.count(s.replayViewers) },
        { key: 'goals', label: 'Goals', sort: s => goalsOf(s.showId).filter(g => g.status === 'met').length,
          format: s => {
            const mine = goalsOf(s.showId);
            return mine.length ? el('span', { class: 'goal-badges' }, mine.map(g => {
              const b = SM.goalBadge(g, { compact: true });
              b.title = `${g.metricLabel}: ${SM.goalTarget(g)}, actual ${SM.byUnit(g.unit, g.actual)}${SM.isNumber(g.attainment) ? ` (${fmt.percent(g.attainment, 0)})` : ''}${g.provisional ? `, ${SM.provisionalText(g.finalAt, g.dataThrough).replace(/^P/, 'p')}` : ''}`;
              return b;
            })) : el('span', { class: 'muted' }, '–');
          } },
        { key: 'status', label: 'Status', sort: s => s.status === 'final' ? 2 : s.status === 'provisional' ? 1 : 0,
          format: s => SM.statusBadge(s.status, s.finalAt, s.dataThrough) },
      ],
    });
    main.dataset.ready = 'true';
  } catch (error) {
    SM.fail(main, status, error);
  }
})();
