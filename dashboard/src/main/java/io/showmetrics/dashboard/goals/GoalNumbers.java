package io.showmetrics.dashboard.goals;

import java.math.BigDecimal;

/** Number text for messages: 1500 rather than 1500.0, 0.25 as is. */
final class GoalNumbers {
    private GoalNumbers() {
    }

    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
