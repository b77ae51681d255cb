package io.showmetrics.generator;

import java.nio.file.Path;

/** Entry point for generating in a separate JVM (hash seeds and collection orders differ between JVMs). */
public final class ForkedGeneration {

    private ForkedGeneration() {
    }

    public static void main(String[] args) {
        Generator.generate(GeneratorDeterminismTest.small(Path.of(args[0]), Integer.parseInt(args[1])), GenerationListener.NONE);
    }
}
