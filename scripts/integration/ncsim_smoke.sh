#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ncsim smoke suite, a guest script (scripts/integration.sh runs it in UML):
# every hardware profile, one pair of ports in two network namespaces, real
# bytes on the simulated wire.
#
#        netns a                                   netns b
#   +------------------+                      +------------------+
#   | ncsim0           |      ncsim wire      | ncsim1           |
#   | 198.18.0.1/24    |<====================>| 198.18.0.2/24    |
#   | 2001:2::1/64     |  TX engine -> RX     | 2001:2::2/64     |
#   +------------------+  engine, both ways   +------------------+
#
# One run per module load, each in its own guest:
#
#   full, e1000, basic, none   load the profile, ping over IPv4 and IPv6,
#                              send files over TCP both ways and over UDP
#                              (with and without UDP_SEGMENT), compare
#                              their SHA-256 digests with what arrived, check
#                              the counters say who did the work and that
#                              the hardware was never asked for what it
#                              cannot do (hw_caps_violation), unload
#   full also                  link state, MTU changes, ethtool -K tso off,
#                              flow control (ethtool -A), a peer going down
#                              and an MTU change under load, and unloading
#                              while traffic flows
#   none also                  two pairs
#   overrides                  profile limits lowered by module parameters:
#                              netcx falls back, the hardware is never overrun
#   every run                  the netdev family's queue statistics (ynl,
#                              6.10 and later) agree with ethtool -S
#
# Each run ends with "ncsim_smoke: N passed, N failed".
#
#   ncsim_smoke.sh BUILD RUN    BUILD: the folder holding netcx.ko, ncsim.ko
#   ncsim_smoke.sh --runs       the runs, for scripts/integration.sh
#
# Also on Debian's own kernels under QEMU (scripts/qemu-run.sh), so that
# insmod of netcx and ncsim is proven on the kernels users run:
# guests: uml qemu-6.12 qemu-6.1
# weight: 120
# cpu: 50
set -u
if [ "${1:-}" = --runs ]; then
	echo full e1000 basic none overrides
	exit 0
fi
if [ "${1:-}" = --prepare ]; then
	# the kernel's ynl and the netdev family's spec, for qstats()
	set -e
	. "$(dirname "$0")/../lib.sh"
	[ -d "${2:-}" ] || die "--prepare: no build folder \"${2:-}\""
	src=$("$NETCX_TOP/scripts/kernel-src.sh")
	mkdir -p "$2/tools/ynl"
	cp -r "$src/tools/net/ynl/lib" "$2/tools/ynl/"
	cp "$src/Documentation/netlink/specs/netdev.yaml" "$2/tools/ynl/"
	exit 0
fi
build=$1 run=$2
. "$(dirname "$0")/lib/ncsim.sh"

. "$(dirname "$0")/lib/check.sh"

data=/tmp/ncsim-data
dd if=/dev/urandom of="$data" bs=1M count=4 status=none
small=/tmp/ncsim-small
dd if=/dev/urandom of="$small" bs=1k count=500 status=none

# Before Linux 6.11 ("udp: Allow GSO transmit from devices with no checksum
# offload"), udp_send_skb() refuses a UDP_SEGMENT send with EIO when the
# device has no transmit checksum offload: Debian's 6.1 with profile none.
uso_refused() {
	ip netns exec a ethtool -k ncsim0 | grep -q '^tx-checksumming: off' &&
		kernel_before 6 11
}

# qstats: the netdev family's queue statistics of both ports (the kernel's
# ynl, copied by --prepare) agree with their ethtool -S and statistics
qstats() {
	if kernel_before 6 10; then
		skip "$run: queue statistics" "Linux $(uname -r) has no netdev queue statistics with offload counters (6.10 and later)"
		return
	fi
	check "$run: queue statistics of ncsim0 agree with ethtool -S" \
		ip netns exec a python3 "$NCSIM_LIB/qstats.py" "$build/tools/ynl" ncsim0
	check "$run: queue statistics of ncsim1 agree with ethtool -S" \
		ip netns exec b python3 "$NCSIM_LIB/qstats.py" "$build/tools/ynl" ncsim1
}

# Both directions, both IP versions, nothing the hardware could not do.
traffic() {
	check "$run: ping IPv4" ncsim_ping a 198.18.0.2
	check "$run: ping IPv6" ncsim_ping b 2001:2::1
	check "$run: TCP over IPv4, a to b, intact" \
		ncsim_transfer a b 198.18.0.2 "$data"
	check "$run: TCP over IPv6, b to a, intact" \
		ncsim_transfer b a 2001:2::1 "$data"
	check "$run: TCP over IPv6, a to b, intact" \
		ncsim_transfer a b 2001:2::2 "$data"
	if uso_refused; then
		skip "$run: UDP with USO" "Linux $(uname -r) refuses UDP_SEGMENT without TX checksum offload (before 6.11)"
	else
		check "$run: UDP with USO over IPv4, a to b, intact" \
			ncsim_udp_transfer a b 198.18.0.2 "$small" 1400
		check "$run: UDP with USO over IPv6, b to a, intact" \
			ncsim_udp_transfer b a 2001:2::1 "$small" 1200
	fi
	check "$run: UDP over IPv4, a to b, intact" \
		ncsim_udp_transfer a b 198.18.0.2 "$small" 0
	check "$run: no hw_caps_violation" eq0 "$(ncsim_sum hw_caps_violation)"
	check "$run: no bad checksum on the wire" eq0 "$(ncsim_sum hw_rx_csum_bad)"
	check "$run: no descriptor error" eq0 "$(ncsim_sum hw_tx_desc_errors)"
}

# The full profile: link state, MTU, ethtool -K, unloading under load.
full_more() {
	local lso sw iperf

	ip -n b link set ncsim1 down
	check "peer down: no carrier" ncsim_wait_carrier a ncsim0 0
	ip -n b link set ncsim1 up
	check "peer up: carrier" ncsim_wait_carrier a ncsim0 1

	check "MTU 9000 on both ends" ip -n a link set ncsim0 mtu 9000
	ip -n b link set ncsim1 mtu 9000
	check "MTU 9001 refused (the profile's limit)" \
		eval '! ip -n a link set ncsim0 mtu 9001 2>/dev/null'
	check "MTU 9000: TCP over IPv4, intact" \
		ncsim_transfer a b 198.18.0.2 "$data"
	ip -n a link set ncsim0 mtu 1500
	check "MTU 1500 against 9000: TCP over IPv6, intact" \
		ncsim_transfer b a 2001:2::1 "$data"
	ip netns exec b python3 "$NCSIM_LIB/ping.py" -c 1 -W 1 -s 4000 \
		198.18.0.1 >/dev/null
	check "MTU mismatch: a 4 KB frame dropped by the receiver" \
		gt0 "$(ncsim_stat a ncsim0 hw_rx_oversize)"
	ip -n b link set ncsim1 mtu 1500

	lso=$(ncsim_stat a ncsim0 hw_tx_lso)
	sw=$(ncsim_stat a ncsim0 tx_lso_sw)
	check "ethtool -K tso off" ip netns exec a ethtool -K ncsim0 tso off
	check "tso off: TCP over IPv4, intact" \
		ncsim_transfer a b 198.18.0.2 "$data"
	check "tso off: no hardware TSO" \
		[ "$(ncsim_stat a ncsim0 hw_tx_lso)" -eq "$lso" ]
	check "tso off: segmented in software" \
		[ "$(ncsim_stat a ncsim0 tx_lso_sw)" -gt "$sw" ]
	check "tso off: no hw_caps_violation" \
		eq0 "$(ncsim_sum hw_caps_violation)"
	ip netns exec a ethtool -K ncsim0 tso on

	check "flow control on by default" \
		eval 'ip netns exec a ethtool -a ncsim0 | grep -Eq "^RX:[[:space:]]+on"'
	check "receive ring never overran with flow control" \
		eq0 "$(ncsim_sum hw_rx_ring_full)"
	check "ethtool -A rx off tx off" \
		ip netns exec a ethtool -A ncsim0 rx off tx off
	ip netns exec b ethtool -A ncsim1 rx off tx off
	check "no flow control: TCP over IPv4, intact" \
		ncsim_transfer a b 198.18.0.2 "$data"
	ip netns exec a ethtool -A ncsim0 rx on tx on
	ip netns exec b ethtool -A ncsim1 rx on tx on

	# a peer going away and an MTU change, under load
	ncsim_iperf_bg a b 198.18.0.2 6 30 /dev/null
	iperf=$!
	sleep 2
	ip -n b link set ncsim1 down
	check "peer down under load: no carrier" ncsim_wait_carrier a ncsim0 0
	ip -n b link set ncsim1 up
	check "peer up under load: carrier" ncsim_wait_carrier a ncsim0 1
	check "MTU change under load" ip -n a link set ncsim0 mtu 4000
	wait "$iperf"
	ip -n a link set ncsim0 mtu 1500
	check "after all that: TCP over IPv6, intact" \
		ncsim_transfer a b 2001:2::2 "$data"

	ncsim_iperf_bg a b 198.18.0.2 20 30 /dev/null
	iperf=$!
	sleep 3
	check "traffic flows" gt0 "$(ncsim_stat b ncsim1 hw_rx_frames)"
	check "unload with the ports in namespaces, under load" ncsim_unload
	wait "$iperf"
}

params=(profile="$run")
[ "$run" = none ] && params+=(pairs=2)
[ "$run" = overrides ] &&
	params=(profile=full lso_min_segs=8 csum_l4_offset_limit=34)
check "$run: load (${params[*]})" ncsim_load "$build" "${params[@]}"
check "$run: pair up in two namespaces" ncsim_pair_up
traffic
qstats
case $run in
full)
	check "full: hardware TSO" gt0 "$(ncsim_sum hw_tx_lso)"
	check "full: hardware USO" gt0 "$(ncsim_sum hw_tx_uso)"
	check "full: receive checksums verified" gt0 "$(ncsim_sum hw_rx_csum_ok)"
	full_more
	;;
e1000)
	check "e1000: hardware TSO (IPv4)" gt0 "$(ncsim_sum hw_tx_lso)"
	check "e1000: IPv6 segmented in software" gt0 "$(ncsim_sum tx_lso_sw)"
	check "e1000: no hardware USO" eq0 "$(ncsim_sum hw_tx_uso)"
	;;
basic)
	check "basic: no hardware segmentation" eq0 "$(ncsim_sum hw_tx_lso)"
	check "basic: TCP options checksummed in software" \
		gt0 "$(ncsim_sum tx_fallback_tcp_options)"
	;;
none)
	check "none: no hardware checksum" eq0 "$(ncsim_sum hw_tx_l4_csum)"
	check "none: no receive checksum" eq0 "$(ncsim_sum hw_rx_csum_ok)"
	;;
overrides)
	check "overrides: too few segments fell back" \
		gt0 "$(ncsim_sum tx_fallback_too_few_segs)"
	check "overrides: IPv6 checksum offset fell back" \
		gt0 "$(ncsim_sum tx_fallback_l4_offset)"
	;;
esac
if grep -q '^ncsim ' /proc/modules; then
	ncsim_pair_down
	check "$run: unload" ncsim_unload
fi
ncsim_pair_down
check "$run: netcx unloads" rmmod netcx

check_end ncsim_smoke
