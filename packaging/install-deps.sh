#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages the hub needs to build, run and test. Quick when they are already there.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-l10n-tools qtkeychain-qt6-dev
  # Needed but not pulled in by the packages above (see the Qt 6.4 notes): Charts wants OpenGL, QSQLITE is
  # only a Recommends, and QtKeychain dlopens libsecret.
  libqt6opengl6-dev libqt6sql6-sqlite libsecret-1-0
  nlohmann-json3-dev libssl-dev
  # The usage writer binds its INSERT through SQLite's own API (the library Qt's SQLite driver uses).
  libsqlite3-dev
  # Faster malloc for the executables (optional in CMake, but the benchmark targets count on it).
  libjemalloc-dev
  # Tests: offscreen/X11 platform, fonts for charts, a private D-Bus session with an unlocked keyring.
  xvfb xauth fonts-dejavu-core dbus gnome-keyring
  # The benchmark compares the hub with nginx as a plain reverse proxy.
  nginx-light
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}"
