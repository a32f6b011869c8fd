#!/usr/bin/env bash
# Throughput of PlanB backups and restores with and without OpenPGP encryption, against the plain
# tools doing the same work (sqlite3 .backup | zstd | gpg --encrypt, and back) in the same run.
# Usage: [BENCH_RUNS=3] bench/encryption.sh [SIZE_MB]   (default 1024; needs sqlite3, zstd, gpg; builds ./planb on first use)
# Each configuration runs BENCH_RUNS times (default and minimum 3), interleaved round by round;
# the table gives medians and the CPU spread, and no ratios when the load at start exceeds the cores.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/stats.sh
size_mb=${1:-1024}
runs="$(bench_runs)"
for tool in sqlite3 zstd gpg; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool (Debian: apt-get install -y ${tool/gpg/gnupg})" >&2; exit 1; }
done
./planb --version >/dev/null

work=$(mktemp -d /tmp/planb-bench-crypto.XXXXXX)
export GNUPGHOME=$work/gnupg
cleanup() { gpgconf --kill all 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
mkdir -m 700 "$GNUPGHOME"

# Same data as the 1 GB test: random bytes and their hex, so it compresses about 1.5x.
rows=$((size_mb * 1024 * 1024 / 1100))
sqlite3 "$work/db.sqlite" >/dev/null "PRAGMA journal_mode=OFF; CREATE TABLE events (id INTEGER PRIMARY KEY, payload BLOB, note TEXT);
  INSERT INTO events (payload, note) WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < $rows)
  SELECT randomblob(500), hex(randomblob(250)) FROM n;"
bytes=$(stat -c %s "$work/db.sqlite")
./planb keygen --out "$work/keys" --name bench >/dev/null
gpg --batch -q --import "$work/keys/planb-backup-secret.asc" 2>/dev/null
fpr=$(gpg --batch --with-colons --list-keys bench | awk -F: '/^fpr/ {print $10; exit}')
export BENCH_PASSPHRASE=bench-passphrase-not-secret

calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
results=$work/results
: >"$results"
# measure LABEL COMMAND...: records the elapsed seconds, user + system CPU seconds of the command and its children,
# and the user CPU seconds alone.
measure() {
  local label=$1 TIMEFORMAT='%R %U %S' result; shift
  result=$( { time { "$@" >/dev/null 2>&1 || echo FAILED; }; } 2>&1 )
  [[ $result != *FAILED* ]] || { echo "bench: failed: $*" >&2; exit 1; }
  set -- $result
  bench_record "$results" "$label" "$1" "$(calc "$2 + $3")" "$2"
}
wall() { bench_median "$results" "$1" 1; }
cpu() { bench_median "$results" "$1" 2; }
user() { bench_median "$results" "$1" 3; }
rate() { awk -v b="$bytes" -v c="$1" 'BEGIN { if (c > 0) printf "%.2f", b / 1048576 / c; else print "n/a" }'; }
row() {
  printf '| %-56s | %6.1f s | %6.1f s | %s | %6.1f s | %7s MiB/s |\n' "$1" "$(wall "$2")" "$(cpu "$2")" \
    "$(bench_spread "$results" "$2" 2)" "$(user "$2")" "$(rate "$(cpu "$2")")"
}
ratio() { bench_ratio "$(cpu "$1")" "$(cpu "$2")"; }

planb_backup() { ./planb backup --db "jdbc:sqlite:$work/db.sqlite" --to "$work/$1" --plan bench "${@:2}"; }
planb_restore() { ./planb restore --from "$work/$1" --to-db "jdbc:sqlite:$work/restored.sqlite" "${@:2}"; }
plain_restore() { gpg --batch -q --decrypt "$work/plain.zst.gpg" | zstd -q -d >"$work/restored.sqlite"; }
plain_backup() { sqlite3 "$work/db.sqlite" ".backup $work/snap.sqlite" && zstd -q -3 -T0 --stdout "$work/snap.sqlite" "$@"; rm -f "$work/snap.sqlite"; }

# The launcher's class data archives (one per subcommand) are written by an untimed first backup and restore, as
# the first runs on a machine write them, in a cache private to this run.
export XDG_CACHE_HOME="$work/cache"
planb_backup warm >/dev/null 2>&1
./planb restore --from "$work/warm" --to-db "jdbc:sqlite:$work/warm.sqlite" >/dev/null 2>&1
rm -rf "$work/warm" "$work/warm.sqlite"

bench_load_start
for round in $(seq "$runs"); do
  echo "bench: round $round of $runs" >&2
  rm -rf "$work/none" "$work/key" "$work/pass" "$work/restored.sqlite"
  measure plain bash -c "$(declare -f plain_backup); work=$work; plain_backup > $work/plain.zst"
  measure none planb_backup none
  measure plain_gpg bash -c "$(declare -f plain_backup); work=$work; plain_backup | gpg --batch --trust-model always --compress-algo none -r $fpr --encrypt > $work/plain.zst.gpg"
  measure key planb_backup key --encrypt-to "$work/keys/planb-backup-public.asc"
  measure pass planb_backup pass --passphrase-env BENCH_PASSPHRASE
  # Every restore writes the same file, the previous one deleted just before, so that each writes into memory the
  # kernel has just freed rather than the last one paying for memory the virtual machine has not touched lately
  # (see "system CPU" in BENCHMARKS.md); and the PlanB restores take turns at going first.
  restores=(restore_none restore_key)
  ((round % 2)) || restores=(restore_key restore_none)
  for label in restore_plain "${restores[@]}"; do
    rm -f "$work/restored.sqlite"
    case $label in
      restore_plain) measure restore_plain plain_restore ;;
      restore_none) measure restore_none planb_restore none ;;
      restore_key) measure restore_key planb_restore key --decrypt-with "$work/keys/planb-backup-secret.asc" ;;
    esac
  done
done

echo "Database: $((bytes / 1048576)) MiB SQLite; machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $(gpg --version | head -1)"
echo "Command: \`BENCH_RUNS=$runs bench/encryption.sh $size_mb\` ($runs interleaved runs per configuration; medians)"
bench_load_line
echo
echo "| run | median wall | median CPU (user+sys) | CPU spread (min–max) | median user CPU | database MiB per CPU second |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
row "planb backup (zstd, no encryption)" none
row "planb backup --encrypt-to KEY (zstd + AES-256)" key
row "planb backup --passphrase-env VAR (zstd + AES-256)" pass
row "plain: sqlite3 .backup + zstd -3 -T0" plain
row "plain: sqlite3 .backup + zstd -3 -T0 + gpg --encrypt" plain_gpg
row "planb restore (no encryption)" restore_none
row "planb restore --decrypt-with KEY" restore_key
row "plain: gpg --decrypt + zstd -d" restore_plain
echo
echo "CPU cost of encryption in PlanB (ratios of medians): backup $(ratio key none) the unencrypted run," \
  "restore $(ratio restore_key restore_none);" \
  "PlanB encrypted backup vs plain sqlite3+zstd+gpg: $(ratio key plain_gpg) the CPU," \
  "encrypted restore vs gpg+zstd: $(ratio restore_key restore_plain)."
echo "User CPU alone (without the kernel's share, which on a virtual machine varies with how recently the memory" \
  "written into was touched): backup $(bench_ratio "$(user key)" "$(user none)")," \
  "restore $(bench_ratio "$(user restore_key)" "$(user restore_none)")."
