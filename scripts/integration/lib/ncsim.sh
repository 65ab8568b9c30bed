# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Helpers for the guest scripts that drive one ncsim pair (the integration
# suites and the demo): sourced, never run. Inside a guest only.
#
#        netns a                                   netns b
#   +------------------+                      +------------------+
#   | ncsim0           |      ncsim wire      | ncsim1           |
#   | 198.18.0.1/24    |<====================>| 198.18.0.2/24    |
#   | 2001:2::1/64     |  TX engine -> RX     | 2001:2::2/64     |
#   +------------------+  engine, both ways   +------------------+

NCSIM_LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
NCSIM_IP4=(198.18.0.1 198.18.0.2)
NCSIM_IP6=(2001:2::1 2001:2::2)
NCSIM_NS=(a b)
NCSIM_DEV=(ncsim0 ncsim1)

# ncsim_load BUILD [PARAM=VALUE...]: load netcx (once) and ncsim
ncsim_load() {
	local build=$1
	shift
	grep -q '^netcx ' /proc/modules || insmod "$build/netcx.ko" || return 1
	insmod "$build/ncsim.ko" "$@"
}

# ncsim_unload: unload ncsim, ports wherever they are; netcx stays
ncsim_unload() {
	rmmod ncsim
}

# ncsim_carrier NS DEV: 1 or 0
ncsim_carrier() {
	ip netns exec "$1" cat "/sys/class/net/$2/carrier" 2>/dev/null
}

# ncsim_wait_carrier NS DEV [0|1]: wait up to 5 s for the carrier state
ncsim_wait_carrier() {
	local i
	for i in $(seq 50); do
		[ "$(ncsim_carrier "$1" "$2")" = "${3:-1}" ] && return 0
		sleep 0.1
	done
	return 1
}

# ncsim_pair_up: ncsim0 into netns a, ncsim1 into netns b, addressed and up
ncsim_pair_up() {
	local i ns dev
	for i in 0 1; do
		ns=${NCSIM_NS[$i]} dev=${NCSIM_DEV[$i]}
		ip netns add "$ns" || return 1
		# addresses survive "ip link set down", as IPv4's do
		ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1
		ip link set "$dev" netns "$ns" || return 1
		ip -n "$ns" link set lo up
		ip -n "$ns" addr add "${NCSIM_IP4[$i]}/24" dev "$dev"
		ip -n "$ns" addr add "${NCSIM_IP6[$i]}/64" dev "$dev" nodad
		ip -n "$ns" link set "$dev" up || return 1
	done
	ncsim_wait_carrier a ncsim0 && ncsim_wait_carrier b ncsim1
}

# ncsim_pair_down: delete both namespaces (their ports go back to init_net)
ncsim_pair_down() {
	ip netns del a 2>/dev/null
	ip netns del b 2>/dev/null
	return 0
}

# ncsim_stat NS DEV NAME: one ethtool -S counter
ncsim_stat() {
	ip netns exec "$1" ethtool -S "$2" | awk -v n="$3:" '$1 == n { print $2 }'
}

# ncsim_sum NAME: a counter added over both ports
ncsim_sum() {
	echo $(( $(ncsim_stat a ncsim0 "$1") + $(ncsim_stat b ncsim1 "$1") ))
}

# ncsim_ping NS ADDRESS: three echo requests, every one answered
ncsim_ping() {
	if command -v ping >/dev/null; then
		ip netns exec "$1" ping -c 3 -W 2 "$2"
	else
		ip netns exec "$1" python3 "$NCSIM_LIB/ping.py" -c 3 -W 2 "$2"
	fi
}

# ncsim_wait_listen NS PORT: wait up to 5 s for a TCP listener
ncsim_wait_listen() {
	local i
	for i in $(seq 50); do
		ip netns exec "$1" ss -Hltn "sport = :$2" | grep -q . && return 0
		sleep 0.1
	done
	return 1
}

# ncsim_transfer FROM TO ADDRESS FILE: send FILE over TCP with socat; true
# when what arrived has the same SHA-256 digest
ncsim_transfer() {
	local from=$1 to=$2 addr=$3 file=$4 port=5001 out=/tmp/ncsim-received
	local listen=TCP4-LISTEN connect="TCP4:$addr:$port" pid sent got
	if [[ $addr == *:* ]]; then
		listen=TCP6-LISTEN connect="TCP6:[$addr]:$port"
	fi
	rm -f "$out"
	ip netns exec "$to" timeout 120 socat -u "$listen:$port,reuseaddr" \
		"OPEN:$out,creat,trunc" &
	pid=$!
	ncsim_wait_listen "$to" "$port" || { kill "$pid"; return 1; }
	ip netns exec "$from" timeout 120 socat -u "OPEN:$file" "$connect" ||
		{ kill "$pid"; return 1; }
	wait "$pid" || return 1
	sent=$(sha256sum < "$file") got=$(sha256sum < "$out")
	echo "sent ${sent%% *}"
	echo "got  ${got%% *}"
	[ "$sent" = "$got" ]
}

# ncsim_udp_transfer FROM TO ADDRESS FILE GSO: send FILE over UDP, GSO-byte
# datagrams sent with UDP_SEGMENT (0: without); true when every datagram
# arrived and what arrived has the same SHA-256 digest
ncsim_udp_transfer() {
	local from=$1 to=$2 addr=$3 file=$4 gso=$5 port=5002
	local out=/tmp/ncsim-received-udp pid sent got i
	rm -f "$out"
	ip netns exec "$to" python3 "$NCSIM_LIB/udp.py" recv "$port" "$out" &
	pid=$!
	for i in $(seq 50); do
		ip netns exec "$to" ss -Hlun "sport = :$port" | grep -q . && break
		sleep 0.1
	done
	ip netns exec "$from" python3 "$NCSIM_LIB/udp.py" send "$addr" "$port" \
		"$file" "$gso" || { kill "$pid" 2>/dev/null; return 1; }
	wait "$pid" || return 1
	sent=$(sha256sum < "$file") got=$(sha256sum < "$out")
	echo "sent ${sent%% *}"
	echo "got  ${got%% *}"
	[ "$sent" = "$got" ]
}

# ncsim_iperf FROM TO ADDRESS SECONDS: a TCP iperf3 run (JSON output, the
# text output prints nothing under UML); prints the received Mbit/s
ncsim_iperf() {
	local from=$1 to=$2 addr=$3 secs=$4 json=/tmp/ncsim-iperf.json
	ip netns exec "$to" iperf3 -s -1 -D -p 5201 || return 1
	ncsim_wait_listen "$to" 5201 || return 1
	ip netns exec "$from" timeout $((secs + 30)) \
		iperf3 -c "$addr" -p 5201 -t "$secs" -J > "$json" || return 1
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print("%.0f" % (d["end"]["sum_received"]["bits_per_second"] / 1e6))' "$json"
}
