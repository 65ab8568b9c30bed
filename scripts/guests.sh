# SPDX-License-Identifier: GPL-2.0
# The guest runs of make test and scripts/integration.sh, in one job pool
# (scripts/pool.sh): sourced (after lib.sh and pool.sh), never run.
#
#   guests_kunit                 queue the KUnit guest (scripts/kunit.sh)
#   guests_suite SUITE.sh        queue a suite: one job per run it lists
#                                ("SUITE.sh --runs"; none: one run) and per
#                                guest kind it names
#   guests_prepare               build the modules once per guest kind, and
#                                run "SUITE.sh --prepare BUILD" once per suite
#                                and kind, before any guest starts
#   guests_run                   run the pool, NETCX_JOBS guests at once
#
# A suite's header may say, each on a line of its own:
#
#   # guests: uml qemu-6.12 qemu-6.1   the guest kinds that run it (default
#                                      uml); every run goes once to each
#   # weight: SECONDS                  a run's expected wall time on its own
#                                      (default 90): the pool starts the
#                                      longest runs first
#   # timeout: SECONDS                 a guest's time limit (default 900)
#   # cpu: PERCENT                     the share of one CPU a UML run keeps
#                                      busy (default 60: a UML guest waits
#                                      on its timers and the host much of
#                                      the time); a QEMU run counts 100
#                                      (software emulation keeps its CPU
#                                      busy), the KUnit guest 100
#
# The pool keeps NETCX_JOBS CPUs busy by these shares: on two CPUs, two QEMU
# guests at once, or one and a UML guest or two, or three UML guests.
#
# uml runs in the debug UML kernel (scripts/guest-run.sh --kmemleak) with the
# modules of "scripts/build.sh uml"; qemu-VER in Debian's VER kernel under
# QEMU (scripts/qemu-run.sh --kernel VER) with the modules that
# "scripts/qemu-modules.sh VER" prints (and the kernel fetched before the
# pool, by scripts/qemu-kernel.sh VER where there is one). Each run has its own folder,
# .scratch/guest/SUITE[-KIND]-RUN-<date>-<pid> (KIND left out for uml), with
# the guest's console.log and dmesg.log and the job's whole output, run.log.
#
# Shown in the pool's order (longest first; then kunit, then the suites in
# the order queued): "== LABEL", the run's output and, after a suite's last
# run, its closing line "SUITE: N passed, N failed", the sum of its
# runs. A run whose guest fails (an oops, WARN, sanitizer report, lockdep
# splat, kmemleak leak, a timeout) or that prints no closing line counts
# one more failure. GUESTS_PASS and GUESTS_FAIL add up every run (the KUnit
# guest's counts included); GUESTS_FAILED lists "LABEL: LOG" of each run
# that failed.

GUESTS_PASS=0 GUESTS_FAIL=0 GUESTS_FAILED=()
guests_s_file=() guests_s_kinds=() guests_s_runs=() guests_s_weight=()
guests_s_timeout=() guests_s_cpu=() guests_s_left=() guests_s_pass=() guests_s_fail=()
guests_kunit=0
declare -A guests_build=() guests_broken=()
guests_j_suite=() guests_j_kind=() guests_j_out=()

guests_header() {	# SUITE KEY DEFAULT: the value of "# KEY: VALUE" in SUITE
	local v
	v=$(sed -n "s/^# $2: *//p" "$1" | head -n 1)
	echo "${v:-$3}"
}

guests_name() {	# SUITE index: its name
	basename "${guests_s_file[$1]}" .sh
}

guests_kunit() {
	guests_kunit=1
}

guests_suite() {	# SUITE.sh
	local suite s kind
	suite=$(realpath "$1")
	[ -f "$suite" ] || die "no suite $1"
	s=${#guests_s_file[@]}
	guests_s_file[s]=$suite
	guests_s_kinds[s]=$(guests_header "$suite" guests uml)
	guests_s_runs[s]=$(bash "$suite" --runs 2>/dev/null || true)
	guests_s_weight[s]=$(guests_header "$suite" weight 90)
	guests_s_timeout[s]=$(guests_header "$suite" timeout 900)
	guests_s_cpu[s]=$(guests_header "$suite" cpu 60)
	for kind in ${guests_s_kinds[s]}; do
		case $kind in
		uml|qemu-6.12|qemu-6.1) ;;
		*) die "$1: unknown guest kind $kind (# guests: uml qemu-6.12 qemu-6.1)" ;;
		esac
	done
}

# guests_build_kind KIND: build the modules for KIND into guests_build[KIND],
# or say in guests_broken[KIND] why not.
guests_build_kind() {
	local kind=$1 uml dir t0
	[ -n "${guests_build[$kind]:-}${guests_broken[$kind]:-}" ] && return 0
	t0=$(pool_usecs)
	case $kind in
	uml)
		if dir=$(uml_modules test); then
			guests_build[$kind]=$dir
		else
			guests_broken[$kind]="the modules did not build for the UML test kernel"
		fi ;;
	qemu-*)
		if [ ! -x "$NETCX_TOP/scripts/qemu-run.sh" ] ||
		   [ ! -x "$NETCX_TOP/scripts/qemu-modules.sh" ]; then
			guests_broken[$kind]="guest $kind needs scripts/qemu-run.sh and scripts/qemu-modules.sh (the QEMU harness of issue 12), which this checkout does not have"
		elif dir=$("$NETCX_TOP/scripts/qemu-modules.sh" "${kind#qemu-}"); then
			guests_build[$kind]=$dir
			# The kernel too, when the harness has a script for it:
			# fetched here, not by the first guests, against their time.
			if [ -x "$NETCX_TOP/scripts/qemu-kernel.sh" ] &&
			   ! "$NETCX_TOP/scripts/qemu-kernel.sh" "${kind#qemu-}" >/dev/null; then
				guests_broken[$kind]="scripts/qemu-kernel.sh ${kind#qemu-} failed"
			fi
		else
			guests_broken[$kind]="scripts/qemu-modules.sh ${kind#qemu-} failed"
		fi ;;
	esac
	[ -z "${guests_broken[$kind]:-}" ] || log "${guests_broken[$kind]}"
	guests_time "build/$kind modules" "$t0"
}

guests_prepare() {
	local s kind name t0
	[ "$guests_kunit" -eq 1 ] && guests_build_kind uml
	for ((s = 0; s < ${#guests_s_file[@]}; s++)); do
		for kind in ${guests_s_kinds[s]}; do
			guests_build_kind "$kind"
		done
	done
	for ((s = 0; s < ${#guests_s_file[@]}; s++)); do
		grep -q -e --prepare "${guests_s_file[s]}" || continue
		name=$(guests_name "$s")
		for kind in ${guests_s_kinds[s]}; do
			[ -n "${guests_build[$kind]:-}" ] || continue
			t0=$(pool_usecs)
			if ! bash "${guests_s_file[s]}" --prepare "${guests_build[$kind]}" >&2; then
				guests_broken[$name/$kind]="$name: --prepare ${guests_build[$kind]} failed"
				log "${guests_broken[$name/$kind]}"
			fi
			if [ "$kind" = uml ]; then
				guests_time "build/$name --prepare" "$t0"
			else
				guests_time "build/$name $kind --prepare" "$t0"
			fi
		done
	done
}

guests_time() {	# LABEL START: add LABEL's time since START to NETCX_TIMES
	[ -n "${NETCX_TIMES:-}" ] || return 0
	printf '%s\t%s\n' $((($(pool_usecs) - $2 + 500000) / 1000000)) "$1" >> "$NETCX_TIMES"
}

# guests_job SUITE KIND BUILD OUT TIMEOUT [RUN]: one run, in a pool job
guests_job() {
	local suite=$1 kind=$2 build=$3 out=$4 timeout=$5 why
	shift 5
	why=${guests_broken[$kind]:-${guests_broken[$(basename "$suite" .sh)/$kind]:-}}
	if [ -n "$why" ]; then
		echo "$why"
		return 1
	fi
	case $kind in
	uml)	"$NETCX_TOP/scripts/guest-run.sh" --kmemleak --timeout "$timeout" \
			--out "$out" "$suite" "$build" "$@" ;;
	qemu-*)	"$NETCX_TOP/scripts/qemu-run.sh" --kernel "${kind#qemu-}" \
			--timeout "$timeout" --out "$out" "$suite" "$build" "$@" ;;
	esac
}

guests_kunit_job() {	# the KUnit guest, in a pool job
	[ -z "${guests_broken[uml]:-}" ] || { echo "${guests_broken[uml]}"; return 1; }
	"$NETCX_TOP/scripts/kunit.sh" --build "${guests_build[uml]}"
}

guests_queue() {	# every run of every queued suite into the pool
	local s kind run label out stamp name cpu
	stamp=$(date +%Y%m%d-%H%M%S)-$$
	if [ "$guests_kunit" -eq 1 ]; then
		pool_add kunit "$NETCX_SCRATCH/test-kunit.log" \
			"$(guests_header "$NETCX_TOP/scripts/kunit.sh" weight 90)" 100 \
			guests_kunit_job
		guests_j_suite+=(-1) guests_j_kind+=(uml) guests_j_out+=("")
	fi
	for ((s = 0; s < ${#guests_s_file[@]}; s++)); do
		name=$(guests_name "$s")
		guests_s_left[s]=0 guests_s_pass[s]=0 guests_s_fail[s]=0
		for kind in ${guests_s_kinds[s]}; do
			for run in ${guests_s_runs[s]:-.}; do
				[ "$run" = . ] && run=
				if [ "$kind" = uml ]; then
					label=$name${run:+ $run}
					out=$name${run:+-$run}
				else
					label="$name $kind${run:+ $run}"
					out=$name-$kind${run:+-$run}
				fi
				out=$NETCX_SCRATCH/guest/$out-$stamp
				cpu=100
				[ "$kind" = uml ] && cpu=${guests_s_cpu[s]}
				# shellcheck disable=SC2086
				pool_add "$label" "$out/run.log" "${guests_s_weight[s]}" "$cpu" \
					guests_job "${guests_s_file[s]}" "$kind" \
					"${guests_build[$kind]:-none}" "$out" \
					"${guests_s_timeout[s]}" $run
				guests_j_suite+=("$s") guests_j_kind+=("$kind") guests_j_out+=("$out")
				guests_s_left[s]=$((guests_s_left[s] + 1))
			done
		done
	done
}

# guests_show I: job I's output and what it counts, in queue order
guests_show() {
	local s=${guests_j_suite[$1]} out=${guests_j_out[$1]} label=${POOL_LABEL[$1]}
	local rc=${POOL_RC[$1]} log=${POOL_LOG[$1]} name p=0 f=1
	echo "== $label"
	cat "$log"
	if [ "$s" -lt 0 ]; then		# the KUnit guest: its own closing line
		closing_line kunit "$log" ||
			echo "kunit: 0 passed, 1 failed (no closing line)"
		p=$CLOSING_PASS f=$CLOSING_FAIL
		[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	else
		name=$(guests_name "$s")
		closing_line "$name" "$out/console.log" ||
			echo "$label: no closing line, see $out"
		p=$CLOSING_PASS f=$CLOSING_FAIL
		if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
			f=1
			echo "$label: the guest failed, see $out"
		fi
	fi
	[ "$f" -eq 0 ] || GUESTS_FAILED+=("$label: $log")
	GUESTS_PASS=$((GUESTS_PASS + p))
	GUESTS_FAIL=$((GUESTS_FAIL + f))
	[ "$s" -ge 0 ] || return 0
	guests_s_pass[s]=$((guests_s_pass[s] + p))
	guests_s_fail[s]=$((guests_s_fail[s] + f))
	guests_s_left[s]=$((guests_s_left[s] - 1))
	[ "${guests_s_left[s]}" -eq 0 ] &&
		echo "$name: ${guests_s_pass[s]} passed, ${guests_s_fail[s]} failed"
	return 0
}

guests_run() {
	local t0
	guests_queue
	t0=$(pool_usecs)
	POOL_SHOW=guests_show POOL_PREFIX=guests pool_run "$NETCX_JOBS"
	guests_time guests "$t0"
}
