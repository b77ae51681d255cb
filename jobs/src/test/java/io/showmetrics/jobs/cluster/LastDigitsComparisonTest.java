package io.showmetrics.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The comparison {@link StandaloneClusterIT} uses: a double may differ in its last digits, nothing else. */
class LastDigitsComparisonTest {
    @Test
    void fullPrecisionDoublesMayDifferInTheirLastDigits() {
        assertThat(StandaloneClusterIT.sameUpToLastDigits("0.32853731307807027", "0.3285373130780703")).isTrue();
        assertThat(StandaloneClusterIT.compareUpToLastDigits(
                "show_id=SH-1|model=time_decay|visits=0.15068253862421785|",
                "show_id=SH-1|model=time_decay|visits=0.15068253862421788|")).isZero();
    }

    @Test
    void anythingElseMustMatchExactly() {
        assertThat(StandaloneClusterIT.sameUpToLastDigits("0.3285373130780703", "0.3285373130880703")).isFalse();
        assertThat(StandaloneClusterIT.sameUpToLastDigits("1.5", "1.5000000000000002")).as("a rounded value").isFalse();
        assertThat(StandaloneClusterIT.sameUpToLastDigits("12.35", "12.36")).isFalse();
        assertThat(StandaloneClusterIT.compareUpToLastDigits(
                "show_id=SH-1|visits=0.15068253862421785|", "show_id=SH-2|visits=0.15068253862421785|")).isNotZero();
        assertThat(StandaloneClusterIT.compareUpToLastDigits(
                "show_id=SH-1|a=0.15068253862421785|", "show_id=SH-1|b=0.15068253862421785|")).isNotZero();
    }
}
