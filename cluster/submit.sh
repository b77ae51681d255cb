#!/usr/bin/env bash
# spark-submit: the distribution's bin/spark-submit when SPARK_HOME has one, else the same entry point
# (org.apache.spark.deploy.SparkSubmit) on SPARK_HOME/jars, for a SPARK_HOME made by spark-home.sh.
#   SPARK_HOME=... cluster/submit.sh [spark-submit options] APP_JAR [app arguments]
# The driver runs here (client deploy mode) with SPARK_DRIVER_MEMORY of heap (default 1g).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${SPARK_HOME:?set SPARK_HOME (a Spark 4.0.1 distribution, or make one with cluster/spark-home.sh)}"
export SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}" TZ="${TZ:-UTC}"
if [ -x "$SPARK_HOME/bin/spark-submit" ]; then
  exec "$SPARK_HOME/bin/spark-submit" "$@"
fi
source "$here/java-options.sh"
exec "$JAVA" -Xmx"${SPARK_DRIVER_MEMORY:-1g}" "${SPARK_JAVA_OPTIONS[@]}" \
  -cp "$SPARK_HOME/conf:$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit "$@"
