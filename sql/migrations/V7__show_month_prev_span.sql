-- "Shows drove" month to date (SPEC sections 2 and 6): the month that holds the data through is partial and is
-- compared with the same span of the month before it (from its first day to the data through moved back one
-- month), never with the whole month. For that month only, the same numbers over the shows that ended in that
-- span of the previous month (NULL for every other month).
ALTER TABLE show_month ADD COLUMN prev_span_shows bigint;
ALTER TABLE show_month ADD COLUMN prev_span_live_gmv numeric(20, 4);
ALTER TABLE show_month ADD COLUMN prev_span_influenced_revenue numeric(20, 4);
