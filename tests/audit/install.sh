#!/usr/bin/env bash
# Installs what ./audit and ./script_probe.cjs need; safe to run again (does only what is missing,
# and prints one line when nothing is).
#   apt: chromium chromium-driver fonts-dejavu-core fonts-liberation (+ default-jre-headless if no java)
#   npm (exact versions from package-lock.json, into ./node_modules): axe-core playwright-core vnu-jar
# Needs root (or sudo) for apt, node >= 20 with npm, Java >= 11, python3.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"

log() { printf 'audit-install: %s\n' "$*"; }
die() { printf 'audit-install: ERROR: %s\n' "$*" >&2; exit 1; }

# ---- apt ---------------------------------------------------------------
APT_PKGS=(chromium chromium-driver fonts-dejavu-core fonts-liberation)
if ! command -v java >/dev/null 2>&1; then APT_PKGS+=(default-jre-headless); fi
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
did_something=0
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    die "missing system packages: ${missing[*]}
  Not root and no password-less sudo. Install them with:
    sudo apt-get update && sudo apt-get install --no-install-recommends ${missing[*]}
  then run $0 again."
  fi
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install by hand: ${missing[*]}"
  log "apt-get install ${missing[*]}"
  # Output is kept and shown only if apt fails.
  apt_log="$(mktemp)"
  if ! { "${SUDO[@]}" apt-get update -qq &&
         "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
           apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$apt_log" 2>&1; then
    cat "$apt_log" >&2
    rm -f "$apt_log"
    die "apt-get failed (output above)"
  fi
  rm -f "$apt_log"
  did_something=1
fi

# ---- runtimes ------------------------------------------------------------
command -v python3 >/dev/null || die "python3 not found"
command -v node >/dev/null || die "node not found (need node >= 20 with npm)"
command -v npm >/dev/null || die "npm not found"
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium not found after apt install"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || die "node $(node --version) is too old: playwright-core needs node >= 20"
java_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1)"
[ "${java_major:-0}" -ge 11 ] || die "java ${java_major:-?} is too old: vnu.jar needs Java >= 11"

# ---- npm -----------------------------------------------------------------
# --ignore-scripts: vnu-jar's postinstall would try to download a Java runtime;
# the system java is used instead.
if [ -f node_modules/vnu-jar/build/dist/vnu.jar ] && npm ls --omit=dev >/dev/null 2>&1; then
  :
else
  log "npm ci (axe-core, playwright-core, vnu-jar)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null \
    || die "npm ci failed (see above)"
  did_something=1
fi

# ---- report -----------------------------------------------------------------
if [ "$did_something" -eq 1 ]; then
  log "versions:"
  printf '  %s\n' \
    "$(/usr/bin/chromium --version 2>/dev/null)" \
    "vnu $(java -jar node_modules/vnu-jar/build/dist/vnu.jar --version)" \
    "axe-core $(node -p 'require("axe-core/package.json").version')" \
    "playwright-core $(node -p 'require("playwright-core/package.json").version')" \
    "node $(node --version), $(java -version 2>&1 | head -1)"
fi
log "ready (chromium, java ${java_major}, node $(node --version), tests/audit/node_modules)"
