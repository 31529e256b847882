#!/usr/bin/env bash
# Soma's browser tests (`make test-browser`), in headless Chromium (Debian's `chromium`) driven by
# npm's playwright-core:
#  (b) JupyterLab 4 + ipywidgets 8 + the Soma kernel: run an interact, move its slider with the
#      keyboard, the figure changes and the kernel saw the value; reload, the widgets come back.
#      Also prints the latency of slider move -> new figure on screen (a benchmark, not a test).
#  (c) The kernel-free HTML: execute notebooks headless and export them (as `make notebooks`
#      does), open the pages, move the range input, the figure changes.
# Needs the kernel installed (make kernel). Installs what is missing: target/lab-venv
# (scripts/lab-env.sh), playwright-core under target/browser, Chromium with apt-get when root.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=target/browser

chromium=${SOMA_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "soma browser tests: installing chromium"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "soma browser tests: no Chromium at $chromium. Install it: sudo apt-get install chromium" >&2
    exit 1
  fi
fi
export SOMA_CHROMIUM=$chromium
command -v node >/dev/null 2>&1 || { echo "soma browser tests: node and npm are needed (sudo apt-get install npm)" >&2; exit 1; }
lab_bin=$(scripts/lab-env.sh)

mkdir -p "$out/notebook"
cp src/test/browser/package.json src/test/browser/package-lock.json src/test/browser/.npmrc src/test/browser/*.mjs "$out/"
if ! cmp -s src/test/browser/package-lock.json "$out/node_modules/.soma-lock" 2>/dev/null; then
  (cd "$out" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp src/test/browser/package-lock.json "$out/node_modules/.soma-lock"
fi

# The notebook the tests run: load Soma, an interact over an HH step, a cell that asks it for its
# values, and an interact whose view returns a table and throws above 12 µA/cm².
"$lab_bin/python" - "$out/notebook/interact.ipynb" <<'PY'
import sys
import nbformat
nb = nbformat.v4.new_notebook()
nb.metadata["kernelspec"] = {"name": "java", "display_name": "Java (Soma)", "language": "java"}
nb.cells = [
    nbformat.v4.new_code_cell("%jars ../../soma-*-all.jar\nimport dev.soma.*;\nimport static dev.soma.Units.*;"),
    nbformat.v4.new_code_cell(
        "var demo = Interact.of(p -> Plots.voltage(Simulation.of(Neurons.hodgkinHuxley())\n"
        "            .inject(Stimulus.step(p.get(\"I\") * uA_per_cm2, 10 * ms, 110 * ms)).run(150 * ms)))\n"
        "        .slider(\"I\", 0, 15, 5, \"µA/cm²\");\n"
        "demo"),
    nbformat.v4.new_code_cell("demo.values()"),
    nbformat.v4.new_code_cell(
        "Interact.of(p -> {\n"
        "            if (p.get(\"I\") > 12) throw new IllegalArgumentException(\"too strong: \" + p.get(\"I\"));\n"
        "            return Simulation.of(Neurons.hodgkinHuxley()).inject(Stimulus.step(p.get(\"I\") * uA_per_cm2, 1 * ms, 5 * ms))\n"
        "                    .record(\"V\").run(3 * ms).table(); })\n"
        "        .slider(\"I\", 0, 15, 12, \"µA/cm²\")"),
]
nbformat.write(nb, sys.argv[1])
PY

# (b) JupyterLab on a free port of 127.0.0.1, with its own settings, workspaces and runtime files.
home="$root/$out/home"
rm -rf "$home"
mkdir -p "$home/settings/@jupyterlab/apputils-extension"
echo '{"fetchNews": "false", "checkForUpdates": false}' > "$home/settings/@jupyterlab/apputils-extension/notification.jupyterlab-settings"
port=$("$lab_bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
token=$("$lab_bin/python" -c 'import secrets; print(secrets.token_hex(16))')
JUPYTER_PATH="$root/target/jupyter" JUPYTER_CONFIG_DIR="$home/config" JUPYTER_DATA_DIR="$home/data" \
JUPYTER_RUNTIME_DIR="$home/runtime" JUPYTERLAB_SETTINGS_DIR="$home/settings" JUPYTERLAB_WORKSPACES_DIR="$home/workspaces" \
  "$lab_bin/jupyter-lab" --no-browser --ip=127.0.0.1 --port="$port" --IdentityProvider.token="$token" \
  --ServerApp.root_dir="$root/$out/notebook" --LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
  $([ "$(id -u)" = 0 ] && echo --allow-root) > "$out/lab.log" 2>&1 &
lab_pid=$!
trap 'kill "$lab_pid" 2>/dev/null || true; wait "$lab_pid" 2>/dev/null || true' EXIT
for _ in $(seq 120); do
  if "$lab_bin/python" -c "import urllib.request, sys; urllib.request.urlopen('http://127.0.0.1:$port/api/status?token=$token', timeout=1)" 2>/dev/null; then
    break
  fi
  kill -0 "$lab_pid" 2>/dev/null || { echo "soma browser tests: JupyterLab did not start; see $out/lab.log" >&2; exit 1; }
  sleep 0.5
done

status=0
echo "# (b) JupyterLab 4 + ipywidgets 8 + Soma kernel (load $(uptime | sed 's/.*load average: //'))"
(cd "$out" && node lab-widgets.mjs "http://127.0.0.1:$port/lab?token=$token" interact.ipynb) || status=1
kill "$lab_pid" 2>/dev/null || true
wait "$lab_pid" 2>/dev/null || true
trap - EXIT

# (c) The kernel-free HTML pages, exported as `make notebooks` exports them.
echo "# (c) kernel-free HTML of interacts, exported by nbconvert"
py=$(scripts/jupyter-python.sh)
pages=("$out/notebook/interact.ipynb")
for nb in notebooks/*.ipynb; do
  grep -q 'Interact\.of' "$nb" && pages+=("$nb")
done
"$py" scripts/run-notebooks.py --out "$out/pages" "${pages[@]}" > "$out/pages.log" 2>&1 \
  || { cat "$out/pages.log" >&2; exit 1; }
html=()
for nb in "${pages[@]}"; do
  html+=("$root/$out/pages/$(basename "${nb%.ipynb}").html")
done
(cd "$out" && node static-page.mjs "${html[@]}") || status=1
exit $status
