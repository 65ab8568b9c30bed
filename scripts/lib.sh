# SPDX-License-Identifier: GPL-2.0
# Shared settings for the netcx scripts: sourced, never run.
#
# NETCX_CACHE   where kernel sources and UML builds are kept (outside the clone)
# NETCX_SCRATCH where guests may write (inside the clone, ignored by git)

NETCX_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NETCX_HOME=${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}
NETCX_CACHE=${NETCX_CACHE:-${XDG_CACHE_HOME:-$NETCX_HOME/.cache}/netcx}
NETCX_SCRATCH=${NETCX_SCRATCH:-$NETCX_TOP/.scratch}
NETCX_JOBS=${NETCX_JOBS:-$(nproc)}

log() { printf '[netcx] %s\n' "$*" >&2; }
die() { printf '[netcx] error: %s\n' "$*" >&2; exit 1; }

# Debian package that provides the kernel source we test against.
NETCX_SRC_PKG=linux-source-6.12

# deb_headers 6.12|6.1: the newest installed Debian linux-headers package
# for that series (the one make check builds against), or nothing.
deb_headers() {
	local re
	case $1 in
	6.12) re='^linux-headers-6\.12\.[0-9]+\+deb12-amd64$' ;;
	6.1)  re='^linux-headers-6\.1\.0-[0-9]+-amd64$' ;;
	*)    die "unknown Debian kernel series $1 (6.12 or 6.1)" ;;
	esac
	dpkg-query -W -f='${Package} ${Status}\n' 'linux-headers-*' 2>/dev/null |
		awk '/install ok installed/ {print $1}' | { grep -E "$re" || true; } |
		sort -V | tail -n 1
}

# guest_verdict OUT TIMEOUT: exit as a guest run that logged to OUT ends
# (scripts/guest-run.sh, scripts/qemu-run.sh): 1 when the kernel reported a
# bug in console.log or dmesg.log (an oops, WARN, BUG, sanitizer or lockdep
# report, a hung task, a kmemleak leak) or the guest never said its status,
# else the guest script's status (its line NETCX-GUEST-RC=N).
guest_verdict() {
	local out=$1 timeout=$2 rc
	local splat='(BUG:|WARNING:|Oops|Kernel panic|KASAN|UBSAN|possible circular locking|inconsistent lock state|possible recursive locking|suspicious RCU usage|blocked for more than|unreferenced object)'

	if grep -Eq "$splat" "$out/console.log" "$out/dmesg.log" 2>/dev/null; then
		log "the kernel reported a bug:"
		grep -Eh -A3 "$splat" "$out/console.log" "$out/dmesg.log" 2>/dev/null | head -40 >&2
		exit 1
	fi
	rc=$(sed -n 's/^NETCX-GUEST-RC=\([0-9]*\).*/\1/p' "$out/console.log" | tail -n 1)
	if [ -z "$rc" ]; then
		log "the guest did not finish (timeout after ${timeout}s, or it died); see $out/console.log"
		exit 1
	fi
	[ "$rc" -eq 0 ] || log "guest script failed with status $rc; logs in $out"
	exit "$rc"
}
