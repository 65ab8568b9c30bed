#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# PID 1 of a netcx QEMU guest on the host's root (started by the initramfs
# of scripts/qemu-kernel.sh, for scripts/qemu-run.sh). The root is the host's
# /, read-only through 9p; the run's output folder is a second, writable 9p
# share ("out") mounted at the same path; /run, /tmp and /dev are
# guest-private; /lib/modules is the Debian kernel's own module tree.
# netcx_top, netcx_out and netcx_modules come from the kernel command line.
# The steps it shares with the UML guest's init are scripts/guest/common.sh's.
# shellcheck disable=SC2154

# shellcheck source=scripts/guest/common.sh
. "$(dirname "$0")/common.sh"
p9=trans=virtio,version=9p2000.L,msize=262144

guest_mount_dev
# Before the tmpfs mounts: the module tree may be in a cache below /tmp.
mount --bind "$netcx_modules" /lib/modules
guest_mount_private
# A checkout below /tmp or /run (a CI clone, say) is hidden by the private
# mounts: qemu-run.sh shares that folder on its own ("top", read-only).
case $netcx_top in
/tmp/*|/run/*)
	mkdir -p "$netcx_top"
	mount -t 9p -o "$p9,ro" top "$netcx_top" ;;
esac
mkdir -p "$netcx_out" 2>/dev/null
if ! mount -t 9p -o "$p9" out "$netcx_out"; then
	echo "netcx guest: cannot mount the output share on $netcx_out"
	guest_end 125
fi
ip link set lo up

guest_job "$netcx_out/job"
# The monitor: the virtio-serial port named NETCX_MONITOR_PORT (qemu-run.sh;
# virtio_console is a module on 6.1, built in on 6.12); its name comes from
# QEMU a moment after the port.
NETCX_MONITOR=
modprobe -q virtio_console
for _ in $(seq 50); do
	for port in /sys/class/virtio-ports/*; do
		[ "$(cat "$port/name" 2>/dev/null)" = "${NETCX_MONITOR_PORT:-}" ] &&
			NETCX_MONITOR=/dev/$(basename "$port")
	done
	[ -n "$NETCX_MONITOR" ] && break
	sleep 0.1
done
export NETCX_KVER NETCX_MONITOR
echo "netcx guest: $(uname -r) up after $(cut -d' ' -f1 /proc/uptime)s of guest time"

guest_run
guest_end "$rc"
