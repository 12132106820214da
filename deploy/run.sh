#!/usr/bin/env bash
# Start the dashboard on this machine: nginx on :8080 in front of N public-only processes
# (default: one per core), the staff instance on :8081. Ctrl-C stops everything.
#   deploy/run.sh 2                      # two public processes
#   deploy/run.sh 4 --listen 0.0.0.0     # more options: python deploy/launch.py --help
# Needs Debian's nginx (apt-get install nginx). Settings (IMPACTDASH_DB, ...) from the environment.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}"
N="${1:-$(nproc)}"
shift || true
exec "$PYTHON" deploy/launch.py --processes "$N" "$@"
