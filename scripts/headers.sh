#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Print the kernel trees "make check" builds against, one "NAME DIR [ARGS]"
# line each: the UML test kernel, and the newest installed Debian
# linux-headers-6.12.*-amd64 and linux-headers-6.1.*-amd64. Installs what is
# missing first.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

"$NETCX_TOP/scripts/deps.sh" check

echo "uml $("$NETCX_TOP/scripts/uml-build.sh" test) ARCH=um"
for series in 6.12 6.1; do
	pkg=$(deb_headers "$series")
	[ -n "$pkg" ] || die "no installed linux-headers package for Debian's $series"
	ver=${pkg#linux-headers-}
	dir=/usr/src/$pkg
	[ -f "$dir/Makefile" ] || die "$pkg is installed but $dir has no Makefile"
	echo "$ver $dir"
done
