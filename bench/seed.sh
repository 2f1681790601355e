#!/usr/bin/env bash
# Seeding benchmark: N patients with full histories into a fresh SQLite file, a fresh PostgreSQL and a fresh MariaDB
# (each server started from the machine's binaries in a temporary folder). Usage: bench/seed.sh [patients=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
patients=${1:-10000}
work=$(mktemp -d /tmp/hospital-bench-XXXX)
cleanup() {
  [ -n "${pgbin:-}" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1
  [ -n "${maria:-}" ] && kill "$maria" 2>/dev/null && wait "$maria" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build Hospital.Seed -c Release -v q -nologo >/dev/null
# Benchmark databases are throwaway: not Production, so the seeder needs no --allow-production.
export DOTNET_ENVIRONMENT=Development
seed() { dotnet Hospital.Seed/bin/Release/net10.0/Hospital.Seed.dll --patients "$patients" --seed 1 --demo-password 'Bench!123' "$@" | grep -E '^Finished in'; }

echo "SQLite, $patients patients:"
seed --connection "Data Source=$work/hospital.db"

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -n "$pgbin" ]; then
  chown postgres "$work" 2>/dev/null || true
  runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -o "-p 55432 -k $work -c listen_addresses=127.0.0.1" -l "$work/pg.log" -w start >/dev/null
  echo "PostgreSQL $("$pgbin/postgres" --version | grep -oE '[0-9]+(\.[0-9]+)?' | head -1), $patients patients:"
  seed --provider PostgreSql --connection "Host=127.0.0.1;Port=55432;Username=postgres;Database=hospital"
else
  echo "PostgreSQL: skipped (install the Debian package postgresql)"
fi

if [ -x /usr/sbin/mariadbd ]; then
  user=(); [ "$(id -u)" = 0 ] && user=(--user=root)
  mariadb-install-db "${user[@]}" --datadir="$work/maria" --auth-root-authentication-method=normal --skip-test-db >/dev/null
  /usr/sbin/mariadbd --no-defaults "${user[@]}" --datadir="$work/maria" --socket="$work/maria.sock" --pid-file="$work/maria.pid" \
    --port=53306 --bind-address=127.0.0.1 --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --skip-log-bin >"$work/maria.log" 2>&1 &
  maria=$!
  for _ in $(seq 100); do mariadb-admin --socket="$work/maria.sock" -uroot ping >/dev/null 2>&1 && break; sleep 0.1; done
  echo "MariaDB $(/usr/sbin/mariadbd --version | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -1), $patients patients:"
  seed --provider MySql --connection "Server=127.0.0.1;Port=53306;User=root;Database=hospital"
else
  echo "MariaDB: skipped (install the Debian package mariadb-server)"
fi
