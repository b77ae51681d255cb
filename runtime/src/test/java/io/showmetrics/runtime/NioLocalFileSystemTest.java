package io.showmetrics.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nio file system answers as Hadoop's own {@link RawLocalFileSystem} does, through both Hadoop APIs. */
class NioLocalFileSystemTest {

  @TempDir
  java.nio.file.Path dir;

  private static Configuration conf() {
    Configuration conf = new Configuration(false);
    NioLocalFileSystem.HADOOP_CONF.forEach(conf::set);
    conf.setBoolean("fs.file.impl.disable.cache", true);
    return conf;
  }

  private static RawLocalFileSystem hadoops() throws Exception {
    RawLocalFileSystem fs = new RawLocalFileSystem();
    fs.initialize(java.net.URI.create("file:///"), new Configuration(false));
    return fs;
  }

  @Test
  void statusesEqualHadoopsIncludingPermissionOwnerAndGroup() throws Exception {
    Files.writeString(dir.resolve("a.json"), "{\"x\":1}\n");
    Files.createDirectories(dir.resolve("sub/deeper"));
    Files.writeString(dir.resolve("sub/b.csv"), "x\n1\n");
    Path root = new Path(dir.toUri());
    FileSystem ours = FileSystem.get(root.toUri(), conf());
    assertThat(ours).isInstanceOf(NioLocalFileSystem.class);
    RawLocalFileSystem theirs = hadoops();
    Comparator<FileStatus> byPath = Comparator.comparing(s -> s.getPath().toString());
    FileStatus[] expected = theirs.listStatus(root);
    FileStatus[] actual = ours.listStatus(root);
    Arrays.sort(expected, byPath);
    Arrays.sort(actual, byPath);
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertSameStatus(actual[i], expected[i]);
      assertSameStatus(ours.getFileStatus(expected[i].getPath()), theirs.getFileStatus(expected[i].getPath()));
      assertSameStatus(ours.getFileLinkStatus(expected[i].getPath()), theirs.getFileLinkStatus(expected[i].getPath()));
    }
    assertThatThrownBy(() -> ours.getFileStatus(new Path(root, "missing"))).isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void setsPermissionsAsChmodWould() throws Exception {
    Path file = new Path(dir.resolve("f.txt").toUri());
    FileSystem ours = FileSystem.get(file.toUri(), conf());
    try (FSDataOutputStream out = ours.create(file, new FsPermission((short) 0640), true, 4096, (short) 1, 1 << 20, null)) {
      out.write(1);
    }
    for (short mode : new short[] {0644, 0600, 0755, 0750, 0444}) {
      ours.setPermission(file, new FsPermission(mode));
      assertThat(hadoops().getFileStatus(file).getPermission().toShort()).isEqualTo(mode);
      assertThat(ours.getFileStatus(file).getPermission().toShort()).isEqualTo(mode);
    }
    Path folder = new Path(dir.resolve("made/here").toUri());
    assertThat(ours.mkdirs(folder, new FsPermission((short) 0750))).isTrue();
    assertThat(hadoops().getFileStatus(folder).getPermission().toShort()).isEqualTo((short) 0750);
  }

  @Test
  void fileContextCreatesAndRenamesAsDeltasLogStoreDoes() throws Exception {
    Path log = new Path(dir.resolve("_delta_log").toUri());
    FileContext fc = FileContext.getFileContext(log.toUri(), conf());
    assertThat(fc.getDefaultFileSystem()).isInstanceOf(NioLocalFileSystem.Fs.class);
    Path tmp = new Path(log, ".00000.json.tmp");
    try (FSDataOutputStream out = fc.create(tmp, EnumSet.of(CreateFlag.CREATE), Options.CreateOpts.createParent())) {
      out.write("{\"commitInfo\":{}}\n".getBytes(StandardCharsets.UTF_8));
    }
    Path committed = new Path(log, "00000.json");
    fc.rename(tmp, committed, Options.Rename.NONE);
    assertThat(Files.readString(dir.resolve("_delta_log/00000.json"))).isEqualTo("{\"commitInfo\":{}}\n");
    // A second commit of the same version must fail, as Delta's mutual exclusion needs.
    Path again = new Path(log, ".00000.json.tmp2");
    try (FSDataOutputStream out = fc.create(again, EnumSet.of(CreateFlag.CREATE), Options.CreateOpts.createParent())) {
      out.write(2);
    }
    assertThatThrownBy(() -> fc.rename(again, committed, Options.Rename.NONE))
        .isInstanceOf(org.apache.hadoop.fs.FileAlreadyExistsException.class);
    assertThat(fc.getFileLinkStatus(committed).isSymlink()).isFalse();
  }

  @Test
  void symbolicLinksStillResolveThroughHadoop() throws Exception {
    Files.writeString(dir.resolve("target.txt"), "t");
    Files.createSymbolicLink(dir.resolve("link.txt"), dir.resolve("target.txt"));
    Path link = new Path(dir.resolve("link.txt").toUri());
    FileSystem ours = FileSystem.get(link.toUri(), conf());
    assertThat(ours.getFileStatus(link).getLen()).isEqualTo(1);
  }

  private static void assertSameStatus(FileStatus actual, FileStatus expected) {
    assertThat(actual.getPath()).isEqualTo(expected.getPath());
    assertThat(actual.isDirectory()).isEqualTo(expected.isDirectory());
    assertThat(actual.getLen()).isEqualTo(expected.getLen());
    assertThat(actual.getModificationTime()).isEqualTo(expected.getModificationTime());
    assertThat(actual.getPermission()).isEqualTo(expected.getPermission());
    assertThat(actual.getOwner()).isEqualTo(expected.getOwner());
    assertThat(actual.getGroup()).isEqualTo(expected.getGroup());
    assertThat(actual.isSymlink()).isEqualTo(expected.isSymlink());
  }
}
