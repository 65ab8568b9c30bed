#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The QEMU harness itself, a guest script for scripts/qemu-run.sh: what the
# e1000 suites count on, checked with Debian's in-tree e1000 driver.
#
#        netns a                                   netns b
#   +------------------+                      +------------------+
#   | nic0 00:04.0     |   QEMU hub (hubid 0) | nic1 00:05.0     |
#   | 198.18.0.1/24    |<====================>| 198.18.0.2/24    |
#   | 52:54:00:12:34:01|  emulated 82540EMs   | 52:54:00:12:34:02|
#   +------------------+                      +------------------+
#
# The root is read-only and NETCX_OUT writable; the kernel is the one
# NETCX_KVER names, its modules under /lib/modules; modprobe e1000 gives
# both NICs at their PCI addresses with their MACs; a ping crosses the hub;
# the monitor (scripts/guest/qemu-monitor.sh on NETCX_MONITOR) answers,
# refuses an unknown command, takes nic0's link down (the carrier goes, the
# ping stops) and up again, and device_del nic1 removes the PCI device.
# Ends with "qemu_harness: N passed, N failed".
#
#   qemu_harness.sh BUILD      BUILD is not used (the suite loads no netcx)
#
# guests: qemu-6.12 qemu-6.1
# weight: 45
set -u
. "$(dirname "$0")/lib/check.sh"
mon=$NETCX_TOP/scripts/guest/qemu-monitor.sh
if [ -z "${NETCX_KVER:-}" ]; then
	# run where '# guests:' is not read (in UML by an older integration.sh)
	skip "qemu_harness" "not in a QEMU guest (scripts/qemu-run.sh)"
	check_end qemu_harness
	exit
fi

pcidev() {	# PCI address: the interface name of its net device
	local d
	for d in "/sys/bus/pci/devices/$1/net/"*; do
		[ -e "$d" ] && basename "$d" && return 0
	done
	return 0
}
carrier() {	# NS DEV STATE: wait up to 10 s for the carrier STATE
	local _
	for _ in $(seq 100); do
		[ "$(ip netns exec "$1" cat "/sys/class/net/$2/carrier" 2>/dev/null)" = "$3" ] &&
			return 0
		sleep 0.1
	done
	return 1
}
gone() {	# PCI address: wait up to 20 s for the device to go
	local _
	for _ in $(seq 100); do
		[ -e "/sys/bus/pci/devices/$1" ] || return 0
		sleep 0.2
	done
	return 1
}

check "root is read-only" eval '! touch /etc/netcx-qemu-probe 2>/dev/null'
check "NETCX_OUT is writable" eval 'echo ok > "$NETCX_OUT/probe" && rm "$NETCX_OUT/probe"'
check "the kernel is Debian's $NETCX_KVER" eval '[[ $(uname -r) == "$NETCX_KVER".* ]]'
check "/lib/modules holds the running kernel's modules" \
	[ -f "/lib/modules/$(uname -r)/modules.dep" ]
check "modprobe e1000" modprobe e1000
d0=$(pcidev 0000:00:04.0) d1=$(pcidev 0000:00:05.0)
check "nic0 at 0000:00:04.0 ($d0)" [ -n "$d0" ]
check "nic1 at 0000:00:05.0 ($d1)" [ -n "$d1" ]
check "nic0's MAC" [ "$(cat "/sys/class/net/$d0/address" 2>/dev/null)" = 52:54:00:12:34:01 ]
check "nic1's MAC" [ "$(cat "/sys/class/net/$d1/address" 2>/dev/null)" = 52:54:00:12:34:02 ]

ip netns add a
ip netns add b
ip link set "$d0" netns a
ip link set "$d1" netns b
ip -n a addr add 198.18.0.1/24 dev "$d0"
ip -n b addr add 198.18.0.2/24 dev "$d1"
ip -n a link set "$d0" up
ip -n b link set "$d1" up
check "carrier on both" eval 'carrier a "$d0" 1 && carrier b "$d1" 1'
check "ping across the hub" ip netns exec a ping -c 3 -W 2 198.18.0.2

check "monitor: info network names both NICs" \
	eval '"$mon" "info network" | grep -q "nic0.*52:54:00:12:34:01"'
check "monitor: an unknown command fails" eval '! "$mon" "no_such_command" >/dev/null'
check "monitor: set_link nic0 off" "$mon" "set_link nic0 off"
check "link off: no carrier" carrier a "$d0" 0
check "link off: the ping fails" eval '! ip netns exec a ping -c 2 -W 1 198.18.0.2 >/dev/null'
check "monitor: set_link nic0 on" "$mon" "set_link nic0 on"
check "link on: carrier" carrier a "$d0" 1
check "link on: ping again" ip netns exec a ping -c 3 -W 2 198.18.0.2
check "monitor: device_del nic1" "$mon" "device_del nic1"
check "device_del: 0000:00:05.0 is gone" gone 0000:00:05.0
check "device_del: its interface is gone" eval '! ip -n b link show "$d1" 2>/dev/null'
ip netns del a
ip netns del b
check "rmmod e1000" rmmod e1000

check_end qemu_harness
