#!/usr/bin/env bash
# Prints a Python that imports Brian2 (Debian's python3-brian runs on Debian's python3, which
# need not be the first python3 on PATH). BRIAN2_PYTHON overrides.
for py in ${BRIAN2_PYTHON:-} /usr/bin/python3 python3; do
  if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import brian2, scipy' >/dev/null 2>&1; then
    command -v "$py"
    exit 0
  fi
done
echo "brian2: no Python with brian2 and scipy found; install them: apt-get install python3-brian python3-scipy" >&2
exit 1
