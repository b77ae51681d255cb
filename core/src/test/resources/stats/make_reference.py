#!/usr/bin/python3
"""Reference values for io.showmetrics.core.stats, computed independently with SciPy and statsmodels.

Run with Debian's Python (packages python3-scipy, python3-statsmodels):

    /usr/bin/python3 core/src/test/resources/stats/make_reference.py

It rewrites reference.json next to this file (deterministically: fixed seeds). ReferenceCasesTest loads
that file and requires every number to match to 1e-6 (|actual - expected| <= 1e-6 * max(1, |expected|);
p-values relative, |actual - expected| <= 1e-6 * |expected|), and every null / error code to match
exactly.

How each expected value is produced (never by the Java formulas' algebra on sufficient statistics):
- binary: statsmodels test_proportions_2indep(method='wald', compare='diff') for z and p,
  confint_proportions_2indep(method='wald', compare='diff') for the CI (both unpooled);
  relative lift and its CI by the delta method written out in numpy.
- continuous: statsmodels CompareMeans(...).ttest_ind(usevar='unequal') and tconfint_diff(usevar='unequal')
  on the raw rows (cross-checked against scipy.stats.ttest_ind(equal_var=False)); relative CI by the delta
  method with the same t quantile.
- CUPED: theta with numpy over the raw rows of both arms pooled, Y' = Y - theta*(X - mean X) built row by
  row, then the raw test above applied to the Y' rows; variance reduction = 1 - var(Y')/var(Y) over the
  pooled rows.
- sequential: GrowthBook's SequentialTwoSidedTTest formula written out in numpy.
- SRM: scipy.stats.chisquare(f_obs, f_exp).
- multiple testing: statsmodels multipletests(method='holm' / 'fdr_bh').
The Java side receives only the sufficient statistics (n, sums, sums of squares, cross-products).
Error codes follow the contract in StatsErrors: empty_arm, too_few_samples, zero_variance,
zero_control_mean (checked in that order); fields that cannot be computed are null.
"""

import json
import math
import os
import warnings

import numpy as np
import scipy
import scipy.stats as st
import statsmodels
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import confint_proportions_2indep, test_proportions_2indep
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW

warnings.simplefilter("ignore")

ALPHA = 0.05
HERE = os.path.dirname(os.path.abspath(__file__))


def clean(x):
    if x is None:
        return None
    x = float(x)
    return x if math.isfinite(x) else None


def sample_stats(y):
    y = np.asarray(y, dtype=float)
    return {"n": int(y.size), "sum": float(np.sum(y)), "sumSquares": float(np.sum(y * y))}


def regression_stats(y, x):
    y = np.asarray(y, dtype=float)
    x = np.asarray(x, dtype=float)
    return {"n": int(y.size), "sumY": float(np.sum(y)), "sumY2": float(np.sum(y * y)), "sumX": float(np.sum(x)),
            "sumX2": float(np.sum(x * x)), "sumXY": float(np.sum(x * y))}


def empty_result(nt, nc, vt, vc, code, diff=None, rel=None):
    return {"n": nt, "value": clean(vt), "controlN": nc, "controlValue": clean(vc), "absLift": clean(diff),
            "absCiLow": None, "absCiHigh": None, "relLift": clean(rel), "relCiLow": None, "relCiHigh": None,
            "pValue": None, "statistic": None, "degreesOfFreedom": None, "errorCode": code}


def delta_rel(mt, mc, vt, vc, nt, nc, q):
    """Relative lift and its CI by the delta method, Var = v_t/(n_t m_c^2) + v_c m_t^2/(n_c m_c^4)."""
    rel = (mt - mc) / mc
    var = vt / (nt * mc ** 2) + vc * mt ** 2 / (nc * mc ** 4)
    half = q * np.sqrt(var)
    return rel, rel - half, rel + half


def degenerate(kind, yt, yc):
    """The error code the contract gives for raw rows, or None; with the point estimates that exist."""
    nt, nc = len(yt), len(yc)
    mt = float(np.mean(yt)) if nt else None
    mc = float(np.mean(yc)) if nc else None
    if nt == 0 or nc == 0:
        return empty_result(nt, nc, mt, mc, "empty_arm")
    diff = mt - mc
    rel = diff / mc if mc != 0 else None
    if kind == "CONTINUOUS" and (nt < 2 or nc < 2):
        return empty_result(nt, nc, mt, mc, "too_few_samples", diff, rel)
    if np.var(yt) == 0 and np.var(yc) == 0:
        return empty_result(nt, nc, mt, mc, "zero_variance", diff, rel)
    return None


def finish(out, mc):
    if mc == 0:
        out["relLift"] = out["relCiLow"] = out["relCiHigh"] = None
        out["errorCode"] = "zero_control_mean"
    else:
        out["errorCode"] = None
    return out


def binary_from_counts(ct, nt, cc, nc):
    """Unpooled Wald z-test for a difference of proportions, via statsmodels (treatment = sample 1)."""
    mt, mc = ct / nt, cc / nc
    # numpy scalars: statsmodels also computes the ratio p1/p2, which must not raise for p2 = 0.
    f = np.float64
    res = test_proportions_2indep(f(ct), f(nt), f(cc), f(nc), method="wald", compare="diff",
                                  return_results=True)
    low, high = confint_proportions_2indep(f(ct), f(nt), f(cc), f(nc), method="wald", compare="diff",
                                           alpha=ALPHA)
    q = st.norm.ppf(1 - ALPHA / 2)
    out = {"n": nt, "value": mt, "controlN": nc, "controlValue": mc, "absLift": mt - mc,
           "absCiLow": float(low), "absCiHigh": float(high), "pValue": float(res.pvalue),
           "statistic": float(res.statistic), "degreesOfFreedom": None}
    if mc != 0:
        rel, rl, rh = delta_rel(mt, mc, mt * (1 - mt), mc * (1 - mc), nt, nc, q)
        out.update(relLift=rel, relCiLow=rl, relCiHigh=rh)
    return finish(out, mc)


def binary_case(ct, nt, cc, nc):
    yt = np.r_[np.ones(ct), np.zeros(nt - ct)] if nt < 10_000_000 else None
    yc = np.r_[np.ones(cc), np.zeros(nc - cc)] if nc < 10_000_000 else None
    if yt is not None and yc is not None:
        d = degenerate("BINARY", yt, yc)
        if d is not None:
            return d
    return binary_from_counts(ct, nt, cc, nc)


def z_test_rows(yt, yc):
    """Normal-approximation test with population variances on arbitrary rows (CUPED-adjusted binary)."""
    d = degenerate("BINARY", yt, yc)
    if d is not None:
        return d
    nt, nc = len(yt), len(yc)
    mt, mc = float(np.mean(yt)), float(np.mean(yc))
    vt, vc = float(np.var(yt, ddof=0)), float(np.var(yc, ddof=0))
    se = math.sqrt(vt / nt + vc / nc)
    z = (mt - mc) / se
    q = st.norm.ppf(1 - ALPHA / 2)
    out = {"n": nt, "value": mt, "controlN": nc, "controlValue": mc, "absLift": mt - mc,
           "absCiLow": mt - mc - q * se, "absCiHigh": mt - mc + q * se, "pValue": 2 * st.norm.sf(abs(z)),
           "statistic": z, "degreesOfFreedom": None}
    if mc != 0:
        rel, rl, rh = delta_rel(mt, mc, vt, vc, nt, nc, q)
        out.update(relLift=rel, relCiLow=rl, relCiHigh=rh)
    return finish(out, mc)


def welch_rows(yt, yc):
    """Welch's t-test on raw rows via statsmodels, cross-checked with SciPy."""
    yt = np.asarray(yt, dtype=float)
    yc = np.asarray(yc, dtype=float)
    d = degenerate("CONTINUOUS", yt, yc)
    if d is not None:
        return d
    nt, nc = len(yt), len(yc)
    cm = CompareMeans(DescrStatsW(yt), DescrStatsW(yc))
    tstat, p, df = cm.ttest_ind(usevar="unequal")
    low, high = cm.tconfint_diff(alpha=ALPHA, usevar="unequal")
    sp = st.ttest_ind(yt, yc, equal_var=False)
    assert abs(sp.statistic - tstat) <= 1e-9 * max(1, abs(tstat)) and abs(sp.pvalue - p) <= 1e-12
    mt, mc = float(np.mean(yt)), float(np.mean(yc))
    q = st.t.ppf(1 - ALPHA / 2, df)
    out = {"n": nt, "value": mt, "controlN": nc, "controlValue": mc, "absLift": mt - mc,
           "absCiLow": float(low), "absCiHigh": float(high), "pValue": float(p), "statistic": float(tstat),
           "degreesOfFreedom": float(df)}
    if mc != 0:
        rel, rl, rh = delta_rel(mt, mc, np.var(yt, ddof=1), np.var(yc, ddof=1), nt, nc, q)
        out.update(relLift=rel, relCiLow=rl, relCiHigh=rh)
    return finish(out, mc)


def welch_from_stats(mt, sdt, nt, mc, sdc, nc):
    """Welch's t-test from summary statistics (scipy.stats.ttest_ind_from_stats), for published cases."""
    res = st.ttest_ind_from_stats(mt, sdt, nt, mc, sdc, nc, equal_var=False)
    vt, vc = sdt ** 2, sdc ** 2
    se = math.sqrt(vt / nt + vc / nc)
    df = (vt / nt + vc / nc) ** 2 / ((vt / nt) ** 2 / (nt - 1) + (vc / nc) ** 2 / (nc - 1))
    q = st.t.ppf(1 - ALPHA / 2, df)
    rel, rl, rh = delta_rel(mt, mc, vt, vc, nt, nc, q)
    return finish({"n": nt, "value": mt, "controlN": nc, "controlValue": mc, "absLift": mt - mc,
                   "absCiLow": mt - mc - q * se, "absCiHigh": mt - mc + q * se, "pValue": float(res.pvalue),
                   "statistic": float(res.statistic), "degreesOfFreedom": df,
                   "relLift": rel, "relCiLow": rl, "relCiHigh": rh}, mc)


def sequential_rows(kind, yt, yc, tuning):
    """GrowthBook SequentialTwoSidedTTest (Waudby-Smith et al. 2023, eq. 9, 155, 161) in numpy."""
    yt = np.asarray(yt, dtype=float)
    yc = np.asarray(yc, dtype=float)
    d = degenerate(kind, yt, yc)
    if d is not None:
        return d
    ddof = 0 if kind == "BINARY" else 1
    nt, nc = len(yt), len(yc)
    mt, mc = float(np.mean(yt)), float(np.mean(yc))
    vt, vc = float(np.var(yt, ddof=ddof)), float(np.var(yc, ddof=ddof))
    n = nt + nc
    rho = np.sqrt((-2 * np.log(ALPHA) + np.log(-2 * np.log(ALPHA) + 1)) / tuning)

    def halfwidth(var):
        s2 = var * n
        return np.sqrt(s2) * np.sqrt(2 * (n * rho ** 2 + 1) * np.log(np.sqrt(n * rho ** 2 + 1) / ALPHA)
                                     / (n ** 2 * rho ** 2))

    diff = mt - mc
    var = vt / nt + vc / nc
    st2 = diff ** 2 * n / var
    tr2p1 = n * rho ** 2 + 1
    evalue = np.exp(rho ** 2 * st2 / (2 * tr2p1)) / np.sqrt(tr2p1)
    hw = halfwidth(var)
    out = {"n": nt, "value": mt, "controlN": nc, "controlValue": mc, "absLift": diff, "absCiLow": diff - hw,
           "absCiHigh": diff + hw, "pValue": min(1 / evalue, 1.0), "statistic": diff / np.sqrt(var),
           "degreesOfFreedom": None}
    if mc != 0:
        rel = diff / mc
        rel_var = vt / (nt * mc ** 2) + vc * mt ** 2 / (nc * mc ** 4)
        rhw = halfwidth(rel_var)
        out.update(relLift=rel, relCiLow=rel - rhw, relCiHigh=rel + rhw)
    return finish(out, mc)


def cuped_rows(kind, yt, xt, yc, xc):
    yt, xt, yc, xc = (np.asarray(a, dtype=float) for a in (yt, xt, yc, xc))
    test = z_test_rows if kind == "BINARY" else welch_rows
    if len(yt) == 0 or len(yc) == 0:
        raw = degenerate(kind, yt, yc)
        return {"raw": raw, "adjusted": raw, "theta": None, "varianceReduction": None, "errorCode": "empty_arm"}
    y = np.r_[yt, yc]
    x = np.r_[xt, xc]
    var_x = np.var(x)
    cov = np.mean((x - x.mean()) * (y - y.mean()))
    theta = cov / var_x if var_x > 0 else 0.0
    mean_x = x.mean()
    yt_adj = yt - theta * (xt - mean_x)
    yc_adj = yc - theta * (xc - mean_x)
    y_adj = np.r_[yt_adj, yc_adj]
    var_y = np.var(y)
    reduction = 1 - np.var(y_adj) / var_y if var_y > 0 else None
    code = "zero_variance" if var_y == 0 else ("zero_covariate_variance" if var_x == 0 else None)
    return {"raw": test(yt, yc), "adjusted": test(yt_adj, yc_adj), "theta": clean(theta),
            "varianceReduction": clean(reduction), "errorCode": code}


def srm(observed, split):
    variants = sorted(set(observed) | set(split or {}))
    total = sum(observed.values())
    if split:
        shares = {v: split.get(v, 0.0) for v in variants}
    else:
        shares = {v: 1.0 for v in variants}
    s = sum(shares.values())
    shares = {v: shares[v] / s for v in variants}
    if total == 0:
        return {"chiSquare": None, "degreesOfFreedom": None, "pValue": None, "flagged": False,
                "errorCode": "no_assignments"}
    # Variants with expected share 0 and no assignments carry no information: left out of the test.
    kept = [v for v in variants if shares[v] > 0 or observed.get(v, 0) > 0]
    f_obs = np.array([observed.get(v, 0) for v in kept], dtype=float)
    f_exp = np.array([shares[v] * total for v in kept])
    if len(kept) < 2:
        return {"chiSquare": None, "degreesOfFreedom": None, "pValue": None, "flagged": False,
                "errorCode": "too_few_variants"}
    res = st.chisquare(f_obs, f_exp)
    if not math.isfinite(res.statistic):
        # An assignment to a variant with expected share 0: SciPy's statistic is infinite, p = 0.
        return {"chiSquare": None, "degreesOfFreedom": None, "pValue": float(res.pvalue), "flagged": True,
                "errorCode": "unexpected_variant"}
    return {"chiSquare": float(res.statistic), "degreesOfFreedom": len(kept) - 1, "pValue": float(res.pvalue),
            "flagged": bool(res.pvalue < 0.001), "errorCode": None}


def adjusted(pvals, method):
    idx = [i for i, p in enumerate(pvals) if p is not None]
    out = [None] * len(pvals)
    if idx:
        corrected = multipletests([pvals[i] for i in idx], method=method)[1]
        for i, p in zip(idx, corrected):
            out[i] = float(p)
    return out


def revenue(rng, n, buy_rate, mean_basket):
    """Zero-inflated log-normal revenue per assigned customer."""
    buys = rng.random(n) < buy_rate
    return np.where(buys, np.round(rng.lognormal(np.log(mean_basket), 0.8, n), 2), 0.0)


def main():
    rng = np.random.default_rng(20260301)
    cases = []

    def add(name, ctype, inputs, expected):
        cases.append({"name": name, "type": ctype, **inputs, "expected": expected})

    # Binary metrics: counts in, unpooled Wald z-test out.
    for name, ct, nt, cc, nc in [
        ("binary_moderate_positive_lift", 520, 10_000, 480, 10_000),
        ("binary_negative_lift", 430, 10_000, 500, 10_000),
        ("binary_unbalanced_arms", 90, 1_000, 4_100, 50_000),
        ("binary_zero_conversions_in_control", 5, 2_000, 0, 2_000),
        ("binary_zero_conversions_in_both_arms", 0, 2_000, 0, 1_500),
        ("binary_identical_arms", 300, 5_000, 300, 5_000),
        ("binary_treatment_n1_converted", 1, 1, 30, 100),
        ("binary_huge_n", 5_123_456, 50_000_000, 5_100_000, 50_000_000),
        ("binary_empty_treatment_arm", 0, 0, 10, 100),
        ("binary_all_converted_both_arms", 100, 100, 50, 50),
        ("binary_treatment_zero_conversions", 0, 400, 20, 400),
        ("binary_small_samples", 3, 7, 1, 9),
        ("binary_rates_near_one", 995, 1_000, 990, 1_000),
    ]:
        add(name, "binary", {"treatment": {"n": nt, "sum": ct, "sumSquares": ct},
                             "control": {"n": nc, "sum": cc, "sumSquares": cc}}, binary_case(ct, nt, cc, nc))

    # Revenue per assigned customer: raw rows -> Welch; Java gets the sums.
    welch_cases = [
        ("welch_moderate_positive_lift", revenue(rng, 2_000, 0.12, 60), revenue(rng, 2_000, 0.10, 60)),
        ("welch_negative_lift", revenue(rng, 3_000, 0.08, 55), revenue(rng, 3_000, 0.10, 60)),
        ("welch_unbalanced_arms", revenue(rng, 300, 0.15, 40), revenue(rng, 20_000, 0.10, 45)),
        ("welch_two_units_per_arm", np.array([12.5, 40.0]), np.array([3.0, 8.25])),
        ("welch_treatment_n1", np.array([25.0]), revenue(rng, 50, 0.5, 30)),
        ("welch_empty_control_arm", revenue(rng, 50, 0.5, 30), np.array([])),
        ("welch_zero_variance_both_arms", np.zeros(40), np.zeros(60)),
        ("welch_zero_variance_treatment_only", np.full(30, 10.0), revenue(rng, 80, 0.6, 12)),
        ("welch_control_all_zero_revenue", revenue(rng, 500, 0.2, 30), np.zeros(500)),
        ("welch_huge_n", revenue(rng, 1_000_000, 0.1, 50), revenue(rng, 1_000_000, 0.1, 49)),
        ("welch_negative_values_net_of_returns",
         np.round(rng.normal(5, 20, 400), 2), np.round(rng.normal(3, 25, 350), 2)),
    ]
    same = revenue(rng, 1_500, 0.1, 50)
    welch_cases.append(("welch_identical_arms", same, same.copy()))
    for name, yt, yc in welch_cases:
        add(name, "welch", {"treatment": sample_stats(yt), "control": sample_stats(yc)}, welch_rows(yt, yc))

    # A summary-statistics case with gbstats' inputs (control 0.41 sd 3.9 n 3407; treatment 0.7 sd 6.2 n 3461).
    mt, mc, sdt, sdc, nt, nc = 0.7, 0.41, 6.2, 3.9, 3461, 3407
    add("welch_from_summary_statistics", "welch",
        {"treatment": {"n": nt, "sum": mt * nt, "sumSquares": sdt ** 2 * (nt - 1) + nt * mt ** 2},
         "control": {"n": nc, "sum": mc * nc, "sumSquares": sdc ** 2 * (nc - 1) + nc * mc ** 2}},
        welch_from_stats(mt, sdt, nt, mc, sdc, nc))

    # CUPED: correlated pre-period covariate.
    def correlated_revenue(n, buy_rate, basket, lift):
        x = revenue(rng, n, buy_rate, basket)
        y = np.round(np.maximum(0, 0.6 * x + revenue(rng, n, buy_rate, basket) * (1 + lift)
                                + rng.normal(0, 5, n)), 2)
        return y, x

    def correlated_binary(n, base, lift):
        x = (rng.random(n) < base).astype(float)
        p = np.where(x == 1, 0.35, 0.05) * (1 + lift)
        return (rng.random(n) < p).astype(float), x

    cuped_cases = [
        ("cuped_continuous_moderate", "CONTINUOUS", correlated_revenue(3_000, 0.2, 50, 0.05),
         correlated_revenue(3_000, 0.2, 50, 0.0)),
        ("cuped_binary_moderate", "BINARY", correlated_binary(5_000, 0.2, 0.1), correlated_binary(5_000, 0.2, 0.0)),
        ("cuped_continuous_unbalanced", "CONTINUOUS", correlated_revenue(500, 0.3, 40, -0.05),
         correlated_revenue(4_000, 0.3, 40, 0.0)),
        ("cuped_constant_covariate", "CONTINUOUS", (revenue(rng, 800, 0.2, 30), np.zeros(800)),
         (revenue(rng, 800, 0.2, 30), np.zeros(800))),
        ("cuped_empty_treatment_arm", "CONTINUOUS", (np.array([]), np.array([])),
         correlated_revenue(100, 0.3, 40, 0.0)),
        ("cuped_binary_huge_n", "BINARY", correlated_binary(400_000, 0.1, 0.03),
         correlated_binary(400_000, 0.1, 0.0)),
    ]
    for name, kind, (yt, xt), (yc, xc) in cuped_cases:
        add(name, "cuped", {"kind": kind, "treatment": regression_stats(yt, xt), "control": regression_stats(yc, xc)},
            cuped_rows(kind, yt, xt, yc, xc))

    # Sequential (always-valid) intervals.
    def binary_rows(c, n):
        return np.r_[np.ones(c), np.zeros(n - c)]

    seq_cases = [
        ("sequential_binary_default_tuning", "BINARY", binary_rows(560, 10_000), binary_rows(500, 10_000), 5000.0),
        ("sequential_continuous_default_tuning", "CONTINUOUS", revenue(rng, 4_000, 0.12, 60),
         revenue(rng, 4_000, 0.1, 60), 5000.0),
        ("sequential_continuous_tuning_1000", "CONTINUOUS", revenue(rng, 2_500, 0.12, 60),
         revenue(rng, 2_000, 0.1, 60), 1000.0),
        ("sequential_binary_huge_n", "BINARY", binary_rows(260_000, 2_000_000), binary_rows(250_000, 2_000_000),
         5000.0),
        ("sequential_binary_zero_variance", "BINARY", np.zeros(300), np.zeros(300), 5000.0),
        ("sequential_binary_small_n_negative_lift", "BINARY", binary_rows(8, 60), binary_rows(15, 70), 5000.0),
    ]
    for name, kind, yt, yc, tuning in seq_cases:
        add(name, "sequential", {"kind": kind, "tuningParameter": tuning, "treatment": sample_stats(yt),
                                 "control": sample_stats(yc)}, sequential_rows(kind, yt, yc, tuning))

    # Sample-ratio mismatch.
    for name, observed, split in [
        ("srm_balanced_equal_split_absent", {"control": 5012, "treatment": 4988}, None),
        ("srm_mismatch_flagged", {"control": 5200, "treatment": 4800}, {"control": 0.5, "treatment": 0.5}),
        ("srm_three_variants_uneven_split", {"control": 10030, "a": 4990, "b": 4980},
         {"control": 0.5, "a": 0.25, "b": 0.25}),
        ("srm_split_variant_without_assignments", {"control": 100}, {"control": 0.5, "treatment": 0.5}),
        ("srm_observed_variant_missing_from_split", {"control": 100, "treatment": 100, "rogue": 3},
         {"control": 0.5, "treatment": 0.5}),
        ("srm_split_in_percent_90_10", {"holdout": 1030, "invited": 8970}, {"holdout": 10, "invited": 90}),
        ("srm_no_assignments", {}, {"control": 0.5, "treatment": 0.5}),
        ("srm_single_variant_without_split", {"control": 120}, None),
        ("srm_zero_share_variant_without_assignments", {"control": 480, "treatment": 520},
         {"control": 0.5, "treatment": 0.5, "paused": 0.0}),
    ]:
        add(name, "srm", {"observed": observed, "expectedSplit": split}, srm(observed, split))

    # Multiple testing.
    for name, pvals in [
        ("multiple_four_metrics", [0.01, 0.04, 0.03, 0.005]),
        ("multiple_with_null_skipped", [0.2, None, 0.01, 0.5, 0.04]),
        ("multiple_ties", [0.02, 0.02, 0.5, 0.001]),
        ("multiple_capped_at_one", [0.6, 0.9, 0.8]),
        ("multiple_single_p_value", [0.03]),
        ("multiple_twelve_seeded", [float(p) for p in np.round(rng.random(12) ** 3, 6)]),
        ("multiple_all_null", [None, None]),
        ("multiple_empty_family", []),
    ]:
        add(name, "multiple", {"pValues": pvals},
            {"holm": adjusted(pvals, "holm"), "benjaminiHochberg": adjusted(pvals, "fdr_bh")})

    doc = {
        "generator": "make_reference.py",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "statsmodels": statsmodels.__version__},
        "tolerance": 1e-6,
        "toleranceRule": "|actual - expected| <= tolerance * max(1, |expected|); p-values relative: "
                         "<= tolerance * |expected|; nulls and codes exact",
        "cases": cases,
    }
    with open(os.path.join(HERE, "reference.json"), "w") as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write("\n")
    print(f"wrote {len(cases)} cases")


if __name__ == "__main__":
    main()
