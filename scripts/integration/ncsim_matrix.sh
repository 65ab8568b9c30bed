#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The traffic matrix, a guest script (scripts/integration.sh runs it in
# UML): every profile, every ethtool state, every packet shape, each
# transfer checked end to end and by the counters of who did the work.
#
#        netns a (sender)                          netns b (receiver)
#   +----------------------+                  +----------------------+
#   | xfer.py send         |                  | xfer.py serve        |
#   | ncsim0               |    ncsim wire    | ncsim1               |
#   | 198.18.0.1/24        |=================>| 198.18.0.2/24        |
#   | 2001:2::1/64         |  TX engine: csum | 2001:2::2/64         |
#   | ethtool -K: state    |  LSO/USO; RX     | ethtool -K: state    |
#   +----------------------+  engine: verify  +----------------------+
#     ethtool -S a, nstat a                     ethtool -S b, nstat b
#
# One run per profile (full, e1000, basic, none), each in its own guest.
# A run loads the profile and goes through the states default, allon
# (every changeable feature on), txoff, tsooff, rxoff and sgoff, then
# loads it again with keywords (matrix.py's KEYWORDS) for the state kw.
# In each state, {TCP, UDP} x {IPv4, IPv6} x {plain, IPv4 options or
# IPv6 destination options, TCP timestamps}: lib/matrix.py says what
# each transfer checks.
#
#   ncsim_matrix.sh BUILD PROFILE   BUILD: the folder holding the modules
#   ncsim_matrix.sh --runs          the runs, for scripts/integration.sh
#
# A run took 56 s on its own here (user and system time 84% of it): the
# counters, sysctls and transfers are reached by entering the namespaces
# from matrix.py (lib/netns.py), not by "ip netns exec" and a new Python
# per case, which made it five to seven minutes.
# weight: 60
# cpu: 85
set -u
if [ "${1:-}" = --runs ]; then
	echo full e1000 basic none
	exit 0
fi
build=$1 run=$2
. "$(dirname "$0")/lib/ncsim.sh"

. "$(dirname "$0")/lib/check.sh"

# matrix PROFILE ARGS...: lib/matrix.py, its counts added to ours
matrix() {
	local out=/tmp/matrix.out
	python3 "$NCSIM_LIB/matrix.py" "$@" | tee "$out"
	check_counts matrix "$out" "$1: the matrix did not finish"
}

keywords=$(python3 -c 'import sys; sys.path.insert(0, sys.argv[1])
import matrix; print(matrix.KEYWORDS)' "$NCSIM_LIB")

check "$run: load" ncsim_load "$build" profile="$run"
check "$run: pair up in two namespaces" ncsim_pair_up
matrix "$run" default allon txoff tsooff rxoff sgoff
ncsim_pair_down
check "$run: unload" ncsim_unload

check "$run: load again with keywords=$keywords" \
	ncsim_load "$build" profile="$run" keywords="$keywords"
check "$run kw: pair up in two namespaces" ncsim_pair_up
matrix "$run" --keywords kw
ncsim_pair_down
check "$run kw: unload" ncsim_unload

check_end ncsim_matrix
