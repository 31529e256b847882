#!/usr/bin/env bash
# `make lab`: JupyterLab 4 with ipywidgets 8 (installed once into target/lab-venv by
# scripts/lab-env.sh) on 127.0.0.1, with notebooks/ open and the Soma kernel from target/jupyter
# (JUPYTER_PATH: a user's own "java" kernel is never replaced). Extra arguments go to jupyter-lab.
# If pip cannot install JupyterLab here, falls back to Debian's classic Notebook 6, which runs the
# notebooks but shows an interact's kernel-free version instead of live widgets.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export JUPYTER_PATH="$root/target/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
allow_root=()
[ "$(id -u)" = 0 ] && allow_root=(--allow-root)

if bin=$(scripts/lab-env.sh); then
  cd notebooks
  exec "$bin/jupyter-lab" --ip=127.0.0.1 --ServerApp.root_dir=. "${allow_root[@]}" "$@"
fi
echo "soma lab: no JupyterLab; opening Debian's classic Notebook (no live widgets: interacts show their kernel-free version)" >&2
scripts/setup.sh lab
cd notebooks
exec /usr/bin/jupyter-notebook --ip=127.0.0.1 --notebook-dir=. "${allow_root[@]}" "$@"
