# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# More helpers for the e1000cx guest suites (e1000cx_matrix, e1000cx_runtime)
# on top of lib/e1000cx.sh: sourced, never run; inside a QEMU guest only.
#
#   ec_setup BUILD DRV1 [PARAM=VALUE...]
#                       e1000cx on nic0 (netns a), DRV1 (e1000 or e1000cx)
#                       on nic1 (netns b), both up and addressed; PARAMs go
#                       to e1000cx's insmod
#   ec_port0_up         nic0 alone (again) into netns a, addressed, its VLAN
#                       5 again, link up (after rmmod or an unplug, nic1
#                       staying in b)
#   ec_monitor CMD      one HMP command to the guest's QEMU

# shellcheck source=scripts/integration/lib/e1000cx.sh
. "$(dirname "${BASH_SOURCE[0]}")/e1000cx.sh"

EC_MONITOR=$NETCX_TOP/scripts/guest/qemu-monitor.sh

ec_setup() {
	local build=$1 drv1=$2
	shift 2
	[ "$drv1" = e1000 ] && { modprobe e1000 || return 1; }
	echo e1000cx > "/sys/bus/pci/devices/${EC_PCI[0]}/driver_override"
	echo "$drv1" > "/sys/bus/pci/devices/${EC_PCI[1]}/driver_override"
	e1000cx_load "$build" "$@" || return 1
	e1000cx_drivers e1000cx "$drv1" || return 1
	e1000cx_pair_up
}

ec_port0_up() {
	local dev
	dev=$(e1000cx_netdev "${EC_PCI[0]}")
	[ -n "$dev" ] || return 1
	EC_DEV[0]=$dev
	ncsim_port_up a "$dev" "${NCSIM_IP4[0]}" "${NCSIM_IP6[0]}" || return 1
	e1000cx_vlan 0 || return 1
	e1000cx_wait_carrier a "$dev"
}

ec_monitor() {
	"$EC_MONITOR" "$@"
}
