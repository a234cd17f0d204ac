#!/usr/bin/env bash
# The project's one test command (people and CI): bash scripts/test.sh [PYTEST ARGS...]
# Installs what the tests need (Chromium, Java and the HTML checkers via tests/audit/install.sh;
# Python packages into .venv unless a virtualenv is active), then runs ruff, mypy and pytest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash tests/audit/install.sh

if [ -z "${VIRTUAL_ENV:-}" ]; then
  if ! .venv/bin/python -c '' 2>/dev/null; then
    echo "test.sh: creating .venv"
    python3 -m venv --clear .venv
  fi
  export VIRTUAL_ENV="$PWD/.venv"
  export PATH="$VIRTUAL_ENV/bin:$PATH"
fi
python -m pip install -q --disable-pip-version-check -e '.[test]'

echo "test.sh: ruff check"
python -m ruff check .
echo "test.sh: mypy"
python -m mypy
python -m pytest "$@"
