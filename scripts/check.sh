#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make check: the project's static bars, each one a line "check: NAME ok" or
# "check: NAME FAILED", then "check: N passed, N failed".
#
#   - a W=1 build with sparse (C=2) and zero warnings against every tree that
#     scripts/headers.sh names (UML test kernel, Debian 6.12 and 6.1 headers)
#   - scripts/checkpatch.pl --strict from the kernel source, zero warnings
#   - scripts/kernel-doc -Wall on every source file, and kernel-doc present
#     for every exported symbol
#
# Each bar is a job of one pool (scripts/pool.sh), NETCX_JOBS at once, each
# build with its share of NETCX_JOBS as make -j; the lines come in the order
# below whatever finishes first. A bar's findings: .scratch/check/*.log.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
. "$NETCX_TOP/scripts/pool.sh"

src=$("$NETCX_TOP/scripts/kernel-src.sh") || exit 1
trees=$("$NETCX_TOP/scripts/headers.sh") || exit 1
logdir=$NETCX_SCRATCH/check
mkdir -p "$logdir"
cd "$NETCX_TOP" || exit 1

pass=0 fail=0
result() {	# I: the pool's job I passed when its log (its findings) is empty
	local label=${POOL_LABEL[$1]} log=${POOL_LOG[$1]}
	[ "${POOL_RC[$1]}" -eq 0 ] || echo "the check itself failed (status ${POOL_RC[$1]})" >> "$log"
	if [ -s "$log" ]; then
		echo "check: $label FAILED"
		sed 's/^/  /' "$log" | head -50
		fail=$((fail + 1))
	else
		echo "check: $label ok"
		pass=$((pass + 1))
	fi
}

files=$(git ls-files -co --exclude-standard -- 'src/*.[ch]' 'include/*.h' 'testing/*.h' 'kunit/*.[ch]' 'bench/*.[ch]')

build() {	# NAME KDIR [ARGS...]: a clean W=1 C=2 build; prints our warnings
	local name=$1 kdir=$2 raw=$logdir/build-$1.log.raw dst=$NETCX_SCRATCH/build/check-$1
	shift 2
	# A clean build each time, so every warning is seen again.
	[ -d "$dst" ] && make -s -C "$kdir" M="$dst" "$@" clean >/dev/null 2>&1
	if ! NETCX_JOBS=$each "$NETCX_TOP/scripts/build.sh" "check-$name" "$kdir" "$@" W=1 C=2 \
		>/dev/null 2>"$raw"; then
		echo "the build failed" >> "$raw"
	fi
	# Kernel headers outside our tree are not ours to fix: keep our files.
	grep -E "(warning|error)|$dst" "$raw" | grep -v -e '^make' -e 'Skipping BTF generation' || true
}

checkpatch() {
	# shellcheck disable=SC2086
	perl "$src/scripts/checkpatch.pl" --strict --no-tree --terse --show-types \
		--ignore FILE_PATH_CHANGES,SPDX_LICENSE_TAG -f $files 2>&1 |
		grep -v '^total:' | grep -v 'has no obvious style problems'
	# SPDX tags are checked here, since --no-tree cannot find LICENSES/.
	for f in $files; do
		head -n 2 "$f" | grep -q 'SPDX-License-Identifier: GPL-2.0' ||
			echo "$f: no SPDX-License-Identifier: GPL-2.0 line"
	done
	return 0
}

kerneldoc() {
	local sym
	# shellcheck disable=SC2086
	perl "$src/scripts/kernel-doc" -none -Wall $files 2>&1
	# Every exported symbol needs a kernel-doc comment of its own.
	# shellcheck disable=SC2013,SC2086
	for sym in $(grep -ho 'EXPORT_SYMBOL[A-Z_]*(\s*[a-z0-9_]*' $files | sed 's/.*(\s*//'); do
		grep -qE "^ \* (struct |enum )?$sym(\(\))?( -|:)" $files ||
			echo "$sym: exported without a kernel-doc comment"
	done
	return 0
}

while read -r name kdir args; do
	# shellcheck disable=SC2086
	pool_add "build+sparse $name (W=1 C=2)" "$logdir/build-$name.log" 60 100 \
		build "$name" "$kdir" $args
done <<< "$trees"
pool_add "checkpatch --strict" "$logdir/checkpatch.log" 30 100 checkpatch
pool_add kernel-doc "$logdir/kernel-doc.log" 10 100 kerneldoc
each=$(pool_each_jobs "$NETCX_JOBS")
POOL_SHOW=result pool_run "$NETCX_JOBS"

echo "check: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
