# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# The guest's CPU time, for the benchmarks that print CPU seconds per GB
# (bench.sh, bench-e1000cx.sh): sourced, never run. Inside a guest only.
#
#   hz         the clock ticks per second /proc/stat counts in
#   cpu_busy   ticks of every CPU but idle and iowait, since boot

hz=$(getconf CLK_TCK)

cpu_busy() {
	awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}
