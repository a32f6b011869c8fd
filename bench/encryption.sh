#!/usr/bin/env bash
# Throughput of PlanB backups and restores with and without OpenPGP encryption, against the plain
# tools doing the same work (sqlite3 .backup | zstd | gpg --encrypt, and back) in the same run.
# Usage: bench/encryption.sh [SIZE_MB]   (default 1024; needs sqlite3, zstd, gpg; builds ./planb on first use)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
size_mb=${1:-1024}
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
# "WALL CPU": elapsed seconds, and user + system CPU seconds of the command and its children.
measure() {
  local TIMEFORMAT='%R %U %S' result
  result=$( { time { "$@" >/dev/null 2>&1 || echo FAILED; }; } 2>&1 )
  [[ $result != *FAILED* ]] || { echo "bench: failed: $*" >&2; exit 1; }
  set -- $result
  echo "$1 $(calc "$2 + $3")"
}
rate() { calc "$bytes / 1048576 / $1"; }
row() {
  set -- "$1" $2
  printf '| %-56s | %6.1f s | %6.1f s | %7s MiB/s |\n' "$1" "$2" "$3" "$(rate "$3")"
}
cpu() { set -- $1; echo "$2"; }

planb_backup() { ./planb backup --db "jdbc:sqlite:$work/db.sqlite" --to "$work/$1" --plan bench "${@:2}"; }
plain_backup() { sqlite3 "$work/db.sqlite" ".backup $work/snap.sqlite" && zstd -q -3 -T0 --stdout "$work/snap.sqlite" "$@"; rm -f "$work/snap.sqlite"; }

t_none=$(measure planb_backup none)
t_key=$(measure planb_backup key --encrypt-to "$work/keys/planb-backup-public.asc")
t_pass=$(measure planb_backup pass --passphrase-env BENCH_PASSPHRASE)
t_plain=$(measure bash -c "$(declare -f plain_backup); work=$work; plain_backup > $work/plain.zst")
t_plain_gpg=$(measure bash -c "$(declare -f plain_backup); work=$work; plain_backup | gpg --batch --trust-model always --compress-algo none -r $fpr --encrypt > $work/plain.zst.gpg")

t_restore_none=$(measure ./planb restore --from "$work/none" --to-db "jdbc:sqlite:$work/r1.sqlite")
t_restore_key=$(measure ./planb restore --from "$work/key" --to-db "jdbc:sqlite:$work/r2.sqlite" --decrypt-with "$work/keys/planb-backup-secret.asc")
t_restore_plain=$(measure bash -c "gpg --batch -q --decrypt $work/plain.zst.gpg | zstd -q -d > $work/r3.sqlite")

echo "Database: $((bytes / 1048576)) MiB SQLite; machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $(gpg --version | head -1)"
echo
echo "| run | wall | CPU (user+sys) | database MiB per CPU second |"
echo "| --- | ---: | ---: | ---: |"
row "planb backup (zstd, no encryption)" "$t_none"
row "planb backup --encrypt-to KEY (zstd + AES-256)" "$t_key"
row "planb backup --passphrase-env VAR (zstd + AES-256)" "$t_pass"
row "plain: sqlite3 .backup + zstd -3 -T0" "$t_plain"
row "plain: sqlite3 .backup + zstd -3 -T0 + gpg --encrypt" "$t_plain_gpg"
row "planb restore (no encryption)" "$t_restore_none"
row "planb restore --decrypt-with KEY" "$t_restore_key"
row "plain: gpg --decrypt + zstd -d" "$t_restore_plain"
echo
echo "CPU cost of encryption in PlanB: backup $(calc "$(cpu "$t_key") / $(cpu "$t_none")")x the unencrypted run," \
  "restore $(calc "$(cpu "$t_restore_key") / $(cpu "$t_restore_none")")x;" \
  "PlanB encrypted backup vs plain sqlite3+zstd+gpg: $(calc "$(cpu "$t_key") / $(cpu "$t_plain_gpg")")x the CPU," \
  "encrypted restore vs gpg+zstd: $(calc "$(cpu "$t_restore_key") / $(cpu "$t_restore_plain")")x."
