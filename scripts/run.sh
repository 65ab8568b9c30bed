#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make run: the demo. Builds the UML kernel and the modules when needed,
# boots a guest and runs the ncsim demo (scripts/guest/demo.sh): a pair of
# ports in two namespaces, pings, a TCP transfer, iperf3 with TSO on and off.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

build=$(uml_modules test)
exec "$NETCX_TOP/scripts/guest-run.sh" --timeout 600 \
	"$NETCX_TOP/scripts/guest/demo.sh" "$build"
