#!/usr/bin/env bash
# The project's one test command (people and CI): bash scripts/test.sh [--latest] [PYTEST ARGS...]
# Installs what the tests need (Chromium, Java and the HTML checkers via tests/audit/install.sh;
# Python packages into .venv unless a virtualenv is active), then runs ruff, mypy and pytest.
#
# Python packages come from requirements/test.txt, a lock file with exact versions and hashes
# (scripts/lock.sh writes it), so every machine tests what the developer tested. .venv is made
# anew whenever the lock file or pyproject.toml changes, so nothing left over is tested either.
#
# --latest tests against the newest release of every dependency instead, in .venv-latest: an
# upgrade that breaks noticegen is found on purpose, before a user finds it. It prints the
# versions it took; when they pass, `bash scripts/lock.sh --upgrade` moves the lock to them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

LATEST=0
if [ "${1:-}" = "--latest" ]; then
  LATEST=1
  shift
fi

bash tests/audit/install.sh
# The YAML language server that tests/test_editor.py runs, at the version that
# tests/editor/package-lock.json pins (npm ci installs exactly that).
if ! (cd tests/editor && npm ls --omit=dev >/dev/null 2>&1); then
  echo "test.sh: npm ci in tests/editor (yaml-language-server)"
  (cd tests/editor && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
fi

bash tests/consent/install.sh

pip_install() { python -m pip install -q --disable-pip-version-check "$@"; }

if [ "$LATEST" = 1 ]; then
  env_dir="${VIRTUAL_ENV:-$PWD/.venv-latest}"
  [ -n "${VIRTUAL_ENV:-}" ] || python3 -m venv "$env_dir"
  export VIRTUAL_ENV="$env_dir"
  export PATH="$VIRTUAL_ENV/bin:$PATH"
  pip_install --upgrade pip
  pip_install --upgrade --upgrade-strategy eager -e '.[test]'
  echo "test.sh: --latest: testing with these versions (requirements/test.txt pins:"
  echo "         bash scripts/lock.sh --upgrade moves it to them)"
  python -m pip list --format=freeze --exclude-editable | sed 's/^/  /'
else
  stamp="$(cat requirements/test.txt pyproject.toml | python3 -c \
    'import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())')"
  if [ -z "${VIRTUAL_ENV:-}" ]; then
    if [ "$(cat .venv/.noticegen-lock 2>/dev/null)" != "$stamp" ]; then
      echo "test.sh: creating .venv from requirements/test.txt"
      python3 -m venv --clear .venv
    fi
    export VIRTUAL_ENV="$PWD/.venv"
    export PATH="$VIRTUAL_ENV/bin:$PATH"
  fi
  if [ "$(cat "$VIRTUAL_ENV/.noticegen-lock" 2>/dev/null)" != "$stamp" ]; then
    # --require-hashes: every package, dependencies included, is in the lock with its hash.
    pip_install --require-hashes -r requirements/test.txt
    # noticegen itself, editable; its build backend (hatchling) comes from the lock too.
    pip_install --no-deps --no-build-isolation -e .
    echo "$stamp" >"$VIRTUAL_ENV/.noticegen-lock"
  fi
fi

echo "test.sh: ruff check"
python -m ruff check .
echo "test.sh: mypy"
python -m mypy
python -m pytest "$@"
