#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Guest side of scripts/bench-perpkt.sh: ROUNDS times, each module set in
# turn, load its netcx.ko and bench/netcx_bench.ko (which runs its cases at
# load; ncsim.ko too, for its memory figures), keep its lines as "LABEL<TAB>ROUND<TAB>CASE<TAB>METRIC<TAB>VALUE"
# in $NETCX_OUT/perpkt.tsv, unload them.
#
#   bench-perpkt.sh ROUNDS LABEL=BUILD...
set -u
rounds=$1
shift
tsv=$NETCX_OUT/perpkt.tsv
: > "$tsv"
for round in $(seq 1 "$rounds"); do
	for set in "$@"; do
		label=${set%%=*} build=${set#*=}
		insmod "$build/netcx.ko" || exit 1
		# for its memory figures; the pair stays down
		insmod "$build/ncsim.ko" || exit 1
		dmesg -C
		if ! insmod "$build/bench/netcx_bench.ko"; then
			echo "bench-perpkt: $label: netcx_bench failed to load"
			rmmod ncsim netcx
			exit 1
		fi
		dmesg | sed -n 's/^.*netcx_bench: //p' |
			awk -F '\t' -v l="$label" -v r="$round" \
				'NF == 3 { print l "\t" r "\t" $1 "\t" $2 "\t" $3 }' >> "$tsv"
		rmmod netcx_bench
		rmmod ncsim
		rmmod netcx
	done
done
exit 0
