#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets everything up (Debian packages, build with warnings as errors) and runs every test.
# The tests run inside a private D-Bus session with an unlocked keyring, so the real keychain test runs too.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${AIHUB_BUILD_DIR:-$root/build}

"$root/packaging/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAIHUB_WERROR=ON >/dev/null
cmake --build "$build" -j"$(nproc)"
export AIHUB_REQUIRE_KEYCHAIN=1
exec "$root/packaging/with-keyring.sh" ctest --test-dir "$build" --output-on-failure --no-tests=error -j2 "$@"
