#!/usr/bin/env bash
# Soma's benchmark command (`make bench` builds first, then runs this).
#
# For each workload (hh1, cuba, cobahh), method and thread count it prints one line:
#   workload=cuba threads=1 sim_s=… whole_s=… spikes=… rate_hz=…
#   workload=hh1 method=rk4 threads=1 sim_s=… whole_s=… spikes=…
# sim_s:   median simulation-loop time of SOMA_BENCH_RUNS runs after warm-up, in one JVM.
# whole_s: median wall time of SOMA_BENCH_RUNS cold JVMs that each start, build the network or
#          neuron, run it once and print (java -cp target/soma-*-all.jar dev.soma.bench.Bench --cold).
# Every JVM runs with a 256 MB heap, so a run that recorded every spike of 4000 neurons within
# 256 MB is part of every line.
#
# Environment: SOMA_BENCH_RUNS (5), SOMA_BENCH_WARMUP (2), SOMA_BENCH_WORKLOADS ("hh1 cuba cobahh"),
# SOMA_BENCH_THREADS ("1 2"), SOMA_BENCH_JAVA_OPTS ("-Xmx256m -XX:+UseSerialGC"),
# SOMA_BENCH_BRIAN2=1 (then also Brian2's C++ standalone timings, scripts/brian2/bench.sh, in the
# same session; needs python3-brian and g++).
set -euo pipefail
cd "$(dirname "$0")/.."

jar=$(ls target/soma-*-all.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ]; then
  echo "bench: target/soma-*-all.jar is missing; run 'make build' (or 'make bench') first" >&2
  exit 1
fi
runs=${SOMA_BENCH_RUNS:-5}
warmup=${SOMA_BENCH_WARMUP:-2}
workloads=${SOMA_BENCH_WORKLOADS:-hh1 cuba cobahh}
threads=${SOMA_BENCH_THREADS:-1 2}
read -r -a jopts <<< "${SOMA_BENCH_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}"
java_cmd=(java "${jopts[@]}" -cp "$jar" dev.soma.bench.Bench)

median() {
  sort -g | awk '{a[NR] = $1} END {if (NR % 2) printf "%.3f\n", a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

# whole_s of one configuration: the median wall time of cold processes.
whole() {
  local t0 t1
  for _ in $(seq "$runs"); do
    t0=$(date +%s.%N)
    "${java_cmd[@]}" --cold "$@" > /dev/null
    t1=$(date +%s.%N)
    echo "$t0 $t1" | awk '{printf "%.4f\n", $2 - $1}'
  done | median
}

echo "# soma bench: $(nproc) cores, load $(uptime | sed 's/.*load average: //'), $(java -version 2>&1 | head -n 1)"
echo "# medians of $runs runs; sim_s after $warmup warm-up runs in one JVM, whole_s over cold JVMs (${jopts[*]})"
for w in $workloads; do
  if [ "$w" = hh1 ]; then
    for m in rk4 exponential_euler; do
      line=$("${java_cmd[@]}" --workload hh1 --method "$m" --runs "$runs" --warmup "$warmup" | grep '^workload=' || true)
      if [ -z "$line" ]; then
        echo "# hh1 $m: not available in this build"
        continue
      fi
      ws=$(whole --workload hh1 --method "$m")
      echo "${line/ spikes=/ whole_s=$ws spikes=}"
    done
  else
    tlist=$(echo "$threads" | tr ' ' ',')
    out=$("${java_cmd[@]}" --workload "$w" --threads "$tlist" --runs "$runs" --warmup "$warmup")
    while IFS= read -r line; do
      case "$line" in
        workload=*)
          t=$(echo "$line" | sed -E 's/.* threads=([0-9]+) .*/\1/')
          ws=$(whole --workload "$w" --threads "$t")
          echo "${line/ spikes=/ whole_s=$ws spikes=}"
          ;;
        *) echo "$line" ;;
      esac
    done <<< "$out"
  fi
done
if [ "${SOMA_BENCH_BRIAN2:-0}" = 1 ]; then
  scripts/brian2/bench.sh
fi
