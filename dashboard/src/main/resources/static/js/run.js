/* Run detail page: /api/runs/{id} -> totals, per-file reconciliation, quarantine by reason, samples. */
(async () => {
  'use strict';
  const { fmt, el } = SM;
  const main = document.getElementById('run-page');
  const runId = main.dataset.runId;
  const meta = document.getElementById('run-meta');

  function reconciledCell(ok) {
    return ok ? el('span', { class: 'badge badge-final', title: 'read = accepted + quarantined + duplicate' }, '✓ reconciles')
      : el('span', { class: 'badge badge-run-failed', title: 'read ≠ accepted + quarantined + duplicate' }, '✗ mismatch');
  }

  try {
    const detail = await SM.getJson(`/api/runs/${encodeURIComponent(runId)}`);
    const run = detail.run;
    meta.textContent = [`Started ${fmt.dateTime(run.startedAt)}`,
      run.finishedAt ? `finished ${fmt.dateTime(run.finishedAt)}` : 'still running',
      run.durationSeconds !== null ? `took ${fmt.duration(run.durationSeconds)}` : null,
      run.message].filter(Boolean).join(' · ');
    document.getElementById('run-status').replaceChildren(SM.runBadge(run.status));

    const tile = (id, label, value, note) => el('div', { class: 'kpi', id: `run-${id}` },
      el('div', { class: 'kpi-label' }, label), el('div', { class: 'kpi-value' }, value),
      note ? el('div', { class: 'kpi-note' }, note) : '');
    document.getElementById('run-tiles').replaceChildren(
      tile('read', 'Records read', fmt.count(run.recordsRead)),
      tile('accepted', 'Accepted', fmt.count(run.recordsAccepted)),
      tile('quarantined', 'Quarantined', fmt.count(run.recordsQuarantined)),
      tile('duplicate', 'Duplicates dropped', fmt.count(run.recordsDuplicate)),
      tile('files', 'Files loaded', fmt.count(run.filesLoaded)),
      tile('shows', 'Shows computed', fmt.count(run.showsComputed)),
      el('div', { class: 'kpi', id: 'run-reconciled' }, el('div', { class: 'kpi-label' }, 'Reconciliation'),
        el('div', { class: 'kpi-value kpi-value-sm' }, reconciledCell(run.reconciled))));

    SM.table(document.getElementById('files-table'), {
      rows: detail.files,
      sortKey: 'entity',
      rowId: f => `${f.entity}/${f.file}`,
      empty: 'This run loaded no files.',
      columns: [
        { key: 'entity', label: 'Entity' },
        { key: 'file', label: 'File', cls: 'mono wrap' },
        { key: 'recordsRead', label: 'Read', num: true, format: f => fmt.count(f.recordsRead) },
        { key: 'recordsAccepted', label: 'Accepted', num: true, format: f => fmt.count(f.recordsAccepted) },
        { key: 'recordsQuarantined', label: 'Quarantined', num: true, format: f => fmt.count(f.recordsQuarantined) },
        { key: 'recordsDuplicate', label: 'Duplicate', num: true, format: f => fmt.count(f.recordsDuplicate) },
        { key: 'reconciled', label: 'Check', sort: f => (f.reconciled ? 1 : 0), format: f => reconciledCell(f.reconciled) },
      ],
    });

    // The chart sums each reason over entities; the table beside it keeps the entity split.
    const byReason = new Map();
    detail.quarantineReasons.forEach(r => byReason.set(r.reason, (byReason.get(r.reason) || 0) + r.records));
    const reasons = [...byReason.entries()].sort((a, b) => a[1] - b[1]);
    SM.chart(document.getElementById('reasons-chart'), {
      title: SM.titleOption('Quarantined records by reason', reasons.length ? 'All entities' : 'Nothing was quarantined in this run'),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: v => fmt.count(v) },
      grid: { left: 16, right: 48, top: 64, bottom: 40, containLabel: true },
      xAxis: { type: 'value', name: 'Records', nameLocation: 'middle', nameGap: 26, axisLabel: { formatter: v => fmt.count(v) } },
      yAxis: { type: 'category', name: 'Reason', data: reasons.map(r => r[0]) },
      series: [{ name: 'Quarantined', type: 'bar', barMaxWidth: 22, itemStyle: { color: '#ef4444' },
        data: reasons.map(r => r[1]), label: { show: true, position: 'right', formatter: p => fmt.count(p.value) } }],
    }, `run-${runId}-quarantine`);

    SM.table(document.getElementById('reasons-table'), {
      rows: detail.quarantineReasons,
      sortKey: 'records',
      sortDir: 'desc',
      rowId: r => `${r.entity}/${r.reason}`,
      empty: 'Nothing was quarantined in this run.',
      columns: [
        { key: 'entity', label: 'Entity' },
        { key: 'reason', label: 'Reason', cls: 'mono' },
        { key: 'records', label: 'Records', num: true, format: r => fmt.count(r.records) },
      ],
    });

    SM.table(document.getElementById('samples-table'), {
      rows: detail.quarantineSamples,
      sortKey: 'file',
      rowId: s => `${s.file}:${s.line}`,
      empty: 'No quarantined records were sampled in this run.',
      columns: [
        { key: 'entity', label: 'Entity' },
        { key: 'file', label: 'File', cls: 'mono wrap' },
        { key: 'line', label: 'Line', num: true, format: s => String(s.line) },
        { key: 'field', label: 'Field', cls: 'mono' },
        { key: 'reason', label: 'Reason', cls: 'mono' },
        { key: 'message', label: 'Message', cls: 'wrap' },
        { key: 'raw', label: 'Raw record', cls: 'mono raw', format: s => el('code', { title: s.raw || '' }, fmt.text(s.raw)) },
      ],
    });
    main.dataset.ready = 'true';
  } catch (error) {
    SM.fail(main, meta, error);
  }
})();
