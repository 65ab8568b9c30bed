#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Loading and unloading, a guest script (scripts/integration.sh runs it in
# UML, with a kmemleak scan after it): every profile, several times, with
# and without traffic, in one guest; module parameters that must be
# refused; netcx itself unloaded and loaded again.
#
#   round 1, 3: load -> ports in init_net, up -> unload         (no traffic)
#   round 2:    load -> ports moved into netns a and b, ping and TCP both
#               ways -> unload with the ports still in the namespaces
#
#        netns a                                   netns b
#   +------------------+                      +------------------+
#   | ncsim0           |      ncsim wire      | ncsim1           |
#   | 198.18.0.1/24    |<====================>| 198.18.0.2/24    |
#   | 2001:2::1/64     |                      | 2001:2::2/64     |
#   +------------------+                      +------------------+
#
# Then bad module parameters (each insmod must fail, and leave nothing
# behind), and rmmod netcx / insmod netcx. The runner fails the guest on
# any oops, WARN, sanitizer report or kmemleak leak.
#
#   ncsim_loads.sh BUILD
#   ncsim_loads.sh --runs     one run (nothing to list), for integration.sh
# About 1 minute on its own, three quarters of a CPU busy.
# weight: 70
# cpu: 75
set -u
[ "${1:-}" = --runs ] && exit 0
build=$1
. "$(dirname "$0")/lib/ncsim.sh"

. "$(dirname "$0")/lib/check.sh"
loaded() { grep -q "^$1 " /proc/modules; }
ports() {	# how many ncsim ports init_net has
	local p n=0
	for p in /sys/class/net/ncsim*; do
		[ -e "$p" ] && n=$((n + 1))
	done
	echo "$n"
}

data=/tmp/ncsim-data
dd if=/dev/urandom of="$data" bs=1k count=512 status=none

for profile in full e1000 basic none tnlcsum tnlpartial; do
	for round in 1 2 3; do
		what="$profile round $round"
		check "$what: load" ncsim_load "$build" profile="$profile" pairs=2
		check "$what: four ports" [ "$(ports)" -eq 4 ]
		if [ "$round" -eq 2 ]; then
			check "$what: pair up in two namespaces" ncsim_pair_up
			check "$what: ping IPv4" ncsim_ping a 198.18.0.2
			check "$what: TCP over IPv4, a to b, intact" \
				ncsim_transfer a b 198.18.0.2 "$data"
			check "$what: TCP over IPv6, b to a, intact" \
				ncsim_transfer b a 2001:2::1 "$data"
			check "$what: no hw_caps_violation" \
				[ "$(ncsim_sum hw_caps_violation)" -eq 0 ]
		else
			for dev in ncsim0 ncsim1 ncsim2 ncsim3; do
				ip link set "$dev" up
			done
			check "$what: carrier in init_net" \
				[ "$(cat /sys/class/net/ncsim0/carrier)" = 1 ]
		fi
		check "$what: unload" ncsim_unload
		check "$what: no port left" [ "$(ports)" -eq 0 ]
		ncsim_pair_down
	done
done

# Parameters ncsim must refuse, with a message, leaving nothing behind.
for params in pairs=0 pairs=17 profile=bogus "keywords=*LsoV2IPv4=7" \
	      "keywords=*NoSuchKeyword=1" "keywords=*UsoIPv4" \
	      "profile=none lso_min_segs=2" "profile=full lso_min_segs=0" \
	      "profile=full lso_max_size=0" "profile=full uso_min_segs=70000" \
	      "profile=basic csum_l3_offset_limit=4" \
	      "profile=full lso_min_segs=9 lso_max_segs=3"; do
	dmesg -C
	# shellcheck disable=SC2086
	check "refused: $params" eval '! insmod "$build/ncsim.ko" $params 2>/dev/null'
	check "refused with a message: $params" \
		eval 'dmesg | grep -Eq "ncsim|netcx"'
	check "nothing left after: $params" \
		eval '! loaded ncsim && [ "$(ports)" -eq 0 ]'
done

check "unload netcx" rmmod netcx
check "load netcx again" insmod "$build/netcx.ko"
check "load ncsim over it" ncsim_load "$build" profile=full
check "pair up" ncsim_pair_up
check "TCP over IPv6 after reloading netcx, intact" \
	ncsim_transfer a b 2001:2::2 "$data"
ncsim_pair_down
check "unload ncsim" ncsim_unload
check "unload netcx" rmmod netcx

check_end ncsim_loads
