#!/usr/bin/env bash
# What each jar of `mvn package` must hold, checked after package (Maven's integration-test phase):
#   soma-<v>.jar         the library alone: no dev.soma.kernel class but the renderer SPI;
#   soma-<v>-all.jar     the library with Tablesaw and XChart, no kernel class but the SPI;
#   soma-<v>-kernel.jar  the kernel, its libraries relocated under dev.soma.kernel.shaded;
#   soma-<v>-spark.jar   the Spark sweep runner alone (Spark comes from the user).
# Prints one line per jar; any missing or stray entry fails.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
entries() { unzip -Z1 "$1"; }
require() {  # jar, pattern, what
  local n
  n=$(entries "$1" | grep -cE "$2" || true)
  if [ "$n" = 0 ]; then echo "check-jars: $1 lacks $3 ($2)" >&2; fail=1; fi
}
forbid() {   # jar, pattern, what
  local hit
  hit=$(entries "$1" | grep -E "$2" || true)
  if [ -n "$hit" ]; then echo "check-jars: $1 holds $3: $(echo $hit | cut -c1-200)" >&2; fail=1; fi
}
plain=$(ls target/soma-*.jar | grep -vE -- '-(all|kernel|spark|sources|javadoc)\.jar$' | head -n 1)
all=$(ls target/soma-*-all.jar | head -n 1)
kernel=$(ls target/soma-*-kernel.jar | head -n 1)
spark=$(ls target/soma-*-spark.jar | head -n 1)
kernel_class='^dev/soma/kernel/[^/]+\.class$'
for jar in "$plain" "$all"; do
  require "$jar" '^dev/soma/Simulation\.class$' "the library"
  require "$jar" '^dev/soma/kernel/spi/MimeRenderer\.class$' "the renderer SPI"
  require "$jar" '^META-INF/services/dev\.soma\.kernel\.spi\.MimeRenderer$' "the renderer service file"
  forbid "$jar" "$kernel_class" "kernel classes"
  forbid "$jar" '^(io/github/spencerpark|org/eclipse/aether|org/zeromq|org/objectweb/asm)/' "kernel libraries"
  forbid "$jar" '^(dev/soma/analysis/spark/|META-INF/services/dev\.soma\.analysis\.SweepRunner)' "the Spark runner"
done
forbid "$plain" '^(tech/tablesaw|org/knowm|it/unimi)/' "shaded dependencies"
require "$all" '^tech/tablesaw/api/Table\.class$' "Tablesaw"
require "$all" '^tech/tablesaw/io/csv/CsvReader\.class$' "Tablesaw's CSV reader"
require "$all" '^com/ibm/icu/text/CharsetDetector\.class$' "ICU4J's charset detector"
require "$all" '^org/knowm/xchart/XYChart\.class$' "XChart"
require "$kernel" '^dev/soma/kernel/SomaKernel\.class$' "the kernel"
require "$kernel" '^dev/soma/kernel/shaded/spencerpark/' "the relocated basekernel"
forbid "$kernel" '^dev/soma/(network|sim|plot)/' "library classes"
require "$spark" '^dev/soma/analysis/spark/.*\.class$' "the Spark runner"
require "$spark" '^META-INF/services/dev\.soma\.analysis\.SweepRunner\$Provider$' "the Spark runner's service file"
forbid "$spark" '^dev/soma/(network|sim|plot|kernel)/' "classes of the other jars"
if [ "$fail" != 0 ]; then
  exit 1
fi
for jar in "$plain" "$all" "$kernel" "$spark"; do
  printf 'check-jars: %s %s bytes, %s entries\n' "$jar" "$(stat -c %s "$jar")" "$(entries "$jar" | wc -l)"
done
