#!/usr/bin/env bash
# The benchmark instrument, one command (see README "Performance"):
#   benchmarks/run.sh [--option value …]   the load benchmark and the soak; results in benchmarks/results/
#   benchmarks/run.sh jmh [JMH options]     the JMH micro-benchmarks; results in benchmarks/results/jmh.json
# It builds the server jar and the benchmarks module (Maven profile "benchmarks", which the normal
# build leaves out), installs Debian's wrk when it is missing, and runs everything in child processes.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    { apt-get install -y -qq wrk || { apt-get update -qq && apt-get install -y -qq wrk; }; } >/dev/null 2>&1 || true
fi
if ! command -v wrk >/dev/null 2>&1; then
    echo "wrk is needed (Debian: apt-get install wrk) and could not be installed" >&2
    exit 1
fi
./mvnw -B -q -Pbenchmarks -DskipTests package -pl bootstrap,benchmarks -am
mkdir -p benchmarks/results
if [ "${1:-}" = "jmh" ]; then
    shift
    exec java -jar benchmarks/target/openprofiles-benchmarks.jar jmh -rf json -rff benchmarks/results/jmh.json "$@"
fi
exec java -jar benchmarks/target/openprofiles-benchmarks.jar run "$@"
