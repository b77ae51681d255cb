package io.showmetrics.ingest.spark;

import io.showmetrics.ingest.read.LandingFile;
import io.showmetrics.ingest.validate.EntitySchema;
import io.showmetrics.ingest.validate.IngestErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists landing files: {@code .jsonl}, {@code .csv}, {@code .jsonl.gz}, {@code .csv.gz} at any
 * depth below an entity folder. Anything else is ignored, as are files and folders whose name
 * starts with {@code .} or {@code _} (hidden or in-progress, the Hadoop convention).
 */
public final class LandingScanner {

  private LandingScanner() {}

  /** The files of every entity, sorted by path; {@code fileOrder} is left at 0. */
  public static List<LandingFile> scan(Configuration conf, String landingPath, List<EntitySchema> entities) {
    Path root = new Path(landingPath);
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
        throw IngestErrors.badOption("landingPath", landingPath,
            "it is not a folder; point it at the landing folder that holds one sub-folder per entity");
      }
      List<LandingFile> files = new ArrayList<>();
      for (EntitySchema entity : entities) {
        Path folder = new Path(root, entity.name());
        if (!fs.exists(folder) || !fs.getFileStatus(folder).isDirectory()) {
          continue;
        }
        String prefix = fs.makeQualified(folder).toString();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(folder, true);
        while (it.hasNext()) {
          LocatedFileStatus status = it.next();
          String path = status.getPath().toString();
          String format = format(status.getPath().getName());
          if (format != null && !hidden(path.substring(Math.min(prefix.length(), path.length())))) {
            files.add(new LandingFile(entity.name(), path, status.getLen(), status.getModificationTime(), 0, format));
          }
        }
      }
      files.sort(Comparator.comparing(LandingFile::getPath));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list landing folder " + landingPath + ": " + e.getMessage()
          + "; check that the path exists and is readable", e);
    }
  }

  /** {@code jsonl}, {@code csv}, or null for a file that is not a landing file. */
  static String format(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".gz")) {
      lower = lower.substring(0, lower.length() - 3);
    }
    if (lower.endsWith(".jsonl")) {
      return LandingFile.JSONL;
    }
    if (lower.endsWith(".csv")) {
      return LandingFile.CSV;
    }
    return null;
  }

  private static boolean hidden(String relativePath) {
    for (String part : relativePath.split("/")) {
      if (part.startsWith(".") || part.startsWith("_")) {
        return true;
      }
    }
    return false;
  }
}
