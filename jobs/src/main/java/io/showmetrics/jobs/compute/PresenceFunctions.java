package io.showmetrics.jobs.compute;

import io.showmetrics.core.presence.Interval;
import io.showmetrics.core.presence.Presence;
import io.showmetrics.core.presence.PresenceEvent;
import io.showmetrics.core.presence.ShowPresence;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Row logic that hands grouped events to the plain-Java presence math of {@code io.showmetrics.core.presence}. */
final class PresenceFunctions {
    private PresenceFunctions() {}

    /** Output of {@link ViewerIntervalsFn}: one row per merged presence interval. */
    static final StructType INTERVAL_SCHEMA = new StructType()
            .add("show_id", DataTypes.StringType, false)
            .add("viewer_id", DataTypes.StringType, false)
            .add("replay", DataTypes.BooleanType, false)
            .add("start_ms", DataTypes.LongType, false)
            .add("end_ms", DataTypes.LongType, false);

    /** Output of {@link ShowSummaryFn}: one row per show. */
    static final StructType SUMMARY_SCHEMA = new StructType()
            .add("show_id", DataTypes.StringType, false)
            .add("unique_viewers", DataTypes.LongType, false)
            .add("total_watch_ms", DataTypes.LongType, false)
            .add("peak_concurrent_viewers", DataTypes.LongType, false)
            .add("peak_at_ms", DataTypes.LongType, true)
            .add("minute_viewers", DataTypes.createArrayType(DataTypes.LongType, false), false)
            .add("minute_joined", DataTypes.createArrayType(DataTypes.LongType, false), false)
            .add("minute_lost", DataTypes.createArrayType(DataTypes.LongType, false), false);

    /**
     * Input row: {@code show_id, viewer_id, replay, window_start_ms, window_end_ms, events} where events
     * is an array of struct {@code (ts_ms, type)} of one viewer in one show, live or replay. Output: the
     * viewer's merged intervals, clipped to the live window for live events, unclipped for replay.
     */
    static final class ViewerIntervalsFn implements FlatMapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Row> call(Row row) {
            String showId = row.getString(0);
            String viewerId = row.getString(1);
            boolean replay = row.getBoolean(2);
            List<Row> events = row.getList(5);
            List<PresenceEvent> presenceEvents = new ArrayList<>(events.size());
            for (Row e : events) {
                presenceEvents.add(new PresenceEvent(e.getLong(0), PresenceEvent.Kind.of(e.getString(1))));
            }
            List<Interval> intervals = Presence.intervals(presenceEvents, Presence.DEFAULT_TIMEOUT_MILLIS);
            if (!replay) {
                intervals = Presence.clip(intervals, row.getLong(3), row.getLong(4));
            }
            List<Row> out = new ArrayList<>(intervals.size());
            for (Interval i : intervals) {
                out.add(RowFactory.create(showId, viewerId, replay, i.start(), i.end()));
            }
            return out.iterator();
        }
    }

    /**
     * Input row: {@code show_id, window_start_ms, window_end_ms, intervals} where intervals is an array
     * of struct {@code (viewer_id, start_ms, end_ms)} of the show's live presence. Output: the show's
     * {@link ShowPresence.Summary}.
     */
    static final class ShowSummaryFn implements MapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;

        @Override
        public Row call(Row row) {
            Interval window = new Interval(row.getLong(1), row.getLong(2));
            List<Row> rows = new ArrayList<>(row.getList(3));
            rows.sort((a, b) -> a.getString(0).compareTo(b.getString(0)));
            List<List<Interval>> viewers = new ArrayList<>();
            String current = null;
            List<Interval> intervals = null;
            for (Row r : rows) {
                if (!r.getString(0).equals(current)) {
                    current = r.getString(0);
                    intervals = new ArrayList<>();
                    viewers.add(intervals);
                }
                intervals.add(new Interval(r.getLong(1), r.getLong(2)));
            }
            for (int v = 0; v < viewers.size(); v++) {
                viewers.set(v, Presence.merge(viewers.get(v)));
            }
            ShowPresence.Summary s = ShowPresence.summarize(viewers, window);
            return RowFactory.create(row.getString(0), s.uniqueViewers(), s.totalWatchMillis(),
                    s.peakConcurrentViewers(), s.peakAt(), seq(s.viewersPerMinute()), seq(s.joinedPerMinute()),
                    seq(s.lostPerMinute()));
        }

        private static scala.collection.immutable.Seq<Long> seq(long[] values) {
            Long[] boxed = new Long[values.length];
            for (int i = 0; i < values.length; i++) {
                boxed[i] = values[i];
            }
            return scala.jdk.javaapi.CollectionConverters.asScala(java.util.Arrays.asList(boxed)).toSeq();
        }
    }
}
