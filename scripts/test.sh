#!/usr/bin/env bash
# Sets up and runs every check: ruff, sqlfluff, the codebook lint, and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
ruff check .
ruff format --check .
(cd dbt_project && sqlfluff lint models --disable-progress-bar --nocolor)
python -m warehouse.codebook.lint
python -m pytest --durations=12 "$@"  # each test file named as it runs
