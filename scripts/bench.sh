#!/usr/bin/env bash
# Soma's benchmark command (`make bench` builds first, then runs this).
#
# For each workload (hh1, cuba, cobahh, brunel, izhikevich, adex-net, stdp-song), method and thread count it prints one line:
#   workload=cuba threads=1 sim_s=… whole_s=… spikes=… rate_hz=…
#   workload=hh1 method=rk4 threads=1 sim_s=… whole_s=… spikes=…
# sim_s:   median simulation-loop time of SOMA_BENCH_RUNS runs after warm-up, in one JVM.
# whole_s: median wall time of SOMA_BENCH_RUNS cold JVMs that each start, build the network or
#          neuron, run it once and print (java -cp target/soma-*-all.jar dev.soma.bench.Bench --cold).
# Every JVM runs with a 256 MB heap, so a run that recorded every spike of 4000 neurons within
# 256 MB is part of every line.
#
# The sweep workload (1000 Hodgkin–Huxley points of about 50 ms each, dev.soma.bench.SweepBench) prints
#   workload=sweep runner=threads points=1000 whole_s=… startup_s=… sweep_s=… point_ms=…
# once for local threads and once for Spark local[2] (the all jar + soma-*-spark.jar + Spark from the
# local Maven repository, with Spark's Java options), then the per-task overhead of a Spark standalone
# cluster (a master and two workers started and stopped on this machine, from the test classes).
#
# Environment: SOMA_BENCH_RUNS (5), SOMA_BENCH_WARMUP (2), SOMA_BENCH_WORKLOADS ("hh1 cuba cobahh brunel izhikevich adex-net stdp-song sweep"),
# SOMA_BENCH_THREADS ("1 2"), SOMA_BENCH_JAVA_OPTS ("-Xmx256m -XX:+UseSerialGC"), SOMA_BENCH_SWEEP_POINTS
# (1000), SOMA_BENCH_CLUSTER_POINTS (0: the cluster line measures the task overhead only).
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
workloads=${SOMA_BENCH_WORKLOADS:-hh1 cuba cobahh brunel izhikevich adex-net stdp-song sweep}
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
# The sweep workload: local threads, Spark local[2], and the per-task overhead of a standalone cluster.
sweep_bench() {
  local points=${SOMA_BENCH_SWEEP_POINTS:-1000}
  local spark_jar cp opens
  spark_jar=$(ls target/soma-*-spark.jar 2>/dev/null | head -n 1 || true)
  # Spark and the test classes' class path, from the local Maven repository (offline).
  if [ ! -s target/bench-classpath.txt ] || [ pom.xml -nt target/bench-classpath.txt ]; then
    mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt \
      >/dev/null 2>&1 || rm -f target/bench-classpath.txt
  fi
  cp=$(cat target/bench-classpath.txt 2>/dev/null || true)
  read -r -a opens <<< "$(sed -n 's:.*<spark.javaOpens>\(.*\)</spark.javaOpens>.*:\1:p' pom.xml)"
  java -Xmx1g -XX:+UseSerialGC -cp "$jar" dev.soma.bench.SweepBench --runner threads --points "$points" \
    || echo "# sweep threads: failed"
  if [ -z "$spark_jar" ] || [ -z "$cp" ]; then
    echo "# sweep spark: Spark or target/soma-*-spark.jar is missing (mvn package; Spark in the local Maven repository)"
    return
  fi
  java -Xmx1g -XX:+UseSerialGC "${opens[@]}" -cp "$jar:$spark_jar:$cp" dev.soma.bench.SweepBench --runner spark \
    --master 'local[2]' --points "$points" 2>/dev/null || echo "# sweep spark: failed"
  java -Xmx1g -XX:+UseSerialGC "${opens[@]}" -cp "target/test-classes:target/classes:$cp" \
    dev.soma.analysis.spark.ClusterBench --points "${SOMA_BENCH_CLUSTER_POINTS:-0}" 2>/dev/null \
    || echo "# sweep spark-cluster: failed"
}

for w in $workloads; do
  if [ "$w" = sweep ]; then
    sweep_bench
  elif [ "$w" = hh1 ]; then
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
