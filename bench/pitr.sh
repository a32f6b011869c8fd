#!/usr/bin/env bash
# Recovery point of PostgreSQL log streaming: how many seconds of committed writes a crash loses.
#
#   bench/pitr.sh [SECONDS_OF_WRITES]     (default 40; needs PostgreSQL 15+ server binaries and pgbench)
#
# Starts a throwaway cluster, runs 'planb stream' on it with the default settings, writes rows
# continuously with pgbench (one INSERT per transaction, each row stamped with clock_timestamp()),
# then crashes, in three runs: (1) the database server alone (kill -9; PlanB keeps running), (2) the
# whole host, simulated by killing the server and PlanB together (kill -9), with the default
# --partial-interval 30s, and (3) the same with --partial-interval 5s. After each crash it restarts
# the server to read the last committed row, restores 'latest' with 'planb restore --to-data-dir',
# and reports the rows and seconds lost. Also times PlanB's base backup against the bare
# 'pg_basebackup | zstd' pipeline. Prints a Markdown table for BENCHMARKS.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bench/services.sh"
write_seconds="${1:-40}"
bench_pg_find pgbench
bench_tools "apt-get install zstd" zstd

work="$(mktemp -d /tmp/planb-pitr-bench.XXXXXX)"
chmod 755 "$work"
export PLANB_BENCH_PW="bench-$RANDOM$RANDOM"
cleanup() {
  for data in "$work"/data "$work"/restored-*; do
    [[ -d "$data" ]] && bench_pg_stop "$data" immediate 2>/dev/null || true
  done
  [[ -n "${stream_pid:-}" ]] && kill -9 "$stream_pid" 2>/dev/null || true
  rm -rf "$work"
}
[[ -n "${BENCH_KEEP:-}" ]] || trap cleanup EXIT

bench_pg_cluster "$work" "$PLANB_BENCH_PW"
port="$PGPORT"
psql() { "$pgbin/psql" -q -X -v ON_ERROR_STOP=1 "$@"; }
psql -p "$port" -d postgres -c "CREATE DATABASE bench"
psql -p "$port" -d bench -c "CREATE TABLE rows (id bigserial PRIMARY KEY, at timestamptz NOT NULL, pad text)
  ; INSERT INTO rows (at, pad) SELECT clock_timestamp(), md5(g::text) FROM generate_series(1, 2000000) g"
echo 'INSERT INTO rows (at, pad) VALUES (clock_timestamp(), md5(random()::text));' >"$work/insert.sql"

echo "bench: building PlanB..." >&2
(cd "$root" && mvn -q -B -ntp -DskipTests package -pl cli -am)
jar="$root/cli/target/planb.jar"

# Base backup: bare pipeline against PlanB's (timed from its manifest).
start=$(date +%s.%N)
"$pgbin/pg_basebackup" -p "$port" -D - -Ft -X fetch --checkpoint=fast --no-manifest | zstd -q -3 >"$work/bare-base.tar.zst"
bare_base=$(echo "$(date +%s.%N) - $start" | bc)

last_row() { psql -p "$1" -d bench -At -c "SELECT count(*), to_char(max(at) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM rows"; }
seconds_between() { python3 -c "from datetime import datetime as d; f=lambda s: d.fromisoformat(s.replace('Z','+00:00')); print('%.2f' % (f('$2')-f('$1')).total_seconds())"; }

declare -a rows_out
run() { # name, crash (server|host), partial interval
  local name="$1" crash="$2" interval="$3" backups="$work/backups-$1"
  java -jar "$jar" stream --db "jdbc:postgresql://127.0.0.1:$port/bench" --user postgres --password-env PLANB_BENCH_PW \
    --to "$backups" --plan bench --partial-interval "$interval" >"$work/stream-$name.log" 2>&1 &
  stream_pid=$!
  until grep -qs '"kind" *: *"base"' "$backups"/bench/*/manifest.json; do sleep 0.5; done
  "$pgbin/pgbench" -n -p "$port" -c 2 -T "$write_seconds" -f "$work/insert.sql" bench >/dev/null 2>&1 &
  local bench_pid=$!
  sleep $((write_seconds * 3 / 4))
  local pid; pid=$(head -1 "$work/data/postmaster.pid")
  if [[ "$crash" == host ]]; then kill -9 "$stream_pid"; fi
  local children; children=$(pgrep -P "$pid" || true)
  kill -9 "$pid" $children 2>/dev/null || true
  while kill -0 "$pid" $children 2>/dev/null; do sleep 0.2; done
  wait "$bench_pid" 2>/dev/null || true
  if [[ "$crash" == server ]]; then sleep 5; kill -TERM "$stream_pid"; fi
  wait "$stream_pid" 2>/dev/null || true
  stream_pid=""
  bench_pg_start "$work/data" "$port"          # crash recovery: every committed row is back
  local source; source=$(last_row "$port")
  bench_pg_stop "$work/data"
  java -jar "$jar" restore --from "$backups" --plan bench --at latest --to-data-dir "$work/restored-$name" >"$work/restore-$name.log" 2>&1
  local rport; rport=$(bench_free_port)
  bench_pg_start "$work/restored-$name" "$rport"
  local restored; restored=$(last_row "$rport")
  bench_pg_stop "$work/restored-$name"
  bench_pg_start "$work/data" "$port"
  local lost_rows=$(( ${source%%|*} - ${restored%%|*} ))
  local lost_seconds; lost_seconds=$(seconds_between "${restored#*|}" "${source#*|}")
  rows_out+=("| $name | $interval | ${source%%|*} | $lost_rows | $lost_seconds |")
  if [[ "$name" == server-crash ]]; then
    planb_base=$(python3 -c "import json,glob; m=[json.load(open(f)) for f in glob.glob('$backups/bench/*/manifest.json')]; b=[x for x in m if x['kind']=='base'][0]; from datetime import datetime as d; f=lambda s: d.fromisoformat(s.replace('Z','+00:00')); print('%.2f' % (f(b['finishedAt'])-f(b['startedAt'])).total_seconds())")
  fi
}

run server-crash server 30s
run host-crash host 30s
run host-crash-5s host 5s

echo
echo "| crash | --partial-interval | rows committed | rows lost | seconds of writes lost |"
echo "|---|---:|---:|---:|---:|"
printf '%s\n' "${rows_out[@]}"
echo
echo "| base backup | seconds | ratio |"
echo "|---|---:|---:|"
echo "| pg_basebackup -Ft -X fetch \| zstd -3 | $bare_base | |"
echo "| PlanB stream's base backup (manifest start to end) | $planb_base | $(echo "scale=2; $planb_base / $bare_base" | bc)x |"
