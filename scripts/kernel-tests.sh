#!/usr/bin/env bash
# The kernel's tests, run by Maven in the integration-test phase (after package): installs the
# kernel into target/jupyter, then runs Jupyter's conformance suite, the robustness tests and
# every notebook through the real Jupyter client. Prints "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
py=$(scripts/jupyter-python.sh)
scripts/kernel-install.sh
# Notebooks that cache sweeps compute them afresh: a test never reads a user's (possibly stale) cache.
export SOMA_CACHE_DIR="$PWD/target/sweep-cache-test"
rm -rf "$SOMA_CACHE_DIR"
exec "$py" src/test/python/run_kernel_tests.py "$@"
