-- Goals for a series of shows, set once by marketing and applied to the series' future shows: every show whose
-- title starts with a prefix (kind title_prefix, e.g. 'Spring') or that a host presents (kind host), compared without
-- regard to case, and that starts at or after applies_from (when the series goal was set). A show's own goal on the
-- same metric (table goal) wins over a series goal; between series goals on one metric, a title prefix wins over a
-- host and the longer prefix over the shorter. The dashboard resolves this when it reads goals (goals/GoalResolution).
CREATE TABLE series_goal (
    series_goal_id bigserial PRIMARY KEY,
    kind           text NOT NULL CHECK (kind IN ('title_prefix', 'host')),
    pattern        text NOT NULL CHECK (btrim(pattern) <> ''),
    metric         text NOT NULL,
    target         double precision NOT NULL,
    direction      text NOT NULL CHECK (direction IN ('at_least', 'at_most')),
    applies_from   timestamptz NOT NULL,
    updated_by     text NOT NULL,
    updated_at     timestamptz NOT NULL
);
-- One goal per series and metric; 'Spring' and 'spring' are the same series.
CREATE UNIQUE INDEX series_goal_series_metric ON series_goal (kind, lower(pattern), metric);

-- The audit trail covers series goals too: a row is about a show's goal (goal_id, show_id) or a series goal
-- (series_goal_id, series_kind, series_pattern), never both.
ALTER TABLE goal_audit ALTER COLUMN goal_id DROP NOT NULL;
ALTER TABLE goal_audit ALTER COLUMN show_id DROP NOT NULL;
ALTER TABLE goal_audit ADD COLUMN series_goal_id bigint;
ALTER TABLE goal_audit ADD COLUMN series_kind text;
ALTER TABLE goal_audit ADD COLUMN series_pattern text;
ALTER TABLE goal_audit ADD CONSTRAINT goal_audit_show_or_series
    CHECK ((goal_id IS NOT NULL AND show_id IS NOT NULL AND series_goal_id IS NULL)
        OR (goal_id IS NULL AND series_goal_id IS NOT NULL AND series_kind IS NOT NULL AND series_pattern IS NOT NULL));
