#!/usr/bin/env bash
# HTTP benchmark of the GraphQL API: the Release build on 127.0.0.1 over a fresh SQLite file with 500 demo patients,
# loaded by wrk with POSTed operations: (a) { __typename }, (b) patients with their appointments, doctors and
# departments, (c) one patient's chart, (d) icontains: a page of patients found by icontains on name and MRN (a scan of
# lower(...)), (e) search: the page a receptionist's keystroke asks for, patients(search:) (index seeks).
# Prints requests/s and latency percentiles of each; then runs (b) against this server (audit of reads on) and a
# second one on the same database with Hospital:Audit:Reads=false, interleaved on/off/off/on, and prints both.
# Stops the servers.
# Usage: bench/graphql.sh [seconds=15]   (PORT=n to choose the port; PATIENTS=n demo patients, default 500;
# OPERATIONS="search icontains" to run only those; wrk and the server share this machine's cores)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
case "$seconds" in '' | *[!0-9]* | 0) echo "usage: bench/graphql.sh [seconds=15]" >&2; exit 2 ;; esac
if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk not found: install the Debian package wrk (sudo apt-get install wrk) and run again." >&2
  exit 1
fi
command -v curl >/dev/null 2>&1 || { echo "curl not found: install the Debian package curl." >&2; exit 1; }

# shellcheck source=bench/start-api.sh
. bench/start-api.sh

post() { curl -fsS -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $token" --data-binary "$1" "$url/graphql"; }

# The patients field is a plain list or (with paging) a connection: try the connection (introspection is for Admin and
# Analyst outside Development, so the schema is not asked), and query accordingly.
patient_fields='mrn fullName appointments { startsAt status doctor { fullName department { name } } }'
if post '{"query":"{ patients(first: 1) { nodes { mrn } } }"}' 2>/dev/null | grep -q '"mrn"'; then
  nested="{ patients(first: 100) { nodes { $patient_fields } } }"
  first_mrn='{"query":"{ patients(first: 1) { nodes { mrn } } }"}'
else
  nested="{ patients { $patient_fields } }"
  first_mrn='{"query":"{ patients { mrn } }"}'
fi
mrn=$(post "$first_mrn" | grep -o '"mrn":"[^"]*"' | head -n 1 | cut -d '"' -f 4)
[ -n "$mrn" ] || { echo "could not read a patient's MRN from the API" >&2; exit 1; }
# The doctor's chart: invoices are for Admins and the front desk (issue 11's role table), so they are not in it.
chart='query Chart($mrn: String!) { patientByMrn(mrn: $mrn) { mrn fullName dateOfBirth sex bloodType age allergies { substance severity } conditions { icdCode description status } appointments { startsAt status doctor { fullName department { name } } } encounters { chiefComplaint diagnoses { icdCode isPrimary } vitals { pulseRate temperatureCelsius } prescriptions { medication status } } labOrders { testName status results { analyte value flag } } admissions { admittedAt bed { label ward { name } } } } }'

icontains='{ patients(first: 20, where: { or: [{ lastName: { icontains: \"son\" } }, { mrn: { icontains: \"son\" } }] }, order: [{ lastName: ASC }]) { totalCount nodes { mrn fullName dateOfBirth } pageInfo { hasNextPage endCursor } } }'
search='{ patients(first: 20, search: \"smi\", order: [{ lastName: ASC }]) { totalCount nodes { mrn fullName dateOfBirth } pageInfo { hasNextPage endCursor } } }'

names=(typename nested chart icontains search)
connections=(32 8 16 8 8)
bodies=(
  '{"query":"{ __typename }"}'
  "{\"query\":\"$nested\"}"
  "{\"query\":\"$chart\",\"variables\":{\"mrn\":\"$mrn\"}}"
  "{\"query\":\"$icontains\"}"
  "{\"query\":\"$search\"}"
)

summary=()
for i in "${!names[@]}"; do
  name=${names[$i]} conns=${connections[$i]} body=${bodies[$i]}
  if [ -n "${OPERATIONS:-}" ] && [[ " $OPERATIONS " != *" $name "* ]]; then continue; fi
  # Each body is checked once before the load: a GraphQL error would make the numbers meaningless.
  response=$(post "$body") || { echo "$name: the request failed" >&2; exit 1; }
  if [[ "$response" == *'"errors"'* ]]; then echo "$name: the API answered with errors: ${response:0:400}" >&2; exit 1; fi
  cat >"$work/$name.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json, application/json"
wrk.headers["Authorization"] = "Bearer $token"
wrk.body = [==[$body]==]
EOF
  echo
  echo "== ($((i + 1))) $name: ${#response} bytes per response, 2 threads, $conns connections, ${seconds}s"
  echo "   ${body:0:220}$([ ${#body} -gt 220 ] && echo ...)"
  # A short warm-up first, so that the JIT has tiered up before the measured run.
  wrk -t 2 -c "$conns" -d "$((seconds < 5 ? seconds : 5))s" --timeout 10s -s "$work/$name.lua" "$url/graphql" >/dev/null
  wrk -t 2 -c "$conns" -d "${seconds}s" --timeout 10s --latency -s "$work/$name.lua" "$url/graphql" | tee "$work/$name.out"
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$work/$name.out")
  p50=$(awk '$1 == "50%" { print $2 }' "$work/$name.out")
  p99=$(awk '$1 == "99%" { print $2 }' "$work/$name.out")
  errors=$(awk '/Non-2xx or 3xx responses:/ { n += $NF }
    /Socket errors:/ { for (f = 3; f <= NF; f++) { v = $f; sub(",", "", v); if (v ~ /^[0-9]+$/) n += v } }
    END { print n + 0 }' "$work/$name.out")
  summary+=("$(printf '%-9s %5s %12s %10s %10s %8s' "$name" "$conns" "$rps" "$p50" "$p99" "$errors")")
done

echo
echo "summary ($(nproc) cores shared by the server and wrk, ${seconds}s each)"
printf '%-9s %5s %12s %10s %10s %8s\n' operation conns requests/s p50 p99 errors
printf '%s\n' "${summary[@]}"

# Audit of reads on and off: a second server on the same database and key, reads not audited; the nested operation runs
# against both interleaved (on, off, off, on) so that other load on the machine hits both alike.
off_port=$((port + 1))
while (exec 3<>"/dev/tcp/127.0.0.1/$off_port") 2>/dev/null; do off_port=$((off_port + 1)); done
off_url=http://127.0.0.1:$off_port
(
  cd "$app"
  export ConnectionStrings__Hospital="Data Source=$work/hospital.db" Hospital__SeedDemoData=false \
    Hospital__Auth__SigningKey="$signing_key" ASPNETCORE_ENVIRONMENT=Staging Logging__LogLevel__Default=Warning \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 Hospital__Audit__Reads=false
  exec dotnet Hospital.GraphQL.dll --urls "$off_url"
) >"$work/server-off.log" 2>&1 &
off_server=$!
trap 'kill "$off_server" 2>/dev/null || true; wait "$off_server" 2>/dev/null || true; cleanup' EXIT
for i in $(seq 240); do
  if curl -fs "$off_url/healthz/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$off_server" 2>/dev/null || [ "$i" = 240 ]; then echo "the audit-off API did not start; its log:" >&2; cat "$work/server-off.log" >&2; exit 1; fi
  sleep 0.5
done
wrk -t 2 -c 8 -d "$((seconds < 5 ? seconds : 5))s" --timeout 10s -s "$work/nested.lua" "$off_url/graphql" >/dev/null
declare -A audit_rps=([on]=0 [off]=0)
for side in on off off on; do
  target=$url; [ "$side" = off ] && target=$off_url
  wrk -t 2 -c 8 -d "${seconds}s" --timeout 10s -s "$work/nested.lua" "$target/graphql" >"$work/audit-$side.out"
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$work/audit-$side.out")
  echo "nested, audit of reads $side: $rps requests/s"
  audit_rps[$side]=$(awk -v a="${audit_rps[$side]}" -v b="$rps" 'BEGIN { print a + b / 2 }')
done
echo
echo "nested with the audit of reads on and off (mean of 2 interleaved runs of ${seconds}s each, 8 connections)"
printf '%-10s %12s\n' audit requests/s
printf '%-10s %12.1f\n' on "${audit_rps[on]}" off "${audit_rps[off]}"
awk -v on="${audit_rps[on]}" -v off="${audit_rps[off]}" 'BEGIN { printf "on is %.1f%% slower than off\n", (1 - on / off) * 100 }'
