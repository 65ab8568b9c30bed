#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the modules against one kernel tree in a private copy of the sources,
# so that builds for several kernels never overwrite each other's objects.
#
#   scripts/build.sh NAME KDIR [make arguments...]
#
# The copy lives in $NETCX_SCRATCH/build/NAME; its path is printed last.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ $# -ge 2 ] || die "usage: $0 NAME KDIR [make arguments...]"
name=$1 kdir=$2
shift 2
[ -f "$kdir/Makefile" ] || die "no kernel build tree at $kdir"

dst=$NETCX_SCRATCH/build/$name
mkdir -p "$dst"
# Keep modification times, so that kbuild rebuilds only what changed.
(cd "$NETCX_TOP" && cp -a --parents Kbuild $(git ls-files -co --exclude-standard \
	src include testing kunit bench 2>/dev/null || find src include testing kunit bench -type f) "$dst")

# with the KUnit suites and the bench module (Kbuild: NETCX_TESTS)
make -s -C "$kdir" M="$dst" -j"$NETCX_JOBS" NETCX_TESTS=y "$@" modules >&2
echo "$dst"
