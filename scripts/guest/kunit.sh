#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Guest side of "make kunit": load netcx and every KUnit suite module built
# in $1, collect each suite's KTAP from debugfs into $NETCX_OUT/ktap, then
# unload everything again.
set -u
build=$1
rc=0
ktap=$NETCX_OUT/ktap
suites=()
loaded=()

insmod "$build/netcx.ko" || exit 1
# the ncsim hardware model suites call the model in ncsim.ko
insmod "$build/ncsim.ko" || exit 1
# the suites this build made (modules.order), not a stale .ko an earlier
# build of a renamed or removed suite left in the folder
for mod in $(sed -n 's#^.*/\(kunit/[^/]*\)\.k\?o$#\1.ko#p' "$build/modules.order"); do
	mod=$build/$mod
	[ -e "$mod" ] || continue
	name=$(basename "$mod" .ko)
	if ! insmod "$mod"; then
		echo "kunit: insmod $name failed"
		rc=1
		continue
	fi
	loaded+=("$name")
done

for dir in /sys/kernel/debug/kunit/*/; do
	[ -f "$dir/results" ] && suites+=("$dir/results")
done
# Each results file is a whole KTAP document for one suite: keep the
# suite's lines and renumber its top-level result into one document.
{
	echo "KTAP version 1"
	echo "1..${#suites[@]}"
	n=0
	for r in "${suites[@]}"; do
		n=$((n + 1))
		sed -E -e '/^(KTAP version|1\.\.)/d' \
		       -e "s/^(not ok|ok) [0-9]+ /\\1 $n /" "$r"
	done
} > "$ktap"

for ((i = ${#loaded[@]} - 1; i >= 0; i--)); do
	rmmod "${loaded[$i]}" || rc=1
done
rmmod ncsim || rc=1
rmmod netcx || rc=1
exit $rc
