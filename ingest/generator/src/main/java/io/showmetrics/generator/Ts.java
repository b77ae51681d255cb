package io.showmetrics.generator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/** Fast ISO-8601 formatting of epoch milliseconds, in UTC ({@code Z}) or with a numeric offset. */
final class Ts {

    static final long SECOND = 1000L;
    static final long MINUTE = 60_000L;
    static final long HOUR = 3_600_000L;
    static final long DAY = 86_400_000L;

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZoneRules PARIS_RULES = PARIS.getRules();

    private Ts() {
    }

    static long epochMs(LocalDate day) {
        return day.toEpochDay() * DAY;
    }

    /** UTC day index (days since 1970-01-01) of an instant. */
    static long epochDay(long ms) {
        return Math.floorDiv(ms, DAY);
    }

    static String utc(long ms, boolean millis) {
        return format(ms, 0, millis);
    }

    /** Formats with the offset Europe/Paris has at that instant (+01:00 or +02:00). */
    static String paris(long ms, boolean millis) {
        return format(ms, offsetMinutes(PARIS_RULES, ms), millis);
    }

    static int offsetMinutes(ZoneRules rules, long ms) {
        return rules.getOffset(Instant.ofEpochMilli(ms)).getTotalSeconds() / 60;
    }

    static String format(long ms, int offsetMin, boolean millis) {
        long local = ms + offsetMin * MINUTE;
        long day = Math.floorDiv(local, DAY);
        long msOfDay = local - day * DAY;
        StringBuilder sb = new StringBuilder(30);
        appendDate(sb, day);
        sb.append('T');
        int secOfDay = (int) (msOfDay / 1000);
        pad2(sb, secOfDay / 3600);
        sb.append(':');
        pad2(sb, (secOfDay / 60) % 60);
        sb.append(':');
        pad2(sb, secOfDay % 60);
        if (millis) {
            int m = (int) (msOfDay % 1000);
            sb.append('.');
            sb.append((char) ('0' + m / 100)).append((char) ('0' + (m / 10) % 10)).append((char) ('0' + m % 10));
        }
        if (offsetMin == 0) {
            sb.append('Z');
        } else {
            sb.append(offsetMin < 0 ? '-' : '+');
            int a = Math.abs(offsetMin);
            pad2(sb, a / 60);
            sb.append(':');
            pad2(sb, a % 60);
        }
        return sb.toString();
    }

    /** Local date-time without any offset: a deliberately bad timestamp. */
    static String noOffset(long ms) {
        String s = format(ms, 0, false);
        return s.substring(0, s.length() - 1);
    }

    static String date(long epochDay) {
        StringBuilder sb = new StringBuilder(10);
        appendDate(sb, epochDay);
        return sb.toString();
    }

    /** Civil-from-days (Howard Hinnant's algorithm). */
    private static void appendDate(StringBuilder sb, long epochDay) {
        long z = epochDay + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        if (m <= 2) {
            y++;
        }
        sb.append(y);
        sb.append('-');
        pad2(sb, (int) m);
        sb.append('-');
        pad2(sb, (int) d);
    }

    private static void pad2(StringBuilder sb, int v) {
        sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
