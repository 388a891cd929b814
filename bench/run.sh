#!/usr/bin/env bash
# The AuthForge benchmark in one command (about 10 minutes on 2 idle cores; see bench/README.md):
#
#   bench/run.sh                     # BENCH_KEYCLOAK=1 bench/run.sh: and Keycloak 26; bench/run.sh --help: settings
#
# The work is done by bench/bench.py (Python 3, standard library only): this checks what it needs first.
set -euo pipefail
python3 -c 'import sys; sys.exit(sys.version_info < (3, 8))' 2>/dev/null \
  || { echo "bench/run.sh: Python 3.8 or later is needed (python3)" >&2; exit 2; }
command -v "${JAVA:-java}" >/dev/null || { echo "bench/run.sh: Java 17 or later is needed (java, or JAVA)" >&2; exit 2; }
exec python3 "$(dirname "$0")/bench.py" "$@"
