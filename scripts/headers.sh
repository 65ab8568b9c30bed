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
for re in '^linux-headers-6\.12\.[0-9]+\+deb12-amd64$' '^linux-headers-6\.1\.0-[0-9]+-amd64$'; do
	pkg=$(dpkg-query -W -f='${Package} ${Status}\n' 'linux-headers-*' |
	      awk '/install ok installed/ {print $1}' | grep -E "$re" | sort -V | tail -n 1)
	[ -n "$pkg" ] || die "no installed package matches $re"
	ver=${pkg#linux-headers-}
	dir=/usr/src/$pkg
	[ -f "$dir/Makefile" ] || die "$pkg is installed but $dir has no Makefile"
	echo "$ver $dir"
done
