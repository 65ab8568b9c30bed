#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# guests: qemu-6.12 qemu-6.1
# weight: 45
#
# The traffic matrix on e1000cx, a guest script for the QEMU guest
# (scripts/qemu-run.sh, Debian's 6.12 and 6.1 kernels): e1000cx on nic0
# against the in-tree e1000 on nic1, every ethtool -K state of e1000cx's
# five offload switches, transfers both ways, each checked by digest and by
# the netcx counters of who did the work. QEMU's 82540EM model checksums
# and segments from e1000cx's descriptors: a wrong one is a wrong digest.
#
#        netns a                                        netns b
#   +----------------------+                     +----------------------+
#   | ecmatrix.py: both    |                     | ecmatrix.py servers  |
#   | ends, ethtool -S     |                     |                      |
#   | nic0 00:04.0 e1000cx |     QEMU hub 0      | nic1 00:05.0 e1000   |
#   | 198.18.0.1/24        |<===================>| 198.18.0.2/24        |
#   | 2001:2::1/64         |  82540EM TX model   | 2001:2::2/64         |
#   |  vl5 (VLAN 5)        |  -> hub -> RX model |  vl5 (VLAN 5)        |
#   |  198.18.1.1/24       |                     |  198.18.1.2/24       |
#   |  2001:2:0:1::1/64    |                     |  2001:2:0:1::2/64    |
#   +----------------------+                     +----------------------+
#     ethtool -K nic0: tx tso rx rxvlan txvlan (the state)
#
# A state is five letters for tx-checksumming, tso, rx-checksumming, rxvlan
# and txvlan (1 on, 0 off). One guest per run:
#
#   tso     tx and tso on, the 8 states of rx, rxvlan and txvlan
#   notso   tx on, tso off, the same 8
#   notx    tx off, the same 8, tso asked on in half of them (it stays off:
#           TSO needs a TX checksum), so that all 32 ethtool -K
#           combinations are asked for
#   kw      e1000cx loaded with keywords= (lib/ecmatrix.py's KEYWORDS: TX
#           checksums of TCP over IPv6 and UDP over IPv4, TSO over IPv4,
#           802.1Q tags and the RX checksum of TCP over IPv4 off); two
#           states, rx on and off
#
# In each state 16 transfers, {a to b, b to a} x {plain, VLAN} x {TCP, UDP}
# x {IPv4, IPv6}, send sizes from 1 to 65536 bytes: lib/ecmatrix.py says
# what each checks (about 70 checks a state).
#
#   e1000cx_matrix.sh BUILD RUN    BUILD: netcx.ko and e1000cx.ko built for
#                                  the guest's kernel
#   e1000cx_matrix.sh --runs       the runs
set -u
if [ "${1:-}" = --runs ]; then
	echo tso notso notx kw
	exit 0
fi
build=$1 run=$2
. "$(dirname "$0")/lib/ecsuite.sh"
. "$(dirname "$0")/lib/check.sh"

# ecmatrix ARGS...: lib/ecmatrix.py, its counts added to ours
ecmatrix() {
	local out=/tmp/ecmatrix.out
	python3 "$NCSIM_LIB/ecmatrix.py" "${EC_DEV[0]}" "$@" | tee "$out"
	check_counts ecmatrix "$out" "$run: the matrix did not finish"
}

params=()
case $run in
tso)   states="11111 11110 11101 11100 11011 11010 11001 11000" ;;
notso) states="10111 10110 10101 10100 10011 10010 10001 10000" ;;
notx)  states="01111 00110 01101 00100 01011 00010 01001 00000" ;;
kw)    states="11111+ 11011"
       params=("keywords=$(python3 -c 'import sys
sys.path.insert(0, sys.argv[1])
import ecmatrix
print(ecmatrix.KEYWORDS)' "$NCSIM_LIB")") ;;
*)     echo "unknown run $run" >&2; exit 2 ;;
esac

check "$run: e1000cx on nic0${params:+ (${params[*]})}, e1000 on nic1, up" \
	ec_setup "$build" e1000 "${params[@]}"
check "$run: VLAN 5 over both ports" e1000cx_vlan_up
check "$run: ping over the VLAN" ncsim_ping a 198.18.1.2
kw=()
[ "$run" = kw ] && kw=(--keywords)
# shellcheck disable=SC2086 # the states are words
ecmatrix "${kw[@]}" $states
check "$run: no offload drop in the whole run" \
	eq0 "$(ec_stat 0 tx_offload_dropped)"
check "$run: no DMA mapping error" eq0 "$(ec_stat 0 tx_map_errors)"
e1000cx_pair_down
check "$run: rmmod e1000cx" rmmod e1000cx
check "$run: rmmod netcx" rmmod netcx

check_end e1000cx_matrix
