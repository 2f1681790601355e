#!/usr/bin/env bash
# Live-update benchmark: the Release API on 127.0.0.1 (fresh SQLite, PATIENTS demo patients), N WebSocket subscribers
# on bedChanged (one graphql-transport-ws connection each, like N open bed boards) and M bed changes over HTTP, one
# at a time. Prints the mutation round trip and the change-to-event latency over all subscribers.
# Usage: bench/live.sh [subscribers=50] [changes=100]   (PORT=n to choose the port; everything shares this machine's cores)
set -euo pipefail
cd "$(dirname "$0")/.."
subscribers=${1:-50}
changes=${2:-100}
case "$subscribers$changes" in *[!0-9]* | '') echo "usage: bench/live.sh [subscribers=50] [changes=100]" >&2; exit 2 ;; esac
command -v curl >/dev/null 2>&1 || { echo "curl not found: install the Debian package curl." >&2; exit 1; }

BENCH_USER=${BENCH_USER:-nurse} # setBedStatus is a nurse's (or an admin's)
# shellcheck source=bench/start-api.sh
. bench/start-api.sh

echo "building bench/LiveBench (Release)"
dotnet build bench/LiveBench -c Release -v q -nologo >"$work/bench-build.log" 2>&1 || { cat "$work/bench-build.log"; exit 1; }
dotnet bench/LiveBench/bin/Release/net10.0/LiveBench.dll "$url" "$subscribers" "$changes"
