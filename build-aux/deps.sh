#!/bin/sh
# Installs the Debian 12 packages Quarterdeck needs.
#   build-aux/deps.sh          what building and running need
#   build-aux/deps.sh --tests  also what the test suite needs
set -eu

packages="meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libcairo2-dev libpango1.0-dev
  desktop-file-utils appstream
  adwaita-icon-theme fonts-cantarell"

if [ "${1:-}" = "--tests" ]; then
  packages="$packages xvfb xauth dbus-x11 poppler-utils librsvg2-bin
    sqlite3 locales clang libclang-rt-14-dev"
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
else
  sudo="sudo"
fi

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  $sudo apt-get update -q
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
fi

# The tests check number grouping and the Spanish interface, which need
# these locales generated.
if [ "${1:-}" = "--tests" ] && command -v locale-gen >/dev/null 2>&1; then
  if ! locale -a 2>/dev/null | grep -qi '^en_US.utf8$' || ! locale -a 2>/dev/null | grep -qi '^es_ES.utf8$'; then
    $sudo sed -i -e 's/^# *\(en_US.UTF-8 UTF-8\)/\1/' -e 's/^# *\(es_ES.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    $sudo locale-gen >/dev/null
  fi
fi
