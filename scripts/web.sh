#!/usr/bin/env bash
# Builds the web version into dist/ (index.html, the .wasm, its JavaScript
# glue, the font licence) from the same source as the desktop app, then
# prints its sizes. Serve it with: python3 -m http.server -d dist
#
# Needs the tools scripts/web-tools.sh installs (the wasm32 target,
# wasm-bindgen-cli and binaryen's wasm-opt at pinned versions); installs
# them when missing, unless --no-install (then it only says what is missing).
# Steps whose inputs have not changed are skipped, so a second run is quick.
#
#   scripts/web.sh                          # the app, into dist/
#   scripts/web.sh --example web_baseline   # an example, into dist-web_baseline/
#   scripts/web.sh --no-install             # the web test: tools must be there
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/car-t-sim"
TOOLS="${CAR_T_SIM_TOOLS:-$CACHE/tools}"
# A build folder of its own: the web profile and target share nothing with
# the desktop build, and a test can run this while `cargo test` holds the
# desktop one.
WEB_TARGET="${CAR_T_SIM_WEB_TARGET:-$CACHE/web-target}"
OUT=dist
WHAT=(--bin car-t-sim)
NAME=car-t-sim
INSTALL=true
while [ $# -gt 0 ]; do
    case "$1" in
        --example) NAME="${2:?--example NAME}"; WHAT=(--example "$NAME"); OUT="dist-$NAME"; shift ;;
        --no-install) INSTALL=false ;;
        *) echo "usage: scripts/web.sh [--no-install] [--example NAME]" >&2; exit 2 ;;
    esac
    shift
done

say() { printf 'web.sh: %s\n' "$*" >&2; }

# The tools, at pinned versions (scripts/web-tools.sh); with --no-install
# (the web test: .ci/run installs them first) only checked.
if $INSTALL; then
    scripts/web-tools.sh
else
    scripts/web-tools.sh --check
fi
WASM_OPT="$TOOLS/node/node_modules/.bin/wasm-opt"

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
