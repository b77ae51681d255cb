/* Experiments page: /api/experiments -> sortable table with SRM flags and status. */
(async () => {
  'use strict';
  const { fmt, el } = SM;
  const main = document.getElementById('experiments-page');
  const status = document.getElementById('experiments-status');
  try {
    const experiments = await SM.getJson('/api/experiments');
    const flagged = experiments.filter(e => e.srmFlagged).length;
    status.textContent = `${experiments.length} experiment${experiments.length === 1 ? '' : 's'} · latest first`
      + (flagged ? ` · ${flagged} flagged for sample-ratio mismatch` : '');

    SM.table(document.getElementById('experiments-table'), {
      rows: experiments,
      sortKey: 'startsAt',
      sortDir: 'desc',
      rowId: e => e.experimentId,
      empty: 'No experiments published yet: run the pipeline (./showmetrics run) to fill the serving tables.',
      columns: [
        { key: 'name', label: 'Experiment', cls: 'title-cell', format: e => el('a', { href: `/experiments/${encodeURIComponent(e.experimentId)}` }, e.name) },
        { key: 'hypothesis', label: 'Hypothesis', cls: 'wrap' },
        { key: 'primaryMetric', label: 'Primary metric', format: e => (e.primaryMetric ? EXP.metric(e.primaryMetric).label : SM.DASH) },
        { key: 'variants', label: 'Variants (assigned)', sort: e => e.variants.length,
          format: e => (e.variants.length ? el('div', { class: 'variant-list' }, e.variants.map(v => el('div', { class: 'variant-row' },
            el('span', { class: 'mono' }, v.variant), v.control ? el('span', { class: 'badge badge-control' }, 'control') : '',
            el('span', { class: 'count' }, fmt.count(v.assigned))))) : SM.DASH) },
        { key: 'assigned', label: 'Assigned', num: true, format: e => fmt.count(e.assigned) },
        { key: 'srm', label: 'Sample ratio', sort: e => (e.srmFlagged ? 0 : SM.isNumber(e.srmPValue) ? 2 : 1), format: e => EXP.srmBadge(e) },
        { key: 'startsAt', label: 'Runs (UTC)', cls: 'nowrap', format: e => `${fmt.date(e.startsAt)} – ${fmt.date(e.endsAt)}` },
        { key: 'status', label: 'Status', sort: e => (e.status === 'final' ? 2 : e.status === 'provisional' ? 1 : 0),
          format: e => SM.statusBadge(e.status, e.finalAt, e.dataThrough) },
      ],
    });
    main.dataset.ready = 'true';
  } catch (error) {
    SM.fail(main, status, error);
  }
})();
