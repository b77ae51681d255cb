#!/usr/bin/env bash
# Makes a SPARK_HOME from the Maven build, for a cluster on one machine without a Spark download:
#   cluster/spark-home.sh SPARK_HOME [BUILD_DIR]
# SPARK_HOME/jars gets links to exactly what spark-4.0.1-bin-hadoop3/jars holds (Spark, Scala, Hadoop
# client and their libraries; listed at package time in BUILD_DIR/spark-distribution-classpath.txt),
# not our application jar and not Delta, which spark-submit adds as it would on a real cluster.
# BUILD_DIR defaults to jobs/target.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ $# -ge 1 ] || { echo "usage: cluster/spark-home.sh SPARK_HOME [BUILD_DIR]" >&2; exit 2; }
spark_home="$1"
build_dir="${2:-$here/../jobs/target}"
list="$build_dir/spark-distribution-classpath.txt"
[ -f "$list" ] || { echo "$list is missing: build first (mvn -B -DskipTests install)." >&2; exit 1; }

mkdir -p "$spark_home/jars" "$spark_home/conf"
jars=()
# The list has no trailing newline, so read reports end of file after filling the array.
IFS=':' read -r -a jars < "$list" || [ ${#jars[@]} -gt 0 ]
for jar in "${jars[@]}" "$build_dir"/spark-distribution-extra/*.jar; do
  ln -sf "$jar" "$spark_home/jars/$(basename "$jar")"
done
# Spark's own logging at WARN (a distribution ships conf/log4j2.properties.template for this).
if [ ! -f "$spark_home/conf/log4j2.properties" ]; then
  cat > "$spark_home/conf/log4j2.properties" <<'PROPERTIES'
rootLogger.level = warn
rootLogger.appenderRef.stdout.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n%ex
logger.master.name = org.apache.spark.deploy
logger.master.level = info
PROPERTIES
fi
# Spark's launcher looks for jars/ under SPARK_HOME and needs the Scala version when it is not a release.
echo "Spark 4.0.1 (jars linked from the Maven build by cluster/spark-home.sh)" > "$spark_home/RELEASE"
echo "$spark_home"
