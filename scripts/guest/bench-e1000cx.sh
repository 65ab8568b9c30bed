#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Guest side of make bench's e1000cx part, in the QEMU guest on Debian's
# own kernel (scripts/bench-e1000cx.sh boots it): e1000cx against the
# in-tree e1000 on the same two emulated 82540EMs in one boot. Results go
# to $NETCX_OUT/bench.tsv as "case<TAB>metric<TAB>value" lines, as
# scripts/guest/bench.sh writes them.
#
#   bench-e1000cx.sh BUILD [ROUNDS [SECONDS]]
#
# BUILD holds netcx.ko and e1000cx.ko built for the guest's kernel. Each
# round binds both NICs to one driver, then both to the other (which goes
# first alternates from round to round), and under each runs one iperf3
# TCP stream over IPv4 and one over IPv6 (SECONDS after one second left
# out) and SECONDS of UDP (UDP_SEGMENT sends of 1400-byte datagrams, the
# payload counted by the receiver's IP counters). The figures are medians
# over the rounds; the ratios, medians of each round's ratio. Each run also
# records the guest's CPU time (/proc/stat, every CPU, all but idle and
# iowait) and the bytes the receiving NIC took in (rx_bytes), over the same
# window in the middle of the run (steady below).
#
# Last, one diagnostic run: e1000cx reloaded with lso_ipv6=1 (TCP
# segmentation over IPv6 by QEMU's model) and one IPv6 stream, with the
# receiver's Ip6InTruncatedPkts and the sender's tx_lso_hw counted.
#
#        netns a                                        netns b
#   +--------------------+                       +--------------------+
#   | nic0 00:04.0       |     QEMU hub 0        | nic1 00:05.0       |
#   | e1000 or e1000cx   |======================>| the same driver    |
#   | 198.18.0.1/24      |  82540EM model TX ->  | 198.18.0.2/24      |
#   | 2001:2::1/64       |  hub -> model RX      | 2001:2::2/64       |
#   +--------------------+                       +--------------------+
set -u
build=$1
rounds=${2:-5}
secs=${3:-4}
here=$(dirname "$0")
. "$here/../integration/lib/e1000cx.sh"
tsv=$NETCX_OUT/bench.tsv
: > "$tsv"
# shellcheck source=scripts/guest/cpu.sh
. "$here/cpu.sh"

record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$tsv"; }
note() { echo "bench-e1000cx: $*"; }
median() { sort -g | awk '{v[NR] = $1} END {if (NR) print v[int((NR + 1) / 2)]}'; }

# features NS DEV NAME...: those lines of ethtool -k, on one line
features() {
	local ns=$1 dev=$2
	shift 2
	ip netns exec "$ns" ethtool -k "$dev" |
		awk -v names=" $* " 'index(names, " " substr($1, 1, length($1) - 1) " ") {
			printf "%s ", $0 }' | tr -s '\t ' ' '
}

# ip_counter NAME: a counter of namespace b's /proc/net/snmp, netstat
# ("Ip:" and "IpExt:" tables) or snmp6 (Ip6... lines)
ip_counter() {
	ip netns exec b awk -v k="$1" '
		FILENAME ~ /snmp6$/ { if ($1 == k) v = $2; next }
		/^(Ip|IpExt):/ { t = $1
				 if (!(t in h)) { for (i = 2; i <= NF; i++) c[t, $i] = i; h[t] = 1 }
				 else if ((t, k) in c) v = $c[t, k] }
		END { printf "%.0f\n", v }' \
		/proc/net/snmp /proc/net/netstat /proc/net/snmp6
}

# rx_bytes: the bytes nic1's driver received, in namespace b (frames)
rx_bytes() {
	ip netns exec b cat "/sys/class/net/${EC_DEV[1]}/statistics/rx_bytes"
}

# steady DELAY: a window of the run just started, from DELAY seconds in
# (past the client's start and, for TCP, the second left out) for
# SECONDS - 1 seconds (at least 1), so neither end of the client is in it;
# prints "cpu_per_gb busy": the guest's busy CPU seconds per GB nic1
# received (its driver's rx_bytes; -1 when nothing arrived in the window),
# and the busy share of the window
steady() {
	local busy oct t len=$((secs > 2 ? secs - 1 : 1))
	sleep "$1"
	busy=$(cpu_busy) oct=$(rx_bytes) t=$(date +%s%N)
	sleep "$len"
	busy=$(( $(cpu_busy) - busy )) oct=$(( $(rx_bytes) - oct ))
	t=$(( $(date +%s%N) - t ))
	awk -v b="$busy" -v o="$oct" -v t="$t" -v hz="$hz" 'BEGIN {
		printf "%.3f %.3f\n", (o > 0 ? b / hz / (o / 1e9) : -1), (t ? b / hz / (t / 1e9) : 0) }'
}

# tcp_run ADDR NAME: one iperf3 TCP stream a -> b, its report kept as
# $NETCX_OUT/iperf3-NAME.json; prints "bit/s cpu_per_gb busy"
tcp_run() {
	local json=/tmp/bench-iperf3.json bps w
	ip netns exec b iperf3 -s -1 -D -p 5201 -I /tmp/bench-iperf3.pid
	ncsim_wait_listen b 5201
	ip netns exec a timeout $((secs + 30)) \
		iperf3 -J -c "$1" -p 5201 -O 1 -t "$secs" > "$json" 2>&1 &
	w=$(steady 1.5)
	wait $!
	cp "$json" "$NETCX_OUT/iperf3-$2.json" 2>/dev/null
	bps=$(python3 -c 'import json, sys
print("%.0f" % json.load(open(sys.argv[1]))["end"]["sum_received"]["bits_per_second"])' \
		"$json" 2>/dev/null || echo 0)
	kill "$(cat /tmp/bench-iperf3.pid 2>/dev/null)" 2>/dev/null
	echo "$bps $w"
}

# warmup ADDR: a 1 s iperf3 TCP stream a -> b, not counted
warmup() {
	ip netns exec b iperf3 -s -1 -D -p 5201 -I /tmp/bench-iperf3.pid
	ncsim_wait_listen b 5201
	ip netns exec a timeout 30 iperf3 -c "$1" -p 5201 -t 1 >/dev/null 2>&1
	kill "$(cat /tmp/bench-iperf3.pid 2>/dev/null)" 2>/dev/null
}

# udp_payload: UDP payload bytes namespace b's IPv4 took in (IP bytes less
# 28 bytes of IPv4 and UDP header a packet), as scripts/guest/bench.sh
udp_payload() {
	echo $(( $(ip_counter InOctets) - 28 * $(ip_counter InReceives) ))
}

# udp_run ADDR: SECONDS of UDP a -> b; prints "bit/s cpu_per_gb busy"
udp_run() {
	local before after w
	before=$(udp_payload)
	ip netns exec a python3 "$here/udp_gso.py" send "$1" 5301 "$secs" 1400 >/dev/null &
	w=$(steady 0.8)
	wait $!
	after=$(udp_payload)
	echo "$(( (after - before) * 8 / secs )) $w"
}

# visit DRIVER ROUND: both NICs to DRIVER, the three runs, into /tmp/runs
visit() {
	local drv=$1 r=$2 line
	if ! e1000cx_drivers "$drv" "$drv" || ! e1000cx_pair_up; then
		note "round $r: $drv: no pair"
		e1000cx_pair_down
		return 1
	fi
	# neighbours resolved both ways, then a TCP stream of a second not
	# counted: without it the first stream after a bind stalled for a
	# second or more in about half the visits, with either driver
	ncsim_ping a 198.18.0.2 >/dev/null
	ncsim_ping a 2001:2::2 >/dev/null
	warmup 198.18.0.2
	if [ "$r" = 0 ]; then
		note "$drv: $(features a "${EC_DEV[0]}" tx-checksumming \
			tcp-segmentation-offload tx-tcp6-segmentation rx-checksumming)"
	fi
	line=$(tcp_run 198.18.0.2 "$r-$drv-tcp4")
	echo "$r $drv tcp4 $line" >> /tmp/runs
	line=$(tcp_run 2001:2::2 "$r-$drv-tcp6")
	echo "$r $drv tcp6 $line" >> /tmp/runs
	line=$(udp_run 198.18.0.2)
	echo "$r $drv udp4 $line" >> /tmp/runs
	note "round $r: $drv, at $(cut -d' ' -f1 /proc/uptime) s: $(grep "^$r $drv " /tmp/runs | cut -d' ' -f3- | tr '\n' ';')"
	e1000cx_pair_down
}

# lso6_diagnostic: e1000cx with lso_ipv6=1, one IPv6 stream
lso6_diagnostic() {
	local trunc lso line
	rmmod e1000cx || return 1
	if ! e1000cx_load "$build" lso_ipv6=1 || ! e1000cx_drivers e1000cx e1000cx ||
	   ! e1000cx_pair_up; then
		note "lso_ipv6=1: no pair"
		e1000cx_pair_down
		return 1
	fi
	note "lso_ipv6=1: $(features a "${EC_DEV[0]}" tx-tcp6-segmentation)"
	trunc=$(ip_counter Ip6InTruncatedPkts) lso=$(ec_stat 0 tx_lso_hw)
	line=$(tcp_run 2001:2::2 lso6-e1000cx-tcp6)
	record e1000cx-lso6 tcp6 "${line%% *}"
	record e1000cx-lso6 tx_lso_hw $(( $(ec_stat 0 tx_lso_hw) - lso ))
	record e1000cx-lso6 ip6_truncated $(( $(ip_counter Ip6InTruncatedPkts) - trunc ))
	note "lso_ipv6=1: tcp6 ${line%% *} bit/s," \
	     "tx_lso_hw +$(( $(ec_stat 0 tx_lso_hw) - lso ))," \
	     "receiver's Ip6InTruncatedPkts +$(( $(ip_counter Ip6InTruncatedPkts) - trunc ))"
	e1000cx_pair_down
}

echo e1000 > "/sys/bus/pci/devices/${EC_PCI[0]}/driver_override"
echo e1000 > "/sys/bus/pci/devices/${EC_PCI[1]}/driver_override"
modprobe e1000 || exit 1
e1000cx_load "$build" || exit 1
note "$(nproc) CPU(s), $rounds rounds of $secs s runs"

: > /tmp/runs
for ((r = 0; r < rounds; r++)); do
	if ((r % 2)); then
		order="e1000cx e1000"
	else
		order="e1000 e1000cx"
	fi
	for drv in $order; do
		visit "$drv" "$r"
	done
done
cp /tmp/runs "$NETCX_OUT/runs.txt"

# medians of each driver's runs, and of each round's ratio
for m in tcp4 tcp6 udp4; do
	for drv in e1000 e1000cx; do
		record "$drv" "$m" "$(awk -v d="$drv" -v m="$m" '$2 == d && $3 == m { print $4 }' /tmp/runs | median)"
		record "$drv" "cpu_$m" "$(awk -v d="$drv" -v m="$m" '$2 == d && $3 == m && $5 >= 0 { print $5 }' /tmp/runs | median)"
		record "$drv" "empty_$m" "$(awk -v d="$drv" -v m="$m" '$2 == d && $3 == m && $5 < 0 { n++ } END { print n + 0 }' /tmp/runs)"
		record "$drv" "busy_$m" "$(awk -v d="$drv" -v m="$m" '$2 == d && $3 == m { print $6 }' /tmp/runs | median)"
	done
	record ratio "$m" "$(awk -v m="$m" '$3 == m { v[$1, $2] = $4; r[$1] = 1 }
		END { for (i in r) if (v[i, "e1000"] > 0 && ((i, "e1000cx") in v)) print v[i, "e1000cx"] / v[i, "e1000"] }' /tmp/runs | median)"
	record ratio "cpu_$m" "$(awk -v m="$m" '$3 == m && $5 >= 0 { v[$1, $2] = $5; r[$1] = 1 }
		END { for (i in r) if (v[i, "e1000"] > 0 && ((i, "e1000cx") in v)) print v[i, "e1000cx"] / v[i, "e1000"] }' /tmp/runs | median)"
done
record rounds n "$(awk '$2 == "e1000cx" && $3 == "tcp4" && $4 > 0 { n++ } END { print n + 0 }' /tmp/runs)"
record guest cpus "$(nproc)"

lso6_diagnostic

rmmod e1000cx
rmmod netcx
exit 0
