-- Live mode (SPEC section 6): `./showmetrics live` follows the shows on air. It writes their show, show_minute and
-- show_kpi rows as they happen, show_kpi marked 'live' (the KPIs so far, with data_through the instant the show's
-- feed has reached); the batch run's publish later replaces them with provisional or final rows.
ALTER TABLE show_kpi DROP CONSTRAINT show_kpi_status_check;
ALTER TABLE show_kpi ADD CONSTRAINT show_kpi_status_check CHECK (status IN ('live', 'provisional', 'final'));

-- An alert raised while a show is on air. No foreign key to show: publish replaces the show table, alerts stay.
--   kind goal_behind_pace: an additive goal (unique_viewers, live_orders, live_gmv) more than 20 % behind its even
--        pacing line at the end of a minute, after the first quarter of the show; metric = the goal's metric
--   kind viewers_falling: viewers per minute more than 30 % below one of the 5 minutes before; metric NULL
-- at: the end of the minute at which the condition first held (an instant of the show's timeline, not of the wall
-- clock). dedup_key (show, kind, metric) makes an alert fire once per show and kind/metric: a restart of the live
-- process, or a second evaluation of the same minutes, never writes it twice.
-- The webhook columns are the delivery outbox: 'none' when no webhook is configured, 'pending' until posted
-- (retried with backoff at webhook_next_at), 'delivered' once the receiver answered 2xx, 'failed' after the last try.
CREATE TABLE alert (
    alert_id             bigserial PRIMARY KEY,
    show_id              text NOT NULL,
    at                   timestamptz NOT NULL,
    kind                 text NOT NULL CHECK (kind IN ('goal_behind_pace', 'viewers_falling')),
    metric               text,
    message              text NOT NULL,
    actual               double precision,
    expected             double precision,
    dedup_key            text NOT NULL UNIQUE,
    created_at           timestamptz NOT NULL,
    webhook_status       text NOT NULL DEFAULT 'none'
                         CHECK (webhook_status IN ('none', 'pending', 'delivered', 'failed')),
    webhook_attempts     integer NOT NULL DEFAULT 0,
    webhook_next_at      timestamptz,
    webhook_delivered_at timestamptz,
    webhook_error        text
);
CREATE INDEX alert_show ON alert (show_id, at);
CREATE INDEX alert_created ON alert (created_at DESC);

-- The live process's heartbeat, one row per `./showmetrics live` started: the dashboard says whether live mode is
-- running (last_poll_at recent, stopped_at NULL) and how far it has got.
CREATE TABLE live_run (
    live_id        text PRIMARY KEY,
    started_at     timestamptz NOT NULL,
    last_poll_at   timestamptz NOT NULL,
    stopped_at     timestamptz,
    interval_seconds double precision NOT NULL,
    files_loaded   bigint NOT NULL DEFAULT 0,
    last_file_at   timestamptz,
    shows_on_air   text[] NOT NULL DEFAULT '{}',
    last_error     text
);
