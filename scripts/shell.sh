#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make shell: build the modules for the UML test kernel and leave you at a
# shell inside the guest. The modules are in $NETCX_MODULES.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

build=$(uml_modules test)
log "modules: $build (insmod $build/netcx.ko; insmod $build/ncsim.ko)"
exec "$NETCX_TOP/scripts/guest-run.sh" --shell
