package io.showmetrics.ingest;

import java.util.List;

/** Progress callbacks of an ingest run, called on the driver thread, entity by entity. */
public interface IngestListener {

  /** A listener that ignores every event. */
  IngestListener NONE = new IngestListener() {};

  /** An entity starts; {@code files} is the number of new files to load (may be 0). */
  default void entityStarted(String entity, int files) {}

  /** An entity is written; one report per file loaded. */
  default void entityFinished(String entity, List<FileReport> files) {}
}
