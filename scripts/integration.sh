#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Run integration suites, guest scripts in scripts/integration/, in the
# debug UML kernel with kmemleak (or the guests a suite names):
#
#   scripts/integration.sh scripts/integration/SUITE.sh [SUITE.sh...]
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
# The runs of every suite named go through one job pool, NETCX_JOBS guests
# at once (scripts/guests.sh says how, and what "# guests:", "# weight:"
# and "# timeout:" lines in a suite's header do); make test uses the same
# code for all its guests.
#
# Each run ends with the suite's closing line "SUITE: N passed, N failed";
# a run whose guest fails (an oops, WARN, sanitizer report, lockdep splat,
# kmemleak leak) or that prints no closing line counts one more failure.
# After a suite's last run, its line adds up its runs.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
. "$NETCX_TOP/scripts/pool.sh"
. "$NETCX_TOP/scripts/guests.sh"

[ $# -ge 1 ] || die "usage: $0 scripts/integration/SUITE.sh [SUITE.sh...]"
for suite in "$@"; do
	guests_suite "$suite"
done
guests_prepare
guests_run
for failed in "${GUESTS_FAILED[@]}"; do
	echo "failed: $failed"
done
[ "$GUESTS_FAIL" -eq 0 ]
