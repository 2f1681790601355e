#!/usr/bin/env bash
# A/B of two builds on a shared, noisy machine: both Release outputs (folders holding Hospital.GraphQL.dll) serve copies
# of one seeded SQLite file (500 demo patients), and wrk runs graphql.sh's nested operation against them in turns (ABBA),
# 8 connections, after a warm-up of each. Prints requests/s and the server's CPU milliseconds per request (utime+stime
# from /proc, which other load disturbs less than requests/s) for every pair, then the medians.
# Usage: bench/ab-nested.sh DIR_A DIR_B [pairs=5] [seconds=10]   (WARMUP=s, QUERY=..., HOLD=s keeps both servers up;
# PERFMAP=1 lets perf name JIT-compiled frames; AB_WORK=dir keeps the seeded file between runs, default /tmp/hospital-ab)
set -euo pipefail
command -v wrk >/dev/null 2>&1 || { echo "wrk not found: install the Debian package wrk." >&2; exit 1; }
root=${AB_WORK:-/tmp/hospital-ab}
mkdir -p "$root"
A=$1 B=$2 pairs=${3:-5} seconds=${4:-10}
w=$root/run; rm -rf $w; mkdir -p $w
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
key=$(head -c 48 /dev/urandom | base64 -w0)
pw=bench-$(head -c 12 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9')
start() { # dir port db
  ( cd "$1"; export ConnectionStrings__Hospital="Data Source=$3" Hospital__DemoPatients=500 ASPNETCORE_ENVIRONMENT=Staging Logging__LogLevel__Default=Warning DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_PerfMapEnabled=${PERFMAP:-0} DOTNET_EnableWriteXorExecute=${PERFMAP:+0} Hospital__Auth__SigningKey=$key Hospital__SeedDemoData=true Hospital__DemoPassword=$pw
    exec dotnet Hospital.GraphQL.dll --urls "http://127.0.0.1:$2" ) >"$w/server-$2.log" 2>&1 &
  pids+=($!)
  for i in $(seq 240); do curl -fs "http://127.0.0.1:$2/healthz/ready" >/dev/null 2>&1 && return 0; sleep 0.5; done; echo "not ready $2"; cat $w/server-$2.log; exit 1
}
signin() { # port -> the doctor's access token (with the password the seeded file was made with, kept beside it)
  curl -fsS -X POST -H 'Content-Type: application/json' \
    --data-binary "{\"query\":\"mutation { signIn(input: { userName: \\\"doctor\\\", password: \\\"$(cat $root/password)\\\" }) { accessToken } }\"}" \
    "http://127.0.0.1:$1/graphql" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p'
}
if [ ! -f $root/seed.db ] || [ ! -f $root/password ]; then
  rm -f $root/seed.db; echo "$pw" >$root/password
  start "$A" 41000 $root/seed.db; kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true; pids=()
fi
cp $root/seed.db $w/a.db; cp $root/seed.db $w/b.db
start "$A" 41001 $w/a.db; pa=${pids[-1]}; start "$B" 41002 $w/b.db; pb=${pids[-1]}
echo "A pid $pa ($A)  B pid $pb ($B)"
q=${QUERY:-'{ patients(first: 100) { nodes { mrn fullName appointments { startsAt status doctor { fullName department { name } } } } } }'}
for p in 41001 41002; do
  token=$(signin $p); [ -n "$token" ] || { echo "could not sign in on $p"; exit 1; }
  cat >$w/n-$p.lua <<L
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json, application/json"
wrk.headers["Authorization"] = "Bearer $token"
wrk.body = [==[{"query":"$q"}]==]
L
  r=$(curl -fsS -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $token" --data-binary "{\"query\":\"$q\"}" http://127.0.0.1:$p/graphql)
  echo "port $p: ${#r} bytes, md5 $(echo "$r" | md5sum | cut -c1-8)"; [[ "$r" == *'"errors"'* ]] && { echo "${r:0:300}"; exit 1; }
  wrk -t 2 -c 8 -d ${WARMUP:-12}s -s $w/n-$p.lua http://127.0.0.1:$p/graphql >/dev/null
done
cpu() { awk '{print $14 + $15}' /proc/$1/stat; }
tick=$(getconf CLK_TCK)
run() { # port pid -> "rps cpu_ms_per_request"
  local c0 c1 out
  c0=$(cpu $2)
  out=$(wrk -t 2 -c 8 -d ${seconds}s --timeout 10s -s $w/n-$1.lua http://127.0.0.1:$1/graphql)
  c1=$(cpu $2)
  echo "$out" | awk -v c=$((c1 - c0)) -v t=$tick '/requests in/ {n=$1} /^Requests\/sec:/ {r=$2} END {printf "%s %.2f", r, c * 1000 / t / n}'
}
ra=(); rb=(); ca=(); cb=()
for i in $(seq $pairs); do
  if [ $((i % 2)) = 1 ]; then order="a b"; else order="b a"; fi
  for x in $order; do
    if [ $x = a ]; then set -- $(run 41001 $pa); ra+=($1); ca+=($2); else set -- $(run 41002 $pb); rb+=($1); cb+=($2); fi
  done
  echo "pair $i ($order): A ${ra[-1]} req/s ${ca[-1]} cpu-ms/req   B ${rb[-1]} req/s ${cb[-1]} cpu-ms/req   load $(cut -d' ' -f1-3 /proc/loadavg)"
done
med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "median A $(med "${ra[@]}") req/s $(med "${ca[@]}") cpu-ms/req   B $(med "${rb[@]}") req/s $(med "${cb[@]}") cpu-ms/req"
if [ -n "${HOLD:-}" ]; then echo "holding servers"; sleep "$HOLD"; fi
