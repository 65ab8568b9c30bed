#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Build (or reuse) a UML kernel and print its build directory.
#
#   scripts/uml-build.sh [test|bench]
#
# "test" is the debug kernel (KASAN, UBSAN, kmemleak, lockdep, DEBUG_NET);
# "bench" leaves the debug options out. The build lives in
# $NETCX_CACHE/uml/<source version>-<kind>-<config hash> and is reused as long
# as the source version and the config fragments are unchanged.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

kind=${1:-test}
case $kind in
test)  frags=(common.config debug.config) ;;
bench) frags=(common.config bench.config) ;;
*)     die "usage: $0 [test|bench]" ;;
esac

src=$("$NETCX_TOP/scripts/kernel-src.sh")
ver=$(basename "$src")
paths=()
for f in "${frags[@]}"; do
	[ -f "$NETCX_TOP/scripts/uml/$f" ] || die "missing config fragment scripts/uml/$f"
	paths+=("$NETCX_TOP/scripts/uml/$f")
done
hash=$(cat "${paths[@]}" | sha256sum | cut -c1-12)
out=$NETCX_CACHE/uml/$ver-$kind-$hash

mkdir -p "$NETCX_CACHE/uml"
# One build at a time per kernel: a second caller waits for the first.
exec 9>"$out.lock"
flock 9
if [ -f "$out/.built" ]; then
	echo "$out"
	exit 0
fi

log "building the $kind UML kernel in $out (a few minutes on first use)"
start=$(date +%s)
mkdir -p "$out"
# Kconfig defaults plus the fragments (as kunit.py does): a small kernel
# that builds in a few minutes, unlike the full UML defconfig.
cat "${paths[@]}" > "$out/fragments.config"
make -s -C "$src" ARCH=um O="$out" KCONFIG_ALLCONFIG="$out/fragments.config" \
	alldefconfig >&2

# Every option the fragments ask for must have survived olddefconfig.
bad=0
while IFS= read -r line; do
	case $line in
	CONFIG_*=n) opt=${line%%=*}
		    grep -q "^$opt=" "$out/.config" && { log "kconfig dropped: $line"; bad=1; } ;;
	CONFIG_*)   grep -qx "$line" "$out/.config" || { log "kconfig dropped: $line"; bad=1; } ;;
	esac
done < <(cat "${paths[@]}")
[ $bad -eq 0 ] || die "the config fragment does not apply to $ver"

make -s -C "$src" ARCH=um O="$out" -j"$NETCX_JOBS" >&2
touch "$out/.built"
log "UML $kind kernel built in $(( $(date +%s) - start ))s"
echo "$out"
