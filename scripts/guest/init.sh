#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# PID 1 of a netcx UML guest (started by scripts/guest-run.sh). The root file
# system is the host's, through hostfs: everything host-visible that the
# guest writes goes to $NETCX_OUT; /run, /tmp and /dev are guest-private.
# The steps it shares with the QEMU guest's init are scripts/guest/common.sh's.
# netcx_top and netcx_job come from the kernel command line.
# shellcheck disable=SC2154

# shellcheck source=scripts/guest/common.sh
. "$(dirname "$0")/common.sh"

guest_mount_dev
guest_mount_private
# A checkout below /tmp or /run (a CI clone, say) is hidden by the private
# mounts: show just that folder again, through a hostfs mount of its own.
case $netcx_top in
/tmp/*|/run/*)
	mkdir -p "$netcx_top"
	mount -t hostfs none "$netcx_top" -o "$netcx_top" ;;
esac
ip link set lo up

guest_job "$netcx_job"

leak=/sys/kernel/debug/kmemleak
[ "$NETCX_KMEMLEAK" = 1 ] && [ -w $leak ] && echo clear > $leak

guest_run

if [ "$NETCX_KMEMLEAK" = 1 ]; then
	if [ -w $leak ]; then
		# kmemleak reports objects only once they are 5 s old.
		echo scan > $leak
		sleep 6
		echo scan > $leak
		cat $leak > "$NETCX_OUT/kmemleak.log"
		if [ -s "$NETCX_OUT/kmemleak.log" ]; then
			echo "kmemleak found leaks:"
			head -40 "$NETCX_OUT/kmemleak.log"
			[ $rc -eq 0 ] && rc=1
		fi
	else
		echo "kmemleak: $leak is missing, no scan (kernel without DEBUG_KMEMLEAK?)"
		[ $rc -eq 0 ] && rc=1
	fi
fi

guest_end "$rc"
