/*
 * Goals page: /api/goals -> goal table (each goal with where it comes from: the show or its series; Edit / Delete,
 * or Override / Edit series, for marketing), /api/goals/series -> series goals, /api/goals/summary -> hit rate per
 * metric, attainment show over show (from the goals), /api/goals/audit -> change history. The forms themselves
 * are server-rendered and post to /goals… with the CSRF token.
 */
(async () => {
  'use strict';
  const { fmt, el } = SM;
  const main = document.getElementById('goals-page');
  const status = document.getElementById('goals-status');
  const canEdit = main.dataset.canEdit === 'true';
  const filter = document.getElementById('goals-show-filter');

  /** Loads a goal into the show form: its own goal to edit, or (override) a series goal as a new goal of this show. */
  function startEdit(goal, { override = false } = {}) {
    document.getElementById('goal-id').value = override ? '' : goal.goalId;
    document.getElementById('goal-show').value = goal.showId;
    document.getElementById('goal-metric').value = goal.metric;
    document.getElementById('goal-direction').value = goal.direction;
    document.getElementById('goal-target').value = goal.targetText || String(goal.target);
    document.getElementById('goal-form-title').textContent = override
      ? `Override the series goal for ${goal.showTitle}` : `Edit goal ${goal.goalId}`;
    document.getElementById('goal-cancel').hidden = false;
    document.getElementById('goal-target').dispatchEvent(new Event('input'));
    document.getElementById('goal-form-card').scrollIntoView({ behavior: 'instant', block: 'start' });
  }

  function startSeriesEdit(series) {
    document.getElementById('series-id').value = series.seriesGoalId;
    document.getElementById('series-kind').value = series.kind;
    document.getElementById('series-pattern').value = series.pattern;
    document.getElementById('series-metric').value = series.metric;
    document.getElementById('series-direction').value = series.direction;
    document.getElementById('series-target').value = series.targetText;
    document.getElementById('series-form-title').textContent = `Edit series goal ${series.seriesGoalId}`;
    document.getElementById('series-cancel').hidden = false;
    document.getElementById('series-target').dispatchEvent(new Event('input'));
    document.getElementById('series-form-card').scrollIntoView({ behavior: 'instant', block: 'start' });
  }

  function cancelSeriesEdit() {
    document.getElementById('series-form').reset();
    document.getElementById('series-id').value = '';
    document.getElementById('series-form-title').textContent = 'Set a goal for a series';
    document.getElementById('series-cancel').hidden = true;
  }

  function cancelEdit() {
    document.getElementById('goal-form').reset();
    document.getElementById('goal-id').value = '';
    document.getElementById('goal-form-title').textContent = 'Set a goal';
    document.getElementById('goal-cancel').hidden = true;
  }

  function actions(goal, seriesById) {
    if (goal.source === 'series') {
      const override = el('button', { type: 'button', class: 'btn btn-small', 'data-action': 'override',
        title: 'Set a goal for this show only; it then wins over the series goal' }, 'Override');
      override.addEventListener('click', () => startEdit(goal, { override: true }));
      const editSeries = el('button', { type: 'button', class: 'btn btn-small', 'data-action': 'edit-series' }, 'Edit series');
      editSeries.addEventListener('click', () => startSeriesEdit(seriesById[goal.seriesGoalId]));
      return el('span', { class: 'row-actions' }, override, seriesById[goal.seriesGoalId] ? editSeries : '');
    }
    const edit = el('button', { type: 'button', class: 'btn btn-small', 'data-action': 'edit' }, 'Edit');
    edit.addEventListener('click', () => startEdit(goal));
    const del = el('button', { type: 'button', class: 'btn btn-small btn-danger-quiet', 'data-action': 'delete' }, 'Delete');
    del.addEventListener('click', () => {
      if (window.confirm(`Delete the ${goal.metricLabel} goal of ${goal.showTitle}?`)) {
        SM.postForm(`/goals/${goal.goalId}/delete`);
      }
    });
    return el('span', { class: 'row-actions' }, edit, del);
  }

  /**
   * Checks the target beside a form while it is typed (/api/goals/check; nothing is saved): how it reads, the
   * benchmark of the show or series, and a warning when the target is far from it. fields: {show} or {kind, pattern},
   * plus {metric, target}.
   */
  function wireCheck(fields, out) {
    let timer;
    let latest = 0;
    async function run() {
      const params = new URLSearchParams();
      Object.entries(fields).forEach(([k, f]) => { if (f.value.trim()) params.set(k === 'show' ? 'showId' : k, f.value.trim()); });
      if (!params.get('metric') || !(params.get('showId') || params.get('pattern'))) { out.hidden = true; return; }
      const mine = ++latest;
      let check;
      try {
        check = await SM.getJson(`/api/goals/check?${params}`);
      } catch (error) {
        check = { error: error.message };
      }
      if (mine !== latest) return;
      const lines = [];
      if (check.error) lines.push(el('p', { class: 'check-error', 'data-check': 'error' }, check.error));
      else if (check.targetText) lines.push(el('p', { 'data-check': 'reads' }, 'Reads as ', el('b', {}, check.targetText)));
      if (check.caution) lines.push(el('p', { class: 'check-caution', 'data-check': 'caution' }, check.caution));
      if (check.benchmarkText) {
        lines.push(el('p', { 'data-check': 'benchmark' }, 'Benchmark: ', el('b', {}, check.benchmarkText),
          `, the median of ${check.benchmarkBasis}.`));
      } else if (!check.error) {
        lines.push(el('p', { class: 'muted', 'data-check': 'benchmark' }, 'No benchmark yet: fewer than 3 comparable shows have a value.'));
      }
      if (check.warning) lines.push(el('p', { class: 'check-warning', role: 'alert', 'data-check': 'warning' }, check.warning));
      out.replaceChildren(...lines);
      out.hidden = lines.length === 0;
      out.dataset.state = check.warning ? 'warning' : check.error ? 'error' : 'ok';
    }
    Object.values(fields).forEach(f => {
      ['input', 'change'].forEach(type => f.addEventListener(type, () => { clearTimeout(timer); timer = setTimeout(run, 250); }));
    });
    if (fields.target.value.trim()) run();
  }

  /** Where a goal comes from: this show, or a series goal that covers it. */
  function source(goal) {
    return goal.source === 'series'
      ? el('span', { class: 'goal-source goal-source-series', title: `A series goal: it applies to every show of ${goal.series} that starts after it was set, unless the show has its own goal on ${goal.metricLabel}.` },
        `Series: ${goal.series}`)
      : el('span', { class: 'goal-source' }, 'This show');
  }

  /** A goal's row id: its goal id, or for a series goal "series-<id>-<show>" (one series goal applies to many shows). */
  const rowIdOf = g => (g.goalId === null ? `series-${g.seriesGoalId}-${g.showId}` : String(g.goalId));

  function renderTable(goals, seriesById) {
    const columns = [
      { key: 'showTitle', label: 'Show', cls: 'title-cell', sort: g => g.showStartsAt,
        format: g => el('a', { href: `/shows/${encodeURIComponent(g.showId)}` }, g.showTitle) },
      { key: 'showStartsAt', label: 'Starts (UTC)', cls: 'nowrap', format: g => fmt.dateTimeShort(g.showStartsAt) },
      { key: 'metric', label: 'Metric', sort: g => g.metricLabel, format: g => g.metricLabel },
      { key: 'source', label: 'From', sort: g => g.series || '', format: source },
      { key: 'target', label: 'Target', num: true, format: g => SM.goalTarget(g) },
      { key: 'actual', label: 'Actual', num: true, format: g => SM.byUnit(g.unit, g.actual) },
      { key: 'attainment', label: 'Attainment', num: true, title: 'actual / target', format: g => fmt.percent(g.attainment, 0) },
      { key: 'status', label: 'Status', sort: g => SM.GOAL_ORDER[g.status], format: g => SM.goalBadge(g) },
      { key: 'updatedBy', label: 'Set by', cls: 'nowrap', format: g => `${g.updatedBy} · ${fmt.dateTimeShort(g.updatedAt)}` },
    ];
    if (canEdit) columns.push({ key: 'actions', label: '', sort: () => null, format: g => actions(g, seriesById) });
    return SM.table(document.getElementById('goals-table'), {
      rows: goals, sortKey: 'showTitle', sortDir: 'desc', rowId: rowIdOf, columns,
      empty: canEdit ? 'No goals yet: set one above, copy them from a previous show or import a CSV.' : 'No goals set yet.',
    });
  }

  function renderSeries(series) {
    const columns = [
      { key: 'series', label: 'Series', cls: 'title-cell', format: g => g.series },
      { key: 'metric', label: 'Metric', sort: g => g.metricLabel, format: g => g.metricLabel },
      { key: 'target', label: 'Target', num: true, format: g => SM.goalTarget(g) },
      { key: 'appliesFrom', label: 'Applies to shows from (UTC)', cls: 'nowrap', format: g => fmt.dateTimeShort(g.appliesFrom) },
      { key: 'shows', label: 'Shows now', num: true, title: 'Shows of the series, since it was set, without a goal of their own on the metric',
        format: g => `${fmt.count(g.shows)} (${fmt.count(g.upcomingShows)} upcoming)` },
      { key: 'updatedBy', label: 'Set by', cls: 'nowrap', format: g => `${g.updatedBy} · ${fmt.dateTimeShort(g.updatedAt)}` },
    ];
    if (canEdit) {
      columns.push({ key: 'actions', label: '', sort: () => null, format: g => {
        const edit = el('button', { type: 'button', class: 'btn btn-small', 'data-action': 'edit' }, 'Edit');
        edit.addEventListener('click', () => startSeriesEdit(g));
        const del = el('button', { type: 'button', class: 'btn btn-small btn-danger-quiet', 'data-action': 'delete' }, 'Delete');
        del.addEventListener('click', () => {
          if (window.confirm(`Delete the ${g.metricLabel} goal of ${g.series}? It will no longer apply to any show.`)) {
            SM.postForm(`/goals/series/${g.seriesGoalId}/delete`);
          }
        });
        return el('span', { class: 'row-actions' }, edit, del);
      } });
    }
    SM.table(document.getElementById('series-table'), {
      rows: series, sortKey: 'series', rowId: g => String(g.seriesGoalId), columns,
      empty: canEdit ? 'No series goals yet: set one above to cover every upcoming show of a title or a host.' : 'No series goals set.',
    });
  }

  function renderSummary(summary) {
    SM.chart(document.getElementById('goal-hit-chart'), {
      title: SM.titleOption('Hit rate per metric', 'Met / (met + missed) over every show with a goal on the metric'),
      tooltip: { trigger: 'axis', valueFormatter: v => fmt.percent(v, 0) },
      grid: { left: 16, right: 96, top: 70, bottom: 24, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: v => fmt.percent(v, 0) } },
      yAxis: { type: 'category', data: summary.map(s => s.label), inverse: true },
      series: [{ name: 'Hit rate', type: 'bar', barMaxWidth: 22, data: summary.map(s => s.hitRate),
        label: { show: true, position: 'right', formatter: p => `${fmt.percent(p.value, 0)} (${summary[p.dataIndex].met}/${summary[p.dataIndex].met + summary[p.dataIndex].missed})` },
        itemStyle: { color: '#10b981' } }],
    }, 'goal-hit-rate');
    SM.table(document.getElementById('goal-summary-table'), {
      rows: summary, sortKey: 'label', rowId: s => s.metric,
      columns: [
        { key: 'label', label: 'Metric' },
        { key: 'goals', label: 'Goals', num: true, format: s => fmt.count(s.goals) },
        { key: 'met', label: 'Met', num: true, format: s => fmt.count(s.met) },
        { key: 'missed', label: 'Missed', num: true, format: s => fmt.count(s.missed) },
        { key: 'pending', label: 'Pending', num: true, format: s => fmt.count(s.pending) },
        { key: 'hitRate', label: 'Hit rate', num: true, format: s => fmt.percent(s.hitRate, 0) },
        { key: 'meanAttainment', label: 'Mean attainment', num: true, format: s => fmt.percent(s.meanAttainment, 0) },
      ],
      empty: 'No goals yet.',
    });
  }

  /** Attainment above this is drawn at it (and labelled with its true value), so one absurd target cannot flatten the rest. */
  const ATTAINMENT_CAP = 2;

  function renderTrend(goals) {
    const shows = [...new Map(goals.slice().sort((a, b) => a.showStartsAt.localeCompare(b.showStartsAt))
      .map(g => [g.showId, g])).values()];
    const metrics = [...new Map(goals.map(g => [g.metric, g.metricLabel])).entries()];
    const capped = goals.some(g => SM.isNumber(g.attainment) && g.attainment > ATTAINMENT_CAP);
    const label = s => `${fmt.date(s.showStartsAt)} · ${s.showTitle}`;
    SM.chart(document.getElementById('goal-trend-chart'), {
      title: SM.titleOption('Attainment show over show', `actual / target per show and metric${capped ? `; bars above ${fmt.percent(ATTAINMENT_CAP, 0)} are cut (striped) and labelled` : ''}`),
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: items => [SM.esc(items[0].axisValue), ...items.filter(p => p.data && SM.isNumber(p.data.actual)).map(p =>
          `${p.marker}${SM.esc(p.seriesName)}: <b>${SM.esc(fmt.percent(p.data.actual, 0))}</b>`)].join('<br>'),
      },
      legend: { top: 44, left: 12, type: 'scroll', right: 60 },
      grid: { left: 56, right: 24, top: 84, bottom: 64 },
      xAxis: { type: 'category', data: shows.map(label),
        axisLabel: { interval: 0, rotate: shows.length > 5 ? 25 : 0, width: 120, overflow: 'truncate', lineHeight: 15,
          formatter: v => String(v).replace(' · ', '\n') } },
      yAxis: { type: 'value', min: 0, max: capped ? ATTAINMENT_CAP : null, axisLabel: { formatter: v => fmt.percent(v, 0) } },
      series: metrics.map(([metric, name], i) => ({
        name, type: 'bar', barMaxWidth: 28,
        data: shows.map(s => {
          const g = goals.find(x => x.showId === s.showId && x.metric === metric);
          if (!g || !SM.isNumber(g.attainment)) return { value: null, actual: null };
          const over = g.attainment > ATTAINMENT_CAP;
          return {
            value: over ? ATTAINMENT_CAP : g.attainment, actual: g.attainment, capped: over,
            itemStyle: over ? { decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [4, 4], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.55)' } } : undefined,
            label: over ? { show: true, position: 'insideTop', color: '#fff', fontWeight: 700, formatter: `▲ ${fmt.percent(g.attainment, 0)}` } : undefined,
          };
        }),
        markLine: i === 0 ? { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#64748b' },
          label: { formatter: 'target (100%)', position: 'insideEndTop' }, data: [{ yAxis: 1 }] } : undefined,
      })),
    }, 'goal-attainment-trend');
  }

  function renderAudit(audit, units) {
    const target = (a, t, d) => (t === null || t === undefined ? '–' : `${d === 'at_most' ? '≤' : '≥'} ${SM.byUnit(units[a.metric], t)}`);
    SM.table(document.getElementById('goal-audit-table'), {
      rows: audit, sortKey: 'changedAt', sortDir: 'desc', rowId: a => String(a.auditId),
      columns: [
        { key: 'changedAt', label: 'When (UTC)', cls: 'nowrap', format: a => fmt.dateTimeShort(a.changedAt) },
        { key: 'changedBy', label: 'Who' },
        { key: 'action', label: 'Action' },
        { key: 'showId', label: 'Show or series', cls: 'mono', sort: a => a.showId || a.series,
          format: a => (a.showId === null ? `series: ${a.series}` : a.showId) },
        { key: 'metric', label: 'Metric', cls: 'mono' },
        { key: 'old', label: 'Before', num: true, sort: a => a.oldTarget, format: a => target(a, a.oldTarget, a.oldDirection) },
        { key: 'new', label: 'After', num: true, sort: a => a.newTarget, format: a => target(a, a.newTarget, a.newDirection) },
      ],
      empty: 'No changes yet.',
    });
  }

  try {
    const [goals, series, summary, audit, definitions] = await Promise.all([
      SM.getJson('/api/goals'), SM.getJson('/api/goals/series'), SM.getJson('/api/goals/summary'),
      SM.getJson('/api/goals/audit'), SM.getJson('/api/definitions')]);
    const seriesById = Object.fromEntries(series.map(g => [g.seriesGoalId, g]));
    const units = Object.fromEntries(definitions.map(d => [d.name, d.unit]));
    status.textContent = `${goals.length} goal${goals.length === 1 ? '' : 's'} · ${goals.filter(g => g.status === 'met').length} met, `
      + `${goals.filter(g => g.status === 'missed').length} missed, ${goals.filter(g => g.status === 'pending').length} pending`
      + (goals.some(g => g.status === 'in_progress') ? `, ${goals.filter(g => g.status === 'in_progress').length} in progress on air` : '');
    const table = renderTable(goals, seriesById);
    renderSeries(series);
    filter.addEventListener('change', () => {
      table.setRows(filter.value ? goals.filter(g => g.showId === filter.value) : goals);
      document.getElementById('goals-csv').setAttribute('href', filter.value ? `/api/goals.csv?showId=${encodeURIComponent(filter.value)}` : '/api/goals.csv');
    });
    if (canEdit) {
      document.getElementById('goal-cancel').addEventListener('click', cancelEdit);
      document.getElementById('series-cancel').addEventListener('click', cancelSeriesEdit);
      const byId = id => document.getElementById(id);
      wireCheck({ show: byId('goal-show'), metric: byId('goal-metric'), target: byId('goal-target') }, byId('goal-check'));
      wireCheck({ kind: byId('series-kind'), pattern: byId('series-pattern'), metric: byId('series-metric'),
        target: byId('series-target') }, byId('series-check'));
      // Back from a refused edit: the form still holds that goal, so offer to cancel it.
      if (document.getElementById('goal-id').value) document.getElementById('goal-cancel').hidden = false;
      if (document.getElementById('series-id').value) document.getElementById('series-cancel').hidden = false;
    }
    renderSummary(summary);
    renderTrend(goals);
    renderAudit(audit, units);
    main.dataset.ready = 'true';
  } catch (error) {
    SM.fail(main, status, error);
  }
})();
