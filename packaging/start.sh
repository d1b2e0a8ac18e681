#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets everything up (Debian packages, release build) and starts the hub: the desktop window where a display
# exists, otherwise the headless server. Extra arguments go to the program (e.g. --data-dir DIR).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${AIHUB_BUILD_DIR:-$root/build}

"$root/packaging/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$build/app/aigne-hub" "$@"
fi
exec "$build/app/aigne-hubd" serve "$@"
