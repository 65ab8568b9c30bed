#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ncsim checksum suite, a guest script (scripts/integration.sh runs it in
# UML): the kernel's own checksum offload test, csum.c from
# tools/testing/selftests/net/lib of the linux-source-6.12 tree (built on
# the host by "--prepare"), run as its two-machine test over one ncsim pair:
# the receiver (-R) in netns b, the sender (-T) in netns a.
#
#        netns a                                   netns b
#   +------------------+                      +------------------+
#   | csum -T (sender) |                      | csum -R (receiver|
#   |  raw IP, UDP, or |                      |  PF_PACKET +     |
#   |  PF_PACKET+vnet  |                      |  AUXDATA, UDP)   |
#   | ncsim0           |      ncsim wire      | ncsim1           |
#   | 198.18.0.1/24    |=====================>| 198.18.0.2/24    |
#   | 2001:2::1/64     |  TX engine -> RX     | 2001:2::2/64     |
#   +------------------+  engine              +------------------+
#
# RX role: the sender writes the checksum itself (raw IP sockets, -E to
# make it wrong): ncsim1's receive engine verifies it (the kinds its profile
# verifies), netcx_rx_csum() reports it, and csum.c checks that no bad
# checksum is reported valid (TP_STATUS_CSUM_VALID), that good ones arrive,
# and that bad UDP never reaches the socket.
# TX role: the sender asks ncsim0 to checksum (-U: a UDP socket; -P:
# PF_PACKET with a virtio_net_hdr, VIRTIO_NET_HDR_F_NEEDS_CSUM, TCP or UDP;
# -E there: a wrong pseudo-header seed), the receiver checks what arrived;
# -Z: a UDP checksum that sums to zero must go out as 0xFFFF.
# Both roles, IPv4 and IPv6 (-4/-6), TCP and UDP (-t/-u); good checksums
# randomised (-r with a fixed seed, NETCX_CSUM_SEED: headers, payload and
# its length vary), 4 or 16 packets a run (-n), 4 s at the receiver (-L:
# the sender must be done within it, on a host busy with other guests too);
# -e: a transport-mode encapsulation (UDP + 4 bytes) before TCP, whose
# checksum a protocol-aware engine leaves to software; -z (checksum 0)
# has no receiver mode in csum.c, so its sender runs alone and the
# counters say what ncsim1 made of it.
# Each csum.c run is one check; each is followed by one check of the
# counters: what ncsim1's engine found (hw_rx_csum_ok / hw_rx_csum_bad,
# netcx's rx_csum_valid / rx_csum_invalid) and who summed on ncsim0
# (hw_tx_l4_csum, tx_csum_sw) are exactly what the profile says. A case
# that does not apply to the profile is listed "skip - CASE: reason".
#
# One run per profile, each in its own guest: full, e1000, basic, none.
# Each run ends with "ncsim_csum: N passed, N failed".
#
#   ncsim_csum.sh --prepare BUILD  on the host: build csum into BUILD/tools
#   ncsim_csum.sh BUILD RUN        in the guest
#   ncsim_csum.sh --runs           the runs, for scripts/integration.sh
#
# A run took 9 to 10 minutes on a busy machine (six to seven in make test's
# pool), most of it csum.c's receivers waiting their -L 4: the longest runs
# of make test, started first.
# weight: 330
# cpu: 60
set -u
if [ "${1:-}" = --runs ]; then
	echo full e1000 basic none
	exit 0
fi
if [ "${1:-}" = --prepare ]; then
	set -e
	. "$(dirname "$0")/../lib.sh"
	[ -d "${2:-}" ] || die "--prepare: no build folder \"${2:-}\""
	src=$("$NETCX_TOP/scripts/kernel-src.sh")
	c=$src/tools/testing/selftests/net/lib/csum.c
	[ -f "$c" ] || die "no $c in the kernel source"
	mkdir -p "$2/tools"
	if [ ! -x "$2/tools/csum" ] || [ "$c" -nt "$2/tools/csum" ]; then
		log "building csum from $c"
		gcc -O2 -Wall -Wl,--no-as-needed -I"$src/tools/testing/selftests" \
			-o "$2/tools/csum" "$c"
	fi
	exit 0
fi
build=$1 run=$2
. "$(dirname "$0")/lib/ncsim.sh"
CSUM=$build/tools/csum

. "$(dirname "$0")/lib/check.sh"

N=4		# packets per run
NR=16		# packets per randomised run
SEED=${NETCX_CSUM_SEED:-20261201}	# -r: fixed, so that a failure replays

# stats NS DEV: "name value" lines of ethtool -S
stats() {
	ip netns exec "$1" ethtool -S "$2" | awk -F': *' 'NF == 2 { gsub(/ /, "", $1); print $1, $2 }'
}
# delta OLD NEW NAME: how much NAME grew
delta() {
	local a b
	a=$(awk -v n="$3" '$1 == n { print $2 }' <<< "$1")
	b=$(awk -v n="$3" '$1 == n { print $2 }' <<< "$2")
	echo $(( ${b:-0} - ${a:-0} ))
}

# What the profile does, per IP version (4/6).
rx_verifies() {	# FAM: ncsim1's engine verifies TCP/UDP of this IP version
	case $run in
	full|basic) return 0 ;;
	e1000) [ "$1" = 4 ] ;;
	*) return 1 ;;
	esac
}
# tx_engine MODE FAM ENCAP: who sums a packet that asks for it
#   hw-pa   the protocol-aware engine: computes the pseudo-header itself
#   hw-gen  the generic engine: sums from csum_start, the seed included
#   sw      software (netcx or the stack), the seed included
#   stack   not CHECKSUM_PARTIAL at all: the stack summed it (no TX csum)
tx_engine() {
	local mode=$1 encap=$3
	case $run in
	full|basic) [ "$encap" = 1 ] && echo sw || echo hw-pa ;;
	e1000) echo hw-gen ;;
	none) [ "$mode" = U ] && echo stack || echo sw ;;
	esac
}

ADDR4=(-S "${NCSIM_IP4[0]}" -D "${NCSIM_IP4[1]}")
ADDR6=(-S "${NCSIM_IP6[0]}" -D "${NCSIM_IP6[1]}")
MAC0='' MAC1=''

# csum_run FAM RXARGS TXARGS: csum -R in b, then csum -T in a; true when
# both say OK. Logs go to the console on failure.
csum_run() {
	local fam=$1 rxa=$2 txa=$3 pid rc=0 addr
	if [ "$fam" = 4 ]; then addr=("${ADDR4[@]}"); else addr=("${ADDR6[@]}"); fi
	# shellcheck disable=SC2086
	ip netns exec b timeout 30 "$CSUM" -"$fam" "${addr[@]}" -i ncsim1 -R \
		-L 4 $rxa > /tmp/csum-rx.log 2>&1 &
	pid=$!
	# until its UDP socket (port 34000, 84D0) is bound: it is the last
	for _ in $(seq 50); do
		ip netns exec b cat /proc/net/udp /proc/net/udp6 |
			grep -q ':84D0 ' && break
		sleep 0.1
	done
	# shellcheck disable=SC2086
	ip netns exec a timeout 30 "$CSUM" -"$fam" "${addr[@]}" -i ncsim0 -T \
		$txa > /tmp/csum-tx.log 2>&1 || rc=1
	wait "$pid" || rc=1
	if [ $rc -ne 0 ]; then
		echo "# csum -R $rxa:"; tail -n 8 /tmp/csum-rx.log | sed 's/^/#   /'
		echo "# csum -T $txa:"; tail -n 8 /tmp/csum-tx.log | sed 's/^/#   /'
	fi
	return $rc
}

# counters_are WHAT N0 N1 EXPECTED...: each "NAME=VALUE" of EXPECTED is
# the growth of that counter between snapshots (a0,b0) and (a1,b1)
# (names hw_rx_*, rx_* are ncsim1's, the others ncsim0's)
counters_are() {
	local e name want got ok=0 side
	for e in "$@"; do
		name=${e%%=*} want=${e#*=}
		case $name in
		hw_rx_*|rx_*) got=$(delta "$b0" "$b1" "$name"); side=ncsim1 ;;
		*) got=$(delta "$a0" "$a1" "$name"); side=ncsim0 ;;
		esac
		if [ "$got" != "$want" ]; then
			echo "# $side $name grew by $got, expected $want"
			ok=1
		fi
	done
	return $ok
}

# csum_case NAME FAM PROTO ROLE OPTS WIRE
#   ROLE raw (RX role: sender sums), U or P (TX role); OPTS: E (bad), Z
#   (sums to zero), e (encapsulated), r (randomised); WIRE: what arrives
#   at ncsim1, good or bad
csum_case() {
	local name=$1 fam=$2 proto=$3 role=$4 opts=$5 wire=$6
	local rxa="-$proto" txa="-$proto" n=$N enc=0 eng ok=0 bad=0 l4=0 sw=0 unk=0
	local a0 b0 a1 b1 outer=$wire
	case $opts in *e*) enc=1 ;; esac
	case $opts in *E*) rxa+=" -E"; txa+=" -E" ;; esac
	case $opts in *Z*) rxa+=" -Z -U"; txa+=" -Z" ;; esac
	case $opts in *e*) rxa+=" -e"; txa+=" -e" ;; esac
	case $opts in *r*) txa+=" -r $SEED"; n=$NR ;; esac
	case $role in
	U) txa+=" -U" ;;
	P) txa+=" -P -s $MAC0 -d $MAC1" ;;
	esac
	rxa+=" -n $n" txa+=" -n $n"

	# GRO's UDP receive takes an outer UDP checksum of 0 as verified and
	# marks the skb CHECKSUM_UNNECESSARY (level 0), which PF_PACKET reports
	# as TP_STATUS_CSUM_VALID whatever the inner TCP checksum: the kernel's
	# doing on any device. A bad inner checksum is looked at without GRO.
	[ $enc = 1 ] && [ "$wire" = bad ] && ip netns exec b ethtool -K ncsim1 gro off >/dev/null
	a0=$(stats a ncsim0) b0=$(stats b ncsim1)
	check "$run: $name (csum $txa)" csum_run "$fam" "$rxa" "$txa"
	a1=$(stats a ncsim0) b1=$(stats b ncsim1)
	[ $enc = 1 ] && [ "$wire" = bad ] && ip netns exec b ethtool -K ncsim1 gro on >/dev/null

	# ncsim1's engine sees the outer header: an encapsulated packet's
	# outer UDP checksum is 0, "none" over IPv4, invalid over IPv6
	if [ $enc = 1 ]; then
		[ "$fam" = 4 ] && outer=none || outer=bad
	fi
	if rx_verifies "$fam"; then
		[ "$outer" = good ] && ok=$n
		[ "$outer" = bad ] && bad=$n
	fi
	if [ "$role" != raw ]; then
		eng=$(tx_engine "$role" "$fam" "$enc")
		case $eng in
		hw-*) l4=$n ;;
		sw) sw=$n ;;
		esac
		[ "$eng" = sw ] && [ $enc = 1 ] && unk=$n
	fi
	check "$run: $name: counters (hw_rx_csum ok $ok bad $bad, hw_tx_l4_csum $l4, tx_csum_sw $sw)" \
		counters_are hw_rx_csum_ok=$ok hw_rx_csum_bad=$bad \
		rx_csum_valid=$ok rx_csum_invalid=$bad \
		hw_tx_l4_csum=$l4 tx_csum_sw=$sw tx_fallback_unknown_l4=$unk
}

# The -z case: csum.c's receiver has no mode for a disabled (0) UDP
# checksum (it would verify the sum and call it bad), so the sender runs
# alone and the counters say what ncsim1's engine made of it: nothing over
# IPv4 (RFC 768: no checksum), invalid over IPv6 (RFC 8200: mandatory).
csum_zero_disabled() {
	local fam=$1 addr a0 b0 a1 b1 bad=0
	if [ "$fam" = 4 ]; then addr=("${ADDR4[@]}"); else addr=("${ADDR6[@]}"); fi
	[ "$fam" = 6 ] && rx_verifies 6 && bad=$N
	a0=$(stats a ncsim0) b0=$(stats b ncsim1)
	check "$run: IPv$fam UDP, checksum disabled (0), sender only (csum -T -z)" \
		ip netns exec a timeout 30 "$CSUM" -"$fam" "${addr[@]}" -i ncsim0 \
		-T -u -z -n $N
	sleep 0.5
	a1=$(stats a ncsim0) b1=$(stats b ncsim1)
	check "$run: IPv$fam UDP checksum 0 passed unmodified: hw_rx_csum ok 0 bad $bad" \
		counters_are hw_rx_csum_ok=0 hw_rx_csum_bad=$bad hw_tx_l4_csum=0
}

check "$run: csum built from the kernel source" test -x "$CSUM"
check "$run: load (profile=$run)" ncsim_load "$build" profile="$run"
check "$run: pair up in two namespaces" ncsim_pair_up
MAC0=$(ip netns exec a cat /sys/class/net/ncsim0/address)
MAC1=$(ip netns exec b cat /sys/class/net/ncsim1/address)
# neighbours resolved before the raw sockets send
check "$run: ping IPv4" ncsim_ping a "${NCSIM_IP4[1]}"
check "$run: ping IPv6" ncsim_ping a "${NCSIM_IP6[1]}"

for fam in 4 6; do
	for proto in u t; do
		p=UDP
		[ $proto = t ] && p=TCP
		# RX role: the sender's checksum, good or bad, verified at ncsim1;
		# good ones randomised (-r: headers, payload and its length vary)
		csum_case "RX IPv$fam $p, good checksum, randomised" $fam $proto raw r good
		csum_case "RX IPv$fam $p, bad checksum" $fam $proto raw E bad
		# TX role, a UDP socket
		if [ $proto = u ]; then
			csum_case "TX IPv$fam UDP socket, randomised" $fam u U r good
			csum_case "TX IPv$fam UDP socket, sum zero sent as 0xFFFF" \
				$fam u U Z good
			skip "$run: TX IPv$fam UDP socket, bad checksum (-U -E)" \
				"the UDP socket's checksum is the kernel's, -E changes only what csum.c builds"
		else
			skip "$run: TX IPv$fam TCP socket (-U -t)" \
				"-U is a UDP socket; TCP is sent through PF_PACKET (-P)"
			skip "$run: TX IPv$fam TCP, sum zero (-Z -t)" \
				"-Z is UDP only (0 means no checksum in UDP alone)"
		fi
		# TX role, PF_PACKET with a virtio_net_hdr (CHECKSUM_PARTIAL)
		csum_case "TX IPv$fam $p PF_PACKET+vnet, randomised" $fam $proto P r good
		if [ "$(tx_engine P $fam 0)" = hw-pa ]; then
			skip "$run: TX IPv$fam $p PF_PACKET+vnet, bad seed (-P -E)" \
				"the protocol-aware engine computes the pseudo-header itself and ignores the seed, so the wire checksum is good (CHECKSUM_PARTIAL leaves a wrong seed undefined)"
		else
			csum_case "TX IPv$fam $p PF_PACKET+vnet, bad seed summed in ($(tx_engine P $fam 0))" \
				$fam $proto P E bad
		fi
		[ $proto = t ] || skip "$run: TX IPv$fam UDP PF_PACKET+vnet, sum zero (-P -Z)" \
			"csum.c refuses -Z without -U"
	done
	# a transport-mode encapsulation (UDP + 4 bytes) before TCP: its
	# checksum is not at the walked transport header
	csum_case "RX IPv$fam TCP in UDP encapsulation, good inner checksum" $fam t raw e good
	csum_case "RX IPv$fam TCP in UDP encapsulation, bad inner checksum" $fam t raw eE bad
	csum_case "TX IPv$fam TCP in UDP encapsulation PF_PACKET+vnet ($(tx_engine P $fam 1))" \
		$fam t P e good
	csum_case "TX IPv$fam TCP in UDP encapsulation PF_PACKET+vnet, bad seed ($(tx_engine P $fam 1))" \
		$fam t P eE bad
	skip "$run: TX IPv$fam UDP in encapsulation (-e -u)" \
		"csum.c encapsulates TCP only (its receiver verifies the inner header as TCP)"
	csum_zero_disabled $fam
	skip "$run: TX IPv$fam UDP socket, checksum disabled (-U -z)" \
		"-z only changes the field csum.c builds, which -U does not send"
done

check "$run: no hw_caps_violation" eq0 "$(ncsim_sum hw_caps_violation)"
check "$run: no descriptor error" eq0 "$(ncsim_sum hw_tx_desc_errors)"
check "$run: nothing dropped as malformed" eq0 "$(ncsim_sum tx_fallback_malformed)"
ncsim_pair_down
check "$run: unload" ncsim_unload
check "$run: netcx unloads" rmmod netcx

check_end ncsim_csum
