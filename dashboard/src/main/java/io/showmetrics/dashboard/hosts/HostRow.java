package io.showmetrics.dashboard.hosts;

import java.math.BigDecimal;
import java.util.List;

/**
 * One host over every computed show they hosted.
 *
 * @param host the show's {@code host}; "(no host)" for shows without one
 * @param shows computed shows (with KPIs)
 * @param medianViewers median of the shows' unique viewers
 * @param conversionRate buyers within 24 h / identified viewers, summed over the shows (pooled, so a big show
 *     weighs more); {@code null} without identified viewers
 * @param liveGmv net live GMV summed over the shows
 * @param liveHours scheduled show hours ({@code ends_at − starts_at}) summed
 * @param gmvPerLiveHour liveGmv / liveHours; {@code null} without hours
 * @param goalsMet goals met on the host's shows
 * @param goalsMissed goals missed; pending goals count in neither
 * @param goalHitRate goalsMet / (goalsMet + goalsMissed); {@code null} without a settled goal
 * @param experiments the experiments covering the host's shows, each with its decision
 */
record HostRow(String host, long shows, Double medianViewers, Double conversionRate, BigDecimal liveGmv,
               double liveHours, Double gmvPerLiveHour, int goalsMet, int goalsMissed, int goalsPending,
               Double goalHitRate, List<HostExperiment> experiments) {

    /**
     * An experiment that covers at least one of the host's shows (for example host A vs host B), with the decision
     * on its primary metric per treatment variant ({@code experiment_decision}); {@code decision} null before a run.
     */
    record HostExperiment(String experimentId, String name, String variant, String decision, String reason) {}
}
