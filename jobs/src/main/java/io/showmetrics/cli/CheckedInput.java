package io.showmetrics.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks of command-line inputs that give exit code 2 with a message saying how to fix them. */
final class CheckedInput {
    private CheckedInput() {}

    /** A local landing folder must exist; a Hadoop URI (s3a://, abfss://, hdfs://) is checked by Spark. */
    static void requireLandingFolder(String input) {
        if (input.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !input.startsWith("file://")) {
            return;
        }
        Path p = Path.of(input.startsWith("file://") ? input.substring("file://".length()) : input);
        if (!Files.isDirectory(p)) {
            throw new CliException("--input " + input + " is not a folder. Give the landing folder that holds one "
                    + "sub-folder per entity (shows/, viewer_events/, ...), e.g. one made by "
                    + "'./showmetrics generate --out DIR'.", 2);
        }
    }
}
