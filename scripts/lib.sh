# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
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

# uml_modules test|bench: the UML kernel of that kind (built once, then
# cached) and the modules built against it (scripts/build.sh, in
# $NETCX_SCRATCH/build/uml or .../bench); prints the modules' folder.
uml_modules() {
	local uml
	case $1 in
	test|bench) ;;
	*) die "uml_modules: test or bench, not $1" ;;
	esac
	uml=$("$NETCX_TOP/scripts/uml-build.sh" "$1") || return
	"$NETCX_TOP/scripts/build.sh" "${1/test/uml}" "$uml" ARCH=um
}

# closing_line NAME FILE: the last closing line "NAME: N passed, N failed"
# of FILE (NAME an extended regex; carriage returns dropped). Sets
# CLOSING_PASS and CLOSING_FAIL from it and returns 0; without one, sets
# them to 0 and 1 and returns 1.
closing_line() {
	local line
	line=$(tr -d '\r' < "$2" 2>/dev/null |
	       grep -E "^$1: [0-9]+ passed, [0-9]+ failed" | tail -n 1 || true)
	CLOSING_PASS=0 CLOSING_FAIL=1
	[[ $line =~ :\ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]] || return 1
	# shellcheck disable=SC2034 # read by the callers
	CLOSING_PASS=${BASH_REMATCH[1]} CLOSING_FAIL=${BASH_REMATCH[2]}
}

# Debian package that provides the kernel source we test against.
# shellcheck disable=SC2034 # read by the scripts that source this
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

# deb_series USAGE ARGS...: die with USAGE unless ARGS is one word, one of
# the Debian kernel series the QEMU guests boot (6.12 or 6.1).
deb_series() {
	[ $# -eq 2 ] || die "usage: $1"
	case $2 in
	6.12|6.1) ;;
	*) die "usage: $1" ;;
	esac
}

# The command line of a guest runner (scripts/guest-run.sh,
# scripts/qemu-run.sh), parsed by guest_options. The runner sets the
# defaults of these before the call:
#   kernel    --kernel WHICH       timeout  --timeout SECONDS
#   mem       --mem SIZE           kmemleak --kmemleak (1)
#   shell     --shell (1)          out      --out DIR
# guest_options USAGE EXTRA ARGS...: parse ARGS; EXTRA names the runner's
# own options that take a value ("smp nics": --smp N sets smp=N). Leaves
# script (SCRIPT, absolute) and the array guest_argv (SCRIPT's arguments)
# unless --shell; dies with USAGE on a missing SCRIPT.
# shellcheck disable=SC2034 # the runner reads what it sets
guest_options() {
	local usage=$1 extra=" $2 " opt
	shift 2
	while [ $# -gt 0 ]; do
		case $1 in
		--kernel)   kernel=$2; shift 2 ;;
		--timeout)  timeout=$2; shift 2 ;;
		--mem)      mem=$2; shift 2 ;;
		--kmemleak) kmemleak=1; shift ;;
		--shell)    shell=1; shift ;;
		--out)      out=$2; shift 2 ;;
		--)         shift; break ;;
		-*)
			opt=${1#--}
			[[ $extra == *" $opt "* ]] || die "unknown option $1"
			[ $# -ge 2 ] || die "$1 takes a value"
			printf -v "$opt" %s "$2"
			shift 2 ;;
		*)          break ;;
		esac
	done
	guest_argv=()
	[ "$shell" -eq 1 ] && return 0
	[ $# -ge 1 ] || die "usage: $usage"
	script=$(realpath "$1")
	shift
	[ -f "$script" ] || die "no guest script $script"
	guest_argv=("$@")
}

# guest_out: make the run's output folder and set out to its absolute
# path: --out's, which must be below NETCX_SCRATCH, or by default a new
# .scratch/guest/<id>, also linked as .scratch/guest/latest. Logs an
# earlier run left there are removed: none may be read as this one's.
guest_out() {
	local id
	case $NETCX_TOP/ in
	/dev/*|/proc/*|/sys/*) die "the guest cannot see a checkout in $NETCX_TOP" ;;
	esac
	if [ -z "$out" ]; then
		id=$(date +%Y%m%d-%H%M%S)-$$
		out=$NETCX_SCRATCH/guest/$id
		mkdir -p "$out"
		ln -sfn "$id" "$NETCX_SCRATCH/guest/latest"
	fi
	case $(realpath -m "$out") in
	"$NETCX_SCRATCH"/*) ;;
	*) die "--out $out is outside $NETCX_SCRATCH" ;;
	esac
	mkdir -p "$out"
	out=$(realpath "$out")
	rm -f "$out/console.log" "$out/dmesg.log"
}

# guest_job VAR=VALUE...: the job file, $out/job, that the guest's init
# (scripts/guest/common.sh) reads: NETCX_TOP, NETCX_OUT, the runner's own
# VAR=VALUE lines, NETCX_SHELL and NETCX_CMD (script and guest_argv).
guest_job() {
	{
		echo "NETCX_TOP=$(printf %q "$NETCX_TOP")"
		echo "NETCX_OUT=$(printf %q "$out")"
		[ $# -eq 0 ] || printf '%s\n' "$@"
		echo "NETCX_SHELL=$shell"
		if [ "$shell" -eq 0 ]; then
			printf 'NETCX_CMD=('
			printf '%q ' "$script" "${guest_argv[@]}"
			printf ')\n'
		fi
	} > "$out/job"
}

# guest_console COMMAND...: run the guest under the timeout, its console
# kept in $out/console.log and shown without the status line; the
# pipeline's status (guest_verdict judges the run).
guest_console() {
	timeout -k 10 "$timeout" "$@" </dev/null 2>&1 |
		sed -u -e 's/\r$//' | tee "$out/console.log" |
		sed -u -e '/^NETCX-GUEST-RC=/d'
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
