#!/usr/bin/env bash
# Sourced by the benchmark scripts: builds Hospital.GraphQL in Release and starts it on 127.0.0.1 over a fresh SQLite
# file seeded with $PATIENTS (default 500) demo patients, then waits until /healthz/ready answers. Sets work (a temp
# folder, removed on exit), server (the pid, stopped on exit) and url. PORT=n chooses the port.

work=$(mktemp -d /tmp/hospital-bench-XXXX)
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "building Hospital.GraphQL (Release)"
dotnet build Hospital.GraphQL -c Release -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
app=$PWD/Hospital.GraphQL/bin/Release/net10.0

# A free port on loopback, unless PORT says which.
port=${PORT:-}
if [ -z "$port" ]; then
  for _ in $(seq 50); do
    candidate=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
  done
  [ -n "$port" ] || { echo "no free port found" >&2; exit 1; }
fi
url=http://127.0.0.1:$port

# Staging: built like Production (Release, no developer pages), but demo accounts may be asked for, which Production
# refuses; a signing key and the demo password are made up for this run.
bench_password="bench-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
signing_key=$(head -c 48 /dev/urandom | base64 | tr -d '\n')

# The app's folder is the content root, so its appsettings.json applies as in production; request logging stays off.
patients=${PATIENTS:-500}
echo "starting the API on $url (fresh SQLite database, seeding $patients demo patients)"
(
  cd "$app"
  export ConnectionStrings__Hospital="Data Source=$work/hospital.db" Hospital__DemoPatients="$patients" \
    Hospital__SeedDemoData=true Hospital__DemoPassword="$bench_password" Hospital__Auth__SigningKey="$signing_key" \
    ASPNETCORE_ENVIRONMENT=Staging Logging__LogLevel__Default=Warning DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    Hospital__Audit__Reads="${AUDIT_READS:-true}"
  exec dotnet Hospital.GraphQL.dll --urls "$url"
) >"$work/server.log" 2>&1 &
server=$!

for i in $(seq 240); do
  if curl -fs "$url/healthz/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server" 2>/dev/null || [ "$i" = 240 ]; then
    echo "the API did not become ready; its log:" >&2
    cat "$work/server.log" >&2
    exit 1
  fi
  sleep 0.5
done

# Sign in as ${BENCH_USER:-doctor} (reads patients, appointments and beds): $token and HOSPITAL_TOKEN hold the access
# token (15 minutes, more than a benchmark run takes).
# The demo accounts are seeded as the server starts, perhaps after it answers: try for up to a minute.
token=
for i in $(seq 60); do
  token=$(curl -fsS -X POST -H 'Content-Type: application/json' \
    --data-binary "{\"query\":\"mutation(\$u: String!, \$p: String!) { signIn(input: { userName: \$u, password: \$p }) { accessToken } }\",\"variables\":{\"u\":\"${BENCH_USER:-doctor}\",\"p\":\"$bench_password\"}}" \
    "$url/graphql" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p') || true
  [ -n "$token" ] && break
  sleep 1
done
[ -n "$token" ] || { echo "could not sign in as ${BENCH_USER:-doctor}" >&2; exit 1; }
export HOSPITAL_TOKEN=$token
