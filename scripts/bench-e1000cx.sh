#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make bench's e1000cx part (scripts/bench.sh calls it; alone:
# NETCX_BENCH_ONLY=e1000cx make bench, or this script): one boot of
# Debian's 6.12 kernel in QEMU (scripts/qemu-run.sh, TCG, one vCPU) that
# runs scripts/guest/bench-e1000cx.sh, e1000cx against the in-tree e1000
# on the same two emulated 82540EMs, then the table: Gbit/s (medians of
# the rounds), e1000cx's ratio to e1000 (median of the rounds' ratios),
# the guest's CPU seconds per GB received, and two target lines, the
# throughput one and the lines of offload glue (scripts/offload-lines.py).
#
#   scripts/bench-e1000cx.sh
#
# NETCX_BENCH_E1000CX_ROUNDS (default 5) sets the rounds,
# NETCX_BENCH_E1000CX_SECONDS (default 3) the length of each run (TCP: after
# a second left out); with the defaults the part, boot included, took
# seven to ten minutes on two cores shared with other guests.
# NETCX_BENCH_E1000CX_SMP (default 1) gives the guest more vCPUs (TCG runs
# one host thread each; docs/benchmarks.md says why one).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

rounds=${NETCX_BENCH_E1000CX_ROUNDS:-5}
secs=${NETCX_BENCH_E1000CX_SECONDS:-3}
smp=${NETCX_BENCH_E1000CX_SMP:-1}
case $rounds$secs$smp in
*[!0-9]*) die "NETCX_BENCH_E1000CX_ROUNDS, _SECONDS and _SMP must be whole numbers" ;;
esac
[ "$rounds" -ge 1 ] && [ "$secs" -ge 1 ] && [ "$secs" -le 60 ] ||
	die "NETCX_BENCH_E1000CX_ROUNDS must be at least 1, _SECONDS 1 to 60"

build=$("$NETCX_TOP/scripts/qemu-modules.sh" 6.12)
src=$("$NETCX_TOP/scripts/kernel-src.sh")
out=$NETCX_SCRATCH/guest/bench-e1000cx-$(date +%Y%m%d-%H%M%S)-$$
mkdir -p "$out"

# The boot, about a minute under TCG; then per round and driver a rebind
# and link-up, pings and a stream not counted (about 15 s on a busy host),
# two TCP runs (SECONDS + 1 left out + about 3 s each) and a UDP run;
# then the lso_ipv6=1 run.
timeout=$((300 + rounds * 2 * (3 * secs + 35) + secs + 60))

# The host's share: how much of a host core the QEMU process of this boot
# got (its utime + stime over the wall time), sampled every 5 s; TCG's
# guest clock runs on while QEMU waits for a core, so the guest's figures
# move with it.
hostshare() {
	local pid='' t
	while [ ! -e "$out/qemu-done" ]; do
		[ -n "$pid" ] && [ -e "/proc/$pid" ] ||
			pid=$(pgrep -n -f "^qemu-system-x86_64 .*path=$out," || true)
		t=$(date +%s.%N)
		[ -n "$pid" ] && awk -v t="$t" '{ print t, $14 + $15 }' "/proc/$pid/stat" \
			>> "$out/host-share.txt" 2>/dev/null
		sleep 5
	done
}
load0=$(cut -d' ' -f1-3 /proc/loadavg)
hostshare &
share_pid=$!
status=0
"$NETCX_TOP/scripts/qemu-run.sh" --kernel 6.12 --timeout "$timeout" --mem 1G --smp "$smp" \
	--out "$out" "$NETCX_TOP/scripts/guest/bench-e1000cx.sh" "$build" \
	"$rounds" "$secs" || status=$?
touch "$out/qemu-done"
wait "$share_pid" || true
[ $status -eq 0 ] || exit $status

python3 - "$out/bench.tsv" "$out/runs.txt" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    fields = line.rstrip("\n").split("\t")
    if len(fields) == 3:
        case, metric, value = fields
        rows.setdefault(case, {})[metric] = float(value or 0)

def get(case, metric):
    return rows.get(case, {}).get(metric, 0)

r = rows.get("ratio", {})
print()
print(f"e1000cx against the in-tree e1000, QEMU 82540EM pair, Debian 6.12 under TCG, "
      f"{get('guest', 'cpus'):.0f} vCPU;")
print(f"{get('rounds', 'n'):.0f} rounds, both drivers in each, which goes first alternating; "
      "Gbit/s and CPU s/GB are medians of the runs,")
print("ratios medians of the rounds' ratios (their range after them); CPU = the guest's")
print("busy time (/proc/stat) per GB the receiving NIC took in, in the middle of each run,")
print("busy = its share of the time; empty = runs with nothing received in that window")
# each round's ratio, from the runs: "round driver metric bit/s cpu busy"
runs = {}
for line in open(sys.argv[2]):
    f = line.split()
    if len(f) == 6:
        runs[(f[0], f[1], f[2])] = float(f[3])
def spread(m):
    v = sorted(runs[(k, "e1000cx", m)] / runs[(k, "e1000", m)]
               for (k, d, mm) in runs if d == "e1000" and mm == m
               and runs[(k, d, mm)] > 0 and (k, "e1000cx", m) in runs)
    return f"{v[0]:.2f}-{v[-1]:.2f}" if v else "-"
print(f"{'metric':7} {'e1000':>8} {'e1000cx':>8} {'ratio':>6} {'range':>10}  "
      f"{'CPU s/GB e1000':>14} {'e1000cx':>8} {'ratio':>6}  {'busy':>9}  {'empty':>5}")
for m in ("tcp4", "tcp6", "udp4"):
    if m not in r:
        continue
    print(f"{m:7} {get('e1000', m) / 1e9:8.3f} {get('e1000cx', m) / 1e9:8.3f} "
          f"{r[m]:5.2f}x {spread(m):>10}  {get('e1000', 'cpu_' + m):14.1f} "
          f"{get('e1000cx', 'cpu_' + m):8.1f} {r.get('cpu_' + m, 0):5.2f}x  "
          f"{get('e1000', 'busy_' + m):4.2f} {get('e1000cx', 'busy_' + m):4.2f}  "
          f"{get('e1000', 'empty_' + m):.0f} {get('e1000cx', 'empty_' + m):.0f}")
d = rows.get("e1000cx-lso6", {})
if d:
    print(f"e1000cx lso_ipv6=1 (IPv6 TSO by QEMU's model), one run: tcp6 "
          f"{d.get('tcp6', 0) / 1e9:.3f} Gbit/s, tx_lso_hw +{d.get('tx_lso_hw', 0):.0f}, "
          f"the receiver's Ip6InTruncatedPkts +{d.get('ip6_truncated', 0):.0f}")
for m, op, rel in (("tcp4", ">=", lambda x: x >= 1.0), ("tcp6", ">", lambda x: x > 1.0)):
    if m in r:
        print(f"target: e1000cx {m} {op} 1.0x e1000 (same boot, same devices): "
              f"{r[m]:.2f}x {'met' if rel(r[m]) else 'missed'}")
PY
awk -v hz="$(getconf CLK_TCK)" -v l0="$load0" -v l1="$(cut -d' ' -f1-3 /proc/loadavg)" '
	NR == 1 { t0 = $1; c0 = $2 } { t = $1; c = $2 }
	END { if (t > t0) printf "host: QEMU had %.0f%% of a host core over the boot " \
		"(load average %s before, %s after): the host is shared\n",
		100 * (c - c0) / hz / (t - t0), l0, l1 }' "$out/host-share.txt" 2>/dev/null || true
python3 "$NETCX_TOP/scripts/offload-lines.py" --target "$NETCX_TOP" "$src"
echo "bench: e1000cx results in $out (bench.tsv, runs.txt, console.log)"
