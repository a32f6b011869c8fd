#!/usr/bin/env bash
# Upload throughput and peak memory of PlanB's Azure Blob and FTP destinations against the plain tools in the same
# run: the Azure SDK's own BlobClient.uploadFromFile (azcopy is not available here) to Azurite, and curl -T to vsftpd,
# both on loopback. Usage (as root, for vsftpd's throwaway account): [BENCH_RUNS=3] [BENCH_HEAP=256m] bench/storage.sh [SIZE_MB]
# (default 1024; needs azurite-blob (npm install -g azurite@3.37.0), vsftpd and curl; builds ./planb on first use).
# Each configuration runs BENCH_RUNS times (default and minimum 3), interleaved round by round; the Java uploads run
# with -Xmx$BENCH_HEAP, and the table gives median seconds, MiB/s, peak heap (Java) and peak RSS (every tool).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/stats.sh
. bench/services.sh
size_mb=${1:-1024}
runs="$(bench_runs)"
heap=${BENCH_HEAP:-256m}
for tool in azurite-blob /usr/sbin/vsftpd curl /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool (Debian: apt-get install -y vsftpd curl time; Azurite: npm install -g azurite@3.37.0)" >&2; exit 1; }
done
[[ $(id -u) == 0 ]] || { echo "bench: run as root: vsftpd logs in a throwaway system account" >&2; exit 1; }
./planb --version >/dev/null
jar=$PWD/cli/target/planb.jar

work=$(mktemp -d /tmp/planb-bench-storage.XXXXXX)
chmod 755 "$work"
user="planbbench$$"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  userdel "$user" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
wait_port() { for _ in $(seq 300); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return; sleep 0.1; done; echo "bench: nothing listens on $1" >&2; exit 1; }

head -c "$((size_mb * 1048576))" /dev/urandom >"$work/data.bin"
bytes=$(stat -c %s "$work/data.bin")

# Azurite, the development account (its key is published in Azurite's documentation)
azure_port=$(bench_free_port)
azurite-blob --blobHost 127.0.0.1 --blobPort "$azure_port" --location "$work/azurite" --silent --skipApiVersionCheck \
  --loose >"$work/azurite.log" 2>&1 &
pids+=($!)
wait_port "$azure_port"
endpoint="http://127.0.0.1:$azure_port/devstoreaccount1"
export AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=$endpoint;"

# vsftpd with a throwaway account, passive mode on loopback
mkdir -p "$work/ftp" /var/run/vsftpd/empty
useradd --no-create-home --home-dir "$work/ftp" --shell /bin/sh "$user"
password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
echo "$user:$password" | chpasswd
chown "$user" "$work/ftp"
ftp_port=$(bench_free_port)
cat >"$work/vsftpd.conf" <<CONF
listen=YES
listen_address=127.0.0.1
listen_port=$ftp_port
anonymous_enable=NO
local_enable=YES
write_enable=YES
pasv_enable=YES
pasv_address=127.0.0.1
seccomp_sandbox=NO
background=NO
secure_chroot_dir=/var/run/vsftpd/empty
pam_service_name=vsftpd
CONF
/usr/sbin/vsftpd "$work/vsftpd.conf" &
pids+=($!)
wait_port "$ftp_port"
export PLANB_FTP_PASSWORD=$password
printf 'machine 127.0.0.1 login %s password %s\n' "$user" "$password" >"$work/netrc"
chmod 600 "$work/netrc"

results=$work/results
: >"$results"
# measure LABEL COMMAND...: records elapsed seconds (the tool's own for Java, else wall), peak heap MiB (Java, else 0)
# and peak RSS MiB.
measure() {
  local label=$1; shift
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >"$work/out" 2>>"$work/stderr.log" \
    || { echo "bench: failed: $* (see below)" >&2; tail -5 "$work/stderr.log" >&2; exit 1; }
  bench_record "$results" "$label" $(cat "$work/out") "$(awk '{ printf "%.1f", $1 / 1024 }' "$work/rss")"
}
# compiled once, so neither javac's time nor its heap counts
javac -d "$work/classes" -cp "$jar" bench/StorageUpload.java
java_upload=(java -Xmx"$heap" -cp "$jar:$work/classes" StorageUpload)
# curl's own transfer time, then the file removed (not timed); curl's paths are relative to the account's home, $work/ftp
cat >"$work/curl-upload.sh" <<SCRIPT
name=curl-\$RANDOM.bin
curl -sS --netrc-file "$work/netrc" -T "$work/data.bin" -w '%{time_total} 0' "ftp://127.0.0.1:$ftp_port/\$name"
curl -sS --netrc-file "$work/netrc" -Q "DELE \$name" "ftp://127.0.0.1:$ftp_port/" -o /dev/null
SCRIPT

bench_load_start
"${java_upload[@]}" azure-sdk bench "$work/data.bin" >/dev/null 2>>"$work/stderr.log" # warm-up; creates the container
for round in $(seq "$runs"); do
  echo "bench: round $round of $runs" >&2
  measure azure_sdk "${java_upload[@]}" azure-sdk bench "$work/data.bin"
  measure azure_planb "${java_upload[@]}" planb "azblob://devstoreaccount1/bench?endpoint=$endpoint" "$work/data.bin"
  measure ftp_curl bash "$work/curl-upload.sh"
  measure ftp_planb "${java_upload[@]}" planb "ftp://$user@127.0.0.1:$ftp_port$work/ftp" "$work/data.bin"
done

med() { bench_median "$results" "$1" "$2"; }
rate() { awk -v b="$bytes" -v s="$1" 'BEGIN { printf "%.0f", b / 1048576 / s }'; }
row() {
  printf '| %-58s | %7.1f s | %s | %5s MiB/s | %7s | %7s MiB |\n' "$1" "$(med "$2" 1)" "$(bench_spread "$results" "$2" 1)" \
    "$(rate "$(med "$2" 1)")" "$3" "$(med "$2" 3)"
}
heap_of() { printf '%s MiB' "$(med "$1" 2)"; }

echo "Upload: $((bytes / 1048576)) MiB of random bytes from a local file; machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1); Java uploads with -Xmx$heap"
echo "Command: \`BENCH_RUNS=$runs bench/storage.sh $size_mb\` ($runs interleaved runs per configuration; medians; Azurite $(azurite-blob --version 2>/dev/null | head -1), vsftpd, curl $(curl --version | head -1 | cut -d' ' -f2), loopback)"
bench_load_line
echo
echo "| upload | median time | spread (min–max) | throughput | peak heap | peak RSS |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
row "Azure SDK BlobClient.uploadFromFile → Azurite" azure_sdk "$(heap_of azure_sdk)"
row "PlanB AzureBlobDestination (4 MiB staged blocks) → Azurite" azure_planb "$(heap_of azure_planb)"
row "curl -T → vsftpd" ftp_curl "n/a"
row "PlanB FtpDestination (temporary name, rename) → vsftpd" ftp_planb "$(heap_of ftp_planb)"
echo
echo "PlanB vs the plain tool (ratio of median times): Azure $(bench_ratio "$(med azure_planb 1)" "$(med azure_sdk 1)"), FTP $(bench_ratio "$(med ftp_planb 1)" "$(med ftp_curl 1)")."
