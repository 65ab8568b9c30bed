#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Run one integration suite in a QEMU guest on one of Debian's kernels, by
# hand: what scripts/integration.sh does in UML, for a developer.
#
#   scripts/qemu-suite.sh 6.12|6.1 scripts/integration/SUITE.sh [RUN...]
#
# Builds the modules for that kernel (scripts/qemu-modules.sh) and boots a
# fresh guest (scripts/qemu-run.sh) for each run: the RUNs named, else those
# "SUITE.sh --runs" lists, each as "SUITE.sh BUILD RUN". A run counts as
# scripts/integration.sh counts it (its closing line "SUITE: N passed, N
# failed", one more failure when the guest fails or prints none) and says
# how long it took. The last line adds up the runs.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ $# -ge 2 ] || die "usage: $0 6.12|6.1 scripts/integration/SUITE.sh [RUN...]"
series=$1 suite=$(realpath "$2")
shift 2
[ -f "$suite" ] || die "no suite $suite"
name=$(basename "$suite" .sh)

build=$("$NETCX_TOP/scripts/qemu-modules.sh" "$series")
if grep -q -e --prepare "$suite"; then
	bash "$suite" --prepare "$build" >&2 || die "$name: --prepare failed"
fi
if [ $# -gt 0 ]; then
	runs="$*"
else
	runs=$(bash "$suite" --runs 2>/dev/null || true)
fi
pass=0 fail=0 start=$(date +%s)
for run in ${runs:-.}; do
	[ "$run" = . ] && run=
	out=$NETCX_SCRATCH/guest/$name${run:+-$run}-qemu-$series-$(date +%Y%m%d-%H%M%S)-$$
	t=$(date +%s)
	grc=0
	mkdir -p "$out"
	# shellcheck disable=SC2086
	"$NETCX_TOP/scripts/qemu-run.sh" --kernel "$series" --out "$out" \
		"$suite" "$build" $run >"$out/host.log" 2>&1 || grc=$?
	closing_line "$name" "$out/console.log" ||
		echo "$name${run:+ $run}: no closing line, see $out"
	p=$CLOSING_PASS f=$CLOSING_FAIL
	if [ "$grc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "$name${run:+ $run}: the guest failed, see $out (host.log)"
	fi
	grep -E '^not ok' "$out/console.log" 2>/dev/null || true
	echo "== $name${run:+ $run} on $series: $p passed, $f failed, $(( $(date +%s) - t ))s"
	pass=$((pass + p))
	fail=$((fail + f))
done
echo "== $name on $series took $(( $(date +%s) - start ))s"
echo "$name: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
