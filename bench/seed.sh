#!/usr/bin/env bash
# Seeding benchmark: N patients with full histories into a fresh SQLite file and a fresh PostgreSQL
# (started from the machine's binaries in a temporary folder). Usage: bench/seed.sh [patients=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
patients=${1:-10000}
work=$(mktemp -d /tmp/hospital-bench-XXXX)
trap '[ -n "${pgbin:-}" ] && runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1; rm -rf "$work"' EXIT

dotnet build Hospital.Seed -c Release -v q -nologo >/dev/null
seed() { dotnet Hospital.Seed/bin/Release/net10.0/Hospital.Seed.dll --patients "$patients" --seed 1 --demo-password 'Bench!123' "$@" | tail -n 3 | head -n 1; }

echo "SQLite, $patients patients:"
seed --connection "Data Source=$work/hospital.db"

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$pgbin" ]; then echo "PostgreSQL: skipped (install the Debian package postgresql)"; exit 0; fi
chown postgres "$work" 2>/dev/null || true
runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -A trust -U postgres >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -o "-p 55432 -k $work -c listen_addresses=127.0.0.1" -l "$work/pg.log" -w start >/dev/null
echo "PostgreSQL 15, $patients patients:"
seed --provider PostgreSql --connection "Host=127.0.0.1;Port=55432;Username=postgres;Database=hospital"
