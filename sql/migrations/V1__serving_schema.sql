-- showmetrics serving schema (SPEC section 3). Written by the publish job, read by the dashboard.
-- Released migrations are never edited: add V<n+1>__<what>.sql instead.

-- One row per pipeline run (ingest -> compute -> publish).
CREATE TABLE pipeline_run (
    run_id              text PRIMARY KEY,
    started_at          timestamptz NOT NULL,
    finished_at         timestamptz,
    status              text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'nothing_new')),
    records_read        bigint NOT NULL DEFAULT 0,
    records_accepted    bigint NOT NULL DEFAULT 0,
    records_quarantined bigint NOT NULL DEFAULT 0,
    records_duplicate   bigint NOT NULL DEFAULT 0,
    files_loaded        integer NOT NULL DEFAULT 0,
    shows_computed      integer NOT NULL DEFAULT 0,
    message             text,
    step_seconds        jsonb
);

-- Which Delta version of each gold table the serving tables reflect (publish skips unchanged gold).
CREATE TABLE publish_state (
    table_name    text PRIMARY KEY,
    delta_version bigint NOT NULL,
    published_at  timestamptz NOT NULL,
    run_id        text NOT NULL
);

-- Per run and file: the reconciliation read = accepted + quarantined + duplicate.
CREATE TABLE ingest_file (
    run_id              text NOT NULL REFERENCES pipeline_run (run_id) ON DELETE CASCADE,
    entity              text NOT NULL,
    file                text NOT NULL,
    records_read        bigint NOT NULL,
    records_accepted    bigint NOT NULL,
    records_quarantined bigint NOT NULL,
    records_duplicate   bigint NOT NULL,
    PRIMARY KEY (run_id, entity, file)
);

-- Quarantined records per run, entity and reason code.
CREATE TABLE quarantine_reason (
    run_id   text NOT NULL REFERENCES pipeline_run (run_id) ON DELETE CASCADE,
    entity   text NOT NULL,
    reason   text NOT NULL,
    records  bigint NOT NULL,
    PRIMARY KEY (run_id, entity, reason)
);

-- A sample of the quarantined records themselves (the full set stays in the lake's quarantine table).
CREATE TABLE quarantine_sample (
    run_id   text NOT NULL REFERENCES pipeline_run (run_id) ON DELETE CASCADE,
    entity   text NOT NULL,
    file     text NOT NULL,
    line     bigint NOT NULL,
    field    text,
    reason   text NOT NULL,
    message  text NOT NULL,
    raw      text,
    PRIMARY KEY (run_id, file, line)
);

-- Every metric's definition, window and unit, written by publish from the jobs' own catalogue.
CREATE TABLE metric_definition (
    name        text PRIMARY KEY,
    label       text NOT NULL,
    level       text NOT NULL,          -- show | minute | experiment | attribution | retention | omnichannel
    definition  text NOT NULL,
    window_text text NOT NULL,
    unit        text NOT NULL,          -- count | ratio | seconds | minutes | currency | timestamp
    additive    boolean NOT NULL DEFAULT false,
    goal_allowed boolean NOT NULL DEFAULT false,
    -- the metric is final once this many seconds have passed since the show ended (its window closed);
    -- NULL for metrics that are not per show
    final_after_seconds bigint,
    sort_order  integer NOT NULL
);

CREATE TABLE show (
    show_id       text PRIMARY KEY,
    title         text NOT NULL,
    host          text,
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz NOT NULL,
    experiment_id text,
    channel       text,
    featured_skus text[]
);

-- One column per show-level metric of SPEC section 2. NULL = not computable (zero denominator) or
-- not computed yet by the capability that fills it.
CREATE TABLE show_kpi (
    show_id                 text PRIMARY KEY REFERENCES show (show_id) ON DELETE CASCADE,
    unique_viewers          bigint,
    identified_viewers      bigint,
    peak_concurrent_viewers bigint,
    peak_at                 timestamptz,
    avg_watch_seconds       double precision,
    replay_viewers          bigint,
    engaged_viewers         bigint,
    engagement_rate         double precision,
    chat_messages           bigint,
    reactions               bigint,
    questions               bigint,
    shares                  bigint,
    poll_votes              bigint,
    product_clickers        bigint,
    carters                 bigint,
    live_orders             bigint,
    live_gmv                numeric(20, 4),
    buyers_24h              bigint,
    conversion_rate_24h     double precision,
    gmv_24h                 numeric(20, 4),
    aov                     numeric(20, 4),
    revenue_per_viewer      numeric(20, 4),
    returning_viewer_rate   double precision,
    next_show_retention     double precision,
    stockout_minutes        double precision,
    influenced_store_visits double precision,
    influenced_visitors     bigint,
    saw_show_share          double precision,
    incremental_visits      double precision,
    incremental_visits_ci_low  double precision,
    incremental_visits_ci_high double precision,
    incremental_experiment_id  text,
    status                  text NOT NULL DEFAULT 'provisional' CHECK (status IN ('provisional', 'final')),
    final_at                timestamptz,
    run_id                  text,
    computed_at             timestamptz NOT NULL
);

CREATE TABLE show_minute (
    show_id        text NOT NULL REFERENCES show (show_id) ON DELETE CASCADE,
    minute_start   timestamptz NOT NULL,
    minute_index   integer NOT NULL,
    viewers        bigint NOT NULL,
    new_viewers    bigint NOT NULL DEFAULT 0,  -- viewers whose first live presence falls in this minute
    chat_events    bigint NOT NULL,
    product_clicks bigint NOT NULL DEFAULT 0,
    add_to_carts   bigint NOT NULL DEFAULT 0,
    orders         bigint NOT NULL DEFAULT 0,
    gmv            numeric(20, 4) NOT NULL DEFAULT 0,
    PRIMARY KEY (show_id, minute_start)
);

CREATE TABLE show_moment (
    show_id         text NOT NULL REFERENCES show (show_id) ON DELETE CASCADE,
    ts              timestamptz NOT NULL,
    type            text NOT NULL,
    sku             text,
    label           text,
    viewers_present bigint,
    clicks_before   bigint,
    clicks_after    bigint,
    orders_before   bigint,
    orders_after    bigint
);
CREATE INDEX show_moment_show ON show_moment (show_id, ts);

CREATE TABLE experiment (
    experiment_id   text PRIMARY KEY,
    name            text NOT NULL,
    hypothesis      text,
    primary_metric  text,
    control_variant text NOT NULL,
    starts_at       timestamptz,
    ends_at         timestamptz,
    assigned        bigint NOT NULL DEFAULT 0,
    srm_p_value     double precision,
    srm_flagged     boolean NOT NULL DEFAULT false,
    srm_error_code  text,
    last_show_end   timestamptz,        -- windows close at last_show_end + 24 h (conversion) / + 7 d (visits)
    status          text NOT NULL DEFAULT 'provisional' CHECK (status IN ('provisional', 'final')),
    final_at        timestamptz
);

-- Assigned customers per variant, with the expected share (the sample-ratio check's table).
CREATE TABLE experiment_variant (
    experiment_id  text NOT NULL REFERENCES experiment (experiment_id) ON DELETE CASCADE,
    variant        text NOT NULL,
    assigned       bigint NOT NULL,
    expected_share double precision,
    is_control     boolean NOT NULL,
    PRIMARY KEY (experiment_id, variant)
);

-- A reviewer's acknowledgement of an experiment's sample-ratio mismatch (the Experiments page asks for
-- it before showing results of a flagged experiment).
CREATE TABLE srm_acknowledgement (
    experiment_id   text NOT NULL,
    username        text NOT NULL,
    acknowledged_at timestamptz NOT NULL,
    PRIMARY KEY (experiment_id, username)
);

CREATE TABLE experiment_result (
    experiment_id   text NOT NULL,
    metric          text NOT NULL,
    variant         text NOT NULL,
    adjusted        boolean NOT NULL,
    n               bigint,
    value           double precision,
    control_n       bigint,
    control_value   double precision,
    abs_lift        double precision,
    abs_ci_low      double precision,
    abs_ci_high     double precision,
    rel_lift        double precision,
    rel_ci_low      double precision,
    rel_ci_high     double precision,
    p_value         double precision,
    p_value_holm    double precision,
    p_value_bh      double precision,
    seq_ci_low      double precision,
    seq_ci_high     double precision,
    theta           double precision,
    variance_reduction double precision,
    srm_p_value     double precision,
    error_code      text,
    PRIMARY KEY (experiment_id, metric, variant, adjusted)
);

CREATE TABLE store_attribution (
    show_id  text NOT NULL,
    store_id text NOT NULL,
    model    text NOT NULL CHECK (model IN ('last_touch', 'first_touch', 'linear', 'time_decay', 'markov')),
    visits   double precision NOT NULL,
    PRIMARY KEY (show_id, store_id, model)
);

CREATE TABLE retention_cohort (
    kind        text NOT NULL CHECK (kind IN ('viewer', 'buyer')),
    segment     text NOT NULL,          -- 'all', 'generation:Gen Z', 'region:north', 'first_channel:app', ...
    cohort_week date NOT NULL,          -- Monday of the ISO week (UTC)
    week_offset integer NOT NULL,
    cohort_size bigint NOT NULL,
    retained    bigint NOT NULL,
    rate        double precision,
    PRIMARY KEY (kind, segment, cohort_week, week_offset)
);

-- Per month and per quarter: customers with a net purchase, those who bought in two or more channels,
-- and the visits influenced by shows (SPEC "Omnichannel").
CREATE TABLE omnichannel_period (
    period                 text NOT NULL CHECK (period IN ('month', 'quarter')),
    period_start           date NOT NULL,
    customers              bigint NOT NULL,
    multichannel_customers bigint NOT NULL,
    multichannel_share     double precision,
    influenced_visits      bigint NOT NULL,
    store_visits           bigint NOT NULL,
    PRIMARY KEY (period, period_start)
);

-- Show-influenced revenue: web, app and store net revenue of identified viewers within 24 h after a
-- show they watched, per month and channel.
CREATE TABLE influenced_revenue (
    month     date NOT NULL,
    channel   text NOT NULL,
    revenue   numeric(20, 4) NOT NULL,
    orders    bigint NOT NULL,
    customers bigint NOT NULL,
    PRIMARY KEY (month, channel)
);

CREATE TABLE channel_month (
    month     date NOT NULL,            -- first day of the UTC month
    channel   text NOT NULL,
    revenue   numeric(20, 4) NOT NULL,
    orders    bigint NOT NULL,
    customers bigint NOT NULL,
    PRIMARY KEY (month, channel)
);

-- Users and roles of the dashboard (marketing, executive, analyst). Passwords are bcrypt hashes.
CREATE TABLE app_user (
    username      text PRIMARY KEY,
    password_hash text NOT NULL,
    role          text NOT NULL CHECK (role IN ('marketing', 'executive', 'analyst')),
    display_name  text
);

CREATE TABLE goal (
    goal_id    bigserial PRIMARY KEY,
    show_id    text NOT NULL,
    metric     text NOT NULL,
    target     double precision NOT NULL,
    direction  text NOT NULL CHECK (direction IN ('at_least', 'at_most')),
    updated_by text NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (show_id, metric)
);

-- Every change to a goal: who, when, and the previous value.
CREATE TABLE goal_audit (
    audit_id       bigserial PRIMARY KEY,
    goal_id        bigint NOT NULL,
    show_id        text NOT NULL,
    metric         text NOT NULL,
    action         text NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    old_target     double precision,
    new_target     double precision,
    old_direction  text,
    new_direction  text,
    changed_by     text NOT NULL,
    changed_at     timestamptz NOT NULL
);
CREATE INDEX goal_audit_goal ON goal_audit (goal_id, changed_at);
