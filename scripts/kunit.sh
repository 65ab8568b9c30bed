#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make kunit: build the modules against the UML test kernel, load netcx and
# every KUnit suite module in a guest, and judge the KTAP they produced with
# the kernel tree's own parser (tools/testing/kunit/kunit.py parse).
#
# Fails on any failed case, on a guest that did not finish, and on any oops,
# WARN, sanitizer report, lockdep splat or kmemleak leak. The last line is
# "kunit: N passed, N failed, N skipped".
#
#   scripts/kunit.sh                build the modules, then run the guest
#   scripts/kunit.sh --build DIR    the modules are built in DIR already
#                                   (scripts/test.sh builds once for all)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

build=
if [ "${1:-}" = --build ]; then
	[ $# -eq 2 ] || die "usage: $0 [--build DIR]"
	build=$2
fi
src=$("$NETCX_TOP/scripts/kernel-src.sh")
if [ -z "$build" ]; then
	build=$(uml_modules test)
fi

out=$NETCX_SCRATCH/guest/kunit-$(date +%Y%m%d-%H%M%S)-$$
grc=0
"$NETCX_TOP/scripts/guest-run.sh" --kmemleak --timeout 900 --out "$out" \
	"$NETCX_TOP/scripts/guest/kunit.sh" "$build" || grc=$?

[ -s "$out/ktap" ] || { echo "kunit: 0 passed, 1 failed (no KTAP: the guest failed)"; exit 1; }

prc=0
python3 "$src/tools/testing/kunit/kunit.py" parse --json="$out/kunit.json" \
	"$out/ktap" || prc=$?

[ -s "$out/kunit.json" ] || { echo "kunit: 0 passed, 1 failed (kunit.py could not parse $out/ktap)"; exit 1; }
read -r pass fail skip < <(python3 - "$out/kunit.json" <<'PY'
import json, sys
counts = {"PASS": 0, "FAIL": 0, "SKIP": 0}
def walk(t):
    for c in t.get("test_cases", []):
        counts[c["status"]] = counts.get(c["status"], 0) + 1
    for s in t.get("sub_groups", []):
        walk(s)
walk(json.load(open(sys.argv[1])))
other = sum(v for k, v in counts.items() if k not in ("PASS", "SKIP"))
print(counts["PASS"], other, counts["SKIP"])
PY
)
if [ "$grc" -ne 0 ] && [ "$fail" -eq 0 ]; then
	fail=1   # the guest itself failed: a splat, a leak or an unload error
fi
[ "$prc" -ne 0 ] && [ "$fail" -eq 0 ] && fail=1
echo "kunit: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
