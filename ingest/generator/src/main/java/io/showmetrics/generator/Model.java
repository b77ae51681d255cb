package io.showmetrics.generator;

/** The generative model's constants; every planted number in truth.json comes from here. */
final class Model {

    private Model() {
    }

    static final long GRACE_MS = 15 * Ts.MINUTE;
    static final long HEARTBEAT_MS = 30 * Ts.SECOND;
    static final long TIMEOUT_MS = 60 * Ts.SECOND;

    // Population (multiplied by scale).
    static final int BASE_CUSTOMERS = 150_000;
    static final int NEW_CUSTOMERS_PER_DAY = 900;

    // Generations, in the order Gen Z, Millennials, Gen X, Boomers, other, missing.
    static final double[] GENERATION_WEIGHTS = {0.26, 0.35, 0.21, 0.13, 0.02, 0.03};

    // Viewing and retention.
    /** Share of customers who ever watch shows. */
    static final double VIEWER_SHARE = 0.6;
    /** Weekly probability that a not-yet-activated watcher watches a first show. */
    static final double ACTIVATION_HAZARD = 0.09;
    /** P(live presence in week cohort + k | cohort), k >= 1 = a * d^(k-1). */
    static final double RETENTION_A = 0.36;
    static final double RETENTION_D = 0.85;
    /** The better-retaining segment: Gen Z (birth_year 1997..2012). */
    static final double RETENTION_A_GEN_Z = 0.52;
    static final double RETENTION_D_GEN_Z = 0.92;
    /** Probability that an active customer watches a second show in the same week (when there is one). */
    static final double SECOND_SHOW = 0.3;
    static final double ANONYMOUS_PER_IDENTIFIED = 0.65;
    static final double REPLAY_PER_LIVE = 0.12;
    static final double MEAN_WATCH_MIN = 16.0;

    // Purchases.
    /** Daily order probability per customer: lognormal with this median and sigma, capped. */
    static final double PROPENSITY_MEDIAN = 0.005;
    static final double PROPENSITY_SIGMA = 1.3;
    static final double PROPENSITY_CAP = 0.3;
    /** Heavy buyers: a share of customers whose daily order probability is uniform in [min, max]. */
    static final double HEAVY_BUYER_SHARE = 0.06;
    static final double HEAVY_BUYER_MIN = 0.10;
    static final double HEAVY_BUYER_MAX = 0.30;
    static final double EXTRA_LINES_MEAN = 0.5;
    static final double GUEST_ORDER_SHARE = 0.08;
    static final double CANCEL_RATE = 0.025;
    static final double RETURN_RATE_ONLINE = 0.06;
    static final double RETURN_RATE_STORE = 0.02;

    /** Share of viewers who chat; chat events per minute of presence for them and for the rest (besides bursts). */
    static final double CHATTER_SHARE = 0.35;
    static final double CHATTER_RATE_PER_MIN = 0.15;
    static final double QUIET_RATE_PER_MIN = 0.005;

    // Live player funnel.
    static final double CLICK_AFTER_PIN = 0.16;
    static final double CLICK_RATE_PER_MIN = 0.004;
    static final double CART_AFTER_CLICK = 0.3;
    static final double BUY_AFTER_CART_IDENTIFIED = 0.5;
    static final double BUY_AFTER_CART_GUEST = 0.3;

    // Store visits.
    static final double BASE_VISIT_RATE = 0.0025;
    static final double BASE_VISIT_PER_PROPENSITY = 0.12;
    /** Probability that watching a show leads to a store visit 0.5..6.5 days after it ends. */
    static final double SHOW_INFLUENCED_VISIT = 0.08;
    /** Share of watchers with a home store who only visit a store after their third show. */
    static final double MULTI_SHOW_VISITOR_SHARE = 0.05;
    static final double MULTI_SHOW_VISIT_PROB = 0.9;
    static final int MULTI_SHOW_THRESHOLD = 3;

    // Planted experiment effects.
    /** Holdout experiment: extra probability that a push-arm customer buys in the conversion window. */
    static final double PUSH_EXTRA_CONVERSION = 0.04;
    /** Holdout experiment: extra probability that a push-arm customer with a home store visits it in the visit window. */
    static final double PUSH_EXTRA_VISIT = 0.06;
    /** Host test: probability that an order of a host_c customer in the window gets one more line. */
    static final double HOST_C_EXTRA_LINE = 0.35;
    /** Holdout experiment: share of its customers who get a second, later assignment row (must be ignored). */
    static final double REASSIGNED_SHARE = 0.005;

    // Stock.
    static final double SELLOUT_SHOW_SHARE = 0.35;

    // Show cost (SPEC section 6), planted: a fixed promotion budget plus production per minute, in EUR.
    static final double SHOW_COST_FIXED = 450.0;
    static final double SHOW_COST_PER_MINUTE = 12.5;

    // Planted host effect: this host's shows outside experiments convert better.
    static final String HOST_EFFECT_HOST = "Mateo Rossi";
    /**
     * Probability that an identified viewer of one of {@link #HOST_EFFECT_HOST}'s shows outside experiments, who did
     * not buy through the player funnel, buys one featured sku in the player during the show.
     */
    static final double HOST_EFFECT_EXTRA_PURCHASE = 0.10;
}
