package io.showmetrics.dashboard.goals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoalCsvTest {

    @Test
    void readsEachLineWithItsNumberSkippingBlankLinesAndTheByteOrderMark() {
        GoalCsv.Parsed p = GoalCsv.parse("\uFEFFshow_id,metric,target,direction\r\n"
                + "s-spring,unique_viewers,1500,at_least\r\n\r\n"
                + "\"s-mid\",\"live_gmv\",\"2,5\",at_most\n");

        assertThat(p.errors()).isEmpty();
        assertThat(p.lines()).extracting(GoalCsv.Line::number).containsExactly(2, 4);
        assertThat(p.lines().get(1).draft()).isEqualTo(new GoalDraft("s-mid", "live_gmv", "2,5", "at_most"));
    }

    @Test
    void wrongHeaderStopsTheFile() {
        GoalCsv.Parsed p = GoalCsv.parse("show,metric,target\ns,unique_viewers,1\n");

        assertThat(p.lines()).isEmpty();
        assertThat(p.errors()).extracting(GoalError::message)
                .containsExactly("Line 1 must be the header show_id,metric,target,direction, found 'show,metric,target'.");
    }

    @Test
    void reportsLinesWithTheWrongNumberOfFieldsOrAnOpenQuote() {
        GoalCsv.Parsed p = GoalCsv.parse("show_id,metric,target,direction\ns,unique_viewers,1\ns,\"x,1,at_least\n");

        assertThat(p.errors()).extracting(GoalError::message).containsExactly(
                "Line 2 has 3 fields, expected 4 (show_id,metric,target,direction).",
                "Line 3 has an unterminated quoted field: close the quote.");
    }

    @Test
    void emptyFileAndHeaderOnlyAreErrors() {
        assertThat(GoalCsv.parse("").errors()).extracting(GoalError::message).singleElement().asString()
                .startsWith("The file is empty");
        assertThat(GoalCsv.parse("show_id,metric,target,direction\n").errors()).extracting(GoalError::message)
                .containsExactly("The file has a header but no goals: add one line per goal below it.");
    }

    @Test
    void aQuotedTargetMayHoldThousandsSeparators() {
        GoalCsv.Parsed p = GoalCsv.parse("show_id,metric,target,direction\ns1,unique_viewers,\"1,500\",at_least\n");

        assertThat(p.errors()).isEmpty();
        assertThat(p.lines()).singleElement().extracting(l -> l.draft().target()).isEqualTo("1,500");
    }

    @Test
    void anUnquotedTargetWithThousandsSeparatorsIsJoinedBack() {
        GoalCsv.Parsed p = GoalCsv.parse("show_id,metric,target,direction\n"
                + "s1,unique_viewers,1,500,at_least\ns1,live_gmv,€1,200,500.50,at_most\n");

        assertThat(p.errors()).isEmpty();
        assertThat(p.lines()).extracting(l -> l.draft().target()).containsExactly("1,500", "€1,200,500.50");
        assertThat(p.lines()).extracting(l -> l.draft().direction()).containsExactly("at_least", "at_most");
    }

    @Test
    void extraFieldsThatAreNotThousandsGroupsAreStillTooMany() {
        GoalCsv.Parsed p = GoalCsv.parse("show_id,metric,target,direction\ns1,unique_viewers,1,5,at_least\n");

        assertThat(p.errors()).extracting(GoalError::message).containsExactly(
                "Line 2 has 5 fields, expected 4 (show_id,metric,target,direction): quote a field that holds a comma "
                        + "(\"1,500\").");
    }
}
