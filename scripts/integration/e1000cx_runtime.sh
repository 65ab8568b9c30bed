#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# guests: qemu-6.12 qemu-6.1
# weight: 60
#
# e1000cx under traffic, a guest script for the QEMU guest
# (scripts/qemu-run.sh, Debian's 6.12 and 6.1 kernels): the link taken down
# and up from QEMU's monitor, ring resizes, offload toggles, rmmod, and the
# device unplugged and plugged again, each while iperf3 and digest-checked
# transfers run. The harness fails the run on any oops, WARN or BUG
# (panic_on_warn=1), so every remove path here must also be clean.
#
#      QEMU monitor (HMP, NETCX_MONITOR: scripts/guest/qemu-monitor.sh)
#        set_link nic0 off|on, device_del nic0, device_add e1000 ...
#                 |
#        netns a  v                                     netns b
#   +----------------------+                     +----------------------+
#   | iperf3 -c --bidir    |                     | iperf3 -s            |
#   | xfer.py send (loop)  |                     | xfer.py serve        |
#   | nic0 00:04.0 e1000cx |     QEMU hub 0      | nic1 00:05.0 e1000   |
#   | 198.18.0.1/24        |<===================>| 198.18.0.2/24        |
#   | 2001:2::1/64         |                     | 2001:2::2/64         |
#   |  vl5 198.18.1.1/24   |                     |  vl5 198.18.1.2/24   |
#   +----------------------+                     +----------------------+
#     ethtool -G / -K nic0, rmmod e1000cx
#
# One guest per run:
#
#   link     set_link nic0 off and on twice: the carrier seen going down and
#            up, traffic resuming, every TCP transfer across it intact
#   tune     ethtool -G through four ring sizes (64 slots the first);
#            ethtool -K switching tx, tso, rx, rxvlan, txvlan, sg and gro
#            off and on, twice; per-device keywords through devlink
#            (driverinit "keywords" on pci/0000:00:04.0, devlink dev
#            reload): TSO off [fixed] after one, a bad string refused with
#            the token named, back on after the keywords are cleared
#   remove   rmmod e1000cx under traffic (the netdev gone), loaded again
#            and traffic; device_del nic0 under traffic (e1000cx's remove,
#            the netdev and the PCI function gone), device_add of an 82540EM
#            on the same hub port and slot, bound to e1000cx, traffic again
#
# In both, checksum errors at either end (nstat) must stay 0 throughout.
#
#   e1000cx_runtime.sh BUILD RUN   BUILD: netcx.ko and e1000cx.ko built for
#                                  the guest's kernel
#   e1000cx_runtime.sh --runs      the runs
set -u
if [ "${1:-}" = --runs ]; then
	echo link tune remove
	exit 0
fi
build=$1 run=$2
. "$(dirname "$0")/lib/ecsuite.sh"
. "$(dirname "$0")/lib/check.sh"

LOOP=/tmp/ec-loop
iperf_pid='' loop_pid='' serve_pid=''

# serve: xfer.py's receiver in b (TCP and UDP, IPv4 and IPv6)
serve() {
	ncsim_xfer_serve b
	serve_pid=$!
}

# loop_start [BYTES]: TCP transfers of BYTES (default 300000) from a to b,
# over IPv4, IPv6 and the VLAN in turn, until loop_stop; each one's
# "ok ..." or "FAIL ..." line in $LOOP
loop_start() {
	local size=${1:-300000}
	: > "$LOOP"
	(
		trap 'exit 0' TERM
		while :; do
			for addr in 198.18.0.2 2001:2::2 198.18.1.2 2001:2:0:1::2; do
				ncsim_xfer a tcp "$addr" "$size" plain \
					>> "$LOOP" 2>&1 ||
					echo "FAIL (status $?) to $addr" >> "$LOOP"
			done
		done
	) &
	loop_pid=$!
}

# loop_stop: let the transfer under way end, then stop
loop_stop() {
	local n
	n=$(wc -l < "$LOOP")
	for _ in $(seq 100); do
		[ "$(wc -l < "$LOOP")" -gt "$n" ] && break
		sleep 0.2
	done
	kill "$loop_pid" 2>/dev/null
	wait "$loop_pid" 2>/dev/null
	loop_pid=''
}

# loop_intact WHAT MIN: every transfer of the loop intact, and at least
# MIN; a connection refused with EHOSTUNREACH (ARP or neighbour discovery
# failed while the link was down) is not a transfer and is only counted
loop_intact() {
	local ok bad unreach
	ok=$(grep -c '^ok ' "$LOOP")
	unreach=$(grep -c '^FAIL \[Errno 113\]' "$LOOP")
	bad=$(grep -v '^ok ' "$LOOP" | grep -vc -e '^FAIL \[Errno 113\]' \
		-e '^FAIL (status 1) to ')
	echo "$1: $ok transfers intact, $bad not, $unreach connections refused (no route)"
	grep -v '^ok ' "$LOOP" | head -6
	[ "$ok" -ge "$2" ] && [ "$bad" -eq 0 ]
}

# iperf_start SECONDS: iperf3 both ways (--bidir) from a to b
iperf_start() {
	ncsim_iperf_bg a b 198.18.0.2 "$1" $(($1 + 60)) /tmp/ec-iperf.json \
		--bidir || return 1
	iperf_pid=$!
}

# iperf_end: its status; prints the Mbit/s received each way
iperf_end() {
	local rc=0
	wait "$iperf_pid" || rc=$?
	iperf_pid=''
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["end"]
print("iperf3: %.0f Mbit/s a to b, %.0f Mbit/s b to a" % (
    d["sum_received"]["bits_per_second"] / 1e6,
    d["sum_received_bidir_reverse"]["bits_per_second"] / 1e6))' \
		/tmp/ec-iperf.json 2>/dev/null || tail -3 /tmp/ec-iperf.json
	return "$rc"
}

# moves NAME SECONDS: e1000cx's counter NAME moves within SECONDS
moves() {
	local n0 i
	n0=$(ec_stat 0 "$1")
	for i in $(seq $(($2 * 5))); do
		sleep 0.2
		[ "$(ec_stat 0 "$1")" -gt "$n0" ] && return 0
	done
	return 1
}

link() {
	local i
	for i in 1 2; do
		check "link $i: traffic flows" moves tx_packets 5
		check "link $i: set_link nic0 off (monitor)" ec_monitor "set_link nic0 off"
		check "link $i: carrier seen going down" \
			e1000cx_wait_carrier a "${EC_DEV[0]}" 0
		sleep 2
		check "link $i: set_link nic0 on (monitor)" ec_monitor "set_link nic0 on"
		check "link $i: carrier seen coming up" \
			e1000cx_wait_carrier a "${EC_DEV[0]}" 1
		check "link $i: traffic resumes (rx_packets)" moves rx_packets 15
		check "link $i: traffic resumes (tx_packets)" moves tx_packets 15
	done
}

rings() {
	local r start
	start=$(ec_rings 0)
	# 64 slots: no more than a NAPI budget's worth (63 given to the
	# device), so one poll may reach the slot the driver keeps empty
	for r in "64 64" "4096 4096" "128 1024" "$start"; do
		check "rings: ethtool -G rx ${r% *} tx ${r#* } under traffic" \
			ip netns exec a ethtool -G "${EC_DEV[0]}" rx "${r% *}" tx "${r#* }"
		check "rings: ethtool -g shows $r" [ "$(ec_rings 0)" = "$r" ]
		check "rings: carrier up again" e1000cx_wait_carrier a "${EC_DEV[0]}"
		check "rings: traffic flows at $r" moves rx_packets 15
		sleep 1
	done
}

# features_of: ethtool -k of nic0, "name value" lines, without [fixed]
features_of() {
	ip netns exec a ethtool -k "${EC_DEV[0]}" |
		awk -F': ' 'NF == 2 && $2 ~ /^(on|off)/ { split($2, v, " "); print $1, v[1] }'
}

# toggles: each feature off and on, twice; then everything as it was
# ("tso on" turns on every TSO feature, also those off before: those are
# set back by name, as the matrix does, and listed)
toggles() {
	local f v before=/tmp/ec-features.before after=/tmp/ec-features.after
	features_of > "$before"
	for _ in 1 2; do
		for f in tx tso rx rxvlan txvlan sg gro; do
			ip netns exec a ethtool -K "${EC_DEV[0]}" "$f" off >/dev/null 2>&1 ||
				{ echo "ethtool -K $f off failed"; return 1; }
			sleep 0.4
			ip netns exec a ethtool -K "${EC_DEV[0]}" "$f" on >/dev/null 2>&1 ||
				{ echo "ethtool -K $f on failed"; return 1; }
			sleep 0.4
		done
	done
	features_of > "$after"
	grep -vxF -f "$before" "$after" | while read -r f v; do
		echo "after the toggles $f is $v, back to what it was"
		ip netns exec a ethtool -K "${EC_DEV[0]}" "$f" \
			"$(awk -v f="$f" '$1 == f { print $2 }' "$before")" >/dev/null 2>&1
	done
	features_of > "$after"
	cmp -s "$before" "$after" || { diff "$before" "$after"; return 1; }
}

# DL: nic0's devlink instance
DL=pci/${EC_PCI[0]}

# kw_set STRING: the keywords of nic0's next reload
kw_set() {
	devlink dev param set "$DL" name keywords value "$1" cmode driverinit
}

# feature NAME: "on", "off", "off [fixed]"... of nic0's feature NAME
feature() {
	ip netns exec a ethtool -k "${EC_DEV[0]}" |
		awk -F': ' -v f="$1" '{ sub(/^[ \t]+/, "", $1) } $1 == f { print $2 }'
}

# reloads: keywords set through devlink, each applied by a reload
reloads() {
	local out rc
	check "devlink: nic0's instance has the driverinit keywords parameter" \
		eval 'devlink dev param show "$DL" name keywords | grep -q driverinit'
	check "devlink: *LsoV2IPv4=0 set for the next reload" kw_set '*LsoV2IPv4=0'
	check "devlink: TSO still on before the reload" \
		eval '[ "$(feature tx-tcp-segmentation)" = on ]'
	check "devlink: nic0 reloaded" devlink dev reload "$DL"
	check "devlink: TSO off [fixed] after the reload" \
		eval '[ "$(feature tx-tcp-segmentation)" = "off [fixed]" ]'
	check "devlink: TX checksumming still on" \
		eval '[ "$(feature tx-checksumming)" = on ]'
	out=$(kw_set '*LsoV2IPv4=7' 2>&1)
	rc=$?
	echo "devlink: *LsoV2IPv4=7: $out"
	check "devlink: *LsoV2IPv4=7 refused" test "$rc" -ne 0
	if kernel_before 6 2; then
		# no formatted extack before 6.2: the kernel log names it
		check "devlink: the kernel log names the bad token" \
			eval 'dmesg | tail -5 | grep -q "LsoV2IPv4=7"'
	else
		check "devlink: the refusal names the bad token" \
			grep -q 'LsoV2IPv4=7' <<< "$out"
	fi
	check "devlink: keywords cleared for the next reload" kw_set ''
	check "devlink: nic0 reloaded again" devlink dev reload "$DL"
	check "devlink: TSO on again, not fixed" \
		eval '[ "$(feature tx-tcp-segmentation)" = on ]'
}

# setup RUN: e1000cx and e1000 up, VLAN 5, xfer.py's receiver in b
setup() {
	check "$1: e1000cx on nic0, e1000 on nic1, up" ec_setup "$build" e1000
	check "$1: VLAN 5 over both ports" e1000cx_vlan_up
	check "$1: xfer.py receiver in b" serve
}

# teardown RUN: the checks at the end, e1000cx unloaded
teardown() {
	check "$1: UDP over IPv6 after it all, intact" \
		ncsim_xfer a udp 2001:2::2 100000 plain
	check "$1: no checksum error at either end" eq0 "$(ncsim_csum_errors)"
	check "$1: no offload drop" eq0 "$(ec_stat 0 tx_offload_dropped)"
	kill "$serve_pid" 2>/dev/null
	e1000cx_pair_down
	check "$1: rmmod e1000cx" rmmod e1000cx
}

run_link() {
	setup link
	check "link: iperf3 both ways for 15 s" iperf_start 15
	# long enough for some to be under way when the link goes down
	loop_start 3000000
	sleep 2
	link
	loop_stop
	check "link: iperf3 ran through the link flaps" iperf_end
	check "link: every TCP transfer across the flaps intact" loop_intact link 2
	teardown link
}

run_tune() {
	setup tune
	check "rings: iperf3 both ways for 15 s" iperf_start 15
	loop_start
	sleep 2
	rings
	loop_stop
	check "rings: iperf3 ran through the resizes" iperf_end
	check "rings: every TCP transfer across the resizes intact" \
		loop_intact rings 2

	check "toggles: iperf3 both ways for 15 s" iperf_start 15
	loop_start
	sleep 2
	check "toggles: ethtool -K tx, tso, rx, rxvlan, txvlan, sg, gro off and on, twice, features back" \
		toggles
	loop_stop
	check "toggles: iperf3 ran through the toggles" iperf_end
	check "toggles: every TCP transfer across the toggles intact" \
		loop_intact toggles 2

	check "devlink: iperf3 both ways for 15 s" iperf_start 15
	loop_start
	sleep 2
	reloads
	loop_stop
	check "devlink: iperf3 ran through the reloads" iperf_end
	check "devlink: every TCP transfer across the reloads intact" \
		loop_intact devlink 2
	teardown tune
}

# gone: nic0 has no e1000cx netdev left (in a or anywhere)
gone() {
	local i
	for i in $(seq 100); do
		[ -z "$(e1000cx_netdev "${EC_PCI[0]}")" ] &&
			! ip -n a link show "${EC_DEV[0]}" >/dev/null 2>&1 && return 0
		sleep 0.2
	done
	return 1
}

# pci_present yes|no: wait up to 30 s for nic0's PCI function to be there
# or not
pci_present() {
	local i
	for i in $(seq 150); do
		if [ -e "/sys/bus/pci/devices/${EC_PCI[0]}" ]; then
			[ "$1" = yes ] && return 0
		else
			[ "$1" = no ] && return 0
		fi
		sleep 0.2
	done
	return 1
}

# back WHAT: nic0 back in a, addressed, link up; a transfer each way and
# iperf3 both ways
back() {
	local mbps
	check "$1: nic0 into a, its VLAN, up" ec_port0_up
	check "$1: TCP over IPv4 a to b, intact" \
		ncsim_xfer a tcp 198.18.0.2 1000000 plain
	check "$1: UDP over IPv6 a to b, intact" \
		ncsim_xfer a udp 2001:2::2 100000 plain
	mbps=$(ncsim_iperf b a 198.18.0.1 3)
	echo "$1: iperf3 TCP over IPv4, e1000 to e1000cx: $mbps Mbit/s"
	check "$1: iperf3 b to a moved data" gt0 "$mbps"
}

run_remove() {
	check "remove: e1000cx on nic0, e1000 on nic1, up" ec_setup "$build" e1000
	check "remove: VLAN 5 over both ports" e1000cx_vlan_up
	check "remove: xfer.py receiver in b" serve

	check "rmmod: iperf3 both ways" iperf_start 30
	loop_start
	sleep 3
	check "rmmod: traffic flows" moves tx_packets 5
	check "rmmod: rmmod e1000cx under traffic" rmmod e1000cx
	check "rmmod: the netdev is gone" gone
	kill "$iperf_pid" 2>/dev/null
	wait "$iperf_pid" 2>/dev/null
	loop_stop
	check "rmmod: load e1000cx again" e1000cx_load "$build"
	check "rmmod: it takes nic0" e1000cx_bind "${EC_PCI[0]}" e1000cx
	back "rmmod"

	check "unplug: iperf3 both ways" iperf_start 30
	loop_start
	sleep 3
	check "unplug: traffic flows" moves tx_packets 5
	check "unplug: device_del nic0 under traffic (monitor)" \
		ec_monitor "device_del nic0"
	check "unplug: the PCI function is gone" pci_present no
	check "unplug: the netdev is gone" gone
	kill "$iperf_pid" 2>/dev/null
	wait "$iperf_pid" 2>/dev/null
	loop_stop
	check "unplug: e1000cx still loaded" grep -q '^e1000cx ' /proc/modules
	check "unplug: device_add an 82540EM on hub port n0, slot 4 (monitor)" \
		ec_monitor "device_add e1000,netdev=n0,id=nic0b,mac=52:54:00:12:34:01,addr=0x4,romfile="
	check "unplug: the PCI function is back" pci_present yes
	check "unplug: e1000cx takes it" e1000cx_bind "${EC_PCI[0]}" e1000cx
	back "plug"
	check "remove: no checksum error at either end" eq0 "$(ncsim_csum_errors)"
	kill "$serve_pid" 2>/dev/null
	e1000cx_pair_down
	check "remove: rmmod e1000cx" rmmod e1000cx
}

case $run in
link)   run_link ;;
tune)   run_tune ;;
remove) run_remove ;;
*)      echo "unknown run $run" >&2; exit 2 ;;
esac
check "$run: rmmod netcx" rmmod netcx

check_end e1000cx_runtime
