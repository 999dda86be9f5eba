#!/usr/bin/env bash
# Creates .venv and installs the project with the pinned versions of constraints.txt (idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."
python_bin=${PYTHON:-python3.11}
command -v "$python_bin" >/dev/null 2>&1 || python_bin=python3
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $($python_bin --version)"
  "$python_bin" -m venv .venv
fi
stamp=".venv/.installed-$(cat constraints.txt pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "setup: installing pinned dependencies (constraints.txt); this takes a few minutes the first time"
  .venv/bin/python -m pip install -qq --upgrade pip
  .venv/bin/python -m pip install -qq -c constraints.txt -e ".[dev]"  # errors only: an editable install always warns
  rm -f .venv/.installed-*
  touch "$stamp"
  echo "setup: installed in ${SECONDS} s"
fi
