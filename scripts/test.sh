#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make test: every check and test. First make check (its builds against the
# three trees in parallel), then the modules built once per guest kind
# (and each suite's --prepare), then one job pool of every guest: the KUnit
# guest (scripts/kunit.sh) and every run of every integration suite in
# scripts/integration/, NETCX_JOBS at a time (scripts/guests.sh).
#
#   make test
#   NETCX_JOBS=N make test                  N guests at once (default nproc)
#   NETCX_SUITES="kunit ncsim_smoke" make test   only these guests (kunit
#                                           and suite names; check still runs)
#
# Each stage reports "STAGE: N passed, N failed" (kunit adds "N skipped";
# each suite's line adds up its runs). At the end, a table of the wall
# time of every stage and run, lines "time: LABEL  Ns" (stages check, build,
# guests; their parts as STAGE/PART), then "make test took Ns", the runs
# that failed with their logs, and last "test: N passed, N failed".
set -uo pipefail
. "$(dirname "$0")/lib.sh"
. "$NETCX_TOP/scripts/pool.sh"
. "$NETCX_TOP/scripts/guests.sh"

t_start=$(pool_usecs)
"$NETCX_TOP/scripts/deps.sh" all || exit 1
mkdir -p "$NETCX_SCRATCH"
export NETCX_TIMES=$NETCX_SCRATCH/test-times
: > "$NETCX_TIMES"
guests_time deps "$t_start"
total_pass=0 total_fail=0 failed=()

stage() {	# NAME COMMAND...: run, echo, and add up its closing counts
	local name=$1 log=$NETCX_SCRATCH/test-$1.log rc p f t0
	shift
	echo "== $name"
	t0=$(pool_usecs)
	POOL_PREFIX=$name "$@" 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	guests_time "$name" "$t0"
	# a stage without a closing line counts 0 and 0, unless it failed
	closing_line '[a-z_-]+' "$log" || CLOSING_FAIL=0
	p=$CLOSING_PASS f=$CLOSING_FAIL
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1	# failed without saying what: count the stage itself
	fi
	[ "$f" -eq 0 ] || failed+=("$name: $log")
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
}

selected() {	# NAME: is NAME among NETCX_SUITES (or is none named)?
	[ -z "${NETCX_SUITES:-}" ] && return 0
	[[ " $NETCX_SUITES " == *" $1 "* ]]
}

stage check "$NETCX_TOP/scripts/check.sh"

echo "== build"
t0=$(pool_usecs)
selected kunit && guests_kunit
for suite in "$NETCX_TOP"/scripts/integration/*.sh; do
	[ -e "$suite" ] || continue
	selected "$(basename "$suite" .sh)" && guests_suite "$suite"
done
guests_prepare
guests_time build "$t0"
guests_run
total_pass=$((total_pass + GUESTS_PASS))
total_fail=$((total_fail + GUESTS_FAIL))
failed+=("${GUESTS_FAILED[@]}")

# Each stage, then its parts (STAGE/PART) in the order they were shown.
echo "== times (wall clock, NETCX_JOBS=$NETCX_JOBS)"
awk -F'\t' '{ secs[NR] = $1; label[NR] = $2 }
	END {
		for (i = 1; i <= NR; i++) {
			if (index(label[i], "/")) continue
			printf "time: %-44s %6ss\n", label[i], secs[i]
			for (j = 1; j <= NR; j++)
				if (index(label[j], label[i] "/") == 1)
					printf "time:   %-42s %6ss\n", substr(label[j], length(label[i]) + 2), secs[j]
		}
	}' "$NETCX_TIMES"
echo "make test took $((($(pool_usecs) - t_start + 500000) / 1000000))s"
for f in "${failed[@]}"; do
	echo "failed: $f"
done
echo "test: $total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
