package io.showmetrics.cli;

import io.showmetrics.generator.GenerationSummary;
import io.showmetrics.generator.Generator;
import io.showmetrics.generator.GeneratorOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: synthetic but realistic landing data with planted effects and a truth file. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a realistic landing folder (every entity, JSONL/CSV, gzip, dated sub-folders) with "
                + "planted effects recorded in DIR/truth.json. --scale 1 is about 10 million records.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Landing folder to write.")
    Path out;

    @Option(names = "--scale", paramLabel = "N", description = "Size multiplier (default ${DEFAULT-VALUE}).")
    double scale = GeneratorOptions.DEFAULT_SCALE;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed = GeneratorOptions.DEFAULT_SEED;

    @Option(names = "--start", paramLabel = "DATE", description = "First day, UTC (default ${DEFAULT-VALUE}).")
    LocalDate start = GeneratorOptions.DEFAULT_START;

    @Option(names = "--days", paramLabel = "D", description = "Days of data (default ${DEFAULT-VALUE}).")
    int days = GeneratorOptions.DEFAULT_DAYS;

    @Option(names = "--bad-rate", paramLabel = "R",
            description = "Share of planted bad and duplicate records (default ${DEFAULT-VALUE}).")
    double badRate = GeneratorOptions.DEFAULT_BAD_RATE;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GeneratorOptions options;
        try {
            options = new GeneratorOptions(out, scale, seed, start, days, badRate);
        } catch (IllegalArgumentException e) {
            throw new CliException("generate: " + e.getMessage(), 2);
        }
        GenerationSummary summary = run(options, spec.commandLine().getOut());
        return summary == null ? 1 : 0;
    }

    static GenerationSummary run(GeneratorOptions options, PrintWriter out) {
        GenerationSummary summary;
        try (Progress progress = Progress.start("generate", options.days() + 2L, out)) {
            // The generator also says when it starts (done = 0); only finished units are steps.
            summary = Generator.generate(options, (step, done, total) -> {
                if (done > 0) {
                    progress.step(step);
                }
            });
        }
        out.printf(Locale.ROOT, "generated %,d records in %,d files (%,.1f MB) into %s in %.1f s%n",
                summary.totalRecords(), summary.filesWritten(), summary.bytesWritten() / 1e6, summary.out(),
                summary.elapsed().toMillis() / 1000.0);
        out.printf(Locale.ROOT, "planted: %,d bad records %s, %,d exact duplicates; the truth is in %s%n",
                summary.totalPlantedBad(), summary.plantedBadByReason(), summary.plantedDuplicates(),
                summary.out().resolve("truth.json"));
        out.flush();
        return summary;
    }
}
