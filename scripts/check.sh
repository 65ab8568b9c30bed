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
set -uo pipefail
. "$(dirname "$0")/lib.sh"

src=$("$NETCX_TOP/scripts/kernel-src.sh") || exit 1
trees=$("$NETCX_TOP/scripts/headers.sh") || exit 1
logdir=$NETCX_SCRATCH/check
mkdir -p "$logdir"
cd "$NETCX_TOP" || exit 1

pass=0 fail=0
result() {	# NAME LOG: ok when LOG is empty
	if [ -s "$2" ]; then
		echo "check: $1 FAILED"
		sed 's/^/  /' "$2" | head -50
		fail=$((fail + 1))
	else
		echo "check: $1 ok"
		pass=$((pass + 1))
	fi
}

files=$(git ls-files -co --exclude-standard -- 'src/*.[ch]' 'include/*.h' 'kunit/*.[ch]' 'bench/*.[ch]')

while read -r name kdir args; do
	log=$logdir/build-$name.log
	dst=$NETCX_SCRATCH/build/check-$name
	# A clean build each time, so every warning is seen again.
	[ -d "$dst" ] && make -s -C "$kdir" M="$dst" $args clean >/dev/null 2>&1
	# shellcheck disable=SC2086
	if ! "$NETCX_TOP/scripts/build.sh" "check-$name" "$kdir" $args W=1 C=2 \
		>/dev/null 2>"$log.raw"; then
		echo "the build failed" >> "$log.raw"
	fi
	# Kernel headers outside our tree are not ours to fix: keep our files.
	grep -E "(warning|error)|$dst" "$log.raw" | grep -v -e '^make' -e 'Skipping BTF generation' > "$log" || true
	result "build+sparse $name (W=1 C=2)" "$log"
done <<< "$trees"

log=$logdir/checkpatch.log
# shellcheck disable=SC2086
perl "$src/scripts/checkpatch.pl" --strict --no-tree --terse --show-types \
	--ignore FILE_PATH_CHANGES,SPDX_LICENSE_TAG -f $files 2>&1 |
	grep -v '^total:' | grep -v 'has no obvious style problems' > "$log"
# SPDX tags are checked here, since --no-tree cannot find LICENSES/.
for f in $files; do
	head -n 2 "$f" | grep -q 'SPDX-License-Identifier: GPL-2.0' ||
		echo "$f: no SPDX-License-Identifier: GPL-2.0 line" >> "$log"
done
result "checkpatch --strict" "$log"

log=$logdir/kernel-doc.log
# shellcheck disable=SC2086
perl "$src/scripts/kernel-doc" -none -Wall $files > "$log" 2>&1
# Every exported symbol needs a kernel-doc comment of its own.
for sym in $(grep -ho 'EXPORT_SYMBOL[A-Z_]*(\s*[a-z0-9_]*' $files | sed 's/.*(\s*//'); do
	grep -qE "^ \* (struct |enum )?$sym(\(\))?( -|:)" $files ||
		echo "$sym: exported without a kernel-doc comment" >> "$log"
done
result "kernel-doc" "$log"

echo "check: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
