#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make bench: one boot of the bench kernel (no debug options) that runs
# every case of scripts/guest/bench.sh, then the table: Gbit/s (median of
# NETCX_BENCH_RUNS runs of NETCX_BENCH_SECONDS each) and the ratio to the
# anchors measured in the same boot, and pktgen packet rates.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

uml=$("$NETCX_TOP/scripts/uml-build.sh" bench)
build=$("$NETCX_TOP/scripts/build.sh" bench "$uml" ARCH=um)
out=$NETCX_SCRATCH/guest/bench-$(date +%Y%m%d-%H%M%S)-$$

"$NETCX_TOP/scripts/guest-run.sh" --kernel bench --timeout 1800 --mem 2G \
	--out "$out" "$NETCX_TOP/scripts/guest/bench.sh" "$build"

python3 - "$out/bench.tsv" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    case, metric, value = line.rstrip("\n").split("\t")
    rows.setdefault(case, {})[metric] = float(value or 0)

def ratio(a, b):
    return f"{a / b:5.2f}x" if a and b else "    -"

print()
print("throughput, Gbit/s (median), and ratio to the anchors of the same boot")
print(f"{'case':14} {'metric':7} {'Gbit/s':>8} {'/veth':>7} {'/veth-sw':>9} {'/netdevsim':>11}")
for case, metrics in rows.items():
    for metric in ("tcp4", "tcp6", "uso4"):
        if metric not in metrics:
            continue
        v = metrics[metric]
        anchors = [rows.get(a, {}).get(metric, 0) for a in ("veth", "veth-sw", "netdevsim")]
        print(f"{case:14} {metric:7} {v / 1e9:8.3f} {ratio(v, anchors[0]):>7} "
              f"{ratio(v, anchors[1]):>9} {ratio(v, anchors[2]):>11}")
print()
print("pktgen, packets per second (netcx's in-driver path: pktgen skips validate_xmit_skb)")
for case, metrics in rows.items():
    for metric in ("pktgen64", "pktgen1500"):
        if metric in metrics:
            v = metrics[metric]
            base = rows.get("veth", {}).get(metric, 0)
            print(f"{case:14} {metric:11} {v:12.0f} pps  {ratio(v, base)} of veth")
PY
echo "bench: results in $out (bench.tsv, console.log, ethtool -S snapshots)"
