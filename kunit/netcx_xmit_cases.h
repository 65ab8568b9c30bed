/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The xmit suite's table (kunit/netcx_xmit_test.c): one packet on one
 * adapter per case, and what netcx_features_check(), netcx_tx_prepare()
 * and the stack must do with it, counters and descriptors included.
 * Included by the suite only.
 */
#ifndef _NETCX_XMIT_CASES_H
#define _NETCX_XMIT_CASES_H

#include <linux/if_ether.h>
#include <linux/netdevice.h>

#include <netcx/netcx.h>

#include "../testing/netcx_counters.h"
#include "../testing/netcx_pkt_build.h"

/* The layers of a test packet (testing/netcx_pkt_build.h). */
#define L(...)	((const struct tb_layer[]){ __VA_ARGS__, { TB_END } })

#define TCP_FIN		0x01
#define TCP_PSH		0x08
#define TCP_ACK		0x10
#define FLAGS		(TCP_ACK | TCP_PSH | TCP_FIN)
#define DF		0x4000

#define ETH		{ TB_ETH }
#define VLAN(tci)	{ TB_VLAN, 0, tci }
#define SVLAN(tci)	{ TB_SVLAN, 0, tci }
#define IP4		{ TB_IPV4, 0, DF }
#define IP4O		{ TB_IPV4, 8, DF }	/* 8 bytes of options */
#define IP6		{ TB_IPV6 }
#define HOP(n)		{ TB_HOP, n }
#define RT(n)		{ TB_RT, n }
#define DST(n)		{ TB_DST, n }
#define FRAG(v)		{ TB_FRAG, 0, v }
#define TCP		{ TB_TCP, 0, FLAGS }
#define TCPO		{ TB_TCP, 12, FLAGS }	/* 12 bytes: NOPs, timestamp */
#define UDP		{ TB_UDP }
#define ICMP		{ TB_ICMP }
#define DATA(n)		{ TB_DATA, n }

/* The hardware: testing/netcx_test.h's profiles (xt_declare()). */
enum xt_profile {
	XT_FULL,	/* NETCX_TEST_FULL: every flag, no offset limit */
	XT_E1000,	/* NETCX_TEST_E1000: generic checksum, IPv4 LSO */
	XT_BASIC,	/* NETCX_TEST_BASIC: offset limits 14/34 */
	XT_LIMITS,	/* NETCX_TEST_LIMITS: LSO and USO, tight limits */
	XT_KW,		/* NETCX_TEST_FULL, keywords switching kinds off */
	XT_PRIO,	/* NETCX_TEST_PRIO: priority tags only */
	XT_VLANONLY,	/* NETCX_TEST_VLAN: VLAN tags only */
	XT_SEED,	/* NETCX_TEST_SEED: LSO with segmentation seeds */
};

enum xt_sum {
	SUM_PARTIAL,		/* CHECKSUM_PARTIAL, as the stack hands it */
	SUM_NONE,		/* CHECKSUM_NONE: nothing asked */
};

enum xt_corrupt {
	BAD_NONE,
	BAD_IHL,		/* IPv4 header length 16 */
	BAD_DOFF,		/* TCP data offset 16 */
	BAD_HOPLEN,		/* hop-by-hop header longer than the packet */
	BAD_CSUM_OFFSET,	/* csum_offset past the end */
	BAD_CSUM_START,		/* csum_start 4 bytes past the transport header */
	BAD_CSUM_FIELD,		/* csum_offset 6: not TCP's checksum field */
};

/**
 * struct xmit_case - one packet on one adapter
 * @name: the case.
 * @profile: the hardware, &enum xt_profile.
 * @off: features switched off after commit.
 * @hdrs: the packet.
 * @headlen: bytes in the linear area (the rest in a page); 0: all.
 * @sum: &enum xt_sum.
 * @gso_type: with @mss, a GSO skb.
 * @mss: the GSO size; 0: not GSO.
 * @tag_proto: an out-of-band tag's TPID (%ETH_P_8021Q...); 0: none.
 * @tci: that tag.
 * @bad: &enum xt_corrupt.
 * @trim: when not 0, the skb is cut to that length.
 * @stack: &enum xt_stack.
 * @strip: what netcx_features_check() takes (%S_CSUM, %S_GSO, %S_VLAN).
 * @fc: the counters netcx_features_check() moves.
 * @ret: what netcx_tx_prepare() returns, the check bypassed.
 * @desc: the descriptor it fills.
 * @tx: the counters it moves.
 * @seg_desc: for %NETCX_TX_SEGMENTED, each segment's descriptor.
 * @seg_tx: the counters the segments' own netcx_tx_prepare() move.
 */
struct xmit_case {
	const char *name;
	/* input */
	u8 profile;
	netdev_features_t off;
	const struct tb_layer *hdrs;
	unsigned int headlen;
	u8 sum;
	unsigned int gso_type;
	u16 mss;
	u16 tag_proto;
	u16 tci;
	u8 bad;
	unsigned int trim;
	u8 stack;
	/* expected */
	u8 strip;
	struct tc_count fc[5];
	int ret;
	struct netcx_tx_desc desc;
	struct tc_count tx[6];
	struct netcx_tx_desc seg_desc;
	struct tc_count seg_tx[2];
};

/**
 * enum xt_stack - how the stack's own path compares
 * @STACK_SAME: it counts exactly what netcx_tx_prepare() alone does.
 * @STACK_OWN: the stack applies rules of its own first (6.12's IPv6
 *	extension headers for IP/IPV6_CSUM, a failed segmentation it drops):
 *	counted differently, checked for consistency only.
 * @STACK_SKIP: the stack would warn on the packet (not ours to test).
 */
enum xt_stack {
	STACK_SAME,
	STACK_OWN,
	STACK_SKIP,
};

#define S_CSUM	BIT(0)
#define S_GSO	BIT(1)
#define S_VLAN	BIT(2)

#define F_CS	NETCX_TXD_L4_CSUM
#define F_I4	NETCX_TXD_IPV4_CSUM
#define F_V6	NETCX_TXD_IPV6
#define F_VL	NETCX_TXD_VLAN
#define F_LSO	NETCX_TXD_LSO
#define F_USO	NETCX_TXD_USO
#define P_TCP	IPPROTO_TCP
#define P_UDP	IPPROTO_UDP

#define D(f, l3, l4, co, pr) \
	{ .flags = (f), .l3_offset = (l3), .l4_offset = (l4), \
	  .csum_offset = (co), .l4_proto = (pr) }
#define DT(f, l3, l4, co, pr, tci) \
	{ .flags = (f), .l3_offset = (l3), .l4_offset = (l4), \
	  .csum_offset = (co), .l4_proto = (pr), .vlan_tci = (tci) }
#define DG(f, l3, l4, co, pr, hl, m, s) \
	{ .flags = (f), .l3_offset = (l3), .l4_offset = (l4), \
	  .csum_offset = (co), .l4_proto = (pr), .hdr_len = (hl), \
	  .mss = (m), .segs = (s) }
#define DGT(f, l3, l4, co, pr, hl, m, s, tci) \
	{ .flags = (f), .l3_offset = (l3), .l4_offset = (l4), \
	  .csum_offset = (co), .l4_proto = (pr), .hdr_len = (hl), \
	  .mss = (m), .segs = (s), .vlan_tci = (tci) }

#define CSUM_HW(n)	{ "tx_csum_hw", n }
#define CSUM_SW(n)	{ "tx_csum_sw", n }
#define LSO_HW		{ "tx_lso_hw", 1 }
#define LSO_SEGS(n)	{ "tx_lso_hw_segs", n }
#define LSO_SW		{ "tx_lso_sw", 1 }
#define USO_HW		{ "tx_uso_hw", 1 }
#define USO_SEGS(n)	{ "tx_uso_hw_segs", n }
#define USO_SW		{ "tx_uso_sw", 1 }
#define VLAN_HW		{ "tx_vlan_hw", 1 }
#define VLAN_SW		{ "tx_vlan_sw", 1 }
#define DROPPED		{ "tx_offload_dropped", 1 }
#define WHY(r, n)	{ "tx_fallback_" #r, n }

#define Q		ETH_P_8021Q
#define AD		ETH_P_8021AD

#define T4		L(ETH, IP4, TCP, DATA(201))
#define T4_GSO		L(ETH, IP4, TCP, DATA(3000))
#define U4_GSO		L(ETH, IP4, UDP, DATA(3000))
#define T6_GSO		L(ETH, IP6, TCP, DATA(3000))
#define U6_GSO		L(ETH, IP6, UDP, DATA(3000))

static const struct xmit_case xmit_cases[] = {
	/* full: protocol-aware, every flag, no offset limit */
	{
		.name = "full tcp4", .profile = XT_FULL, .hdrs = T4,
		.desc = D(F_CS | F_I4, 14, 34, 16, P_TCP),
		.tx = { CSUM_HW(1) },
	},
	{
		.name = "full tcp4 ip and tcp options", .profile = XT_FULL,
		.hdrs = L(ETH, IP4O, TCPO, DATA(201)),
		.desc = D(F_CS | F_I4, 14, 42, 16, P_TCP),
		.tx = { CSUM_HW(1) },
	},
	{
		.name = "full udp4", .profile = XT_FULL,
		.hdrs = L(ETH, IP4, UDP, DATA(201)),
		.desc = D(F_CS | F_I4, 14, 34, 6, P_UDP),
		.tx = { CSUM_HW(1) },
	},
	{
		.name = "full tcp6", .profile = XT_FULL,
		.hdrs = L(ETH, IP6, TCP, DATA(201)),
		.desc = D(F_CS | F_V6, 14, 54, 16, P_TCP),
		.tx = { CSUM_HW(1) },
	},
	{
		.name = "full tcp6 hop-by-hop", .profile = XT_FULL,
		.hdrs = L(ETH, IP6, HOP(8), TCP, DATA(201)),
		.stack = STACK_OWN,
		.desc = D(F_CS | F_V6, 14, 62, 16, P_TCP),
		.tx = { CSUM_HW(1) },
	},
	{
		.name = "full tcp6 routing tcp options", .profile = XT_FULL,
		.hdrs = L(ETH, IP6, RT(24), TCPO, DATA(201)),
		.stack = STACK_OWN,
		.desc = D(F_CS | F_V6, 14, 78, 16, P_TCP),
		.tx = { CSUM_HW(1) },
	},
	{
		.name = "full udp6 destination options", .profile = XT_FULL,
		.hdrs = L(ETH, IP6, DST(16), UDP, DATA(201)),
		.stack = STACK_OWN,
		.desc = D(F_CS | F_V6, 14, 70, 6, P_UDP),
		.tx = { CSUM_HW(1) },
	},
	{
		.name = "full tcp6 atomic fragment header", .profile = XT_FULL,
		.hdrs = L(ETH, IP6, FRAG(0), TCP, DATA(201)),
		.stack = STACK_OWN,
		.desc = D(F_CS | F_V6, 14, 62, 16, P_TCP),
		.tx = { CSUM_HW(1) },
	},
	{
		.name = "full tcp6 first fragment", .profile = XT_FULL,
		.hdrs = L(ETH, IP6, FRAG(1), TCP, DATA(201)),
		.strip = S_CSUM,
		.fc = { CSUM_SW(1), WHY(unknown_l4, 1) },
		.tx = { CSUM_SW(1), WHY(unknown_l4, 1) },
	},
	{
		.name = "full tcp4 first fragment", .profile = XT_FULL,
		.hdrs = L(ETH, { TB_IPV4, 0, IP_MF }, TCP, DATA(201)),
		.strip = S_CSUM,
		.fc = { CSUM_SW(1), WHY(unknown_l4, 1) },
		.tx = { CSUM_SW(1), WHY(unknown_l4, 1) },
	},
	{
		.name = "full udp4 first fragment", .profile = XT_FULL,
		.hdrs = L(ETH, { TB_IPV4, 0, IP_MF }, UDP, DATA(201)),
		.strip = S_CSUM,
		.fc = { CSUM_SW(1), WHY(unknown_l4, 1) },
		.tx = { CSUM_SW(1), WHY(unknown_l4, 1) },
	},
	{
		/* not the TCP checksum: the wire check does not apply */
		.name = "full tcp4 checksum past the tcp header",
		.profile = XT_FULL, .hdrs = T4, .bad = BAD_CSUM_START,
		.stack = STACK_OWN,
		.strip = S_CSUM,
		.fc = { CSUM_SW(1), WHY(unknown_l4, 1) },
		.tx = { CSUM_SW(1), WHY(unknown_l4, 1) },
	},
	{
		.name = "e1000 tcp4 checksum past the tcp header",
		.profile = XT_E1000, .hdrs = T4, .bad = BAD_CSUM_START,
		.stack = STACK_OWN,
		.desc = D(F_CS, 14, 38, 16, 0),
		.tx = { CSUM_HW(1) },
	},
	{
		.name = "full tcp4 checksum at udp's field",
		.profile = XT_FULL, .hdrs = T4, .bad = BAD_CSUM_FIELD,
		.stack = STACK_OWN,
		.strip = S_CSUM,
		.fc = { CSUM_SW(1), WHY(unknown_l4, 1) },
		.tx = { CSUM_SW(1), WHY(unknown_l4, 1) },
	},
	{
		/* IPv4's largest: 65549 bytes, above the 64 KiB LSO takes */
		.name = "full tcp4 gso too large", .profile = XT_FULL,
		.hdrs = L(ETH, IP4, TCP, DATA(65495)),
		.gso_type = SKB_GSO_TCPV4, .mss = 1448, .stack = STACK_OWN,
		.strip = S_GSO,
		.fc = { LSO_SW, WHY(too_large, 1) },
		.ret = NETCX_TX_SEGMENTED,
		.tx = { LSO_SW, WHY(too_large, 1) },
		.seg_desc = D(F_CS | F_I4, 14, 34, 16, P_TCP),
		.seg_tx = { CSUM_HW(46) },
	},
	{
		/* one segment: the stack cannot segment it, tx_prepare sends */
		.name = "full tcp4 gso one segment", .profile = XT_FULL,
		.hdrs = L(ETH, IP4, TCP, DATA(800)),
		.gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.desc = D(F_CS | F_I4, 14, 34, 16, P_TCP),
		.tx = { LSO_SW, WHY(too_few_segs, 1), CSUM_HW(1) },
	},
	{
		.name = "full udp6 gso one segment", .profile = XT_FULL,
		.hdrs = L(ETH, IP6, UDP, DATA(600)),
		.gso_type = SKB_GSO_UDP_L4, .mss = 1000,
		.desc = D(F_CS | F_V6, 14, 54, 6, P_UDP),
		.tx = { USO_SW, WHY(too_few_segs, 1), CSUM_HW(1) },
	},
	{
		.name = "full vlan tcp4", .profile = XT_FULL,
		.hdrs = L(ETH, VLAN(5), IP4, TCP, DATA(201)),
		.desc = D(F_CS | F_I4, 18, 38, 16, P_TCP),
		.tx = { CSUM_HW(1) },
	},
	{
		.name = "full qinq tcp4", .profile = XT_FULL,
		.hdrs = L(ETH, SVLAN(9), VLAN(5), IP4, TCP, DATA(201)),
		.strip = S_CSUM | S_GSO,
		.fc = { CSUM_SW(1), WHY(multi_tag, 1) },
		.tx = { CSUM_SW(1), WHY(multi_tag, 1) },
	},
	{
		.name = "full tag tcp4", .profile = XT_FULL, .hdrs = T4,
		.tag_proto = Q, .tci = 0x2005,
		.desc = DT(F_VL | F_CS | F_I4, 14, 34, 16, P_TCP, 0x2005),
		.tx = { VLAN_HW, CSUM_HW(1) },
	},
	{
		.name = "full tag over vlan tcp4", .profile = XT_FULL,
		.hdrs = L(ETH, VLAN(5), IP4, TCP, DATA(201)),
		.tag_proto = Q, .tci = 0x2007,
		.strip = S_CSUM | S_GSO,
		.fc = { CSUM_SW(1), WHY(multi_tag, 1) },
		.desc = DT(F_VL, 0, 0, 0, 0, 0x2007),
		.tx = { VLAN_HW, CSUM_SW(1), WHY(multi_tag, 1) },
	},
	{
		.name = "full 802.1ad tag tcp4", .profile = XT_FULL, .hdrs = T4,
		.tag_proto = AD, .tci = 5,
		.strip = S_VLAN,
		.fc = { VLAN_SW, WHY(unsupported, 1) },
		.desc = D(F_CS | F_I4, 18, 38, 16, P_TCP),
		.tx = { VLAN_SW, WHY(unsupported, 1), CSUM_HW(1) },
	},
	{
		.name = "full icmp4", .profile = XT_FULL,
		.hdrs = L(ETH, IP4, ICMP, DATA(201)),
		.strip = S_CSUM,
		.fc = { CSUM_SW(1), WHY(unknown_l4, 1) },
		.tx = { CSUM_SW(1), WHY(unknown_l4, 1) },
	},
	{
		.name = "full tcp4 not partial", .profile = XT_FULL, .hdrs = T4,
		.sum = SUM_NONE,
	},
	{
		.name = "full bad ipv4 not partial: not walked",
		.profile = XT_FULL, .hdrs = T4, .sum = SUM_NONE, .bad = BAD_IHL,
	},
	{
		.name = "full tcp4 gso", .profile = XT_FULL, .hdrs = T4_GSO,
		.gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.desc = DG(F_LSO | F_CS | F_I4, 14, 34, 16, P_TCP, 54, 1000, 3),
		.tx = { LSO_HW, LSO_SEGS(3) },
	},
	{
		.name = "full tcp6 gso", .profile = XT_FULL, .hdrs = T6_GSO,
		.gso_type = SKB_GSO_TCPV6, .mss = 1000,
		.desc = DG(F_LSO | F_CS | F_V6, 14, 54, 16, P_TCP, 74, 1000, 3),
		.tx = { LSO_HW, LSO_SEGS(3) },
	},
	{
		.name = "full tcp6 hop-by-hop gso", .profile = XT_FULL,
		.hdrs = L(ETH, IP6, HOP(8), TCP, DATA(3000)),
		.gso_type = SKB_GSO_TCPV6, .mss = 1000, .stack = STACK_OWN,
		.desc = DG(F_LSO | F_CS | F_V6, 14, 62, 16, P_TCP, 82, 1000, 3),
		.tx = { LSO_HW, LSO_SEGS(3) },
	},
	{
		.name = "full udp4 gso", .profile = XT_FULL, .hdrs = U4_GSO,
		.gso_type = SKB_GSO_UDP_L4, .mss = 1000,
		.desc = DG(F_USO | F_CS | F_I4, 14, 34, 6, P_UDP, 42, 1000, 3),
		.tx = { USO_HW, USO_SEGS(3) },
	},
	{
		.name = "full udp6 gso", .profile = XT_FULL, .hdrs = U6_GSO,
		.gso_type = SKB_GSO_UDP_L4, .mss = 1000,
		.desc = DG(F_USO | F_CS | F_V6, 14, 54, 6, P_UDP, 62, 1000, 3),
		.tx = { USO_HW, USO_SEGS(3) },
	},
	{
		.name = "full tag tcp4 gso", .profile = XT_FULL, .hdrs = T4_GSO,
		.gso_type = SKB_GSO_TCPV4, .mss = 1000, .tag_proto = Q, .tci = 5,
		.desc = DGT(F_VL | F_LSO | F_CS | F_I4, 14, 34, 16, P_TCP, 54,
			    1000, 3, 5),
		.tx = { VLAN_HW, LSO_HW, LSO_SEGS(3) },
	},
	{
		.name = "full qinq tcp4 gso", .profile = XT_FULL,
		.hdrs = L(ETH, SVLAN(9), VLAN(5), IP4, TCP, DATA(3000)),
		.gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.strip = S_CSUM | S_GSO,
		.fc = { LSO_SW, CSUM_SW(3), WHY(multi_tag, 4) },
		.ret = NETCX_TX_SEGMENTED,
		.tx = { LSO_SW, CSUM_SW(3), WHY(multi_tag, 4) },
	},
	{
		.name = "full tcp4 gso with ecn", .profile = XT_FULL,
		.hdrs = T4_GSO, .gso_type = SKB_GSO_TCPV4 | SKB_GSO_TCP_ECN,
		.mss = 1000,
		.strip = S_GSO,
		.fc = { LSO_SW, WHY(inactive, 1) },
		.ret = NETCX_TX_SEGMENTED,
		.tx = { LSO_SW, WHY(inactive, 1) },
		.seg_desc = D(F_CS | F_I4, 14, 34, 16, P_TCP),
		.seg_tx = { CSUM_HW(3) },
	},
	{
		/* the stack cannot segment it either; it drops it itself */
		.name = "full tcp gso type on udp", .profile = XT_FULL,
		.hdrs = U4_GSO, .gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.stack = STACK_OWN,
		.strip = S_GSO,
		.fc = { LSO_SW, WHY(unknown_l4, 1) },
		.ret = -EINVAL,
		.tx = { DROPPED },
	},

	/* e1000-like: generic checksum, offset limit 255, IPv4 LSO */
	{
		.name = "e1000 tcp4", .profile = XT_E1000, .hdrs = T4,
		.desc = D(F_CS, 14, 34, 16, P_TCP),
		.tx = { CSUM_HW(1) },
	},
	{
		.name = "e1000 tcp4 ip and tcp options", .profile = XT_E1000,
		.hdrs = L(ETH, IP4O, TCPO, DATA(201)),
		.desc = D(F_CS, 14, 42, 16, P_TCP),
		.tx = { CSUM_HW(1) },
	},
	{
		.name = "e1000 tcp6 hop-by-hop", .profile = XT_E1000,
		.hdrs = L(ETH, IP6, HOP(8), TCP, DATA(201)),
		.desc = D(F_CS | F_V6, 14, 62, 16, P_TCP),
		.tx = { CSUM_HW(1) },
	},
	{
		.name = "e1000 udp6 destination options", .profile = XT_E1000,
		.hdrs = L(ETH, IP6, DST(16), UDP, DATA(201)),
		.desc = D(F_CS | F_V6, 14, 70, 6, P_UDP),
		.tx = { CSUM_HW(1) },
	},
	{
		.name = "e1000 qinq tcp4", .profile = XT_E1000,
		.hdrs = L(ETH, SVLAN(9), VLAN(5), IP4, TCP, DATA(201)),
		.strip = S_GSO,		/* vlan_features_check() */
		.desc = D(F_CS, 22, 42, 16, P_TCP),
		.tx = { CSUM_HW(1) },
	},
	{
		.name = "e1000 icmp4", .profile = XT_E1000,
		.hdrs = L(ETH, IP4, ICMP, DATA(201)),
		.desc = D(F_CS, 14, 34, 2, 0),
		.tx = { CSUM_HW(1) },
	},
	{
		.name = "e1000 tcp6 first fragment", .profile = XT_E1000,
		.hdrs = L(ETH, IP6, FRAG(1), TCP, DATA(201)),
		.desc = D(F_CS | F_V6, 14, 62, 16, 0),
		.tx = { CSUM_HW(1) },
	},
	{
		.name = "e1000 tcp6 past the offset limit", .profile = XT_E1000,
		.hdrs = L(ETH, IP6, HOP(208), TCP, DATA(201)),
		.strip = S_CSUM,
		.fc = { CSUM_SW(1), WHY(l4_offset, 1) },
		.tx = { CSUM_SW(1), WHY(l4_offset, 1) },
	},
	{
		.name = "e1000 tag tcp4", .profile = XT_E1000, .hdrs = T4,
		.tag_proto = Q, .tci = 0x2005,
		.strip = S_VLAN,
		.fc = { VLAN_SW, WHY(unsupported, 1) },
		.desc = D(F_CS, 18, 38, 16, P_TCP),
		.tx = { VLAN_SW, WHY(unsupported, 1), CSUM_HW(1) },
	},
	{
		.name = "e1000 tcp4 gso", .profile = XT_E1000, .hdrs = T4_GSO,
		.gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.desc = DG(F_LSO | F_CS | F_I4, 14, 34, 16, P_TCP, 54, 1000, 3),
		.tx = { LSO_HW, LSO_SEGS(3) },
	},
	{
		.name = "e1000 tcp6 gso", .profile = XT_E1000, .hdrs = T6_GSO,
		.gso_type = SKB_GSO_TCPV6, .mss = 1000,
		.strip = S_GSO,
		.fc = { LSO_SW, WHY(unsupported, 1) },
		.ret = NETCX_TX_SEGMENTED,
		.tx = { LSO_SW, WHY(unsupported, 1) },
		.seg_desc = D(F_CS | F_V6, 14, 54, 16, P_TCP),
		.seg_tx = { CSUM_HW(3) },
	},
	{
		.name = "e1000 tag tcp4 gso", .profile = XT_E1000,
		.hdrs = T4_GSO, .gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.tag_proto = Q, .tci = 5,
		.strip = S_VLAN,
		.fc = { VLAN_SW, WHY(unsupported, 1) },
		.desc = DG(F_LSO | F_CS | F_I4, 18, 38, 16, P_TCP, 58, 1000, 3),
		.tx = { VLAN_SW, WHY(unsupported, 1), LSO_HW, LSO_SEGS(3) },
	},
	{
		.name = "e1000 tag tcp4 gso one segment", .profile = XT_E1000,
		.hdrs = L(ETH, IP4, TCP, DATA(800)),
		.gso_type = SKB_GSO_TCPV4, .mss = 1000, .tag_proto = Q, .tci = 5,
		.strip = S_VLAN,
		.fc = { VLAN_SW, WHY(unsupported, 1) },
		.desc = D(F_CS, 18, 38, 16, P_TCP),
		.tx = { VLAN_SW, WHY(unsupported, 1), LSO_SW,
			WHY(too_few_segs, 1), CSUM_HW(1) },
	},
	{
		.name = "e1000 qinq tcp4 gso", .profile = XT_E1000,
		.hdrs = L(ETH, SVLAN(9), VLAN(5), IP4, TCP, DATA(3000)),
		.gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.strip = S_GSO,
		.fc = { LSO_SW, WHY(multi_tag, 1) },
		.ret = NETCX_TX_SEGMENTED,
		.tx = { LSO_SW, WHY(multi_tag, 1) },
		.seg_desc = D(F_CS, 22, 42, 16, P_TCP),
		.seg_tx = { CSUM_HW(3) },
	},

	/* basic: protocol-aware, no options, offset limits 14 and 34 */
	{
		.name = "basic tcp4", .profile = XT_BASIC, .hdrs = T4,
		.desc = D(F_CS | F_I4, 14, 34, 16, P_TCP),
		.tx = { CSUM_HW(1) },
	},
	{
		.name = "basic udp4", .profile = XT_BASIC,
		.hdrs = L(ETH, IP4, UDP, DATA(201)),
		.desc = D(F_CS | F_I4, 14, 34, 6, P_UDP),
		.tx = { CSUM_HW(1) },
	},
	{
		.name = "basic tcp4 ip options, paged", .profile = XT_BASIC,
		.hdrs = L(ETH, IP4O, TCP, DATA(1201)), .headlen = 14 + 28 + 20,
		.strip = S_CSUM,
		.fc = { CSUM_SW(1), WHY(ipv4_options, 1) },
		.tx = { CSUM_SW(1), WHY(ipv4_options, 1) },
	},
	{
		.name = "basic tcp4 tcp options", .profile = XT_BASIC,
		.hdrs = L(ETH, IP4, TCPO, DATA(201)),
		.strip = S_CSUM,
		.fc = { CSUM_SW(1), WHY(tcp_options, 1) },
		.tx = { CSUM_SW(1), WHY(tcp_options, 1) },
	},
	{
		.name = "basic tcp6", .profile = XT_BASIC,
		.hdrs = L(ETH, IP6, TCP, DATA(201)),
		.strip = S_CSUM,
		.fc = { CSUM_SW(1), WHY(l4_offset, 1) },
		.tx = { CSUM_SW(1), WHY(l4_offset, 1) },
	},
	{
		.name = "basic tcp6 hop-by-hop", .profile = XT_BASIC,
		.hdrs = L(ETH, IP6, HOP(8), TCP, DATA(201)),
		.strip = S_CSUM,
		.fc = { CSUM_SW(1), WHY(ipv6_exthdr, 1) },
		.tx = { CSUM_SW(1), WHY(ipv6_exthdr, 1) },
	},
	{
		.name = "basic udp6 fragment header", .profile = XT_BASIC,
		.hdrs = L(ETH, IP6, FRAG(0), UDP, DATA(201)),
		.strip = S_CSUM,
		.fc = { CSUM_SW(1), WHY(ipv6_exthdr, 1) },
		.tx = { CSUM_SW(1), WHY(ipv6_exthdr, 1) },
	},
	{
		.name = "basic vlan tcp4", .profile = XT_BASIC,
		.hdrs = L(ETH, VLAN(5), IP4, TCP, DATA(201)),
		.strip = S_CSUM,
		.fc = { CSUM_SW(1), WHY(l3_offset, 1) },
		.tx = { CSUM_SW(1), WHY(l3_offset, 1) },
	},
	{
		.name = "basic tcp4 gso", .profile = XT_BASIC, .hdrs = T4_GSO,
		.gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.strip = S_GSO,
		.fc = { LSO_SW, WHY(unsupported, 1) },
		.ret = NETCX_TX_SEGMENTED,
		.tx = { LSO_SW, WHY(unsupported, 1) },
		.seg_desc = D(F_CS | F_I4, 14, 34, 16, P_TCP),
		.seg_tx = { CSUM_HW(3) },
	},
	{
		.name = "basic tcp4 options gso, paged", .profile = XT_BASIC,
		.hdrs = L(ETH, IP4, TCPO, DATA(3000)), .headlen = 14 + 20 + 32,
		.gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.strip = S_CSUM | S_GSO,
		.fc = { LSO_SW, WHY(unsupported, 1), CSUM_SW(3),
			WHY(tcp_options, 3) },
		.ret = NETCX_TX_SEGMENTED,
		.tx = { LSO_SW, WHY(unsupported, 1), CSUM_SW(3),
			WHY(tcp_options, 3) },
	},

	/* limits: LSO 3-5 segments, 6000 bytes, offset 54; USO 2-3, 4000 */
	{
		.name = "limits tcp4 gso", .profile = XT_LIMITS, .hdrs = T4_GSO,
		.gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.desc = DG(F_LSO | F_CS | F_I4, 14, 34, 16, P_TCP, 54, 1000, 3),
		.tx = { LSO_HW, LSO_SEGS(3) },
	},
	{
		.name = "limits tcp4 gso too few segments", .profile = XT_LIMITS,
		.hdrs = L(ETH, IP4, TCP, DATA(2000)),
		.gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.strip = S_GSO,
		.fc = { LSO_SW, WHY(too_few_segs, 1) },
		.ret = NETCX_TX_SEGMENTED,
		.tx = { LSO_SW, WHY(too_few_segs, 1) },
		.seg_desc = D(F_CS | F_I4, 14, 34, 16, P_TCP),
		.seg_tx = { CSUM_HW(2) },
	},
	{
		/* one segment: the stack cannot segment it, tx_prepare sends */
		.name = "limits tcp4 gso one segment", .profile = XT_LIMITS,
		.hdrs = L(ETH, IP4, TCP, DATA(800)),
		.gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.desc = D(F_CS | F_I4, 14, 34, 16, P_TCP),
		.tx = { LSO_SW, WHY(too_few_segs, 1), CSUM_HW(1) },
	},
	{
		/* without TSO in its features, the stack drops it itself */
		.name = "basic tcp4 options gso one segment, sw csum",
		.profile = XT_BASIC, .hdrs = L(ETH, IP4, TCPO, DATA(800)),
		.gso_type = SKB_GSO_TCPV4, .mss = 1000, .stack = STACK_OWN,
		.tx = { LSO_SW, WHY(unsupported, 1), CSUM_SW(1),
			WHY(tcp_options, 1) },
	},
	{
		.name = "limits tcp4 gso too many segments", .profile = XT_LIMITS,
		.hdrs = T4_GSO, .gso_type = SKB_GSO_TCPV4, .mss = 500,
		.strip = S_GSO,
		.fc = { LSO_SW, WHY(too_many_segs, 1) },
		.ret = NETCX_TX_SEGMENTED,
		.tx = { LSO_SW, WHY(too_many_segs, 1) },
		.seg_desc = D(F_CS | F_I4, 14, 34, 16, P_TCP),
		.seg_tx = { CSUM_HW(6) },
	},
	{
		.name = "limits tcp4 gso too large", .profile = XT_LIMITS,
		.hdrs = L(ETH, IP4, TCP, DATA(7000)),
		.gso_type = SKB_GSO_TCPV4, .mss = 1400,
		.strip = S_GSO,
		.fc = { LSO_SW, WHY(too_large, 1) },
		.ret = NETCX_TX_SEGMENTED,
		.tx = { LSO_SW, WHY(too_large, 1) },
		.seg_desc = D(F_CS | F_I4, 14, 34, 16, P_TCP),
		.seg_tx = { CSUM_HW(5) },
	},
	{
		.name = "limits tcp4 ip options gso", .profile = XT_LIMITS,
		.hdrs = L(ETH, IP4O, TCP, DATA(3000)),
		.gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.strip = S_GSO,
		.fc = { LSO_SW, WHY(ipv4_options, 1) },
		.ret = NETCX_TX_SEGMENTED,
		.tx = { LSO_SW, WHY(ipv4_options, 1) },
		.seg_desc = D(F_CS | F_I4, 14, 42, 16, P_TCP),
		.seg_tx = { CSUM_HW(3) },
	},
	{
		.name = "limits tcp6 hop-by-hop gso", .profile = XT_LIMITS,
		.hdrs = L(ETH, IP6, HOP(8), TCP, DATA(3000)),
		.gso_type = SKB_GSO_TCPV6, .mss = 1000, .stack = STACK_OWN,
		.strip = S_GSO,
		.fc = { LSO_SW, WHY(ipv6_exthdr, 1) },
		.ret = NETCX_TX_SEGMENTED,
		.tx = { LSO_SW, WHY(ipv6_exthdr, 1) },
		.seg_desc = D(F_CS | F_V6, 14, 62, 16, P_TCP),
		.seg_tx = { CSUM_HW(3) },
	},
	{
		.name = "limits vlan tcp6 gso past the offset limit",
		.profile = XT_LIMITS,
		.hdrs = L(ETH, VLAN(5), IP6, TCP, DATA(3000)),
		.gso_type = SKB_GSO_TCPV6, .mss = 1000,
		.strip = S_GSO,
		.fc = { LSO_SW, WHY(l4_offset, 1) },
		.ret = NETCX_TX_SEGMENTED,
		.tx = { LSO_SW, WHY(l4_offset, 1) },
		.seg_desc = D(F_CS | F_V6, 18, 58, 16, P_TCP),
		.seg_tx = { CSUM_HW(3) },
	},
	{
		.name = "limits udp4 gso", .profile = XT_LIMITS, .hdrs = U4_GSO,
		.gso_type = SKB_GSO_UDP_L4, .mss = 1000,
		.desc = DG(F_USO | F_CS | F_I4, 14, 34, 6, P_UDP, 42, 1000, 3),
		.tx = { USO_HW, USO_SEGS(3) },
	},
	{
		.name = "limits udp4 gso too large", .profile = XT_LIMITS,
		.hdrs = L(ETH, IP4, UDP, DATA(4000)),
		.gso_type = SKB_GSO_UDP_L4, .mss = 2000,
		.strip = S_GSO,
		.fc = { USO_SW, WHY(too_large, 1) },
		.ret = NETCX_TX_SEGMENTED,
		.tx = { USO_SW, WHY(too_large, 1) },
		.seg_desc = D(F_CS | F_I4, 14, 34, 6, P_UDP),
		.seg_tx = { CSUM_HW(2) },
	},
	{
		.name = "limits udp6 gso too many segments",
		.profile = XT_LIMITS, .hdrs = L(ETH, IP6, UDP, DATA(2000)),
		.gso_type = SKB_GSO_UDP_L4, .mss = 500,
		.strip = S_GSO,
		.fc = { USO_SW, WHY(too_many_segs, 1) },
		.ret = NETCX_TX_SEGMENTED,
		.tx = { USO_SW, WHY(too_many_segs, 1) },
		.seg_desc = D(F_CS | F_V6, 14, 54, 6, P_UDP),
		.seg_tx = { CSUM_HW(4) },
	},
	{
		.name = "limits udp4 gso one segment", .profile = XT_LIMITS,
		.hdrs = L(ETH, IP4, UDP, DATA(600)),
		.gso_type = SKB_GSO_UDP_L4, .mss = 1000,
		.desc = D(F_CS | F_I4, 14, 34, 6, P_UDP),
		.tx = { USO_SW, WHY(too_few_segs, 1), CSUM_HW(1) },
	},

	/* keywords: TX TCP6 off, LSO TCP4 off, priority tags only, USO6 off */
	{
		.name = "keywords tcp6", .profile = XT_KW,
		.hdrs = L(ETH, IP6, TCP, DATA(201)),
		.strip = S_CSUM,
		.fc = { CSUM_SW(1), WHY(kind_disabled, 1) },
		.tx = { CSUM_SW(1), WHY(kind_disabled, 1) },
	},
	{
		.name = "keywords udp6", .profile = XT_KW,
		.hdrs = L(ETH, IP6, UDP, DATA(201)),
		.desc = D(F_CS | F_V6, 14, 54, 6, P_UDP),
		.tx = { CSUM_HW(1) },
	},
	{
		.name = "keywords tcp4 gso", .profile = XT_KW, .hdrs = T4_GSO,
		.gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.strip = S_GSO,
		.fc = { LSO_SW, WHY(kind_disabled, 1) },
		.ret = NETCX_TX_SEGMENTED,
		.tx = { LSO_SW, WHY(kind_disabled, 1) },
		.seg_desc = D(F_CS | F_I4, 14, 34, 16, P_TCP),
		.seg_tx = { CSUM_HW(3) },
	},
	{
		.name = "keywords tcp6 gso, paged", .profile = XT_KW,
		.hdrs = T6_GSO, .headlen = 74,
		.gso_type = SKB_GSO_TCPV6, .mss = 1000,
		.strip = S_CSUM | S_GSO,
		.fc = { LSO_SW, CSUM_SW(3), WHY(kind_disabled, 4) },
		.ret = NETCX_TX_SEGMENTED,
		.tx = { LSO_SW, CSUM_SW(3), WHY(kind_disabled, 4) },
	},
	{
		.name = "keywords udp4 gso", .profile = XT_KW, .hdrs = U4_GSO,
		.gso_type = SKB_GSO_UDP_L4, .mss = 1000,
		.desc = DG(F_USO | F_CS | F_I4, 14, 34, 6, P_UDP, 42, 1000, 3),
		.tx = { USO_HW, USO_SEGS(3) },
	},
	{
		.name = "keywords udp6 gso", .profile = XT_KW, .hdrs = U6_GSO,
		.gso_type = SKB_GSO_UDP_L4, .mss = 1000,
		.strip = S_GSO,
		.fc = { USO_SW, WHY(kind_disabled, 1) },
		.ret = NETCX_TX_SEGMENTED,
		.tx = { USO_SW, WHY(kind_disabled, 1) },
		.seg_desc = D(F_CS | F_V6, 14, 54, 6, P_UDP),
		.seg_tx = { CSUM_HW(3) },
	},
	{
		.name = "keywords tag with a vlan id", .profile = XT_KW,
		.hdrs = T4, .tag_proto = Q, .tci = 5,
		.strip = S_VLAN,
		.fc = { VLAN_SW, WHY(kind_disabled, 1) },
		.desc = D(F_CS | F_I4, 18, 38, 16, P_TCP),
		.tx = { VLAN_SW, WHY(kind_disabled, 1), CSUM_HW(1) },
	},
	{
		.name = "keywords priority tag", .profile = XT_KW, .hdrs = T4,
		.tag_proto = Q, .tci = 0x6000,
		.desc = DT(F_VL | F_CS | F_I4, 14, 34, 16, P_TCP, 0x6000),
		.tx = { VLAN_HW, CSUM_HW(1) },
	},

	/* 802.1Q hardware that inserts only one kind of tag */
	{
		.name = "priority-only tag with a vlan id", .profile = XT_PRIO,
		.hdrs = T4, .tag_proto = Q, .tci = 0x2005,
		.strip = S_VLAN,
		.fc = { VLAN_SW, WHY(unsupported, 1) },
		.desc = D(F_CS | F_I4, 18, 38, 16, P_TCP),
		.tx = { VLAN_SW, WHY(unsupported, 1), CSUM_HW(1) },
	},
	{
		.name = "priority-only priority tag", .profile = XT_PRIO,
		.hdrs = T4, .tag_proto = Q, .tci = 0xa000,
		.desc = DT(F_VL | F_CS | F_I4, 14, 34, 16, P_TCP, 0xa000),
		.tx = { VLAN_HW, CSUM_HW(1) },
	},
	{
		.name = "priority-only zero tag", .profile = XT_PRIO,
		.hdrs = T4, .tag_proto = Q, .tci = 0,
		.desc = DT(F_VL | F_CS | F_I4, 14, 34, 16, P_TCP, 0),
		.tx = { VLAN_HW, CSUM_HW(1) },
	},
	{
		.name = "vlan-only tag with a priority", .profile = XT_VLANONLY,
		.hdrs = T4, .tag_proto = Q, .tci = 0x2005,
		.strip = S_VLAN,
		.fc = { VLAN_SW, WHY(unsupported, 1) },
		.desc = D(F_CS | F_I4, 18, 38, 16, P_TCP),
		.tx = { VLAN_SW, WHY(unsupported, 1), CSUM_HW(1) },
	},
	{
		.name = "vlan-only tag", .profile = XT_VLANONLY,
		.hdrs = T4, .tag_proto = Q, .tci = 0x0005,
		.desc = DT(F_VL | F_CS | F_I4, 14, 34, 16, P_TCP, 5),
		.tx = { VLAN_HW, CSUM_HW(1) },
	},

	/* switched off at run time (ethtool -K) */
	{
		.name = "full, tso off", .profile = XT_FULL, .off = NETIF_F_TSO,
		.hdrs = T4_GSO, .gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.strip = S_GSO,
		.fc = { LSO_SW, WHY(inactive, 1) },
		.ret = NETCX_TX_SEGMENTED,
		.tx = { LSO_SW, WHY(inactive, 1) },
		.seg_desc = D(F_CS | F_I4, 14, 34, 16, P_TCP),
		.seg_tx = { CSUM_HW(3) },
	},
	{
		.name = "full, tx-checksum-ipv4 off", .profile = XT_FULL,
		.off = NETIF_F_IP_CSUM, .hdrs = T4,
		.strip = S_CSUM,
		.fc = { CSUM_SW(1), WHY(inactive, 1) },
		.tx = { CSUM_SW(1), WHY(inactive, 1) },
	},
	{
		.name = "full, txvlan off", .profile = XT_FULL,
		.off = NETIF_F_HW_VLAN_CTAG_TX, .hdrs = T4,
		.tag_proto = Q, .tci = 5,
		.strip = S_VLAN,
		.fc = { VLAN_SW, WHY(inactive, 1) },
		.desc = D(F_CS | F_I4, 18, 38, 16, P_TCP),
		.tx = { VLAN_SW, WHY(inactive, 1), CSUM_HW(1) },
	},
	{
		.name = "full, every offload off", .profile = XT_FULL,
		.off = NETCX_FEATURES, .hdrs = T4_GSO,
		.gso_type = SKB_GSO_TCPV4, .mss = 1000, .tag_proto = Q, .tci = 5,
		.strip = S_CSUM | S_GSO | S_VLAN,
		.fc = { VLAN_SW, LSO_SW, CSUM_SW(3), WHY(inactive, 5) },
		.ret = NETCX_TX_SEGMENTED,
		.tx = { VLAN_SW, LSO_SW, CSUM_SW(3), WHY(inactive, 5) },
	},

	/* malformed: dropped by netcx_tx_prepare(), left by the check */
	{
		.name = "truncated tcp header", .profile = XT_FULL,
		.hdrs = L(ETH, IP4, TCP), .trim = 14 + 20 + 10,
		.ret = -EBADMSG,
		.tx = { DROPPED, WHY(malformed, 1) },
	},
	{
		.name = "ipv4 header length below 20", .profile = XT_FULL,
		.hdrs = T4, .bad = BAD_IHL,
		.ret = -EINVAL,
		.tx = { DROPPED, WHY(malformed, 1) },
	},
	{
		.name = "tcp data offset below 5", .profile = XT_FULL,
		.hdrs = T4, .bad = BAD_DOFF,
		.ret = -EINVAL,
		.tx = { DROPPED, WHY(malformed, 1) },
	},
	{
		.name = "ipv6 extension header past the end", .profile = XT_FULL,
		.hdrs = L(ETH, IP6, HOP(8), TCP, DATA(10)), .bad = BAD_HOPLEN,
		.stack = STACK_OWN,
		.ret = -EBADMSG,
		.tx = { DROPPED, WHY(malformed, 1) },
	},
	{
		.name = "checksum offset past the end", .profile = XT_FULL,
		.hdrs = T4, .bad = BAD_CSUM_OFFSET, .stack = STACK_SKIP,
		.ret = -EINVAL,
		.tx = { DROPPED, WHY(malformed, 1) },
	},
	{
		.name = "gso not checksum partial", .profile = XT_FULL,
		.hdrs = T4_GSO, .sum = SUM_NONE, .stack = STACK_SKIP,
		.gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.ret = -EINVAL,
		.tx = { DROPPED, WHY(malformed, 1) },
	},
	{
		.name = "gso without payload", .profile = XT_FULL,
		.hdrs = L(ETH, IP4, TCP), .stack = STACK_SKIP,
		.gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.ret = -EINVAL,
		.tx = { DROPPED, WHY(malformed, 1) },
	},
};

#endif /* _NETCX_XMIT_CASES_H */
