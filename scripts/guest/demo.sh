#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Guest side of "make run": load netcx and ncsim from the build folder $1,
# show the ports ncsim registered and their offloads, unload.
set -eu
build=$1

run() {
	echo "# $*"
	"$@"
	echo
}

run insmod "$build/netcx.ko"
run insmod "$build/ncsim.ko"
run ip -br link show
for dev in $(ip -o link show | awk -F': ' '/ncsim/ {print $2}'); do
	run ethtool -i "$dev"
	run ethtool -k "$dev"
done
run rmmod ncsim
run rmmod netcx
