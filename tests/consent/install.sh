#!/usr/bin/env bash
# Installs the consent managers the browser tests load, at the exact versions of
# package-lock.json, into ./node_modules (git-ignored); safe to run again (does only what is
# missing, and prints one line when nothing is):
#   npm: vanilla-cookieconsent 3.1.0, klaro 0.7.22, typescript 5.9.3 (tsc checks the generated
#   vanilla-cookieconsent configuration against the library's own types)
# Chromium and playwright-core come from tests/audit/install.sh.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"

log() { printf 'consent-install: %s\n' "$*"; }
die() { printf 'consent-install: ERROR: %s\n' "$*" >&2; exit 1; }

command -v node >/dev/null || die "node not found (need node >= 20 with npm)"
command -v npm >/dev/null || die "npm not found"

# --ignore-scripts: none of these needs an install script, and no download besides npm's own.
if [ -f node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js ] \
   && [ -f node_modules/klaro/dist/klaro.js ] && [ -f node_modules/typescript/bin/tsc ] \
   && npm ls --omit=dev >/dev/null 2>&1; then
  :
else
  log "npm ci (vanilla-cookieconsent, klaro, typescript)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null \
    || die "npm ci failed (see above)"
  log "versions: vanilla-cookieconsent $(node -p 'require("vanilla-cookieconsent/package.json").version')," \
      "klaro $(node -p 'require("klaro/package.json").version')," \
      "typescript $(node -p 'require("typescript/package.json").version')"
fi
log "ready (tests/consent/node_modules)"
