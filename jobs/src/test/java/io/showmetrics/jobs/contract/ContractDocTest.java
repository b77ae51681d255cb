package io.showmetrics.jobs.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import io.showmetrics.core.catalog.MetricCatalog;
import io.showmetrics.db.EmbeddedPostgresServer;
import io.showmetrics.ingest.validate.Entities;
import io.showmetrics.ingest.validate.Reason;
import io.showmetrics.jobs.publish.ServingDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/contract.md} says what the code does: its generated sections equal what {@link ContractDoc}
 * produces from the entity schemas, reason codes, metric catalogue, migrated serving schema and command
 * line. With {@code -Dcontract.write=true} the test rewrites the file instead of failing
 * ({@link ContractDoc#REGENERATE}).
 */
class ContractDocTest {
    /** The repository's contract: Surefire runs in the jobs module, an IDE perhaps at the root. */
    static final Path DOC = findDoc(Path.of("").toAbsolutePath());

    @TempDir
    static Path dir;

    private static EmbeddedPostgresServer postgres;
    private static ServingDatabase db;

    @BeforeAll
    static void migrateAFreshServingDatabase() {
        postgres = EmbeddedPostgresServer.start(dir.resolve("postgres"), 0);
        db = new ServingDatabase(postgres.jdbcUrl(), postgres.user(), postgres.password());
        db.migrate();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void committedContractEqualsWhatTheCodeGenerates() throws IOException, SQLException {
        String committed = Files.readString(DOC, StandardCharsets.UTF_8);
        String generated;
        try (Connection c = db.connect()) {
            generated = ContractDoc.render(committed, ContractDoc.sections(c));
        }
        if (Boolean.getBoolean("contract.write")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
            return;
        }
        if (!committed.equals(generated)) {
            fail("docs/contract.md is out of date with the code (" + firstDifference(committed, generated)
                    + "). Regenerate it with:\n  " + ContractDoc.REGENERATE);
        }
    }

    private static Path findDoc(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            Path doc = dir.resolve("docs").resolve("contract.md");
            if (Files.isRegularFile(doc)) {
                return doc;
            }
        }
        throw new IllegalStateException("No docs/contract.md in " + from + " or above it: run the test from the "
                + "repository (" + ContractDoc.REGENERATE + ")");
    }

    /** The first line where the two texts differ, both versions quoted. */
    static String firstDifference(String committed, String generated) {
        String[] a = committed.split("\n", -1);
        String[] b = generated.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "(end of file)";
            String y = i < b.length ? b[i] : "(end of file)";
            if (!x.equals(y)) {
                return "line " + (i + 1) + " is\n  " + x + "\nbut the code says\n  " + y;
            }
        }
        return "no difference";
    }

    @Nested
    class Sections {
        @Test
        void replaceOnlyTheTextBetweenTheirMarkers() {
            String doc = "intro\n<!-- generated:metrics -->\nold\n<!-- /generated:metrics -->\nprose after\n";
            assertThat(ContractDoc.render(doc, Map.of("metrics", "new\n")))
                    .isEqualTo("intro\n<!-- generated:metrics -->\nnew\n<!-- /generated:metrics -->\nprose after\n");
        }

        @Test
        void missingMarkersNameTheSection() {
            assertThatThrownBy(() -> ContractDoc.render("no markers", Map.of("metrics", "x")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("<!-- generated:metrics -->");
        }

        @Test
        void everyMetricOfTheCatalogueIsListedWithItsWindow() {
            String metrics = ContractDoc.metrics();
            MetricCatalog.all().forEach(m -> assertThat(metrics).contains("| `" + m.name() + "`<br>"));
            assertThat(metrics).contains("| `next_show_retention`<br>Next-show retention |")
                    .contains("| [ends_at, ends_at + 30 d) | ratio | 30 d | yes |");
        }

        @Test
        void everyEntityFieldIsListedAsRequiredOrOptional() {
            String entities = ContractDoc.entities();
            Entities.ALL.forEach(e -> e.fields().forEach(f -> assertThat(entities).contains("| `" + f.name() + "` | ")));
            assertThat(entities).contains("| `order_id` | required | identifier |")
                    .contains("| `status` | optional | closed set | one of `cancelled`, `placed`, `returned`; "
                            + "default `placed` |");
        }

        @Test
        void everyReasonCodeIsListed() {
            String reasons = ContractDoc.reasons();
            for (Reason r : Reason.values()) {
                assertThat(reasons).contains("| `" + r.code() + "` | ").doesNotContain("(see `Reason.");
            }
        }

        @Test
        void servingTablesComeFromTheMigratedSchema() throws SQLException {
            String tables;
            try (Connection c = db.connect()) {
                tables = ContractDoc.servingTables(c);
            }
            assertThat(tables).contains("#### `show_kpi`").contains("| `show_id` | text | key |")
                    .contains("| `live_gmv` | numeric(20, 4) |\n")
                    .contains("| `featured_skus` | text[] |\n")
                    .contains("| `host` | text |\n")
                    .contains("`direction` is one of `at_least`, `at_most`.")
                    .contains("- (`show_id`, `metric`) is unique.")
                    .doesNotContain("flyway_schema_history");
        }

        @Test
        void commandsComeFromTheCommandLine() {
            assertThat(ContractDoc.commands()).contains("#### `./showmetrics run`")
                    .contains("| `--input DIR` (required) | The landing folder. |")
                    .contains("| `--full` | ")
                    .doesNotContain("--help");
        }
    }
}
