-- Data through (SPEC section 2): the earliest, over viewer_events, orders and store_visits, of the latest
-- accepted ts of that entity. A window that ends after it is still open, however old it is.

-- The data through of the results a run left in the serving tables (NULL for a run that published nothing,
-- e.g. a failed one, or an ingest published later by another run). The dashboard shows the latest.
ALTER TABLE pipeline_run ADD COLUMN data_through timestamptz;

-- The data through of the run whose KPIs these are (SPEC section 6).
ALTER TABLE show_kpi ADD COLUMN data_through timestamptz;

-- A month (quarter) that the data through does not fully cover is partial (month to date); it is compared
-- with the same span of the period before it, never with the whole one: prev_span_* hold that span's value
-- (NULL for a period that is not partial, which compares with the whole previous period).
ALTER TABLE channel_month ADD COLUMN partial boolean NOT NULL DEFAULT false;
ALTER TABLE channel_month ADD COLUMN prev_span_revenue numeric(20, 4);
ALTER TABLE influenced_revenue ADD COLUMN partial boolean NOT NULL DEFAULT false;
ALTER TABLE influenced_revenue ADD COLUMN prev_span_revenue numeric(20, 4);
ALTER TABLE omnichannel_period ADD COLUMN partial boolean NOT NULL DEFAULT false;
ALTER TABLE omnichannel_period ADD COLUMN prev_span_influenced_visits bigint;
