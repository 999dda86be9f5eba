#!/usr/bin/env bash
# Sets up and runs every check: ruff, sqlfluff, the codebook lint, and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
ruff check .
ruff format --check .
(cd dbt_project && sqlfluff lint models --processes 0 --disable-progress-bar --nocolor)
python -m warehouse.codebook.lint
# in the files' order, each file named as it runs; `python -m pytest` alone runs them in a random order (the seed
# is printed, `--randomly-seed=N` repeats one), and `-n 4 --dist loadgroup` spreads them over
# processes on a machine with more cores (on two, the refreshes already use both)
python -m pytest -p no:randomly --durations=12 "$@"
