#!/usr/bin/env bash
# The web desk's browser test: `newslint serve` in headless Chromium, checked
# against `newslint check --format json` (see desk.test.mjs).
#
# Installs what is missing when it can: Debian's chromium with apt-get (as
# root), playwright-core with npm. Where it cannot, it says what is missing
# and exits 0 without testing, so machines without a browser still pass CI;
# with REQUIRE_BROWSER=1 a missing piece fails instead.
#
# NEWSLINT_BIN picks the binary (default: target/debug/newslint, built when
# absent); SCREENSHOT the picture's path (default docs/desk.png).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

skip() {
    echo "desk browser test: SKIPPED: $*" >&2
    if [ "${REQUIRE_BROWSER:-0}" = 1 ]; then
        exit 1
    fi
    exit 0
}

can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }

chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
    if can_apt; then
        echo "desk browser test: installing chromium (apt-get)" >&2
        apt-get install -y chromium >/dev/null || { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; } \
            || skip "chromium is not installed and apt-get could not install it"
    else
        skip "no $chromium, and no root apt-get to install it (apt-get install -y chromium)"
    fi
    [ -x "$chromium" ] || skip "no browser at $chromium after installing chromium"
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    if can_apt; then
        echo "desk browser test: installing nodejs and npm (apt-get)" >&2
        apt-get install -y nodejs npm >/dev/null || skip "node and npm are missing and apt-get could not install them"
    else
        skip "node and npm are needed (apt-get install -y nodejs npm)"
    fi
fi

if [ ! -d "$here/node_modules/playwright-core" ]; then
    echo "desk browser test: installing playwright-core (npm ci)" >&2
    (cd "$here" && npm ci --no-audit --no-fund >/dev/null) || skip "npm could not install playwright-core (offline?)"
fi

bin="${NEWSLINT_BIN:-$root/target/debug/newslint}"
if [ ! -x "$bin" ]; then
    (cd "$root" && cargo build --quiet)
fi

cd "$here"
NEWSLINT_BIN="$bin" CHROMIUM="$chromium" node desk.test.mjs
