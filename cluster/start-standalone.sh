#!/usr/bin/env bash
# Starts a Spark standalone cluster on this machine: one Master and N Workers as separate JVMs, every
# port chosen free by the OS, everything bound to 127.0.0.1. Prints the master URL (spark://...).
#   SPARK_HOME=... cluster/start-standalone.sh STATE_DIR [WORKERS] [WORKER_CORES] [WORKER_MEMORY]
# STATE_DIR receives the logs, one PID file per process (each the leader of its own process group, so
# stop-standalone.sh also ends the executors a Worker started) and master-url. Defaults: 2 workers,
# 1 core and 1g each. Works with a real Spark distribution's SPARK_HOME or one from spark-home.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/java-options.sh"
[ $# -ge 1 ] || { echo "usage: SPARK_HOME=... cluster/start-standalone.sh STATE_DIR [WORKERS] [CORES] [MEMORY]" >&2; exit 2; }
: "${SPARK_HOME:?set SPARK_HOME (a Spark 4.0.1 distribution, or make one with cluster/spark-home.sh)}"
[ -d "$SPARK_HOME/jars" ] || { echo "$SPARK_HOME/jars does not exist: not a Spark home." >&2; exit 1; }
state="$(mkdir -p "$1" && cd "$1" && pwd)"
workers="${2:-2}"
cores="${3:-1}"
memory="${4:-1g}"
daemon_heap="${SPARK_DAEMON_MEMORY:-256m}"

export SPARK_HOME SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_DIRS="$state/local"
mkdir -p "$SPARK_LOCAL_DIRS"
cp_jars="$SPARK_HOME/conf:$SPARK_HOME/jars/*"

# start NAME MAIN ARGS...: one daemon in its own session (its PID is its process group id).
start() {
  local name="$1"; shift
  setsid "$JAVA" -Xmx"$daemon_heap" "${SPARK_JAVA_OPTIONS[@]}" -cp "$cp_jars" "$@" \
    > "$state/$name.log" 2>&1 < /dev/null &
  echo $! > "$state/$name.pid"
}

# wait_for NAME PATTERN SECONDS: until the daemon's log shows PATTERN; fails if it died or took too long.
wait_for() {
  local name="$1" pattern="$2" deadline=$((SECONDS + $3))
  until grep -q -E "$pattern" "$state/$name.log" 2>/dev/null; do
    if ! kill -0 "$(cat "$state/$name.pid")" 2>/dev/null; then
      echo "spark $name exited during start-up; its log:" >&2; tail -n 40 "$state/$name.log" >&2; return 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "spark $name did not log '$pattern' within $3 s; its log:" >&2; tail -n 40 "$state/$name.log" >&2; return 1
    fi
    sleep 0.5
  done
}

start master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0
wait_for master 'I have been elected leader' 120
url="$(grep -o -E 'spark://127\.0\.0\.1:[0-9]+' "$state/master.log" | head -n 1)"
[ -n "$url" ] || { echo "no master URL in $state/master.log" >&2; exit 1; }
echo "$url" > "$state/master-url"

for i in $(seq 1 "$workers"); do
  mkdir -p "$state/worker-$i"
  start "worker-$i" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 --webui-port 0 \
    --cores "$cores" --memory "$memory" --work-dir "$state/worker-$i" "$url"
done
for i in $(seq 1 "$workers"); do
  wait_for "worker-$i" 'Successfully registered with master' 120
done
echo "$url"
