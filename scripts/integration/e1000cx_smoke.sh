#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# guests: qemu-6.12 qemu-6.1
# weight: 120
#
# e1000cx smoke suite, a guest script for the QEMU guest (scripts/qemu-run.sh
# on Debian's own 6.12 and 6.1 kernels): e1000cx on a real NIC model, QEMU's
# 82540EM, which checksums and segments from the descriptors the driver
# writes, so a wrong descriptor shows as a wrong digest at the receiver.
#
#        netns a                                        netns b
#   +--------------------+                       +--------------------+
#   | nic0 00:04.0       |     QEMU hub 0        | nic1 00:05.0       |
#   | e1000cx            |<=====================>| e1000 (mixed run)  |
#   | 198.18.0.1/24      |  82540EM model TX ->  | e1000cx (both run) |
#   | 2001:2::1/64       |  hub -> model RX      | 198.18.0.2/24      |
#   +--------------------+                       | 2001:2::2/64       |
#                                                +--------------------+
#
# One guest per run:
#
#   mixed   e1000cx on nic0 against the in-tree e1000 on nic1: ping over
#           IPv4 and IPv6; TCP and UDP both ways over both, each checked by
#           SHA-256 digest; iperf3 both ways; TCP sends of 1 byte to
#           64 KiB + 1; netcx's counters in the right buckets (tx_csum_hw,
#           tx_lso_hw over IPv4, IPv6 segmented in software with
#           tx_fallback_unsupported); a VLAN over both ports; ethtool -K
#           tso off, tx off, txvlan off, rx off, rxvlan off, each with a
#           transfer and its counters; the module reloaded with keywords
#           switching kinds off and the fallbacks counted
#   both    e1000cx on both NICs: traffic both ways, ethtool -G under
#           traffic, an MTU of 9000 (jumbo frames over several receive
#           descriptors), rmmod under traffic
#
# Link flaps and hot-unplug under traffic are e1000cx_runtime's.
#
# Each run ends with "e1000cx_smoke: N passed, N failed".
#
#   e1000cx_smoke.sh BUILD RUN    BUILD: netcx.ko and e1000cx.ko built for
#                                 the guest's kernel
#   e1000cx_smoke.sh --runs       the runs
set -u
if [ "${1:-}" = --runs ]; then
	echo mixed both
	exit 0
fi
build=$1 run=${2:-mixed}
. "$(dirname "$0")/lib/e1000cx.sh"
. "$(dirname "$0")/lib/check.sh"

data=/tmp/e1000cx-data
dd if=/dev/urandom of="$data" bs=1M count=2 status=none
small=/tmp/e1000cx-small
dd if=/dev/urandom of="$small" bs=1k count=200 status=none

# counter deltas: snap NAME... saves, delta NAME prints now - saved (port 0)
declare -A saved
snap() {
	local n
	for n in "$@"; do saved[$n]=$(ec_stat 0 "$n"); done
}
delta() {
	echo $(( $(ec_stat 0 "$1") - ${saved[$1]:-0} ))
}

# TCP and UDP both ways over IPv4 and IPv6, by digest; VLAN addresses when
# $1 is "vlan"
traffic() {
	local what=$1 a4=198.18.0.2 b4=198.18.0.1 a6=2001:2::2 b6=2001:2::1
	if [ "$what" = vlan ]; then
		a4=198.18.1.2 b4=198.18.1.1 a6=2001:2:0:1::2 b6=2001:2:0:1::1
	fi
	check "$what: TCP over IPv4, a to b, intact" ncsim_transfer a b "$a4" "$data"
	check "$what: TCP over IPv4, b to a, intact" ncsim_transfer b a "$b4" "$data"
	check "$what: TCP over IPv6, a to b, intact" ncsim_transfer a b "$a6" "$data"
	check "$what: TCP over IPv6, b to a, intact" ncsim_transfer b a "$b6" "$data"
	check "$what: UDP over IPv4, a to b, intact" \
		ncsim_udp_transfer a b "$a4" "$small" 0
	check "$what: UDP over IPv6, b to a, intact" \
		ncsim_udp_transfer b a "$b6" "$small" 0
	check "$what: UDP with UDP_SEGMENT over IPv6, a to b, intact" \
		ncsim_udp_transfer a b "$a6" "$small" 1200
}

# TCP sends from one byte to just over 64 KiB, both IP versions, a to b
sizes() {
	local n f=/tmp/e1000cx-size
	for n in 1 1447 1449 65537; do
		dd if=/dev/urandom of="$f" bs="$n" count=1 status=none
		check "sizes: $n bytes over TCP/IPv4, intact" \
			ncsim_transfer a b 198.18.0.2 "$f"
		check "sizes: $n bytes over TCP/IPv6, intact" \
			ncsim_transfer a b 2001:2::2 "$f"
	done
}

vlan_down() {
	ip -n a link del vl5 2>/dev/null
	ip -n b link del vl5 2>/dev/null
	return 0
}

# ethtool -K FEATURE off on port 0, a transfer, the counters, back on:
# HW must not move, SW must ("-": the stack does it before netcx sees it)
offload_off() {
	local feat=$1 addr=$2 file=$3 hw=$4 sw=$5 d
	check "ethtool -K $feat off" ip netns exec a ethtool -K "${EC_DEV[0]}" "$feat" off
	# after the change: what was queued before it counts as before
	snap "$hw" "$sw"
	check "$feat off: TCP to $addr, intact" ncsim_transfer a b "$addr" "$file"
	d=$(delta "$hw")
	echo "$feat off: $hw moved by $d"
	check "$feat off: no $hw" eq0 "$d"
	[ "$sw" = - ] || check "$feat off: $sw counted" gt0 "$(delta "$sw")"
	ip netns exec a ethtool -K "${EC_DEV[0]}" "$feat" on
}

mixed() {
	local drv mbps
	check "mixed: e1000cx on nic0, e1000 on nic1" e1000cx_drivers e1000cx e1000
	drv=$(ethtool -i "$(e1000cx_netdev "${EC_PCI[0]}")" |
	      awk '$1 == "driver:" { print $2 }')
	check "mixed: nic0 is e1000cx's (ethtool -i)" [ "$drv" = e1000cx ]
	check "mixed: pair up in two namespaces, link up" e1000cx_pair_up
	check "mixed: ping IPv4" ncsim_ping a 198.18.0.2
	check "mixed: ping IPv6" ncsim_ping b 2001:2::1

	snap tx_csum_hw tx_lso_hw tx_lso_sw tx_fallback_unsupported rx_csum_not_checked
	traffic plain
	mbps=$(ncsim_iperf a b 198.18.0.2 5)
	echo "iperf3 TCP over IPv4, e1000cx to e1000: $mbps Mbit/s"
	check "mixed: iperf3 e1000cx to e1000 moved data" gt0 "$mbps"
	mbps=$(ncsim_iperf b a 198.18.0.1 5)
	echo "iperf3 TCP over IPv4, e1000 to e1000cx: $mbps Mbit/s"
	check "mixed: iperf3 e1000 to e1000cx moved data" gt0 "$mbps"
	check "counters: tx_csum_hw moved" gt0 "$(delta tx_csum_hw)"
	check "counters: tx_lso_hw moved (TSE, IPv4)" gt0 "$(delta tx_lso_hw)"
	check "counters: IPv6 segmented in software (tx_lso_sw)" gt0 "$(delta tx_lso_sw)"
	check "counters: ... as unsupported" gt0 "$(delta tx_fallback_unsupported)"
	check "counters: QEMU's IXSM reported as not checked" \
		gt0 "$(delta rx_csum_not_checked)"
	check "counters: no rx_csum_valid (the model never checks)" \
		eq0 "$(ec_stat 0 rx_csum_valid)"
	check "counters: no offload drop" eq0 "$(ec_stat 0 tx_offload_dropped)"
	check "counters: context descriptors reused (fewer than packets)" \
		[ "$(ec_stat 0 tx_context_descs)" -lt "$(ec_stat 0 tx_packets)" ]

	sizes

	snap tx_vlan_hw
	check "vlan: VLAN 5 over both ports" e1000cx_vlan_up
	check "vlan: ping IPv4" ncsim_ping a 198.18.1.2
	traffic vlan
	check "vlan: tags inserted by the hardware (tx_vlan_hw)" gt0 "$(delta tx_vlan_hw)"

	offload_off tso 198.18.0.2 "$data" tx_lso_hw tx_fallback_inactive
	# without a TX checksum the stack sums (and segments) before netcx
	offload_off tx 198.18.1.2 "$data" tx_csum_hw -
	check "tx off: no tx_lso_hw either" eq0 "$(delta tx_lso_hw)"
	snap tx_lso_hw
	offload_off txvlan 198.18.1.2 "$data" tx_vlan_hw tx_vlan_sw
	check "txvlan off: a tag in the packet, TSO still by the hardware" \
		gt0 "$(delta tx_lso_hw)"
	snap rx_csum_inactive
	check "ethtool -K rx off" ip netns exec a ethtool -K "${EC_DEV[0]}" rx off
	check "rx off: TCP b to a, intact" ncsim_transfer b a 198.18.0.1 "$small"
	check "rx off: rx_csum_inactive counted" gt0 "$(delta rx_csum_inactive)"
	ip netns exec a ethtool -K "${EC_DEV[0]}" rx on

	snap rx_vlan_sw
	check "ethtool -K rxvlan off" ip netns exec a ethtool -K "${EC_DEV[0]}" rxvlan off
	check "rxvlan off: TCP over the VLAN, b to a, intact" \
		ncsim_transfer b a 198.18.1.1 "$small"
	check "rxvlan off: tags put back in the frame by netcx (rx_vlan_sw)" \
		gt0 "$(delta rx_vlan_sw)"
	ip netns exec a ethtool -K "${EC_DEV[0]}" rxvlan on
	vlan_down
	e1000cx_pair_down

	check "keywords: rmmod e1000cx" rmmod e1000cx
	check "keywords: reload with *LsoV2IPv4=0,*PriorityVLANTag=0" \
		e1000cx_load "$build" 'keywords=*LsoV2IPv4=0,*PriorityVLANTag=0'
	check "keywords: pair up again" e1000cx_pair_up
	check "keywords: tso fixed off (ethtool -k)" eval \
		"ip netns exec a ethtool -k ${EC_DEV[0]} | grep -q '^tcp-segmentation-offload: off'"
	snap tx_lso_hw tx_lso_sw tx_fallback_kind_disabled tx_vlan_hw tx_vlan_sw
	check "keywords: TCP over IPv4, intact" ncsim_transfer a b 198.18.0.2 "$data"
	check "keywords: no tx_lso_hw" eq0 "$(delta tx_lso_hw)"
	check "keywords: LSO as kind_disabled" gt0 "$(delta tx_fallback_kind_disabled)"
	check "keywords: VLAN 5 over both ports" e1000cx_vlan_up
	check "keywords: TCP over the VLAN, intact" ncsim_transfer a b 198.18.1.2 "$small"
	check "keywords: no tx_vlan_hw" eq0 "$(delta tx_vlan_hw)"
	vlan_down
	e1000cx_pair_down
}

both() {
	local iperf mbps
	check "both: e1000cx on nic0 and nic1" e1000cx_drivers e1000cx e1000cx
	check "both: pair up in two namespaces, link up" e1000cx_pair_up
	traffic plain
	mbps=$(ncsim_iperf a b 198.18.0.2 5)
	echo "iperf3 TCP over IPv4, e1000cx to e1000cx: $mbps Mbit/s"
	check "both: iperf3 over IPv4 moved data" gt0 "$mbps"

	check "both: MTU 9000 on both ports" ip -n a link set "${EC_DEV[0]}" mtu 9000
	ip -n b link set "${EC_DEV[1]}" mtu 9000
	check "both: MTU 16111 refused (the 82540EM's limit)" \
		eval "! ip -n a link set ${EC_DEV[0]} mtu 16111 2>/dev/null"
	e1000cx_wait_carrier a "${EC_DEV[0]}"
	e1000cx_wait_carrier b "${EC_DEV[1]}"
	check "both: MTU 9000, TCP over IPv4, intact" \
		ncsim_transfer a b 198.18.0.2 "$data"
	check "both: MTU 9000, TCP over IPv6, b to a, intact" \
		ncsim_transfer b a 2001:2::1 "$data"
	ip -n a link set "${EC_DEV[0]}" mtu 1500
	ip -n b link set "${EC_DEV[1]}" mtu 1500
	e1000cx_wait_carrier a "${EC_DEV[0]}"
	e1000cx_wait_carrier b "${EC_DEV[1]}"

	ncsim_iperf_bg a b 198.18.0.2 10 40 /dev/null
	iperf=$!
	sleep 2
	check "both: ethtool -G rx 512 tx 128 under traffic" \
		ip netns exec a ethtool -G "${EC_DEV[0]}" rx 512 tx 128
	check "both: ethtool -G rx 128 tx 1024 under traffic (peer)" \
		ip netns exec b ethtool -G "${EC_DEV[1]}" rx 128 tx 1024
	check "both: ethtool -g shows rx 512, tx 128" [ "$(ec_rings 0)" = "512 128" ]
	wait "$iperf"
	e1000cx_wait_carrier a "${EC_DEV[0]}"
	check "both: after -G, TCP over IPv6, intact" \
		ncsim_transfer a b 2001:2::2 "$data"

	ncsim_iperf_bg a b 198.18.0.2 20 40 /dev/null
	iperf=$!
	sleep 3
	check "both: traffic flows" gt0 "$(ec_stat 1 rx_packets)"
	check "both: rmmod e1000cx under traffic" rmmod e1000cx
	wait "$iperf"
	e1000cx_pair_down
}

case $run in
mixed) modprobe e1000 ;;
esac
echo e1000cx > "/sys/bus/pci/devices/${EC_PCI[0]}/driver_override"
[ "$run" != mixed ] &&
	echo e1000cx > "/sys/bus/pci/devices/${EC_PCI[1]}/driver_override"
check "$run: load netcx and e1000cx" e1000cx_load "$build"
"$run"
grep -q '^e1000cx ' /proc/modules && check "$run: rmmod e1000cx" rmmod e1000cx
check "$run: netcx unloads" rmmod netcx

check_end e1000cx_smoke
