#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Fetch (or reuse) the Debian kernel a QEMU guest boots and print its folder.
#
#   scripts/qemu-kernel.sh 6.12|6.1
#
# The release is exactly the one whose headers scripts/headers.sh (make
# check) builds against: linux-headers-R (6.12.N+deb12-amd64 or
# 6.1.0-N-amd64) gives linux-image-R-unsigned of the same package version
# (linux-image-R when no unsigned build exists). The package is fetched with
# "apt-get download" and unpacked with "dpkg-deb -x": nothing is installed
# on the host, no initramfs or boot loader hook runs.
#
# The folder, $NETCX_CACHE/qemu/<release>, holds:
#   vmlinuz                  the kernel image
#   root/lib/modules/<rel>   its modules, with modules.dep made by depmod
#   initramfs.cpio           busybox (Debian's busybox-static), the modules
#                            that mount a 9p root (virtio, 9p, netfs and what
#                            modules.dep says they need, decompressed) and
#                            scripts/qemu/initramfs-init as /init
#   release                  the release string (uname -r in the guest)
# The unpacked package is kept per release; the initramfs is made again when
# this script or scripts/qemu/initramfs-init change (their hash is in
# initramfs.hash).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ $# -eq 1 ] || die "usage: $0 6.12|6.1"
series=$1
case $series in
6.12|6.1) ;;
*) die "usage: $0 6.12|6.1" ;;
esac
# deps.sh is slow on a busy machine (a dpkg-query a package): only when the
# headers are missing or something is to be made below.
hdr=$(deb_headers "$series")
if [ -z "$hdr" ]; then
	"$NETCX_TOP/scripts/deps.sh" check
	hdr=$(deb_headers "$series")
fi
[ -n "$hdr" ] || die "no linux-headers package installed for Debian's $series"
rel=${hdr#linux-headers-}

out=$NETCX_CACHE/qemu/$rel
mkdir -p "$NETCX_CACHE/qemu"
# One caller at a time per release: a second one waits for the first.
exec 9>"$out.lock"
flock 9
mkdir -p "$out"

hash=$(cat "$NETCX_TOP/scripts/qemu-kernel.sh" "$NETCX_TOP/scripts/qemu/initramfs-init" |
       sha256sum | cut -c1-12)
if [ -f "$out/.unpacked" ] && [ -f "$out/initramfs.cpio" ] &&
   [ "$(cat "$out/initramfs.hash" 2>/dev/null)" = "$hash" ]; then
	echo "$out"
	exit 0
fi
"$NETCX_TOP/scripts/deps.sh" qemu

if [ ! -f "$out/.unpacked" ]; then
	rm -rf "$out/root" "$out/deb"
	mkdir -p "$out/deb" "$out/root"
	ver=$(dpkg-query -W -f='${Version}' "$hdr")
	pkg=
	for p in "linux-image-$rel-unsigned" "linux-image-$rel"; do
		if apt-cache show "$p=$ver" >/dev/null 2>&1; then
			pkg=$p
			break
		fi
	done
	[ -n "$pkg" ] || die "apt knows no linux-image-$rel(-unsigned) $ver"
	log "fetching $pkg $ver into $out"
	(cd "$out/deb" && apt-get download -qq "$pkg=$ver" >&2)
	dpkg-deb -x "$out"/deb/*.deb "$out/root"
	# usrmerge: the modules may be shipped under usr/lib/modules
	mods=$out/root/lib/modules/$rel
	[ -d "$mods" ] || mods=$out/root/usr/lib/modules/$rel
	[ -d "$mods" ] || die "$pkg has no modules folder for $rel"
	if [ "$mods" != "$out/root/lib/modules/$rel" ]; then
		mkdir -p "$out/root/lib/modules"
		mv "$mods" "$out/root/lib/modules/$rel"
	fi
	depmod -b "$out/root" "$rel"
	cp "$out/root/boot/vmlinuz-$rel" "$out/vmlinuz"
	echo "$rel" > "$out/release"
	rm -rf "$out/deb"
	touch "$out/.unpacked"
fi

if [ -f "$out/initramfs.cpio" ] && [ "$(cat "$out/initramfs.hash" 2>/dev/null)" = "$hash" ]; then
	echo "$out"
	exit 0
fi

log "making the initramfs for $rel"
mods=$out/root/lib/modules/$rel
ird=$out/initramfs.d
rm -rf "$ird"
mkdir -p "$ird"/{bin,dev,proc,sys,newroot,lib/modules}
cp /bin/busybox "$ird/bin/busybox"
for app in sh mount umount insmod switch_root mkdir cat echo sleep poweroff; do
	ln -s busybox "$ird/bin/$app"
done
install -m 755 "$NETCX_TOP/scripts/qemu/initramfs-init" "$ird/init"

# The modules the root mount needs, dependencies first (from modules.dep);
# those built into the kernel (modules.builtin) need nothing.
declare -A seen=()
order=()
add_module() {	# NAME: add NAME's module file after its dependencies
	local name=$1 line path dep
	name=${name//-/_}
	[ -n "${seen[$name]:-}" ] && return 0
	seen[$name]=1
	line=$(awk -v n="$name" '{
		f = $1; sub(":$", "", f); b = f; sub(".*/", "", b)
		sub("\\.ko(\\.(xz|zst|gz))?$", "", b); gsub("-", "_", b)
		if (b == n) { print; exit }
	}' "$mods/modules.dep")
	if [ -z "$line" ]; then
		grep -Eq "/${name//_/[_-]}\.ko$" "$mods/modules.builtin" ||
			die "$rel: no module $name, neither loadable nor built in"
		return 0
	fi
	path=${line%%:*}
	for dep in ${line#*:}; do
		dep=${dep##*/}
		add_module "${dep%%.ko*}"
	done
	order+=("$path")
}
for m in virtio virtio_ring virtio_pci 9pnet 9pnet_virtio netfs 9p; do
	if grep -Eq "^[^:]*/${m//_/[_-]}\.ko[.a-z]*:" "$mods/modules.dep" ||
	   grep -Eq "/${m//_/[_-]}\.ko$" "$mods/modules.builtin"; then
		add_module "$m"
	fi
done
: > "$ird/modules"
for path in "${order[@]}"; do
	base=${path##*/}
	case $base in
	*.ko.xz)  xz -dc "$mods/$path" > "$ird/lib/modules/${base%.xz}" ;;
	*.ko.zst) zstd -qdc "$mods/$path" > "$ird/lib/modules/${base%.zst}" ;;
	*.ko.gz)  gzip -dc "$mods/$path" > "$ird/lib/modules/${base%.gz}" ;;
	*.ko)     cp "$mods/$path" "$ird/lib/modules/$base" ;;
	esac
	echo "${base%.ko*}.ko" >> "$ird/modules"
done
log "initramfs modules: $(tr '\n' ' ' < "$ird/modules")"
(cd "$ird" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) > "$out/initramfs.cpio.new"
mv "$out/initramfs.cpio.new" "$out/initramfs.cpio"
rm -rf "$ird"
echo "$hash" > "$out/initramfs.hash"
echo "$out"
