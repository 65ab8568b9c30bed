#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ncsim bad-input suite, a guest script (scripts/integration.sh runs it in
# UML): frames crafted in user space (lib/badinput.py: python3 socket and
# struct) sent through AF_PACKET SOCK_RAW on ncsim0, plain or after a
# struct virtio_net_hdr (PACKET_VNET_HDR), received by ncsim1.
#
#        netns a                                   netns b
#   +--------------------+                    +--------------------+
#   | badinput.py        |                    | the stack: ip_rcv, |
#   |  AF_PACKET raw     |                    |  tcp/udp, ICMP     |
#   |  (+ virtio_net_hdr)|                    |                    |
#   | ncsim0             |     ncsim wire     | ncsim1             |
#   | 198.18.0.1/24      |===================>| 198.18.0.2/24      |
#   | (no IPv6: quiet)   | netcx walk, TX     | 2001:2::2/64       |
#   | ncsim0.5 (802.1Q), |                    |                    |
#   | ncsim0.ad (802.1ad)|                    |                    |
#   +--------------------+ engine -> RX engine+--------------------+
#                          -> netcx_rx_csum()
#
# TX direction: frames with a virtio_net_hdr become CHECKSUM_PARTIAL or
# GSO skbs that netcx_features_check() and netcx_tx_prepare() walk.
# RX direction: plain frames ask the transmit engine for nothing; ncsim1's
# receive engine parses them (tags, IPv4/IPv6, extension headers, TCP/UDP
# checksums) and netcx_rx_csum() reports its verdict.
#
# Classes: truncated headers (IPv4, IPv6, TCP, UDP), lengths that lie
# (IPv4 total length, IHL, TCP data offset, UDP length, IPv6 payload
# length), IPv6 extension header chains that run off the packet, 802.1Q and
# QinQ tags with nothing behind them, GSO with nonsense gso_size and
# gso_type, csum_start/csum_offset out of the packet, and such frames
# with out-of-band 802.1Q and 802.1ad tags (VLAN devices on ncsim0); then
# a seeded fuzz of mutated frames both ways. Each frame must be refused at send() with
# the errno expected, or change exactly the counters expected (netcx's
# tx_fallback_malformed / tx_offload_dropped, the engines' hw_*, netcx's
# rx_csum_*, the device's tx_dropped) and no other; the ncsim engines must
# never see a descriptor beyond their capabilities (hw_caps_violation) or
# outside the packet (hw_tx_desc_errors). The runner fails the guest on
# any oops, WARN, KASAN/UBSAN report, lockdep splat or kmemleak leak.
#
# One run per profile, each in its own guest: full, basic, e1000, none.
# Each run ends with "ncsim_badinput: N passed, N failed".
#
#   ncsim_badinput.sh BUILD RUN [--explore]   in the guest
#   ncsim_badinput.sh --runs                  the runs
# About 70 s a run, most of it waiting for the counters to settle after
# each frame (a third of a CPU busy).
# weight: 75
# cpu: 30
set -u
if [ "${1:-}" = --runs ]; then
	echo full basic e1000 none
	exit 0
fi
build=$1 run=$2 explore=${3:-}
. "$(dirname "$0")/lib/ncsim.sh"

. "$(dirname "$0")/lib/check.sh"

# Like ncsim_pair_up, but netns a has no IPv6 (no router or neighbour
# solicitations, no MLD reports: nothing but the crafted frames leaves
# ncsim0) and netns b knows a's addresses (no ARP or ND replies either).
pair_up_quiet() {
	local mac0
	ip netns add a && ip netns add b || return 1
	ip netns exec a sysctl -qw net.ipv6.conf.default.disable_ipv6=1
	ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=1
	ip netns exec b sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1
	ip netns exec b sysctl -qw net.ipv6.conf.default.router_solicitations=0
	ip link set ncsim0 netns a && ip link set ncsim1 netns b || return 1
	ip -n a link set lo up
	ip -n b link set lo up
	ip -n a addr add "${NCSIM_IP4[0]}/24" dev ncsim0
	ip -n b addr add "${NCSIM_IP4[1]}/24" dev ncsim1
	ip -n b addr add "${NCSIM_IP6[1]}/64" dev ncsim1 nodad
	mac0=$(ip netns exec a cat /sys/class/net/ncsim0/address)
	ip -n b neigh replace "${NCSIM_IP4[0]}" lladdr "$mac0" dev ncsim1 nud permanent
	ip -n b neigh replace "${NCSIM_IP6[0]}" lladdr "$mac0" dev ncsim1 nud permanent
	ip -n a link set ncsim0 up && ip -n b link set ncsim1 up || return 1
	# every frame counted as it is: no receive coalescing (ncsim_rsc's);
	# fixed off where the profile has none
	ip netns exec b ethtool -K ncsim1 rx-gro-hw off 2>/dev/null
	# out-of-band tags: 802.1Q id 5, 802.1ad id 7
	ip -n a link add link ncsim0 name ncsim0.5 type vlan id 5 &&
		ip -n a link set ncsim0.5 up || return 1
	ip -n a link add link ncsim0 name ncsim0.ad type vlan proto 802.1ad id 7 &&
		ip -n a link set ncsim0.ad up || return 1
	ncsim_wait_carrier a ncsim0 && ncsim_wait_carrier b ncsim1
}

# quiet: wait (10 s at most) until ncsim1 has received nothing for 1 s
quiet() {
	local n last=-1
	for _ in $(seq 40); do
		n=$(ncsim_stat b ncsim1 hw_rx_frames)
		[ "$n" = "$last" ] && return 0
		last=$n
		sleep 1
	done
	return 1
}

# badinput ARGS...: lib/badinput.py in netns a; its checks become ours
badinput() {
	local out=/tmp/badinput.out
	ip netns exec a timeout 600 python3 "$NCSIM_LIB/badinput.py" "$@" > "$out" 2>&1
	cat "$out"
	check_counts badinput "$out" "$run: badinput.py ended without its closing line"
}

check "$run: load (profile=$run)" ncsim_load "$build" profile="$run"
check "$run: pair up in two namespaces, netns a quiet" pair_up_quiet
check "$run: the wire goes quiet" quiet
# a VLAN device takes the port's vlan_features: without SG, no TSO or GSO
# (and no TSO without a TX checksum: none)
vlan_features_ok() {
	local k
	k=$(ip netns exec a ethtool -k ncsim0.5)
	grep -q "^scatter-gather: on" <<< "$k" &&
		grep -q "^generic-segmentation-offload: on" <<< "$k" &&
		{ [ "$run" = none ] ||
		  grep -q "^tcp-segmentation-offload: on" <<< "$k"; }
}
check "$run: VLAN device on ncsim0: scatter-gather, GSO and TSO on" \
	vlan_features_ok
mac0=$(ip netns exec a cat /sys/class/net/ncsim0/address)
mac1=$(ip netns exec b cat /sys/class/net/ncsim1/address)
badinput "$run" "$mac0" "$mac1" ${explore:+"$explore"}

check "$run: no hw_caps_violation" eq0 "$(ncsim_sum hw_caps_violation)"
check "$run: no descriptor error" eq0 "$(ncsim_sum hw_tx_desc_errors)"
check "$run: after all that: ping IPv4" ncsim_ping a "${NCSIM_IP4[1]}"
small=/tmp/ncsim-small
dd if=/dev/urandom of="$small" bs=1k count=300 status=none
check "$run: after all that: TCP over IPv4, a to b, intact" \
	ncsim_transfer a b "${NCSIM_IP4[1]}" "$small"
ncsim_pair_down
check "$run: unload" ncsim_unload
check "$run: netcx unloads" rmmod netcx

check_end ncsim_badinput
