#!/usr/bin/env bash
# Executes every notebook headless on fresh demo data, failing if any cell fails:
#   notebooks/run-all.sh [BUILD_DIR]
# 1. generates a small landing folder (SHOWMETRICS_NOTEBOOK_SCALE, default 0.01) and runs the pipeline
#    into WORK/data (lake + embedded PostgreSQL), then runs it again with --full so gold/show_kpi has a
#    second version for the lake tour's time travel;
# 2. installs the kernel (install-kernel.sh) into WORK/jupyter, not the user's Jupyter folder;
# 3. starts the kernel once (kernel-ready.py) to check it answers, printing its log and a JVM thread
#    dump when it does not;
# 4. runs `jupyter nbconvert --to notebook --execute` on each notebook with SHOWMETRICS_DATA=WORK/data,
#    a per-cell timeout (SHOWMETRICS_NOTEBOOK_CELL_TIMEOUT, default 600 s), output to WORK/executed.
# rapaio-jupyter-kernel 3.0.1 now and then binds its sockets and then never answers (about one start in
# three here; its thread dump shows the shell loop polling a socket that never fires). Such a start is
# hopeless, so a kernel that has not answered within SHOWMETRICS_KERNEL_START_TIMEOUT (default 60 s;
# a good start answers in 2-5 s) is killed and started again, up to SHOWMETRICS_KERNEL_START_ATTEMPTS
# (default 6) times. Only kernel starts are retried, never a failing cell.
# BUILD_DIR is the jobs module's build folder (default jobs/target, made by `mvn -B -DskipTests install`).
# WORK is SHOWMETRICS_NOTEBOOK_WORK, else a new temporary folder; it is kept for inspection.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build_dir="$(cd "${1:-$here/../jobs/target}" && pwd)"
source "$here/../cluster/java-options.sh"
work="${SHOWMETRICS_NOTEBOOK_WORK:-$(mktemp -d -t showmetrics-notebooks.XXXXXX)}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
export SPARK_LOCAL_IP=127.0.0.1 TZ=UTC

showmetrics() {
  "$JAVA" -Xmx"${SHOWMETRICS_JOBS_HEAP:-2g}" "${SPARK_JAVA_OPTIONS[@]}" \
    -cp "$build_dir/classes:$(cat "$build_dir/runtime-classpath.txt")" io.showmetrics.cli.Showmetrics "$@"
}

echo "notebooks: demo data and pipeline in $work" >&2
rm -rf "$work/landing" "$work/data" "$work/executed"
showmetrics generate --out "$work/landing" --scale "${SHOWMETRICS_NOTEBOOK_SCALE:-0.01}" > "$work/generate.log" 2>&1 \
  || { tail -n 40 "$work/generate.log" >&2; exit 1; }
showmetrics run --input "$work/landing" --data "$work/data" --master 'local[2]' > "$work/run.log" 2>&1 \
  || { tail -n 40 "$work/run.log" >&2; exit 1; }
showmetrics run --input "$work/landing" --data "$work/data" --master 'local[2]' --full > "$work/run-full.log" 2>&1 \
  || { tail -n 40 "$work/run-full.log" >&2; exit 1; }

export JUPYTER_DATA_DIR="$work/jupyter"
"$here/install-kernel.sh" "$build_dir" > "$work/install-kernel.log" 2>&1 \
  || { cat "$work/install-kernel.log" >&2; exit 1; }

export JAVA
start_timeout="${SHOWMETRICS_KERNEL_START_TIMEOUT:-60}"
start_attempts="${SHOWMETRICS_KERNEL_START_ATTEMPTS:-6}"
/usr/bin/python3 "$here/kernel-ready.py" showmetrics-java "$start_timeout" "$start_attempts" "$work/kernel" \
  || { echo "the notebook kernel did not start; logs in $work/kernel" >&2; exit 1; }

export SHOWMETRICS_DATA="$work/data"
unset SHOWMETRICS_LAKE SHOWMETRICS_DB_URL
mkdir -p "$work/executed"
failed=()
execute() { # NAME NOTEBOOK
  jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=showmetrics-java \
    --ExecutePreprocessor.timeout="${SHOWMETRICS_NOTEBOOK_CELL_TIMEOUT:-600}" \
    --ExecutePreprocessor.startup_timeout="$start_timeout" \
    --output-dir "$work/executed" --output "$1" "$2" > "$work/executed/$1.log" 2>&1
}
for notebook in "$here"/*.ipynb; do
  name="$(basename "$notebook" .ipynb)"
  start=$SECONDS
  # nbconvert runs the kernel with the notebook's folder as working directory. A kernel that did not
  # start (as opposed to a failing cell) is started again; the logs of the failed starts are kept.
  ok=false
  for attempt in $(seq 1 "$start_attempts"); do
    if execute "$name" "$notebook"; then ok=true; break; fi
    grep -q -E "Kernel didn't respond|Kernel died before replying" "$work/executed/$name.log" || break
    [ "$attempt" -lt "$start_attempts" ] || break
    mv "$work/executed/$name.log" "$work/executed/$name.start-$attempt.log"
    echo "notebook $name: the kernel did not answer within $start_timeout s (start $attempt of $start_attempts)" >&2
  done
  if $ok; then
    echo "notebook $name: ok in $((SECONDS - start)) s" >&2
  else
    echo "notebook $name: FAILED after $((SECONDS - start)) s; the kernel's log and the end of nbconvert's:" >&2
    grep -E '^\[20[0-9-]+ [0-9:]+\]|Exception|Error' "$work/executed/$name.log" | head -n 40 >&2 || true
    echo "..." >&2
    grep -v -E 'frozen modules|Debugger warning|breakpoints|PYDEVD|Debugging will proceed' "$work/executed/$name.log" \
      | tail -n 40 >&2
    failed+=("$name")
  fi
done
echo "executed notebooks: $work/executed" >&2
[ ${#failed[@]} -eq 0 ] || { echo "failed notebooks: ${failed[*]}" >&2; exit 1; }
