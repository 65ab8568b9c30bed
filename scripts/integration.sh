#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Run one integration suite, a guest script in scripts/integration/, in the
# debug UML kernel with kmemleak:
#
#   scripts/integration.sh scripts/integration/SUITE.sh
#
# Builds the modules against the UML test kernel as scripts/kunit.sh does
# and boots a guest that runs "SUITE.sh BUILD". A suite that answers
# "SUITE.sh --runs" with a list of runs gets a fresh guest per run,
# "SUITE.sh BUILD RUN" (each profile's run starts from a clean kernel, and
# runs stay short). Modules may be unloaded and loaded again within a
# guest: the test kernel has KASAN_VMALLOC, which resets module memory's
# shadow on unload.
#
# A suite whose script mentions "--prepare" is first run on the host as
# "SUITE.sh --prepare BUILD", to build there what its guests run (a tool
# from the kernel source, say) into BUILD.
#
# Each run ends with the suite's closing line "SUITE: N passed, N failed";
# a run whose guest fails (an oops, WARN, sanitizer report, lockdep splat,
# kmemleak leak) or that prints no closing line counts one more failure.
# The last line adds up the runs.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ $# -eq 1 ] || die "usage: $0 scripts/integration/SUITE.sh"
suite=$(realpath "$1")
[ -f "$suite" ] || die "no suite $1"
name=$(basename "$suite" .sh)

uml=$("$NETCX_TOP/scripts/uml-build.sh" test)
build=$("$NETCX_TOP/scripts/build.sh" uml "$uml" ARCH=um)

if grep -q -e --prepare "$suite"; then
	bash "$suite" --prepare "$build" >&2 || die "$name: --prepare failed"
fi
runs=$(bash "$suite" --runs 2>/dev/null || true)
pass=0 fail=0
for run in ${runs:-.}; do
	[ "$run" = . ] && run=
	out=$NETCX_SCRATCH/guest/$name${run:+-$run}-$(date +%Y%m%d-%H%M%S)-$$
	[ -n "$run" ] && echo "== $name $run"
	grc=0
	# shellcheck disable=SC2086
	"$NETCX_TOP/scripts/guest-run.sh" --kmemleak --timeout 900 --out "$out" \
		"$suite" "$build" $run || grc=$?
	line=$(tr -d '\r' < "$out/console.log" 2>/dev/null |
	       grep -E "^$name: [0-9]+ passed, [0-9]+ failed" | tail -n 1 || true)
	p=0 f=1
	[ -n "$line" ] || echo "$name${run:+ $run}: no closing line, see $out"
	if [[ $line =~ ^$name:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
		p=${BASH_REMATCH[1]} f=${BASH_REMATCH[2]}
	fi
	if [ "$grc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "$name${run:+ $run}: the guest failed, see $out"
	fi
	pass=$((pass + p))
	fail=$((fail + f))
done
echo "$name: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
