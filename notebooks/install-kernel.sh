#!/usr/bin/env bash
# Installs the Jupyter kernel "showmetrics-java" (rapaio-jupyter-kernel, Java 17 + JShell) with the
# project's classes and every runtime jar (Spark, Delta, PostgreSQL, ...) on its classpath and the JVM
# flags Spark needs on Java 17.
#   notebooks/install-kernel.sh [BUILD_DIR]
# BUILD_DIR is the jobs module's build folder (default jobs/target, made by `mvn -B -DskipTests install`).
# The spec goes to Jupyter's user data folder ($JUPYTER_DATA_DIR/kernels, by default
# ~/.local/share/jupyter/kernels). Environment: SHOWMETRICS_NOTEBOOK_HEAP (default 3g).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build_dir="$(cd "${1:-$here/../jobs/target}" && pwd)"
source "$here/../cluster/java-options.sh"
command -v jupyter >/dev/null || { echo "install Jupyter first: apt-get install -y jupyter-notebook jupyter-nbconvert jupyter-client python3-nbclient" >&2; exit 1; }
kernel_jar="$(ls "$build_dir"/notebook-kernel/rapaio-jupyter-kernel-*.jar 2>/dev/null | head -n 1)"
[ -n "$kernel_jar" ] || { echo "no kernel jar in $build_dir/notebook-kernel: build first (mvn -B -DskipTests install)." >&2; exit 1; }
[ -f "$build_dir/runtime-classpath.txt" ] || { echo "$build_dir/runtime-classpath.txt is missing: build first." >&2; exit 1; }
case "$build_dir$(cat "$build_dir/runtime-classpath.txt")" in
  *" "*) echo "the kernel's class path option cannot hold paths with spaces: move the repository or ~/.m2." >&2; exit 1 ;;
esac

classpath="$build_dir/classes:$(cat "$build_dir/runtime-classpath.txt")"
spec="$(mktemp -d)"
trap 'rm -rf "$spec"' EXIT
SPEC_DIR="$spec" KERNEL_CONF="$here/kernel" JAVA="$JAVA" KERNEL_JAR="$kernel_jar" CLASSPATH_LIST="$classpath" \
HEAP="${SHOWMETRICS_NOTEBOOK_HEAP:-3g}" /usr/bin/python3 - "${SPARK_JAVA_OPTIONS[@]}" <<'PY'
import json, os, sys
cp = os.environ["CLASSPATH_LIST"]
spec = {
    # First notebooks/kernel (its logging.properties replaces the kernel's), then the project's jars,
    # then the kernel's own (it bundles older commons libraries). JShell compiles against the same
    # jars (RJK_COMPILER_OPTIONS below); the classes load from the JVM's class path.
    "argv": [os.environ["JAVA"], "-Xmx" + os.environ["HEAP"], *sys.argv[1:],
             "-Duser.timezone=UTC", "-Duser.language=en", "-Duser.country=US",
             "-cp", os.environ["KERNEL_CONF"] + ":" + cp + ":" + os.environ["KERNEL_JAR"],
             "org.rapaio.jupyter.kernel.MainApp", "{connection_file}"],
    "display_name": "Java (showmetrics)",
    "language": "java",
    "interrupt_mode": "message",
    "env": {
        # The kernel also takes jars as RJK_CLASSPATH (entries separated by ';', each expanded as a
        # glob and added to JShell one by one), but with ~200 jars its first start did not answer
        # Jupyter within 5 minutes here; javac's class path option gives JShell the same view at once.
        "RJK_CLASSPATH": "",
        "RJK_COMPILER_OPTIONS": "--class-path " + cp + ":" + os.environ["KERNEL_JAR"],
        "RJK_INIT_SCRIPT": "",
        "RJK_TIMEOUT_MILLIS": "-1",
        "SPARK_LOCAL_IP": "127.0.0.1",
        "TZ": "UTC",
    },
}
with open(os.path.join(os.environ["SPEC_DIR"], "kernel.json"), "w") as f:
    json.dump(spec, f, indent=1)
PY
jupyter kernelspec install --user --replace --name showmetrics-java "$spec" >&2
jupyter kernelspec list | grep showmetrics-java
