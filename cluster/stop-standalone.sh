#!/usr/bin/env bash
# Stops what start-standalone.sh started in STATE_DIR, by the PIDs it recorded: TERM to each process
# group (a Worker and the executors it launched), then KILL whatever is left after 20 seconds.
#   cluster/stop-standalone.sh STATE_DIR
set -uo pipefail
[ $# -ge 1 ] || { echo "usage: cluster/stop-standalone.sh STATE_DIR" >&2; exit 2; }
state="$1"
shopt -s nullglob
pids=()
for f in "$state"/worker-*.pid "$state"/master.pid; do
  pid="$(cat "$f")"
  [[ "$pid" =~ ^[0-9]+$ ]] || continue
  kill -0 "$pid" 2>/dev/null && kill -TERM -- "-$pid" 2>/dev/null && pids+=("$pid")
done
deadline=$((SECONDS + 20))
for pid in "${pids[@]}"; do
  while kill -0 -- "-$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
  if kill -0 -- "-$pid" 2>/dev/null; then
    echo "process group $pid still alive after TERM: sending KILL" >&2
    kill -KILL -- "-$pid" 2>/dev/null
  fi
done
rm -f "$state"/master.pid "$state"/worker-*.pid
exit 0
