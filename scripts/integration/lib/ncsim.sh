# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Helpers for the guest scripts that drive one ncsim pair (the integration
# suites and the demo): sourced, never run. Inside a guest only.
#
#        netns a                                   netns b
#   +------------------+                      +------------------+
#   | ncsim0           |      ncsim wire      | ncsim1           |
#   | 198.18.0.1/24    |<====================>| 198.18.0.2/24    |
#   | 2001:2::1/64     |  TX engine -> RX     | 2001:2::2/64     |
#   +------------------+  engine, both ways   +------------------+
#
# The namespaces, addresses and traffic helpers are lib/netns.sh's.

# shellcheck source=scripts/integration/lib/netns.sh
. "$(dirname "${BASH_SOURCE[0]}")/netns.sh"

NCSIM_DEV=(ncsim0 ncsim1)

# ncsim_load BUILD [PARAM=VALUE...]: load netcx (once) and ncsim
ncsim_load() {
	netcx_load "$1" ncsim "${@:2}"
}

# ncsim_unload: unload ncsim, ports wherever they are; netcx stays
ncsim_unload() {
	rmmod ncsim
}

# ncsim_pair_up: ncsim0 into netns a, ncsim1 into netns b, addressed and up
ncsim_pair_up() {
	local i ns dev
	for i in 0 1; do
		ns=${NCSIM_NS[$i]} dev=${NCSIM_DEV[$i]}
		ip netns add "$ns" || return 1
		ncsim_port_up "$ns" "$dev" "${NCSIM_IP4[$i]}" "${NCSIM_IP6[$i]}" ||
			return 1
	done
	ncsim_wait_carrier a ncsim0 && ncsim_wait_carrier b ncsim1
}

# ncsim_sum NAME: a counter added over both ports
ncsim_sum() {
	echo $(( $(ncsim_stat a ncsim0 "$1") + $(ncsim_stat b ncsim1 "$1") ))
}
