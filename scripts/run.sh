#!/usr/bin/env bash
# Sets up and runs the main job: the full refresh of raw/<year>/ into data/. On the repository's own
# raw/ it first generates the sample national year when raw/<year>/ is absent (--sample-if-absent);
# any other raw folder (--raw, WAREHOUSE_RAW) must hold the returns. Options go to `run`, e.g.
# `bash scripts/run.sh --year 2023 --no-wait`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
python -m warehouse run --sample-if-absent "$@"
