#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command in a private D-Bus session with a fresh, unlocked gnome-keyring, so the real OS-keychain
# code path is exercised on headless machines (CI). Nothing is left running afterwards.
set -euo pipefail
tmp=$(mktemp -d /tmp/aihub-keyring-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -m 700 "$tmp/run" "$tmp/data"
export XDG_RUNTIME_DIR="$tmp/run"
export XDG_DATA_HOME="$tmp/data"
exec dbus-run-session -- bash -c '
  printf "aihub-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  "$@"' with-keyring "$@"
