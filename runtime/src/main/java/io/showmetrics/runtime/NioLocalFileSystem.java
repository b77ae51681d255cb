package io.showmetrics.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.AbstractFileSystem;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FsConstants;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.local.LocalConfigKeys;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}) without a child process per call.
 *
 * <p>Without Hadoop's native library (libhadoop, which is not on Maven Central), {@link
 * RawLocalFileSystem} starts {@code chmod} for every file and folder it creates, {@code ls -ld} for
 * every permission it reads and {@code readlink} for every rename Delta's log store makes: about
 * 10 ms each, thousands per run. This file system does the same through {@code java.nio}: same
 * permissions, owners and statuses, no process. Non-POSIX file systems fall back to Hadoop's way.
 *
 * <p>{@link #HADOOP_CONF} registers it for both Hadoop APIs: {@code FileSystem} (Spark, Parquet)
 * and {@code FileContext} (Delta's log store).
 */
public class NioLocalFileSystem extends LocalFileSystem {

  /** Hadoop settings (without Spark's {@code spark.hadoop.} prefix) that make {@code file:} use it. */
  public static final Map<String, String> HADOOP_CONF = Map.of(
      "fs.file.impl", NioLocalFileSystem.class.getName(),
      "fs.AbstractFileSystem.file.impl", Fs.class.getName());

  /** The builder with {@link #HADOOP_CONF} as {@code spark.hadoop.*} settings: every local session's {@code file:}. */
  public static org.apache.spark.sql.SparkSession.Builder register(org.apache.spark.sql.SparkSession.Builder builder) {
    for (Map.Entry<String, String> setting : HADOOP_CONF.entrySet()) {
      builder = builder.config("spark.hadoop." + setting.getKey(), setting.getValue());
    }
    return builder;
  }

  public NioLocalFileSystem() {
    super(new Raw());
  }

  /** The raw (checksum-less) file system: {@link RawLocalFileSystem} with permissions and links via nio. */
  public static class Raw extends RawLocalFileSystem {

    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      try {
        Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
      } catch (UnsupportedOperationException notPosix) {
        super.setPermission(p, permission);
      }
    }

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
      return withAttributes(super.getFileStatus(f));
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
      FileStatus[] statuses = super.listStatus(f);
      for (int i = 0; i < statuses.length; i++) {
        statuses[i] = withAttributes(statuses[i]);
      }
      return statuses;
    }

    /**
     * Hadoop asks {@code readlink} (a process) for every path; here only a path that is a symbolic
     * link takes Hadoop's way, any other gets its plain status.
     */
    @Override
    public FileStatus getFileLinkStatus(Path f) throws IOException {
      if (Files.isSymbolicLink(pathToFile(f).toPath())) {
        return super.getFileLinkStatus(f);
      }
      return getFileStatus(f);
    }

    /** The status with its permission, owner and group read now through nio, not later through {@code ls}. */
    private FileStatus withAttributes(FileStatus status) throws IOException {
      PosixFileAttributes attributes;
      try {
        attributes = Files.readAttributes(pathToFile(status.getPath()).toPath(), PosixFileAttributes.class,
            LinkOption.NOFOLLOW_LINKS);
      } catch (UnsupportedOperationException notPosix) {
        return status;
      } catch (java.nio.file.NoSuchFileException gone) {
        throw new java.io.FileNotFoundException(status.getPath() + " does not exist");
      }
      return new FileStatus(status.getLen(), status.isDirectory(), status.getReplication(), status.getBlockSize(),
          status.getModificationTime(), status.getAccessTime(), permission(attributes.permissions()),
          attributes.owner().getName(), attributes.group().getName(), status.getPath());
    }
  }

  /** {@code FileContext}'s raw local file system over {@link Raw} (Hadoop's {@code RawLocalFs}). */
  public static class RawFs extends DelegateToFileSystem {

    public RawFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(FsConstants.LOCAL_FS_URI, new Raw(), conf, FsConstants.LOCAL_FS_URI.getScheme(), false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1;
    }

    @Override
    @SuppressWarnings("deprecation")
    public FsServerDefaults getServerDefaults() throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public FsServerDefaults getServerDefaults(Path f) throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public boolean isValidName(String src) {
      return true;
    }
  }

  /** {@code FileContext}'s local file system: checksums over {@link RawFs} (Hadoop's {@code LocalFs}). */
  public static class Fs extends ChecksumFs {

    public Fs(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(new RawFs(uri, conf));
    }

    /** The constructor Hadoop's {@link AbstractFileSystem#createFileSystem} may also look for. */
    public Fs(Configuration conf) throws IOException, URISyntaxException {
      this(FsConstants.LOCAL_FS_URI, conf);
    }
  }

  /** rwx bits (the sticky bit has no nio equivalent and is left as it is). */
  static Set<PosixFilePermission> posix(FsPermission permission) {
    return PosixFilePermissions.fromString(permission.getUserAction().SYMBOL + permission.getGroupAction().SYMBOL
        + permission.getOtherAction().SYMBOL);
  }

  static FsPermission permission(Set<PosixFilePermission> set) {
    return FsPermission.valueOf("-" + PosixFilePermissions.toString(set));
  }
}
