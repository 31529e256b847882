#!/usr/bin/env bash
# Brian2 C++ standalone timings of the network workloads, one line each, to put beside Soma's
# `make bench` lines (run both in one session: the machine's speed moves).
#
#   scripts/brian2/bench.sh
#   workload=brunel state=AI brian2=cpp_standalone threads=1 sim_s=… whole_s=… binary_s=… maxrss_mb=… spikes=… rate_hz=…
#
# For each workload: one warm-up process (it compiles the standalone project if its code changed;
# the project directory target/brian2/bench/<workload> stays, so the build cache is warm), then
# BRIAN2_BENCH_RUNS processes, seed 1, each timed from start to exit. Medians of those runs:
#   sim_s     Brian2's own time of the run loop (Network::run in the generated C++, measured with
#             std::clock, i.e. CPU time of the process; one thread, no OpenMP);
#   whole_s   wall time of the whole process: Python start, Brian2 import, code generation,
#             `make` with nothing to rebuild, the binary (network construction, run, writing
#             results), reading the spikes back, printing;
#   binary_s  wall time of the generated binary alone (./main in the project directory): network
#             construction + run + writing results;
#   maxrss_mb maximum resident set size of the binary alone.
#
# Environment: BRIAN2_BENCH_RUNS (3), BRIAN2_BENCH_WORKLOADS ("brunel izhikevich adex_net cuba"),
# BRIAN2_PYTHON.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=scripts/brian2
py=$("$here/python.sh")
runs=${BRIAN2_BENCH_RUNS:-3}
workloads=${BRIAN2_BENCH_WORKLOADS:-brunel izhikevich adex_net cuba}
base=target/brian2/bench
mkdir -p "$base"

median() {
  sort -g | awk '{a[NR] = $1} END {if (NR % 2) printf "%.4f\n", a[(NR + 1) / 2]; else printf "%.4f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}
field() {  # field <name> <line>
  echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"
}

echo "# brian2 bench: $(nproc) cores, load $(uptime | sed 's/.*load average: //'), Brian2 $("$py" -c 'import brian2; print(brian2.__version__)' 2>/dev/null), $(g++ --version | head -n 1)"
echo "# medians of $runs runs after one warm-up run, seed 1, one thread"
for w in $workloads; do
  args=(--seed 1 --bench --build-dir "$base/$w")
  label="workload=$w"
  if [ "$w" = brunel ]; then
    args+=(--state AI)
    label="$label state=AI"
  fi
  "$py" "$here/$w.py" "${args[@]}" > /dev/null 2>&1
  sims=() wholes=() line=""
  for _ in $(seq "$runs"); do
    t0=$(date +%s.%N)
    line=$("$py" "$here/$w.py" "${args[@]}" 2>/dev/null | grep '^workload=')
    t1=$(date +%s.%N)
    sims+=("$(field sim_s "$line")")
    wholes+=("$(echo "$t0 $t1" | awk '{printf "%.4f\n", $2 - $1}')")
  done
  bins=() rss=()
  for _ in $(seq "$runs"); do
    out=$(cd "$base/$w" && { /usr/bin/time -f '%e %M' ./main > /dev/null; } 2>&1 | tail -n 1)
    bins+=("$(echo "$out" | awk '{print $1}')")
    rss+=("$(echo "$out" | awk '{printf "%.0f\n", $2 / 1024}')")
  done
  sim=$(printf '%s\n' "${sims[@]}" | median)
  whole=$(printf '%s\n' "${wholes[@]}" | median)
  bin=$(printf '%s\n' "${bins[@]}" | median)
  mem=$(printf '%s\n' "${rss[@]}" | sort -g | tail -n 1)
  echo "$label brian2=cpp_standalone threads=1 sim_s=$sim whole_s=$whole binary_s=$bin maxrss_mb=$mem spikes=$(field spikes "$line") rate_hz=$(field rate_hz "$line")"
  echo "#   sim_s runs: ${sims[*]}; whole_s runs: ${wholes[*]}; binary_s runs: ${bins[*]}"
done
echo "# load at the end: $(uptime | sed 's/.*load average: //')"
