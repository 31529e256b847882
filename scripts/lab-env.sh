#!/usr/bin/env bash
# Creates (once) the project-local Python environment of `make lab` and `make test-browser`:
# JupyterLab 4 and ipywidgets 8 in target/lab-venv, with pip. Prints the environment's bin folder.
# Debian's Jupyter packages stay what `make notebooks` and `make test` use (headless execution);
# Debian's classic Notebook 6 cannot show ipywidgets 8 widgets, hence this environment.
# pip gets --retries 0 --timeout 3: where the public index is unreachable it fails in seconds
# instead of waiting minutes. SOMA_LAB_PYTHON chooses the Python (default: the system's python3).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/lab-venv
want=("jupyterlab>=4,<5" "ipywidgets>=8,<9")
if [ -x "$venv/bin/jupyter-lab" ] && "$venv/bin/python" -c 'import ipywidgets, jupyterlab_widgets' 2>/dev/null; then
  echo "$PWD/$venv/bin"
  exit 0
fi
py="${SOMA_LAB_PYTHON:-}"
if [ -z "$py" ]; then
  for p in /usr/bin/python3 python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import venv, ensurepip' 2>/dev/null; then
      py=$(command -v "$p")
      break
    fi
  done
fi
if [ -z "$py" ]; then
  echo "soma lab: no Python with venv and ensurepip; on Debian: sudo apt-get install python3-venv" >&2
  exit 1
fi
echo "soma lab: installing JupyterLab 4 and ipywidgets 8 into $venv (once)" >&2
rm -rf "$venv"
"$py" -m venv "$venv"
log=target/lab-venv-install.log
if ! "$venv/bin/pip" install --retries 0 --timeout 3 --disable-pip-version-check "${want[@]}" > "$log" 2>&1; then
  echo "soma lab: pip could not install ${want[*]}; see $log" >&2
  tail -n 5 "$log" >&2
  rm -rf "$venv"
  exit 1
fi
echo "$PWD/$venv/bin"
