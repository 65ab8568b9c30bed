# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# The checks of the guest suites: sourced, never run.
#
#   check DESCRIPTION COMMAND...   run COMMAND: "ok - DESCRIPTION" when it
#                                  succeeds, else "not ok - DESCRIPTION"
#   skip DESCRIPTION REASON        "skip - DESCRIPTION: REASON", a case
#                                  that does not apply
#   check_end SUITE                "SUITE: N passed, N failed[, N skipped]"
#                                  (the line scripts/integration.sh reads);
#                                  false when a check failed
#   check_counts NAME FILE WHAT    a helper's checks become ours: the
#                                  counts of FILE's last "NAME: N passed,
#                                  N failed" line added to ours; without
#                                  such a line, "not ok - WHAT"
#   gt0 N, eq0 N                   N > 0, N == 0 (a missing N fails)
#   kernel_before MAJOR MINOR      the running kernel is older than
#                                  MAJOR.MINOR (for a skip's reason)

pass=0 fail=0 skip=0

check() {
	local what=$1
	shift
	if "$@"; then
		pass=$((pass + 1))
		echo "ok - $what"
	else
		fail=$((fail + 1))
		echo "not ok - $what"
	fi
}

skip() {
	skip=$((skip + 1))
	echo "skip - $1: $2"
}

check_end() {
	if [ "$skip" -gt 0 ]; then
		echo "$1: $pass passed, $fail failed, $skip skipped"
	else
		echo "$1: $pass passed, $fail failed"
	fi
	[ "$fail" -eq 0 ]
}

check_counts() {
	local line
	line=$(grep -E "^$1: [0-9]+ passed, [0-9]+ failed" "$2" | tail -n 1)
	if [[ $line =~ ^$1:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
		pass=$((pass + BASH_REMATCH[1]))
		fail=$((fail + BASH_REMATCH[2]))
	else
		fail=$((fail + 1))
		echo "not ok - $3"
	fi
}

gt0() { [ "${1:-0}" -gt 0 ]; }
eq0() { [ "${1:-1}" -eq 0 ]; }

kernel_before() {
	local v major minor
	v=$(uname -r)
	major=${v%%.*} minor=${v#*.}
	minor=${minor%%[!0-9]*}
	[ "$major" -lt "$1" ] || { [ "$major" -eq "$1" ] && [ "$minor" -lt "$2" ]; }
}
