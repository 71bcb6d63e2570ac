#!/usr/bin/env bash
# Builds the web version into dist/ (index.html, the .wasm, its JavaScript
# glue, the font licence) from the same source as the desktop app, then
# prints its sizes. Serve it with: python3 -m http.server -d dist
#
# Needs, and installs when missing (into ~/.cache/car-t-sim/tools):
# - the wasm32-unknown-unknown target (rustup target add);
# - wasm-bindgen-cli at exactly the version Cargo.lock has (cargo install);
# - binaryen's wasm-opt from the npm registry (node and npm must be there;
#   Debian's binaryen 108 makes modules Chromium rejects).
# Steps whose inputs have not changed are skipped, so a second run is quick.
#
#   scripts/web.sh                          # the app, into dist/
#   scripts/web.sh --example web_baseline   # an example, into dist-web_baseline/
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/car-t-sim"
TOOLS="${CAR_T_SIM_TOOLS:-$CACHE/tools}"
# A build folder of its own: the web profile and target share nothing with
# the desktop build, and a test can run this while `cargo test` holds the
# desktop one.
WEB_TARGET="${CAR_T_SIM_WEB_TARGET:-$CACHE/web-target}"
BINARYEN_VERSION=132.0.0
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
OUT=dist
WHAT=(--bin car-t-sim)
NAME=car-t-sim
case "${1:-}" in
    "") ;;
    --example) NAME="${2:?--example NAME}"; WHAT=(--example "$NAME"); OUT="dist-$NAME" ;;
    *) echo "usage: scripts/web.sh [--example NAME]" >&2; exit 2 ;;
esac

say() { printf 'web.sh: %s\n' "$*" >&2; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
fi
if [ "$("$TOOLS/bin/wasm-bindgen" --version 2>/dev/null || true)" != "wasm-bindgen $BINDGEN_VERSION" ]; then
    say "installing wasm-bindgen-cli $BINDGEN_VERSION"
    # (Not --locked: the registry mirror may lack the newest patch releases
    # the CLI's own lock file names; its dependencies resolve within semver.)
    cargo install --quiet --force --root "$TOOLS" wasm-bindgen-cli --version "$BINDGEN_VERSION"
fi
WASM_OPT="$TOOLS/node/node_modules/.bin/wasm-opt"
if [ "$("$WASM_OPT" --version 2>/dev/null | awk '{print $3}')" != "${BINARYEN_VERSION%%.*}" ]; then
    say "installing binaryen $BINARYEN_VERSION (wasm-opt) from npm"
    mkdir -p "$TOOLS/node"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS/node" "binaryen@$BINARYEN_VERSION" >/dev/null
fi

say "building for wasm32 (profile web)"
CARGO_TARGET_DIR="$WEB_TARGET" cargo build --locked --quiet \
    --target wasm32-unknown-unknown --profile web "${WHAT[@]}"
WASM="$WEB_TARGET/wasm32-unknown-unknown/web/car-t-sim.wasm"
if [ "$NAME" != car-t-sim ]; then
    WASM="$WEB_TARGET/wasm32-unknown-unknown/web/examples/$NAME.wasm"
fi

mkdir -p "$OUT"
STAMP="$OUT/.built-from"
WANT=$(cat "$WASM" web/index.html assets/fonts/OFL.txt | sha256sum | cut -d' ' -f1)
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ] && [ -f "$OUT/car-t-sim_bg.wasm" ]; then
    say "$OUT/ is up to date"
else
    say "wasm-bindgen"
    rm -f "$OUT"/car-t-sim*
    "$TOOLS/bin/wasm-bindgen" --target web --no-typescript --out-dir "$OUT" --out-name car-t-sim "$WASM"
    BOUND=$(stat -c %s "$OUT/car-t-sim_bg.wasm")
    say "wasm-opt -Oz"
    # The features the wasm32 target uses, named: --all-features emits
    # imports Chromium refuses.
    "$WASM_OPT" -Oz --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int \
        --enable-mutable-globals --enable-reference-types --enable-multivalue \
        "$OUT/car-t-sim_bg.wasm" -o "$OUT/car-t-sim_bg.opt.wasm"
    mv "$OUT/car-t-sim_bg.opt.wasm" "$OUT/car-t-sim_bg.wasm"
    cp web/index.html "$OUT/index.html"
    cp assets/fonts/OFL.txt "$OUT/OFL.txt"
    echo "$BOUND" > "$OUT/.size-before-opt"
    echo "$WANT" > "$STAMP"
fi

BEFORE=$(cat "$OUT/.size-before-opt")
AFTER=$(stat -c %s "$OUT/car-t-sim_bg.wasm")
GZIP_ALL=$(for f in "$OUT"/index.html "$OUT"/car-t-sim.js "$OUT"/car-t-sim_bg.wasm; do gzip -9c "$f"; done | wc -c)
mb() { awk -v n="$1" 'BEGIN { printf "%.1f MB", n / 1e6 }'; }
echo "wasm after wasm-bindgen: $(mb "$BEFORE")"
echo "wasm after wasm-opt:     $(mb "$AFTER")"
echo "page gzipped in all:     $(mb "$GZIP_ALL")"
