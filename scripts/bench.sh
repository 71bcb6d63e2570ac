#!/usr/bin/env bash
# Performance figures of car-t-sim as ratios against a bare Bevy app (the
# baseline example), measured in the same run on the same machine.
#
# Builds both, runs them in turn (A B A B ...) under Xvfb with Mesa's
# software Vulkan (lavapipe) unless a display is set, and prints each figure
# as the ratio car-t-sim / baseline with its min, median and max over the
# pairs, then the CPU car-t-sim uses in 10 s while paused. The last line of
# that part is machine readable (the worst of the pairs for each ratio);
# the web build's figures follow it. Besides wall
# time per frame, each stage's CPU time per frame (all threads, the software
# renderer's included) is compared: on a shared or busy machine it varies
# less than wall time.
#
#   scripts/bench.sh            # 3 pairs, 300 frames per stage, 1280x720
#   PAIRS=5 FRAMES=600 SIZE=3840x2160 scripts/bench.sh
#   WEB=0 scripts/bench.sh      # without the web build's figures
set -euo pipefail
cd "$(dirname "$0")/.."

PAIRS=${PAIRS:-3}
FRAMES=${FRAMES:-300}
SIZE=${SIZE:-1280x720}
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/car-t-sim/target}"
# Run both as a user would: with RUST_BACKTRACE set, every wgpu lock taken in
# a dev build records a backtrace (a few % of a frame, in both programs).
unset RUST_BACKTRACE RUST_LIB_BACKTRACE

cargo build --locked --bin car-t-sim --example baseline >&2
APP="$CARGO_TARGET_DIR/debug/car-t-sim"
BASE="$CARGO_TARGET_DIR/debug/examples/baseline"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

with_display() {
    if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 ${SIZE}x24" "$@"; fi
}

for i in $(seq "$PAIRS"); do
    echo "pair $i of $PAIRS..." >&2
    with_display "$BASE" --frames "$FRAMES" --size "$SIZE" >"$OUT/base-$i.txt" 2>/dev/null
    with_display "$APP" bench --frames "$FRAMES" --size "$SIZE" >"$OUT/app-$i.txt" 2>/dev/null
done

# CPU while paused: ticks of user+system time over 10 s, from /proc.
cat >"$OUT/paused.sh" <<'SCRIPT'
# A fresh config folder: the user's settings are neither read nor written.
XDG_CONFIG_HOME=$(mktemp -d) "$1" --paused >/dev/null 2>&1 &
pid=$!
sleep 8
hz=$(getconf CLK_TCK)
t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
sleep 10
t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
kill "$pid"
wait "$pid" 2>/dev/null || true
awk -v a="$t0" -v b="$t1" -v hz="$hz" 'BEGIN { printf "%.2f", (b - a) / hz / 10 * 100 }'
SCRIPT
CPU=$(with_display bash "$OUT/paused.sh" "$APP")

# Ratios per pair, then min/max over the pairs.
awk -v pairs="$PAIRS" -v cpu="$CPU" -v dir="$OUT" '
function field(line, key,    n, parts, i, kv) {
    n = split(line, parts, " ")
    for (i = 1; i <= n; i++) { split(parts[i], kv, "="); if (kv[1] == key) return kv[2] }
    return ""
}
# The median of a figure over the pairs: one disturbed run moves the min or
# the max, hardly the median.
function median(name,    k, j, t, v, m) {
    m = n_of[name]
    for (k = 1; k <= m; k++) v[k] = all[name, k]
    for (k = 2; k <= m; k++) for (j = k; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
    return (m % 2) ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
}
function track(name, value) {
    all[name, ++n_of[name]] = value
    if (!(name in lo) || value < lo[name]) lo[name] = value
    if (!(name in hi) || value > hi[name]) hi[name] = value
    if (!(name in seen)) { order[++count] = name; seen[name] = 1 }
}
BEGIN {
    for (p = 1; p <= pairs; p++) {
        delete app; delete base
        while ((getline line < (dir "/base-" p ".txt")) > 0) {
            if (line ~ /^frame /) { b95 = field(line, "p95_ms"); b50 = field(line, "p50_ms"); b99 = field(line, "p99_ms"); bcpu = field(line, "cpu_ms") }
            else { split(line, kv, "="); base[kv[1]] = kv[2] }
        }
        worst = 0; worst_cpu = 0
        while ((getline line < (dir "/app-" p ".txt")) > 0) {
            if (line ~ /^frame /) {
                name = field(line, "name")
                track("frame_p50 " name, field(line, "p50_ms") / b50)
                r = field(line, "p95_ms") / b95
                track("frame_p95 " name, r)
                track("frame_p99 " name, field(line, "p99_ms") / b99)
                c = field(line, "cpu_ms") / bcpu
                track("cpu_per_frame " name, c)
                if (r > worst) worst = r
                if (c > worst_cpu) worst_cpu = c
            } else { split(line, kv, "="); app[kv[1]] = kv[2] }
        }
        track("frame_p95 worst stage", worst)
        track("cpu_per_frame worst stage", worst_cpu)
        track("startup", app["startup_ms"] / base["startup_ms"])
        track("peak_rss", app["peak_rss_mib"] / base["peak_rss_mib"])
        printf "pair %d: baseline p50 %.2f ms, p95 %.2f ms, CPU %.1f ms a frame, startup %.0f ms, rss %.0f MiB; car-t-sim startup %.0f ms, rss %.0f MiB\n", p, b50, b95, bcpu, base["startup_ms"], base["peak_rss_mib"], app["startup_ms"], app["peak_rss_mib"]
        close(dir "/base-" p ".txt"); close(dir "/app-" p ".txt")
    }
    printf "%-34s %8s %8s %8s\n", "car-t-sim / baseline", "min", "median", "max"
    for (i = 1; i <= count; i++) printf "%-34s %8.2f %8.2f %8.2f\n", order[i], lo[order[i]], median(order[i]), hi[order[i]]
    printf "paused CPU (10 s): %s%% of a core\n", cpu
    printf "frame_p95_ratio_worst_stage=%.2f startup_ratio=%.2f paused_cpu_percent=%s rss_ratio=%.2f\n", hi["frame_p95 worst stage"], hi["startup"], cpu, hi["peak_rss"]
}'

# The web build: download sizes, and in headless Chromium the time to the
# first drawn frame and the frame time, car-t-sim against the baseline built
# the same way, measured in turn (WEB=0 skips this part).
if [ "${WEB:-1}" != 0 ]; then
    echo "web: building car-t-sim and the baseline for the web..." >&2
    echo "web car-t-sim:"; scripts/web.sh 2>/dev/null | sed 's/^/  /'
    echo "web baseline:"; scripts/web.sh --example web_baseline 2>/dev/null | sed 's/^/  /'
    cargo build --locked --example web_bench >&2
    "$CARGO_TARGET_DIR/debug/examples/web_bench" dist dist-web_baseline "$PAIRS"
fi

# The lab: its simulation, headless on one core: time per step at 10k, 100k and
# 1M cells (the best of three runs of the first 10 steps each, the counts of every
# step included),
# and each size's time against the 10k run's, so linear growth reads 10 and
# 100 (LAB=0 skips this part).
if [ "${LAB:-1}" != 0 ]; then
    echo "lab: timing steps..." >&2
    for agents in 10000 100000 1000000; do
        # The same steps at every size: the first ten, when the mix is still
        # the starting one.
        steps=10
        best=""
        for run in 1 2 3; do
            ms=$("$APP" lab --agents "$agents" --steps "$steps" --csv /dev/null 2>&1 >/dev/null |
                sed -n 's/.*step_ms=\([0-9.]*\).*/\1/p')
            best=$(awk -v a="$ms" -v b="$best" 'BEGIN { print (b == "" || a < b) ? a : b }')
        done
        echo "$agents $best"
    done | awk '
        NR == 1 { base = $2 }
        { printf "lab %8d cells: %8.3f ms a step, %6.1f x the 10k step\n", $1, $2, $2 / base; ms[NR] = $2 }
        END { printf "lab_step_ms_100k=%.3f lab_scaling_10k_to_100k=%.1f lab_scaling_100k_to_1m=%.1f\n", ms[2], ms[2] / ms[1], ms[3] / ms[2] }'

    # The lab's screen drawing about 5,000 cells (the antigen-escape preset,
    # scaled) against the baseline, in turn, frame time p50 and p95.
    echo "lab: frame time with 5,000 cells drawn..." >&2
    for i in $(seq "$PAIRS"); do
        with_display "$BASE" --frames "$FRAMES" --size "$SIZE" 2>/dev/null | grep -m1 '^frame'
        with_display "$APP" bench --lab 5000 --frames "$FRAMES" --size "$SIZE" 2>/dev/null | grep -m1 '^frame'
    done | awk '
        function field(line, key,    n, parts, i, kv) {
            n = split(line, parts, " ")
            for (i = 1; i <= n; i++) { split(parts[i], kv, "="); if (kv[1] == key) return kv[2] }
            return ""
        }
        NR % 2 == 1 { b50 = field($0, "p50_ms"); b95 = field($0, "p95_ms"); next }
        {
            k++
            r50[k] = field($0, "p50_ms") / b50; r95[k] = field($0, "p95_ms") / b95
            printf "lab pair %d: baseline p50 %.2f ms, lab p50 %.2f ms (ratio %.2f), p95 ratio %.2f\n", k, b50, field($0, "p50_ms"), r50[k], r95[k]
        }
        END {
            lo = hi = r50[1]; for (i = 2; i <= k; i++) { if (r50[i] < lo) lo = r50[i]; if (r50[i] > hi) hi = r50[i] }
            printf "lab_frame_p50_ratio_min=%.2f lab_frame_p50_ratio_max=%.2f\n", lo, hi
        }'
fi
