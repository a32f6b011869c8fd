# Shared by the bench scripts (source it): repeated runs, medians, spread and the load gate.
#
#   bench_runs                 how many times each configuration runs (BENCH_RUNS, default and minimum 3)
#   bench_load_start           records the 1-minute load average and core count before the runs, after waiting up
#                              to 3 minutes for it to fall below the core count
#   bench_record FILE LABEL V… appends one run's values under LABEL
#   bench_measure FILE LABEL COMMAND…  runs COMMAND (after a sync) and appends under LABEL its wall seconds, peak RSS
#                              in MiB (the largest of it and its children, by GNU time), CPU seconds (user +
#                              system of it and its children) and the system CPU seconds alone
#   bench_median FILE LABEL N  median of the Nth value of LABEL's runs
#   bench_spread FILE LABEL N  "min–max (±P%)" of the Nth value, P = half the range over the median
#   bench_ratio A B            A / B, or "n/a" when the load at start exceeded the core count
#   bench_load_line            the Markdown line that states the load at start and end, and the gate

bench_runs() {
  local runs="${BENCH_RUNS:-3}"
  (( runs >= 3 )) || { echo "bench: BENCH_RUNS=$runs: at least 3 runs are needed for a median and a spread" >&2; exit 1; }
  echo "$runs"
}

bench_load_start() {
  BENCH_CORES="$(nproc)"
  # The script's own preparation (data, build, warm-up) raises the 1-minute average: give it up to 3 minutes to
  # settle, so that only other work on the machine trips the gate.
  local waited=0
  while awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v c="$BENCH_CORES" 'BEGIN { exit !(l > c) }' && ((waited < 180)); do
    sleep 10
    waited=$((waited + 10))
  done
  ((waited == 0)) || echo "bench: waited ${waited}s for the load average to settle" >&2
  BENCH_LOAD_START="$(cut -d' ' -f1 /proc/loadavg)"
  BENCH_LOADED="$(awk -v l="$BENCH_LOAD_START" -v c="$BENCH_CORES" 'BEGIN { print (l > c) ? 1 : 0 }')"
  if [[ "$BENCH_LOADED" == 1 ]]; then
    echo "bench: load average $BENCH_LOAD_START exceeds the $BENCH_CORES cores: raw numbers only, no ratios" >&2
  fi
}

bench_record() {
  local file="$1"; shift
  echo "$*" >>"$file"
}

bench_measure() {
  local file="$1" label="$2" seconds rss_kib user system cpu
  shift 2
  sync
  /usr/bin/time -f "%e %M %U %S" -o "$file.time" "$@" >&2
  read -r seconds rss_kib user system <"$file.time"
  cpu="$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')"
  bench_record "$file" "$label" "$seconds" "$((rss_kib / 1024))" "$cpu" "$system"
  echo "bench: $label: ${seconds}s, peak RSS $((rss_kib / 1024)) MiB, CPU ${cpu}s, load $(cut -d' ' -f1 /proc/loadavg)" >&2
}

bench_values() {
  awk -v k="$2" -v n="$3" '$1 == k { print $(n + 1) }' "$1" | sort -g
}

bench_median() {
  bench_values "$@" | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1;
    printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

bench_spread() {
  local median
  median="$(bench_median "$@")"
  bench_values "$@" | awk -v m="$median" 'NR == 1 { lo = $1 } { hi = $1 }
    END { p = (m > 0) ? (hi - lo) / 2 / m * 100 : 0; printf "%.2f–%.2f (±%.0f%%)", lo, hi, p }'
}

bench_ratio() {
  if [[ "$BENCH_LOADED" == 1 ]]; then
    echo "n/a"
  else
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f×", a / b }'
  fi
}

bench_load_line() {
  local end
  end="$(cut -d' ' -f1 /proc/loadavg)"
  if [[ "$BENCH_LOADED" == 1 ]]; then
    echo "Load average: $BENCH_LOAD_START at start, $end at end, on $BENCH_CORES cores. **LOADED MACHINE: the load at start exceeded the core count; raw numbers only, ratios refused.**"
  else
    echo "Load average: $BENCH_LOAD_START at start, $end at end, on $BENCH_CORES cores."
  fi
}
