-- SPEC section 6: what a show cost and returned, how it compares with the shows before it, where its viewers
-- were lost, what each product did, whom to invite next time, and what shows drove per month.

-- Show cost (input, optional, reporting currency) and the return on it: live_gmv / cost and gmv_24h / cost
-- (NULL without a cost).
ALTER TABLE show ADD COLUMN cost numeric(20, 4);
ALTER TABLE show_kpi ADD COLUMN roas_live double precision;
ALTER TABLE show_kpi ADD COLUMN roas_24h double precision;

-- Drop-off per show minute, V(m) the viewers of minute m: joined = |V(m) \ V(m-1)|, lost = |V(m-1) \ V(m)|
-- (V(-1) is empty).
ALTER TABLE show_minute ADD COLUMN viewers_joined bigint NOT NULL DEFAULT 0;
ALTER TABLE show_minute ADD COLUMN viewers_lost bigint NOT NULL DEFAULT 0;

-- Per show and show-level metric: the median of that metric over the (up to) 10 most recent earlier shows
-- with a value, how many (benchmark_n), and the show's percentile among them (ties count half; for
-- stockout_minutes on the negated values: lower is better). NULL benchmark and percentile below 3 shows;
-- NULL value and percentile when the show has no value for the metric.
CREATE TABLE show_benchmark (
    show_id          text NOT NULL REFERENCES show (show_id) ON DELETE CASCADE,
    metric           text NOT NULL,
    value            double precision,
    benchmark_median double precision,
    benchmark_n      integer NOT NULL,
    percentile       double precision,
    PRIMARY KEY (show_id, metric)
);

-- Per show and sku: distinct clicking and carting viewers in the live window, net live orders, units and
-- revenue of that sku with this show_id, the minutes it was pinned (each product_pin to the next pin of any
-- sku or the end of the live window) and the minutes it was out of stock online (NULL without stock rows for it).
CREATE TABLE show_sku (
    show_id          text NOT NULL REFERENCES show (show_id) ON DELETE CASCADE,
    sku              text NOT NULL,
    clickers         bigint NOT NULL,
    carters          bigint NOT NULL,
    live_orders      bigint NOT NULL,
    live_units       bigint NOT NULL,
    live_gmv         numeric(20, 4) NOT NULL,
    pinned_minutes   double precision NOT NULL,
    stockout_minutes double precision,
    PRIMARY KEY (show_id, sku)
);

-- Identified customers to invite to the next show: carted (or engaged) in the live window and no net purchase
-- in any channel in [starts_at, ends_at + 24 h). Seen and exported by the marketing role only.
CREATE TABLE show_audience (
    show_id     text NOT NULL REFERENCES show (show_id) ON DELETE CASCADE,
    audience    text NOT NULL CHECK (audience IN ('carted_not_bought', 'engaged_not_bought')),
    customer_id text NOT NULL,
    PRIMARY KEY (show_id, audience, customer_id)
);

-- Per UTC month of the shows' ends_at: what the shows drove. partial while the data through has not reached
-- the month's end.
CREATE TABLE show_month (
    month                   date PRIMARY KEY,
    shows                   bigint NOT NULL,
    live_gmv                numeric(20, 4) NOT NULL,
    influenced_revenue      numeric(20, 4) NOT NULL,
    influenced_store_visits double precision NOT NULL,
    partial                 boolean NOT NULL
);
