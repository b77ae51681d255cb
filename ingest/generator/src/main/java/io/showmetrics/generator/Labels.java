package io.showmetrics.generator;

/**
 * Unusual open labels (SPEC §1 "Closed and open vocabularies"), so the sample exercises values outside any
 * list: shows streamed to {@code multistream}, {@code whatnot} or the brand's own site, viewers on
 * {@code whatnot} or {@code kick}, a few unusual devices, store visits from a window QR code, and customers
 * whose region the CRM holds as free text.
 *
 * <p>Each choice comes from its own hash stream ({@link Rng#unit}), never from the random streams that plant
 * the effects, and only changes the text of a label after every other draw: no planted truth, no metric of
 * {@code truth.json} and no other record depends on it.
 */
final class Labels {
    private static final long T_SHOW_CHANNEL = Rng.tag("label-show-channel");
    private static final long T_VIEWER_CHANNEL = Rng.tag("label-viewer-channel");
    private static final long T_DEVICE = Rng.tag("label-device");
    private static final long T_VISIT_SOURCE = Rng.tag("label-visit-source");
    private static final long T_REGION = Rng.tag("label-region");

    /** The brand's own live-shopping site, as a show channel. */
    static final String BRAND_SITE = "shop.brand.example";
    /** Show channels outside the platforms of SPEC's examples. */
    static final String[] SHOW_PLATFORMS = {"multistream", "whatnot", BRAND_SITE};
    /** Share of the shows outside experiments streamed to one of {@link #SHOW_PLATFORMS}. */
    static final double UNUSUAL_SHOW_SHARE = 0.15;
    /** Share of the social-platform viewers of a {@code whatnot} show who watch it on whatnot. */
    static final double WHATNOT_VIEWER_SHARE = 0.6;
    /** Share of the other social-platform viewers who watch a re-stream on {@code kick}. */
    static final double KICK_VIEWER_SHARE = 0.02;
    static final String[] UNUSUAL_DEVICES = {"smart-display", "Vision Pro", "car-display"};
    /** Share of viewers with a device whose device is one of {@link #UNUSUAL_DEVICES}. */
    static final double UNUSUAL_DEVICE_SHARE = 0.01;
    static final String QR_SOURCE = "window-qr";
    static final double QR_SOURCE_SHARE = 0.03;
    /** The region code the CRM sometimes holds as free text, and that text. */
    static final String IDF_CODE = "FR-IDF";
    static final String IDF_TEXT = "Île-de-France";
    static final double IDF_TEXT_SHARE = 0.05;

    private Labels() {
    }

    /** A show's channel: the drawn one, or for some shows outside experiments an unusual platform. */
    static String showChannel(long seed, int day, int slot, String experimentId, String drawn) {
        if (experimentId != null) {
            return drawn;
        }
        double u = Rng.unit(seed, T_SHOW_CHANNEL, day, slot);
        return u < UNUSUAL_SHOW_SHARE ? SHOW_PLATFORMS[(int) (u / UNUSUAL_SHOW_SHARE * SHOW_PLATFORMS.length)] : drawn;
    }

    /** A viewer's channel: social-platform viewers of a whatnot show mostly watch there; a few others on kick. */
    static String viewerChannel(long seed, Show show, int viewer, String drawn) {
        if ("web".equals(drawn) || "app".equals(drawn)) {
            return drawn;
        }
        double u = Rng.unit(seed, T_VIEWER_CHANNEL, show.key(), viewer);
        if ("whatnot".equals(show.channel())) {
            return u < WHATNOT_VIEWER_SHARE ? "whatnot" : drawn;
        }
        return u < KICK_VIEWER_SHARE ? "kick" : drawn;
    }

    static String device(long seed, Show show, int viewer, String drawn) {
        if (drawn == null) {
            return null;
        }
        double u = Rng.unit(seed, T_DEVICE, show.key(), viewer);
        return u < UNUSUAL_DEVICE_SHARE ? UNUSUAL_DEVICES[(int) (u / UNUSUAL_DEVICE_SHARE * UNUSUAL_DEVICES.length)] : drawn;
    }

    static String visitSource(long seed, int day, int visit, String drawn) {
        return Rng.unit(seed, T_VISIT_SOURCE, day, visit) < QR_SOURCE_SHARE ? QR_SOURCE : drawn;
    }

    /** A customer's region as exported: the code, or for some Île-de-France customers the CRM's free text. */
    static String region(long seed, int customer, String code) {
        return IDF_CODE.equals(code) && Rng.unit(seed, T_REGION, customer) < IDF_TEXT_SHARE ? IDF_TEXT : code;
    }
}
