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
# two processes (a test file stays in one), in a random order (the seed is printed; -p no:randomly for none);
# each test named as it finishes
python -m pytest -n 2 --dist loadgroup -v --durations=12 "$@"
