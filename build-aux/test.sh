#!/bin/sh
# Installs what the tests need and runs the whole suite: unit tests,
# UI tests under Xvfb, validators and fuzz corpus replay; then the same
# suite again on an AddressSanitizer + UBSan build.
set -eu
cd "$(dirname "$0")/.."

./build-aux/deps.sh --tests

status=0

build () {
  dir=$1
  shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@"
  fi
  ninja -C "$dir"
}

build build-test
meson test -C build-test --print-errorlogs --num-processes 2 || status=1

# The sanitizer build runs the same suite. Leaks are checked with full
# stacks on everything but the window tests: in a GTK process GLib keeps
# old quark tables on purpose, which only a slow, full unwind can tell
# apart from a real leak, and that makes the window tests ten times slower.
build build-sanitize -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 \
  meson test -C build-sanitize --print-errorlogs --num-processes 2 --timeout-multiplier 6 \
    --suite unit --suite data --suite fuzz --logbase testlog-leaks || status=1
ASAN_OPTIONS=detect_leaks=0 \
  meson test -C build-sanitize --print-errorlogs --num-processes 2 --timeout-multiplier 6 \
    --suite ui --logbase testlog-ui || status=1

# One closing line for the whole run.
python3 - build-test/meson-logs/testlog.json build-sanitize/meson-logs/testlog-leaks.json \
          build-sanitize/meson-logs/testlog-ui.json <<'PY'
import json, sys
passed = failed = skipped = 0
for log in sys.argv[1:]:
    try:
        with open(log) as f:
            for line in f:
                r = json.loads(line).get("result")
                if r in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                elif r == "SKIP":
                    skipped += 1
                else:
                    failed += 1
    except FileNotFoundError:
        failed += 1
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY

exit $status
