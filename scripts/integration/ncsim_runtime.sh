#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run-time changes under load, a guest script (scripts/integration.sh runs
# it in UML, with a kmemleak scan after it): ethtool -K toggling every
# offload on both ports in a loop while traffic flows both ways, the link
# going down and up, and rmmod, all under traffic.
#
#        netns a                                   netns b
#   +--------------------+                    +--------------------+
#   | iperf3 -c --bidir  |                    | iperf3 -s          |
#   | xfer.py send/serve |                    | xfer.py serve/send |
#   | ncsim0             |     ncsim wire     | ncsim1             |
#   | 198.18.0.1/24      |<==================>| 198.18.0.2/24      |
#   | 2001:2::1/64       |                    | 2001:2::2/64       |
#   +--------------------+                    +--------------------+
#      ^ ethtool -K loop                         ^ ethtool -K loop
#      ^ ip link set down/up                     ^ ip link set down/up
#
# Each check on data is a digest-checked transfer (lib/xfer.py) made while
# the toggling goes on; checksum errors at the receivers (nstat),
# hw_caps_violation and hw_tx_desc_errors must stay 0 throughout. One run
# per profile, each in its own guest.
#
#   ncsim_runtime.sh BUILD PROFILE
#   ncsim_runtime.sh --runs
# About 3 minutes a run on its own; its guest keeps two thirds of a CPU busy.
# Timed on 7 December 2026, basic, two runs at once on a shared host (load
# average 11 to 13): 308 s, and 267 s once the loop and iperf3 stopped
# at the rmmod instead of running out their 30 s.
# weight: 170
# cpu: 65
set -u
if [ "${1:-}" = --runs ]; then
	echo full e1000 basic
	exit 0
fi
build=$1 run=$2
. "$(dirname "$0")/lib/ncsim.sh"

. "$(dirname "$0")/lib/check.sh"

# the features each port may toggle: not fixed, as ethtool -k names them
toggles() {
	ip netns exec "$1" ethtool -k "$2" | awk -F': ' '
		$2 !~ /fixed/ && $1 ~ /^\t/ { sub(/^\t/, "", $1); print $1 }
		$1 ~ /^(rx-gro-hw|tx-udp-segmentation|rx-vlan-hw-parse|tx-vlan-hw-insert)$/ &&
		$2 !~ /fixed/ { print $1 }' | sort -u
}

# toggle_loop NS DEV SECONDS: every toggle off and on again, over and over
toggle_loop() {
	local ns=$1 dev=$2 end=$(( $(date +%s) + $3 )) f feats n=0
	feats=$(toggles "$ns" "$dev")
	feats="$feats tx sg tso rx"
	while [ "$(date +%s)" -lt "$end" ]; do
		for f in $feats; do
			ip netns exec "$ns" ethtool -K "$dev" "$f" off 2>/dev/null
			ip netns exec "$ns" ethtool -K "$dev" "$f" on 2>/dev/null
			n=$((n + 2))
		done
	done
	echo "# $dev: $n ethtool -K requests"
}

# flap_loop NS DEV SECONDS: link down and up, over and over
flap_loop() {
	local end=$(( $(date +%s) + $3 ))
	while [ "$(date +%s)" -lt "$end" ]; do
		ip -n "$1" link set "$2" down
		sleep 0.3
		ip -n "$1" link set "$2" up
		sleep 0.7
	done
}

# bidir NS ADDR SECONDS: iperf3 both ways at once, in the background
bidir() {
	ncsim_iperf_bg a b "$2" "$3" $(($3 + 60)) /tmp/iperf-bidir.json --bidir
	echo $!
}

check "$run: load" ncsim_load "$build" profile="$run"
check "$run: pair up in two namespaces" ncsim_pair_up
ncsim_xfer_serve a && ncsim_xfer_serve b
errs0=$(ncsim_csum_errors)
check "$run: toggles of ncsim0: $(toggles a ncsim0 | tr '\n' ' ')" \
	[ -n "$(toggles a ncsim0)" ]

# 1. ethtool -K on both ports, traffic both ways
iperf=$(bidir a 198.18.0.2 40)
toggle_loop a ncsim0 45 &
ta=$!
toggle_loop b ncsim1 45 &
tb=$!
sleep 1
for shape in plain l3opt; do
	check "$run: toggling: TCP/IPv4 $shape, a to b, intact" \
		ncsim_xfer a tcp 198.18.0.2 $((2 << 20)) "$shape"
	check "$run: toggling: TCP/IPv6 $shape, b to a, intact" \
		ncsim_xfer b tcp 2001:2::1 $((2 << 20)) "$shape"
	check "$run: toggling: UDP/IPv4 $shape, b to a, intact" \
		ncsim_xfer b udp 198.18.0.1 $((512 << 10)) "$shape"
	check "$run: toggling: UDP/IPv6 $shape, a to b, intact" \
		ncsim_xfer a udp 2001:2::2 $((512 << 10)) "$shape"
done
wait "$ta" "$tb"
wait "$iperf"
check "$run: toggling: iperf3 both ways moved data" python3 -c '
import json, sys
d = json.load(open("/tmp/iperf-bidir.json"))
sys.exit(not (d["end"]["sum_received"]["bytes"] > 0 and
	      d["end"]["sum_received_bidir_reverse"]["bytes"] > 0))'
check "$run: toggling: features back on" \
	eval '! ip netns exec a ethtool -k ncsim0 | grep -E "^(tx-checksumming|scatter-gather|rx-checksumming): off$"'
check "$run: toggling: no checksum error at the receivers" \
	[ "$(ncsim_csum_errors)" -eq "$errs0" ]
check "$run: toggling: no hw_caps_violation" eq0 "$(ncsim_sum hw_caps_violation)"
check "$run: toggling: no descriptor error" eq0 "$(ncsim_sum hw_tx_desc_errors)"
check "$run: toggling: nothing dropped as malformed" \
	eq0 "$(ncsim_sum tx_fallback_malformed)"

# 2. the link going down and up under traffic: transfers may fail while
# the link is down, but what arrives is intact, and traffic resumes
iperf=$(bidir a 2001:2::2 15)
flap_loop b ncsim1 12 &
fl=$!
ok=0
for _ in 1 2 3; do
	ncsim_xfer a tcp 2001:2::2 $((1 << 20)) plain >/dev/null 2>&1 && ok=$((ok + 1))
done
wait "$fl"
wait "$iperf"
ip -n b link set ncsim1 up
check "$run: link flapping: carrier back" ncsim_wait_carrier a ncsim0 1
check "$run: link flapping: no checksum error at the receivers" \
	[ "$(ncsim_csum_errors)" -eq "$errs0" ]
check "$run: after flapping: TCP/IPv6, a to b, intact" \
	ncsim_xfer a tcp 2001:2::2 $((1 << 20)) plain
check "$run: after flapping: UDP/IPv4, b to a, intact" \
	ncsim_xfer b udp 198.18.0.1 $((256 << 10)) plain
check "$run: link flapping: no hw_caps_violation" \
	eq0 "$(ncsim_sum hw_caps_violation)"
echo "# transfers completed during the flapping: $ok of 3"

# 3. rmmod under traffic both ways, with toggling on top; then load again
iperf=$(bidir a 198.18.0.2 30)
toggle_loop a ncsim0 30 &
ta=$!
sleep 3
check "$run: traffic flows before rmmod" \
	[ "$(ncsim_stat b ncsim1 hw_rx_frames)" -gt 0 ]
check "$run: rmmod under traffic and toggling" ncsim_unload
# the ports are gone: nothing left to toggle or carry, so the loop and
# the client end now rather than at their 30 s (23 s later, measured)
kill "$ta" "$iperf" 2>/dev/null
wait "$ta" 2>/dev/null
wait "$iperf"
pkill -f "xfer.py serve"
wait
ncsim_pair_down
check "$run: no port left" eval '! ls -d /sys/class/net/ncsim* 2>/dev/null'
check "$run: load again" ncsim_load "$build" profile="$run"
check "$run: pair up again" ncsim_pair_up
ncsim_xfer_serve b
check "$run: after reload: TCP/IPv4, a to b, intact" \
	ncsim_xfer a tcp 198.18.0.2 $((1 << 20)) l3opt
pkill -f "xfer.py serve"
wait
ncsim_pair_down
check "$run: unload" ncsim_unload

check_end ncsim_runtime
