#!/bin/sh
# Installs what Quarterdeck needs, builds it, installs it under
# /usr/local and opens it. Any arguments are passed to quarterdeck.
set -eu
cd "$(dirname "$0")/.."

./build-aux/deps.sh

if [ ! -f build/build.ninja ]; then
  meson setup build --prefix=/usr/local
fi
ninja -C build

if [ "$(id -u)" -eq 0 ]; then
  ninja -C build install >/dev/null
else
  sudo ninja -C build install >/dev/null
fi

exec /usr/local/bin/quarterdeck "$@"
