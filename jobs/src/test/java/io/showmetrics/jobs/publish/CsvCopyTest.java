package io.showmetrics.jobs.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.showmetrics.db.EmbeddedPostgresServer;
import io.showmetrics.jobs.compute.ServingTables;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Publish's COPY: every value comes back as it went in; a gold table that lacks a served column is named. */
class CsvCopyTest {
    private static final StructType SCHEMA = new StructType()
            .add("s", DataTypes.StringType)
            .add("n", DataTypes.LongType)
            .add("i", DataTypes.IntegerType)
            .add("d", DataTypes.DoubleType)
            .add("m", DataTypes.createDecimalType(20, 4))
            .add("b", DataTypes.BooleanType)
            .add("t", DataTypes.TimestampType)
            .add("day", DataTypes.DateType)
            .add("a", DataTypes.createArrayType(DataTypes.StringType));
    private static EmbeddedPostgresServer postgres;
    private static ServingDatabase db;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("csvcopy");
        postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"), 0);
        db = new ServingDatabase(postgres.jdbcUrl(), postgres.user(), postgres.password());
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void copiesEveryValueExactly() throws Exception {
        Timestamp micros = Timestamp.from(Instant.parse("2026-03-01T19:00:00.123456Z"));
        List<Row> rows = List.of(
                RowFactory.create("plain", 1L, 2, 0.1, new BigDecimal("12.3400"), true, micros,
                        Date.valueOf(LocalDate.of(2026, 2, 28)), scala(List.of("a", "b"))),
                RowFactory.create("comma, \"quote\"\nnew line \\ back", Long.MAX_VALUE, -1, 1e-300,
                        new BigDecimal("-0.0001"), false, micros, Date.valueOf(LocalDate.of(1999, 12, 31)),
                        scala(Arrays.asList("with \"quote\"", "back\\slash", null, "", "{brace}, comma"))),
                RowFactory.create("", 0L, 0, Double.NaN, new BigDecimal("0.0000"), false, micros, null, scala(List.of())),
                RowFactory.create(null, null, null, Double.POSITIVE_INFINITY, null, null, null, null, null),
                RowFactory.create("ünïcødé ✓", 3L, 3, 2.0 / 3.0, new BigDecimal("99999999.9999"), true, micros,
                        null, null));
        try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE copy_probe (s text, n bigint, i integer, d double precision, "
                        + "m numeric(20, 4), b boolean, t timestamptz, day date, a text[])");
            }
            CsvCopy.Rendered rendered = CsvCopy.render(SCHEMA, rows.iterator());
            assertThat(rendered.rows()).isEqualTo(5);
            assertThat(CsvCopy.copyIn(c, "copy_probe", Arrays.asList(SCHEMA.fieldNames()), rendered)).isEqualTo(5);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM copy_probe")) {
                int k = 0;
                while (rs.next()) {
                    Row expected = rows.get(k++);
                    assertThat(rs.getString("s")).isEqualTo(expected.get(0));
                    assertThat(rs.getObject("n")).isEqualTo(expected.get(1));
                    assertThat(rs.getObject("i")).isEqualTo(expected.get(2));
                    assertThat(rs.getObject("d")).isEqualTo(expected.get(3));
                    assertThat(rs.getBigDecimal("m")).isEqualTo((BigDecimal) expected.get(4));
                    assertThat(rs.getObject("b")).isEqualTo(expected.get(5));
                    Timestamp t = rs.getTimestamp("t");
                    assertThat(t == null ? null : t.toInstant())
                            .isEqualTo(expected.isNullAt(6) ? null : ((Timestamp) expected.get(6)).toInstant());
                    Date day = rs.getDate("day");
                    assertThat(day == null ? null : day.toLocalDate())
                            .isEqualTo(expected.isNullAt(7) ? null : ((Date) expected.get(7)).toLocalDate());
                    Array a = rs.getArray("a");
                    assertThat(a == null ? null : Arrays.asList((Object[]) a.getArray()))
                            .isEqualTo(expected.isNullAt(8) ? null : expected.getList(8));
                }
                assertThat(k).isEqualTo(5);
            }
            c.rollback();
        }
    }

    @Test
    void aServedColumnMissingFromGoldIsNamed() {
        ServingTables.Copy copy = new ServingTables.Copy("serving_show", "show");
        StructType gold = new StructType().add("show_id", DataTypes.StringType).add("title", DataTypes.StringType);
        assertThatThrownBy(() -> PublishJob.checkColumns(copy, gold, List.of(
                new PublishJob.ServingColumn("show_id", "text"), new PublishJob.ServingColumn("host", "text"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Gold table serving_show has no column host")
                .hasMessageContaining("serving table show");
    }

    @Test
    void aColumnOfAnotherTypeIsNamed() {
        ServingTables.Copy copy = new ServingTables.Copy("show_minute", "show_minute");
        StructType gold = new StructType().add("viewers", DataTypes.StringType);
        assertThatThrownBy(() -> PublishJob.checkColumns(copy, gold,
                List.of(new PublishJob.ServingColumn("viewers", "bigint"))))
                .hasMessageContaining("Column viewers of gold table show_minute is string, but serving table "
                        + "show_minute declares it bigint");
        // Gold may hold more than the dashboard reads.
        PublishJob.checkColumns(copy, gold.add("extra", DataTypes.LongType),
                List.of(new PublishJob.ServingColumn("viewers", "text")));
    }

    @Test
    void everyServingTableIsCopiedFromExactlyOneGoldTable() throws Exception {
        db.migrate();
        try (Connection c = db.connect()) {
            var columns = PublishJob.servingColumns(c);
            for (ServingTables.Copy t : ServingTables.TABLES) {
                assertThat(columns).as(t.serving()).containsKey(t.serving());
            }
        }
        assertThat(ServingTables.TABLES.stream().map(ServingTables.Copy::serving).distinct().count())
                .isEqualTo(ServingTables.TABLES.size());
    }

    private static scala.collection.immutable.Seq<Object> scala(List<?> values) {
        return scala.jdk.javaapi.CollectionConverters.asScala(new java.util.ArrayList<Object>(values)).toList();
    }
}
