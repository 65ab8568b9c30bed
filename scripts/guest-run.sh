#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot the UML kernel with the host's files as root, run one guest script
# and exit with its status.
#
#   scripts/guest-run.sh [options] SCRIPT [ARGS...]
#   scripts/guest-run.sh [options] --shell
#
#   --kernel test|bench  which UML kernel (default test)
#   --timeout SECONDS    kill the guest after this long (default 600)
#   --mem SIZE           guest memory (default 1G)
#   --kmemleak           after SCRIPT, scan for leaks and fail on any
#   --shell              an interactive shell instead of a script
#   --out DIR            where the run's logs go (default: a new folder
#                        .scratch/guest/<id>, also linked as .scratch/guest/latest)
#
# Inside the guest, /run and /tmp are private tmpfs mounts and SCRIPT runs
# with NETCX_TOP, NETCX_OUT (its own folder under .scratch/guest) and a PATH
# that includes /usr/sbin. The guest writes nothing else on the host. The
# full kernel log is kept in NETCX_OUT/console.log and dmesg.log.
#
# The run fails when SCRIPT fails, when the guest dies or times out, when the
# kernel logged an oops, WARN, KASAN/UBSAN report, lockdep splat or hung task (the
# command line sets panic_on_warn), or when --kmemleak finds a leak.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

kind=test timeout=600 mem=1G kmemleak=0 shell=0 out=
while [ $# -gt 0 ]; do
	case $1 in
	--kernel)   kind=$2; shift 2 ;;
	--timeout)  timeout=$2; shift 2 ;;
	--mem)      mem=$2; shift 2 ;;
	--kmemleak) kmemleak=1; shift ;;
	--shell)    shell=1; shift ;;
	--out)      out=$2; shift 2 ;;
	--)         shift; break ;;
	-*)         die "unknown option $1" ;;
	*)          break ;;
	esac
done
if [ $shell -eq 0 ]; then
	[ $# -ge 1 ] || die "usage: $0 [options] SCRIPT [ARGS...] | --shell"
	script=$(realpath "$1")
	shift
	[ -f "$script" ] || die "no guest script $script"
fi

case $NETCX_TOP/ in
/dev/*|/proc/*|/sys/*) die "the guest cannot see a checkout in $NETCX_TOP" ;;
esac
uml=$("$NETCX_TOP/scripts/uml-build.sh" "$kind")
"$NETCX_TOP/scripts/deps.sh" guest

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
mkdir -p "$out/uml"

# The job file: what the guest init runs, with its environment.
{
	echo "NETCX_TOP=$(printf %q "$NETCX_TOP")"
	echo "NETCX_OUT=$(printf %q "$out")"
	echo "NETCX_KMEMLEAK=$kmemleak"
	echo "NETCX_SHELL=$shell"
	if [ $shell -eq 0 ]; then
		printf 'NETCX_CMD=('
		printf '%q ' "$script" "$@"
		printf ')\n'
	fi
} > "$out/job"

# A name of its own for this guest, which UML's helper processes carry in
# their command line too: unique among the guests that run at once (a job
# pool's, another checkout's), so that the pkill below ends only these.
umid=netcx-$$-$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')

# loglevel=5: the console shows the script's output and every kernel message
# of warning level or worse; dmesg.log has everything.
cmdline=(mem="$mem" rootfstype=hostfs rootflags=/ rw
	 init="$NETCX_TOP/scripts/guest/init.sh" netcx_job="$out/job"
	 netcx_top="$NETCX_TOP"
	 uml_dir="$out/uml" umid="$umid" loglevel=5 panic_on_warn=1
	 oops=panic panic=-1 kunit.enable=1 con=null)
if [ $shell -eq 1 ]; then
	cmdline+=(con0=fd:0,fd:1)
	"$uml/linux" "${cmdline[@]}" || true
	exit 0
fi
cmdline+=(con0=null,fd:1)

rc=0
timeout -k 10 "$timeout" "$uml/linux" "${cmdline[@]}" </dev/null 2>&1 |
	tee "$out/console.log" | sed -u -e '/^NETCX-GUEST-RC=/d' || rc=$?
# UML's helper processes carry the same command line.
pkill -9 -f "umid=$umid " 2>/dev/null || true

guest_verdict "$out" "$timeout"
