#!/usr/bin/env bash
# The CPU cost of each stage of PlanB's backup pipeline (row counting, SHA-256, zstd, fan-out) and of the
# restore's (SHA-256, zstd -d), measured one at a time on the same dump in one JVM (bench/Stages.java).
#
#   bench/stages.sh DUMP [RUNS]     DUMP: a pg_dump -Fc -Z0 archive (e.g. pg_dump -Fc -Z0 -d bench -f bench.dump)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dump="${1:?usage: bench/stages.sh DUMP [RUNS]}"
runs="${2:-3}"
"$root/planb" --version >/dev/null
zstd -q -f -3 -T0 "$dump" -o "$dump.zst"
echo "Load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$root/cli/target/planb.jar" "$root/bench/Stages.java" "$dump" "$dump.zst" "$runs" 2>/dev/null
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
