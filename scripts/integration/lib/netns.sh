# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# The two network namespaces of the guest suites and the traffic between
# them, for ncsim's pair (lib/ncsim.sh) and e1000cx's two NICs
# (lib/e1000cx.sh) alike, and netcx_load, which loads netcx and a driver:
# sourced, never run. Inside a guest only. Port 0 lives in netns a, port 1
# in netns b:
#
#   NCSIM_NS   (a b)                       the namespaces
#   NCSIM_IP4  (198.18.0.1 198.18.0.2)     each port's /24
#   NCSIM_IP6  (2001:2::1 2001:2::2)       each port's /64
#   NCSIM_LIB  this folder (ping.py, udp.py, xfer.py, ...)
#   NCSIM_XFER_PORT  the port of xfer.py's transfers (ncsim_xfer)
#
# The names keep the ncsim_ prefix they had when only ncsim's suites used
# them.

NCSIM_LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck disable=SC2034 # the suites' and the other helpers'
NCSIM_IP4=(198.18.0.1 198.18.0.2)
# shellcheck disable=SC2034
NCSIM_IP6=(2001:2::1 2001:2::2)
NCSIM_NS=(a b)

# netcx_load BUILD MODULE [PARAM=VALUE...]: netcx (once) and the driver
# MODULE from BUILD, which gets the PARAMs
netcx_load() {
	local build=$1 module=$2
	shift 2
	grep -q '^netcx ' /proc/modules || insmod "$build/netcx.ko" || return 1
	insmod "$build/$module.ko" "$@"
}

# ncsim_carrier NS DEV: 1 or 0
ncsim_carrier() {
	ip netns exec "$1" cat "/sys/class/net/$2/carrier" 2>/dev/null
}

# ncsim_wait_carrier NS DEV [0|1] [TENTHS]: wait up to TENTHS tenths of a
# second (default 50: 5 s) for the carrier state
ncsim_wait_carrier() {
	local i
	for i in $(seq "${4:-50}"); do
		[ "$(ncsim_carrier "$1" "$2")" = "${3:-1}" ] && return 0
		sleep 0.1
	done
	return 1
}

# ncsim_port_up NS DEV IPV4 IPV6: DEV into the namespace NS (there
# already), addressed (/24 and /64) and up; lo up in NS
ncsim_port_up() {
	local ns=$1 dev=$2
	# addresses survive "ip link set down", as IPv4's do
	ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1
	ip link set "$dev" netns "$ns" || return 1
	ip -n "$ns" link set lo up
	ip -n "$ns" addr add "$3/24" dev "$dev"
	ip -n "$ns" addr add "$4/64" dev "$dev" nodad
	ip -n "$ns" link set "$dev" up
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

# ncsim_ping NS ADDRESS: three echo requests, every one answered
ncsim_ping() {
	if command -v ping >/dev/null; then
		ip netns exec "$1" ping -c 3 -W 2 "$2"
	else
		ip netns exec "$1" python3 "$NCSIM_LIB/ping.py" -c 3 -W 2 "$2"
	fi
}

# ncsim_wait_listen NS PORT [t|u]: wait up to 5 s for a TCP (t, the
# default) or UDP (u) listener
ncsim_wait_listen() {
	local i
	# shellcheck disable=SC2034 # i counts the tries
	for i in $(seq 50); do
		ip netns exec "$1" ss "-Hl${3:-t}n" "sport = :$2" | grep -q . &&
			return 0
		sleep 0.1
	done
	return 1
}

# ncsim_same SENT GOT: the SHA-256 digests of the files SENT and GOT,
# printed; true when they are the same
ncsim_same() {
	local sent got
	sent=$(sha256sum < "$1") got=$(sha256sum < "$2")
	echo "sent ${sent%% *}"
	echo "got  ${got%% *}"
	[ "$sent" = "$got" ]
}

# ncsim_transfer FROM TO ADDRESS FILE: send FILE over TCP with socat; true
# when what arrived has the same SHA-256 digest
ncsim_transfer() {
	local from=$1 to=$2 addr=$3 file=$4 port=5001 out=/tmp/ncsim-received
	local listen=TCP4-LISTEN connect="TCP4:$addr:$port" pid
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
	ncsim_same "$file" "$out"
}

NCSIM_XFER_PORT=5101

# ncsim_xfer_serve NS: xfer.py's receiver in NS (TCP and UDP, IPv4 and
# IPv6), in the background; true once it listens. pkill -f "xfer.py serve"
# ends it.
ncsim_xfer_serve() {
	ip netns exec "$1" python3 "$NCSIM_LIB/xfer.py" serve "$NCSIM_XFER_PORT" &
	ncsim_wait_listen "$1" "$NCSIM_XFER_PORT"
}

# ncsim_xfer NS PROTO ADDR SIZE SHAPE: one transfer from NS to the
# receiver at ADDR, checked by digest (lib/xfer.py send)
ncsim_xfer() {
	ip netns exec "$1" timeout 120 python3 "$NCSIM_LIB/xfer.py" send "$2" \
		"$3" "$NCSIM_XFER_PORT" "$4" "$5"
}

# ncsim_udp_transfer FROM TO ADDRESS FILE GSO: send FILE over UDP, GSO-byte
# datagrams sent with UDP_SEGMENT (0: without); true when every datagram
# arrived and what arrived has the same SHA-256 digest
ncsim_udp_transfer() {
	local from=$1 to=$2 addr=$3 file=$4 gso=$5 port=5002
	local out=/tmp/ncsim-received-udp pid
	rm -f "$out"
	ip netns exec "$to" python3 "$NCSIM_LIB/udp.py" recv "$port" "$out" &
	pid=$!
	# the sender goes on without a listener seen: its datagrams are lost
	ncsim_wait_listen "$to" "$port" u
	ip netns exec "$from" python3 "$NCSIM_LIB/udp.py" send "$addr" "$port" \
		"$file" "$gso" || { kill "$pid" 2>/dev/null; return 1; }
	wait "$pid" || return 1
	ncsim_same "$file" "$out"
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

# ncsim_iperf_bg FROM TO ADDRESS SECONDS LIMIT OUT [OPTION...]: a one-shot
# iperf3 server in TO, then a client in FROM sending to it for SECONDS in
# the background (killed after LIMIT), its JSON report and errors in OUT,
# more iperf3 OPTIONs after -t; false when the server does not listen.
# The client's pid is $! after the call.
ncsim_iperf_bg() {
	local from=$1 to=$2 addr=$3 secs=$4 limit=$5 out=$6
	shift 6
	ip netns exec "$to" iperf3 -s -1 -D -p 5201 || return 1
	ncsim_wait_listen "$to" 5201 || return 1
	ip netns exec "$from" timeout "$limit" iperf3 -c "$addr" -p 5201 \
		-t "$secs" "$@" -J > "$out" 2>&1 &
}

# ncsim_csum_errors: nstat's checksum error counters (Tcp, Udp and Udp6
# InCsumErrors), both namespaces, added up
ncsim_csum_errors() {
	local ns n=0 v
	for ns in "${NCSIM_NS[@]}"; do
		# shellcheck disable=SC2016 # awk's own $
		v=$(ip netns exec "$ns" awk '
			/^(Tcp|Udp):/ { if (!h[$1]) { split($0, k); h[$1] = 1; next }
					 for (i = 2; i <= NF; i++)
						 if (k[i] == "InCsumErrors") s += $i }
			/^Udp6InCsumErrors/ { s += $2 }
			END { print s + 0 }' /proc/net/snmp /proc/net/snmp6)
		n=$((n + v))
	done
	echo "$n"
}
