#!/usr/bin/env bash
# Sets up and runs the main job on the embedded defaults: generate the sample national year into
# raw/ (if absent), then ingest it into the working DuckDB file data/warehouse.duckdb.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
python -m warehouse run "$@"
