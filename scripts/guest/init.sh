#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# PID 1 of a netcx UML guest (started by scripts/guest-run.sh). The root file
# system is the host's, through hostfs: everything host-visible that the
# guest writes goes to $NETCX_OUT; /run, /tmp and /dev are guest-private.

export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/tmp LANG=C

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
mount -t tmpfs tmpfs /run
mount -t tmpfs tmpfs /tmp
mount -t debugfs debugfs /sys/kernel/debug
# A checkout below /tmp or /run (a CI clone, say) is hidden by the private
# mounts: show just that folder again, through a hostfs mount of its own.
case $netcx_top in
/tmp/*|/run/*)
	mkdir -p "$netcx_top"
	mount -t hostfs none "$netcx_top" -o "$netcx_top" ;;
esac
ip link set lo up

# shellcheck disable=SC1090
. "$netcx_job"
export NETCX_TOP NETCX_OUT
cd "$NETCX_TOP" || exit 1

leak=/sys/kernel/debug/kmemleak
[ "$NETCX_KMEMLEAK" = 1 ] && [ -w $leak ] && echo clear > $leak

if [ "$NETCX_SHELL" = 1 ]; then
	echo "netcx guest shell; 'exit' powers off"
	setsid -c bash -i
	rc=0
else
	"${NETCX_CMD[@]}"
	rc=$?
fi

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

dmesg > "$NETCX_OUT/dmesg.log"
sync
echo "NETCX-GUEST-RC=$rc"
poweroff -f
