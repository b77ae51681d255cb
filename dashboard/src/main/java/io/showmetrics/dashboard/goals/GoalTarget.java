package io.showmetrics.dashboard.goals;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a goal target as people type it, into the number the goal stores in the metric's catalogue unit. The one
 * place that does, for the form, the API, the CSV import and the benchmark check alike.
 *
 * <ul>
 *   <li>a number, with an optional decimal point and thousands grouped by three with commas or spaces:
 *       {@code 1500}, {@code 1,500}, {@code 1 500}, {@code 2,500.50}, {@code 0.25}, {@code 1e3};</li>
 *   <li>for a rate (unit {@code ratio}): a percentage {@code 5 %} or {@code 12.5%} becomes the fraction 0.05 or
 *       0.125; a bare number is already the fraction ({@code 0.05});</li>
 *   <li>for money (unit {@code currency}, the reporting currency): {@code €600}, {@code 600 €}, {@code EUR 600},
 *       {@code €1,200.50};</li>
 *   <li>for a duration in seconds (unit {@code seconds}): {@code mm:ss} ({@code 12:30} = 750) or {@code h:mm:ss};
 *       a bare number is seconds.</li>
 * </ul>
 * A target is finite and not negative (no show-level metric is). A comma that does not group thousands ({@code 1,5})
 * is refused rather than guessed as a decimal comma. Non-breaking and thin spaces count as spaces, and the minus sign
 * (U+2212) as a hyphen. Every refusal is a {@link GoalError} on field {@code target} from {@link GoalErrors}.
 */
final class GoalTarget {
    static final String RATIO = "ratio";
    static final String CURRENCY = "currency";
    static final String SECONDS = "seconds";

    /** A decimal number with optional thousands groups (commas or spaces, by three) and exponent; sign separate. */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<int>\\d{1,3}(?:,\\d{3})+|\\d{1,3}(?: \\d{3})+|\\d+)?(?<frac>\\.\\d*)?(?<exp>[eE][-+]?\\d+)?");
    private static final Pattern PERCENT = Pattern.compile("(?<body>.+?)\\s*%");
    private static final Pattern CURRENCY_BEFORE = Pattern.compile("(?i)(?:€|eur)\\s*(?<body>.+)");
    private static final Pattern CURRENCY_AFTER = Pattern.compile("(?i)(?<body>.+?)\\s*(?:€|eur)");
    private static final Pattern OTHER_CURRENCY = Pattern.compile("(?i).*(?:[$£¥₹]|\\busd\\b|\\bgbp\\b|\\bchf\\b).*");
    private static final Pattern DURATION = Pattern.compile("(?:(?<h>\\d+):)?(?<m>\\d+):(?<s>\\d+)");

    private GoalTarget() {
    }

    /**
     * A target read from text.
     *
     * @param value the number stored, in the metric's unit (a fraction for a rate, euros, seconds)
     * @param caution a remark for the person typing (for example that a bare 5 on a rate reads as 500%), or
     *     {@code null}; it never stops the goal from being saved
     */
    record Parsed(double value, String caution) {
    }

    /** Thrown with the message for the person who typed the target. */
    static final class Invalid extends Exception {
        private final transient GoalError error;

        Invalid(GoalError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        GoalError error() {
            return error;
        }
    }

    /**
     * @param text the target as typed, not blank
     * @param unit the metric's catalogue unit ({@code count}, {@code ratio}, {@code currency}, {@code seconds},
     *     {@code minutes}); {@code null} when the metric is unknown (then only a plain number is read)
     * @param metric the metric's name, for the messages
     * @param line the CSV line for the messages, {@code null} for a single goal
     */
    static Parsed parse(String text, String unit, String metric, Integer line) throws Invalid {
        String typed = text.strip();
        String t = typed.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2009', ' ').replace('\u2212', '-')
                .replaceAll("\\s+", " ");
        Matcher percent = PERCENT.matcher(t);
        if (percent.matches()) {
            if (!RATIO.equals(unit)) {
                throw new Invalid(GoalErrors.percentNotARate(line, typed, metric, unit));
            }
            double value = BigDecimal.valueOf(number(percent.group("body"), typed, line)).movePointLeft(2).doubleValue();
            return new Parsed(value, value > 1 ? GoalErrors.percentAboveHundred(typed) : null);
        }
        if (OTHER_CURRENCY.matcher(t).matches()) {
            throw new Invalid(GoalErrors.otherCurrency(line, typed));
        }
        Matcher money = CURRENCY_BEFORE.matcher(t);
        if (!money.matches()) {
            money = CURRENCY_AFTER.matcher(t);
        }
        if (money.matches()) {
            if (!CURRENCY.equals(unit)) {
                throw new Invalid(GoalErrors.moneyNotCurrency(line, typed, metric, unit));
            }
            return new Parsed(number(money.group("body"), typed, line), null);
        }
        Matcher duration = DURATION.matcher(t);
        if (duration.matches()) {
            if (!SECONDS.equals(unit)) {
                throw new Invalid(GoalErrors.durationNotSeconds(line, typed, metric, unit));
            }
            long h = duration.group("h") == null ? 0 : Long.parseLong(duration.group("h"));
            long m = Long.parseLong(duration.group("m"));
            long s = Long.parseLong(duration.group("s"));
            if (s >= 60 || (duration.group("h") != null && m >= 60) || duration.group("s").length() != 2
                    || (duration.group("h") != null && duration.group("m").length() != 2)) {
                throw new Invalid(GoalErrors.badDuration(line, typed));
            }
            return new Parsed(h * 3600 + m * 60 + s, null);
        }
        double value = number(t, typed, line);
        String caution = RATIO.equals(unit) && value > 1
                ? GoalErrors.rateAboveOne(typed, value) : null;
        return new Parsed(value, caution);
    }

    /** A plain number (sign, thousands groups, decimals, exponent), finite and not negative. */
    private static double number(String body, String typed, Integer line) throws Invalid {
        String b = body.strip();
        boolean negative = false;
        if (b.startsWith("-") || b.startsWith("+")) {
            negative = b.startsWith("-");
            b = b.substring(1).strip();
        }
        Matcher m = NUMBER.matcher(b);
        if (b.isEmpty() || !m.matches() || (m.group("int") == null && m.group("frac") == null)) {
            if (b.matches("[\\d,.]+") && b.contains(",")) {
                throw new Invalid(GoalErrors.misplacedComma(line, typed));
            }
            throw new Invalid(GoalErrors.targetNotANumber(line, typed));
        }
        BigDecimal value;
        try {
            value = new BigDecimal(b.replace(",", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            throw new Invalid(GoalErrors.targetNotANumber(line, typed));
        }
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
            throw new Invalid(GoalErrors.targetNotANumber(line, typed));
        }
        if (negative && d != 0) {
            throw new Invalid(GoalErrors.negativeTarget(line, typed));
        }
        return d;
    }

    /** The target as a person would type it back in the metric's unit: "1,500", "5%", "€600.00", "12:30". */
    static String format(double value, String unit) {
        if (RATIO.equals(unit)) {
            return GoalNumbers.plain(BigDecimal.valueOf(value).movePointRight(2).doubleValue()) + "%";
        }
        if (CURRENCY.equals(unit)) {
            return "€" + String.format(Locale.ROOT, "%,.2f", value);
        }
        if (SECONDS.equals(unit) && value == Math.rint(value)) {
            long s = (long) value;
            return s / 60 + ":" + String.format(Locale.ROOT, "%02d", s % 60);
        }
        String plain = GoalNumbers.plain(value);
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) value) : plain;
    }
}
