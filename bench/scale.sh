#!/usr/bin/env bash
# How PlanB's cost grows with the database: generated PostgreSQL databases of several sizes (and one
# MariaDB database), backed up and restored to a local folder, to S3 (Adobe S3Mock) and to SFTP
# (OpenSSH) on loopback, in one run with the bare pipelines. Not part of the test suite.
#
#   bench/scale.sh [SIZE_GB...]          PostgreSQL sizes, default "1 4 10"; 0 for none
#   SCALE_MARIADB_GB=4                    MariaDB size (0: no MariaDB run)
#   SCALE_TARGETS="local s3 sftp"         where PlanB writes
#   SCALE_WORK=/tmp                       where the generated data, the dumps and the servers live (never the repository)
#   SCALE_JAVA_OPTS=-Xmx64m               JVM options for PlanB's runs (default none: the JVM's own heap sizing)
#
# For every size and run: wall seconds, CPU seconds (user + system of the command and its children: pg_dump,
# pg_restore, zstd; the database server's own CPU is not counted, as it is the same work for both), peak RSS of
# the largest process, and peak temporary disk (what PlanB staged under its java.io.tmpdir, sampled every
# 0.2 s). Then the ratio of the largest size to the smallest. The data: a few large tables of text rows that
# compress about 2x with zstd -3, and 200 small tables. A size whose data would not fit the free disk is skipped.
# Needs PostgreSQL 15+ server binaries, zstd, GNU time, python3, a built cli/target/planb.jar (./planb builds
# it), and for the other targets the S3Mock exec jar in ~/.m2 and OpenSSH's sshd; for MariaDB, mariadb-server.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bench/services.sh"
sizes=("${@:-1 4 10}")
read -r -a sizes <<<"${sizes[*]}"
targets="${SCALE_TARGETS:-local s3 sftp}"
mariadb_gb="${SCALE_MARIADB_GB:-4}"
bench_pg_find
jar="$root/cli/target/planb.jar"
[[ -f "$jar" ]] || { echo "scale: $jar is missing: run ./planb --version once to build it" >&2; exit 1; }
bench_tools "apt-get install zstd time python3" zstd /usr/bin/time python3

work="$(mktemp -d "${SCALE_WORK:-/tmp}/planb-scale.XXXXXX")"
chmod 755 "$work"
pids=()
cleanup() {
  set +e # stop everything, whatever is already gone
  [[ -f "$work/pg/data/postmaster.pid" ]] && bench_pg_stop "$work/pg/data" immediate 2>/dev/null
  [[ -S "$work/maria/sock" ]] && bench_mariadb_stop "$work/maria" 2>/dev/null
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
password="scale-$RANDOM$RANDOM"
export SCALE_PW="$password"
results="$work/results"
: >"$results"

# measure SIZE LABEL COMMAND...: one run; records wall, CPU, peak RSS (MiB) and peak temporary disk (MiB).
measure() {
  local size="$1" label="$2"; shift 2
  local tmp="$work/planb-tmp"
  rm -rf "$tmp"; mkdir -p "$tmp"
  sync
  echo 0 >"$work/peak"
  ( peak=0; while :; do used=$(du -sb "$tmp" 2>/dev/null | cut -f1); (( used > peak )) && peak=$used && echo "$peak" >"$work/peak"; sleep 0.2; done ) &
  local sampler=$!
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" \
    || { kill "$sampler"; echo "scale: $label failed:" >&2; tail -5 "$work/err" >&2; exit 1; }
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  read -r wall user sys rss_kib <"$work/time"
  local cpu disk
  cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
  disk="$(awk -v b="$(cat "$work/peak")" 'BEGIN { printf "%.0f", b / 1048576 }')"
  echo "$size $label $wall $cpu $((rss_kib / 1024)) $disk" >>"$results"
  echo "scale: ${size} GB $label: ${wall}s wall, ${cpu}s CPU, $((rss_kib / 1024)) MiB RSS, $disk MiB temporary disk" >&2
}
cp "$jar" "$work/planb.jar" # a rebuild during a long run must not change the jar under it
read -r -a java_opts <<<"${SCALE_JAVA_OPTS:-}"
planb=(java "${java_opts[@]}" -Djava.io.tmpdir="$work/planb-tmp" -jar "$work/planb.jar")

# --- servers ---------------------------------------------------------------------------------------------
bench_pg_cluster "$work/pg" "$password" fsync=off max_wal_size=8GB
pg_port="$PGPORT"
psql=("$pgbin/psql" -q -v ON_ERROR_STOP=1)
pg_url="jdbc:postgresql://127.0.0.1:$pg_port"

to_uri=()
if [[ " $targets " == *" s3 "* ]]; then
  s3mock="$(ls ~/.m2/repository/com/adobe/testing/s3mock/*/s3mock-*-exec.jar 2>/dev/null | sort -V | tail -1)"
  [[ -n "$s3mock" ]] || { echo "scale: the S3Mock exec jar is missing: mvn dependency:get -Dartifact=com.adobe.testing:s3mock:4.11.0:jar:exec" >&2; exit 1; }
  s3_port="$(bench_free_port)"
  # S3Mock's HTTP connector listens on every interface (see TESTING.md); only for the length of this run. It ends
  # every response after Spring's asynchronous request timeout (30 s here), which a restore of several GB outlasts;
  # S3 itself has no such limit, so the benchmark lifts it.
  java -Xmx512m -jar "$s3mock" --server.address=127.0.0.1 --server.port="$(bench_free_port)" \
    --spring.mvc.async.request-timeout=-1 \
    --com.adobe.testing.s3mock.httpPort="$s3_port" --com.adobe.testing.s3mock.store.root="$work/s3" \
    --com.adobe.testing.s3mock.store.initialBuckets=scale >"$work/s3mock.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 120); do curl -sf "http://127.0.0.1:$s3_port/" >/dev/null && break; sleep 1; done
  export AWS_ACCESS_KEY_ID=scale AWS_SECRET_ACCESS_KEY=scale-secret AWS_REGION=us-east-1
fi
if [[ " $targets " == *" sftp "* ]]; then
  mkdir -p /run/sshd "$work/ssh" "$work/sftp"
  ssh-keygen -q -t ed25519 -N '' -f "$work/ssh/host_key"; ssh-keygen -q -t ed25519 -N '' -f "$work/ssh/client_key"
  cp "$work/ssh/client_key.pub" "$work/ssh/authorized_keys"
  sftp_port="$(bench_free_port)"
  cat >"$work/ssh/sshd_config" <<CONF
Port $sftp_port
ListenAddress 127.0.0.1
HostKey $work/ssh/host_key
PidFile $work/ssh/sshd.pid
AuthorizedKeysFile $work/ssh/authorized_keys
StrictModes no
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
AllowUsers $(id -un)
Subsystem sftp internal-sftp
ForceCommand internal-sftp
CONF
  /usr/sbin/sshd -f "$work/ssh/sshd_config" -E "$work/ssh/sshd.log"
  for _ in $(seq 50); do [[ -f "$work/ssh/sshd.pid" ]] && break; sleep 0.1; done
  pids+=("$(cat "$work/ssh/sshd.pid")")
  echo "[127.0.0.1]:$sftp_port $(cut -d' ' -f1,2 "$work/ssh/host_key.pub")" >"$work/ssh/known_hosts"
fi
target_uri() { # TARGET SIZE
  case "$1" in
    local) echo "$work/backups-$2" ;;
    s3) echo "s3://scale/size-$2?endpoint=http://127.0.0.1:$s3_port&pathStyle=true&region=us-east-1" ;;
    sftp) echo "sftp://$(id -un)@127.0.0.1:$sftp_port$work/sftp/size-$2?identity=$work/ssh/client_key&knownHosts=$work/ssh/known_hosts" ;;
  esac
}

# --- PostgreSQL ------------------------------------------------------------------------------------------
generate_pg() { # SIZE_GB: three large tables share the size; 200 small tables of 1,000 rows
  local rows
  rows="$(awk -v g="$1" 'BEGIN { printf "%d", g * 7500000 / 3 }')"
  "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS scale" -c "CREATE DATABASE scale"
  for t in orders events invoices; do
    "${psql[@]}" -d scale -c "CREATE TABLE $t (id bigint PRIMARY KEY, customer text, note text,
        amount numeric(12,2), created timestamptz)" -c "INSERT INTO $t SELECT i, md5(random()::text),
        md5(random()::text) || md5(random()::text), round((random() * 100000)::numeric, 2),
        now() - random() * interval '900 days' FROM generate_series(1, $rows) AS i"
  done
  "${psql[@]}" -d scale <<'SQL'
DO $$ BEGIN
  FOR t IN 1..200 LOOP
    EXECUTE format('CREATE TABLE small_%s AS SELECT i AS id, md5(i::text) AS label FROM generate_series(1, 1000) AS i', t);
  END LOOP;
END $$;
VACUUM ANALYZE;
SQL
}
fresh_pg() { "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"; }
source_pg=(--db "$pg_url/scale" --user postgres --password-env SCALE_PW --plan scale)

done_sizes=()
for size in "${sizes[@]}"; do
  [[ "$size" != 0 ]] || continue # 0: no PostgreSQL run (SCALE_MARIADB_GB=4 bench/scale.sh 0 runs MariaDB alone)
  # The database with its indexes (~1.4x the dump), one restored copy at a time (~1.4x), the bare dump and one
  # target's backup (~0.5x each), and the directory format's staged dump (1x).
  need_kib="$(awk -v g="$size" 'BEGIN { printf "%d", g * 5.5 * 1048576 }')"
  free_kib="$(df -k --output=avail "$work" | tail -1)"
  if (( need_kib > free_kib )); then
    echo "scale: skipping ${size} GB: about $((need_kib / 1048576)) GiB of disk needed, $((free_kib / 1048576)) GiB free" >&2
    continue
  fi
  echo "scale: generating about ${size} GB for PostgreSQL..." >&2
  generate_pg "$size"
  dump_bytes="$("$pgbin/pg_dump" -Fc -Z0 -d scale | wc -c)"
  echo "$size dump_bytes $dump_bytes" >>"$work/sizes"
  measure "$size" bare_backup bash -c "'$pgbin/pg_dump' -Fc -Z0 -d scale | zstd -q -f -3 -T0 -o '$work/bare.dump.zst'"
  fresh_pg restored_bare
  measure "$size" bare_restore bash -c "zstd -q -d -c '$work/bare.dump.zst' | '$pgbin/pg_restore' -d restored_bare"
  # Each restored copy and each target's backup goes as soon as it is measured: at 10 GB they would fill the disk.
  "${psql[@]}" -d postgres -c "DROP DATABASE restored_bare"
  rm -f "$work/bare.dump.zst"
  for target in $targets; do
    uri="$(target_uri "$target" "$size")"
    measure "$size" "planb_backup_$target" "${planb[@]}" backup "${source_pg[@]}" --to "$uri"
    fresh_pg restored_planb
    measure "$size" "planb_restore_$target" "${planb[@]}" restore --from "$uri" --plan scale \
      --to-db "$pg_url/restored_planb" --user postgres --password-env SCALE_PW
    grep -q "Row counts match" "$work/out" || { echo "scale: restore from $target: row counts differ" >&2; exit 1; }
    "${psql[@]}" -d postgres -c "DROP DATABASE restored_planb"
    rm -rf "$work/backups-$size" "$work/sftp/size-$size" "$work/s3"/*/size-"$size"* 2>/dev/null || true
  done
  # The directory format and parallel restores stage the dump on disk: how much, by size.
  measure "$size" planb_backup_local_directory_jobs2 "${planb[@]}" backup "${source_pg[@]}" --format directory --jobs 2 \
    --to "$work/backups-dir-$size"
  fresh_pg restored_planb
  measure "$size" planb_restore_local_directory_jobs2 "${planb[@]}" restore --from "$work/backups-dir-$size" --plan scale \
    --to-db "$pg_url/restored_planb" --user postgres --password-env SCALE_PW --jobs 2
  grep -q "Row counts match" "$work/out" || { echo "scale: parallel restore: row counts differ" >&2; exit 1; }
  rm -rf "$work/backups-dir-$size" 2>/dev/null || true
  "${psql[@]}" -d postgres -c "DROP DATABASE restored_planb" -c "DROP DATABASE scale"
  done_sizes+=("$size")
done
bench_pg_stop "$work/pg/data"

# --- MariaDB ---------------------------------------------------------------------------------------------
if [[ "$mariadb_gb" != 0 ]] && command -v mariadbd >/dev/null; then
  maria_port="$(bench_free_port)"
  bench_mariadb_start "$work/maria" "$maria_port" --innodb-buffer-pool-size=1G --innodb-flush-log-at-trx-commit=0 \
    --innodb-log-file-size=1G
  pids+=("$BENCH_MARIADB_PID")
  maria=(mariadb --no-defaults --socket="$work/maria/sock" -uroot)
  "${maria[@]}" -e "CREATE USER 'scale'@'127.0.0.1' IDENTIFIED BY '$password'; GRANT ALL ON *.* TO 'scale'@'127.0.0.1';
    CREATE DATABASE scale"
  rows="$(awk -v g="$mariadb_gb" 'BEGIN { printf "%d", g * 7500000 / 3 }')"
  echo "scale: generating about ${mariadb_gb} GB for MariaDB..." >&2
  for t in orders events invoices; do
    "${maria[@]}" scale -e "CREATE TABLE $t (id bigint PRIMARY KEY, customer text, note text, amount decimal(12,2),
        created datetime); INSERT INTO $t SELECT seq, md5(rand()), concat(md5(rand()), md5(rand())),
        round(rand() * 100000, 2), now() - interval floor(rand() * 900 * 86400) second FROM seq_1_to_$rows"
  done
  for t in $(seq 200); do echo "CREATE TABLE small_$t AS SELECT seq AS id, md5(seq) AS label FROM seq_1_to_1000;"; done \
    | "${maria[@]}" scale
  m_size="mariadb-$mariadb_gb"
  # The bare tools read the password from an option file (mode 0600), never from their arguments.
  (umask 077; printf '[client]\nuser=scale\npassword=%s\nhost=127.0.0.1\nport=%s\n' "$password" "$maria_port" \
    >"$work/maria/client.cnf")
  m_args=(--defaults-file="$work/maria/client.cnf")
  measure "$m_size" bare_backup bash -c "mariadb-dump ${m_args[*]} --single-transaction --routines --triggers --events scale \
    | zstd -q -f -3 -T0 -o '$work/bare.sql.zst'"
  "${maria[@]}" -e "DROP DATABASE IF EXISTS restored_bare; CREATE DATABASE restored_bare"
  measure "$m_size" bare_restore bash -c "zstd -q -d -c '$work/bare.sql.zst' | mariadb ${m_args[*]} restored_bare"
  maria_url="jdbc:mariadb://127.0.0.1:$maria_port"
  measure "$m_size" planb_backup_local "${planb[@]}" backup --db "$maria_url/scale" --user scale --password-env SCALE_PW \
    --plan scale --to "$work/backups-$m_size"
  "${maria[@]}" -e "DROP DATABASE IF EXISTS restored_planb; CREATE DATABASE restored_planb"
  measure "$m_size" planb_restore_local "${planb[@]}" restore --from "$work/backups-$m_size" --plan scale \
    --to-db "$maria_url/restored_planb" --user scale --password-env SCALE_PW
  grep -q "Row counts match" "$work/out" || { echo "scale: MariaDB restore: row counts differ" >&2; exit 1; }
  echo "$m_size dump_bytes $(zstd -q -d -c "$work/bare.sql.zst" | wc -c)" >>"$work/sizes"
fi

# --- report ----------------------------------------------------------------------------------------------
value() { awk -v s="$1" -v l="$2" -v n="$3" '$1 == s && $2 == l { print $(n + 2) }' "$results"; }
labels() { awk -v s="$1" '$1 == s { print $2 }' "$results"; }
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), PostgreSQL $("$pgbin/pg_dump" --version | awk '{print $3}'), $(java -version 2>&1 | head -1); load average at end $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Command: \`${SCALE_JAVA_OPTS:+SCALE_JAVA_OPTS=\"$SCALE_JAVA_OPTS\" }SCALE_TARGETS=\"$targets\" SCALE_MARIADB_GB=$mariadb_gb bench/scale.sh ${sizes[*]}\` (one run per configuration)"
echo
echo "| size | run | wall s | CPU s | peak RSS MiB | peak temporary disk MiB |"
echo "|---|---|---:|---:|---:|---:|"
for size in $(awk '{ print $1 }' "$results" | uniq); do
  dump="$(awk -v s="$size" '$1 == s { printf "%.2f GB dump", $3 / 1e9 }' "$work/sizes")"
  for label in $(labels "$size"); do
    echo "| $size ($dump) | $label | $(value "$size" "$label" 1) | $(value "$size" "$label" 2) | $(value "$size" "$label" 3) | $(value "$size" "$label" 4) |"
  done
done
if (( ${#done_sizes[@]} >= 2 )); then
  small="${done_sizes[0]}" large="${done_sizes[-1]}"
  echo
  echo "Ratio ${large} GB / ${small} GB (data $(awk -v a="$large" -v b="$small" 'BEGIN { printf "%.1f", a / b }')x):"
  echo
  echo "| run | wall | CPU | peak RSS |"
  echo "|---|---:|---:|---:|"
  for label in $(labels "$small"); do
    echo "| $label | $(awk -v a="$(value "$large" "$label" 1)" -v b="$(value "$small" "$label" 1)" 'BEGIN { printf "%.2fx", a / b }') | $(awk -v a="$(value "$large" "$label" 2)" -v b="$(value "$small" "$label" 2)" 'BEGIN { printf "%.2fx", a / b }') | $(awk -v a="$(value "$large" "$label" 3)" -v b="$(value "$small" "$label" 3)" 'BEGIN { printf "%.2fx", a / b }') |"
  done
fi
