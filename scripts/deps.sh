#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Install the Debian packages netcx needs, only when something is missing.
#
#   scripts/deps.sh build    kernel source and the tools to build UML and modules
#   scripts/deps.sh check    + sparse and the distro header packages for make check
#   scripts/deps.sh guest    + the user-space tools the guest scripts use
#   scripts/deps.sh qemu     QEMU and what scripts/qemu-kernel.sh needs to
#                            unpack Debian's kernels and make an initramfs
#   scripts/deps.sh all      everything above
#   scripts/deps.sh profile  perf, for NETCX_BENCH_PROFILE=1 make bench
#
# The distro headers are chosen as the newest linux-headers-6.12.*-amd64 and
# linux-headers-6.1.*-amd64 that apt knows about; scripts/headers.sh prints
# the directories they install.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

build_pkgs=(gcc make bc flex bison libelf-dev libssl-dev xz-utils perl python3
	    kmod "$NETCX_SRC_PKG")
check_pkgs=(sparse)
guest_pkgs=(iproute2 iputils-ping ethtool procps iperf3 socat python3-yaml)
qemu_pkgs=(qemu-system-x86 busybox-static cpio xz-utils zstd kmod)

missing=()
want() {
	local p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
			grep -q 'install ok installed' || missing+=("$p")
	done
}

apt_updated=
apt_update() {
	[ -n "$apt_updated" ] && return
	log "apt-get update"
	apt-get update -qq >&2
	apt_updated=1
}

# newest_headers REGEX: newest package name matching REGEX, installed or not.
newest_headers() {
	local re=$1 have
	have=$(dpkg-query -W -f='${Package}\n' 'linux-headers-*' 2>/dev/null |
	       grep -E "$re" | sort -V | tail -n 1 || true)
	if [ -n "$have" ]; then
		echo "$have"
		return
	fi
	apt_update
	apt-cache search --names-only "$re" | awk '{print $1}' | sort -V | tail -n 1
}

what=${1:-all}
case $what in
build) want "${build_pkgs[@]}" ;;
check) want "${build_pkgs[@]}" "${check_pkgs[@]}" ;;
guest) want "${guest_pkgs[@]}" ;;
qemu)  want "${qemu_pkgs[@]}" ;;
profile) want linux-perf ;;
all)   want "${build_pkgs[@]}" "${check_pkgs[@]}" "${guest_pkgs[@]}" \
	    "${qemu_pkgs[@]}" ;;
*)     die "usage: $0 build|check|guest|qemu|all|profile" ;;
esac

if [ "$what" = check ] || [ "$what" = all ]; then
	for re in '^linux-headers-6\.12\.[0-9]+\+deb12-amd64$' \
		  '^linux-headers-6\.1\.0-[0-9]+-amd64$'; do
		pkg=$(newest_headers "$re")
		[ -n "$pkg" ] || die "no package matches $re; is bookworm-security in sources.list?"
		want "$pkg"
	done
fi

[ ${#missing[@]} -eq 0 ] && exit 0
[ "$(id -u)" -eq 0 ] || die "missing packages: ${missing[*]} (run as root, or install them)"
apt_update
log "installing: ${missing[*]}"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	"${missing[@]}" >&2
