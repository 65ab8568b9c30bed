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
#   ec_vlan_up          VLAN 5 (vl5) over both ports: 198.18.1.x/24 and
#                       2001:2:0:1::x/64
#   ec_port0_up         nic0 alone (again) into netns a, addressed, its VLAN
#                       5 again, link up (after rmmod or an unplug, nic1
#                       staying in b)
#   ec_csum_errors      nstat's checksum error counters, both namespaces,
#                       added up
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

ec_vlan_up() {
	local i ns dev
	for i in 0 1; do
		ns=${NCSIM_NS[$i]} dev=${EC_DEV[$i]}
		ip -n "$ns" link add link "$dev" name vl5 type vlan id 5 || return 1
		# no router solicitations or MLD reports of its own
		ip netns exec "$ns" sysctl -qw net.ipv6.conf.vl5.accept_ra=0 \
			net.ipv6.conf.vl5.router_solicitations=0
		ip -n "$ns" addr add "198.18.1.$((i + 1))/24" dev vl5
		ip -n "$ns" addr add "2001:2:0:1::$((i + 1))/64" dev vl5 nodad
		ip -n "$ns" link set vl5 up || return 1
	done
}

ec_port0_up() {
	local dev
	dev=$(e1000cx_netdev "${EC_PCI[0]}")
	[ -n "$dev" ] || return 1
	EC_DEV[0]=$dev
	ip link set "$dev" netns a || return 1
	ip -n a addr add "${NCSIM_IP4[0]}/24" dev "$dev"
	ip -n a addr add "${NCSIM_IP6[0]}/64" dev "$dev" nodad
	ip -n a link add link "$dev" name vl5 type vlan id 5 || return 1
	ip netns exec a sysctl -qw net.ipv6.conf.vl5.accept_ra=0 \
		net.ipv6.conf.vl5.router_solicitations=0
	ip -n a addr add 198.18.1.1/24 dev vl5
	ip -n a addr add 2001:2:0:1::1/64 dev vl5 nodad
	ip -n a link set "$dev" up || return 1
	ip -n a link set vl5 up || return 1
	e1000cx_wait_carrier a "$dev"
}

ec_csum_errors() {
	local ns n=0 v
	for ns in a b; do
		v=$(ip netns exec "$ns" awk '
			/^(Tcp|Udp):/ { if (!h[$1]) { split($0, k); h[$1] = 1; next }
					 for (i = 2; i <= NF; i++)
						 if (k[i] == "InCsumErrors") s += $i }
			/^Udp6InCsumErrors/ { s += $2 }
			END { print s + 0 }' /proc/net/snmp /proc/net/snmp6)
		n=$((n + v))
	done
	echo "$n"
}

ec_monitor() {
	"$EC_MONITOR" "$@"
}
