#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make run: the demo. Builds the UML kernel and the modules when needed,
# boots a guest, loads netcx and ncsim and shows what they registered.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

uml=$("$NETCX_TOP/scripts/uml-build.sh" test)
build=$("$NETCX_TOP/scripts/build.sh" uml "$uml" ARCH=um)
exec "$NETCX_TOP/scripts/guest-run.sh" --timeout 300 \
	"$NETCX_TOP/scripts/guest/demo.sh" "$build"
