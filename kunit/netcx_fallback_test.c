// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the software fallbacks, netcx_pkt_checksum() and
 * netcx_pkt_segment(), over real skbs built byte by byte. Every checksum is
 * checked with the test's own ones' complement sum (tb_sum()), never with
 * the kernel's checksum code.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <net/checksum.h>
#include <net/ip6_checksum.h>

#include <netcx/pkt.h>

#include "../testing/netcx_pkt_build.h"

#define L(...)	((const struct tb_layer[]){ __VA_ARGS__, { TB_END } })

#define TCP_FIN		0x01
#define TCP_PSH		0x08
#define TCP_ACK		0x10
#define TB_FLAGS	(TCP_ACK | TCP_PSH | TCP_FIN)

/* The transport checksum over pseudo-header and segment: 0xffff if right. */
static u16 tb_l4_sum(const struct tb_pkt *p, const u8 *pkt, unsigned int len)
{
	u32 sum = tb_pseudo_sum(pkt + p->nh, p->proto, len - p->th);

	return tb_fold(tb_sum(pkt + p->th, len - p->th, sum));
}

/*
 * An skb for @p as the stack hands it to a driver: headers set,
 * CHECKSUM_PARTIAL, the pseudo-header checksum seeded as tcp_v4_check(),
 * udp4_hwcsum() and their IPv6 peers do, and GSO when @mss is not 0.
 */
static struct sk_buff *tb_pkt_skb(struct kunit *test, const struct tb_pkt *p,
				  unsigned int headlen, u16 mss,
				  unsigned int gso_type)
{
	unsigned int l4len = p->len - p->th;
	struct sk_buff *skb;
	__sum16 *check;

	skb = tb_skb(test, p->buf, p->len, headlen);
	skb->protocol = htons(tb_get16(p->buf + 12));
	skb_set_network_header(skb, p->nh);
	skb_set_transport_header(skb, p->th);
	skb->ip_summed = CHECKSUM_PARTIAL;
	skb->csum_start = skb_transport_header(skb) - skb->head;
	skb->csum_offset = p->check - p->th;

	check = (__sum16 *)(skb->data + p->check);
	if (p->buf[p->nh] >> 4 == 4)
		*check = ~csum_tcpudp_magic(ip_hdr(skb)->saddr,
					    ip_hdr(skb)->daddr, l4len,
					    p->proto, 0);
	else
		*check = ~csum_ipv6_magic(&ipv6_hdr(skb)->saddr,
					  &ipv6_hdr(skb)->daddr, l4len,
					  p->proto, 0);

	if (mss) {
		skb_shinfo(skb)->gso_size = mss;
		skb_shinfo(skb)->gso_type = gso_type;
		skb_shinfo(skb)->gso_segs = DIV_ROUND_UP(p->len - p->hlen, mss);
	}
	return skb;
}

/* netcx_pkt_checksum() */

struct csum_case {
	const char *name;
	/* input */
	const struct tb_layer *hdrs;
	unsigned int headlen;	/* bytes in the linear area; 0: all */
	/* expected: the checksum verifies, no other byte changes */
};

static const struct csum_case csum_cases[] = {
	{
		.name = "ipv4_tcp_odd_length",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_TCP, 0, TB_FLAGS },
			  { TB_DATA, 101 }),
	},
	{
		.name = "ipv4_options_tcp_options",
		.hdrs = L({ TB_ETH }, { TB_IPV4, 12 }, { TB_TCP, 12, TCP_ACK },
			  { TB_DATA, 500 }),
	},
	{
		.name = "ipv4_udp",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_UDP }, { TB_DATA, 77 }),
	},
	{
		.name = "ipv6_tcp",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_TCP, 0, TCP_ACK },
			  { TB_DATA, 1200 }),
	},
	{
		.name = "ipv6_ext_headers_udp",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_HOP, 8 }, { TB_DST, 16 },
			  { TB_UDP }, { TB_DATA, 333 }),
	},
	{
		.name = "vlan_ipv4_tcp_payload_in_a_page",
		.hdrs = L({ TB_ETH }, { TB_VLAN, 5 }, { TB_IPV4 },
			  { TB_TCP, 12, TCP_ACK }, { TB_DATA, 1001 }),
		.headlen = 18 + 20 + 32,
	},
	{
		.name = "qinq_ipv6_udp_payload_in_a_page",
		.hdrs = L({ TB_ETH }, { TB_SVLAN, 9 }, { TB_VLAN, 5 }, { TB_IPV6 },
			  { TB_UDP }, { TB_DATA, 999 }),
		.headlen = 22 + 40 + 8,
	},
};

static void csum_case_desc(const struct csum_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(csum, csum_cases, csum_case_desc);

static void checksum_test(struct kunit *test)
{
	const struct csum_case *c = test->param_value;
	struct sk_buff *skb;
	struct tb_pkt p;
	u8 *out;
	int err;

	tb_pkt_init(test, &p, c->hdrs);
	out = kunit_kzalloc(test, p.len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, out);

	skb = tb_pkt_skb(test, &p, c->headlen, 0, 0);
	err = netcx_pkt_checksum(skb);
	KUNIT_EXPECT_EQ(test, err, 0);
	KUNIT_EXPECT_EQ(test, (int)skb->ip_summed, CHECKSUM_NONE);
	KUNIT_EXPECT_EQ(test, skb->len, p.len);
	KUNIT_EXPECT_EQ(test, skb_copy_bits(skb, 0, out, min(skb->len, p.len)), 0);
	kfree_skb(skb);

	KUNIT_EXPECT_EQ(test, tb_l4_sum(&p, out, p.len), 0xffff);
	if (p.proto == IPPROTO_UDP)
		KUNIT_EXPECT_NE(test, tb_get16(out + p.check), 0);
	/* nothing else changed */
	out[p.check] = 0;
	out[p.check + 1] = 0;
	KUNIT_EXPECT_MEMEQ(test, out, p.buf, p.len);
}

static void checksum_leaves_others_test(struct kunit *test)
{
	static const struct tb_layer l[] = {
		{ TB_ETH }, { TB_IPV4 }, { TB_TCP }, { TB_DATA, 3000 }, { TB_END }
	};
	struct sk_buff *skb;
	struct tb_pkt p;

	tb_pkt_init(test, &p, l);

	/* not CHECKSUM_PARTIAL: nothing to do */
	skb = tb_pkt_skb(test, &p, 0, 0, 0);
	skb->ip_summed = CHECKSUM_NONE;
	KUNIT_EXPECT_EQ(test, netcx_pkt_checksum(skb), 0);
	KUNIT_EXPECT_EQ(test, (int)skb->ip_summed, CHECKSUM_NONE);
	KUNIT_EXPECT_EQ(test, tb_get16(skb->data + p.check),
			tb_fold(tb_pseudo_sum(p.buf + p.nh, IPPROTO_TCP,
					      p.len - p.th)));
	kfree_skb(skb);

	/* GSO: to be segmented first, and left as it is */
	skb = tb_pkt_skb(test, &p, 0, 1000, SKB_GSO_TCPV4);
	KUNIT_EXPECT_EQ(test, netcx_pkt_checksum(skb), -EINVAL);
	KUNIT_EXPECT_EQ(test, (int)skb->ip_summed, CHECKSUM_PARTIAL);
	kfree_skb(skb);
}

/* netcx_pkt_segment() */

struct seg_case {
	const char *name;
	/* input */
	const struct tb_layer *hdrs;
	unsigned int headlen;	/* bytes in the linear area; 0: all */
	unsigned int gso_type;
	u16 mss;
	netdev_features_t features;
	/* expected */
	unsigned int segs;
	bool partial;		/* segments left CHECKSUM_PARTIAL */
};

#define HW_CSUM	(NETIF_F_SG | NETIF_F_HW_CSUM)

static const struct seg_case seg_cases[] = {
	{
		.name = "tcp4_sw_csum",
		.hdrs = L({ TB_ETH }, { TB_IPV4, 0, 0x4000 /* DF */ },
			  { TB_TCP, 0, TB_FLAGS }, { TB_DATA, 2500 }),
		.gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.segs = 3,
	},
	{
		.name = "tcp4_hw_csum",
		.hdrs = L({ TB_ETH }, { TB_IPV4, 0, 0x4000 },
			  { TB_TCP, 0, TB_FLAGS }, { TB_DATA, 2500 }),
		.gso_type = SKB_GSO_TCPV4, .mss = 1000, .features = HW_CSUM,
		.segs = 3, .partial = true,
	},
	{
		.name = "tcp4_ip_options_tcp_options_sw_csum",
		.hdrs = L({ TB_ETH }, { TB_IPV4, 8, 0x4000 },
			  { TB_TCP, 12, TB_FLAGS }, { TB_DATA, 3000 }),
		.gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.segs = 3,
	},
	{
		.name = "tcp4_ip_options_tcp_options_paged_ip_csum",
		.hdrs = L({ TB_ETH }, { TB_IPV4, 8, 0x4000 },
			  { TB_TCP, 12, TB_FLAGS }, { TB_DATA, 3001 }),
		.headlen = 14 + 28 + 32,
		.gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.features = NETIF_F_SG | NETIF_F_IP_CSUM,
		.segs = 4, .partial = true,
	},
	{
		.name = "vlan_tcp4_paged_sw_csum",
		.hdrs = L({ TB_ETH }, { TB_VLAN, 3 }, { TB_IPV4, 0, 0x4000 },
			  { TB_TCP, 12, TB_FLAGS }, { TB_DATA, 1448 * 2 }),
		.headlen = 18 + 20 + 32,
		.gso_type = SKB_GSO_TCPV4, .mss = 1448, .features = NETIF_F_SG,
		.segs = 2,
	},
	{
		.name = "tcp6_tcp_options_sw_csum",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_TCP, 12, TB_FLAGS },
			  { TB_DATA, 2100 }),
		.gso_type = SKB_GSO_TCPV6, .mss = 700,
		.segs = 3,
	},
	{
		.name = "tcp6_ext_headers_tcp_options_hw_csum",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_HOP, 8 }, { TB_RT, 24 },
			  { TB_DST, 16 }, { TB_TCP, 12, TB_FLAGS },
			  { TB_DATA, 1501 }),
		.gso_type = SKB_GSO_TCPV6, .mss = 500, .features = HW_CSUM,
		.segs = 4, .partial = true,
	},
	{
		.name = "tcp6_ext_headers_paged_ipv6_csum",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_DST, 8 },
			  { TB_TCP, 0, TB_FLAGS }, { TB_DATA, 1500 }),
		.headlen = 14 + 48 + 20,
		.gso_type = SKB_GSO_TCPV6, .mss = 500,
		.features = NETIF_F_SG | NETIF_F_IPV6_CSUM,
		.segs = 3, .partial = true,
	},
	{
		/* IPv4 checksum features do not cover IPv6: checksummed */
		.name = "tcp6_ip_csum_only",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_TCP, 0, TB_FLAGS },
			  { TB_DATA, 1000 }),
		.gso_type = SKB_GSO_TCPV6, .mss = 500,
		.features = NETIF_F_SG | NETIF_F_IP_CSUM,
		.segs = 2,
	},
	{
		.name = "udp4_sw_csum",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_UDP }, { TB_DATA, 1000 }),
		.gso_type = SKB_GSO_UDP_L4, .mss = 300,
		.segs = 4,
	},
	{
		.name = "udp4_hw_csum",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_UDP }, { TB_DATA, 1000 }),
		.gso_type = SKB_GSO_UDP_L4, .mss = 300, .features = HW_CSUM,
		.segs = 4, .partial = true,
	},
	{
		.name = "udp4_ip_options_paged_sw_csum",
		.hdrs = L({ TB_ETH }, { TB_IPV4, 4 }, { TB_UDP }, { TB_DATA, 1201 }),
		.headlen = 14 + 24 + 8,
		.gso_type = SKB_GSO_UDP_L4, .mss = 600, .features = NETIF_F_SG,
		.segs = 3,
	},
	{
		.name = "udp6_sw_csum",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_UDP }, { TB_DATA, 1400 }),
		.gso_type = SKB_GSO_UDP_L4, .mss = 500,
		.segs = 3,
	},
	{
		.name = "udp6_dstopts_hw_csum",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_DST, 8 }, { TB_UDP },
			  { TB_DATA, 1400 }),
		.gso_type = SKB_GSO_UDP_L4, .mss = 500, .features = HW_CSUM,
		.segs = 3, .partial = true,
	},
};

static void seg_case_desc(const struct seg_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(seg, seg_cases, seg_case_desc);

/* Checks segment @i of @p, copied out to @out. */
static void seg_check(struct kunit *test, const struct seg_case *c,
		      const struct tb_pkt *p, struct sk_buff *seg,
		      unsigned int i, bool last, u8 *out, u8 *want)
{
	unsigned int off = i * c->mss, paylen, len;
	bool v4 = p->buf[p->nh] >> 4 == 4;
	u8 *ip = out + p->nh, *l4 = out + p->th;

	paylen = min_t(unsigned int, c->mss, p->len - p->hlen - off);
	len = p->hlen + paylen;
	KUNIT_EXPECT_EQ(test, seg->len, len);
	if (seg->len != len)
		return;
	KUNIT_EXPECT_PTR_EQ(test, skb_mac_header(seg), seg->data);
	KUNIT_EXPECT_EQ(test, skb_network_offset(seg), p->nh);
	KUNIT_EXPECT_EQ(test, skb_transport_offset(seg), p->th);
	KUNIT_EXPECT_EQ(test, skb_copy_bits(seg, 0, out, len), 0);

	/* the fields that change */
	if (v4) {
		KUNIT_EXPECT_EQ(test, tb_get16(ip + 2), len - p->nh);
		KUNIT_EXPECT_EQ(test, tb_get16(ip + 4), TB_IP4_ID + i);
		KUNIT_EXPECT_EQ(test, tb_fold(tb_sum(ip, (ip[0] & 15) * 4, 0)),
				0xffff);
	} else {
		KUNIT_EXPECT_EQ(test, tb_get16(ip + 4), len - p->nh - 40);
	}
	if (p->proto == IPPROTO_TCP) {
		KUNIT_EXPECT_EQ(test, tb_get32(l4 + 4), TB_SEQ + off);
		KUNIT_EXPECT_EQ(test, l4[13],
				last ? TB_FLAGS : TB_FLAGS & ~(TCP_FIN | TCP_PSH));
	} else {
		KUNIT_EXPECT_EQ(test, tb_get16(l4 + 4), len - p->th);
	}

	/* the transport checksum, finished as the device would if partial */
	if (c->partial) {
		KUNIT_EXPECT_EQ(test, (int)seg->ip_summed, CHECKSUM_PARTIAL);
		KUNIT_EXPECT_EQ(test, skb_checksum_start_offset(seg), p->th);
		KUNIT_EXPECT_EQ(test, seg->csum_offset, p->check - p->th);
		KUNIT_EXPECT_EQ(test, tb_get16(out + p->check),
				tb_fold(tb_pseudo_sum(ip, p->proto, len - p->th)));
		tb_put16(out + p->check,
			 ~tb_fold(tb_sum(l4, len - p->th, 0)));
	} else {
		KUNIT_EXPECT_EQ(test, (int)seg->ip_summed, CHECKSUM_NONE);
	}
	KUNIT_EXPECT_EQ(test, tb_l4_sum(p, out, len), 0xffff);

	/* every other header byte as in the original, payload in order */
	memcpy(want, p->buf, p->hlen);
	if (v4) {
		tb_put16(want + p->nh + 2, len - p->nh);
		tb_put16(want + p->nh + 4, TB_IP4_ID + i);
		memcpy(want + p->nh + 10, ip + 10, 2);
	} else {
		tb_put16(want + p->nh + 4, len - p->nh - 40);
	}
	if (p->proto == IPPROTO_TCP) {
		tb_put32(want + p->th + 4, TB_SEQ + off);
		want[p->th + 13] = l4[13];
	} else {
		tb_put16(want + p->th + 4, len - p->th);
	}
	memcpy(want + p->check, out + p->check, 2);
	KUNIT_EXPECT_MEMEQ(test, out, want, p->hlen);
	KUNIT_EXPECT_MEMEQ(test, out + p->hlen, p->buf + p->hlen + off, paylen);
}

static void segment_test(struct kunit *test)
{
	const struct seg_case *c = test->param_value;
	struct sk_buff *skb, *segs, *seg, *next;
	unsigned int i = 0;
	struct tb_pkt p;
	u8 *out, *want;

	tb_pkt_init(test, &p, c->hdrs);
	out = kunit_kzalloc(test, p.len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, out);
	want = kunit_kzalloc(test, p.hlen, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, want);

	skb = tb_pkt_skb(test, &p, c->headlen, c->mss, c->gso_type);
	segs = netcx_pkt_segment(skb, c->features);
	if (IS_ERR(segs)) {
		KUNIT_FAIL(test, "netcx_pkt_segment: %pe", segs);
		kfree_skb(skb);
		return;
	}

	skb_list_walk_safe(segs, seg, next) {
		if (i < c->segs)
			seg_check(test, c, &p, seg, i, !next, out, want);
		i++;
		kfree_skb(seg);
	}
	KUNIT_EXPECT_EQ(test, i, c->segs);
}

struct seg_err_case {
	const char *name;
	/* input */
	const struct tb_layer *hdrs;
	unsigned int gso_type;
	u16 mss;
	u8 ip_summed;
	/* expected */
	int err;
};

static const struct seg_err_case seg_err_cases[] = {
	{
		.name = "not_gso",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_TCP }, { TB_DATA, 3000 }),
		.ip_summed = CHECKSUM_PARTIAL,
		.err = -EINVAL,
	},
	{
		.name = "not_checksum_partial",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_TCP }, { TB_DATA, 3000 }),
		.gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.ip_summed = CHECKSUM_NONE,
		.err = -EINVAL,
	},
	{
		.name = "tcp_one_segment",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_TCP }, { TB_DATA, 1000 }),
		.gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.ip_summed = CHECKSUM_PARTIAL,
		.err = -EINVAL,
	},
	{
		.name = "udp_one_segment",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_UDP }, { TB_DATA, 500 }),
		.gso_type = SKB_GSO_UDP_L4, .mss = 500,
		.ip_summed = CHECKSUM_PARTIAL,
		.err = -EINVAL,
	},
	{
		.name = "gso_type_of_another_protocol",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_UDP }, { TB_DATA, 3000 }),
		.gso_type = SKB_GSO_TCPV4, .mss = 1000,
		.ip_summed = CHECKSUM_PARTIAL,
		.err = -EINVAL,
	},
};

static void seg_err_case_desc(const struct seg_err_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(seg_err, seg_err_cases, seg_err_case_desc);

/* On error the skb is still the caller's, its bytes as they were. */
static void segment_error_test(struct kunit *test)
{
	const struct seg_err_case *c = test->param_value;
	struct sk_buff *skb, *segs;
	struct tb_pkt p;
	u8 *before;

	tb_pkt_init(test, &p, c->hdrs);
	before = kunit_kzalloc(test, p.len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, before);

	skb = tb_pkt_skb(test, &p, 0, c->mss, c->gso_type);
	skb->ip_summed = c->ip_summed;
	memcpy(before, skb->data, p.len);

	segs = netcx_pkt_segment(skb, HW_CSUM);
	KUNIT_EXPECT_TRUE(test, IS_ERR(segs));
	if (!IS_ERR(segs)) {
		kfree_skb_list(segs);
		return;
	}
	KUNIT_EXPECT_EQ(test, PTR_ERR(segs), c->err);
	KUNIT_EXPECT_EQ(test, skb->len, p.len);
	KUNIT_EXPECT_PTR_EQ(test, skb_mac_header(skb), skb->data);
	KUNIT_EXPECT_MEMEQ(test, skb->data, before, p.len);
	kfree_skb(skb);
}

static struct kunit_case netcx_fallback_test_cases[] = {
	KUNIT_CASE_PARAM(checksum_test, csum_gen_params),
	KUNIT_CASE(checksum_leaves_others_test),
	KUNIT_CASE_PARAM(segment_test, seg_gen_params),
	KUNIT_CASE_PARAM(segment_error_test, seg_err_gen_params),
	{}
};

static struct kunit_suite netcx_fallback_test_suite = {
	.name = "netcx_fallback",
	.test_cases = netcx_fallback_test_cases,
};

kunit_test_suite(netcx_fallback_test_suite);

MODULE_DESCRIPTION("KUnit tests for the netcx software fallbacks");
MODULE_IMPORT_NS(NETCX_NS);
MODULE_LICENSE("GPL");
