/*
 * Hosts page: /api/hosts -> live GMV per show hour by host (bars, best first) with pooled 24 h conversion, and the
 * table: shows, median viewers, conversion, GMV per live hour, goal hit rate and the experiments covering their shows.
 */
(async () => {
  'use strict';
  const { fmt, el } = SM;
  const main = document.getElementById('hosts-page');
  const status = document.getElementById('hosts-status');
  /** How the API lists shows without a host (HostRepository.NO_HOST). */
  const NO_HOST = '(no host)';
  const DECISIONS = { ship: 'Ship', no_ship: 'Don’t ship', inconclusive: 'Inconclusive', guardrail: 'Guardrail breached',
    srm_blocked: 'Blocked: sample-ratio mismatch' };

  function experimentsCell(h) {
    if (!h.experiments.length) return SM.DASH;
    return el('span', {}, ...h.experiments.map((e, i) => el('span', { class: 'host-exp' }, i ? '; ' : '',
      el('a', { href: `/experiments/${encodeURIComponent(e.experimentId)}`, title: e.reason || '' }, e.name || e.experimentId),
      e.variant ? ` ${e.variant}: ${DECISIONS[e.decision] || e.decision}` : ' (not analysed yet)')));
  }

  try {
    const hosts = await SM.getJson('/api/hosts');
    status.textContent = `${hosts.length} host${hosts.length === 1 ? '' : 's'} · net revenue in EUR`;
    const ranked = hosts.filter(h => SM.isNumber(h.gmvPerLiveHour));
    SM.chart(document.getElementById('hosts-chart'), {
      title: SM.titleOption('Live GMV per show hour', 'Best first; the line is the pooled 24 h conversion of their shows'),
      tooltip: { trigger: 'axis' },
      legend: { top: 8, right: 60 },
      grid: { left: 72, right: 72, top: 72, bottom: 64 },
      xAxis: { type: 'category', data: ranked.map(h => h.host), axisLabel: { interval: 0, rotate: ranked.length > 6 ? 30 : 0 } },
      yAxis: [{ type: 'value', name: 'GMV / hour', axisLabel: { formatter: v => `€${fmt.count(v)}` } },
        { type: 'value', name: 'Conversion', position: 'right', splitLine: { show: false }, axisLabel: { formatter: v => fmt.percent(v, 0) } }],
      series: [
        { name: 'Live GMV per show hour', type: 'bar', barMaxWidth: 48, data: ranked.map(h => h.gmvPerLiveHour),
          tooltip: { valueFormatter: v => fmt.money(v) }, label: { show: true, position: 'top', formatter: p => fmt.money(p.value) } },
        { name: 'Conversion 24 h', type: 'line', yAxisIndex: 1, symbolSize: 8, data: ranked.map(h => h.conversionRate),
          tooltip: { valueFormatter: v => fmt.percent(v, 1) } },
      ],
    }, 'hosts-gmv-per-hour');
    SM.table(document.getElementById('hosts-table'), {
      rows: hosts, sortKey: 'gmvPerLiveHour', sortDir: 'desc', rowId: h => h.host,
      empty: 'No computed show yet.',
      columns: [
        { key: 'host', label: 'Host', format: h => (h.host === NO_HOST ? h.host
          : el('a', { href: `/shows?host=${encodeURIComponent(h.host)}`, title: 'Their shows on the Shows page' }, h.host)) },
        { key: 'shows', label: 'Shows', num: true, format: h => fmt.count(h.shows) },
        { key: 'medianViewers', label: 'Median viewers', num: true, format: h => fmt.count(h.medianViewers) },
        { key: 'conversionRate', label: 'Conversion 24 h', num: true, format: h => fmt.percent(h.conversionRate, 1) },
        { key: 'liveGmv', label: 'Live GMV', num: true, sort: h => Number(h.liveGmv), format: h => fmt.money(h.liveGmv) },
        { key: 'gmvPerLiveHour', label: 'GMV per live hour', num: true, format: h => fmt.money(h.gmvPerLiveHour) },
        { key: 'goalHitRate', label: 'Goal hit rate', num: true,
          format: h => (SM.isNumber(h.goalHitRate) ? `${fmt.percent(h.goalHitRate, 0)} (${h.goalsMet} of ${h.goalsMet + h.goalsMissed})` : SM.DASH),
          title: 'Goals met / goals met or missed on their shows; pending goals are not counted.' },
        { key: 'experiments', label: 'Experiments', sort: h => h.experiments.length, format: experimentsCell },
      ],
    });
    main.dataset.ready = 'true';
  } catch (error) {
    SM.fail(main, status, error);
  }
})();
