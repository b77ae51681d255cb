-- SPEC section 6, "Experiment decision": per experiment and treatment variant, on its primary metric (else
-- conversion) and the CUPED rows of every metric, one decision with its reason in words, and what the data
-- can still detect: the absolute effect detectable with 80% power now (mde_abs), the power to detect a 10%
-- relative lift now (power_10pct) and the assigned customers that lift needs at the same split (n_needed_10pct).
CREATE TABLE experiment_decision (
    experiment_id  text NOT NULL REFERENCES experiment (experiment_id) ON DELETE CASCADE,
    variant        text NOT NULL,
    metric         text NOT NULL,
    decision       text NOT NULL CHECK (decision IN ('srm_blocked', 'guardrail', 'ship', 'no_ship', 'inconclusive')),
    reason         text NOT NULL,
    mde_abs        double precision,
    power_10pct    double precision,
    n_needed_10pct double precision,
    PRIMARY KEY (experiment_id, variant)
);
