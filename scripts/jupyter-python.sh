#!/usr/bin/env bash
# Prints a Python that can import Jupyter's client libraries (nbclient, jupyter_client).
# The first python3 on PATH may not be the system's one that has Jupyter's packages.
for py in ${SOMA_PYTHON:-} /usr/bin/python3 python3 python; do
  if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import nbclient, jupyter_client' >/dev/null 2>&1; then
    command -v "$py"
    exit 0
  fi
done
echo "soma: no Python with nbclient and jupyter_client found; run scripts/setup.sh" >&2
exit 1
