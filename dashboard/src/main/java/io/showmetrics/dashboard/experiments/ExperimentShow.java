package io.showmetrics.dashboard.experiments;

import java.time.Instant;

/** A show that belongs to an experiment ({@code show.experiment_id}). */
record ExperimentShow(String showId, String title, Instant startsAt, Instant endsAt) {
}
