-- Incremental store visits belong to the experiment, over all of its shows (SPEC section 2): they move
-- from show_kpi, where every show of an experiment repeated its number, to a table of the experiment.

-- Per experiment and treatment variant: (visit rate of the variant - rate of the control) x customers
-- assigned to the variant, with its 95% CI. "Incremental" only when the control is a holdout; otherwise
-- the difference in store visits between two variants.
CREATE TABLE experiment_incremental (
    experiment_id   text NOT NULL,
    variant         text NOT NULL,
    control_variant text NOT NULL,
    holdout         boolean NOT NULL,
    treated         bigint NOT NULL,
    control_n       bigint NOT NULL,
    visits          double precision,
    ci_low          double precision,
    ci_high         double precision,
    error_code      text,
    PRIMARY KEY (experiment_id, variant)
);

ALTER TABLE show_kpi
    DROP COLUMN incremental_visits,
    DROP COLUMN incremental_visits_ci_low,
    DROP COLUMN incremental_visits_ci_high,
    DROP COLUMN incremental_experiment_id;
