# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Helpers for the guest scripts that drive e1000cx on the QEMU guest's two
# 82540EM NICs (scripts/qemu-run.sh): sourced, never run. Inside a QEMU
# guest only. Which driver serves which NIC is chosen per PCI function
# with driver_override, so e1000cx and the in-tree e1000 share one boot.
#
#        netns a                                        netns b
#   +--------------------+                       +--------------------+
#   | nic0 00:04.0       |     QEMU hub 0        | nic1 00:05.0       |
#   | e1000cx            |<=====================>| e1000 (or e1000cx) |
#   | 198.18.0.1/24      |  82540EM model TX ->  | 198.18.0.2/24      |
#   | 2001:2::1/64       |  hub -> model RX      | 2001:2::2/64       |
#   +--------------------+                       +--------------------+
#
# The port names: EC_DEV[0] and EC_DEV[1], set by e1000cx_pair_up. The
# namespaces, addresses and traffic helpers are lib/netns.sh's.

# shellcheck source=scripts/integration/lib/netns.sh
. "$(dirname "${BASH_SOURCE[0]}")/netns.sh"

EC_PCI=(0000:00:04.0 0000:00:05.0)
EC_DEV=(eth0 eth1)

# e1000cx_netdev PCI: the net_device of a PCI function, if it has one
e1000cx_netdev() {
	local n
	for n in "/sys/bus/pci/devices/$1/net/"*; do
		[ -e "$n" ] && { basename "$n"; return 0; }
	done
}

# e1000cx_bind PCI DRIVER: serve the function with DRIVER (e1000cx or e1000)
e1000cx_bind() {
	local dev=/sys/bus/pci/devices/$1 i
	echo "$2" > "$dev/driver_override" || return 1
	if [ -e "$dev/driver" ]; then
		[ "$(basename "$(readlink "$dev/driver")")" = "$2" ] && return 0
		echo "$1" > "$dev/driver/unbind" || return 1
	fi
	echo "$1" > /sys/bus/pci/drivers_probe 2>/dev/null
	for i in $(seq 50); do
		[ -n "$(e1000cx_netdev "$1")" ] && return 0
		sleep 0.1
	done
	return 1
}

# e1000cx_load BUILD [PARAM=VALUE...]: netcx (once) and e1000cx, bound by
# driver_override only: set it on each function before
e1000cx_load() {
	netcx_load "$1" e1000cx "${@:2}"
}

# e1000cx_drivers DRV0 DRV1: which driver serves nic0 and nic1; both
# functions get their override first, so loading e1000cx takes only its own
e1000cx_drivers() {
	echo "$1" > "/sys/bus/pci/devices/${EC_PCI[0]}/driver_override"
	echo "$2" > "/sys/bus/pci/devices/${EC_PCI[1]}/driver_override"
	e1000cx_bind "${EC_PCI[0]}" "$1" && e1000cx_bind "${EC_PCI[1]}" "$2"
}

# e1000cx_pair_up: nic0 into netns a, nic1 into netns b, addressed and up
e1000cx_pair_up() {
	local i ns dev
	for i in 0 1; do
		ns=${NCSIM_NS[$i]}
		dev=$(e1000cx_netdev "${EC_PCI[$i]}")
		[ -n "$dev" ] || return 1
		EC_DEV[i]=$dev
		ip netns add "$ns" 2>/dev/null
		ncsim_port_up "$ns" "$dev" "${NCSIM_IP4[$i]}" "${NCSIM_IP6[$i]}" ||
			return 1
	done
	# autonegotiation in QEMU's model takes a few seconds
	e1000cx_wait_carrier a "${EC_DEV[0]}" && e1000cx_wait_carrier b "${EC_DEV[1]}"
}

# e1000cx_wait_carrier NS DEV [0|1]: wait up to 10 s for the carrier state
e1000cx_wait_carrier() {
	ncsim_wait_carrier "$1" "$2" "${3:-1}" 100
}

# e1000cx_vlan SIDE: VLAN 5 (vl5) over port SIDE (0 or 1, in its namespace),
# 198.18.1.(SIDE+1)/24 and 2001:2:0:1::(SIDE+1)/64, up
e1000cx_vlan() {
	local ns=${NCSIM_NS[$1]} dev=${EC_DEV[$1]}
	ip -n "$ns" link add link "$dev" name vl5 type vlan id 5 || return 1
	# no router solicitations or MLD reports of its own
	ip netns exec "$ns" sysctl -qw net.ipv6.conf.vl5.accept_ra=0 \
		net.ipv6.conf.vl5.router_solicitations=0
	ip -n "$ns" addr add "198.18.1.$(($1 + 1))/24" dev vl5
	ip -n "$ns" addr add "2001:2:0:1::$(($1 + 1))/64" dev vl5 nodad
	ip -n "$ns" link set vl5 up
}

# e1000cx_vlan_up: VLAN 5 over both ports
e1000cx_vlan_up() {
	e1000cx_vlan 0 && e1000cx_vlan 1
}

# e1000cx_pair_down: delete both namespaces (the ports go back to init_net)
e1000cx_pair_down() {
	ncsim_pair_down
	sleep 0.5
}

# ec_stat SIDE NAME: an ethtool -S counter of port 0 (netns a) or 1 (netns b)
ec_stat() {
	ncsim_stat "${NCSIM_NS[$1]}" "${EC_DEV[$1]}" "$2"
}

# ec_rings SIDE: the current RX and TX ring sizes (ethtool -g), "RX TX"
ec_rings() {
	ip netns exec "${NCSIM_NS[$1]}" ethtool -g "${EC_DEV[$1]}" |
		awk '/^Current/ { c = 1 } c && $1 == "RX:" { rx = $2 }
		     c && $1 == "TX:" { tx = $2 } END { print rx, tx }'
}
