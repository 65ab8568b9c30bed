#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Fault injection, a guest script (scripts/integration.sh runs it in UML,
# with a kmemleak scan after it): ncsim's debugfs knobs
# (/sys/kernel/debug/ncsim/<port>/, docs/ncsim.md) make the hardware, the
# wire and the change callbacks fail, and netcx and the stack cope.
#
#   traffic   one pair, profile full, transfers from a to b checked by
#             digest (lib/xfer.py): tx_drop on the sender (descriptors
#             completed, never sent: TCP retransmits), wire_corrupt on the
#             sender with the receiver's rx checksumming on (its engine
#             reports the frames bad, hw_rx_csum_bad and netcx's
#             rx_csum_invalid move, then the stack's InCsumErrors) and off
#             (only the stack catches them), over TCP/IPv4 and IPv6 with
#             receive coalescing on (rx off: IPv4), and over UDP (no
#             retransmit: the corrupted datagrams are dropped and counted,
#             never delivered), rx_alloc_fail on the receiver (the ring
#             refills, nothing stalls); each knob moves its own counter and
#             no other's
#   control   fail_changed: ethtool -K fails and the features stay as they
#             were, then works once the count is spent; fail_changed_skip:
#             a later callback fails and netcx rolls back the one before;
#             the pause file: netcx_pause() and netcx_resume() succeeding,
#             failing (the state stays), and a transfer intact while
#             paused; every knob refusing what it does not take
#
#        netns a                                   netns b
#   +------------------+                      +------------------+
#   | ncsim0           |      ncsim wire      | ncsim1           |
#   | 198.18.0.1/24    |=====================>| 198.18.0.2/24    |
#   | 2001:2::1/64     |  faults: tx_drop,    | 2001:2::2/64     |
#   | (sender)         |  wire_corrupt        | rx_alloc_fail    |
#   +------------------+                      +------------------+
#
#   ncsim_faults.sh BUILD RUN
#   ncsim_faults.sh --runs
# About two minutes a run on its own (three to four on a busy host); the
# traffic run prints where its time goes.
# weight: 150
# cpu: 70
set -u
if [ "${1:-}" = --runs ]; then
	echo traffic control
	exit 0
fi
build=$1 run=$2
. "$(dirname "$0")/lib/ncsim.sh"

. "$(dirname "$0")/lib/check.sh"

SIZE=$((1 << 20))
DBG=/sys/kernel/debug/ncsim

# knob DEV NAME VALUE: write one of the port's debugfs knobs
knob() {
	echo "$3" > "$DBG/$1/$2"
}

# stat NS DEV NAME: one ethtool -S counter
stat() {
	ncsim_stat "$1" "$2" "$3"
}

# snmp NS PROTO FIELD: a /proc/net/snmp counter (Tcp, Udp) in NS
snmp() {
	# shellcheck disable=SC2016 # awk's own $
	ip netns exec "$1" awk -v p="$2:" -v f="$3" '$1 == p {
		if (!c) { for (i = 2; i <= NF; i++) if ($i == f) c = i; next }
		print $c }' /proc/net/snmp
}

# xfer PROTO ADDR [SIZE]: one digest-checked transfer from a to ADDR
xfer() {
	ncsim_xfer a "$1" "$2" "${3:-$SIZE}" plain
}

# Counters a fault may move, as NS:DEV:NAME; moved() and still() compare
# them with the snapshot snap() took.
COUNTERS="a:ncsim0:hw_tx_fault_drops a:ncsim0:wire_fault_corrupts
a:ncsim0:wire_fault_drops b:ncsim1:rx_alloc_fail b:ncsim1:hw_rx_csum_bad
b:ncsim1:rx_csum_invalid b:ncsim1:rx_csum_inactive b:ncsim1:hw_rx_csum_ok
b:ncsim1:rx_rsc_packets
a:ncsim0:fault_changed_fails b:ncsim1:fault_changed_fails"
declare -A SNAP

snap() {
	local c ns dev name
	for c in $COUNTERS; do
		IFS=: read -r ns dev name <<< "$c"
		SNAP[$c]=$(stat "$ns" "$dev" "$name")
	done
	SNAP[csum]=$(ncsim_csum_errors)
	SNAP[retrans]=$(snmp a Tcp RetransSegs)
	SNAP[udp_csum]=$(snmp b Udp InCsumErrors)
}

# delta KEY: how much the counter KEY (NS:DEV:NAME, csum, retrans or
# udp_csum) moved since snap()
delta() {
	local ns dev name now
	case $1 in
	csum)		now=$(ncsim_csum_errors) ;;
	retrans)	now=$(snmp a Tcp RetransSegs) ;;
	udp_csum)	now=$(snmp b Udp InCsumErrors) ;;
	*)		IFS=: read -r ns dev name <<< "$1"
			now=$(stat "$ns" "$dev" "$name") ;;
	esac
	echo $(( now - SNAP[$1] ))
}

# moved WHAT KEY...: each counter moved since snap()
moved() {
	local what=$1 k
	shift
	for k in "$@"; do
		echo "# $what: ${k##*:} +$(delta "$k")"
		check "$what: ${k##*:} moved" gt0 "$(delta "$k")"
	done
}

# still WHAT KEY...: none of these counters moved since snap()
still() {
	local what=$1 k
	shift
	for k in "$@"; do
		check "$what: ${k##*:} did not move" eq0 "$(delta "$k")"
	done
}

# up: load ncsim (profile full), the pair in two namespaces, the receiver
up() {
	check "$run: load" ncsim_load "$build" profile=full
	check "$run: pair up in two namespaces" ncsim_pair_up
	ncsim_xfer_serve b
}

down() {
	pkill -f "xfer.py serve"
	wait
	ncsim_pair_down
	check "$run: unload" ncsim_unload
}

# corrupt_tcp WHAT [v6]: TCP over IPv4 (and IPv6) with wire_corrupt set on a
corrupt_tcp() {
	check "$1: TCP/IPv4 intact" xfer tcp 198.18.0.2
	[ "${2:-}" = v6 ] && check "$1: TCP/IPv6 intact" xfer tcp 2001:2::2
	moved "$1" a:ncsim0:wire_fault_corrupts csum retrans
	still "$1" a:ncsim0:hw_tx_fault_drops a:ncsim0:wire_fault_drops \
		b:ncsim1:rx_alloc_fail
}

# corrupt_udp WHAT: UDP/IPv4 with wire_corrupt set on a: the transfer
# misses datagrams, each one a checksum error at b, none delivered
# corrupted (that would be a digest mismatch with nothing missing)
corrupt_udp() {
	local out missing corrupts errs
	out=$(xfer udp 198.18.0.2 $((512 << 10)))
	echo "# $1: $out"
	missing=$(sed -n 's/^FAIL \([0-9]*\) of the datagrams never arrived$/\1/p' \
		<<< "$out")
	corrupts=$(delta a:ncsim0:wire_fault_corrupts)
	errs=$(delta udp_csum)
	echo "# $1: ${missing:-?} datagrams missing, $corrupts corrupted, $errs Udp InCsumErrors"
	check "$1: UDP: corrupted datagrams missing, the rest intact" gt0 "${missing:-0}"
	check "$1: UDP: every corrupted frame a UDP checksum error" \
		[ "$errs" -eq "$corrupts" ]
	check "$1: UDP: no more missing than corrupted" \
		[ "${missing:-0}" -le "$corrupts" ]
}

traffic() {
	up
	check "traffic: rx-checksumming on at b" eval \
		'ip netns exec b ethtool -k ncsim1 | grep -q "^rx-checksumming: on"'

	echo "# up at ${SECONDS} s"
	# the transmit engine drops every 25th descriptor
	snap
	knob ncsim0 tx_drop 25
	check "tx_drop: TCP/IPv4 intact" xfer tcp 198.18.0.2
	check "tx_drop: TCP/IPv6 intact" xfer tcp 2001:2::2
	knob ncsim0 tx_drop 0
	moved tx_drop a:ncsim0:hw_tx_fault_drops retrans
	still tx_drop a:ncsim0:wire_fault_corrupts a:ncsim0:wire_fault_drops \
		b:ncsim1:rx_alloc_fail b:ncsim1:hw_rx_csum_bad csum

	echo "# tx_drop done at ${SECONDS} s"
	# every 25th frame corrupted, rx checksumming (and coalescing) on
	snap
	knob ncsim0 wire_corrupt 25
	corrupt_tcp "wire_corrupt, rx on" v6
	moved "wire_corrupt, rx on" b:ncsim1:hw_rx_csum_bad \
		b:ncsim1:rx_csum_invalid b:ncsim1:rx_rsc_packets
	check "wire_corrupt, rx on: each corrupted frame reported bad by the engine" \
		[ "$(delta b:ncsim1:hw_rx_csum_bad)" -eq "$(delta a:ncsim0:wire_fault_corrupts)" ]
	snap
	corrupt_udp "wire_corrupt, rx on"
	moved "wire_corrupt, rx on, UDP" b:ncsim1:hw_rx_csum_bad

	echo "# wire_corrupt, rx on, done at ${SECONDS} s"
	# rx checksumming off: the stack alone catches them
	ip netns exec b ethtool -K ncsim1 rx off
	check "wire_corrupt, rx off: rx-checksumming off at b" eval \
		'ip netns exec b ethtool -k ncsim1 | grep -q "^rx-checksumming: off"'
	snap
	corrupt_tcp "wire_corrupt, rx off"
	moved "wire_corrupt, rx off: the stack checks" b:ncsim1:rx_csum_inactive
	still "wire_corrupt, rx off" b:ncsim1:hw_rx_csum_bad \
		b:ncsim1:rx_csum_invalid b:ncsim1:hw_rx_csum_ok
	snap
	corrupt_udp "wire_corrupt, rx off"
	still "wire_corrupt, rx off, UDP" b:ncsim1:hw_rx_csum_bad
	ip netns exec b ethtool -K ncsim1 rx on
	knob ncsim0 wire_corrupt 0

	echo "# wire_corrupt, rx off, done at ${SECONDS} s"
	# every 10th receive buffer allocation at b fails
	snap
	knob ncsim1 rx_alloc_fail 10
	check "rx_alloc_fail: TCP/IPv4 intact" xfer tcp 198.18.0.2
	knob ncsim1 rx_alloc_fail 0
	moved rx_alloc_fail b:ncsim1:rx_alloc_fail
	still rx_alloc_fail a:ncsim0:hw_tx_fault_drops \
		a:ncsim0:wire_fault_corrupts b:ncsim1:hw_rx_csum_bad csum
	# the ring is whole again: no allocation fails, nothing stalls
	snap
	check "rx_alloc_fail off: TCP/IPv4 intact" xfer tcp 198.18.0.2
	check "rx_alloc_fail off: UDP/IPv4 intact, every datagram" \
		xfer udp 198.18.0.2 $((1 << 20))
	still "rx_alloc_fail off" b:ncsim1:rx_alloc_fail csum
	echo "# rx_alloc_fail done at ${SECONDS} s"
	check "traffic: no hw_caps_violation" \
		eq0 "$(( $(stat a ncsim0 hw_caps_violation) + $(stat b ncsim1 hw_caps_violation) ))"
	down
}

# features NS DEV: the features in force (ethtool -k, each on or off; not
# what the user asked for, which a refused change leaves "requested")
features() {
	ip netns exec "$1" ethtool -k "$2" | awk '$2 == "on" || $2 == "off" {
		print $1, $2 }'
}

# sameas WANT NS DEV: DEV's features are WANT
sameas() {
	[ "$(features "$2" "$3")" = "$1" ]
}

# feature NS DEV NAME: on or off
feature() {
	ip netns exec "$1" ethtool -k "$2" | awk -v n="$3:" '$1 == n { print $2 }'
}

# logged N PATTERN: the kernel log has N more lines matching PATTERN than
# it had at mark
mark() {
	MARK=$(dmesg | wc -l)
}
logged() {
	[ "$(dmesg | tail -n +$((MARK + 1)) | grep -c "$2")" -eq "$1" ]
}

# refuses DEV KNOB VALUE: the write fails, the knob keeps its value
refuses() {
	local before after
	before=$(cat "$DBG/$1/$2")
	if echo "$3" > "$DBG/$1/$2" 2>/dev/null; then
		return 1
	fi
	after=$(cat "$DBG/$1/$2")
	[ "$before" = "$after" ]
}

control() {
	local f0 f v k
	up

	# fail_changed: ethtool -K refused twice, features as they were. A
	# refused change stays what the user wants ("requested off"): rx on
	# in between asks again, and changes nothing in force.
	f0=$(features b ncsim1)
	snap
	mark
	knob ncsim1 fail_changed 2
	check "fail_changed: reads back 2" [ "$(cat $DBG/ncsim1/fail_changed)" = 2 ]
	ip netns exec b ethtool -K ncsim1 rx off
	check "fail_changed: the first ethtool -K rx off changes nothing" \
		sameas "$f0" b ncsim1
	ip netns exec b ethtool -K ncsim1 rx on
	ip netns exec b ethtool -K ncsim1 rx off
	check "fail_changed: nor the second" sameas "$f0" b ncsim1
	ip netns exec b ethtool -K ncsim1 rx on
	check "fail_changed: the count is spent" \
		[ "$(cat $DBG/ncsim1/fail_changed)" = 0 ]
	check "fail_changed: two failures counted" \
		[ "$(delta b:ncsim1:fault_changed_fails)" -eq 2 ]
	check "fail_changed: the failures logged as asked for" \
		logged 2 "change callback failed on request"
	check "fail_changed: netcx logged the refusals" \
		logged 2 "netcx: RX checksum change refused (-5)"
	ip netns exec b ethtool -K ncsim1 rx off
	check "fail_changed spent: ethtool -K rx off works" \
		[ "$(feature b ncsim1 rx-checksumming)" = off ]
	ip netns exec b ethtool -K ncsim1 rx on
	check "fail_changed spent: and back on" sameas "$f0" b ncsim1
	snap
	check "fail_changed: a transfer intact, verified by the hardware" \
		xfer tcp 198.18.0.2
	moved "fail_changed" b:ncsim1:hw_rx_csum_ok

	# a later callback fails: rx off also turns coalescing off (RSC needs
	# the receive checksum), RSC's callback fails, netcx rolls back the
	# receive checksum's
	snap
	mark
	knob ncsim1 fail_changed_skip 1
	knob ncsim1 fail_changed 1
	ip netns exec b ethtool -K ncsim1 rx off
	check "rollback: ethtool -K rx off changes nothing" sameas "$f0" b ncsim1
	check "rollback: one failure counted" \
		[ "$(delta b:ncsim1:fault_changed_fails)" -eq 1 ]
	check "rollback: RSC's change refused, rolled back" \
		logged 1 "netcx: RSC change refused (-5), rolling back"
	check "rollback: nothing failed rolling back" \
		logged 0 "rollback failed"
	check "rollback: skip and count spent" eval \
		"[ \"\$(cat $DBG/ncsim1/fail_changed)\$(cat $DBG/ncsim1/fail_changed_skip)\" = 00 ]"
	check "rollback: a transfer intact" xfer tcp 198.18.0.2
	moved "rollback: the registers restored, checksums verified and coalesced" \
		b:ncsim1:hw_rx_csum_ok b:ncsim1:rx_rsc_packets
	still "rollback" b:ncsim1:hw_rx_csum_bad csum
	# what the user asked for again: else resume would apply rx off
	ip netns exec b ethtool -K ncsim1 rx on
	check "rollback: the features still as they were" sameas "$f0" b ncsim1

	# pause and resume
	mark
	knob ncsim1 pause 1
	check "pause: reads back 1" [ "$(cat $DBG/ncsim1/pause)" = 1 ]
	check "pause: rx-checksumming off" \
		[ "$(feature b ncsim1 rx-checksumming)" = off ]
	check "pause: rx-gro-hw off" [ "$(feature b ncsim1 rx-gro-hw)" = off ]
	snap
	check "pause: a transfer intact" xfer tcp 198.18.0.2
	still "pause: no checksum verified by the hardware" b:ncsim1:hw_rx_csum_ok \
		b:ncsim1:rx_rsc_packets csum
	knob ncsim1 pause 0
	check "resume: reads back 0" [ "$(cat $DBG/ncsim1/pause)" = 0 ]
	check "resume: the features as before" sameas "$f0" b ncsim1

	# a pause that fails leaves the port running; a resume that fails
	# leaves it paused
	knob ncsim1 fail_changed 1
	check "pause, failing: the write fails" eval "! knob ncsim1 pause 1 2>/dev/null"
	check "pause, failing: not paused" [ "$(cat $DBG/ncsim1/pause)" = 0 ]
	check "pause, failing: the features as they were" sameas "$f0" b ncsim1
	knob ncsim1 pause 1
	f=$(features b ncsim1)
	knob ncsim1 fail_changed 1
	check "resume, failing: the write fails" eval "! knob ncsim1 pause 0 2>/dev/null"
	check "resume, failing: still paused" [ "$(cat $DBG/ncsim1/pause)" = 1 ]
	check "resume, failing: the features still paused" sameas "$f" b ncsim1
	knob ncsim1 pause 0
	check "resume: the features back" sameas "$f0" b ncsim1
	snap
	check "resume: a transfer intact" xfer tcp 198.18.0.2
	moved "resume: verified and coalesced by the hardware again" \
		b:ncsim1:hw_rx_csum_ok b:ncsim1:rx_rsc_packets

	# bad input: refused, the value kept, a message
	mark
	for k in wire_drop wire_corrupt tx_drop rx_alloc_fail; do
		for v in 1 -1 abc 4294967296 ""; do
			check "bad input: $k refuses '$v'" refuses ncsim0 "$k" "$v"
		done
	done
	for v in -1 abc 4294967296; do
		check "bad input: wire_reorder refuses '$v'" \
			refuses ncsim0 wire_reorder "$v"
	done
	for k in fail_changed fail_changed_skip; do
		for v in 1001 -1 abc; do
			check "bad input: $k refuses '$v'" refuses ncsim0 "$k" "$v"
		done
	done
	for v in 2 -1 on; do
		check "bad input: pause refuses '$v'" refuses ncsim0 pause "$v"
	done
	check "bad input: each refusal logged" eval \
		"dmesg | tail -n +\$((MARK + 1)) | grep -c 'debugfs .*: .*, it takes' | grep -qx 32"
	check "bad input: the edges taken" eval \
		'knob ncsim0 wire_drop 4294967295 && knob ncsim0 wire_drop 0 &&
		 knob ncsim0 wire_reorder 1 && knob ncsim0 wire_reorder 0 &&
		 knob ncsim0 fail_changed 1000 && knob ncsim0 fail_changed 0'
	check "bad input: nothing failed" \
		eq0 "$(stat a ncsim0 fault_changed_fails)"
	down
}

case $run in
traffic) traffic ;;
control) control ;;
*)	echo "ncsim_faults: unknown run $run"; exit 1 ;;
esac

check_end ncsim_faults
