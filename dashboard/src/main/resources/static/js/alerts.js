/*
 * Alerts page: /api/live/status -> whether live mode runs (its last poll, files loaded, shows on air); the filters of
 * the address (?kind=&showId=, the server-rendered GET form) go unchanged to /api/alerts and the CSV link. While live
 * mode runs, the page re-reads both every 10 s in place (not while the tab is hidden).
 */
(async () => {
  'use strict';
  const { fmt, el } = SM;
  const main = document.getElementById('alerts-page');
  const status = document.getElementById('alerts-status');
  const REFRESH_MS = 10000;
  const KINDS = { goal_behind_pace: 'Behind pace', viewers_falling: 'Viewers falling' };

  const address = new URLSearchParams(window.location.search);
  const query = new URLSearchParams();
  ['kind', 'showId'].forEach(k => { const v = (address.get(k) || '').trim(); if (v) query.set(k, v); });
  const qs = query.toString() ? `?${query}` : '';
  document.getElementById('alerts-csv').setAttribute('href', `/api/alerts.csv${qs}`);
  const form = document.getElementById('alerts-filter');
  form.addEventListener('submit', () => {
    form.querySelectorAll('select').forEach(f => { if (!f.value.trim()) f.disabled = true; });
  });

  /** The live-mode line: running (last poll, files, shows on air linked), not running, or never run. */
  function renderLive(live) {
    const line = document.getElementById('live-mode-line');
    const box = document.getElementById('live-mode');
    box.dataset.state = live.state;
    if (live.state === 'running') {
      const onAir = live.showsOnAir.length
        ? ['on air: ', ...live.showsOnAir.flatMap((s, i) => [i ? ', ' : '',
          el('a', { href: `/shows/${encodeURIComponent(s.showId)}` }, s.title || s.showId)])]
        : ['no show on air'];
      line.replaceChildren(SM.liveBadge({ compact: true }), ' ',
        el('strong', {}, 'Live mode running'), `: last poll ${ago(live.secondsSinceLastPoll)} ago, `
          + `${fmt.count(live.filesLoaded)} file${live.filesLoaded === 1 ? '' : 's'} loaded, `, ...onAir,
        live.lastError ? el('span', { class: 'live-error' }, ` · last error: ${live.lastError}`) : '');
    } else if (live.state === 'stopped') {
      line.replaceChildren(el('strong', {}, 'Live mode not running'), live.stoppedAt
        ? `; last stopped ${fmt.dateTime(live.stoppedAt)}`
        : `; it stopped polling without stopping cleanly, last poll ${fmt.dateTime(live.lastPollAt)}`,
      live.lastError ? el('span', { class: 'live-error' }, ` · last error: ${live.lastError}`) : '');
    } else {
      line.replaceChildren(el('strong', {}, 'Live mode has never run'), ': start it with ', el('code', {}, './showmetrics live --input DIR'));
    }
  }

  /** "4 s", "3 min 05 s", "2 h 10 min". */
  function ago(seconds) {
    const s = Number(seconds) || 0;
    if (s < 60) return `${s} s`;
    if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
    return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
  }

  let table = null;
  function renderAlerts(alerts) {
    const described = [query.get('kind') ? `kind ${KINDS[query.get('kind')] || query.get('kind')}` : null,
      query.get('showId') ? `show ${alerts.length && alerts[0].showTitle ? alerts[0].showTitle : query.get('showId')}` : null].filter(Boolean);
    status.textContent = `${alerts.length} alert${alerts.length === 1 ? '' : 's'}${described.length ? ` · ${described.join(', ')}` : ''} · newest first`;
    if (table) {
      table.setRows(alerts);
      return;
    }
    table = SM.table(document.getElementById('alerts-table'), {
      rows: alerts,
      sortKey: 'at', sortDir: 'desc',
      rowId: a => String(a.alertId),
      empty: qs ? 'No alert matches these filters.' : 'No alerts yet: live mode raises them while shows are on air.',
      columns: [
        { key: 'at', label: 'Time (UTC)', cls: 'nowrap', sort: a => `${a.at}|${a.createdAt}|${String(a.alertId).padStart(12, '0')}`,
          format: a => fmt.dateTimeShort(a.at) },
        { key: 'showTitle', label: 'Show', cls: 'title-cell', sort: a => a.showTitle || a.showId,
          format: a => el('a', { href: `/shows/${encodeURIComponent(a.showId)}` }, a.showTitle || a.showId) },
        { key: 'headline', label: 'Kind', cls: 'nowrap', format: a => el('span', { class: `alert-kind alert-${a.kind}` }, a.headline) },
        { key: 'message', label: 'Message', cls: 'wrap' },
        { key: 'webhookStatus', label: 'Delivery', format: a => SM.webhookBadge(a) },
      ],
    });
  }

  async function load() {
    const [live, alerts] = await Promise.all([SM.getJson('/api/live/status'), SM.getJson(`/api/alerts${qs}`)]);
    renderLive(live);
    renderAlerts(alerts);
    return live;
  }

  let timer = null;
  async function tick() {
    if (document.hidden) return;
    try {
      const live = await load();
      main.dataset.refreshes = String(Number(main.dataset.refreshes || 0) + 1);
      if (live.state === 'running') timer = setTimeout(tick, REFRESH_MS);
    } catch (error) {
      console.error(error);
      timer = setTimeout(tick, REFRESH_MS);
    }
  }
  document.addEventListener('visibilitychange', () => {
    clearTimeout(timer);
    if (!document.hidden && main.dataset.live === 'true') tick();
  });

  try {
    const live = await load();
    main.dataset.ready = 'true';
    if (live.state === 'running') {
      main.dataset.live = 'true';
      timer = setTimeout(tick, REFRESH_MS);
    }
  } catch (error) {
    SM.fail(main, status, error);
  }
})();
