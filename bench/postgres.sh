#!/usr/bin/env bash
# PlanB against the bare tool pipeline on a generated PostgreSQL database, all in one run.
#
#   bench/postgres.sh [SIZE_GB]        (default 1; needs PostgreSQL 15+, zstd and GNU time)
#   BENCH_BARE_ONLY=1 bench/postgres.sh 0.1   times only the bare tools
#
#   BENCH_RUNS=5 bench/postgres.sh 1          runs each configuration 5 times (default and minimum 3)
#
# Starts a throwaway PostgreSQL cluster on a free loopback port, fills it with about SIZE_GB of
# random-ish rows whose dump compresses about 2x, then times the bare pipelines and PlanB, each
# configuration BENCH_RUNS times, interleaved (a round runs every bare pipeline, then every PlanB
# configuration), and prints a Markdown table of medians, spreads, peak RSS and ratios of medians
# (for BENCHMARKS.md). The reference is the best bare pipeline, pg_dump -Fc -Z0 | zstd -3 -T0.
# When the load average at start exceeds the core count it prints the raw numbers, marked, and no ratios.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bench/stats.sh"
. "$root/bench/services.sh"
size_gb="${1:-1}"
runs="$(bench_runs)"
bench_pg_find
bench_tools "apt-get install zstd time" zstd /usr/bin/time

bench_pg_throwaway planb-bench fsync=off max_wal_size=4GB
port="$PGPORT"

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
(cd "$root" && mvn -q -B -ntp -DskipTests package -pl cli -am) >&2

results="$work/results"
: >"$results"
measure() { bench_measure "$results" "$@"; }
url="jdbc:postgresql://127.0.0.1:$port"
export BENCH_PW="$password"
# PlanB runs as a user runs it, through the ./planb launcher (its JVM options and Class Data Sharing archive);
# one untimed warm-up backup and restore first write its archives (one per subcommand), as the first runs on a
# machine do.
export XDG_CACHE_HOME="$work/cache"   # the launcher's archive, private to this run
planb=("$root/planb")
planb_small=(env PLANB_JAVA_OPTS=-Xmx64m "$root/planb")
fresh_db() { "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"; }
source_db=(--db "$url/bench" --user postgres --password-env BENCH_PW --plan bench)

if [[ -z "${BENCH_BARE_ONLY:-}" ]]; then
  echo "bench: warm-up backup and restore (write the launcher's class data archives)..." >&2
  "${planb[@]}" backup "${source_db[@]}" --to "$work/warm" >/dev/null
  fresh_db restored_planb
  "${planb[@]}" restore --from "$work/warm" --plan bench --to-db "$url/restored_planb" --user postgres \
    --password-env BENCH_PW >/dev/null 2>&1
  rm -rf "$work/warm"
fi

bench_load_start
for round in $(seq "$runs"); do
  echo "bench: round $round of $runs" >&2
  measure pg_dump_only bash -c "'$pgbin/pg_dump' -Fc -Z0 -d bench >/dev/null"
  measure bare_backup bash -c "'$pgbin/pg_dump' -Fc -Z0 -d bench | zstd -q -f -3 -o '$work/bare.dump.zst'"
  measure bare_backup_T0 bash -c "'$pgbin/pg_dump' -Fc -Z0 -d bench | zstd -q -f -3 -T0 -o '$work/bare-t0.dump.zst'"
  # The same pipeline keeping three copies: what writing three folders costs without PlanB.
  measure bare_backup_T0_3_copies bash -c "'$pgbin/pg_dump' -Fc -Z0 -d bench | zstd -q -3 -T0 \
    | tee '$work/bare-a.dump.zst' '$work/bare-b.dump.zst' >'$work/bare-c.dump.zst'"
  [[ -n "${BENCH_BARE_ONLY:-}" ]] && continue
  rm -rf "$work/one" "$work/small" "$work/a" "$work/b" "$work/c"
  measure planb_backup "${planb[@]}" backup "${source_db[@]}" --to "$work/one"
  measure planb_backup_xmx64m "${planb_small[@]}" backup "${source_db[@]}" --to "$work/small"
  measure planb_backup_3_destinations "${planb[@]}" backup "${source_db[@]}" --to "$work/a" --to "$work/b" --to "$work/c"
  fresh_db restored_bare
  measure bare_restore bash -c "zstd -q -d -c '$work/bare-t0.dump.zst' | '$pgbin/pg_restore' -d restored_bare"
  # The same restore followed by what PlanB does after it: count(*) of every table.
  fresh_db restored_bare
  measure bare_restore_counted bash -c "zstd -q -d -c '$work/bare-t0.dump.zst' | '$pgbin/pg_restore' -d restored_bare \
    && '$pgbin/psql' -d restored_bare -Atc \"SELECT format('SELECT count(*) FROM %I.%I;', schemaname, tablename) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')\" | '$pgbin/psql' -q -d restored_bare >/dev/null"
  fresh_db restored_planb
  measure planb_restore "${planb[@]}" restore --from "$work/one" --plan bench \
    --to-db "$url/restored_planb" --user postgres --password-env BENCH_PW
done

# Where a PlanB run's wall time goes: one more run of each, untimed above, with PlanB's debug log timestamped.
# phases LABEL TOOL COMMAND...: seconds from the start to the tool's start, the tool's run, from its end to the exit.
phases() {
  local label="$1" tool="$2" log="$work/phases.log" start end
  shift 2
  start="$(date +%H:%M:%S.%3N)"
  PLANB_JAVA_OPTS="-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS" \
    "$@" --verbose >/dev/null 2>"$log"
  end="$(date +%H:%M:%S.%3N)"
  awk -v s="$start" -v e="$end" -v tool="$tool" -v label="$label" '
    function sec(t,  p) { split(t, p, ":"); return p[1] * 3600 + p[2] * 60 + p[3] }
    $0 ~ ("Started " tool " ") { started = sec($1) }
    $0 ~ (" " tool " finished") { finished = sec($1) }
    END { printf "| %s | %.2f | %.2f | %.2f | %.2f |\n", label, started - sec(s), finished - started,
      sec(e) - finished, sec(e) - sec(s) }' "$log"
}
phase_rows=""
if [[ -z "${BENCH_BARE_ONLY:-}" ]]; then
  echo "bench: one more backup and restore, timestamped..." >&2
  rm -rf "$work/one"
  phase_rows+="$(phases "PlanB backup, one folder" pg_dump "${planb[@]}" backup "${source_db[@]}" --to "$work/one")"$'\n'
  fresh_db restored_planb
  phase_rows+="$(phases "PlanB restore" pg_restore "${planb[@]}" restore --from "$work/one" --plan bench \
    --to-db "$url/restored_planb" --user postgres --password-env BENCH_PW)"
fi

dump_bytes="$(zstd -q -d -c "$work/bare.dump.zst" | wc -c)"
stored_bytes="$(stat -c %s "$work/bare.dump.zst")"
echo "bench: dump $dump_bytes bytes, zstd -3 stores $stored_bytes" >&2

t() { bench_median "$results" "$1" 1; }
spread() { bench_spread "$results" "$1" 1; }
r() { printf "%.0f" "$(bench_median "$results" "$1" 2)"; }
ratio() { bench_ratio "$(t "$1")" "$(t "$2")"; }
c() { bench_median "$results" "$1" 3; }
# CPU ratios stay meaningful on a loaded machine (contention inflates them less than wall times), so they are always printed.
cpu_ratio() { awk -v a="$(c "$1")" -v b="$(c "$2")" 'BEGIN { printf "%.2f×", a / b }'; }
row() { # LABEL KEY [WALL RATIO TEXT] [CPU RATIO TEXT]
  [[ -n "$(t "$2" 2>/dev/null)" ]] || return 0
  local ratios="${3:-}"
  [[ -z "$ratios" || "$BENCH_LOADED" == 0 ]] || ratios="n/a (loaded machine)"
  echo "| $1 | $(t "$2") | $(spread "$2") | $(c "$2") | $(bench_spread "$results" "$2" 3) | $(bench_median "$results" "$2" 4) | $(r "$2") | $ratios | ${4:-} |"
}

cat <<MD
Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), PostgreSQL $("$pgbin/pg_dump" --version | awk '{print $3}'), zstd $(zstd -V | grep -o 'v[0-9.]*'), $(java -version 2>&1 | head -1)
Database: $(awk -v b="$dump_bytes" 'BEGIN { printf "%.2f GB", b / 1e9 }') uncompressed custom-format dump, $(awk -v a="$dump_bytes" -v b="$stored_bytes" 'BEGIN { printf "%.2f", a / b }')x compression with zstd -3
Command: \`BENCH_RUNS=$runs bench/postgres.sh $size_gb\` ($runs interleaved runs per configuration; medians)
$(bench_load_line)

| run | median wall s | wall spread (min–max) | median CPU s | CPU spread | of which system s | peak RSS MiB | wall ratio of medians | CPU ratio of medians |
|---|---:|---:|---:|---:|---:|---:|---|---|
$(row 'bare `pg_dump -Fc -Z0 > /dev/null` (the floor)' pg_dump_only)
$(row 'bare `pg_dump -Fc -Z0 \| zstd -3`' bare_backup)
$(row 'bare `pg_dump -Fc -Z0 \| zstd -3 -T0` (the reference)' bare_backup_T0)
$(row 'PlanB backup, one folder' planb_backup "$(ratio planb_backup bare_backup_T0) zstd -3 -T0, $(ratio planb_backup bare_backup) zstd -3, $(ratio planb_backup pg_dump_only) pg_dump alone" "$(cpu_ratio planb_backup bare_backup_T0) zstd -3 -T0")
$(row 'bare `pg_dump -Fc -Z0 \| zstd -3 -T0 \| tee a b > c` (three copies)' bare_backup_T0_3_copies "$(ratio bare_backup_T0_3_copies bare_backup_T0) one copy" "$(cpu_ratio bare_backup_T0_3_copies bare_backup_T0) one copy")
$(row 'PlanB backup, -Xmx64m' planb_backup_xmx64m "$(ratio planb_backup_xmx64m bare_backup_T0) zstd -3 -T0" "$(cpu_ratio planb_backup_xmx64m bare_backup_T0) zstd -3 -T0")
$(row 'PlanB backup, three folders' planb_backup_3_destinations "$(ratio planb_backup_3_destinations planb_backup) one folder, $(ratio planb_backup_3_destinations bare_backup_T0_3_copies) bare three copies" "$(cpu_ratio planb_backup_3_destinations planb_backup) one folder, $(cpu_ratio planb_backup_3_destinations bare_backup_T0_3_copies) bare three copies")
$(row 'bare `zstd -d \| pg_restore`' bare_restore)
$(row 'bare `zstd -d \| pg_restore`, then `count(*)` of every table (what PlanB checks)' bare_restore_counted)
$(row 'PlanB restore' planb_restore "$(ratio planb_restore bare_restore) bare, $(ratio planb_restore bare_restore_counted) bare + count(*)" "$(cpu_ratio planb_restore bare_restore) bare")

Where a PlanB run's wall time goes (one more run each, \`--verbose\` with timestamps; seconds):

| run | start → the tool starts | the tool | the tool ends → exit | whole |
|---|---:|---:|---:|---:|
$phase_rows
MD
