#!/usr/bin/env bash
# Installs what Soma's commands need and the machine lacks: a JDK with fonts for headless
# plotting, Maven, and Jupyter's command-line client (nbconvert, nbclient, the kernel test suite).
# As root it installs with apt-get; otherwise it prints the exact command to run.
set -euo pipefail

need=()
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
fc-list 2>/dev/null | grep -i dejavu >/dev/null || need+=(fontconfig fonts-dejavu-core)
if [ "${SOMA_SKIP_JUPYTER:-0}" != 1 ]; then
  [ -x /usr/bin/jupyter-nbconvert ] || need+=(jupyter-nbconvert)
  /usr/bin/python3 -c 'import nbclient' 2>/dev/null || need+=(python3-nbclient)
  /usr/bin/python3 -c 'import jupyter_client' 2>/dev/null || need+=(jupyter-client)
  /usr/bin/python3 -c 'import jupyter_kernel_test' 2>/dev/null || need+=(python3-jupyter-kernel-test)
  /usr/bin/python3 -c 'import ipykernel' 2>/dev/null || need+=(python3-ipykernel)
  # The notebook regression compares figures by content (scripts/notebook_regression.py).
  /usr/bin/python3 -c 'import PIL, numpy' 2>/dev/null || need+=(python3-pil python3-numpy)
fi
if [ "${1:-}" = lab ]; then
  [ -x /usr/bin/jupyter-notebook ] || need+=(jupyter-notebook)
fi

[ ${#need[@]} -eq 0 ] && exit 0

cmd="apt-get install -y --no-install-recommends ${need[*]}"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "soma setup: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "soma setup: missing ${need[*]}. Install them with:" >&2
  echo "  sudo apt-get update && sudo $cmd" >&2
  exit 1
fi
