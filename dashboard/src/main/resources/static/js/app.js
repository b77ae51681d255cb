/*
 * Shared helpers of the showmetrics pages: JSON fetch, number formatting ("–" for null, never 0 or NaN),
 * sortable tables and ECharts with a PNG download. Pages set data-ready="true" on <main> once rendered.
 */
const SM = (() => {
  'use strict';
  const DASH = '–';
  const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

  const isNumber = v => v !== null && v !== undefined && v !== '' && Number.isFinite(Number(v));

  const fmt = {
    count: v => (isNumber(v) ? countFormat.format(Math.round(Number(v))) : DASH),
    decimal: (v, digits = 2) => (isNumber(v)
      ? Number(v).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
      : DASH),
    percent: (v, digits = 1) => (isNumber(v) ? `${(Number(v) * 100).toFixed(digits)}%` : DASH),
    /** Money in the reporting currency (EUR), two decimals: €3,120.50; a minus sign for negatives. */
    money: v => (isNumber(v) ? `${Number(v) < 0 ? '−' : ''}€${Math.abs(Number(v)).toLocaleString('en-US',
      { minimumFractionDigits: 2, maximumFractionDigits: 2 })}` : DASH),
    /** A count difference with its sign: +12, −3, 0. */
    signedCount: v => (isNumber(v) ? `${Number(v) > 0 ? '+' : Number(v) < 0 ? '−' : ''}${countFormat.format(Math.abs(Math.round(Number(v))))}` : DASH),
    /** A p-value: 4 decimals; two significant digits below 0.001 (0.00014); "< 0.00001" below that. */
    pValue: v => {
      if (!isNumber(v)) return DASH;
      const p = Number(v);
      if (p < 0.00001) return '< 0.00001';
      return p < 0.001 ? String(Number(p.toPrecision(2))) : p.toFixed(4);
    },
    /** Seconds from a show's start as mm:ss, negative in the lobby: 07:05, −00:30. */
    offset: v => {
      if (!isNumber(v)) return DASH;
      const s = Math.round(Number(v));
      const a = Math.abs(s);
      return `${s < 0 ? '−' : ''}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
    },
    /** Seconds as m:ss (minutes keep counting past 59: 75:04). */
    mmss: v => {
      if (!isNumber(v)) return DASH;
      const total = Math.round(Number(v));
      return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
    },
    /** A duration in seconds as "1 h 05 min" or "42 min" or "35 s". */
    duration: v => {
      if (!isNumber(v)) return DASH;
      const s = Math.round(Number(v));
      if (s < 60) return `${s} s`;
      const h = Math.floor(s / 3600);
      const m = Math.floor((s % 3600) / 60);
      if (h === 0) return `${m} min${s % 60 ? ` ${String(s % 60).padStart(2, '0')} s` : ''}`;
      return `${h} h ${String(m).padStart(2, '0')} min`;
    },
    /** An ISO instant as "2026-03-01 19:00 UTC". */
    dateTime: v => (v ? `${new Date(v).toISOString().slice(0, 16).replace('T', ' ')} UTC` : DASH),
    /** The same without the zone, for table columns whose header already says (UTC). */
    dateTimeShort: v => (v ? new Date(v).toISOString().slice(0, 16).replace('T', ' ') : DASH),
    date: v => (v ? new Date(v).toISOString().slice(0, 10) : DASH),
    time: v => (v ? new Date(v).toISOString().slice(11, 16) : DASH),
    text: v => (v === null || v === undefined || v === '' ? DASH : String(v)),
  };

  /**
   * A value as HTML text: & < > " ' escaped. ECharts renders a tooltip formatter's string as HTML, so every data
   * value (and every formatted number) that goes into one passes through esc; DOM built with el() needs none.
   */
  const esc = v => String(v === null || v === undefined ? '' : v)
    .replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (response.status === 401) {
      window.location.assign('/login');
      throw new Error('Your session has ended; please sign in again.');
    }
    if (!response.ok) {
      let detail = `${response.status} ${response.statusText}`;
      const type = response.headers.get('Content-Type') || '';
      if (type.includes('json')) {
        const body = await response.json();
        if (body && body.detail) detail = body.detail;
      }
      throw new Error(`Could not load ${url}: ${detail}`);
    }
    return response.status === 204 ? null : response.json();
  }

  /** POSTs without a body, with the page's CSRF token (meta _csrf / _csrf_header); returns the JSON answer. */
  async function postJson(url) {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    const headers = { Accept: 'application/json' };
    if (token && header) headers[header.content] = token.content;
    const response = await fetch(url, { method: 'POST', headers, credentials: 'same-origin' });
    if (response.status === 401) {
      window.location.assign('/login');
      throw new Error('Your session has ended; please sign in again.');
    }
    if (!response.ok) throw new Error(`Could not save (${response.status} ${response.statusText}).`);
    return response.json();
  }

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) return;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v);
    });
    children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  }

  /** Whether a window ending at finalAt waits for data: the data through is before its end, whatever the clock says. */
  const awaitingData = (finalAt, dataThrough) => Boolean(finalAt && dataThrough && new Date(dataThrough) < new Date(finalAt));

  /**
   * Until when a provisional number can move: "until <window end>", or, when the data has not reached the window's
   * end, "open: data through <time>, window ends <time>" (it stays open until later data arrives).
   */
  function openUntil(finalAt, dataThrough) {
    if (awaitingData(finalAt, dataThrough)) return `open: data through ${fmt.dateTime(dataThrough)}, window ends ${fmt.dateTime(finalAt)}`;
    return finalAt ? `until ${fmt.dateTime(finalAt)}` : '';
  }

  /** "Provisional until …", or "Provisional · open: data through …, window ends …" while the data has not reached it. */
  const provisionalText = (finalAt, dataThrough) => (awaitingData(finalAt, dataThrough)
    ? `Provisional · ${openUntil(finalAt, dataThrough)}` : `Provisional ${openUntil(finalAt, dataThrough)}`.trim());

  /** An ISO instant as "19:12:34" (UTC), for live mode's data through. */
  fmt.clock = v => (v ? new Date(v).toISOString().slice(11, 19) : DASH);

  /** The "● LIVE" badge of a show on air (live mode): a red dot and the word. */
  function liveBadge({ compact = false } = {}) {
    return el('span', { class: `badge badge-live${compact ? ' badge-live-compact' : ''}`,
      title: 'On air: ./showmetrics live is following this show; its numbers so far can still move, and the batch run replaces them after the show.' },
    el('span', { class: 'live-dot', 'aria-hidden': 'true' }), 'LIVE');
  }

  /** The live/provisional/final badge of a show's KPIs (or an experiment's results). */
  function statusBadge(status, finalAt, dataThrough) {
    if (status === 'live') {
      const badge = el('span', { class: 'status' }, liveBadge());
      if (dataThrough) badge.append(' ', el('span', { class: 'status-until' }, `data through ${fmt.clock(dataThrough)} UTC`));
      return badge;
    }
    if (status === 'final') return el('span', { class: 'badge badge-final', title: 'Every window has closed; these numbers are settled.' }, 'Final');
    if (status === 'provisional') {
      const badge = el('span', { class: 'status' }, el('span', { class: 'badge badge-provisional',
        title: 'Windows that feed these KPIs are still open (the clock or the data has not passed their end); numbers can still move.' }, 'Provisional'));
      if (finalAt) badge.append(' ', el('span', { class: 'status-until' }, openUntil(finalAt, dataThrough)));
      return badge;
    }
    return el('span', { class: 'badge badge-none', title: 'No pipeline run has computed this show yet.' }, 'Not computed');
  }

  /** A metric value in its catalogue unit: count, ratio (as %), currency (€), seconds (m:ss), minutes. */
  function byUnit(unit, v) {
    switch (unit) {
      case 'ratio': return fmt.percent(v, 1);
      case 'currency': return fmt.money(v);
      case 'seconds': return fmt.mmss(v);
      case 'minutes': return fmt.decimal(v, 1);
      default: return isNumber(v) && Math.abs(Number(v) - Math.round(Number(v))) > 1e-9 ? fmt.decimal(v, 2) : fmt.count(v);
    }
  }

  /**
   * A goal's status badge (GoalView from /api/goals): Met / Missed / Pending, the attainment, and
   * "provisional until …" while the metric's window is open.
   */
  function goalBadge(goal, { compact = false } = {}) {
    const labels = GOAL_LABELS;
    const titles = {
      met: 'The show reached this goal.',
      missed: 'The show did not reach this goal.',
      pending: 'The show has not been processed for this metric yet.',
      in_progress: 'The show is on air: the actual is the number so far; met or missed is decided after the show.',
    };
    const wrap = el('span', { class: `goal-status goal-${goal.status}`, 'data-status': goal.status });
    const text = compact ? `${goal.metricLabel}: ${labels[goal.status] || goal.status}` : (labels[goal.status] || goal.status);
    wrap.append(el('span', { class: `badge badge-goal-${goal.status}`, title: titles[goal.status] }, text));
    const soFar = goal.status === 'in_progress' ? ' so far' : '';
    if (isNumber(goal.attainment) && !compact) wrap.append(' ', el('span', { class: 'goal-attainment' }, `${fmt.percent(goal.attainment, 0)} of target${soFar}`));
    if (goal.provisional && compact) wrap.classList.add('goal-provisional');
    // In progress says it all while the show is on air; the window's end matters once it has ended.
    if (goal.provisional && !compact && goal.status !== 'in_progress') {
      wrap.append(' ', el('span', { class: 'goal-until', title: 'The metric can still change until its window closes.' },
        provisionalText(goal.finalAt, goal.dataThrough).replace(/^P/, 'p')));
    }
    return wrap;
  }

  /**
   * An alert's webhook delivery (alert.webhook_status), for alerts posted to a configured webhook: "Webhook pending
   * (2 attempts)", "Webhook delivered", "Webhook failed" with the error on hover.
   */
  function webhookBadge(alert) {
    const s = alert.webhookStatus;
    if (!s || s === 'none') return el('span', { class: 'muted', title: 'No webhook is configured.' }, 'not posted');
    const attempts = alert.webhookAttempts ? ` (${alert.webhookAttempts} attempt${alert.webhookAttempts === 1 ? '' : 's'})` : '';
    const text = { pending: `Webhook pending${attempts}`, delivered: 'Webhook delivered', failed: `Webhook failed${attempts}` }[s] || s;
    const title = s === 'delivered' ? `Delivered ${fmt.dateTime(alert.webhookDeliveredAt)}`
      : s === 'failed' ? `Gave up: ${alert.webhookError || 'no answer'}`
        : alert.webhookNextAt ? `Next try ${fmt.dateTime(alert.webhookNextAt)}${alert.webhookError ? ` · last error: ${alert.webhookError}` : ''}` : null;
    return el('span', { class: `badge badge-webhook badge-webhook-${s}`, title, 'data-webhook': s }, text);
  }

  /** A goal status in words; in_progress = the show is on air (live mode). */
  const GOAL_LABELS = { met: 'Met', missed: 'Missed', pending: 'Pending', in_progress: 'In progress' };
  /** Goal statuses for sorting: settled outcomes first. */
  const GOAL_ORDER = { met: 3, missed: 2, in_progress: 1, pending: 0 };

  /** "≥ 900" / "≤ €3.00": a goal's direction and target in the metric's unit. */
  function goalTarget(goal) {
    return `${goal.direction === 'at_most' ? '≤' : '≥'} ${byUnit(goal.unit, goal.target)}`;
  }

  /** Sends a CSRF-protected form POST (for the server-rendered goal forms' delete buttons). */
  function postForm(action, fields = {}) {
    const token = document.querySelector('meta[name="_csrf"]');
    const param = document.querySelector('meta[name="_csrf_parameter"]');
    const form = el('form', { method: 'post', action });
    if (token && param) form.append(el('input', { type: 'hidden', name: param.content, value: token.content }));
    Object.entries(fields).forEach(([k, v]) => form.append(el('input', { type: 'hidden', name: k, value: v })));
    document.body.append(form);
    form.submit();
  }

  function runBadge(status) {
    const labels = { succeeded: 'Succeeded', failed: 'Failed', running: 'Running', nothing_new: 'Nothing new' };
    return el('span', { class: `badge badge-run-${status}` }, labels[status] || status);
  }

  /**
   * A sortable table. columns: [{key, label, num, format(row) -> string|Node, sort(row) -> value, title}].
   * Each cell carries data-col=key; each row data-id=rowId(row).
   */
  function table(container, { columns, rows, sortKey, sortDir = 'asc', rowId, empty = 'Nothing to show yet.' }) {
    let key = sortKey;
    let dir = sortDir;
    const wrap = container;
    function sortValue(col, row) {
      const v = col.sort ? col.sort(row) : row[col.key];
      return v === undefined ? null : v;
    }
    function render() {
      const sorted = rows.slice();
      const col = columns.find(c => c.key === key);
      if (col) {
        sorted.sort((a, b) => {
          const va = sortValue(col, a);
          const vb = sortValue(col, b);
          if (va === null && vb === null) return 0;
          if (va === null) return 1; // nulls last in both directions
          if (vb === null) return -1;
          const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
          return dir === 'asc' ? c : -c;
        });
      }
      const head = el('tr', {}, columns.map(c => {
        const active = c.key === key;
        const th = el('th', {
          class: c.num ? 'num' : null, scope: 'col', 'data-col': c.key,
          'aria-sort': active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none', title: c.title,
        });
        const button = el('button', { type: 'button', class: 'sort' }, c.label,
          el('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (dir === 'asc' ? '▲' : '▼') : ''));
        button.addEventListener('click', () => {
          if (key === c.key) dir = dir === 'asc' ? 'desc' : 'asc';
          else { key = c.key; dir = c.num ? 'desc' : 'asc'; }
          render();
        });
        th.append(button);
        return th;
      }));
      const body = sorted.length === 0
        ? [el('tr', {}, el('td', { colspan: columns.length, class: 'empty' }, empty))]
        : sorted.map(row => el('tr', { 'data-id': rowId ? rowId(row) : null }, columns.map(c => {
          const value = c.format ? c.format(row) : fmt.text(row[c.key]);
          return el('td', { class: [c.num ? 'num' : null, c.cls].filter(Boolean).join(' ') || null, 'data-col': c.key }, value);
        })));
      wrap.replaceChildren(el('table', { class: 'data' }, el('thead', {}, head), el('tbody', {}, body)));
    }
    render();
    return { setRows(newRows) { rows = newRows; render(); } };
  }

  const palette = ['#4f46e5', '#0ea5e9', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#64748b'];

  /**
   * An ECharts instance with the house style and a "Download PNG" toolbox button. Called again on the same container
   * (a page that refreshes itself), it replaces the option of the chart already there, in one frame and keeping the
   * reader's zoom, instead of creating a second chart.
   */
  function chart(container, option, fileName) {
    const existing = echarts.getInstanceByDom(container);
    const instance = existing || echarts.init(container, null, { renderer: 'canvas' });
    const full = {
      color: palette,
      textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
      backgroundColor: '#ffffff',
      animation: false,
      toolbox: {
        right: 12, top: 4,
        feature: { saveAsImage: { title: 'Download PNG', name: fileName, pixelRatio: 2, backgroundColor: '#ffffff' } },
      },
      ...option,
    };
    if (existing && Array.isArray(full.dataZoom)) {
      const zoom = existing.getOption().dataZoom || [];
      full.dataZoom = full.dataZoom.map((z, i) => (zoom[i] ? { ...z, start: zoom[i].start, end: zoom[i].end } : z));
    }
    instance.setOption(full, existing ? { notMerge: true } : undefined);
    if (existing) return instance;
    // Follow the card's width, not only the window's: a phone turned sideways, a menu folding, a font loading.
    const resize = () => { if (!instance.isDisposed()) instance.resize(); };
    if (window.ResizeObserver) new ResizeObserver(resize).observe(container);
    else window.addEventListener('resize', resize);
    return instance;
  }

  function titleOption(text, subtext) {
    return { text, subtext, left: 12, top: 4, textStyle: { fontSize: 15, fontWeight: 600, color: '#0f172a' },
      subtextStyle: { color: '#64748b' } };
  }

  function fail(main, statusEl, error) {
    if (statusEl) {
      statusEl.textContent = error.message;
      statusEl.classList.add('status-error');
    }
    main.dataset.ready = 'error';
    console.error(error);
  }

  return { DASH, fmt, esc, getJson, postJson, el, table, chart, titleOption, statusBadge, runBadge, fail, isNumber,
    byUnit, goalBadge, goalTarget, postForm, palette, openUntil, provisionalText, liveBadge, webhookBadge, GOAL_LABELS, GOAL_ORDER };
})();
