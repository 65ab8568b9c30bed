# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# The steps every netcx guest's PID 1 takes (scripts/guest/init.sh for UML,
# scripts/guest/qemu-init.sh for QEMU): sourced, never run. Sourced first
# thing, while the script's own folder is still visible (a checkout below
# /tmp or /run is hidden by the private mounts until the init shows it
# again).
#
#   guest_mount_dev      /proc, /sys, /dev (devtmpfs, pts, shm)
#   guest_mount_private  the guest's own tmpfs on /run and /tmp, debugfs
#   guest_job FILE       read the job file the runner wrote (scripts/lib.sh's
#                        guest_job), export NETCX_TOP and NETCX_OUT, go to
#                        NETCX_TOP
#   guest_run            the job's command, or a shell for --shell; sets rc
#   guest_end RC         dmesg.log, then the verdict line NETCX-GUEST-RC=RC
#                        that the runner reads, and power off

export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/tmp LANG=C

guest_mount_dev() {
	mount -t proc proc /proc
	mount -t sysfs sysfs /sys
	mount -t devtmpfs devtmpfs /dev
	mkdir -p /dev/pts /dev/shm
	mount -t devpts devpts /dev/pts
	mount -t tmpfs tmpfs /dev/shm
}

guest_mount_private() {
	mount -t tmpfs tmpfs /run
	mount -t tmpfs tmpfs /tmp
	mount -t debugfs debugfs /sys/kernel/debug
}

guest_job() {
	# shellcheck disable=SC1090
	. "$1"
	export NETCX_TOP NETCX_OUT
	cd "$NETCX_TOP" || exit 1
}

# shellcheck disable=SC2034 # rc is the init's
guest_run() {
	if [ "$NETCX_SHELL" = 1 ]; then
		echo "netcx guest shell; 'exit' powers off"
		setsid -c bash -i
		rc=0
	else
		"${NETCX_CMD[@]}"
		rc=$?
	fi
}

guest_end() {
	[ -n "${NETCX_OUT:-}" ] && dmesg > "$NETCX_OUT/dmesg.log"
	sync
	echo "NETCX-GUEST-RC=$1"
	poweroff -f
}
