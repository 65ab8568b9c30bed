#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make bench: one boot of the bench kernel (no debug options) that runs
# every case of scripts/guest/bench.sh, then the table: Gbit/s (median of
# NETCX_BENCH_RUNS runs, default 5, of NETCX_BENCH_SECONDS each, default 4,
# after a second left out) and the ratio to the
# anchors measured in the same boot, pktgen packet rates, the slab a TCP
# stream takes, and the in-kernel benchmarks of bench/netcx_bench.ko: ns
# per packet against the kernel's own paths, and bytes per port. Only
# ratios within one run count (docs/benchmarks.md).
#
# Then the e1000cx part, scripts/bench-e1000cx.sh: one boot of Debian's
# 6.12 kernel in QEMU, e1000cx against the in-tree e1000 on the same
# emulated 82540EMs, and the lines of offload code each has.
# NETCX_BENCH_ONLY=uml or NETCX_BENCH_ONLY=e1000cx runs one part alone.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

only=${NETCX_BENCH_ONLY:-}
case $only in
''|uml) ;;
e1000cx) exec "$NETCX_TOP/scripts/bench-e1000cx.sh" ;;
*) die "NETCX_BENCH_ONLY must be uml or e1000cx" ;;
esac

runs=${NETCX_BENCH_RUNS:-5}
secs=${NETCX_BENCH_SECONDS:-4}
profile=${NETCX_BENCH_PROFILE:-0}
case $runs$secs in
*[!0-9]*) die "NETCX_BENCH_RUNS and NETCX_BENCH_SECONDS must be whole numbers" ;;
esac
[ "$runs" -ge 1 ] && [ "$secs" -ge 1 ] && [ "$secs" -le 60 ] ||
	die "NETCX_BENCH_RUNS must be at least 1, NETCX_BENCH_SECONDS 1 to 60"
case $profile in
0|1) ;;
*) die "NETCX_BENCH_PROFILE must be 0 or 1" ;;
esac
if [ "$profile" = 1 ]; then
	"$NETCX_TOP/scripts/deps.sh" profile
	command -v perf >/dev/null || die "NETCX_BENCH_PROFILE=1 needs perf"
fi

build=$(uml_modules bench)
out=$NETCX_SCRATCH/guest/bench-$(date +%Y%m%d-%H%M%S)-$$
mkdir -p "$out/prof"

# The profiler: for each TCP run the guest announces, perf samples the
# guest kernel's host process (UML runs the guest kernel in one host
# process; its user processes run apart) from the end of the second iperf3
# leaves out to the end of the run.
profiler() {
	local start id pid perf_pid
	while :; do
		for start in "$out"/prof/start-*; do
			[ -e "$start" ] || continue
			id=${start##*/start-}
			[ -e "$out/prof/ack-$id" ] && continue
			sleep 1
			pid=$(pgrep -o -f "^$uml/linux " || true)
			perf_pid=
			if [ -n "$pid" ]; then
				perf record -q -F 999 -p "$pid" \
					-o "$out/prof/perf-$id.data" >/dev/null 2>&1 &
				perf_pid=$!
			fi
			while [ ! -e "$out/prof/stop-$id" ] && [ ! -e "$out/prof/done" ]; do
				sleep 0.05
			done
			if [ -n "$perf_pid" ]; then
				kill -INT "$perf_pid" 2>/dev/null
				wait "$perf_pid" || true
			fi
			touch "$out/prof/ack-$id"
		done
		[ -e "$out/prof/done" ] && return
		sleep 0.05
	done
}
if [ "$profile" = 1 ]; then
	profiler &
	profiler_pid=$!
fi

# About 46 runs of RUNS each (TCP, UDP, turns, rsc, vxlan; a second left
# out and the set-up besides), then pktgen, the slab stream and the in-kernel part.
timeout=$((900 + runs * (secs + 5) * 46))

status=0
"$NETCX_TOP/scripts/guest-run.sh" --kernel bench --timeout "$timeout" --mem 2G \
	--out "$out" "$NETCX_TOP/scripts/guest/bench.sh" "$build" \
	"$runs" "$secs" "$profile" || status=$?
touch "$out/prof/done"
if [ "$profile" = 1 ]; then
	wait "$profiler_pid" || true
fi
[ $status -eq 0 ] || exit $status

python3 - "$out/bench.tsv" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    fields = line.rstrip("\n").split("\t")
    if len(fields) != 3:
        continue
    case, metric, value = fields
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
t = rows.get("turns", {})
if t:
    print()
    print("the target, ncsim-full against veth-sw, in turns: both pairs up at once, their")
    print("TCP runs alternating; medians of the runs, and of the rounds' ratios")
    for v in ("tcp4", "tcp6"):
        if f"ratio_{v}" not in t:
            continue
        r = t[f"ratio_{v}"]
        print(f"{v}: veth-sw {t.get('veth-sw_' + v, 0) / 1e9:.3f} Gbit/s, "
              f"ncsim-full {t.get('ncsim-full_' + v, 0) / 1e9:.3f} Gbit/s, "
              f"ratio {r:.2f}x: target >= 0.8x {'met' if r >= 0.8 else 'missed'}")
c = rows.get("rsc", {})
if c:
    print()
    print("receive coalescing: ncsim full, devB's rx-gro-hw on (the model coalesces, netcx hands")
    print("the packets up as hardware GRO) against off (software GRO), in turns; medians of the")
    print("runs, and of the rounds' ratios; CPU: the guest's busy seconds per GB received, the")
    print("simulated hardware's coalescing included")
    for v in ("tcp4", "tcp6"):
        if f"cpu_ratio_{v}" not in c:
            continue
        r = c[f"cpu_ratio_{v}"]
        print(f"{v}: on {c.get('on_' + v, 0) / 1e9:.3f} Gbit/s, off {c.get('off_' + v, 0) / 1e9:.3f} Gbit/s, "
              f"throughput {c.get('ratio_' + v, 0):.2f}x; CPU per GB on {c.get('cpu_on_' + v, 0):.2f} s, "
              f"off {c.get('cpu_off_' + v, 0):.2f} s; coalesced packets on {c.get('coalesced_' + v, 0):.0f}, "
              f"off {c.get('coalesced_off_' + v, 0):.0f}")
        print(f"target: RSC receiver CPU per GB < 1.0x software GRO, {v}: {r:.2f}x "
              f"{'met' if r and r < 1.0 else 'missed'}")
x = rows.get("vxlan", {})
if x:
    r, hw_on = x.get("ratio_tcp4", 0), x.get("gso_hw_on_tcp4", 0)
    print()
    print("tunnels: TCP/IPv4 in VXLAN over IPv4, ncsim full, devA's tunnel segmentation on (the")
    print("model segments) against off (the kernel's GSO), in turns; medians of the runs, and of")
    print("the rounds' ratios; tunnel GSO packets netcx handed to the hardware in each mode")
    print(f"tcp4: on {x.get('on_tcp4', 0) / 1e9:.3f} Gbit/s, off {x.get('off_tcp4', 0) / 1e9:.3f} Gbit/s, "
          f"hardware-segmented packets on {hw_on:.0f}, off {x.get('gso_hw_off_tcp4', 0):.0f}")
    why = "" if hw_on else " (nothing was segmented by the hardware)"
    print(f"target: VXLAN TCP throughput, tunnel offloads on > 1.0x off: {r:.2f}x "
          f"{'met' if r > 1.0 and hw_on else 'missed'}{why}")
print()
print("pktgen, packets per second (netcx's in-driver path: pktgen skips validate_xmit_skb)")
for case, metrics in rows.items():
    for metric in ("pktgen64", "pktgen1500"):
        if metric in metrics:
            v = metrics[metric]
            base = rows.get("veth", {}).get(metric, 0)
            print(f"{case:14} {metric:11} {v:12.0f} pps  {ratio(v, base)} of veth")

def get(case, metric):
    return rows.get(case, {}).get(metric, 0)

def verdict(r, target):
    return "-" if not r else ("met" if r <= target else "missed")

print()
print("memory during one TCP stream (/proc/meminfo, kB: peak over idle of samples every 0.5 s)")
for case, metrics in rows.items():
    if "slab_peak_kb" in metrics:
        print(f"{case:14} Slab {metrics['slab_idle_kb']:8.0f} kB idle, "
              f"+{metrics['slab_peak_kb']:.0f} kB peak "
              f"(SUnreclaim +{metrics.get('sunreclaim_peak_kb', 0):.0f} kB); "
              f"MemFree -{metrics.get('memfree_drop_kb', 0):.0f} kB "
              "(iperf3 and packet data included)")

def med(d, metric):
    return d.get(metric + "_median", 0)

p = rows.get("perpkt", {})
if p:
    base, mbase = p.get("netif_skb_features", 0), med(p, "netif_skb_features")
    print()
    print(f"per packet, ns: a mix of {p.get('mix', 0):.0f} packets (TCP/UDP, IPv4/IPv6, "
          "options or not, GSO or not), all in hardware;")
    print(f"fastest and median of {p.get('rounds', 0):.0f} rounds of "
          f"{p.get('packets', 0):.0f} packets, the cases in turn")
    print(f"{'':58} {'ns':>6} {'/kernel':>8} {'median':>7} {'/kernel':>8}")
    for metric, label in (
        ("netif_skb_features", "kernel: netif_skb_features(), no ndo_features_check"),
        ("netif_skb_features_netcx", "kernel + netcx: netif_skb_features(), netcx's check"),
        ("netcx_features_check", "netcx_features_check()"),
        ("netcx_tx_prepare", "netcx_tx_prepare(), hardware path"),
        ("netcx_check_and_prepare", "netcx_features_check() + netcx_tx_prepare()"),
        ("netcx_pkt_walk", "  of which: netcx_pkt_walk(), the header walk"),
        ("netcx_active", "  of which: netcx_active(), one kinds lookup"),
        ("netcx_features_check_sw", "netcx_features_check(), every offload software"),
    ):
        if metric in p:
            print(f"{label:58} {p[metric]:6.1f} {ratio(p[metric], base):>8} "
                  f"{med(p, metric):7.1f} {ratio(med(p, metric), mbase):>8}")
    print(f"fallbacks in the measured loops: {p.get('fallbacks', 0):.0f}")
    r = p.get("netcx_features_check", 0) / base if base else 0
    r2 = p.get("netcx_check_and_prepare", 0) / base if base else 0
    print(f"target: netcx's decision <= 1.2x netif_skb_features(): "
          f"netcx_features_check() {r:.2f}x {verdict(r, 1.2)}; "
          f"with netcx_tx_prepare() {r2:.2f}x {verdict(r2, 1.2)}")

def fallback(d, metric, label, ref, clone):
    if metric not in d:
        return
    v, b, mv, mb = d[metric], d.get(ref, 0), med(d, metric), med(d, ref)
    print(f"{label:58} {v:6.0f} {ratio(v, b):>8} {ratio(v - clone, b - clone):>7} "
          f"{mv:7.0f} {ratio(mv, mb):>8}")

g = rows.get("seg64k", {})
c = rows.get("csum1500", {})
if g or c:
    print()
    print(f"software fallback, ns per packet: fastest and median of "
          f"{g.get('rounds', c.get('rounds', 0)):.0f} rounds, the cases in turn; "
          "each packet cloned, as TCP sends it, and freed")
    print(f"{'':58} {'ns':>6} {'/kernel':>8} {'-clone':>7} {'median':>7} {'/kernel':>8}")
if g:
    clone = g.get("clone", 0)
    print(f"64 KB TCP/IPv4 packet, {g.get('segments', 0):.0f} segments of 1448 bytes "
          f"({g.get('packets', 0):.0f} per round); the same bytes both ways: "
          f"{'yes' if g.get('same_bytes') else 'NO'}")
    print(f"{'  skb_clone() + free alone':58} {clone:6.0f}")
    fallback(g, "kernel", "  kernel: skb_gso_segment(), sums folded in (no csum bits)", "kernel", clone)
    fallback(g, "kernel_help", "  kernel: skb_gso_segment(), then skb_checksum_help() each", "kernel", clone)
    fallback(g, "netcx", "  netcx: netcx_tx_prepare(), LSO and checksum off", "kernel", clone)
    fallback(g, "kernel_hwcsum", "  kernel: skb_gso_segment(), checksum left to hardware", "kernel_hwcsum", clone)
    fallback(g, "netcx_hwcsum", "  netcx: netcx_tx_prepare(), LSO off, checksum on", "kernel_hwcsum", clone)
if c:
    clone = c.get("clone", 0)
    print(f"1500-byte TCP/IPv4 packet ({c.get('packets', 0):.0f} per round); "
          f"the same bytes both ways: {'yes' if c.get('same_bytes') else 'NO'}")
    print(f"{'  skb_clone() + free alone':58} {clone:6.0f}")
    fallback(c, "kernel", "  kernel: skb_checksum_help()", "kernel", clone)
    fallback(c, "netcx", "  netcx: netcx_tx_prepare(), checksum off", "kernel", clone)
if g:
    kern, help_ = g.get("kernel", 0), g.get("kernel_help", 0)
    r = g.get("netcx", 0) / kern if kern else 0
    rb = g.get("netcx", 0) / min(kern, help_) if kern and help_ else 0
    print(f"target: 64 KB fallback within 1.1x of the kernel's: {r:.2f}x {verdict(r, 1.1)} "
          f"(of the faster kernel path: {rb:.2f}x {verdict(rb, 1.1)})")

m = rows.get("memory", {})
if m:
    port = m.get("netdev_alloc", 0) + m.get("netcx_per_port", 0) + m.get("rings_per_port", 0)
    bufs = m.get("rx_buffer", 0) * m.get("rx_ring", 0)
    print()
    print(f"memory, bytes (sizes of this build's structs; {m.get('nr_cpu_ids', 0):.0f} possible CPU(s))")
    print(f"{'net_device + ncsim_port (netdev priv), one allocation':58} "
          f"{m.get('net_device', 0):.0f} + {m.get('ncsim_port', 0):.0f} = {m.get('netdev_alloc', 0):.0f} in slab")
    print(f"{'netcx_adapter + per-CPU counters x nr_cpu_ids':58} "
          f"{m.get('netcx_adapter', 0):.0f} ({m.get('netcx_adapter_slab', 0):.0f} in slab) + "
          f"{m.get('nr_cpu_ids', 0):.0f} x {m.get('netcx_pcpu_stats', 0):.0f} = {m.get('netcx_per_port', 0):.0f}")
    print(f"{'TX ring entry: ncsim_txd + skb pointer':58} "
          f"{m.get('ncsim_txd', 0):.0f} + {m.get('tx_ring_entry', 0) - m.get('ncsim_txd', 0):.0f}"
          f" = {m.get('tx_ring_entry', 0):.0f}")
    print(f"{'RX ring entry: ncsim_rxd + skb pointer':58} "
          f"{m.get('ncsim_rxd', 0):.0f} + {m.get('rx_ring_entry', 0) - m.get('ncsim_rxd', 0):.0f}"
          f" = {m.get('rx_ring_entry', 0):.0f}")
    print(f"{'rings, %.0f TX + %.0f RX entries' % (m.get('tx_ring', 0), m.get('rx_ring', 0)):58} "
          f"{m.get('rings_per_port', 0):.0f} in slab")
    print(f"{'per port, without buffers':58} {port:.0f}")
    print(f"{'posted RX buffers (truesize at MTU 1500 x entries)':58} "
          f"{m.get('rx_buffer', 0):.0f} x {m.get('rx_ring', 0):.0f} = {bufs:.0f}")
PY
if [ "$profile" = 1 ]; then
	python3 - "$out/prof" <<'PY'
import collections, glob, os, re, subprocess, sys

prof = sys.argv[1]
line = re.compile(r"^\s*(\d+)\s+(.*?)\s+\[(.)\]\s+(.*)$")
runs = collections.defaultdict(list)
# in the order the guest ran them: IDs end in its clock, in ns
for start in sorted(glob.glob(prof + "/start-*"),
                    key=lambda f: int(f.rsplit("-", 1)[1])):
    rid = start.rsplit("/start-", 1)[1]
    data, stop = f"{prof}/perf-{rid}.data", f"{prof}/stop-{rid}"
    if not os.path.exists(data) or not os.path.exists(stop):
        continue
    case, metric = open(start).read().split()
    gb = float(open(stop).read().strip() or 0) / 1e9
    if gb <= 0:
        continue
    rep = subprocess.run(["perf", "report", "-i", data, "--stdio", "-q",
                          "--no-children", "--sort", "dso,sym",
                          "-F", "sample,dso,sym"],
                         capture_output=True, text=True).stdout
    host = guest = 0
    syms = collections.Counter()
    for r in rep.splitlines():
        m = line.match(r)
        if not m:
            continue
        n, dso, sym = int(m.group(1)), m.group(2), m.group(4).strip()
        if dso == "[kernel.kallsyms]":
            host += n
            continue
        guest += n
        if dso.startswith("#") or dso == "[unknown]":
            sym = "(modules: ncsim, netcx)"
        syms[sym] += n
    runs[(case, metric)].append((gb, host, guest, syms))

def med(v):
    v = sorted(v)
    return v[(len(v) - 1) // 2] if v else 0

print()
print("profile: perf samples (999 Hz) per GB received in the TCP runs, the host")
print("process that runs the guest kernel; host = the host kernel's share (UML's")
print("system calls, ptrace, page faults), guest = the guest kernel and modules")
print(f"{'case':14} {'metric':7} {'runs':>4} {'host/GB':>8} {'guest/GB':>9}  guest's largest, per GB")
for (case, metric), v in runs.items():
    tot = collections.Counter()
    for gb, host, guest, syms in v:
        tot.update(syms)
    gbs = sum(x[0] for x in v)
    top = ", ".join(f"{s} {n / gbs:.0f}" for s, n in tot.most_common(4))
    print(f"{case:14} {metric:7} {len(v):4} {med([x[1] / x[0] for x in v]):8.0f} "
          f"{med([x[2] / x[0] for x in v]):9.0f}  {top}")
PY
fi
echo "bench: results in $out (bench.tsv, console.log, ethtool -S snapshots)"
[ "$only" = uml ] || "$NETCX_TOP/scripts/bench-e1000cx.sh"
