#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ncsim checksum suite, a guest script (scripts/integration.sh runs it in
# UML): the kernel's own checksum offload test, csum.c from
# tools/testing/selftests/net/lib of the linux-source-6.12 tree (built on
# the host by "--prepare"), run as its two-machine test over ncsim pairs:
# the sender (-T) on a pair's port 0, the receiver (-R) on its port 1. The
# module makes four pairs (pairs=4); pair K's ports go into netns aK and
# bK, each pair with lib/ncsim.sh's addresses.
#
#        netns aK                                  netns bK
#   +------------------+                      +------------------+
#   | csum -T (sender) |                      | csum -R (receiver|
#   |  raw IP, UDP, or |                      |  PF_PACKET +     |
#   |  PF_PACKET+vnet  |                      |  AUXDATA, UDP)   |
#   | port 0           |      ncsim wire      | port 1           |
#   | 198.18.0.1/24    |=====================>| 198.18.0.2/24    |
#   | 2001:2::1/64     |  TX engine -> RX     | 2001:2::2/64     |
#   +------------------+  engine              +------------------+
#
# RX role: the sender writes the checksum itself (raw IP sockets, -E to
# make it wrong): port 1's receive engine verifies it (the kinds its profile
# verifies), netcx_rx_csum() reports it, and csum.c checks that no bad
# checksum is reported valid (TP_STATUS_CSUM_VALID), that good ones arrive,
# and that bad UDP never reaches the socket.
# TX role: the sender asks port 0 to checksum (-U: a UDP socket; -P:
# PF_PACKET with a virtio_net_hdr, VIRTIO_NET_HDR_F_NEEDS_CSUM, TCP or UDP;
# -E there: a wrong pseudo-header seed), the receiver checks what arrived;
# -Z: a UDP checksum that sums to zero must go out as 0xFFFF.
# Both roles, IPv4 and IPv6 (-4/-6), TCP and UDP (-t/-u); good checksums
# randomised (-r with a fixed seed, NETCX_CSUM_SEED: headers, payload and
# its length vary), 4 or 16 packets a run (-n); -e: a transport-mode
# encapsulation (UDP + 4 bytes) before TCP, whose checksum a
# protocol-aware engine leaves to software; -z (checksum 0) has no
# receiver mode in csum.c, so its sender runs alone and the counters say
# what port 1 made of it.
# Each csum.c run is one check; each is followed by one check of the
# counters: what port 1's engine found (hw_rx_csum_ok / hw_rx_csum_bad,
# netcx's rx_csum_valid / rx_csum_invalid) and who summed on port 0
# (hw_tx_l4_csum, tx_csum_sw) are exactly what the profile says (the
# output says ncsim0 and ncsim1 for ports 0 and 1). A case that does not
# apply to the profile is listed "skip - CASE: reason".
#
# csum.c's receiver counts for all of its -L (4 s here), however soon the
# packets are in: that wait is the cases' time. So the four pairs run at
# once, pair K the Kth of every four cases in turn: a case's sender and
# receiver are alone on their pair and its counters are the pair's own;
# each case's output is kept and all are printed in the cases' order. The
# sender is started first and held (a SIGSTOP of its own, before it runs
# csum) until the receiver has bound its socket, so that all that is left
# of it within the receiver's -L is csum itself, at nice -10 (ahead of
# the other pairs' commands in the guest). The slowest sender of a run
# took 0.8 s of the 4 s at load average 6 (2.6 s unheld); at 11 to 15,
# 2.5 to 2.8 s without the nice, 0.6 to 2.1 s with it. The run ends with
# its slowest sender and the time its cases took, as comments.
#
# One run per profile, each in its own guest: full, e1000, basic, none.
# Each run ends with "ncsim_csum: N passed, N failed".
#
#   ncsim_csum.sh --prepare BUILD  on the host: build csum into BUILD/tools
#   ncsim_csum.sh BUILD RUN        in the guest
#   ncsim_csum.sh --runs           the runs, for scripts/integration.sh
#
# Timed on 7 December 2026 with scripts/integration.sh (the four runs,
# three at once) on 2 cores shared with other sessions' builds and
# guests. One pair and a case at a time: 645, 731, 648 and 490 s (full,
# e1000, basic, none; load average 4 to 8), 1,156 s and 15.5 minutes of
# host CPU in all. The four pairs at once: 268, 298, 263 and 214 s (load
# average 11 to 15, a make check beside them), 563 s and 5.7 minutes of
# CPU. A run beside one other guest (load average 6): 148 s, half a CPU
# busy. (make test's run of the day before, one pair: 281 to 396 s.)
# weight: 150
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
L=4		# csum -R's -L: seconds the receiver counts, whatever arrives
PAIRS=4		# ncsim pairs, each running its share of the cases at once
OUT=/tmp/ncsim-csum	# each case's output, printed in order at the end

# In the KASAN UML guest a process costs about 0.25 s: the helpers below
# use bash's builtins where they can, enter a namespace with nsenter (one
# setns, where "ip netns exec" also remounts /sys) and take one ethtool -S
# per port per case.

# inns NS COMMAND...: COMMAND in network namespace NS
inns() {
	nsenter --net="/run/netns/$1" "${@:2}"
}

# pause SECONDS: sleep without a process (a read that times out on a FIFO
# nobody writes)
pause() {
	read -r -t "$1" -u "$TICK" _ || :
}

# snap: the counters of this pair's ports, NOW0 (port 0's) and NOW1
# (port 1's), the last snapshot kept as WAS0 and WAS1
snap() {
	local k v out
	WAS0=() WAS1=()
	for k in "${!NOW0[@]}"; do WAS0[$k]=${NOW0[$k]}; done
	for k in "${!NOW1[@]}"; do WAS1[$k]=${NOW1[$k]}; done
	NOW0=() NOW1=()
	# (the guest has no /dev/fd for a <(...))
	out=$(inns "$NA" ethtool -S "$DEV0")
	while IFS=$': \t' read -r k v; do
		[[ $v =~ ^[0-9]+$ ]] && NOW0[$k]=$v
	done <<< "$out"
	out=$(inns "$NB" ethtool -S "$DEV1")
	while IFS=$': \t' read -r k v; do
		[[ $v =~ ^[0-9]+$ ]] && NOW1[$k]=$v
	done <<< "$out"
	[ ${#NOW0[@]} -gt 0 ] && [ ${#NOW1[@]} -gt 0 ]
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
# (into ENGINE: no process for a $(...))
tx_engine() {
	local mode=$1 encap=$3
	case $run in
	full|basic) [ "$encap" = 1 ] && ENGINE=sw || ENGINE=hw-pa ;;
	e1000) ENGINE=hw-gen ;;
	none) [ "$mode" = U ] && ENGINE=stack || ENGINE=sw ;;
	esac
}

ADDR4=(-S "${NCSIM_IP4[0]}" -D "${NCSIM_IP4[1]}")
ADDR6=(-S "${NCSIM_IP6[0]}" -D "${NCSIM_IP6[1]}")

# bound PID: the receiver PID has bound its UDP socket (port 34000, 84D0:
# the last it opens before it starts counting), as its namespace's
# /proc/net/udp and udp6 show it
bound() {
	local lines
	mapfile -t lines 2>/dev/null < "/proc/$1/net/udp"
	[[ "${lines[*]}" == *":84D0 "* ]] && return 0
	mapfile -t lines 2>/dev/null < "/proc/$1/net/udp6"
	[[ "${lines[*]}" == *":84D0 "* ]]
}

# stopped PID: PID, a child, is stopped (T)
stopped() {
	local state=''
	read -r _ _ state _ 2>/dev/null < "/proc/$1/stat"
	[ "$state" = T ]
}

# running PID: PID, a child, has not ended (bash reaps a child as it ends:
# its status waits for "wait PID", its /proc entry is gone or a zombie)
running() {
	local state=Z
	read -r _ _ state _ 2>/dev/null < "/proc/$1/stat"
	[ "$state" != Z ]
}

# csum_run FAM RXARGS TXARGS: csum -T in a, held before it starts (a
# SIGSTOP of its own) while csum -R starts in b, let go once the receiver
# is bound; true when both say OK and the sender was done within the
# receiver's -L. Logs go to the console on failure.
csum_run() {
	local fam=$1 rxa=$2 txa=$3 rx tx rc=0 addr i t0 t1=''
	if [ "$fam" = 4 ]; then addr=("${ADDR4[@]}"); else addr=("${ADDR6[@]}"); fi
	# nsenter, not inns: $! is then the process that becomes csum; nice:
	# ahead of the other pairs' commands once let go
	# shellcheck disable=SC2016,SC2086
	nice -n -10 nsenter --net="/run/netns/$NA" \
		bash -c 'kill -STOP $$ && exec "$@"' csum-tx \
		"$CSUM" -"$fam" "${addr[@]}" -i "$DEV0" -T $txa > "$LOGTX" 2>&1 &
	tx=$!
	for ((i = 0; i < 500; i++)); do
		stopped $tx && break
		running $tx || break
		pause 0.02
	done
	# shellcheck disable=SC2086
	nsenter --net="/run/netns/$NB" "$CSUM" -"$fam" "${addr[@]}" \
		-i "$DEV1" -R -L $L $rxa > "$LOGRX" 2>&1 &
	rx=$!
	for ((i = 0; i < 500; i++)); do
		bound $rx && break
		running $rx || break	# it ended early
		pause 0.02
	done
	t0=${EPOCHREALTIME/./}
	kill -CONT $tx 2>/dev/null
	# the receiver stops counting $L s after it bound: the sender ends
	# first, or its packets may not count (and it is stopped)
	while running $rx; do
		if ! running $tx; then
			t1=${EPOCHREALTIME/./}
			break
		fi
		pause 0.02
	done
	if [ -z "$t1" ] && running $tx; then
		kill $tx 2>/dev/null
		rc=1
	elif [ -z "$t1" ]; then
		t1=${EPOCHREALTIME/./}	# both ended since the last look
	fi
	wait $tx || rc=1
	wait $rx || rc=1
	if [ -n "$t1" ]; then
		t1=$(((t1 - t0) / 1000))
		[ "$t1" -gt "$SLOWEST" ] && SLOWEST=$t1
	fi
	if [ $rc -ne 0 ]; then
		if [ -n "$t1" ]; then
			echo "# the sender ended $t1 ms after the receiver bound (it counts $L s)"
		else
			echo "# the sender was not done when the receiver ended (it counts $L s)"
		fi
		echo "# csum -R $rxa:"; tail -n 8 "$LOGRX" | sed 's/^/#   /'
		echo "# csum -T $txa:"; tail -n 8 "$LOGTX" | sed 's/^/#   /'
	fi
	return $rc
}

# counters_are EXPECTED...: each "NAME=VALUE" of EXPECTED is the growth of
# that counter between the last two snapshots (names hw_rx_*, rx_* are
# ncsim1's, the others ncsim0's)
counters_are() {
	local e name want got ok=0 side
	for e in "$@"; do
		name=${e%%=*} want=${e#*=}
		case $name in
		hw_rx_*|rx_*)
			got=$((${NOW1[$name]:-0} - ${WAS1[$name]:-0})) side=ncsim1 ;;
		*)
			got=$((${NOW0[$name]:-0} - ${WAS0[$name]:-0})) side=ncsim0 ;;
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
	local outer=$wire
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
	[ $enc = 1 ] && [ "$wire" = bad ] && inns "$NB" ethtool -K "$DEV1" gro off >/dev/null
	check "$run: $name (csum $txa)" csum_run "$fam" "$rxa" "$txa"
	[ $enc = 1 ] && [ "$wire" = bad ] && inns "$NB" ethtool -K "$DEV1" gro on >/dev/null
	snap || echo "# ethtool -S failed"

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
		tx_engine "$role" "$fam" "$enc"
		eng=$ENGINE
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
	local fam=$1 addr bad=0
	if [ "$fam" = 4 ]; then addr=("${ADDR4[@]}"); else addr=("${ADDR6[@]}"); fi
	[ "$fam" = 6 ] && rx_verifies 6 && bad=$N
	check "$run: IPv$fam UDP, checksum disabled (0), sender only (csum -T -z)" \
		inns "$NA" timeout 30 "$CSUM" -"$fam" "${addr[@]}" -i "$DEV0" \
		-T -u -z -n $N
	pause 0.5
	snap || echo "# ethtool -S failed"
	check "$run: IPv$fam UDP checksum 0 passed unmodified: hw_rx_csum ok 0 bad $bad" \
		counters_are hw_rx_csum_ok=0 hw_rx_csum_bad=$bad hw_tx_l4_csum=0
}

# The cases, in order: "case NAME FAM PROTO ROLE OPTS WIRE" (csum_case),
# "zero FAM" (csum_zero_disabled) or "skip DESCRIPTION REASON", fields
# separated by "|".
CASES=()
add() {
	local IFS='|'
	CASES+=("$*")
}
for fam in 4 6; do
	for proto in u t; do
		p=UDP
		[ $proto = t ] && p=TCP
		# RX role: the sender's checksum, good or bad, verified at ncsim1;
		# good ones randomised (-r: headers, payload and its length vary)
		add case "RX IPv$fam $p, good checksum, randomised" $fam $proto raw r good
		add case "RX IPv$fam $p, bad checksum" $fam $proto raw E bad
		# TX role, a UDP socket
		if [ $proto = u ]; then
			add case "TX IPv$fam UDP socket, randomised" $fam u U r good
			add case "TX IPv$fam UDP socket, sum zero sent as 0xFFFF" \
				$fam u U Z good
			add skip "$run: TX IPv$fam UDP socket, bad checksum (-U -E)" \
				"the UDP socket's checksum is the kernel's, -E changes only what csum.c builds"
		else
			add skip "$run: TX IPv$fam TCP socket (-U -t)" \
				"-U is a UDP socket; TCP is sent through PF_PACKET (-P)"
			add skip "$run: TX IPv$fam TCP, sum zero (-Z -t)" \
				"-Z is UDP only (0 means no checksum in UDP alone)"
		fi
		# TX role, PF_PACKET with a virtio_net_hdr (CHECKSUM_PARTIAL)
		add case "TX IPv$fam $p PF_PACKET+vnet, randomised" $fam $proto P r good
		tx_engine P $fam 0
		if [ "$ENGINE" = hw-pa ]; then
			add skip "$run: TX IPv$fam $p PF_PACKET+vnet, bad seed (-P -E)" \
				"the protocol-aware engine computes the pseudo-header itself and ignores the seed, so the wire checksum is good (CHECKSUM_PARTIAL leaves a wrong seed undefined)"
		else
			add case "TX IPv$fam $p PF_PACKET+vnet, bad seed summed in ($ENGINE)" \
				$fam $proto P E bad
		fi
		[ $proto = t ] || add skip "$run: TX IPv$fam UDP PF_PACKET+vnet, sum zero (-P -Z)" \
			"csum.c refuses -Z without -U"
	done
	# a transport-mode encapsulation (UDP + 4 bytes) before TCP: its
	# checksum is not at the walked transport header
	add case "RX IPv$fam TCP in UDP encapsulation, good inner checksum" $fam t raw e good
	add case "RX IPv$fam TCP in UDP encapsulation, bad inner checksum" $fam t raw eE bad
	tx_engine P $fam 1
	add case "TX IPv$fam TCP in UDP encapsulation PF_PACKET+vnet ($ENGINE)" \
		$fam t P e good
	add case "TX IPv$fam TCP in UDP encapsulation PF_PACKET+vnet, bad seed ($ENGINE)" \
		$fam t P eE bad
	add skip "$run: TX IPv$fam UDP in encapsulation (-e -u)" \
		"csum.c encapsulates TCP only (its receiver verifies the inner header as TCP)"
	add zero $fam
	add skip "$run: TX IPv$fam UDP socket, checksum disabled (-U -z)" \
		"-z only changes the field csum.c builds, which -U does not send"
done

# ports ID: ncsim device ID's two ports, in the order they registered
ports() {
	local n i by_index=()
	for n in "/sys/bus/ncsim/devices/ncsim$1/net/"*; do
		[ -e "$n/ifindex" ] || continue
		read -r i < "$n/ifindex"
		by_index[i]=${n##*/}
	done
	echo "${by_index[*]}"
}

# pairs_up: pair K's port 0 into netns aK, port 1 into bK, addressed as
# lib/ncsim.sh's pair (the same addresses in every pair) and up
pairs_up() {
	local k i p cmds=() dev
	for ((k = 0; k < PAIRS; k++)); do
		read -r -a p <<< "$(ports $k)"
		[ ${#p[@]} -eq 2 ] || return 1
		PORT0[k]=${p[0]} PORT1[k]=${p[1]}
		read -r "MACS0[k]" < "/sys/class/net/${p[0]}/address" || return 1
		read -r "MACS1[k]" < "/sys/class/net/${p[1]}/address" || return 1
		cmds+=("netns add a$k" "netns add b$k"
		       "link set ${p[0]} netns a$k" "link set ${p[1]} netns b$k")
	done
	printf '%s\n' "${cmds[@]}" | ip -batch - || return 1
	for ((k = 0; k < PAIRS; k++)); do
		for i in 0 1; do
			if [ $i = 0 ]; then dev=${PORT0[k]}; else dev=${PORT1[k]}; fi
			printf '%s\n' "link set lo up" \
				"addr add ${NCSIM_IP4[i]}/24 dev $dev" \
				"addr add ${NCSIM_IP6[i]}/64 dev $dev nodad" \
				"link set $dev up" |
				ip -n "${NCSIM_NS[i]}$k" -batch - || return 1
		done
	done
}

pairs_down() {
	local k
	for ((k = 0; k < PAIRS; k++)); do
		echo "netns del a$k"
		echo "netns del b$k"
	done | ip -batch -
}

# carrier NS DEV: wait up to 5 s for DEV's carrier
carrier() {
	local i
	for ((i = 0; i < 25; i++)); do
		[[ $(ip -n "$1" -o link show "$2") == *LOWER_UP* ]] && return 0
		pause 0.2
	done
	return 1
}

carriers() {	# both ports of this pair
	carrier "$NA" "$DEV0" && carrier "$NB" "$DEV1"
}

# pair_ping NS ADDRESS: three echo requests, every one answered
pair_ping() {
	if command -v ping >/dev/null; then
		inns "$1" ping -q -c 3 -i 0.2 -W 2 "$2"
	else
		inns "$1" python3 "$NCSIM_LIB/ping.py" -c 3 -W 2 "$2"
	fi
}

# worker K: pair K's share of the cases, the Kth of every PAIRS, each one's
# output into $OUT/INDEX; its own tally into $OUT/wK.
worker() {
	local k=$1 i j=0 f kind name fam proto role opts wire
	local -A NOW0=() NOW1=() WAS0=() WAS1=()
	# shellcheck disable=SC2034 # check.sh's tally, this worker's own
	pass=0 fail=0 skip=0
	SLOWEST=0
	NA=a$k NB=b$k DEV0=${PORT0[k]} DEV1=${PORT1[k]}
	MAC0=${MACS0[k]} MAC1=${MACS1[k]}
	LOGRX=/tmp/csum-rx.$k.log LOGTX=/tmp/csum-tx.$k.log
	{
		check "$run: pair $k: $DEV0 and $DEV1 have a carrier" carriers
		# neighbours resolved before the raw sockets send
		check "$run: pair $k: ping IPv4" pair_ping "$NA" "${NCSIM_IP4[1]}"
		check "$run: pair $k: ping IPv6" pair_ping "$NA" "${NCSIM_IP6[1]}"
		snap || echo "# ethtool -S failed"
	} > "$OUT/p$k" 2>&1
	for ((i = 0; i < ${#CASES[@]}; i++)); do
		IFS='|' read -r kind name fam proto role opts wire <<< "${CASES[i]}"
		[ "$kind" = skip ] && continue
		j=$((j + 1))
		[ $(((j - 1) % PAIRS)) -eq "$k" ] || continue
		f=$OUT/$i
		case $kind in
		case) csum_case "$name" "$fam" "$proto" "$role" "$opts" "$wire" ;;
		zero) csum_zero_disabled "$name" ;;
		esac > "$f" 2>&1
	done
	{
		# both ports' counters at the end, summed ("-" if missing)
		for f in hw_caps_violation hw_tx_desc_errors tx_fallback_malformed; do
			if [ -n "${NOW0[$f]:-}" ] && [ -n "${NOW1[$f]:-}" ]; then
				echo "$f $((NOW0[$f] + NOW1[$f]))"
			else
				echo "$f -"
			fi
		done
		echo "slowest $SLOWEST"
		echo "pair $k: $pass passed, $fail failed"
	} > "$OUT/w$k"
}

PORT0=() PORT1=() MACS0=() MACS1=()
rm -rf "$OUT"
mkdir -p "$OUT"
mkfifo "$OUT/tick"
exec {TICK}<> "$OUT/tick"

check "$run: csum built from the kernel source" test -x "$CSUM"
check "$run: load (profile=$run, pairs=$PAIRS)" ncsim_load "$build" profile="$run" pairs=$PAIRS
check "$run: $PAIRS pairs up, pair K in namespaces aK and bK" pairs_up

# The pairs at once, each its share of the cases in turn (a case's
# receiver and sender are alone on their pair, its counters the pair's):
# then every output in the cases' order.
pids=() t_cases=${EPOCHREALTIME/./}
for ((k = 0; k < PAIRS; k++)); do
	worker $k &
	pids+=($!)
done
for ((k = 0; k < PAIRS; k++)); do
	wait "${pids[k]}"
	cat "$OUT/p$k"
done
for ((i = 0; i < ${#CASES[@]}; i++)); do
	IFS='|' read -r kind name reason _ <<< "${CASES[i]}"
	if [ "$kind" = skip ]; then
		skip "$name" "$reason"
	elif [ -f "$OUT/$i" ]; then
		cat "$OUT/$i"
	fi
done
declare -A sums=()
slowest=0
for ((k = 0; k < PAIRS; k++)); do
	check_counts "pair $k" "$OUT/w$k" "$run: pair $k ran every case of its share"
	[ -f "$OUT/w$k" ] || continue
	while read -r name v; do
		case $name in
		slowest) [ "$v" -gt "$slowest" ] && slowest=$v ;;
		hw_*|tx_*)
			if [ "$v" = - ] || [ "${sums[$name]:-}" = - ]; then
				sums[$name]=-
			else
				sums[$name]=$((${sums[$name]:-0} + v))
			fi ;;
		esac
	done < "$OUT/w$k"
done
for name in "${!sums[@]}"; do
	[ "${sums[$name]}" = - ] && sums[$name]=''	# missing: eq0 fails
done
echo "# the cases took $(((${EPOCHREALTIME/./} - t_cases) / 1000000)) s; the slowest sender ended $slowest ms after its receiver bound (csum -R -L $L)"

check "$run: no hw_caps_violation" eq0 "${sums[hw_caps_violation]:-}"
check "$run: no descriptor error" eq0 "${sums[hw_tx_desc_errors]:-}"
check "$run: nothing dropped as malformed" eq0 "${sums[tx_fallback_malformed]:-}"
check "$run: pairs down" pairs_down
check "$run: unload" ncsim_unload
check "$run: netcx unloads" rmmod netcx

check_end ncsim_csum
