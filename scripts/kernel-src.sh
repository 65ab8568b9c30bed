#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Print the directory of the unpacked linux-source-6.12 tree, unpacking
# Debian's tarball into $NETCX_CACHE/src/<version> on first use.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

"$NETCX_TOP/scripts/deps.sh" build

ver=$(dpkg-query -W -f='${Version}' "$NETCX_SRC_PKG")
tarball=/usr/src/$NETCX_SRC_PKG.tar.xz
[ -f "$tarball" ] || die "$tarball not found; reinstall $NETCX_SRC_PKG"

dir=$NETCX_CACHE/src/$ver
if [ ! -f "$dir/.unpacked" ]; then
	log "unpacking $tarball into $dir"
	rm -rf "$dir.tmp"
	mkdir -p "$dir.tmp"
	tar -xf "$tarball" -C "$dir.tmp" --strip-components=1
	rm -rf "$dir"
	mv "$dir.tmp" "$dir"
	touch "$dir/.unpacked"
fi
echo "$dir"
