#!/usr/bin/python3
"""Reference values for io.showmetrics.core.experiments.ExperimentDecision (sensitivity) and ExperimentPlanner,
computed independently with SciPy and statsmodels.

Run with Debian's Python (packages python3-scipy, python3-statsmodels):

    /usr/bin/python3 core/src/test/resources/experiments/make_decision_reference.py

It rewrites decision_reference.json next to this file. DecisionReferenceTest requires every number to match to
1e-9 (relative above 1, absolute below), and every planner count exactly.

How each expected value is produced:
- sensitivity (SPEC section 6): SE of the difference from the raw rows of two arms (numpy, unpooled:
  var/n per arm, ddof=0 for binary, ddof=1 for continuous), then mde_abs = (norm.ppf(0.975) + norm.ppf(0.8)) * SE,
  power_10pct = norm.cdf(0.10 * |control mean| / SE - norm.ppf(0.975)) and, as a cross-check of the power,
  statsmodels NormalIndPower with the matching effect size; n_needed_10pct = (n_t + n_c) * (SE / SE10)^2,
  SE10 = 0.10 * |control mean| / (norm.ppf(0.975) + norm.ppf(0.8)).
- planner: customers per arm by the unpooled two-proportion formula with scipy's norm.ppf; for an even split
  the total is checked against statsmodels NormalIndPower.solve_power with effect size
  (p2 - p1) / sqrt((p1 q1 + p2 q2) / 2) before it is written.
The Java side receives only the sufficient statistics (n, sum, sum of squares) of each arm.
"""
import json, math, os
import numpy as np
from scipy.stats import norm
from statsmodels.stats.power import NormalIndPower

Z975 = norm.ppf(0.975)
Z80 = norm.ppf(0.8)
rng = np.random.default_rng(20261207)
cases = []

def arm(kind, n, p_or_mean, sd=None):
    if kind == "binary":
        return (rng.random(n) < p_or_mean).astype(float)
    return np.maximum(0.0, rng.normal(p_or_mean, sd, n))

def sensitivity_case(name, kind, t, c):
    ddof = 0 if kind == "binary" else 1
    se = math.sqrt(t.var(ddof=ddof) / len(t) + c.var(ddof=ddof) / len(c))
    cm = c.mean()
    mde = (Z975 + Z80) * se
    effect = 0.10 * abs(cm)
    power = norm.cdf(effect / se - Z975)
    # statsmodels cross-check: NormalIndPower's power for the standardized effect d with d / sqrt(1/n_t + 1/n_c)
    # = effect / SE is the same power plus the far tail norm.cdf(-effect/SE - z).
    d = effect / se * math.sqrt(1 / len(t) + 1 / len(c))
    sm = NormalIndPower().power(effect_size=d, nobs1=len(t), alpha=0.05, ratio=len(c) / len(t))
    assert abs(sm - norm.cdf(-effect / se - Z975) - power) < 1e-12, (name, sm, power)
    se10 = effect / (Z975 + Z80)
    needed = (len(t) + len(c)) * (se / se10) ** 2
    def stats(a):
        return {"n": len(a), "sum": float(a.sum()), "sum_sq": float((a * a).sum())}
    cases.append({"type": "sensitivity", "name": name, "kind": kind, "treatment": stats(t), "control": stats(c),
                  "se": se, "mde_abs": mde, "power_10pct": power, "n_needed_10pct": needed})

sensitivity_case("binary, 2,000 per arm, 5 % conversion", "binary", arm("binary", 2000, 0.05), arm("binary", 2000, 0.05))
sensitivity_case("binary, uneven arms 900 / 3,100", "binary", arm("binary", 900, 0.12), arm("binary", 3100, 0.10))
sensitivity_case("binary, large 40,000 per arm", "binary", arm("binary", 40000, 0.031), arm("binary", 40000, 0.03))
sensitivity_case("continuous revenue, 500 per arm", "continuous", arm("continuous", 500, 12.0, 30.0), arm("continuous", 500, 11.0, 28.0))
sensitivity_case("continuous, small 40 / 35", "continuous", arm("continuous", 40, 50.0, 10.0), arm("continuous", 35, 48.0, 12.0))

def plan_case(name, p1, lift, share, alpha, power, audience):
    p2 = p1 * (1 + lift)
    z = norm.ppf(1 - alpha / 2) + norm.ppf(power)
    total = z * z * (p1 * (1 - p1) / (1 - share) + p2 * (1 - p2) / share) / (p2 - p1) ** 2
    if abs(share - 0.5) < 1e-12:
        es = (p2 - p1) / math.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / 2)
        per_arm = NormalIndPower().solve_power(effect_size=abs(es), alpha=alpha, power=power, ratio=1.0,
                                               alternative="two-sided")
        # NormalIndPower's two-sided power adds the far tail; the closed form ignores it: equal to ~1e-6 relative.
        assert abs(2 * per_arm - total) <= 1e-4 * total, (name, 2 * per_arm, total)
    control = math.ceil((1 - share) * total)
    treatment = math.ceil(share * total)
    shows = None if audience is None else math.ceil((control + treatment) / audience)
    cases.append({"type": "plan", "name": name, "baseline": p1, "lift": lift, "share": share, "alpha": alpha,
                  "power": power, "audience": audience, "total": total, "control": control,
                  "treatment": treatment, "shows": shows})

plan_case("5 % baseline, +10 %, even split, 80 % power", 0.05, 0.10, 0.5, 0.05, 0.8, 850.0)
plan_case("3 % baseline, +20 %, 30 % treatment", 0.03, 0.20, 0.3, 0.05, 0.8, 1200.0)
plan_case("40 % baseline, -5 %, even split, 90 % power, alpha 1 %", 0.40, -0.05, 0.5, 0.01, 0.9, None)
plan_case("1 % baseline, +50 %, 10 % treatment", 0.01, 0.50, 0.1, 0.10, 0.8, 333.5)

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "decision_reference.json")
with open(out, "w") as f:
    json.dump({"generated_by": "make_decision_reference.py", "cases": cases}, f, indent=1)
print("wrote", out, len(cases), "cases")
