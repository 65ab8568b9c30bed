#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Guest side of "make bench": every throughput and packet-rate case in one
# boot of the bench kernel, the slab a TCP stream takes, and the in-kernel
# benchmarks of bench/netcx_bench.ko (per-packet cost, software fallback,
# memory), results appended to $NETCX_OUT/bench.tsv as
# "case<TAB>metric<TAB>value" lines (scripts/bench.sh prints the table).
#
#   bench.sh BUILD [RUNS [SECONDS [PROFILE]]]
#
# Each TCP figure is the median of RUNS iperf3 runs of SECONDS after one
# second left out (slow start, buffer autotuning). With PROFILE 1 the host
# profiles each TCP run (scripts/bench.sh): the run is announced in
# $NETCX_OUT/prof/start-ID ("case metric") and its end, with the bytes
# received, in stop-ID, and the next run waits for the host's ack-ID.
#
#   ns a                                   ns b
#   +--------------+     one pair of     +--------------+
#   | devA         |=====================| devB         |
#   | 198.18.0.1   |   veth, netdevsim   | 198.18.0.2   |
#   | 2001:2::1    |   or ncsim          | 2001:2::2    |
#   +--------------+                     +--------------+
#
# The addresses are the benchmarking ranges of RFC 2544 and RFC 5180; the
# traffic never leaves the guest. pktgen runs in the initial namespace,
# from devA to devB's MAC address.
set -u
build=$1
runs=${2:-5}
secs=${3:-4}
profile=${4:-0}
[ "$profile" = 1 ] && mkdir -p "$NETCX_OUT/prof"
tsv=$NETCX_OUT/bench.tsv
: > "$tsv"
here=$(dirname "$0")

record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$tsv"; }
note() { echo "bench: $*"; }
# shellcheck source=scripts/guest/cpu.sh
. "$here/cpu.sh"

insmod "$build/netcx.ko" || exit 1
# the namespaces of the pair under test
nsa=a nsb=b

# pair_up KIND: create devA/devB (in init_net), for KIND veth, netdevsim,
# or ncsim:PROFILE.
pair_up() {
	case $1 in
	veth)
		ip link add devA type veth peer name devB ;;
	netdevsim)
		echo "11 1" > /sys/bus/netdevsim/new_device || return 1
		echo "12 1" > /sys/bus/netdevsim/new_device || return 1
		ip link set "$(ls /sys/bus/netdevsim/devices/netdevsim11/net)" name devA
		ip link set "$(ls /sys/bus/netdevsim/devices/netdevsim12/net)" name devB ;;
	ncsim:*)
		insmod "$build/ncsim.ko" profile="${1#ncsim:}" || return 1
		ip link set ncsim0 name devA
		ip link set ncsim1 name devB ;;
	esac
}

pair_down() {
	ip link del devA 2>/dev/null
	case $1 in
	netdevsim)
		echo 11 > /sys/bus/netdevsim/del_device
		echo 12 > /sys/bus/netdevsim/del_device ;;
	ncsim:*)
		rmmod ncsim ;;
	esac
}

# ns_up KIND: move the pair into namespaces $nsa and $nsb (a and b unless a
# caller says otherwise) and address it.
ns_up() {
	local fa fb
	# (vxlan makes them first)
	[ -e "/run/netns/$nsa" ] || ip netns add "$nsa"
	[ -e "/run/netns/$nsb" ] || ip netns add "$nsb"
	ip link set devA netns "$nsa"
	ip link set devB netns "$nsb"
	if [ "$1" = netdevsim ]; then
		exec {fa}</run/netns/"$nsa" {fb}</run/netns/"$nsb"
		echo "$fa:$(ip netns exec "$nsa" cat /sys/class/net/devA/ifindex)" \
		     "$fb:$(ip netns exec "$nsb" cat /sys/class/net/devB/ifindex)" \
			> /sys/bus/netdevsim/link_device
		exec {fa}<&- {fb}<&-
	fi
	ip -n "$nsa" addr add 198.18.0.1/24 dev devA
	ip -n "$nsb" addr add 198.18.0.2/24 dev devB
	ip -n "$nsa" addr add 2001:2::1/64 dev devA nodad
	ip -n "$nsb" addr add 2001:2::2/64 dev devB nodad
	ip -n "$nsa" link set devA up
	ip -n "$nsb" link set devB up
	ip -n "$nsa" link set lo up
	ip -n "$nsb" link set lo up
	# Wait for the link, then check the path both ways.
	ip netns exec "$nsa" ping -c 1 -W 5 198.18.0.2 >/dev/null &&
		ip netns exec "$nsa" ping -6 -c 1 -W 5 2001:2::2 >/dev/null
}

ns_down() {
	# Devices of a deleted namespace go back to init_net (veth dies).
	ip netns del "$nsa"
	ip netns del "$nsb"
	sleep 0.5
}

median() { sort -g | awk '{v[NR] = $1} END {if (NR) print v[int((NR + 1) / 2)]}'; }

# received FIELD: end.sum_received.FIELD of the last iperf3 run, or 0.
received() {
	python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["end"]["sum_received"][sys.argv[2]])' \
		/tmp/iperf3.json "$1" 2>/dev/null || echo 0
}

tcp_run() {	# ADDR CASE METRIC: one iperf3 TCP stream a -> b, bits per second received
	local id=$2-$3-$(date +%s%N) i
	ip netns exec "$nsb" iperf3 -s -1 -D -p 5201 -I /tmp/iperf3.pid
	sleep 0.3
	[ "$profile" = 1 ] && echo "$2 $3" > "$NETCX_OUT/prof/start-$id"
	ip netns exec "$nsa" iperf3 -J -c "$1" -p 5201 -O 1 -t "$secs" > /tmp/iperf3.json 2>&1
	if [ "$profile" = 1 ]; then
		received bytes > "$NETCX_OUT/prof/stop-$id"
		for ((i = 0; i < 300; i++)); do
			[ -e "$NETCX_OUT/prof/ack-$id" ] && break
			sleep 0.1
		done
	fi
	received bits_per_second
	kill "$(cat /tmp/iperf3.pid 2>/dev/null)" 2>/dev/null
	true
}

# udp_bytes: the UDP payload bytes IPv4 received in ns $nsb, from the IP
# counters (the bytes, less the 28 bytes of IPv4 and UDP header each packet
# IP received carries): a datagram arriving as a GSO skb counts each of its
# segments, as those arriving one by one do. The UDP counters count a GSO
# skb once, which over veth (that hands GSO skbs on) undercounted UDP GSO
# by its segments per skb.
udp_bytes() {
	ip netns exec "$nsb" awk '
		/^Ip:/ { if (!ih) { for (i = 2; i <= NF; i++) ip[$i] = i; ih = 1 }
			 else pkts = $ip["InReceives"] }
		/^IpExt:/ { if (!xh) { for (i = 2; i <= NF; i++) x[$i] = i; xh = 1 }
			    else octets = $x["InOctets"] }
		END { printf "%.0f\n", octets - 28 * pkts }' /proc/net/snmp /proc/net/netstat
}

udp_run() {	# ADDR GSO: UDP payload a -> b that arrived, bits per second
	# Counted by the receiving stack, not a receiver process: under UML a
	# user-space receiver measures the cost of its own system calls.
	local before after
	before=$(udp_bytes)
	ip netns exec "$nsa" python3 "$here/udp_gso.py" send "$1" 5301 "$secs" "$2" >/dev/null
	after=$(udp_bytes)
	echo $(( (after - before) * 8 / secs ))
}

# throughput NAME KIND [ethtool -K settings...]
throughput() {
	local name=$1 kind=$2 v i
	shift 2
	if ! pair_up "$kind"; then
		note "$name: skipped, the pair could not be created"
		return
	fi
	if [ $# -gt 0 ]; then
		ethtool -K devA "$@" && ethtool -K devB "$@"
	fi
	if ! ns_up "$kind"; then
		note "$name: skipped, no connectivity over the pair"
		ns_down; pair_down "$kind"
		return
	fi
	for v in 4 6; do
		local addr=198.18.0.2
		[ $v = 6 ] && addr=2001:2::2
		for ((i = 0; i < runs; i++)); do
			tcp_run "$addr" "$name" "tcp$v"
		done | median | { read -r bps; record "$name" "tcp$v" "$bps"; \
				  note "$name tcp$v $bps bit/s"; }
	done
	for ((i = 0; i < runs; i++)); do udp_run 198.18.0.2 1400; done | median |
		{ read -r bps; record "$name" "uso4" "$bps"; note "$name uso4 $bps bit/s"; }
	if [ -n "${NETCX_BENCH_STATS:-}" ]; then
		ip netns exec "$nsa" ethtool -S devA > "$NETCX_OUT/ethtool-S-$name.txt" 2>&1
	fi
	ns_down
	pair_down "$kind"
}

# turns: the throughput target's own ratio, ncsim-full against veth-sw,
# with both pairs up at once (veth-sw in namespaces a and b, ncsim in c and
# d) and their TCP runs taking turns, which goes first alternating, so that
# what the host does meanwhile weighs on both alike. Records each family's
# median ratio over the rounds, and both medians in Gbit/s.
turns() {
	local v addr i x y
	if ! pair_up veth || ! ethtool -K devA tx off tso off >/dev/null ||
	   ! ethtool -K devB tx off tso off >/dev/null || ! ns_up veth; then
		note "turns: skipped, no veth-sw pair"
		ns_down; pair_down veth
		return
	fi
	nsa=c nsb=d
	if ! pair_up ncsim:full || ! ns_up ncsim:full; then
		note "turns: skipped, no ncsim pair"
		ns_down; pair_down ncsim:full
		nsa=a nsb=b; ns_down; pair_down veth
		return
	fi
	for v in 4 6; do
		addr=198.18.0.2
		[ $v = 6 ] && addr=2001:2::2
		for ((i = 0; i < runs; i++)); do
			if ((i % 2)); then
				y=$(nsa=c nsb=d tcp_run "$addr" turns-ncsim-full "tcp$v")
				x=$(nsa=a nsb=b tcp_run "$addr" turns-veth-sw "tcp$v")
			else
				x=$(nsa=a nsb=b tcp_run "$addr" turns-veth-sw "tcp$v")
				y=$(nsa=c nsb=d tcp_run "$addr" turns-ncsim-full "tcp$v")
			fi
			echo "$x $y"
		done > /tmp/turns
		record turns "veth-sw_tcp$v" "$(awk '{print $1}' /tmp/turns | median)"
		record turns "ncsim-full_tcp$v" "$(awk '{print $2}' /tmp/turns | median)"
		record turns "ratio_tcp$v" \
			"$(awk '{print ($1 > 0 ? $2 / $1 : 0)}' /tmp/turns | median)"
		note "turns tcp$v (veth-sw ncsim-full):" $(cat /tmp/turns)
	done
	ns_down
	pair_down ncsim:full
	nsa=a nsb=b
	ns_down
	pair_down veth
}

# rsc_run ADDR MODE METRIC: one TCP run a -> b with devB's rx-gro-hw MODE
# (on: ncsim's receive engine coalesces; off: software GRO); prints
# "MODE bit/s cpu_per_gb coalesced": the guest's busy CPU seconds per GB
# devB received, and the packets netcx handed up as coalesced
rsc_run() {
	local busy oct n bps stats=/sys/class/net/devB/statistics/rx_bytes
	ip netns exec "$nsb" ethtool -K devB rx-gro-hw "$2" || return
	busy=$(cpu_busy) oct=$(ip netns exec "$nsb" cat "$stats")
	n=$(ip netns exec "$nsb" ethtool -S devB | awk '$1 == "rx_rsc_packets:" { print $2 }')
	bps=$(tcp_run "$1" "rsc-$2" "$3")
	busy=$(( $(cpu_busy) - busy ))
	oct=$(( $(ip netns exec "$nsb" cat "$stats") - oct ))
	n=$(( $(ip netns exec "$nsb" ethtool -S devB | awk '$1 == "rx_rsc_packets:" { print $2 }') - n ))
	awk -v m="$2" -v r="$bps" -v b="$busy" -v o="$oct" -v hz="$hz" -v n="$n" \
		'BEGIN { printf "%s %s %.3f %d\n", m, r, (o > 0 ? b / hz / (o / 1e9) : -1), n }'
}

# rsc: receive coalescing against software GRO on one ncsim full pair,
# devB's rx-gro-hw on and off in turns (which goes first alternating), RUNS
# rounds per IP version. Records the medians of the runs (throughput, CPU
# per GB) and of the rounds' ratios (on / off), and the packets coalesced.
# The simulated hardware's coalescing runs on the guest's CPU too: its cost
# is in the "on" figure, where a real NIC's would not be.
rsc() {
	local v addr i mode order
	if ! pair_up ncsim:full || ! ns_up ncsim:full; then
		note "rsc: skipped, no ncsim pair"
		ns_down; pair_down ncsim:full
		return
	fi
	for v in 4 6; do
		addr=198.18.0.2
		[ $v = 6 ] && addr=2001:2::2
		for ((i = 0; i < runs; i++)); do
			order="on off"
			((i % 2)) && order="off on"
			for mode in $order; do
				echo "$i $(rsc_run "$addr" "$mode" "tcp$v")"
			done
		done > /tmp/rsc
		for mode in on off; do
			record rsc "${mode}_tcp$v" \
				"$(awk -v m="$mode" '$2 == m { print $3 }' /tmp/rsc | median)"
			record rsc "cpu_${mode}_tcp$v" \
				"$(awk -v m="$mode" '$2 == m && $4 >= 0 { print $4 }' /tmp/rsc | median)"
		done
		record rsc "ratio_tcp$v" "$(awk '{ v[$1, $2] = $3 } END {
			for (k in v) { split(k, p, SUBSEP)
				if (p[2] == "on" && v[p[1], "off"] > 0) print v[k] / v[p[1], "off"] } }' /tmp/rsc | median)"
		record rsc "cpu_ratio_tcp$v" "$(awk '{ v[$1, $2] = $4 } END {
			for (k in v) { split(k, p, SUBSEP)
				if (p[2] == "on" && v[k] > 0 && v[p[1], "off"] > 0) print v[k] / v[p[1], "off"] } }' /tmp/rsc | median)"
		record rsc "coalesced_tcp$v" "$(awk '$2 == "on" { s += $5 } END { print s + 0 }' /tmp/rsc)"
		record rsc "coalesced_off_tcp$v" "$(awk '$2 == "off" { s += $5 } END { print s + 0 }' /tmp/rsc)"
		note "rsc tcp$v (round mode bit/s cpu_per_gb coalesced):" "$(tr '\n' ' ' < /tmp/rsc)"
	done
	ns_down
	pair_down ncsim:full
}

# vxlan_run MODE ROUND: devA's tunnel segmentation MODE (on: the model
# segments the VXLAN packets; off: the kernel's GSO does), one TCP run a ->
# b through the VXLAN devices; prints "ROUND MODE bit/s gso_hw": the
# tunnel GSO packets netcx handed to the hardware during the run
vxlan_run() {
	local n bps
	ip netns exec "$nsa" ethtool -K devA tx-udp_tnl-segmentation "$1" \
		tx-udp_tnl-csum-segmentation "$1" >/dev/null 2>&1
	n=$(ip netns exec "$nsa" ethtool -S devA | awk '$1 == "tx_tnl_gso_hw:" { print $2 }')
	bps=$(tcp_run 10.42.0.2 "vxlan-$1" tcp4)
	n=$(( $(ip netns exec "$nsa" ethtool -S devA | awk '$1 == "tx_tnl_gso_hw:" { print $2 }') - ${n:-0} ))
	echo "$2 $1 $bps $n"
}

# vxlan: the tunnel target, VXLAN TCP throughput over one ncsim full pair
# with devA's tunnel offloads on against off (software GSO), TCP/IPv4 in
# VXLAN over IPv4, in turns (which goes first alternating), RUNS rounds.
# Records the medians of the runs and of the rounds' ratios (on / off),
# and the tunnel packets the hardware segmented in each mode.
vxlan() {
	local i mode order
	# The VXLAN devices first, in empty namespaces, then the ports: Linux
	# 6.12.118's vxlan tells udp_tunnel_nic about its socket under a
	# spinlock, and udp_tunnel_nic takes a mutex there; a port joining the
	# namespace later gets the ports replayed without that lock. For the
	# same reason the ports leave before the namespaces go.
	ip netns add "$nsa"
	ip netns add "$nsb"
	ip -n "$nsa" link add vx0 mtu 1450 type vxlan id 42 dstport 4789 \
		local 198.18.0.1 remote 198.18.0.2
	ip -n "$nsb" link add vx0 mtu 1450 type vxlan id 42 dstport 4789 \
		local 198.18.0.2 remote 198.18.0.1
	ip -n "$nsa" addr add 10.42.0.1/24 dev vx0
	ip -n "$nsb" addr add 10.42.0.2/24 dev vx0
	ip -n "$nsa" link set vx0 up
	ip -n "$nsb" link set vx0 up
	if ! pair_up ncsim:full || ! ns_up ncsim:full; then
		note "vxlan: skipped, no ncsim pair"
		vxlan_down
		return
	fi
	if ! ip netns exec "$nsa" ping -c 1 -W 5 10.42.0.2 >/dev/null; then
		note "vxlan: skipped, no connectivity through the tunnel"
		vxlan_down
		return
	fi
	for ((i = 0; i < runs; i++)); do
		order="on off"
		((i % 2)) && order="off on"
		for mode in $order; do
			vxlan_run "$mode" "$i"
		done
	done > /tmp/vxlan
	for mode in on off; do
		record vxlan "${mode}_tcp4" \
			"$(awk -v m="$mode" '$2 == m { print $3 }' /tmp/vxlan | median)"
		record vxlan "gso_hw_${mode}_tcp4" \
			"$(awk -v m="$mode" '$2 == m { s += $4 } END { print s + 0 }' /tmp/vxlan)"
	done
	record vxlan ratio_tcp4 "$(awk '{ v[$1, $2] = $3 } END {
		for (k in v) { split(k, p, SUBSEP)
			if (p[2] == "on" && v[p[1], "off"] > 0) print v[k] / v[p[1], "off"] } }' /tmp/vxlan | median)"
	note "vxlan tcp4 (round mode bit/s gso_hw):" "$(tr '\n' ' ' < /tmp/vxlan)"
	vxlan_down
}

vxlan_down() {
	ip -n "$nsa" link set devA netns 1 2>/dev/null
	ip -n "$nsb" link set devB netns 1 2>/dev/null
	ns_down
	pair_down ncsim:full
}

# pktgen NAME KIND SIZE: packets per second from devA, init_net.
pktgen_run() {
	local name=$1 kind=$2 size=$3 pg=/proc/net/pktgen mac pps
	pair_up "$kind" || { note "$name: skipped, no pair"; return; }
	ip link set devA up
	ip link set devB up
	sleep 1
	mac=$(cat /sys/class/net/devB/address)
	echo "rem_device_all" > $pg/kpktgend_0
	echo "add_device devA" > $pg/kpktgend_0
	{
		echo "count 200000"
		echo "pkt_size $size"
		echo "delay 0"
		echo "dst 198.18.0.2"
		echo "dst_mac $mac"
	} | while read -r cmd; do echo "$cmd" > $pg/devA; done
	echo start > $pg/pgctrl
	pps=$(grep -o '[0-9]*pps' $pg/devA | head -n 1 | tr -d pps)
	record "$name" "pktgen$size" "${pps:-0}"
	note "$name pktgen $size bytes: ${pps:-0} pps"
	echo "rem_device_all" > $pg/kpktgend_0
	pair_down "$kind"
}

slab_kb() { awk -v k="$1:" '$1 == k { print $2 }' /proc/meminfo; }

# slab NAME KIND: Slab and SUnreclaim of /proc/meminfo, idle and at their
# peak during one iperf3 TCP stream a -> b (IPv4), sampled every half
# second; the peaks are recorded over the idle values, in kB. Packet data
# sits in pages, not in the slab: the largest fall of MemFree is recorded
# too.
slab() {
	local name=$1 kind=$2 pid s u f base ubase fbase peak upeak fmin
	if ! pair_up "$kind"; then
		note "$name slab: skipped, the pair could not be created"
		return
	fi
	if ! ns_up "$kind"; then
		note "$name slab: skipped, no connectivity over the pair"
		ns_down; pair_down "$kind"
		return
	fi
	sleep 1
	base=$(slab_kb Slab) ubase=$(slab_kb SUnreclaim) fbase=$(slab_kb MemFree)
	peak=$base upeak=$ubase fmin=$fbase
	ip netns exec "$nsb" iperf3 -s -1 -D -p 5201 -I /tmp/iperf3.pid
	sleep 0.3
	ip netns exec "$nsa" iperf3 -c 198.18.0.2 -p 5201 -t "$secs" >/dev/null 2>&1 &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		s=$(slab_kb Slab) u=$(slab_kb SUnreclaim) f=$(slab_kb MemFree)
		[ "$s" -gt "$peak" ] && peak=$s
		[ "$u" -gt "$upeak" ] && upeak=$u
		[ "$f" -lt "$fmin" ] && fmin=$f
		sleep 0.5
	done
	wait "$pid"
	kill "$(cat /tmp/iperf3.pid 2>/dev/null)" 2>/dev/null
	record "$name" slab_idle_kb "$base"
	record "$name" slab_peak_kb $((peak - base))
	record "$name" sunreclaim_peak_kb $((upeak - ubase))
	record "$name" memfree_drop_kb $((fbase - fmin))
	note "$name slab: ${base} kB idle, +$((peak - base)) kB at the peak" \
	     "(unreclaimable +$((upeak - ubase)) kB); MemFree -$((fbase - fmin)) kB"
	ns_down
	pair_down "$kind"
}

# inkernel: load bench/netcx_bench.ko, which runs its cases at load and
# prints them as "netcx_bench: CASE<TAB>METRIC<TAB>VALUE" lines. It reads
# ncsim's memory figures (ncsim_footprint()), so ncsim is loaded too; its
# pair stays down.
inkernel() {
	local lines
	insmod "$build/ncsim.ko" || { note "in-kernel benchmarks: ncsim failed to load"; return; }
	if ! insmod "$build/bench/netcx_bench.ko"; then
		note "in-kernel benchmarks: netcx_bench failed to load"
		rmmod ncsim
		return
	fi
	lines=$(dmesg | sed -n 's/^.*netcx_bench: //p' | awk -F '\t' 'NF == 3')
	rmmod netcx_bench
	rmmod ncsim
	[ -n "$lines" ] && printf '%s\n' "$lines" >> "$tsv"
	note "in-kernel benchmarks: $(printf '%s\n' "$lines" | grep -c .) figures"
}

throughput veth veth
throughput veth-sw veth tx off tso off
throughput netdevsim netdevsim
NETCX_BENCH_STATS=1 throughput ncsim-full ncsim:full
throughput ncsim-off ncsim:full tx off rx off tso off tx-udp-segmentation off
throughput ncsim-e1000 ncsim:e1000
turns
rsc
vxlan

for size in 64 1500; do
	pktgen_run veth veth $size
	pktgen_run ncsim-full ncsim:full $size
done

slab veth veth
slab ncsim-full ncsim:full

# last, the pairs gone: nothing else runs while it times
inkernel

rmmod netcx
exit 0
