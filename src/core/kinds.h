/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The sets of packet kinds the core names, and the reasons an offload is
 * left to software: shared by the feature map, the plan and the counters.
 */
#ifndef _NETCX_CORE_KINDS_H
#define _NETCX_CORE_KINDS_H

#include <netcx/caps.h>

/* Every TCP and UDP kind; the two tag kinds. */
#define NETCX_L4_KINDS	(NETCX_TCP4 | NETCX_UDP4 | NETCX_TCP6 | NETCX_UDP6)
#define NETCX_TAGS	(NETCX_TAG_PRIO | NETCX_TAG_VLAN)

/* The most feature bits an offload maps to: tunnel segmentation's six. */
#define NETCX_MAP_ROWS	6

/**
 * enum netcx_why - why an offload was left to software for one packet
 * @NETCX_WHY_NONE: it was not: the hardware does it.
 * @NETCX_WHY_IPV4_OPTIONS: IPv4 options, declared without %NETCX_L3_IPV4_OPTS.
 * @NETCX_WHY_IPV6_EXTHDR: IPv6 extension headers, declared without
 *	%NETCX_L3_IPV6_EXT.
 * @NETCX_WHY_TCP_OPTIONS: TCP options, declared without %NETCX_L4_TCP_OPTS.
 * @NETCX_WHY_L3_OFFSET: the layer-2 header is longer than the layer-3
 *	offset limit.
 * @NETCX_WHY_L4_OFFSET: the layer-2 and layer-3 headers (for a generic
 *	checksum engine, csum_start) reach past the layer-4 offset limit.
 * @NETCX_WHY_TOO_FEW_SEGS: fewer segments than the minimum segment count.
 * @NETCX_WHY_TOO_LARGE: longer than the maximum offload size.
 * @NETCX_WHY_TOO_MANY_SEGS: more segments than the maximum segment count.
 * @NETCX_WHY_UNKNOWN_L4: not TCP or UDP where the engine needs it: another
 *	transport, an IP fragment, a checksum not at the walked TCP/UDP header
 *	(a tunnel's inner one), SCTP's CRC32c, a tunnel or other GSO type.
 * @NETCX_WHY_MULTI_TAG: two or more 802.1Q/802.1ad tags: the stack's
 *	vlan_features_check() leaves those only a generic checksum, no
 *	segmentation, and netcx follows it.
 * @NETCX_WHY_UNSUPPORTED: the packet kind (or the tag) is not declared.
 * @NETCX_WHY_KIND_DISABLED: declared, but not permitted: a keyword switched
 *	it off, itself or through a dependency.
 * @NETCX_WHY_INACTIVE: permitted, but off now (ethtool -K, pause), or a
 *	feature the packet also needs is off.
 * @NETCX_WHY_MALFORMED: netcx_pkt_walk() failed, or the skb's checksum or
 *	GSO fields contradict it: the packet is dropped.
 * @NETCX_WHY_UNKNOWN_PORT: UDP-encapsulated to a port the device's tunnel
 *	port table does not hold (or holds for the other encapsulation).
 * @NETCX_WHY_UNKNOWN_TUNNEL: encapsulated (skb->encapsulation), well formed,
 *	but not one of &enum netcx_encap as netcx recognises them (VXLAN-GPE,
 *	MPLS in UDP, a GRE version or protocol it does not know, ...).
 * @NETCX_WHY_OUTER_OPTIONS: outer IPv4 options or IPv6 extension headers
 *	the encapsulation's declaration does not cover.
 * @NETCX_WHY_INNER_OPTIONS: inner IPv4 options, IPv6 extension headers or
 *	TCP options not declared.
 * @NETCX_WHY_INNER_OFFSET: the inner IP or transport header starts past the
 *	declared inner offset limit.
 * @NETCX_WHY_MAX: the number of reasons.
 */
enum netcx_why {
	NETCX_WHY_NONE,
	NETCX_WHY_IPV4_OPTIONS,
	NETCX_WHY_IPV6_EXTHDR,
	NETCX_WHY_TCP_OPTIONS,
	NETCX_WHY_L3_OFFSET,
	NETCX_WHY_L4_OFFSET,
	NETCX_WHY_TOO_FEW_SEGS,
	NETCX_WHY_TOO_LARGE,
	NETCX_WHY_TOO_MANY_SEGS,
	NETCX_WHY_UNKNOWN_L4,
	NETCX_WHY_MULTI_TAG,
	NETCX_WHY_UNSUPPORTED,
	NETCX_WHY_KIND_DISABLED,
	NETCX_WHY_INACTIVE,
	NETCX_WHY_MALFORMED,
	NETCX_WHY_UNKNOWN_PORT,
	NETCX_WHY_UNKNOWN_TUNNEL,
	NETCX_WHY_OUTER_OPTIONS,
	NETCX_WHY_INNER_OPTIONS,
	NETCX_WHY_INNER_OFFSET,
	NETCX_WHY_MAX,
};

#endif /* _NETCX_CORE_KINDS_H */
