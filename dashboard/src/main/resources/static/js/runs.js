/* Runs page: /api/runs -> records-per-run chart + sortable table. */
(async () => {
  'use strict';
  const { fmt, el } = SM;
  const main = document.getElementById('runs-page');
  const status = document.getElementById('runs-status');
  try {
    const runs = await SM.getJson('/api/runs');
    status.textContent = `${runs.length} run${runs.length === 1 ? '' : 's'} · latest first`;
    const chronological = runs.slice().reverse();
    const stack = (name, key, color) => ({ name, type: 'bar', stack: 'records', barMaxWidth: 40,
      itemStyle: { color }, data: chronological.map(r => r[key]) });
    SM.chart(document.getElementById('runs-chart'), {
      title: SM.titleOption('Records per run', 'Read = accepted + quarantined + duplicate'),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: v => fmt.count(v) },
      legend: { top: 8, right: 60 },
      grid: { left: 72, right: 24, top: 72, bottom: 56 },
      xAxis: { type: 'category', name: 'Run started (UTC)', nameLocation: 'middle', nameGap: 36,
        data: chronological.map(r => fmt.dateTimeShort(r.startedAt)) },
      yAxis: { type: 'value', name: 'Records', axisLabel: { formatter: v => fmt.count(v) } },
      series: [
        stack('Accepted', 'recordsAccepted', '#10b981'),
        stack('Quarantined', 'recordsQuarantined', '#ef4444'),
        stack('Duplicate', 'recordsDuplicate', '#94a3b8'),
      ],
    }, 'pipeline-runs');

    SM.table(document.getElementById('runs-table'), {
      rows: runs,
      sortKey: 'startedAt',
      sortDir: 'desc',
      rowId: r => r.runId,
      empty: 'No pipeline run yet: ./showmetrics run --input DIR loads data and records its run here.',
      columns: [
        { key: 'runId', label: 'Run', cls: 'mono', format: r => el('a', { href: `/runs/${encodeURIComponent(r.runId)}` }, r.runId) },
        { key: 'status', label: 'Status', format: r => SM.runBadge(r.status) },
        { key: 'startedAt', label: 'Started (UTC)', cls: 'nowrap', format: r => fmt.dateTimeShort(r.startedAt) },
        { key: 'finishedAt', label: 'Finished (UTC)', cls: 'nowrap', format: r => fmt.dateTimeShort(r.finishedAt) },
        { key: 'durationSeconds', label: 'Duration', num: true, format: r => fmt.duration(r.durationSeconds) },
        { key: 'recordsRead', label: 'Read', num: true, format: r => fmt.count(r.recordsRead) },
        { key: 'recordsAccepted', label: 'Accepted', num: true, format: r => fmt.count(r.recordsAccepted) },
        { key: 'recordsQuarantined', label: 'Quarantined', num: true, format: r => fmt.count(r.recordsQuarantined) },
        { key: 'recordsDuplicate', label: 'Duplicate', num: true, format: r => fmt.count(r.recordsDuplicate) },
        { key: 'filesLoaded', label: 'Files', num: true, format: r => fmt.count(r.filesLoaded) },
        { key: 'showsComputed', label: 'Shows', num: true, title: 'Shows computed', format: r => fmt.count(r.showsComputed) },
        { key: 'message', label: 'Message', cls: 'wrap' },
      ],
    });
    main.dataset.ready = 'true';
  } catch (error) {
    SM.fail(main, status, error);
  }
})();
