#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make qemu-shell KVER=6.12|6.1: build the modules for that Debian kernel
# and leave you at a shell inside a QEMU guest running it, two 82540EM NICs
# and the monitor on NETCX_MONITOR (scripts/qemu-run.sh). The modules are in
# the folder printed first.
#
#   scripts/qemu-shell.sh [6.12|6.1] [qemu-run.sh options...]
set -euo pipefail
. "$(dirname "$0")/lib.sh"

series=${1:-6.12}
deb_series "$0 [6.12|6.1] [qemu-run.sh options...]" "$series"
[ $# -gt 0 ] && shift
build=$("$NETCX_TOP/scripts/qemu-modules.sh" "$series")
log "modules: $build (insmod $build/netcx.ko; insmod $build/ncsim.ko; modprobe e1000)"
log "monitor: scripts/guest/qemu-monitor.sh \"set_link nic0 off\"; poweroff with 'exit'"
exec "$NETCX_TOP/scripts/qemu-run.sh" --kernel "$series" "$@" --shell
