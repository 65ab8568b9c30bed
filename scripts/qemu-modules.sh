#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Build netcx's modules for the Debian kernel a QEMU guest boots and print
# the folder that holds them (netcx.ko, ncsim.ko, ...).
#
#   scripts/qemu-modules.sh 6.12|6.1
#
# The headers are the ones scripts/headers.sh (make check) and
# scripts/qemu-kernel.sh pick, linux-headers-<release>; the build is
# scripts/build.sh's, in $NETCX_SCRATCH/build/deb-<series>.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

deb_series "$0 6.12|6.1" "$@"
series=$1
"$NETCX_TOP/scripts/deps.sh" check
hdr=$(deb_headers "$series")
[ -n "$hdr" ] || die "no linux-headers package installed for Debian's $series"
exec "$NETCX_TOP/scripts/build.sh" "deb-$series" "/usr/src/$hdr"
