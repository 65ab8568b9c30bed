#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Tunnel offloads, a guest script (scripts/integration.sh runs it in UML,
# with a kmemleak scan after it): VXLAN, GENEVE, GRE, gretap, ip6gre, ipip,
# sit and ip6tnl devices over one ncsim pair, outer IPv4 and IPv6, inner
# IPv4 and IPv6, TCP and UDP (UDP_SEGMENT) transfers from a to b checked by
# digest, and after each the counters of who did the work (lib/tunnel.py):
# the tunnel segmentation and inner checksum in hardware (tx_tnl_gso_hw,
# tx_tnl_gso_hw_segs, tx_tnl_csum_hw) with the offloads on, in software
# with the expected reason (tx_tnl_*_sw, tx_fallback_*) with them off, the
# receiver's verified inner checksums, no checksum error anywhere and
# nothing asked of the hardware beyond its capabilities.
#
#   udp   profile full: vx4, vx6 (VXLAN over IPv4, IPv6: no outer UDP
#         checksum, and one), gn4, gn6 (GENEVE, both with it); ethtool -k
#         and ethtool --show-tunnels against the port tables (4 entries
#         VXLAN or GENEVE, 2 VXLAN) and the devices' ports; vxp, a VXLAN
#         device sending to a port not in the table (4790: unknown_port,
#         software, still intact); then ethtool -K off on the sender, one
#         feature at a time: tx-udp_tnl-segmentation,
#         tx-udp_tnl-csum-segmentation, tx (checksumming), each undone;
#         loaded again with *EncapsulatedPacketTaskOffloadVxlan=0 (VXLAN in
#         software, GENEVE still in hardware), with *VxlanUDPPortNumber=4790
#         (vxp's port pinned: now in hardware; the table one entry
#         shorter), and with profile tnlcsum (inner checksum in hardware,
#         tunnel segmentation in software: unsupported)
#   ip    profile full: gre4 (GRE over IPv4, layer 3), gtap4 (gretap with a
#         key and the GRE checksum), gre6 (ip6gre), ipip4, sit4 (IPv6 in
#         IPv4), ip6t6 (ip6tnl, IPv4 and IPv6 in IPv6); ethtool -K off:
#         tx-gre-segmentation, tx-gre-csum-segmentation,
#         tx-ipxip4-segmentation, tx-ipxip6-segmentation, each against an
#         unaffected tunnel; loaded again with
#         *EncapsulatedPacketTaskOffloadNvgre=0 (GRE in software, ipip not),
#         with *EncapsulatedPacketTaskOffload=0 (everything in software),
#         and with profile tnlcsum
#
#        netns a                                   netns b
#   +------------------+                      +------------------+
#   | vx4 10.1.0.1     |                      | vx4 10.1.0.2     |
#   | ... 10.N.0.1     |  tunnels, outer:     | ... 10.N.0.2     |
#   |     fd00:N::1    |                      |     fd00:N::2    |
#   | ncsim0           |      ncsim wire      | ncsim1           |
#   | 198.18.0.1/24    |<====================>| 198.18.0.2/24    |
#   | 2001:2::1/64     |                      | 2001:2::2/64     |
#   +------------------+                      +------------------+
#
# The keywords go through the module parameter: the tunnel keywords are
# longer than devlink's 31 characters. The tunnels, transfers and counters
# are lib/tunnel.py's, one process per load (it enters the namespaces with
# setns and reads ethtool -S with the ioctl, lib/netns.py).
#
# Each load: the namespaces, then lib/tunnel.py brings the VXLAN and
# GENEVE devices up before the ports join (Linux 6.12.118's vxlan and
# udp_tunnel_nic: see ports_up() there), and the ports leave before the
# namespaces go.
#
#   ncsim_tunnel.sh BUILD RUN
#   ncsim_tunnel.sh --runs
# Measured: 161-166 s a run on a host at load 12 (other builds and
# guests); each run about 50 transfers and 365-388 checks.
# weight: 90
# cpu: 85
set -u
if [ "${1:-}" = --runs ]; then
	echo udp ip
	exit 0
fi
build=$1 run=$2
. "$(dirname "$0")/lib/ncsim.sh"

. "$(dirname "$0")/lib/check.sh"

# scenario NAME PROFILE [KEYWORDS]: ncsim loaded so, the pair up, and
# lib/tunnel.py's scenario NAME, its counts added to ours
scenario() {
	local out=/tmp/tunnel.out params=("profile=$2") st
	[ -n "${3:-}" ] && params+=("keywords=$3")
	ncsim_load "$build" "${params[@]}"
	st=$?
	check "$1: load ${params[*]}" [ $st -eq 0 ]
	[ $st -eq 0 ] || return
	# the ports join the namespaces in tunnel.py, after the VXLAN devices
	ip netns add a && ip netns add b
	st=$?
	check "$1: two namespaces" [ $st -eq 0 ]
	if [ $st -eq 0 ]; then
		python3 "$NCSIM_LIB/tunnel.py" "$1" | tee "$out"
		check_counts tunnel "$out" "$1: tunnel.py did not finish"
	fi
	# the ports leave before the VXLAN devices go (tunnel.py, ports_up)
	ip -n a link set ncsim0 netns 1 2>/dev/null
	ip -n b link set ncsim1 netns 1 2>/dev/null
	ncsim_pair_down
	check "$1: unload" ncsim_unload
}

case $run in
udp)
	scenario udp full
	scenario udp-kw full '*EncapsulatedPacketTaskOffloadVxlan=0'
	scenario udp-pin full '*VxlanUDPPortNumber=4790'
	scenario udp-tnlcsum tnlcsum
	;;
ip)
	scenario ip full
	scenario ip-kw-nvgre full '*EncapsulatedPacketTaskOffloadNvgre=0'
	scenario ip-kw-all full '*EncapsulatedPacketTaskOffload=0'
	scenario ip-tnlcsum tnlcsum
	;;
*)	echo "ncsim_tunnel: unknown run $run"; exit 1 ;;
esac

check_end ncsim_tunnel
