/* Shared by the Experiments pages: metric names and units, error codes in words, the SRM badge. */
const EXP = (() => {
  'use strict';
  const { fmt, el } = SM;

  const METRICS = {
    converted: { label: 'Conversion (24 h)', kind: 'rate', note: 'share of assigned customers with a net purchase until 24 h after the last show' },
    revenue: { label: 'Revenue per assigned customer', kind: 'money', note: 'net revenue per assigned customer until 24 h after the last show (Welch t-test)' },
    visited_store: { label: 'Store visit (7 d)', kind: 'rate', note: 'share of assigned customers with a store visit until 7 days after the last show' },
  };
  const metric = name => METRICS[name] || { label: name, kind: 'number', note: '' };

  /** A metric value: a rate as a percentage, revenue in euros. */
  function value(name, v) {
    const kind = metric(name).kind;
    if (kind === 'rate') return fmt.percent(v, 2);
    if (kind === 'money') return fmt.money(v);
    return fmt.decimal(v, 4);
  }

  /** An absolute difference: percentage points for rates, euros for revenue, with its sign. */
  function absolute(name, v) {
    if (!SM.isNumber(v)) return SM.DASH;
    const n = Number(v);
    const sign = n > 0 ? '+' : n < 0 ? '−' : '';
    const kind = metric(name).kind;
    if (kind === 'rate') return `${sign}${Math.abs(n * 100).toFixed(2)} pp`;
    if (kind === 'money') return `${sign}€${Math.abs(n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    return `${sign}${Math.abs(n).toFixed(4)}`;
  }

  /** A relative lift (a fraction of the control value) as a signed percentage. */
  function relative(v) {
    if (!SM.isNumber(v)) return SM.DASH;
    const n = Number(v);
    return `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n * 100).toFixed(1)}%`;
  }

  /** "[low, high]", or "–" when the interval is not computable. */
  const interval = (f, low, high) => (SM.isNumber(low) && SM.isNumber(high) ? `[${f(low)}, ${f(high)}]` : SM.DASH);

  /** "estimate [low, high]"; "–" alone when neither is computable. */
  const withInterval = (f, v, low, high) => (!SM.isNumber(v) && !(SM.isNumber(low) && SM.isNumber(high))
    ? SM.DASH : `${f(v)} ${interval(f, low, high)}`);

  /** Why a result (or the SRM check) could not be computed, in words. */
  function errorText(code, metricName) {
    const rate = metric(metricName).kind === 'rate';
    const words = {
      empty_arm: 'not computable: an arm has no assigned customers',
      zero_variance: 'not computable: the metric does not vary in either arm',
      zero_control_mean: rate ? 'not computable: the control rate is zero' : 'not computable: the control mean is zero',
      too_few_samples: 'not computable: too few customers in an arm for the test',
      zero_covariate_variance: 'CUPED not computable: the pre-period covariate does not vary',
      no_assignments: 'not computable: no customer was assigned',
      single_variant: 'not computable: only one variant has assigned customers',
    };
    return words[code] || `not computable (${code})`;
  }

  /** The SRM flag: red when flagged, green when the split matches, grey when not computable. */
  function srmBadge(e) {
    if (e.srmFlagged) {
      return el('span', { class: 'badge badge-srm-flagged', title: 'Sample-ratio mismatch: the split does not match the design.' },
        `SRM flagged · p ${SM.isNumber(e.srmPValue) ? fmt.pValue(e.srmPValue) : '–'}`);
    }
    if (SM.isNumber(e.srmPValue)) {
      return el('span', { class: 'badge badge-srm-ok', title: 'The split matches the design (chi-square p ≥ 0.001).' },
        `Split OK · p ${fmt.pValue(e.srmPValue)}`);
    }
    return el('span', { class: 'badge badge-srm-unknown', title: e.srmErrorCode ? errorText(e.srmErrorCode) : 'Not checked yet.' },
      'SRM not checked');
  }

  return { METRICS, metric, value, absolute, relative, interval, withInterval, errorText, srmBadge };
})();
