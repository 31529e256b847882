#!/usr/bin/env bash
# Re-creates Soma's Brian2 reference statistics (src/test/resources/brian2/): runs every
# workload for its seeds with Brian2's C++ standalone device, one process per run, writes one
# JSON per run under target/brian2/runs/, then summarises them into the CSV files.
#
#   scripts/brian2/refs.sh                 # everything (about an hour on 2 busy cores)
#   BRIAN2_REFS="izhikevich stdp_song" scripts/brian2/refs.sh
#
# Environment: BRIAN2_PYTHON (a python3 that imports brian2; default: Debian's, then python3),
# BRIAN2_REFS (workloads: brunel izhikevich stdp_song adex_net cuba cobahh),
# BRIAN2_SEEDS (override every workload's seed list, e.g. "1 2").
set -euo pipefail
cd "$(dirname "$0")/../.."
here=scripts/brian2
py=$("$here/python.sh")
runs=target/brian2/runs
mkdir -p "$runs"

seeds_for() {
  if [ -n "${BRIAN2_SEEDS:-}" ]; then echo "$BRIAN2_SEEDS"; return; fi
  case "$1" in
    izhikevich) echo "1 2 3 4 5 6 7 8 9 10" ;;
    stdp_song) echo "1 2 3 4 5" ;;
    *) echo "1 2 3 4 5" ;;
  esac
}

one() {  # one <out.json> <script> <args...>
  local out=$1; shift
  echo "# $(date +%H:%M:%S) $* (load $(uptime | sed 's/.*load average: //'))"
  "$py" "$@" --out "$out" > /dev/null
}

for w in ${BRIAN2_REFS:-brunel izhikevich stdp_song adex_net cuba cobahh}; do
  for s in $(seeds_for "$w"); do
    if [ "$w" = brunel ]; then
      for state in SR AI SI-fast SI-slow; do
        one "$runs/brunel-$state-$s.json" "$here/brunel.py" --state "$state" --seed "$s"
      done
    else
      one "$runs/$w-$s.json" "$here/$w.py" --seed "$s"
    fi
  done
done
"$py" "$here/summarize.py" "$runs" src/test/resources/brian2
