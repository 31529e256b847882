#!/usr/bin/env bash
# Installs the Soma kernel (kernelspec "java", display name "Java (Soma)") into a project-local
# Jupyter data directory, target/jupyter, so it never replaces a user's own "java" kernel.
# Use it with JUPYTER_PATH=target/jupyter (the Makefile does). Also creates a class-data-sharing
# archive for faster start-up. Needs target/soma-<version>-kernel.jar (mvn package).
# SOMA_KERNEL_DIR chooses another kernels directory instead (Binder installs into the user's own
# Jupyter data directory, where no other "java" kernel lives).
set -euo pipefail
cd "$(dirname "$0")/.."

jar=$(ls target/soma-*-kernel.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ]; then
  echo "soma kernel: target/soma-*-kernel.jar is missing; run 'mvn -DskipTests package' first" >&2
  exit 1
fi
dest="${SOMA_KERNEL_DIR:-$PWD/target/jupyter/kernels}/java"
mkdir -p "$dest"
# A copy, so rebuilding the project never changes the jar under a running kernel.
if ! cmp -s "$jar" "$dest/soma-kernel.jar"; then
  cp "$jar" "$dest/soma-kernel.jar"
  rm -f "$dest/soma-kernel.jsa"
fi
java_bin="${SOMA_KERNEL_JAVA:-java}"

cat > "$dest/launch.sh" <<'LAUNCH'
#!/bin/sh
# Starts the Soma kernel. Extra JVM options (e.g. -Xmx8g) come from SOMA_KERNEL_JAVA_OPTS.
# -XX:TieredStopAtLevel=1 (C1 only) starts faster and runs notebook-sized simulations as fast or
# faster; for long runs SOMA_KERNEL_JAVA_OPTS=-XX:TieredStopAtLevel=4 brings back the C2 compiler.
here=$(dirname "$0")
cds=""
if [ -f "$here/soma-kernel.jsa" ]; then
  cds="-XX:SharedArchiveFile=$here/soma-kernel.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
fi
# shellcheck disable=SC2086
exec "${SOMA_KERNEL_JAVA:-java}" -Djava.awt.headless=true -XX:TieredStopAtLevel=1 \
  $cds $SOMA_KERNEL_JAVA_OPTS -jar "$here/soma-kernel.jar" "$@"
LAUNCH
chmod +x "$dest/launch.sh"

cat > "$dest/kernel.json" <<JSON
{
  "argv": ["/bin/sh", "{resource_dir}/launch.sh", "{connection_file}"],
  "display_name": "Java (Soma)",
  "language": "java",
  "interrupt_mode": "message",
  "env": {},
  "metadata": {"debugger": false}
}
JSON

# Class-data sharing: record the classes a kernel loads (JShell, javac, AWT, ZeroMQ) once.
if [ ! -f "$dest/soma-kernel.jsa" ] && [ "${SOMA_KERNEL_CDS:-1}" = 1 ]; then
  "$java_bin" -Djava.awt.headless=true -XX:TieredStopAtLevel=1 \
    -XX:ArchiveClassesAtExit="$dest/soma-kernel.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar "$dest/soma-kernel.jar" --train >/dev/null 2>&1 \
    || { echo "soma kernel: no class-data-sharing archive (start-up is slower)" >&2; rm -f "$dest/soma-kernel.jsa"; }
fi
echo "soma kernel: installed 'java' (Java (Soma)) in ${SOMA_KERNEL_DIR:-target/jupyter/kernels}"
