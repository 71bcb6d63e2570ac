#!/usr/bin/env bash
# Prints the screen reader (AT-SPI) tree car-t-sim exposes, the way Orca sees
# it: under Xvfb, on a private D-Bus session with the accessibility bus on.
# Needs: sudo apt install at-spi2-core python3-pyatspi dbus xvfb
#
#   scripts/a11y-tree.sh            # the tree 8 s after start
#   scripts/a11y-tree.sh --stage 3  # any app options
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/car-t-sim/target}"
cargo build --locked --bin car-t-sim >&2
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] || [ -z "${IN_A11Y_SESSION:-}" ]; then
    exec env IN_A11Y_SESSION=1 dbus-run-session -- xvfb-run -a -s "-screen 0 1280x720x24" "$0" "$@"
fi
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
bus=$!
sleep 2
for property in IsEnabled ScreenReaderEnabled; do
    gdbus call --session --dest org.a11y.Bus --object-path /org/a11y/bus \
        --method org.freedesktop.DBus.Properties.Set org.a11y.Status "$property" "<true>" >/dev/null
done
XDG_CONFIG_HOME=$(mktemp -d) "$CARGO_TARGET_DIR/debug/car-t-sim" "$@" >/dev/null 2>&1 &
app=$!
sleep 8
/usr/bin/python3 - <<'PY'
import pyatspi

def walk(node, depth):
    states = node.getState().getStates()
    mark = " (selected)" if pyatspi.STATE_SELECTED in states else ""
    print(f"{'  ' * depth}{node.getRoleName()}: {node.name!r}{mark}")
    for i in range(node.childCount):
        walk(node.getChildAtIndex(i), depth + 1)

desktop = pyatspi.Registry.getDesktop(0)
for i in range(desktop.childCount):
    if desktop.getChildAtIndex(i).name == "car-t-sim":
        walk(desktop.getChildAtIndex(i), 0)
PY
kill "$app" "$bus"
