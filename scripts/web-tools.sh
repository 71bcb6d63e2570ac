#!/usr/bin/env bash
# Installs the web build's tools at pinned versions, when missing, into
# ~/.cache/car-t-sim/tools (or $CAR_T_SIM_TOOLS):
# - the wasm32-unknown-unknown target (rustup target add);
# - wasm-bindgen-cli at exactly the version Cargo.lock has (cargo install);
# - binaryen's wasm-opt 132.0.0 from the npm registry (node and npm must be
#   there; Debian's binaryen 108 makes modules Chromium rejects).
# .ci/run runs this before the tests; scripts/web.sh runs it too.
#
#   scripts/web-tools.sh           # install what is missing
#   scripts/web-tools.sh --check   # only say what is missing (exit 1)
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/car-t-sim"
TOOLS="${CAR_T_SIM_TOOLS:-$CACHE/tools}"
BINARYEN_VERSION=132.0.0
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
WASM_OPT="$TOOLS/node/node_modules/.bin/wasm-opt"
CHECK=false
case "${1:-}" in
    "") ;;
    --check) CHECK=true ;;
    *) echo "usage: scripts/web-tools.sh [--check]" >&2; exit 2 ;;
esac

say() { printf 'web-tools.sh: %s\n' "$*" >&2; }
missing=()

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    if $CHECK; then missing+=("the wasm32-unknown-unknown target"); else
        say "adding the wasm32-unknown-unknown target"
        rustup target add wasm32-unknown-unknown
    fi
fi
if [ "$("$TOOLS/bin/wasm-bindgen" --version 2>/dev/null || true)" != "wasm-bindgen $BINDGEN_VERSION" ]; then
    if $CHECK; then missing+=("wasm-bindgen-cli $BINDGEN_VERSION in $TOOLS/bin"); else
        say "installing wasm-bindgen-cli $BINDGEN_VERSION"
        # (Not --locked: the registry mirror may lack the newest patch
        # releases the CLI's own lock file names; its dependencies resolve
        # within semver.)
        cargo install --quiet --force --root "$TOOLS" wasm-bindgen-cli --version "$BINDGEN_VERSION"
    fi
fi
if [ "$("$WASM_OPT" --version 2>/dev/null | awk '{print $3}')" != "${BINARYEN_VERSION%%.*}" ]; then
    if $CHECK; then missing+=("binaryen $BINARYEN_VERSION (wasm-opt) in $TOOLS/node"); else
        say "installing binaryen $BINARYEN_VERSION (wasm-opt) from npm"
        mkdir -p "$TOOLS/node"
        npm install --silent --no-audit --no-fund --prefix "$TOOLS/node" "binaryen@$BINARYEN_VERSION" >/dev/null
    fi
fi

if [ ${#missing[@]} -gt 0 ]; then
    for m in "${missing[@]}"; do say "missing: $m"; done
    say "install them with scripts/web-tools.sh (.ci/run does)"
    exit 1
fi
