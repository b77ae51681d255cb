/* Definitions page: /api/definitions -> filterable, sortable table. */
(async () => {
  'use strict';
  const { el } = SM;
  const main = document.getElementById('definitions-page');
  const status = document.getElementById('definitions-status');
  try {
    const definitions = await SM.getJson('/api/definitions');
    status.textContent = `${definitions.length} metric${definitions.length === 1 ? '' : 's'}, in the pipeline's catalogue order`;
    const table = SM.table(document.getElementById('definitions-table'), {
      rows: definitions,
      sortKey: 'sortOrder',
      rowId: d => d.name,
      empty: 'No definitions published yet: the publish step writes them with the first run.',
      columns: [
        { key: 'sortOrder', label: '#', num: true, format: d => String(d.sortOrder) },
        { key: 'label', label: 'Metric', format: d => el('strong', {}, d.label) },
        { key: 'name', label: 'Name', cls: 'mono', format: d => d.name },
        { key: 'level', label: 'Level' },
        { key: 'definition', label: 'Definition', cls: 'wrap' },
        { key: 'window', label: 'Window', cls: 'wrap' },
        { key: 'unit', label: 'Unit' },
        { key: 'goalAllowed', label: 'Goal', sort: d => (d.goalAllowed ? 1 : 0),
          format: d => (d.goalAllowed ? el('span', { class: 'badge badge-final' }, 'Yes') : '') },
      ],
    });
    document.getElementById('definitions-filter').addEventListener('input', event => {
      const q = event.target.value.trim().toLowerCase();
      table.setRows(q ? definitions.filter(d => [d.name, d.label, d.definition, d.level]
        .some(v => (v || '').toLowerCase().includes(q))) : definitions);
    });
    main.dataset.ready = 'true';
  } catch (error) {
    SM.fail(main, status, error);
  }
})();
