#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Receive coalescing (RSC), a guest script (scripts/integration.sh runs it
# in UML, with a kmemleak scan after it): ncsim's receive engine coalesces
# in-order TCP segments, netcx hands the coalesced packet to the stack as
# hardware GRO (rx_rsc_* counters), and every transfer arrives intact.
#
#   ipv4, ipv6   one pair (lib/ncsim.sh), profile full, TCP from a to b over
#                that IP version: with the timestamp option and without,
#                rx-gro-hw on (the receiver's rx_rsc_* move) and off (they
#                do not: software GRO takes the flow), interleaved flows,
#                rx-gro-hw toggled under load, then the keyword that
#                switches this version's RSC off (*RscIPv4=0 or
#                *RscIPv6=0): that version no longer coalesced, the other
#                still is
#   wire         frames reordered, then dropped, on the wire (the debugfs
#                knobs wire_reorder and wire_drop of the sending port):
#                transfers intact over both versions
#   forward      two pairs and a router namespace; the router receives
#                coalesced packets and forwards them onto a link of a
#                smaller MTU, segmented again by its hardware (tso on) and
#                then by the kernel's GSO (tso off): intact at the far end
#
#        netns a              netns r (forward only)              netns b
#   +--------------+   +------------------------------+   +--------------+
#   | ncsim0       |===| ncsim1           ncsim2      |===| ncsim3       |
#   | 198.18.0.1   |   | 198.18.0.2       198.18.1.1  |   | 198.18.1.2   |
#   | 2001:2::1    |   | 2001:2::2        2001:3::1   |   | 2001:3::2    |
#   +--------------+   +------------------------------+   +--------------+
#                        MTU 1500          MTU 1400 on the second wire
#
# (the other runs: ncsim0 in a, ncsim1 in b, lib/ncsim.sh's addresses).
# Checksum errors at the receivers (nstat) and hw_caps_violation must stay
# 0 throughout.
#
#   ncsim_rsc.sh BUILD RUN
#   ncsim_rsc.sh --runs
# About 2 minutes a run on its own.
# weight: 120
# cpu: 70
set -u
if [ "${1:-}" = --runs ]; then
	echo ipv4 ipv6 wire forward
	exit 0
fi
build=$1 run=$2
. "$(dirname "$0")/lib/ncsim.sh"

. "$(dirname "$0")/lib/check.sh"

SIZE=$((4 << 20))

# xfer NS ADDR [SIZE]: one digest-checked TCP transfer to the receiver
xfer() {
	ncsim_xfer "$1" tcp "$2" "${3:-$SIZE}" plain
}

# rsc NS DEV [WHAT]: the port's rx_rsc_WHAT counter (default packets)
rsc() {
	ncsim_stat "$1" "$2" "rx_rsc_${3:-packets}"
}

# timestamps ON: TCP's timestamp option in every namespace
timestamps() {
	local ns
	for ns in $(ip netns list | awk '{ print $1 }'); do
		ip netns exec "$ns" sysctl -qw net.ipv4.tcp_timestamps="$1"
	done
}

# coalesced WHAT NS DEV ADDR FROM: a transfer from FROM to ADDR, intact,
# and DEV in NS coalesced some of it: more packets counted, each of at
# least two segments
coalesced() {
	local p0 s0 b0 p s b
	p0=$(rsc "$2" "$3") s0=$(rsc "$2" "$3" segments) b0=$(rsc "$2" "$3" bytes)
	check "$1: intact" xfer "$5" "$4"
	p=$(($(rsc "$2" "$3") - p0))
	s=$(($(rsc "$2" "$3" segments) - s0))
	b=$(($(rsc "$2" "$3" bytes) - b0))
	echo "# $1: $p coalesced packets, $s segments, $b bytes"
	check "$1: coalesced by the hardware" gt0 "$p"
	check "$1: at least two segments each" [ "$s" -ge $((2 * p)) ]
	check "$1: bytes counted" [ "$b" -gt "$s" ]
}

# not_coalesced WHAT NS DEV ADDR FROM: a transfer, intact, DEV's rx_rsc_*
# unmoved
not_coalesced() {
	local p0
	p0=$(rsc "$2" "$3")
	check "$1: intact" xfer "$5" "$4"
	check "$1: not coalesced" [ "$(rsc "$2" "$3")" -eq "$p0" ]
}

# gro_toggle_loop NS DEV SECONDS: rx-gro-hw off and on, over and over
gro_toggle_loop() {
	local end=$(( $(date +%s) + $3 )) n=0
	while [ "$(date +%s)" -lt "$end" ]; do
		ip netns exec "$1" ethtool -K "$2" rx-gro-hw off
		sleep 0.2
		ip netns exec "$1" ethtool -K "$2" rx-gro-hw on
		sleep 0.2
		n=$((n + 2))
	done
	echo "# $2: $n ethtool -K rx-gro-hw requests"
}

# the ports, as NS:DEV
ports="a:ncsim0 b:ncsim1"

# violations: hw_caps_violation over $ports
violations() {
	local p n=0
	for p in $ports; do
		n=$((n + $(ncsim_stat "${p%:*}" "${p#*:}" hw_caps_violation)))
	done
	echo "$n"
}

# healthy WHAT: no checksum error at the receivers of a and b, nothing the
# hardware could not do
healthy() {
	check "$1: no checksum error at the receivers" \
		[ "$(ncsim_csum_errors)" -eq "$errs0" ]
	check "$1: no hw_caps_violation" eq0 "$(violations)"
}

# one_version V ADDR OTHER KEYWORD: the ipv4 and ipv6 runs
one_version() {
	local v=$1 addr=$2 other=$3 kw=$4 f pids ok

	check "$v: load" ncsim_load "$build" profile=full
	check "$v: pair up in two namespaces" ncsim_pair_up
	check "$v: rx-gro-hw on" eval \
		'ip netns exec b ethtool -k ncsim1 | grep -q "^rx-gro-hw: on"'
	ncsim_xfer_serve b
	errs0=$(ncsim_csum_errors)

	timestamps 1
	coalesced "$v: TCP with timestamps" b ncsim1 "$addr" a
	timestamps 0
	coalesced "$v: TCP without timestamps" b ncsim1 "$addr" a
	timestamps 1

	ip netns exec b ethtool -K ncsim1 rx-gro-hw off
	not_coalesced "$v: rx-gro-hw off" b ncsim1 "$addr" a
	ip netns exec b ethtool -K ncsim1 rx-gro-hw on

	# three flows at once, their segments interleaved on the wire
	p0=$(rsc b ncsim1)
	pids=
	for f in 1 2 3; do
		xfer a "$addr" > "/tmp/rsc-flow$f" 2>&1 &
		pids="$pids $!"
	done
	ok=0
	for f in $pids; do
		wait "$f" && ok=$((ok + 1))
	done
	check "$v: three interleaved flows, all intact" [ "$ok" -eq 3 ]
	check "$v: three interleaved flows, coalesced" \
		[ "$(rsc b ncsim1)" -gt "$p0" ]

	gro_toggle_loop b ncsim1 12 &
	f=$!
	ok=0
	for _ in 1 2 3; do
		xfer a "$addr" $((2 << 20)) && ok=$((ok + 1))
	done
	wait "$f"
	check "$v: rx-gro-hw toggled under load, three transfers intact" \
		[ "$ok" -eq 3 ]
	check "$v: rx-gro-hw back on" eval \
		'ip netns exec b ethtool -k ncsim1 | grep -q "^rx-gro-hw: on"'
	healthy "$v"

	pkill -f "xfer.py serve"
	wait
	ncsim_pair_down
	check "$v: unload" ncsim_unload

	check "$v: load with $kw" ncsim_load "$build" profile=full \
		"keywords=$kw"
	check "$v: pair up again" ncsim_pair_up
	ncsim_xfer_serve b
	errs0=$(ncsim_csum_errors)
	not_coalesced "$v: $kw" b ncsim1 "$addr" a
	coalesced "$v: $kw, the other version still" b ncsim1 "$other" a
	healthy "$v: $kw"
	pkill -f "xfer.py serve"
	wait
	ncsim_pair_down
	check "$v: unload" ncsim_unload
}

# knob DEV NAME VALUE: one of the port's debugfs wire knobs
knob() {
	echo "$3" > "/sys/kernel/debug/ncsim/$1/$2"
}

# retrans NS: the segments TCP retransmitted in NS (IPv4 and IPv6)
retrans() {
	# shellcheck disable=SC2016 # awk's own $
	ip netns exec "$1" awk '/^Tcp:/ {
		if (!c) { for (i = 2; i <= NF; i++) if ($i == "RetransSegs") c = i; next }
		print $c }' /proc/net/snmp
}

wire() {
	local k n
	check "wire: load" ncsim_load "$build" profile=full
	check "wire: pair up in two namespaces" ncsim_pair_up
	for k in wire_reorder wire_drop; do
		check "wire: ncsim0 has $k" \
			[ -w "/sys/kernel/debug/ncsim/ncsim0/$k" ]
	done
	ncsim_xfer_serve b
	errs0=$(ncsim_csum_errors)
	for k in "wire_reorder 7" "wire_drop 50"; do
		# shellcheck disable=SC2086 # name and value
		knob ncsim0 $k
		n=$(rsc b ncsim1)
		check "wire: ${k% *} ${k#* }: TCP/IPv4 intact" xfer a 198.18.0.2
		check "wire: ${k% *} ${k#* }: TCP/IPv6 intact" xfer a 2001:2::2
		check "wire: ${k% *} ${k#* }: still coalesced" \
			[ "$(rsc b ncsim1)" -gt "$n" ]
		knob ncsim0 "${k% *}" 0
	done
	check "wire: the sender retransmitted" gt0 "$(retrans a)"
	healthy wire
	pkill -f "xfer.py serve"
	wait
	ncsim_pair_down
	check "wire: unload" ncsim_unload
}

forward() {
	local ns tso hw sw
	check "forward: load two pairs" ncsim_load "$build" profile=full pairs=2
	ports="a:ncsim0 r:ncsim1 r:ncsim2 b:ncsim3"
	ip netns add a && ip netns add r && ip netns add b
	for ns in a r b; do
		ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1
	done
	ncsim_port_up a ncsim0 198.18.0.1 2001:2::1
	ncsim_port_up r ncsim1 198.18.0.2 2001:2::2
	ip link set ncsim2 mtu 1400
	ip link set ncsim3 mtu 1400
	ncsim_port_up r ncsim2 198.18.1.1 2001:3::1
	ncsim_port_up b ncsim3 198.18.1.2 2001:3::2
	ip -n a route add default via 198.18.0.2
	ip -n a -6 route add default via 2001:2::2
	ip -n b route add default via 198.18.1.1
	ip -n b -6 route add default via 2001:3::1
	ip netns exec r sysctl -qw net.ipv4.ip_forward=1
	ip netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1
	check "forward: carrier on both wires" eval \
		'ncsim_wait_carrier a ncsim0 && ncsim_wait_carrier b ncsim3'
	check "forward: ping through the router" ncsim_ping a 198.18.1.2
	ncsim_xfer_serve b
	errs0=$(ncsim_csum_errors)
	for tso in on off; do
		ip netns exec r ethtool -K ncsim2 tso "$tso"
		hw=$(ncsim_stat r ncsim2 tx_lso_hw)
		sw=$(ncsim_stat r ncsim2 tx_lso_sw)
		coalesced "forward, tso $tso on the way out: TCP/IPv4" \
			r ncsim1 198.18.1.2 a
		coalesced "forward, tso $tso on the way out: TCP/IPv6" \
			r ncsim1 2001:3::2 a
		hw=$(( $(ncsim_stat r ncsim2 tx_lso_hw) - hw ))
		sw=$(( $(ncsim_stat r ncsim2 tx_lso_sw) - sw ))
		echo "# tso $tso: tx_lso_hw +$hw, tx_lso_sw +$sw"
		if [ "$tso" = on ]; then
			check "forward, tso on: segmented again by the router's hardware" \
				gt0 "$hw"
		else
			check "forward, tso off: segmented again in software" gt0 "$sw"
			check "forward, tso off: not by the hardware" eq0 "$hw"
		fi
	done
	check "forward: no frame too long for the second wire" \
		eq0 "$(ncsim_stat r ncsim2 hw_wire_mtu_drops)"
	check "forward: none received too long" \
		eq0 "$(ncsim_stat b ncsim3 hw_rx_oversize)"
	healthy forward
	pkill -f "xfer.py serve"
	wait
	for ns in a r b; do
		ip netns del "$ns"
	done
	check "forward: unload" ncsim_unload
}

case $run in
ipv4)	one_version ipv4 198.18.0.2 2001:2::2 '*RscIPv4=0' ;;
ipv6)	one_version ipv6 2001:2::2 198.18.0.2 '*RscIPv6=0' ;;
wire)	wire ;;
forward) forward ;;
*)	echo "ncsim_rsc: unknown run $run"; exit 1 ;;
esac

check_end ncsim_rsc
