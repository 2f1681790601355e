#!/usr/bin/env bash
# Time to first content: the Release Hospital.Web (UI and API in one process) on 127.0.0.1 over a fresh SQLite file
# seeded with $PATIENTS (default 500) demo patients; headless Chromium (/usr/bin/chromium, CHROMIUM=path to choose)
# opens Home and the patients grid RUNS times each, every time in a fresh browser context, and prints the median and
# p90 of the first contentful paint and of the moment the main content (the dashboard's figures, the grid's first row)
# is on screen, in ms from the start of navigation. SRC=dir measures another checkout's Hospital.Web (e.g. a worktree
# of an older commit) with this checkout's bench program.
# Usage: bench/first-content.sh [runs=15]   (PORT=n to choose the port; everything shares this machine's cores)
#
# Results (2 shared cores, 500 patients, 15 runs, median / p90 ms):
#   before (310258d, no prerendering): Home figures 1733 / p90 2370, patients first row 1669 / p90 2620
#   after  (prerendered, persistent component state): Home figures 527 / p90 668, patients first row 420 / p90 509 (bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
bench=$PWD
runs=${1:-15}
case "$runs" in *[!0-9]* | '') echo "usage: bench/first-content.sh [runs=15]" >&2; exit 2 ;; esac
src=$(cd "${SRC:-$bench}" && pwd)
command -v curl >/dev/null 2>&1 || { echo "curl not found: install the Debian package curl." >&2; exit 1; }
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "Chromium not found: install the Debian packages chromium and chromium-driver." >&2; exit 1; }

work=$(mktemp -d /tmp/hospital-first-content-XXXX)
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "building Hospital.Web (Release) in $src"
dotnet build "$src/Hospital.Web" -c Release -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
echo "building bench/FirstContentBench (Release)"
dotnet build "$bench/bench/FirstContentBench" -c Release -v q -nologo >"$work/bench-build.log" 2>&1 || { cat "$work/bench-build.log"; exit 1; }

port=${PORT:-}
if [ -z "$port" ]; then
  for _ in $(seq 50); do
    candidate=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
  done
  [ -n "$port" ] || { echo "no free port found" >&2; exit 1; }
fi
url=http://127.0.0.1:$port

# Staging (Production refuses demo accounts): a signing key and the demo password made up for this run. The benchmark
# signs in once as the doctor (through the sign-in page) and measures signed-in visits.
export BENCH_PASSWORD="bench-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
signing_key=$(head -c 48 /dev/urandom | base64 | tr -d '\n')

# The project folder is the content root (appsettings.json, static web assets as `dotnet run` serves them).
patients=${PATIENTS:-500}
echo "starting Hospital.Web on $url (fresh SQLite database, seeding $patients demo patients)"
(
  cd "$src/Hospital.Web"
  export ConnectionStrings__Hospital="Data Source=$work/hospital.db" Hospital__DemoPatients="$patients" \
    Hospital__SeedDemoData=true Hospital__DemoPassword="$BENCH_PASSWORD" Hospital__Auth__SigningKey="$signing_key" \
    ASPNETCORE_ENVIRONMENT=Staging Logging__LogLevel__Default=Warning DOTNET_CLI_TELEMETRY_OPTOUT=1
  exec dotnet bin/Release/net10.0/Hospital.Web.dll --urls "$url"
) >"$work/server.log" 2>&1 &
server=$!

for i in $(seq 360); do
  if curl -fs "$url/healthz/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server" 2>/dev/null || [ "$i" = 360 ]; then
    echo "Hospital.Web did not become ready; its log:" >&2
    cat "$work/server.log" >&2
    exit 1
  fi
  sleep 0.5
done

dotnet "$bench/bench/FirstContentBench/bin/Release/net10.0/FirstContentBench.dll" "$url" "$runs"
