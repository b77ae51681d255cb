/* Retention page: /api/retention?kind&segment -> cohort heat map (cohort week × week offset, colour = rate). */
(async () => {
  'use strict';
  const { fmt, el } = SM;
  const main = document.getElementById('retention-page');
  const status = document.getElementById('retention-status');
  const select = document.getElementById('segment');
  const csv = document.getElementById('retention-csv');
  let kind = 'viewer';
  let heatmap = null;

  /** "generation:Gen Z" -> "Generation: Gen Z", "all" -> "All customers". */
  const segmentLabel = s => {
    if (s === 'all') return 'All customers';
    const [dim, ...rest] = s.split(':');
    const names = { generation: 'Generation', region: 'Region', first_channel: 'First channel' };
    return `${names[dim] || dim}: ${rest.join(':')}`;
  };

  function render(data) {
    const weeks = [...new Set(data.cells.map(c => c.cohortWeek))].sort();
    const maxOffset = data.cells.reduce((m, c) => Math.max(m, c.weekOffset), 0);
    const offsets = Array.from({ length: maxOffset + 1 }, (_, k) => `+${k}`);
    const cells = data.cells.map(c => ({
      value: [c.weekOffset, weeks.indexOf(c.cohortWeek), c.rate],
      retained: c.retained, cohortSize: c.cohortSize, cohortWeek: c.cohortWeek, partial: c.partial,
      label: { color: SM.isNumber(c.rate) && c.rate >= 0.5 ? '#ffffff' : '#1e1b4b' },
      // A week still running at the data through: hatched border, "partial" in the label and tooltip.
      itemStyle: c.partial ? { borderColor: '#f59e0b', borderWidth: 2, borderType: 'dashed', opacity: 0.75 } : undefined,
    }));
    const sizes = Object.fromEntries(data.cells.filter(c => c.weekOffset === 0).map(c => [c.cohortWeek, c.cohortSize]));
    /** "2026-02-02 (120) · incl. earlier customers" for the first week of the data, "… · week to date" while it runs. */
    const weekLabel = w => {
      const notes = [w === data.firstCohortWeek ? 'incl. earlier customers' : null,
        data.runningWeek && w >= data.runningWeek ? 'week to date' : null].filter(Boolean);
      return `${w} (${fmt.count(sizes[w])})${notes.length ? ` · ${notes.join(' · ')}` : ''}`;
    };
    const option = {
      title: SM.titleOption(`${kind === 'viewer' ? 'Viewer' : 'Buyer'} retention · ${segmentLabel(data.segment)}`,
        'Share of each weekly cohort active again k weeks later'),
      tooltip: {
        formatter: p => `Cohort week of ${SM.esc(p.data.cohortWeek)}, week +${SM.esc(p.data.value[0])}<br>`
          + `<b>${SM.esc(fmt.percent(p.data.value[2], 1))}</b> retained: ${SM.esc(fmt.count(p.data.retained))} of ${SM.esc(fmt.count(p.data.cohortSize))}`
          + (p.data.partial ? `<br>Partial: this week is still running (data through ${SM.esc(fmt.dateTime(data.dataThrough))}); the share can still grow.` : '')
          + (p.data.cohortWeek === data.firstCohortWeek ? '<br>The first week of the data: this cohort includes customers who existed before the data starts.' : ''),
      },
      grid: { left: 300, right: 90, top: 70, bottom: 60 },
      xAxis: { type: 'category', data: offsets, name: 'Weeks after the cohort week', nameLocation: 'middle', nameGap: 32, splitArea: { show: true } },
      yAxis: { type: 'category', data: weeks.map(weekLabel), inverse: true,
        name: 'Cohort week (size)', nameLocation: 'start', splitArea: { show: true } },
      visualMap: { min: 0, max: 1, calculable: true, orient: 'vertical', right: 10, top: 'middle',
        inRange: { color: ['#eef2ff', '#a5b4fc', '#4f46e5', '#312e81'] }, formatter: v => fmt.percent(v, 0) },
      series: [{
        name: 'Retention', type: 'heatmap', data: cells,
        label: { show: true, formatter: p => `${fmt.percent(p.data.value[2], 0)}${p.data.partial ? '*' : ''}`, fontSize: 12, fontWeight: 600 },
        emphasis: { itemStyle: { borderColor: '#0f172a', borderWidth: 1 } },
      }],
      graphic: cells.length ? [] : [{ type: 'text', left: 'center', top: 'middle',
        style: { text: 'No cohorts for this segment yet.', fill: '#64748b', fontSize: 13 } }],
    };
    if (heatmap) heatmap.setOption(option, { replaceMerge: ['series', 'graphic'] });
    else heatmap = SM.chart(document.getElementById('retention-heatmap'), option, 'retention');
    heatmap.setOption({ toolbox: { feature: { saveAsImage: { name: `retention-${kind}-${data.segment.replace(/[^A-Za-z0-9]+/g, '-')}` } } } });
    csv.setAttribute('href', `/api/retention.csv?kind=${kind}&segment=${encodeURIComponent(data.segment)}`);
    status.textContent = `${weeks.length} cohort${weeks.length === 1 ? '' : 's'} · ${cells.length} cells · ${segmentLabel(data.segment)}`;
    const coverage = [
      data.runningWeek && weeks.some(w => w >= data.runningWeek)
        ? `* Partial: the week of ${data.runningWeek} is still running at the data through (${fmt.dateTime(data.dataThrough)}); its cohort and its cells can still grow.` : null,
      data.firstCohortWeek && weeks.includes(data.firstCohortWeek)
        ? `The first cohort (${data.firstCohortWeek}) is the first week of the data: it includes customers who existed before the data starts.` : null,
    ].filter(Boolean).join(' ');
    document.getElementById('retention-note').textContent = (kind === 'viewer'
      ? 'Viewers: live presence in any show during the week. The first column is the cohort week itself (100%).'
      : 'Buyers: a net purchase in any channel during the week. The first column is the cohort week itself (100%).')
      + (coverage ? ` ${coverage}` : '');
  }

  async function load(segment) {
    main.dataset.ready = 'false';
    const data = await SM.getJson(`/api/retention?kind=${kind}&segment=${encodeURIComponent(segment)}`);
    // A segment of the other kind may not exist for this one (no buyers among Gen Z yet): fall back to all.
    if (segment !== 'all' && !data.segments.includes(segment)) return load('all');
    const current = segment;
    select.replaceChildren(...(data.segments.length ? data.segments : ['all'])
      .map(s => el('option', { value: s, selected: s === current ? 'selected' : null }, segmentLabel(s))));
    render(data);
    main.dataset.ready = 'true';
  }

  document.querySelectorAll('[data-kind]').forEach(button => button.addEventListener('click', () => {
    kind = button.dataset.kind;
    document.querySelectorAll('[data-kind]').forEach(b => b.setAttribute('aria-pressed', String(b === button)));
    load(select.value || 'all').catch(e => SM.fail(main, status, e));
  }));
  select.addEventListener('change', () => load(select.value).catch(e => SM.fail(main, status, e)));
  try {
    await load('all');
  } catch (error) {
    SM.fail(main, status, error);
  }
})();
