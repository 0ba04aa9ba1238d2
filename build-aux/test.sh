#!/bin/sh
# Installs what the tests need and runs the whole suite: unit tests,
# UI tests under Xvfb, validators and fuzz corpus replay; then the same
# suite again on an AddressSanitizer + UBSan build.
set -eu
cd "$(dirname "$0")/.."

./build-aux/deps.sh --tests

status=0

run_suite () {
  dir=$1
  shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@"
  fi
  ninja -C "$dir"
  meson test -C "$dir" --print-errorlogs --num-processes 2 || status=1
}

run_suite build-test
ASAN_OPTIONS=detect_leaks=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run_suite build-sanitize -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug

# One closing line for the whole run.
python3 - build-test build-sanitize <<'PY'
import json, sys
passed = failed = skipped = 0
for d in sys.argv[1:]:
    try:
        with open(d + "/meson-logs/testlog.json") as f:
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
