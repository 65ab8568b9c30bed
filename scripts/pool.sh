# SPDX-License-Identifier: GPL-2.0
# A job pool for the netcx scripts: sourced (after lib.sh), never run.
#
#   pool_add LABEL LOG WEIGHT CPU COMMAND...
#                               queue a job (COMMAND may be a shell
#                               function of the caller)
#   pool_run [WIDTH]            run every queued job on WIDTH CPUs (default
#                               NETCX_JOBS)
#
# Each job runs in a subshell of its own, stdin from /dev/null, its stdout
# and stderr captured to LOG. The job list is the queue sorted heaviest
# WEIGHT first (an estimate of the job's seconds; ties keep queue order), so
# that a long job does not end up running alone at the end. CPU is the
# share of one CPU, in percent (1 to 100), that the job keeps busy: a build
# or a QEMU guest under software emulation 100, a UML guest that waits on
# its timers much of the time less. Jobs start in list order as long as
# the CPU of those running adds up to at most WIDTH * 100; when the next
# job does not fit, the first later one that does starts instead (one job
# always runs, whatever its CPU). Jobs are shown in list order, each as
# soon as it and every job before it have finished: the output reads the
# same whatever the width and whichever job finished first.
#
# Showing job I calls the function named by POOL_SHOW (default pool_show:
# "== LABEL" and the log) with I; POOL_RC[I] is the job's exit status and
# POOL_SECS[I] its wall time in whole seconds. When NETCX_TIMES names a
# file, each job adds a line "SECONDS<tab>POOL_PREFIX/LABEL" to it.
#
# pool_each_jobs: the make -j a job should use, NETCX_JOBS shared among
# the jobs that run at once (at least 1).

POOL_LABEL=() POOL_LOG=() POOL_WEIGHT=() POOL_CPU=() POOL_CMD=() POOL_RC=()
POOL_SECS=()

pool_add() {	# LABEL LOG WEIGHT CPU COMMAND...
	local i=${#POOL_LABEL[@]} cpu=$4
	if ! [[ $cpu =~ ^[0-9]+$ ]] || [ "$cpu" -lt 1 ] || [ "$cpu" -gt 100 ]; then
		die "pool_add $1: CPU '$cpu' is not a share of one CPU from 1 to 100"
	fi
	POOL_LABEL[i]=$1 POOL_LOG[i]=$2 POOL_WEIGHT[i]=${3:-0} POOL_CPU[i]=$cpu
	shift 4
	POOL_CMD[i]=$(printf '%q ' "$@")
}

pool_show() {	# I: the default, the job's log under its label
	echo "== ${POOL_LABEL[$1]}"
	cat "${POOL_LOG[$1]}"
}

pool_width() {	# [WIDTH]: the CPUs pool_run [WIDTH] keeps busy, at most
		# one per job
	local width=${1:-$NETCX_JOBS} n=${#POOL_LABEL[@]}
	[ "$width" -ge 1 ] 2>/dev/null || width=1
	[ "$n" -ge 1 ] && [ "$width" -gt "$n" ] && width=$n
	echo "$width"
}

pool_each_jobs() {	# [WIDTH]: make -j for each job of CPU 100
	local each=$((NETCX_JOBS / $(pool_width "${1:-}")))
	echo $((each < 1 ? 1 : each))
}

pool_usecs() {	# microseconds since the epoch
	echo "${EPOCHREALTIME/./}"
}

pool_tree() {	# PID: PID and every process below it, deepest first
	local c
	for c in $(pgrep -P "$1"); do
		pool_tree "$c"
	done
	echo "$1"
}

# pool_stop PID...: end the jobs (started in the background, they ignore
# the SIGINT of a ^C) with everything they started, guests included.
pool_stop() {
	local p all=()
	for p in "$@"; do
		mapfile -t -O "${#all[@]}" all < <(pool_tree "$p")
	done
	[ ${#all[@]} -eq 0 ] || kill -TERM "${all[@]}" 2>/dev/null
	return 0
}

# Each job tells its end through a FIFO ("INDEX STATUS"): bash's wait -n
# forgets a job that ended while the shell ran something else, and the
# hooks that show the jobs run commands.
pool_run() {	# [WIDTH]
	local n=${#POOL_LABEL[@]} width next=0 shown=0 running=0 used=0 i k rc dir fd
	local -a order=() start=() pid=()

	width=$(($(pool_width "${1:-}") * 100))
	POOL_RC=() POOL_SECS=()
	[ "$n" -gt 0 ] || return 0
	mapfile -t order < <(for ((i = 0; i < n; i++)); do
				echo "${POOL_WEIGHT[i]} $i"
			     done | sort -s -k1,1nr | cut -d' ' -f2)
	dir=$(mktemp -d "${TMPDIR:-/tmp}/netcx-pool.XXXXXX")
	mkfifo -m 600 "$dir/done"
	exec {fd}<>"$dir/done"
	rm -rf "$dir"
	trap 'pool_stop "${pid[@]}"; exit 130' INT
	trap 'pool_stop "${pid[@]}"; exit 143' TERM
	while [ "$shown" -lt "$n" ]; do
		# Start what fits, in list order; "next" is the first not started.
		for ((k = next; k < n; k++)); do
			i=${order[k]}
			[ -z "${start[i]:-}" ] || continue
			[ "$running" -eq 0 ] || [ $((used + POOL_CPU[i])) -le "$width" ] || continue
			mkdir -p "$(dirname "${POOL_LOG[i]}")"
			start[i]=$(pool_usecs)
			{
				rc=0
				( eval "${POOL_CMD[i]}" ) > "${POOL_LOG[i]}" 2>&1 \
					< /dev/null {fd}>&- || rc=$?
				echo "$i $rc" >&"$fd"
			} &
			pid[i]=$!
			running=$((running + 1))
			used=$((used + POOL_CPU[i]))
		done
		while [ "$next" -lt "$n" ] && [ -n "${start[${order[next]}]:-}" ]; do
			next=$((next + 1))
		done
		read -r -u "$fd" i rc || { exec {fd}>&-; return 1; }
		wait "${pid[i]}" 2>/dev/null || true	# reap; the status came by the FIFO
		unset "pid[i]"
		running=$((running - 1))
		used=$((used - POOL_CPU[i]))
		POOL_RC[i]=$rc
		POOL_SECS[i]=$((($(pool_usecs) - start[i] + 500000) / 1000000))
		while [ "$shown" -lt "$n" ] && [ -n "${POOL_RC[${order[shown]}]:-}" ]; do
			i=${order[shown]}
			if [ -n "${NETCX_TIMES:-}" ]; then
				printf '%s\t%s\n' "${POOL_SECS[i]}" \
					"${POOL_PREFIX:+$POOL_PREFIX/}${POOL_LABEL[i]}" >> "$NETCX_TIMES"
			fi
			"${POOL_SHOW:-pool_show}" "$i"
			shown=$((shown + 1))
		done
	done
	trap - INT TERM
	exec {fd}>&-
}

pool_reset() {	# forget every job, to queue a new set
	POOL_LABEL=() POOL_LOG=() POOL_WEIGHT=() POOL_CPU=() POOL_CMD=() POOL_RC=()
	POOL_SECS=()
}
