#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make bench's per-packet figures alone, in a minute instead of fifteen:
# bench/netcx_bench.ko loaded in one boot of the UML bench kernel. With a
# revision, that revision's modules and this tree's take turns in the same
# boot, round after round, so that a change's before and after compare
# (the host's speed moves between boots, and even between rounds).
#
#   scripts/bench-perpkt.sh [REV]
#
# NETCX_BENCH_PERPKT_ROUNDS (default 3) sets the loads of each. The table
# gives, per round and module set, the fastest ns of netif_skb_features(),
# netcx_features_check() and netcx_tx_prepare() and their ratios, and of
# the software checksum of a 1500-byte packet against the kernel's; then
# the medians of the rounds' ratios, the 64 KB software segmentation's
# among them.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

rev=${1:-}
rounds=${NETCX_BENCH_PERPKT_ROUNDS:-3}
case $rounds in
''|*[!0-9]*) die "NETCX_BENCH_PERPKT_ROUNDS must be a whole number" ;;
esac
[ "$rounds" -ge 1 ] && [ "$rounds" -le 50 ] ||
	die "NETCX_BENCH_PERPKT_ROUNDS must be 1 to 50"

uml=$("$NETCX_TOP/scripts/uml-build.sh" bench)
sets=("this=$("$NETCX_TOP/scripts/build.sh" bench "$uml" ARCH=um)")
if [ -n "$rev" ]; then
	sha=$(git -C "$NETCX_TOP" rev-parse --verify -q "$rev^{commit}") ||
		die "no revision $rev in $NETCX_TOP"
	# the revision's tree, built with its own scripts, in the scratch folder
	old=$NETCX_SCRATCH/perpkt/${sha:0:12}
	if [ ! -d "$old" ]; then
		mkdir -p "$old"
		git -C "$NETCX_TOP" archive "$sha" | tar -x -C "$old"
	fi
	# (not a git checkout: its build.sh copies what find lists)
	sets=("${rev//[^A-Za-z0-9._-]/_}=$(NETCX_SCRATCH=$old/.scratch \
		GIT_CEILING_DIRECTORIES=$(dirname "$old") \
		"$old/scripts/build.sh" bench "$uml" ARCH=um)" "${sets[@]}")
fi

out=$NETCX_SCRATCH/guest/perpkt-$(date +%Y%m%d-%H%M%S)-$$
"$NETCX_TOP/scripts/guest-run.sh" --kernel bench --timeout 600 --mem 2G \
	--out "$out" "$NETCX_TOP/scripts/guest/bench-perpkt.sh" "$rounds" "${sets[@]}"
[ -s "$out/perpkt.tsv" ] || die "no figures: see $out"

python3 - "$out/perpkt.tsv" <<'PY'
import collections, statistics, sys
runs = collections.OrderedDict()
for line in open(sys.argv[1]):
    label, rnd, case, metric, value = line.rstrip('\n').split('\t')
    runs.setdefault((label, rnd), {})[case + '.' + metric] = float(value)
ratios = collections.OrderedDict()
print('%-12s %5s %7s %8s %6s %8s %6s %8s %6s' % ('modules', 'round', 'nsf ns',
      'check ns', '/nsf', 'prep ns', '/nsf', 'sw 1500', '/kern'))
for (label, rnd), m in runs.items():
    nsf = m['perpkt.netif_skb_features']
    fc, prep = m['perpkt.netcx_features_check'], m['perpkt.netcx_tx_prepare']
    both = m['perpkt.netcx_check_and_prepare']
    sw, kern = m['csum1500.netcx'], m['csum1500.kernel']
    seg, kseg = m['seg64k.netcx'], m['seg64k.kernel']
    ratios.setdefault(label, []).append((fc / nsf, prep / nsf, both / nsf,
                                         sw / kern, seg / kseg))
    print('%-12s %5s %7.1f %8.1f %5.2fx %8.1f %5.2fx %8.0f %5.2fx' %
          (label, rnd, nsf, fc, fc / nsf, prep, prep / nsf, sw, sw / kern))
for label, rs in ratios.items():
    med = [statistics.median(r[i] for r in rs) for i in range(5)]
    print('%s: medians of %d rounds: netcx_features_check() %.2fx, '
          'netcx_tx_prepare() %.2fx, both %.2fx of netif_skb_features(); '
          'software checksum of 1500 bytes %.2fx, 64 KB segmented %.2fx '
          'of the kernel\'s' % (label, len(rs), *med))
PY
