package io.showmetrics.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Fixed reference data: products, stores, regions, hosts, chat phrases. Independent of the seed. */
final class Catalog {

    private Catalog() {
    }

    /** A product with its price in each currency the brand sells in. */
    record Sku(String id, String category, String name, BigDecimal eur, BigDecimal gbp, BigDecimal usd) {
        BigDecimal price(String currency) {
            return switch (currency) {
                case "GBP" -> gbp;
                case "USD" -> usd;
                default -> eur;
            };
        }
    }

    record Store(String id, String city, int region, ZoneId zone) {
        String currency() {
            return REGIONS.get(region).currency();
        }
    }

    record Region(String code, double weight, String currency) {
    }

    static final List<String> CATEGORIES = List.of("skincare", "makeup", "fragrance", "fashion", "home");

    private static final String[][] PRODUCTS = {
        {"skincare", "Hydra Glow Serum 30ml", "34.90"}, {"skincare", "Night Repair Cream 50ml", "42.00"},
        {"skincare", "Vitamin C Drops", "29.90"}, {"skincare", "Gentle Foam Cleanser", "18.50"},
        {"skincare", "SPF50 Daily Fluid", "24.90"}, {"skincare", "Retinol Eye Balm", "38.00"},
        {"skincare", "Clay Detox Mask", "21.90"}, {"skincare", "Rose Toner 200ml", "16.90"},
        {"skincare", "Hyaluronic Mist", "19.90"}, {"skincare", "Barrier Lip Kit", "14.90"},
        {"skincare", "Overnight Peel", "45.00"}, {"skincare", "Travel Skincare Trio", "49.00"},
        {"makeup", "Velvet Matte Lipstick", "22.00"}, {"makeup", "Skin Tint SPF20", "31.00"},
        {"makeup", "Volume Mascara", "19.90"}, {"makeup", "Glow Highlighter", "27.50"},
        {"makeup", "Brow Gel Clear", "15.90"}, {"makeup", "12-Shade Eye Palette", "39.90"},
        {"makeup", "Setting Powder", "26.00"}, {"makeup", "Cream Blush Duo", "24.00"},
        {"makeup", "Liquid Liner", "17.50"}, {"makeup", "Brush Set 8pc", "54.90"},
        {"makeup", "Lip Oil Cherry", "18.90"}, {"makeup", "Concealer Stick", "21.00"},
        {"fragrance", "Eau de Parfum Fleur 50ml", "79.00"}, {"fragrance", "Eau de Toilette Bois 100ml", "65.00"},
        {"fragrance", "Body Mist Vanille", "24.90"}, {"fragrance", "Discovery Set 6x2ml", "29.00"},
        {"fragrance", "Scented Candle Figue", "36.00"}, {"fragrance", "Hair Perfume Musc", "32.00"},
        {"fragrance", "Solid Perfume Neroli", "27.00"}, {"fragrance", "Travel Spray Ambre", "35.00"},
        {"fashion", "Silk Scarf Print", "59.00"}, {"fashion", "Cashmere Beanie", "69.00"},
        {"fashion", "Leather Card Holder", "45.00"}, {"fashion", "Oversized Knit Cardigan", "119.00"},
        {"fashion", "Wide-Leg Trousers", "89.00"}, {"fashion", "Gold Hoop Earrings", "49.90"},
        {"fashion", "Canvas Tote Bag", "35.00"}, {"fashion", "Wool Coat Camel", "249.00"},
        {"fashion", "Ankle Boots Noir", "159.00"}, {"fashion", "Satin Hair Scrunchies 3pc", "12.90"},
        {"home", "Linen Pillow Case", "39.00"}, {"home", "Ceramic Diffuser", "44.00"},
        {"home", "Bath Salts Lavender", "19.50"}, {"home", "Waffle Bathrobe", "79.00"},
        {"home", "Marble Tray", "34.00"}, {"home", "Reed Diffuser Refill", "22.00"},
    };

    static final List<Sku> SKUS;
    static final List<List<Integer>> SKUS_BY_CATEGORY;

    static final List<Region> REGIONS = List.of(
        new Region("FR-IDF", 0.30, "EUR"), new Region("FR-ARA", 0.13, "EUR"), new Region("FR-PAC", 0.10, "EUR"),
        new Region("FR-NAQ", 0.09, "EUR"), new Region("FR-HDF", 0.08, "EUR"), new Region("BE-BRU", 0.07, "EUR"),
        new Region("DE-BE", 0.06, "EUR"), new Region("GB-LND", 0.08, "GBP"), new Region("US-NY", 0.06, "USD"));
    /** Share of customers with no region on file. */
    static final double REGION_MISSING = 0.03;

    static final List<Store> STORES = List.of(
        new Store("ST-PAR-01", "Paris Marais", 0, ZoneId.of("Europe/Paris")),
        new Store("ST-PAR-02", "Paris Opéra", 0, ZoneId.of("Europe/Paris")),
        new Store("ST-VER-01", "Versailles", 0, ZoneId.of("Europe/Paris")),
        new Store("ST-LYO-01", "Lyon Confluence", 1, ZoneId.of("Europe/Paris")),
        new Store("ST-MRS-01", "Marseille Vieux-Port", 2, ZoneId.of("Europe/Paris")),
        new Store("ST-BDX-01", "Bordeaux Sainte-Catherine", 3, ZoneId.of("Europe/Paris")),
        new Store("ST-BRU-01", "Bruxelles Louise", 5, ZoneId.of("Europe/Brussels")),
        new Store("ST-BER-01", "Berlin Mitte", 6, ZoneId.of("Europe/Berlin")),
        new Store("ST-LON-01", "London Covent Garden", 7, ZoneId.of("Europe/London")),
        new Store("ST-NYC-01", "New York SoHo", 8, ZoneId.of("America/New_York")));

    static final List<String> HOSTS = List.of(
        "Camille Laurent", "Jonas Weber", "Inès Martin", "Mateo Rossi", "Léa Dubois", "Sofia Jansen");

    static final String[] THEMES = {
        "Autumn Beauty Drop", "Glow Up Live", "Skincare Sunday", "Fragrance Night", "Cozy Knits Edit",
        "Makeup Masterclass", "Black Week Preview", "Gift Guide Live", "Self-Care Hour", "New In: Fashion",
    };
    static final String[] THEME_CATEGORY = {
        "skincare", "makeup", "skincare", "fragrance", "fashion", "makeup", "fashion", "fragrance", "home", "fashion",
    };

    static final String[] VIEWER_CHANNELS = {"web", "app", "facebook", "instagram", "tiktok", "youtube"};
    static final double[] VIEWER_CHANNEL_WEIGHTS = {0.28, 0.30, 0.12, 0.16, 0.09, 0.05};
    static final String[] SHOW_CHANNELS = {"web", "app", "instagram", "facebook", "youtube"};
    static final String[] DEVICES = {"desktop", "mobile", "tablet", "tv"};

    static final String[] MESSAGES = {
        "Love this!", "Hi from Lyon 👋", "that colour is gorgeous", "Is it vegan?", "Just ordered, can't wait",
        "Can you show it closer, please?", "Sound is a bit low", "wow, the texture", "Bonjour à tous !",
        "I have it already, 10/10", "Does it smell strong?", "Great tips, thanks",
        "Size guide, please: S or M?", "Finally a \"clean\" formula, yes!", "Price, please?",
        "Second time watching, still great", "Love, love, love", "Ordered two, one for my sister",
    };
    static final String[] QUESTIONS = {
        "Is it suitable for sensitive skin?", "Does it ship to Belgium?", "How long does one bottle last?",
        "What's the difference with the \"Pro\" version?", "Is there a refill?", "Can I use it with retinol?",
        "Which shade for fair skin, 01 or 02?", "When is it back in stock?", "Is the discount valid in store, too?",
    };
    static final String[] REACTIONS = {"❤️", "🔥", "👏", "😍", "😂", "+1"};
    static final String[] GIVEAWAY_MESSAGES = {"Me please!!", "I want to win 🙏", "Count me in", "pick me, pick me"};
    static final String[] POLL_OPTIONS = {"A", "B", "C", "D"};

    static {
        List<Sku> skus = new ArrayList<>();
        List<List<Integer>> byCat = new ArrayList<>();
        for (int c = 0; c < CATEGORIES.size(); c++) {
            byCat.add(new ArrayList<>());
        }
        int[] counters = new int[CATEGORIES.size()];
        for (String[] p : PRODUCTS) {
            int c = CATEGORIES.indexOf(p[0]);
            counters[c]++;
            String id = "SKU-" + p[0].substring(0, 3).toUpperCase() + "-" + String.format("%03d", 100 + counters[c]);
            BigDecimal eur = new BigDecimal(p[2]);
            BigDecimal gbp = charm(eur.multiply(new BigDecimal("0.86")));
            BigDecimal usd = charm(eur.multiply(new BigDecimal("1.09")));
            byCat.get(c).add(skus.size());
            skus.add(new Sku(id, p[0], p[1], eur, gbp, usd));
        }
        SKUS = List.copyOf(skus);
        List<List<Integer>> frozen = new ArrayList<>();
        for (List<Integer> l : byCat) {
            frozen.add(List.copyOf(l));
        }
        SKUS_BY_CATEGORY = List.copyOf(frozen);
    }

    /** Rounds a converted price to a shelf price ending in .90 or .00. */
    private static BigDecimal charm(BigDecimal v) {
        BigDecimal whole = v.setScale(0, RoundingMode.HALF_UP);
        return v.compareTo(whole) < 0 ? whole.subtract(new BigDecimal("0.10")) : whole.setScale(2, RoundingMode.UNNECESSARY);
    }

    static int categoryIndex(String category) {
        return CATEGORIES.indexOf(category);
    }

    static List<Integer> storesInRegion(int region) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < STORES.size(); i++) {
            if (STORES.get(i).region() == region) {
                out.add(i);
            }
        }
        return out;
    }

    static String currencyOfRegion(int region) {
        return region < 0 ? "EUR" : REGIONS.get(region).currency();
    }
}
