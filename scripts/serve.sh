#!/usr/bin/env bash
# Dagster as a service: the daemon and the webserver as separate processes, on loopback.
#   bash scripts/serve.sh start [--port 3000] [--read-only-port 3001] [--home .dagster_home]
#   bash scripts/serve.sh status | stop
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || bash scripts/setup.sh
exec .venv/bin/python -m orchestration.service "$@"
