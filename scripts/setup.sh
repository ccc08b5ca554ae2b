#!/usr/bin/env bash
# Installs what Relance's demo and tests need on a fresh Debian machine, and explains clearly when
# it cannot. Sourced by scripts/demo.sh and scripts/test-all.sh; safe to run again (it only adds
# what is missing).
set -euo pipefail

relance_fail() {
  echo "" >&2
  echo "Relance set-up stopped: $*" >&2
  exit 1
}

relance_setup() {
  cd "$(dirname "${BASH_SOURCE[0]}")/.."

  command -v node >/dev/null 2>&1 || relance_fail "Node.js is not installed. Install Node.js 20 or newer (Debian: apt-get install nodejs npm), then run this command again."
  local node_major
  node_major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$node_major" -ge 20 ] || relance_fail "Node.js $(node --version) is too old; Relance needs Node.js 20 or newer."

  # npm ci when node_modules is missing or older than the lock file.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "==> Installing npm packages (npm ci)"
    npm ci --no-audit --no-fund || relance_fail "npm ci failed (is the npm registry reachable?)."
  fi

  # Playwright cannot download its own browsers here: use Debian's Chromium.
  export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ ! -x "$CHROMIUM_PATH" ]; then
    echo "==> Installing Debian's chromium (apt-get)"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo="sudo"
      else
        relance_fail "Chromium is missing at $CHROMIUM_PATH and installing it needs root. Run: sudo apt-get update && sudo apt-get install -y chromium   (or set CHROMIUM_PATH to a Chromium/Chrome binary), then run this command again."
      fi
    fi
    command -v apt-get >/dev/null 2>&1 || relance_fail "Chromium is missing and this machine has no apt-get. Install Chromium and set CHROMIUM_PATH to it."
    $sudo apt-get update -qq || relance_fail "apt-get update failed (are Debian's package mirrors reachable?)."
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null || relance_fail "apt-get install chromium failed."
    [ -x "$CHROMIUM_PATH" ] || relance_fail "chromium was installed but $CHROMIUM_PATH does not exist."
  fi
}

relance_setup
