#!/usr/bin/env python3
"""Cached-block sizes of one Spark application, from its event log (JSON lines on stdin).

The run must log block updates:
    SHOWMETRICS_JAVA_OPTS="-Dspark.eventLog.enabled=true -Dspark.eventLog.dir=file:///tmp/ev \
      -Dspark.eventLog.logBlockUpdates.enabled=true" ./showmetrics run ...
    python3 bench/spark-blocks.py <(zstd -dc /tmp/ev/*/events_*.zstd)

Prints, per cached RDD, the largest total size its blocks reached in memory and on disk (with the storage
level and the call site that built it), then the peak of all cached blocks at once and the shuffle bytes the
whole run wrote. Used for docs/benchmarks.md, "Scale 10: ingest's caches".
"""
import collections
import json
import sys

MB = 1 << 20


def main(lines):
    current = {}  # block id -> (memory bytes, disk bytes)
    largest = collections.defaultdict(lambda: [0, 0, ""])  # rdd id -> [memory, disk, level]
    names = {}
    peak_memory = peak_disk = shuffle_written = 0
    for line in lines:
        event = json.loads(line)
        kind = event.get("Event")
        if kind == "SparkListenerBlockUpdated":
            info = event["Block Updated Info"]
            block = info["Block ID"]
            if not block.startswith("rdd_"):
                continue
            current[block] = (info["Memory Size"], info["Disk Size"])
            rdd = block.split("_")[1]
            mine = [v for k, v in current.items() if k.split("_")[1] == rdd]
            entry = largest[rdd]
            entry[0] = max(entry[0], sum(m for m, _ in mine))
            entry[1] = max(entry[1], sum(d for _, d in mine))
            level = info["Storage Level"]
            entry[2] = "serialized" if not level.get("Deserialized") else "deserialized"
            peak_memory = max(peak_memory, sum(m for m, _ in current.values()))
            peak_disk = max(peak_disk, sum(d for _, d in current.values()))
        elif kind == "SparkListenerTaskEnd":
            metrics = event.get("Task Metrics") or {}
            shuffle_written += (metrics.get("Shuffle Write Metrics") or {}).get("Shuffle Bytes Written", 0)
        elif kind == "SparkListenerStageSubmitted":
            for rdd in event["Stage Info"].get("RDD Info", []):
                names[str(rdd["RDD ID"])] = rdd.get("Callsite", "")
    for rdd, (memory, disk, level) in sorted(largest.items(), key=lambda x: -(x[1][0] + x[1][1])):
        print("rdd %s: memory %.1f MB, disk %.1f MB, %s, built at %s" % (rdd, memory / MB, disk / MB, level,
                                                                        names.get(rdd, "?")))
    print("peak of all cached blocks at once: memory %.1f MB, disk %.1f MB" % (peak_memory / MB, peak_disk / MB))
    print("shuffle bytes written, whole run: %.1f MB" % (shuffle_written / MB))


if __name__ == "__main__":
    main(sys.stdin)
