// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the per-packet transmit decision for encapsulated packets (VXLAN,
 * GENEVE, GRE, gretap, IPIP, SIT, ip6tnl; outer and inner IPv4 and IPv6)
 * built byte by byte with testing/netcx_tnl_build.h: the builder itself
 * against the kernel's own checksum and segmentation, then every fallback
 * reason, the descriptor, the counters, from both callers.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <net/udp_tunnel.h>

#include <compat/compat.h>
#include <netcx/netcx.h>

#include "core/kinds.h"
#include "../testing/netcx_counters.h"
#include "../testing/netcx_tnl_build.h"
#include "../testing/netcx_test.h"
#include "../testing/netcx_tx_call.h"
#include "../testing/netcx_test_dev.h"

#define L(...)	((const struct tb_layer[]){ __VA_ARGS__, { TB_END } })
#define ETH	{ TB_ETH }
#define ICMP	{ TB_ICMP }
#define IP4	{ TB_IPV4, 0, 0x4000 }
#define IP4O	{ TB_IPV4, 8, 0x4000 }
#define IP6	{ TB_IPV6 }
#define HOP(n)	{ TB_HOP, n }
#define TCP	{ TB_TCP, 0, 0x18 }
#define TCPO	{ TB_TCP, 12, 0x18 }
#define UDP	{ TB_UDP }
#define DATA(n)	{ TB_DATA, n }

/* ---- the builder against the kernel ---- */

struct tt_case {
	const char *name;
	struct tt_spec s;
};

static const struct tt_case tt_cases[] = {
	{ "vxlan4-4", { TT_VXLAN, .inner = L(ETH, IP4, TCP, DATA(3000)) } },
	{ "vxlan4-6 csum", { TT_VXLAN, .udp_csum = true,
			     .inner = L(ETH, IP6, TCP, DATA(3000)) } },
	{ "vxlan6-4 csum", { TT_VXLAN, .outer_v6 = true, .udp_csum = true,
			     .inner = L(ETH, IP4, TCPO, DATA(3000)) } },
	{ "vxlan4o-4 udp", { TT_VXLAN, .outer_opts = 8, .udp_csum = true,
			     .inner = L(ETH, IP4, UDP, DATA(3000)) } },
	{ "geneve4-4 opts", { TT_GENEVE, .udp_csum = true, .geneve_opts = 24,
			      .inner = L(ETH, IP4, TCP, DATA(3000)) } },
	{ "geneve6-6 ip", { TT_GENEVE, .outer_v6 = true, .geneve_opts = 132,
			    .inner = L(IP6, TCP, DATA(3000)) } },
	{ "gre4-4", { TT_GRE, .inner = L(IP4, TCP, DATA(3000)) } },
	{ "gre4-6 cks", { TT_GRE, .gre_flags = TT_GRE_C | TT_GRE_K | TT_GRE_S,
			  .inner = L(IP6, TCP, DATA(3000)) } },
	{ "gretap6-4 ck", { TT_GRE, .outer_v6 = true,
			    .gre_flags = TT_GRE_C | TT_GRE_K,
			    .inner = L(ETH, IP4, TCP, DATA(3000)) } },
	{ "ipip", { TT_IPXIP, .inner = L(IP4, TCP, DATA(3000)) } },
	{ "sit", { TT_IPXIP, .inner = L(IP6, TCP, DATA(3000)) } },
	{ "ip6tnl4", { TT_IPXIP, .outer_v6 = true,
		       .inner = L(IP4, TCP, DATA(3000)) } },
	{ "ip6tnl6 dst", { TT_IPXIP, .outer_v6 = true, .outer_opts = 8,
			   .inner = L(IP6, HOP(8), TCP, DATA(3000)) } },
};

static void tt_case_desc(const struct tt_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(tt, tt_cases, tt_case_desc);

/* A test device: hardware checksums nowhere, so GSO computes them all. */
static struct net_device *tt_dev(struct kunit *test)
{
	netcx_test_dev(test, NULL, NETIF_F_SG);
	return test->priv;
}

/*
 * CHECKSUM_PARTIAL: the kernel's skb_checksum_help() completes the inner
 * checksum, and the frame is then the one built, outer checksum (local
 * checksum offload's) included.
 */
static void tt_builder_csum(struct kunit *test)
{
	const struct tt_case *c = test->param_value;
	struct tt_opts o = { .csum = true, .headlen = 300 };
	struct sk_buff *skb;
	struct tt_pkt p;
	u8 *got;

	o.dev = tt_dev(test);
	tt_pkt_init(test, &p, &c->s);
	skb = tt_skb(test, &p, &o);
	got = kunit_kmalloc(test, p.len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, got);
	KUNIT_EXPECT_EQ(test, skb_checksum_help(skb), 0);
	KUNIT_ASSERT_EQ(test, skb_copy_bits(skb, 0, got, p.len), 0);
	KUNIT_EXPECT_MEMEQ(test, got, p.buf, p.len);
	kfree_skb(skb);
}

/*
 * GSO: skb_gso_segment() without any hardware help gives segments whose
 * lengths and checksums are what tt_fix() writes for their size.
 */
static void tt_builder_gso(struct kunit *test)
{
	const struct tt_case *c = test->param_value;
	struct tt_opts o = { .mss = 1000, .headlen = 300 };
	struct sk_buff *skb, *segs, *seg;
	unsigned int n = 0, total = 0;
	struct tt_pkt p;
	u8 *got, *want;

	o.dev = tt_dev(test);
	tt_pkt_init(test, &p, &c->s);
	skb = tt_skb(test, &p, &o);
	got = kunit_kmalloc(test, p.len, GFP_KERNEL);
	want = kunit_kmalloc(test, p.len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, got);
	KUNIT_ASSERT_NOT_NULL(test, want);

	local_bh_disable();
	segs = skb_gso_segment(skb, NETIF_F_SG);
	local_bh_enable();
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(segs));
	skb_list_walk_safe(segs, seg, segs) {
		KUNIT_EXPECT_EQ(test, (int)seg->ip_summed, CHECKSUM_NONE);
		KUNIT_EXPECT_LE(test, seg->len, p.hlen + 1000);
		if (skb_copy_bits(seg, 0, got, seg->len) == 0) {
			memcpy(want, got, seg->len);
			tt_fix(&p, want, seg->len);
			KUNIT_EXPECT_MEMEQ(test, got, want, seg->len);
			total += seg->len - p.hlen;
		}
		n++;
		kfree_skb(seg);
	}
	KUNIT_EXPECT_EQ(test, n, 3);
	KUNIT_EXPECT_EQ(test, total, p.len - p.hlen);
	consume_skb(skb);
}

/* ---- the decision ---- */

enum tx_bad {
	BAD_NONE,
	BAD_INNER_NH,	/* skb's inner network header 2 bytes off */
	BAD_VXLAN_GPE,	/* VXLAN flags of VXLAN-GPE: not VXLAN */
	BAD_GRE_VER,	/* GRE version 1 (PPTP) */
	BAD_TAG,	/* an out-of-band 802.1ad tag: pushed in software */
};

#define WHY_KEEP	0xff	/* netcx_features_check() keeps everything */

struct tx_case {
	const char *name;
	enum netcx_test_profile prof;
	void (*edit)(struct netcx_test_caps *c);
	struct tt_spec s;
	u16 mss;
	bool partial;
	u8 bad;
	netdev_features_t off;
	/* expected: segmentation's reason (GSO), the checksum's reason */
	u8 gso_why;
	u8 csum_why;
	/* from netcx_features_check(), when not as from netcx_tx_prepare() */
	u8 stack_why;
	/* the descriptor flags when the hardware takes it all */
	u16 flags;
};

#define TNL	NETCX_TXD_TNL
#define CS	NETCX_TXD_L4_CSUM
#define V6	NETCX_TXD_IPV6
#define IV6	NETCX_TXD_IIPV6
#define I4	NETCX_TXD_IPV4_CSUM
#define O4	NETCX_TXD_OUTER_IPV4_CSUM
#define OCS	NETCX_TXD_OUTER_CSUM
#define LSO	NETCX_TXD_LSO
#define USO	NETCX_TXD_USO

static void e_l4_limit(struct netcx_test_caps *c)
{
	c->tnl.inner_l4_offset_limit = 60;
}

static void e_l3_limit(struct netcx_test_caps *c)
{
	c->tnl.inner_l3_offset_limit = 36;
}

static void e_segs(struct netcx_test_caps *c)
{
	c->lso.max_segs = 2;
}

static void e_size(struct netcx_test_caps *c)
{
	c->lso.max_size = 2000;
}

static void e_no_udp(struct netcx_test_caps *c)
{
	c->tnl.inner_l4 = NETCX_L4_TCP | NETCX_L4_TCP_OPTS;
	c->tnl.gso_l4 = NETCX_L4_TCP | NETCX_L4_TCP_OPTS;
}

#define VX(...)	{ TT_VXLAN, .inner = L(ETH, __VA_ARGS__) }
#define VXC(...) { TT_VXLAN, .udp_csum = true, .inner = L(ETH, __VA_ARGS__) }
#define VX6C(...) { TT_VXLAN, .outer_v6 = true, .udp_csum = true, \
		    .inner = L(ETH, __VA_ARGS__) }
#define GNV(o, ...) { TT_GENEVE, .udp_csum = true, .geneve_opts = o, \
		      .inner = L(__VA_ARGS__) }
#define GNV6(o, ...) { TT_GENEVE, .outer_v6 = true, .geneve_opts = o, \
		       .inner = L(__VA_ARGS__) }
#define GRE(f, ...) { TT_GRE, .gre_flags = f, .inner = L(__VA_ARGS__) }
#define GRE6(f, ...) { TT_GRE, .outer_v6 = true, .gre_flags = f, \
		       .inner = L(__VA_ARGS__) }
#define IPX(...) { TT_IPXIP, .inner = L(__VA_ARGS__) }
#define IPX6(...) { TT_IPXIP, .outer_v6 = true, .inner = L(__VA_ARGS__) }
#define CKS	(TT_GRE_C | TT_GRE_K | TT_GRE_S)
#define D	DATA(3000)

static const struct tx_case tx_cases[] = {
	/* the inner checksum in hardware, each encapsulation */
	{ "vxlan4 tcp4", NETCX_TEST_TNL, NULL, VXC(IP4, TCP, D),
	  .flags = TNL | CS },
	{ "vxlan4 nocsum udp6", NETCX_TEST_TNL, NULL, VX(IP6, UDP, D),
	  .flags = TNL | CS | IV6 },
	{ "vxlan6 tcp6 opts", NETCX_TEST_TNL, NULL, VX6C(IP6, TCPO, D),
	  .flags = TNL | CS | V6 | IV6 },
	{ "geneve4 opts eth", NETCX_TEST_TNL, NULL,
	  GNV(24, ETH, IP4, TCP, D), .flags = TNL | CS },
	{ "geneve6 ip6 udp", NETCX_TEST_TNL, NULL, GNV6(132, IP6, UDP, D),
	  .flags = TNL | CS | V6 | IV6 },
	{ "gre4 cks tcp6", NETCX_TEST_TNL, NULL, GRE(CKS, IP6, TCP, D),
	  .flags = TNL | CS | IV6 },
	{ "gretap6 tcp4", NETCX_TEST_TNL, NULL,
	  GRE6(TT_GRE_K, ETH, IP4, TCP, D), .flags = TNL | CS | V6 },
	{ "ipip", NETCX_TEST_TNL, NULL, IPX(IP4, TCP, D), .flags = TNL | CS },
	{ "sit", NETCX_TEST_TNL, NULL, IPX(IP6, UDP, D),
	  .flags = TNL | CS | IV6 },
	{ "ip6tnl 4in6", NETCX_TEST_TNL, NULL, IPX6(IP4, TCP, D),
	  .flags = TNL | CS | V6 },
	{ "ip6tnl 6in6", NETCX_TEST_TNL, NULL, IPX6(IP6, TCP, D),
	  .flags = TNL | CS | V6 | IV6 },
	{ "tnlcsum vxlan4", NETCX_TEST_TNL_CSUM, NULL, VXC(IP4, TCP, D),
	  .flags = TNL | CS },

	/* segmentation in hardware */
	{ "gso vxlan4 csum", NETCX_TEST_TNL, NULL, VXC(IP4, TCP, D), 1000,
	  .flags = TNL | CS | LSO | I4 | O4 | OCS },
	{ "gso vxlan4 nocsum", NETCX_TEST_TNL, NULL, VX(IP4, TCP, D), 1000,
	  .flags = TNL | CS | LSO | I4 | O4 },
	{ "gso vxlan6 tcp6", NETCX_TEST_TNL, NULL, VX6C(IP6, TCPO, D), 1000,
	  .flags = TNL | CS | LSO | V6 | IV6 | OCS },
	{ "gso vxlan4 udp4", NETCX_TEST_TNL, NULL, VXC(IP4, UDP, D), 1000,
	  .flags = TNL | CS | USO | I4 | O4 | OCS },
	{ "gso geneve6 ip6", NETCX_TEST_TNL, NULL, GNV6(8, IP6, TCP, D), 1000,
	  .flags = TNL | CS | LSO | V6 | IV6 },
	{ "gso gre4 csum", NETCX_TEST_TNL, NULL,
	  GRE(TT_GRE_C | TT_GRE_K, IP4, TCP, D), 1000,
	  .flags = TNL | CS | LSO | I4 | O4 | OCS },
	{ "gso gretap6", NETCX_TEST_TNL, NULL, GRE6(0, ETH, IP6, TCP, D), 1000,
	  .flags = TNL | CS | LSO | V6 | IV6 },
	{ "gso ipip", NETCX_TEST_TNL, NULL, IPX(IP4, TCP, D), 1000,
	  .flags = TNL | CS | LSO | I4 | O4 },
	{ "gso ip6tnl", NETCX_TEST_TNL, NULL, IPX6(IP6, TCP, D), 1000,
	  .flags = TNL | CS | LSO | V6 | IV6 },
	{ "gso partial vxlan", NETCX_TEST_TNL_PARTIAL, NULL, VXC(IP4, TCP, D),
	  1000, .partial = true, .flags = TNL | CS | LSO | I4 | O4 },
	{ "gso partial gre", NETCX_TEST_TNL_PARTIAL, NULL,
	  GRE(TT_GRE_C, IP4, TCP, D), 1000, .partial = true,
	  .flags = TNL | CS | LSO | I4 | O4 },
	{ "gso nocsum on partial", NETCX_TEST_TNL_PARTIAL, NULL,
	  VX(IP4, TCP, D), 1000, .flags = TNL | CS | LSO | I4 | O4 },

	/* each reason */
	{ "unknown_port", NETCX_TEST_TNL, NULL,
	  { TT_VXLAN, .port = 4790, .inner = L(ETH, IP4, TCP, D) },
	  .csum_why = NETCX_WHY_UNKNOWN_PORT },
	{ "unknown_port geneve", NETCX_TEST_TNL_PARTIAL, NULL,
	  GNV(0, ETH, IP4, TCP, D), .csum_why = NETCX_WHY_UNKNOWN_PORT },
	{ "unknown_port gso", NETCX_TEST_TNL, NULL,
	  { TT_VXLAN, .port = 4790, .inner = L(ETH, IP4, TCP, D) }, 1000,
	  .gso_why = NETCX_WHY_UNKNOWN_PORT,
	  .csum_why = NETCX_WHY_UNKNOWN_PORT },
	{ "unknown_tunnel gpe", NETCX_TEST_TNL, NULL, VX(IP4, TCP, D),
	  .bad = BAD_VXLAN_GPE, .csum_why = NETCX_WHY_UNKNOWN_TUNNEL },
	{ "unknown_tunnel gre1", NETCX_TEST_TNL, NULL, GRE(0, IP4, TCP, D),
	  .bad = BAD_GRE_VER, .csum_why = NETCX_WHY_UNKNOWN_TUNNEL },
	{ "malformed", NETCX_TEST_TNL, NULL, VX(IP4, TCP, D),
	  .bad = BAD_INNER_NH, .csum_why = NETCX_WHY_MALFORMED },
	{ "malformed gso", NETCX_TEST_TNL, NULL, GRE(0, IP6, TCP, D), 1000,
	  .bad = BAD_INNER_NH, .gso_why = NETCX_WHY_MALFORMED },
	{ "outer_options", NETCX_TEST_TNL_PARTIAL, NULL,
	  { TT_VXLAN, .outer_opts = 8, .inner = L(ETH, IP4, TCP, D) },
	  .csum_why = NETCX_WHY_OUTER_OPTIONS },
	{ "inner_options ip4", NETCX_TEST_TNL_PARTIAL, NULL,
	  VX(IP4O, TCP, D), .csum_why = NETCX_WHY_INNER_OPTIONS },
	{ "inner_options gso", NETCX_TEST_TNL_PARTIAL, NULL,
	  VX(IP4, TCPO, D), 1000, .gso_why = NETCX_WHY_INNER_OPTIONS,
	  .csum_why = NETCX_WHY_INNER_OPTIONS },
	{ "inner_offset l4", NETCX_TEST_TNL, e_l4_limit, VX(IP4, TCP, D),
	  .csum_why = NETCX_WHY_INNER_OFFSET },
	{ "inner_offset l3 gso", NETCX_TEST_TNL, e_l3_limit,
	  GRE(0, IP4, TCP, D), 1000, .gso_why = NETCX_WHY_INNER_OFFSET,
	  .csum_why = NETCX_WHY_INNER_OFFSET },
	{ "inner_offset tag", NETCX_TEST_TNL_PARTIAL, NULL, VX(IP4, TCP, D),
	  .bad = BAD_TAG, .csum_why = NETCX_WHY_INNER_OFFSET },
	{ "unsupported inner ip6", NETCX_TEST_TNL_PARTIAL, NULL,
	  VX(IP6, TCP, D), .csum_why = NETCX_WHY_UNSUPPORTED },
	{ "unsupported inner udp", NETCX_TEST_TNL, e_no_udp, VX(IP4, UDP, D),
	  .csum_why = NETCX_WHY_UNSUPPORTED },
	{ "unsupported outer ip6", NETCX_TEST_TNL_PARTIAL, NULL,
	  IPX6(IP4, TCP, D), .csum_why = NETCX_WHY_UNSUPPORTED },
	{ "unsupported gso", NETCX_TEST_TNL_CSUM, NULL, VXC(IP4, TCP, D), 1000,
	  .gso_why = NETCX_WHY_UNSUPPORTED },
	{ "unsupported outer csum", NETCX_TEST_TNL_PARTIAL, NULL,
	  VXC(IP4, TCP, D), 1000, .gso_why = NETCX_WHY_UNSUPPORTED,
	  .stack_why = WHY_KEEP },
	{ "inactive csum", NETCX_TEST_TNL, NULL, VX(IP4, TCP, D),
	  .off = NETIF_F_CSUM_MASK, .csum_why = NETCX_WHY_INACTIVE },
	{ "inactive gso", NETCX_TEST_TNL, NULL, VXC(IP4, TCP, D), 1000,
	  .off = NETIF_F_GSO_UDP_TUNNEL_CSUM, .gso_why = NETCX_WHY_INACTIVE },
	{ "inactive tso6", NETCX_TEST_TNL, NULL, GRE(0, IP6, TCP, D), 1000,
	  .off = NETIF_F_TSO6, .gso_why = NETCX_WHY_INACTIVE },
	{ "unknown_l4 icmp", NETCX_TEST_TNL, NULL, VX(IP4, ICMP, D),
	  .csum_why = NETCX_WHY_UNKNOWN_L4 },
	{ "too_many_segs", NETCX_TEST_TNL, e_segs, VXC(IP4, TCP, D), 1000,
	  .gso_why = NETCX_WHY_TOO_MANY_SEGS },
	{ "too_large", NETCX_TEST_TNL, e_size, IPX(IP4, TCP, D), 1000,
	  .gso_why = NETCX_WHY_TOO_LARGE },
	{ "too_few_segs", NETCX_TEST_TNL, NULL, VXC(IP4, TCP, D), 4000,
	  .gso_why = NETCX_WHY_TOO_FEW_SEGS, .stack_why = WHY_KEEP },
};

static void tx_case_desc(const struct tx_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(tx, tx_cases, tx_case_desc);

static const char * const tx_why_name[NETCX_WHY_MAX] = {
	[NETCX_WHY_TOO_FEW_SEGS] = "tx_fallback_too_few_segs",
	[NETCX_WHY_TOO_LARGE] = "tx_fallback_too_large",
	[NETCX_WHY_TOO_MANY_SEGS] = "tx_fallback_too_many_segs",
	[NETCX_WHY_UNKNOWN_L4] = "tx_fallback_unknown_l4",
	[NETCX_WHY_MULTI_TAG] = "tx_fallback_multi_tag",
	[NETCX_WHY_UNSUPPORTED] = "tx_fallback_unsupported",
	[NETCX_WHY_KIND_DISABLED] = "tx_fallback_kind_disabled",
	[NETCX_WHY_INACTIVE] = "tx_fallback_inactive",
	[NETCX_WHY_MALFORMED] = "tx_fallback_malformed",
	[NETCX_WHY_UNKNOWN_PORT] = "tx_fallback_unknown_port",
	[NETCX_WHY_UNKNOWN_TUNNEL] = "tx_fallback_unknown_tunnel",
	[NETCX_WHY_OUTER_OPTIONS] = "tx_fallback_outer_options",
	[NETCX_WHY_INNER_OPTIONS] = "tx_fallback_inner_options",
	[NETCX_WHY_INNER_OFFSET] = "tx_fallback_inner_offset",
};

static const struct net_device_ops tx_netdev_ops = {
	.ndo_features_check = netcx_ndo_features_check,
};

/* udp_tunnel_nic's call of set_port. */
static void tx_port(struct kunit *test, struct net_device *dev,
		    unsigned int table, unsigned int entry, u16 port,
		    unsigned short type)
{
	const struct udp_tunnel_nic_info *info = dev->udp_tunnel_nic_info;
	struct udp_tunnel_info ti = {
		.type = type,
		.sa_family = AF_INET,
		.port = cpu_to_be16(port),
	};
	int err;

	KUNIT_ASSERT_NOT_NULL(test, info);
	rtnl_lock();
	err = info->set_port(dev, table, entry, &ti);
	rtnl_unlock();
	KUNIT_ASSERT_EQ(test, err, 0);
}

/*
 * A committed adapter with @c's profile (edited), VXLAN's port 4789 and,
 * where a table takes GENEVE, its port 6081 in the table; @c->off then
 * switched off in dev->features.
 */
static struct netcx_adapter *tx_setup(struct kunit *test,
				      const struct tx_case *c)
{
	struct netcx_test_caps caps = netcx_test_profiles[c->prof];
	struct netcx_adapter *ad;
	struct net_device *dev;
	int err = 0;

	ad = netcx_test_dev(test, &tx_netdev_ops, NETIF_F_SG | NETIF_F_HIGHDMA);
	dev = test->priv;
	if (c->edit)
		c->edit(&caps);
	if (caps.tx_csum.l3)
		err = netcx_set_tx_csum_caps(ad, &caps.tx_csum);
	if (!err && caps.lso.l3)
		err = netcx_set_lso_caps(ad, &caps.lso);
	if (!err && caps.uso.l3)
		err = netcx_set_uso_caps(ad, &caps.uso);
	if (!err && caps.tag.kinds)
		err = netcx_set_ieee8021q_caps(ad, &caps.tag);
	if (!err)
		err = netcx_set_tunnel_caps(ad, &caps.tnl);
	KUNIT_ASSERT_EQ(test, err, 0);
	KUNIT_ASSERT_EQ(test, netcx_adapter_commit(ad), 0);
	tx_port(test, dev, 0, 0, TT_VXLAN_PORT, UDP_TUNNEL_TYPE_VXLAN);
	if (caps.tnl.ports[0].encaps & BIT(NETCX_ENCAP_GENEVE))
		tx_port(test, dev, 0, 1, TT_GENEVE_PORT,
			UDP_TUNNEL_TYPE_GENEVE);
	dev->features &= ~c->off;
	return ad;
}

static struct sk_buff *tx_skb(struct kunit *test, const struct tx_case *c,
			      const struct tt_pkt *p, struct net_device *dev)
{
	struct tt_opts o = { .csum = true, .mss = c->mss,
			     .partial = c->partial, .headlen = 300, .dev = dev };
	struct sk_buff *skb = tt_skb(test, p, &o);

	switch (c->bad) {
	case BAD_INNER_NH:
		skb->inner_network_header += 2;
		break;
	case BAD_VXLAN_GPE:
		skb->data[p->oth + 8] = 0x0c;
		break;
	case BAD_GRE_VER:
		skb->data[p->oth + 1] = 0x01;
		break;
	case BAD_TAG:
		__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021AD), 7);
		break;
	}
	return skb;
}

/* The counters a software fallback moves, @csum_n checksums. */
static void tx_want_sw(const struct tx_case *c, struct tc_count *w,
		       bool gso, u32 csum_n, bool csum_hw)
{
	int n = 0;

	if (gso) {
		w[n++] = (struct tc_count){ "tx_tnl_gso_sw", 1 };
		w[n++] = (struct tc_count){ tx_why_name[c->gso_why], 1 };
	}
	if (c->csum_why) {
		w[n++] = (struct tc_count){ "tx_tnl_csum_sw", csum_n };
		w[n++] = (struct tc_count){ tx_why_name[c->csum_why], csum_n };
	} else if (csum_hw) {
		w[n++] = (struct tc_count){ "tx_tnl_csum_hw", csum_n };
	}
	if (c->bad == BAD_TAG) {
		w[n++] = (struct tc_count){ "tx_vlan_sw", 1 };
		w[n++] = (struct tc_count){ "tx_fallback_unsupported", 1 };
	}
}

/*
 * netcx_features_check(): the features stripped for what the stack is to
 * do in software, counted there; the packet is not changed.
 */
static void tx_decide_stack(struct kunit *test)
{
	const struct tx_case *c = test->param_value;
	netdev_features_t all, got, want;
	struct tc_count w[8] = {};
	struct netcx_adapter *ad;
	struct sk_buff *skb;
	struct tc_snap snap;
	struct tt_pkt p;
	u32 segs;
	u8 why = c->mss ? c->gso_why : c->csum_why;

	ad = tx_setup(test, c);
	tt_pkt_init(test, &p, &c->s);
	segs = c->mss ? DIV_ROUND_UP(p.len - p.hlen, c->mss) : 1;
	skb = tx_skb(test, c, &p, test->priv);
	all = ((struct net_device *)test->priv)->features;
	tc_init(test, ad, &snap);
	got = netcx_test_features_check(ad, skb, all);

	want = all;
	if (c->stack_why == WHY_KEEP || why == NETCX_WHY_MALFORMED || !why) {
		want = all;
	} else if (c->mss) {
		want &= ~NETIF_F_GSO_MASK;
		if (c->csum_why)
			want &= ~NETIF_F_CSUM_MASK;
		tx_want_sw(c, w, true, segs, false);
	} else {
		want &= ~NETIF_F_CSUM_MASK;
		tx_want_sw(c, w, false, 1, false);
	}
	if (c->bad == BAD_TAG) {
		want &= ~(NETIF_F_HW_VLAN_CTAG_TX | NETIF_F_HW_VLAN_STAG_TX);
		if (!why)
			tx_want_sw(c, w, false, 0, false);
	}
	KUNIT_EXPECT_EQ(test, got, want);
	tc_expect(test, ad, &snap, w, "features_check");
	kfree_skb(skb);
}

/*
 * netcx_tx_prepare() (a path without validate_xmit_skb()): the descriptor
 * for what the hardware does, the kernel's own fallback for the rest, the
 * frame as the wire carries it after a software checksum, the counters;
 * segments prepared again.
 */
static void tx_decide_prepare(struct kunit *test)
{
	const struct tx_case *c = test->param_value;
	struct sk_buff *skb, *seg, *next;
	struct netcx_tx_desc desc;
	struct tc_count w[8] = {};
	struct netcx_adapter *ad;
	struct tc_snap snap;
	struct tt_pkt p;
	u32 segs, n = 0;
	u8 *got;
	int ret;

	ad = tx_setup(test, c);
	tt_pkt_init(test, &p, &c->s);
	segs = c->mss ? DIV_ROUND_UP(p.len - p.hlen, c->mss) : 1;
	skb = tx_skb(test, c, &p, test->priv);
	tc_init(test, ad, &snap);
	memset(&desc, 0xa5, sizeof(desc));
	ret = netcx_test_tx_prepare(ad, &skb, &desc);

	if ((c->mss ? c->gso_why : c->csum_why) == NETCX_WHY_MALFORMED) {
		KUNIT_EXPECT_LT(test, ret, 0);
		KUNIT_EXPECT_NULL(test, skb);
		w[0] = (struct tc_count){ "tx_offload_dropped", 1 };
		w[1] = (struct tc_count){ "tx_fallback_malformed", 1 };
		tc_expect(test, ad, &snap, w, "malformed");
		return;
	}
	if (c->mss && !c->gso_why) {
		/* the hardware segments it */
		KUNIT_EXPECT_EQ(test, ret, 0);
		KUNIT_EXPECT_EQ(test, desc.flags, c->flags);
		KUNIT_EXPECT_EQ(test, desc.tnl, c->s.encap + 1);
		KUNIT_EXPECT_EQ(test, desc.l3_offset, p.onh);
		KUNIT_EXPECT_EQ(test, desc.l4_offset, p.oth);
		KUNIT_EXPECT_EQ(test, desc.il3_offset, p.inh);
		KUNIT_EXPECT_EQ(test, desc.il4_offset, p.ith);
		KUNIT_EXPECT_EQ(test, desc.csum_offset, p.icheck - p.ith);
		KUNIT_EXPECT_EQ(test, desc.hdr_len, p.hlen);
		KUNIT_EXPECT_EQ(test, desc.mss, c->mss);
		KUNIT_EXPECT_EQ(test, desc.segs, segs);
		KUNIT_EXPECT_EQ(test, desc.l4_proto, p.iproto);
		KUNIT_EXPECT_EQ(test, desc.vlan_tci, 0);
		w[0] = (struct tc_count){ "tx_tnl_gso_hw", 1 };
		w[1] = (struct tc_count){ "tx_tnl_gso_hw_segs", segs };
		tc_expect(test, ad, &snap, w, "gso hw");
	} else if (c->mss && segs >= 2) {
		/* the kernel's skb_gso_segment(), then each segment */
		KUNIT_EXPECT_EQ(test, ret, NETCX_TX_SEGMENTED);
		KUNIT_EXPECT_EQ(test, desc.flags, 0);
		KUNIT_EXPECT_EQ(test, desc.tnl, 0);
		tx_want_sw(c, w, true, segs, false);
		tc_expect(test, ad, &snap, w, "gso sw");
		skb_list_walk_safe(skb, seg, next) {
			skb_mark_not_on_list(seg);
			KUNIT_EXPECT_LE(test, seg->len, p.hlen + c->mss);
			KUNIT_EXPECT_EQ(test, netcx_test_tx_prepare(ad, &seg, &desc), 0);
			if (!c->csum_why) {
				KUNIT_EXPECT_EQ(test, desc.tnl, c->s.encap + 1);
				KUNIT_EXPECT_EQ(test, desc.il4_offset, p.ith);
			}
			kfree_skb(seg);
			n++;
		}
		skb = NULL;
		KUNIT_EXPECT_EQ(test, n, segs);
		memset(w, 0, sizeof(w));
		if (!c->csum_why)
			w[0] = (struct tc_count){ "tx_tnl_csum_hw", segs };
		if (!c->csum_why)
			tc_expect(test, ad, &snap, w, "segments");
	} else if (c->mss) {
		/* one segment: sent as one packet */
		KUNIT_EXPECT_EQ(test, ret, 0);
		tx_want_sw(c, w, true, 1, true);
		tc_expect(test, ad, &snap, w, "one segment");
	} else if (c->csum_why) {
		/* the kernel's skb_checksum_help(): the frame as built */
		KUNIT_EXPECT_EQ(test, ret, 0);
		KUNIT_EXPECT_EQ(test, desc.flags & ~NETCX_TXD_VLAN, 0);
		KUNIT_EXPECT_EQ(test, desc.tnl, 0);
		KUNIT_EXPECT_NE(test, (int)skb->ip_summed, CHECKSUM_PARTIAL);
		if (c->bad == BAD_NONE) {
			got = kunit_kmalloc(test, p.len, GFP_KERNEL);
			KUNIT_ASSERT_NOT_NULL(test, got);
			KUNIT_ASSERT_EQ(test, skb->len, p.len);
			KUNIT_ASSERT_EQ(test,
					skb_copy_bits(skb, 0, got, p.len), 0);
			KUNIT_EXPECT_MEMEQ(test, got, p.buf, p.len);
		}
		tx_want_sw(c, w, false, 1, false);
		tc_expect(test, ad, &snap, w, "csum sw");
	} else {
		KUNIT_EXPECT_EQ(test, ret, 0);
		KUNIT_EXPECT_EQ(test, desc.flags, c->flags);
		KUNIT_EXPECT_EQ(test, desc.tnl, c->s.encap + 1);
		KUNIT_EXPECT_EQ(test, desc.l3_offset, p.onh);
		KUNIT_EXPECT_EQ(test, desc.l4_offset, p.oth);
		KUNIT_EXPECT_EQ(test, desc.il3_offset, p.inh);
		KUNIT_EXPECT_EQ(test, desc.il4_offset, p.ith);
		KUNIT_EXPECT_EQ(test, desc.csum_offset, p.icheck - p.ith);
		KUNIT_EXPECT_EQ(test, desc.hdr_len, 0);
		KUNIT_EXPECT_EQ(test, desc.mss, 0);
		KUNIT_EXPECT_EQ(test, desc.segs, 0);
		KUNIT_EXPECT_EQ(test, desc.l4_proto, p.iproto);
		w[0] = (struct tc_count){ "tx_tnl_csum_hw", 1 };
		tc_expect(test, ad, &snap, w, "csum hw");
	}
	kfree_skb_list(skb);
}

/*
 * GSO_PARTIAL as the stack makes it: netif_skb_features() (which calls
 * netcx_features_check(), and strips the partial features from an outer
 * checksum GSO skb), then skb_gso_segment() with what is left, as
 * validate_xmit_skb() does. The one super-packet it makes is the one
 * tt_skb() builds with @partial, byte for byte, and the hardware segments
 * it without NETCX_TXD_OUTER_CSUM.
 */
static void tx_stack_partial(struct kunit *test)
{
	const struct tx_case c = {
		"stack partial", NETCX_TEST_TNL_PARTIAL, NULL,
		VXC(IP4, TCP, D), 1000,
	};
	struct tt_opts o = { .mss = 1000, .partial = true, .headlen = 300 };
	struct sk_buff *skb, *segs, *want;
	netdev_features_t features;
	struct netcx_tx_desc desc;
	struct tc_count w[3] = {};
	struct netcx_adapter *ad;
	struct net_device *dev;
	struct tc_snap snap;
	struct tt_pkt p;
	u8 *got, *exp;

	ad = tx_setup(test, &c);
	dev = test->priv;
	/* the driver's own bit in hw_enc_features */
	dev->hw_enc_features |= NETIF_F_SG;
	o.dev = dev;
	tt_pkt_init(test, &p, &c.s);
	skb = tx_skb(test, &c, &p, dev);
	tc_init(test, ad, &snap);

	local_bh_disable();
	features = netif_skb_features(skb);
	local_bh_enable();
	KUNIT_EXPECT_TRUE(test, features & NETIF_F_GSO_PARTIAL);
	KUNIT_ASSERT_TRUE(test, netif_needs_gso(skb, features));
	local_bh_disable();
	segs = skb_gso_segment(skb, features);
	local_bh_enable();
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(segs));
	consume_skb(skb);
	KUNIT_EXPECT_NULL(test, segs->next);
	KUNIT_EXPECT_TRUE(test, skb_shinfo(segs)->gso_type & SKB_GSO_PARTIAL);
	KUNIT_EXPECT_EQ(test, segs->len, p.len);

	want = tt_skb(test, &p, &o);
	got = kunit_kmalloc(test, p.len, GFP_KERNEL);
	exp = kunit_kmalloc(test, p.len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, got);
	KUNIT_ASSERT_NOT_NULL(test, exp);
	KUNIT_ASSERT_EQ(test, skb_copy_bits(segs, 0, got, p.len), 0);
	KUNIT_ASSERT_EQ(test, skb_copy_bits(want, 0, exp, p.len), 0);
	KUNIT_EXPECT_MEMEQ(test, got, exp, p.len);
	KUNIT_EXPECT_EQ(test, skb_shinfo(segs)->gso_type,
			skb_shinfo(want)->gso_type);
	KUNIT_EXPECT_EQ(test, skb_shinfo(segs)->gso_segs, 3);
	kfree_skb(want);

	KUNIT_EXPECT_EQ(test, netcx_test_tx_prepare(ad, &segs, &desc), 0);
	KUNIT_EXPECT_EQ(test, desc.flags, TNL | CS | LSO | I4 | O4);
	KUNIT_EXPECT_EQ(test, desc.segs, 3);
	KUNIT_EXPECT_EQ(test, desc.hdr_len, p.hlen);
	w[0] = (struct tc_count){ "tx_tnl_gso_hw", 1 };
	w[1] = (struct tc_count){ "tx_tnl_gso_hw_segs", 3 };
	tc_expect(test, ad, &snap, w, "stack partial");
	kfree_skb(segs);
}

/* A device without tunnel capabilities decides by the outer headers. */
static void tx_no_tunnels(struct kunit *test)
{
	struct tt_spec s = VXC(IP4, TCP, D);
	struct tt_opts o = { .csum = true, .headlen = 300 };
	struct netcx_tx_desc desc;
	struct netcx_adapter *ad;
	struct sk_buff *skb;
	struct tt_pkt p;

	ad = netcx_test_dev(test, &tx_netdev_ops, NETIF_F_SG);
	KUNIT_ASSERT_EQ(test, netcx_test_declare(ad, NETCX_TEST_FULL), 0);
	KUNIT_ASSERT_EQ(test, netcx_adapter_commit(ad), 0);
	o.dev = test->priv;
	tt_pkt_init(test, &p, &s);
	skb = tt_skb(test, &p, &o);
	KUNIT_EXPECT_EQ(test, netcx_test_tx_prepare(ad, &skb, &desc), 0);
	KUNIT_EXPECT_EQ(test, desc.tnl, 0);
	KUNIT_EXPECT_FALSE(test, desc.flags & NETCX_TXD_TNL);
	kfree_skb(skb);
}

static struct kunit_case netcx_tnl_xmit_cases[] = {
	KUNIT_CASE_PARAM(tt_builder_csum, tt_gen_params),
	KUNIT_CASE_PARAM(tt_builder_gso, tt_gen_params),
	KUNIT_CASE_PARAM(tx_decide_stack, tx_gen_params),
	KUNIT_CASE_PARAM(tx_decide_prepare, tx_gen_params),
	KUNIT_CASE(tx_stack_partial),
	KUNIT_CASE(tx_no_tunnels),
	{}
};

static struct kunit_suite netcx_tnl_xmit_suite = {
	.name = "netcx_tnl_xmit",
	.init = netcx_test_init,
	.exit = netcx_test_exit,
	.test_cases = netcx_tnl_xmit_cases,
};

kunit_test_suite(netcx_tnl_xmit_suite);

MODULE_DESCRIPTION("netcx KUnit: the encapsulated packets' transmit decision");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(NETCX_NS);
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
