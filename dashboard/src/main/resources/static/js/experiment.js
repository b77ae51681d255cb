/*
 * Experiment page: /api/experiments/{id} -> header, the decision per variant (first), sample-ratio check, and, once visible,
 * /api/experiments/{id}/results -> per metric a forest plot (raw and CUPED per variant) and a stats table.
 * A flagged experiment's results stay hidden until the user acknowledges the mismatch (the server enforces
 * it too: the results API answers 409 until then).
 */
(async () => {
  'use strict';
  const { fmt, el } = SM;
  const main = document.getElementById('experiment-page');
  const id = main.dataset.experimentId;
  const base = `/api/experiments/${encodeURIComponent(id)}`;
  const resultsEl = document.getElementById('results');
  const resultsBody = document.getElementById('results-body');
  const RAW_COLOR = '#4f46e5';
  const CUPED_COLOR = '#059669';
  let scale = 'relative';
  let current = null; // { experiment, results }
  let definitions = {}; // metric_definition by name, for the metric headings' tooltips
  const charts = []; // [{ name, rows, instance }]

  function renderHeader(detail) {
    const e = detail.experiment;
    document.getElementById('experiment-hypothesis').textContent = e.hypothesis ? `Hypothesis: ${e.hypothesis}` : '';
    const fact = (label, value) => el('span', {}, `${label} `, el('b', {}, value));
    const facts = [
      fact('Primary metric', e.primaryMetric ? EXP.metric(e.primaryMetric).label
        + (detail.primaryMetricHasResults === false ? ' (no results)' : '') : SM.DASH),
      fact('Control', e.controlVariant),
      fact('Assigned', fmt.count(e.assigned)),
      fact('Runs', `${fmt.dateTime(e.startsAt)} – ${fmt.dateTime(e.endsAt)}`),
    ];
    if (e.lastShowEnd) facts.push(fact('Last show ended', fmt.dateTime(e.lastShowEnd)));
    if (detail.shows.length) {
      facts.push(el('span', {}, `Shows `, ...detail.shows.flatMap((s, i) => [i ? ', ' : '',
        el('a', { href: `/shows/${encodeURIComponent(s.showId)}` }, s.title)])));
    }
    document.getElementById('experiment-facts').replaceChildren(...facts);
    document.getElementById('experiment-status').replaceChildren(SM.statusBadge(e.status, e.finalAt, e.dataThrough));
  }

  const DECISIONS = {
    ship: { label: 'Ship', cls: 'decision-ship' },
    no_ship: { label: "Don't ship", cls: 'decision-no-ship' },
    inconclusive: { label: 'Inconclusive', cls: 'decision-inconclusive' },
    guardrail: { label: 'Guardrail', cls: 'decision-guardrail' },
    srm_blocked: { label: 'Blocked: sample-ratio mismatch', cls: 'decision-blocked' },
  };

  /** The first answer: per treatment variant, the decision badge, its reason and what the data can detect. */
  function renderDecision(detail) {
    const body = document.getElementById('decision-body');
    if (!detail.decisions.length) {
      body.replaceChildren(el('p', { class: 'empty' }, 'No decision yet: the experiment has no result for a treatment variant.'));
      return;
    }
    body.replaceChildren(...detail.decisions.map(d => {
      const kind = DECISIONS[d.decision] || { label: d.decision, cls: '' };
      const facts = [];
      if (SM.isNumber(d.mdeAbs)) facts.push(el('span', {}, 'Detectable now (80% power) ', el('b', {}, EXP.absolute(d.metric, d.mdeAbs).replace(/^\+/, '±'))));
      if (SM.isNumber(d.power10pct)) facts.push(el('span', {}, 'Power for a 10% lift ', el('b', {}, fmt.percent(d.power10pct, 0))));
      if (SM.isNumber(d.nNeeded10pct)) facts.push(el('span', {}, 'Customers a 10% lift needs ', el('b', {}, fmt.count(Math.ceil(d.nNeeded10pct)))));
      return el('div', { class: 'decision', 'data-variant': d.variant, 'data-decision': d.decision },
        el('div', { class: 'decision-head' }, el('span', { class: `badge decision-badge ${kind.cls}` }, kind.label),
          el('b', {}, d.variant), el('span', { class: 'muted' }, ` on ${EXP.metric(d.metric).label}`)),
        el('p', { class: 'decision-reason' }, d.reason),
        facts.length ? el('div', { class: 'facts' }, ...facts) : '');
    }));
  }

  function renderSrm(detail) {
    const e = detail.experiment;
    const srm = detail.srm;
    const stat = [];
    stat.push(el('span', {}, 'Chi-square p-value ', el('strong', { id: 'srm-p-value' }, fmt.pValue(srm.pValue))));
    stat.push(el('span', {}, `flag below ${srm.threshold}`));
    stat.push(EXP.srmBadge(e));
    if (srm.errorCode) stat.push(el('span', { class: 'status-error' }, EXP.errorText(srm.errorCode)));
    document.getElementById('srm-stat').replaceChildren(...stat);
    SM.table(document.getElementById('srm-table'), {
      rows: e.variants,
      sortKey: 'order',
      rowId: v => v.variant,
      empty: 'No assignments published for this experiment.',
      columns: [
        { key: 'order', label: 'Variant', sort: v => e.variants.indexOf(v),
          format: v => el('span', {}, el('span', { class: 'mono' }, v.variant), v.control ? el('span', { class: 'badge badge-control' }, 'control') : '') },
        { key: 'assigned', label: 'Assigned', num: true, format: v => fmt.count(v.assigned) },
        { key: 'expectedShare', label: 'Expected share', num: true, format: v => fmt.percent(v.expectedShare, 2) },
        { key: 'observedShare', label: 'Observed share', num: true, format: v => fmt.percent(v.observedShare, 2) },
        { key: 'difference', label: 'Observed − expected', num: true,
          sort: v => (SM.isNumber(v.observedShare) && SM.isNumber(v.expectedShare) ? v.observedShare - v.expectedShare : null),
          format: v => (SM.isNumber(v.observedShare) && SM.isNumber(v.expectedShare)
            ? EXP.absolute('converted', v.observedShare - v.expectedShare) : SM.DASH) },
      ],
    });

    const banner = document.getElementById('srm-banner');
    if (!srm.flagged) {
      banner.hidden = true;
      return;
    }
    banner.hidden = false;
    if (srm.acknowledgedAt) {
      banner.className = 'srm-banner acknowledged';
      banner.replaceChildren(el('div', {},
        el('h2', {}, 'Sample-ratio mismatch acknowledged'),
        el('p', {}, `You acknowledged on ${fmt.dateTime(srm.acknowledgedAt)} that this experiment's split does not match its design `
          + `(p = ${fmt.pValue(srm.pValue)}). The results below may be biased: find the cause (assignment bug, lost events, `
          + 'a variant that fails to load) before acting on them.')));
      return;
    }
    banner.className = 'srm-banner';
    const button = el('button', { type: 'button', class: 'btn btn-danger', id: 'srm-acknowledge' }, 'Acknowledge and show results');
    button.addEventListener('click', acknowledge);
    banner.replaceChildren(
      el('div', {},
        el('h2', {}, 'Sample-ratio mismatch: the split does not match the design'),
        el('p', {}, `The assigned customers are not split between the variants as designed (chi-square p = ${fmt.pValue(srm.pValue)}, `
          + `below ${srm.threshold}). Something removed or added customers in one arm, so the arms may no longer be comparable and `
          + 'every result of this experiment may be biased. The results stay hidden until you acknowledge this.')),
      button);
  }

  async function acknowledge(event) {
    const button = event.currentTarget;
    button.disabled = true;
    try {
      await SM.postJson(`${base}/srm-acknowledgement`);
      await load();
    } catch (error) {
      button.disabled = false;
      SM.fail(main, document.getElementById('experiment-facts'), error);
    }
  }

  /** The forest plot rows of one metric: each treatment variant, raw then CUPED. */
  function forestRows(rows) {
    return rows.map(r => ({ ...r, rowLabel: `${r.variant} · ${r.adjusted ? 'CUPED' : 'raw'}` }));
  }

  function forestOption(metricName, rows) {
    const rel = scale === 'relative';
    const lift = r => (rel ? r.relLift : r.absLift);
    const low = r => (rel ? r.relCiLow : r.absCiLow);
    const high = r => (rel ? r.relCiHigh : r.absCiHigh);
    const axisFormat = v => (rel ? EXP.relative(v) : EXP.absolute(metricName, v));
    const whisker = (color, width, dashed) => (params, api) => {
      const y = api.value(0);
      const lo = api.coord([api.value(1), y]);
      const hi = api.coord([api.value(2), y]);
      const cap = api.size([0, 1])[1] * (dashed ? 0.32 : 0.2);
      const style = { stroke: api.visual('color') || color, lineWidth: width, lineDash: dashed ? [4, 3] : null };
      return { type: 'group', children: [
        { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style },
        { type: 'line', shape: { x1: lo[0], y1: lo[1] - cap, x2: lo[0], y2: lo[1] + cap }, style },
        { type: 'line', shape: { x1: hi[0], y1: hi[1] - cap, x2: hi[0], y2: hi[1] + cap }, style },
      ] };
    };
    const colorOf = r => (r.adjusted ? CUPED_COLOR : RAW_COLOR);
    const ci = rows.map((r, i) => (SM.isNumber(low(r)) && SM.isNumber(high(r))
      ? { value: [i, low(r), high(r)], itemStyle: { color: colorOf(r) } } : null)).filter(Boolean);
    const seq = rel ? [] : rows.map((r, i) => (SM.isNumber(r.seqCiLow) && SM.isNumber(r.seqCiHigh)
      ? { value: [i, r.seqCiLow, r.seqCiHigh], itemStyle: { color: '#94a3b8' } } : null)).filter(Boolean);
    // Filled when the interval drawn excludes 0 (the server decides: absSignificant / relSignificant).
    const significant = r => (rel ? r.relSignificant : r.absSignificant) === true;
    const points = rows.map((r, i) => (SM.isNumber(lift(r)) ? {
      value: [lift(r), i],
      symbol: 'circle', symbolSize: 11,
      itemStyle: significant(r)
        ? { color: colorOf(r), borderColor: colorOf(r) } : { color: '#ffffff', borderColor: colorOf(r), borderWidth: 2 },
    } : null)).filter(Boolean);
    const tooltipFor = i => {
      const r = rows[i];
      return `<b>${SM.esc(r.rowLabel)}</b><br>${rel ? 'Relative' : 'Absolute'} lift ${SM.esc(axisFormat(lift(r)))} `
        + `${SM.esc(EXP.interval(axisFormat, low(r), high(r)))} (95% CI${rel ? ', delta method' : ''}): `
        + `${(rel ? r.relSignificant : r.absSignificant) == null ? 'not computable' : significant(r) ? 'excludes 0' : 'includes 0'}`
        + (rel ? '' : `<br>p ${SM.esc(fmt.pValue(r.pValue))} (same test, unadjusted)`)
        + `<br>Holm-adjusted p ${SM.esc(fmt.pValue(r.pValueHolm))}`
        + (r.errorCode ? `<br>${SM.esc(EXP.errorText(r.errorCode, metricName))}` : '');
    };
    return {
      title: SM.titleOption(`${EXP.metric(metricName).label}: ${rel ? 'relative' : 'absolute'} lift vs control`,
        rel ? 'Point = lift as a share of the control value; whiskers = 95% CI (delta method)'
          : 'Point = variant − control; whiskers = 95% CI; dashed grey = always-valid 95% CI'),
      tooltip: { trigger: 'item', formatter: p => tooltipFor(p.seriesType === 'scatter' ? p.value[1] : p.value[0]) },
      legend: { show: false },
      grid: { left: 120, right: 32, top: 78, bottom: 44 },
      graphic: ci.length || points.length ? [] : [{ type: 'text', left: 'center', top: 'middle',
        style: { text: `No ${rel ? 'relative' : 'absolute'} lift is computable: see the status in the table`, fill: '#64748b', fontSize: 13 } }],
      xAxis: { type: 'value', scale: false, axisLabel: { formatter: axisFormat, hideOverlap: true }, splitNumber: 4,
        splitLine: { lineStyle: { color: '#eef2f7' } },
        name: rel ? 'Relative lift' : 'Absolute lift', nameLocation: 'middle', nameGap: 26 },
      yAxis: { type: 'category', inverse: true, data: rows.map(r => r.rowLabel),
        axisLabel: { color: '#334155', fontWeight: 600 }, axisTick: { show: false } },
      series: [
        { name: '95% CI', type: 'custom', renderItem: whisker(RAW_COLOR, 2.5, false), encode: { x: [1, 2], y: 0 }, data: ci, z: 3 },
        { name: 'Lift', type: 'scatter', data: points, z: 4,
          markLine: { symbol: 'none', silent: true, lineStyle: { color: '#0f172a', type: 'solid', width: 1.2 },
            label: { formatter: 'no effect', position: 'start', color: '#475569' }, data: [{ xAxis: 0 }] } },
        { name: 'Always-valid CI', type: 'custom', renderItem: whisker('#94a3b8', 1.5, true), encode: { x: [1, 2], y: 0 }, data: seq, z: 2 },
      ],
    };
  }

  function statsTable(metricName, rows) {
    const variants = [...new Set(rows.map(r => r.variant))];
    const find = (variant, adjusted) => rows.find(r => r.variant === variant && r.adjusted === adjusted) || null;
    const columns = variants.flatMap(v => [[v, false], [v, true]]);
    const family = current.results.filter(r => !r.adjusted).length;
    const STATS = [
      { key: 'n', label: 'Customers (control / variant)', f: r => `${fmt.count(r.controlN)} / ${fmt.count(r.n)}` },
      { key: 'controlValue', label: `Control (${current.experiment.controlVariant})`,
        f: r => EXP.value(metricName, r.controlValue) },
      { key: 'value', label: 'Variant', f: r => EXP.value(metricName, r.value) },
      { key: 'absLift', label: 'Absolute lift [95% CI]', sig: r => r.absSignificant,
        f: r => EXP.withInterval(v => EXP.absolute(metricName, v), r.absLift, r.absCiLow, r.absCiHigh) },
      { key: 'relLift', label: 'Relative lift [95% CI, delta method]', sig: r => r.relSignificant,
        f: r => EXP.withInterval(EXP.relative, r.relLift, r.relCiLow, r.relCiHigh) },
      { key: 'pValue', label: 'p-value of the absolute lift (same test, unadjusted)', sig: r => r.absSignificant,
        f: r => fmt.pValue(r.pValue) },
      { key: 'pValueHolm', label: `p adjusted by Holm (${family} comparisons)`, f: r => fmt.pValue(r.pValueHolm) },
      { key: 'pValueBh', label: `p adjusted by Benjamini–Hochberg (${family} comparisons)`, f: r => fmt.pValue(r.pValueBh) },
      { key: 'seqCi', label: 'Always-valid 95% CI (absolute)', f: r => EXP.interval(v => EXP.absolute(metricName, v), r.seqCiLow, r.seqCiHigh) },
      { key: 'theta', label: 'CUPED θ', f: r => (SM.isNumber(r.theta) ? fmt.decimal(r.theta, 4) : SM.DASH) },
      { key: 'varianceReduction', label: 'Variance reduction', f: r => fmt.percent(r.varianceReduction, 1) },
      { key: 'status', label: 'Status', f: r => (r.errorCode ? EXP.errorText(r.errorCode, metricName) : 'computed') },
    ];
    const head = el('thead', {},
      el('tr', {}, el('th', { scope: 'col' }, ''), variants.map(v => el('th', { colspan: 2, class: 'group', scope: 'colgroup' },
        `${v} vs ${current.experiment.controlVariant}`))),
      el('tr', {}, el('th', { scope: 'col' }, 'Statistic'), columns.map(([, adj]) => el('th', {
        class: `num group ${adj ? 'group-cuped' : ''}`, scope: 'col' }, adj ? 'CUPED' : 'Raw'))));
    const body = el('tbody', {}, STATS.map(st => el('tr', { 'data-id': st.key },
      el('th', { scope: 'row' }, st.label),
      columns.map(([v, adj]) => {
        const r = find(v, adj);
        const cls = ['num'];
        if (st.sig && r && st.sig(r) === true) cls.push('significant');
        if (st.key === 'status' && r && r.errorCode) cls.push('error');
        if (st.key === 'absLift' || st.key === 'relLift' || st.key === 'seqCi') cls.push('ci');
        return el('td', { class: cls.join(' '), 'data-col': `${v}-${adj ? 'cuped' : 'raw'}` }, r ? st.f(r) : SM.DASH);
      }))));
    return el('table', { class: 'data stats' }, head, body);
  }

  function renderResults(results) {
    charts.splice(0).forEach(c => c.instance.dispose());
    const byMetric = new Map();
    results.forEach(r => {
      if (!byMetric.has(r.metric)) byMetric.set(r.metric, []);
      byMetric.get(r.metric).push(r);
    });
    if (!byMetric.size) {
      resultsBody.replaceChildren(el('div', { class: 'results-hidden' }, 'No results published for this experiment yet.'));
      return;
    }
    const primary = current.experiment.primaryMetric;
    const metrics = [...byMetric.keys()].sort((a, b) => (a === primary ? -1 : b === primary ? 1 : 0));
    const family = results.filter(r => !r.adjusted).length;
    const legend = el('p', { class: 'legend-note', id: 'significance-legend' },
      'Colour: a lift is marked significant when the 95% CI shown excludes 0 (z-test for rates, Welch t-test for revenue, '
      + 'delta method for the relative lift), unadjusted; the p-value shown beside the absolute lift is from that same test. '
      + `Holm and Benjamini–Hochberg p-values adjust for this experiment's ${family} comparisons and do not colour anything.`);
    const missing = primary && !byMetric.has(primary)
      ? [el('div', { class: 'results-hidden', id: 'primary-missing' },
        `The primary metric “${primary}” has no results: results are computed for `
        + `${Object.values(EXP.METRICS).map(m => m.label).join(', ')}.`)] : [];
    resultsBody.replaceChildren(legend, ...missing, ...metrics.map(name => {
      const rows = forestRows(byMetric.get(name));
      const chartEl = el('div', { id: `forest-${name}`, class: 'chart', role: 'img',
        'aria-label': `Forest plot of ${EXP.metric(name).label}`, style: `height:${Math.max(300, 150 + rows.length * 56)}px` });
      const card = el('section', { class: 'card metric-card', id: `metric-${name}`, 'data-metric': name },
        el('div', { class: 'card-head' }, el('div', {},
          el('h2', { title: definitions[name] || null }, EXP.metric(name).label,
            name === primary ? el('span', { class: 'badge badge-primary' }, 'primary metric') : ''),
          el('p', { class: 'card-sub' }, EXP.metric(name).note))),
        el('div', { class: 'metric-layout' },
          el('div', {}, chartEl,
            el('p', { class: 'legend-note' }, el('span', { style: `color:${RAW_COLOR};font-weight:700` }, '● raw'), '  ',
              el('span', { style: `color:${CUPED_COLOR};font-weight:700` }, '● CUPED'),
              '  · filled point = the 95% CI drawn excludes 0 (unadjusted), hollow = it includes 0')),
          el('div', { class: 'table-wrap', id: `stats-${name}` }, statsTable(name, rows))));
      return card;
    }));
    metrics.forEach(name => {
      const rows = forestRows(byMetric.get(name));
      charts.push({ name, rows,
        instance: SM.chart(document.getElementById(`forest-${name}`), forestOption(name, rows), `experiment-${id}-${name}-forest`) });
    });
  }

  /** The store visits the experiment changed over all of its shows: incremental only against a holdout. */
  function renderStoreVisits(visits) {
    const card = document.getElementById('experiment-store-visits');
    const signed = v => (SM.isNumber(v) ? `${Number(v) > 0 ? '+' : Number(v) < 0 ? '−' : ''}${fmt.decimal(Math.abs(Number(v)), 1)}` : SM.DASH);
    card.hidden = false;
    card.replaceChildren(
      el('div', { class: 'card-head' }, el('div', {},
        el('h2', {}, visits.holdout === true ? 'Incremental store visits'
          : visits.holdout === false ? 'Store visits: difference between the variants' : 'Store visits'),
        el('p', { class: 'card-sub' }, visits.holdout === false
          ? 'The control is not a holdout, so this is the difference between two variants, not visits the shows caused: (visit rate of the variant − rate of the control) × the variant’s customers, over all of the experiment’s shows, with the z-test’s 95% CI.'
          : '(Visit rate of the variant − rate of the control) × the variant’s customers, over all of the experiment’s shows, with the z-test’s 95% CI.'))),
      visits.variants.length
        ? el('ul', { class: 'experiment-visits' }, visits.variants.map(v => el('li', { 'data-variant': v.variant },
          `${v.variant} vs ${v.controlVariant}: `, el('strong', {}, signed(v.visits)),
          SM.isNumber(v.ciLow) && SM.isNumber(v.ciHigh) ? ` (95% CI ${signed(v.ciLow)} – ${signed(v.ciHigh)})`
            : ` (${v.errorCode ? EXP.errorText(v.errorCode, 'visited_store') : 'no CI'})`,
          ` · ${fmt.count(v.treated)} customers in the variant`)))
        : el('p', { class: 'kpi-note' }, 'No store-visit result published yet.'));
  }

  function setScale(next) {
    scale = next;
    document.getElementById('scale-relative').setAttribute('aria-pressed', String(next === 'relative'));
    document.getElementById('scale-absolute').setAttribute('aria-pressed', String(next === 'absolute'));
    // Redraw in place: the toolbox and house style stay, series and the empty-plot note follow the scale.
    charts.forEach(c => c.instance.setOption(forestOption(c.name, c.rows), { replaceMerge: ['series', 'graphic'] }));
  }
  document.getElementById('scale-relative').addEventListener('click', () => setScale('relative'));
  document.getElementById('scale-absolute').addEventListener('click', () => setScale('absolute'));

  async function load() {
    const detail = await SM.getJson(base);
    current = { experiment: detail.experiment, results: null };
    renderHeader(detail);
    renderDecision(detail);
    renderSrm(detail);
    const csv = document.getElementById('results-csv');
    const toggle = document.querySelector('#results .toggle');
    if (!detail.srm.resultsVisible) {
      csv.hidden = true;
      toggle.hidden = true;
      resultsBody.replaceChildren(el('div', { class: 'results-hidden', id: 'results-locked' },
        'Results are hidden until you acknowledge the sample-ratio mismatch above.'));
      resultsEl.dataset.state = 'hidden';
      return;
    }
    const [results, visits] = await Promise.all([SM.getJson(`${base}/results`), SM.getJson(`${base}/store-visits`)]);
    current.results = results;
    csv.hidden = false;
    toggle.hidden = false;
    renderResults(current.results);
    renderStoreVisits(visits);
    resultsEl.dataset.state = 'shown';
  }

  try {
    const catalogue = await SM.getJson('/api/definitions');
    definitions = Object.fromEntries(catalogue.map(d => [d.name, `${d.label}: ${d.definition} (${d.window})`]));
    await load();
    main.dataset.ready = 'true';
  } catch (error) {
    SM.fail(main, document.getElementById('experiment-facts'), error);
  }
})();
