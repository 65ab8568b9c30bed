#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Guest side of "make run": the ncsim demo. One pair of ports on the full
# profile, one port in each of two network namespaces:
#
#        netns a                                   netns b
#   +------------------+                      +------------------+
#   | ncsim0           |      ncsim wire      | ncsim1           |
#   | 198.18.0.1/24    |<====================>| 198.18.0.2/24    |
#   | 2001:2::1/64     |  TX engine -> RX     | 2001:2::2/64     |
#   +------------------+  engine, both ways   +------------------+
#
# Pings over IPv4 and IPv6, a file over TCP checked by its digest, an
# iperf3 run with TSO in the simulated hardware, then "ethtool -K tso off"
# and another run: the counters show the segmentation move from the
# hardware to the software fallback. $1 is the build folder.
set -eu
build=$1
. "$NETCX_TOP/scripts/integration/lib/ncsim.sh"

step() {
	printf '\n=== %s\n' "$*"
}

run() {
	echo "# $*"
	"$@"
}

# stats NS DEV: "name value" lines of ethtool -S
stats() {
	ip netns exec "$1" ethtool -S "$2" | awk -F': ' 'NF == 2 { gsub(/ /, "", $1); print $1, $2 }'
}

step "load netcx and ncsim, profile=full"
run insmod "$build/netcx.ko"
run insmod "$build/ncsim.ko" profile=full
run ip -br link show
run ethtool -i ncsim0
echo "# ethtool -k ncsim0 (offloads)"
ethtool -k ncsim0 | grep -E '^(tx-checksumming|rx-checksumming|tcp-segmentation-offload|	tx-tcp6?-segmentation|	tx-checksum-ip|tx-udp-segmentation|rx-vlan-offload|tx-vlan-offload|rx-gro-hw)'
run ethtool -g ncsim0

step "ncsim0 into netns a, ncsim1 into netns b"
ncsim_pair_up
run ip -n a -br addr show dev ncsim0
run ip -n b -br addr show dev ncsim1

step "ping over IPv4 and IPv6"
run ncsim_ping a 198.18.0.2
run ncsim_ping a 2001:2::2

step "8 MiB over TCP/IPv6, a to b, compared by SHA-256"
dd if=/dev/urandom of=/tmp/demo-data bs=1M count=8 status=none
run ncsim_transfer a b 2001:2::2 /tmp/demo-data

step "iperf3 a to b over IPv4, TSO in the simulated hardware"
stats a ncsim0 > /tmp/demo-0
mbit_on=$(ncsim_iperf a b 198.18.0.2 5)
echo "throughput: $mbit_on Mbit/s"
stats a ncsim0 > /tmp/demo-1

step "ethtool -K ncsim0 tso off"
run ip netns exec a ethtool -K ncsim0 tso off
ip netns exec a ethtool -k ncsim0 | grep -E '^(tcp-segmentation-offload|	tx-tcp-segmentation)'

step "iperf3 a to b over IPv4 again, TSO off"
mbit_off=$(ncsim_iperf a b 198.18.0.2 5)
echo "throughput: $mbit_off Mbit/s"
stats a ncsim0 > /tmp/demo-2

step "where the work went: ncsim0's counters during each run"
printf '%-28s %14s %14s\n' counter "TSO on" "TSO off"
for c in tx_lso_hw tx_lso_sw tx_fallback_inactive tx_csum_hw tx_csum_sw \
	 hw_tx_packets hw_tx_lso hw_tx_lso_segs hw_tx_l4_csum hw_tx_frames \
	 hw_caps_violation hw_rx_csum_ok rx_csum_valid; do
	v0=$(awk -v c="$c" '$1 == c { print $2 }' /tmp/demo-0)
	v1=$(awk -v c="$c" '$1 == c { print $2 }' /tmp/demo-1)
	v2=$(awk -v c="$c" '$1 == c { print $2 }' /tmp/demo-2)
	printf '%-28s %14d %14d\n' "$c" $((v1 - v0)) $((v2 - v1))
done
printf '%-28s %14s %14s\n' "iperf3 Mbit/s" "$mbit_on" "$mbit_off"

step "ncsim0: every counter that is not 0"
ip netns exec a ethtool -S ncsim0 | grep -v ': 0$'
run ip -n b -s link show dev ncsim1

step "unload"
ncsim_pair_down
run rmmod ncsim
run rmmod netcx
