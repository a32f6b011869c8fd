#!/usr/bin/env bash
# PlanB against the bare tool pipeline on a generated PostgreSQL database, all in one run.
#
#   bench/postgres.sh [SIZE_GB]        (default 1; needs PostgreSQL 15+, zstd and GNU time)
#   BENCH_BARE_ONLY=1 bench/postgres.sh 0.1   times only the bare tools
#
# Starts a throwaway PostgreSQL cluster on a free loopback port, fills it with about SIZE_GB of
# random-ish rows whose dump compresses about 2x, then times the bare pipelines and PlanB and
# prints a Markdown table with the ratios and peak RSS (for BENCHMARKS.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_gb="${1:-1}"
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[[ -x "$pgbin/pg_ctl" ]] || { echo "bench: PostgreSQL server binaries not found: apt-get install postgresql" >&2; exit 1; }
for tool in zstd /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing: apt-get install zstd time" >&2; exit 1; }
done

work="$(mktemp -d /tmp/planb-bench.XXXXXX)"
chmod 755 "$work"
as_pg=()
if [[ $(id -u) -eq 0 ]]; then as_pg=(runuser -u postgres --); chown postgres: "$work"; fi
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
password="bench-$RANDOM$RANDOM"
cleanup() {
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "$password" >"$work/pw"
"${as_pg[@]}" "$pgbin/initdb" -D "$work/data" -U postgres --pwfile="$work/pw" --auth-local=trust \
  --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/data" -l "$work/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c fsync=off -c max_wal_size=4GB" start >/dev/null
echo "127.0.0.1:$port:*:postgres:$password" >"$work/pgpass"
chmod 600 "$work/pgpass"
export PGPASSFILE="$work/pgpass" PGHOST=127.0.0.1 PGPORT="$port" PGUSER=postgres
psql=("$pgbin/psql" -q -v ON_ERROR_STOP=1)

echo "bench: generating about ${size_gb} GB of rows..." >&2
"${psql[@]}" -d postgres -c "CREATE DATABASE bench"
rows="$(awk -v g="$size_gb" 'BEGIN { printf "%d", g * 7500000 }')"
"${psql[@]}" -d bench <<SQL
CREATE TABLE orders (id bigint PRIMARY KEY, customer text, note text, amount numeric(12,2),
                     created timestamptz);
INSERT INTO orders SELECT i, md5(random()::text), md5(random()::text) || md5(random()::text),
       round((random() * 100000)::numeric, 2), now() - random() * interval '900 days'
  FROM generate_series(1, $rows) AS i;
CREATE TABLE customers (id int PRIMARY KEY, name text, email text);
INSERT INTO customers SELECT i, 'customer ' || i, md5(i::text) || '@example.com'
  FROM generate_series(1, 200000) AS i;
VACUUM ANALYZE;
SQL

jar="$root/cli/target/planb.jar"
echo "bench: building PlanB..." >&2
(cd "$root" && mvn -q -B -ntp -DskipTests package -pl cli -am)

results="$work/results"
: >"$results"
# measure LABEL COMMAND...: wall seconds and peak RSS (MiB) of the command and its children.
measure() {
  local label="$1"; shift
  sync
  /usr/bin/time -f "%e %M" -o "$work/time" "$@"
  read -r seconds rss_kib <"$work/time"
  echo "$label $seconds $((rss_kib / 1024))" >>"$results"
  echo "bench: $label: ${seconds}s, peak RSS $((rss_kib / 1024)) MiB" >&2
}
url="jdbc:postgresql://127.0.0.1:$port"
export BENCH_PW="$password"
planb=(java -jar "$jar")
planb_small=(java -Xmx64m -jar "$jar")
fresh_db() { "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"; }

measure pg_dump_only bash -c "'$pgbin/pg_dump' -Fc -Z0 -d bench >/dev/null"
measure bare_backup bash -c "'$pgbin/pg_dump' -Fc -Z0 -d bench | zstd -q -3 -o '$work/bare.dump.zst'"
measure bare_backup_T0 bash -c "'$pgbin/pg_dump' -Fc -Z0 -d bench | zstd -q -3 -T0 -o '$work/bare-t0.dump.zst'"
dump_bytes="$(zstd -q -d -c "$work/bare.dump.zst" | wc -c)"
stored_bytes="$(stat -c %s "$work/bare.dump.zst")"
echo "bench: dump $dump_bytes bytes, zstd -3 stores $stored_bytes" >&2
[[ -z "${BENCH_BARE_ONLY:-}" ]] || exit 0
measure planb_backup "${planb[@]}" backup --db "$url/bench" --user postgres --password-env BENCH_PW \
  --to "$work/one" --plan bench
measure planb_backup_xmx64m "${planb_small[@]}" backup --db "$url/bench" --user postgres \
  --password-env BENCH_PW --to "$work/small" --plan bench
measure planb_backup_3_destinations "${planb[@]}" backup --db "$url/bench" --user postgres \
  --password-env BENCH_PW --to "$work/a" --to "$work/b" --to "$work/c" --plan bench

fresh_db restored_bare
measure bare_restore bash -c "zstd -q -d -c '$work/bare.dump.zst' | '$pgbin/pg_restore' -d restored_bare"
fresh_db restored_planb
measure planb_restore "${planb[@]}" restore --from "$work/one" --plan bench \
  --to-db "$url/restored_planb" --user postgres --password-env BENCH_PW

t() { awk -v k="$1" '$1 == k { print $2 }' "$results"; }
r() { awk -v k="$1" '$1 == k { print $3 }' "$results"; }
ratio() { awk -v a="$(t "$1")" -v b="$(t "$2")" 'BEGIN { printf "%.2f", a / b }'; }

cat <<MD
Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), PostgreSQL $("$pgbin/pg_dump" --version | awk '{print $3}'), zstd $(zstd -V | grep -o 'v[0-9.]*'), $(java -version 2>&1 | head -1)
Database: $(awk -v b="$dump_bytes" 'BEGIN { printf "%.2f GB", b / 1e9 }') uncompressed custom-format dump, $(awk -v a="$dump_bytes" -v b="$stored_bytes" 'BEGIN { printf "%.2f", a / b }')x compression with zstd -3
Command: \`bench/postgres.sh $size_gb\`

| run | seconds | peak RSS MiB | ratio |
|---|---:|---:|---|
| bare \`pg_dump -Fc -Z0 > /dev/null\` (the floor) | $(t pg_dump_only) | $(r pg_dump_only) | |
| bare \`pg_dump -Fc -Z0 \| zstd -3\` | $(t bare_backup) | $(r bare_backup) | |
| bare \`pg_dump -Fc -Z0 \| zstd -3 -T0\` | $(t bare_backup_T0) | $(r bare_backup_T0) | |
| PlanB backup, one folder | $(t planb_backup) | $(r planb_backup) | $(ratio planb_backup bare_backup)x bare zstd -3, $(ratio planb_backup pg_dump_only)x pg_dump alone |
| PlanB backup, -Xmx64m | $(t planb_backup_xmx64m) | $(r planb_backup_xmx64m) | $(ratio planb_backup_xmx64m bare_backup)x bare |
| PlanB backup, three folders | $(t planb_backup_3_destinations) | $(r planb_backup_3_destinations) | $(ratio planb_backup_3_destinations planb_backup)x one folder |
| bare \`zstd -d \| pg_restore\` | $(t bare_restore) | $(r bare_restore) | |
| PlanB restore | $(t planb_restore) | $(r planb_restore) | $(ratio planb_restore bare_restore)x bare |
MD
