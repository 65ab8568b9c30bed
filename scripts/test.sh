#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make test: every check and test, in order: make check, make kunit, then
# every integration suite in scripts/integration/ (each a guest script).
# Each stage reports "STAGE: N passed, N failed"; the last line adds them up.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

start=$(date +%s)
"$NETCX_TOP/scripts/deps.sh" all || exit 1
mkdir -p "$NETCX_SCRATCH"
total_pass=0 total_fail=0

stage() {	# NAME COMMAND...: run, echo, and add up its closing counts
	local name=$1 log=$NETCX_SCRATCH/test-$1.log rc line p f
	shift
	echo "== $name"
	"$@" 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	line=$(grep -E '^[a-z_-]+: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	p=$(sed -E 's/^[a-z_-]+: ([0-9]+) passed.*/\1/' <<< "$line")
	f=$(sed -E 's/^[a-z_-]+: [0-9]+ passed, ([0-9]+) failed.*/\1/' <<< "$line")
	p=${p:-0} f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1	# failed without saying what: count the stage itself
	fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
}

stage check "$NETCX_TOP/scripts/check.sh"
stage kunit "$NETCX_TOP/scripts/kunit.sh"
for suite in "$NETCX_TOP"/scripts/integration/*.sh; do
	[ -e "$suite" ] || continue
	stage "$(basename "$suite" .sh)" "$NETCX_TOP/scripts/integration.sh" "$suite"
done

echo "== make test took $(( $(date +%s) - start ))s"
echo "test: $total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
