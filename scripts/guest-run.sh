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

kernel=test timeout=600 mem=1G kmemleak=0 shell=0 out=
guest_options "$0 [options] SCRIPT [ARGS...] | --shell" "" "$@"
guest_out
uml=$("$NETCX_TOP/scripts/uml-build.sh" "$kernel")
"$NETCX_TOP/scripts/deps.sh" guest
mkdir -p "$out/uml"
guest_job "NETCX_KMEMLEAK=$kmemleak"

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
	# shellcheck disable=SC2054 # commas inside UML options
	cmdline+=(con0=fd:0,fd:1)
	"$uml/linux" "${cmdline[@]}" || true
	exit 0
fi
# shellcheck disable=SC2054
cmdline+=(con0=null,fd:1)

guest_console "$uml/linux" "${cmdline[@]}" || true
# UML's helper processes carry the same command line.
pkill -9 -f "umid=$umid " 2>/dev/null || true

guest_verdict "$out" "$timeout"
