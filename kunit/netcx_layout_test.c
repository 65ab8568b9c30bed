// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: netcx_pkt_walk() over real skbs, built byte by byte.
 */
#include <kunit/test.h>
#include <linux/if_vlan.h>
#include <linux/module.h>
#include <linux/skbuff.h>

#include <netcx/pkt.h>

#include "../testing/netcx_pkt_build.h"

#define L(...)	((const struct tb_layer[]){ __VA_ARGS__, { TB_END } })

#define V4	NETCX_PKT_L3_IPV4
#define V6	NETCX_PKT_L3_IPV6
#define TCP	NETCX_PKT_L4_TCP
#define UDP	NETCX_PKT_L4_UDP

/* Offsets in an untagged packet: IP header at 14, TCP after IPv4 at 34. */
#define IP4_VER_IHL	14
#define IP4_TOT_LEN	16
#define IP6_PLEN	18
#define IP6_EXT		54
#define TCP4_DOFF	46

/**
 * struct tb_poke - a value written over the built packet
 * @off: where.
 * @size: 1 or 2 bytes (big endian); 0 ends the list.
 * @val: what.
 */
struct tb_poke {
	u16 off;
	u8 size;
	u16 val;
};

struct layout_case {
	const char *name;
	/* input */
	const struct tb_layer *hdrs;
	struct tb_poke poke[2];
	unsigned int trunc;	/* cut the packet to this many bytes */
	unsigned int headlen;	/* bytes in the linear area; 0: all */
	bool hw_tag;		/* an out-of-band VLAN tag */
	unsigned int gso_type;
	u16 gso_size;
	u16 gso_segs;
	/* expected */
	int err;
	struct netcx_pkt_layout lay;
};

static const struct layout_case layout_cases[] = {
	{
		.name = "ipv4_tcp",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_TCP }, { TB_DATA, 100 }),
		.lay = { .l2_len = 14, .l3_len = 20, .l4_len = 20,
			 .l3 = V4, .l4 = TCP },
	},
	{
		.name = "ipv4_tcp_headers_in_a_page",
		.hdrs = L({ TB_ETH }, { TB_IPV4, 8 }, { TB_TCP, 12 }, { TB_DATA, 100 }),
		.headlen = 20,
		.lay = { .l2_len = 14, .l3_len = 28, .l4_len = 32, .l3 = V4,
			 .l4 = TCP,
			 .flags = NETCX_PKT_IPV4_OPTS | NETCX_PKT_TCP_OPTS },
	},
	{
		.name = "ipv4_options_tcp",
		.hdrs = L({ TB_ETH }, { TB_IPV4, 8 }, { TB_TCP }, { TB_DATA, 10 }),
		.lay = { .l2_len = 14, .l3_len = 28, .l4_len = 20,
			 .l3 = V4, .l4 = TCP, .flags = NETCX_PKT_IPV4_OPTS },
	},
	{
		.name = "ipv4_tcp_options",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_TCP, 12 }, { TB_DATA, 10 }),
		.lay = { .l2_len = 14, .l3_len = 20, .l4_len = 32,
			 .l3 = V4, .l4 = TCP, .flags = NETCX_PKT_TCP_OPTS },
	},
	{
		.name = "ipv4_tcp_longest_headers_no_payload",
		.hdrs = L({ TB_ETH }, { TB_IPV4, 40 }, { TB_TCP, 40 }),
		.lay = { .l2_len = 14, .l3_len = 60, .l4_len = 60, .l3 = V4,
			 .l4 = TCP,
			 .flags = NETCX_PKT_IPV4_OPTS | NETCX_PKT_TCP_OPTS },
	},
	{
		.name = "ipv4_udp",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_UDP }, { TB_DATA, 33 }),
		.lay = { .l2_len = 14, .l3_len = 20, .l4_len = 8,
			 .l3 = V4, .l4 = UDP },
	},
	{
		.name = "ipv4_icmp",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_ICMP }, { TB_DATA, 56 }),
		.lay = { .l2_len = 14, .l3_len = 20,
			 .l3 = V4, .l4 = NETCX_PKT_L4_OTHER },
	},
	{
		.name = "ipv4_first_fragment_udp",
		.hdrs = L({ TB_ETH }, { TB_IPV4, 0, 0x2000 /* MF */ }, { TB_UDP },
			  { TB_DATA, 64 }),
		.lay = { .l2_len = 14, .l3_len = 20, .l4_len = 8,
			 .l3 = V4, .l4 = UDP, .flags = NETCX_PKT_FRAG },
	},
	{
		.name = "ipv4_later_fragment",
		.hdrs = L({ TB_ETH }, { TB_IPV4, 4, 9 /* offset 72 */ },
			  { TB_DATA, 64 }),
		.lay = { .l2_len = 14, .l3_len = 24, .l3 = V4,
			 .flags = NETCX_PKT_IPV4_OPTS | NETCX_PKT_FRAG },
	},
	{
		.name = "ipv4_udp_ethernet_padding",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_UDP }, { TB_DATA, 18 }),
		.poke = { { IP4_TOT_LEN, 2, 20 + 8 + 4 } },
		.lay = { .l2_len = 14, .l3_len = 20, .l4_len = 8,
			 .l3 = V4, .l4 = UDP },
	},
	{
		.name = "ipv6_tcp",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_TCP }, { TB_DATA, 100 }),
		.lay = { .l2_len = 14, .l3_len = 40, .l4_len = 20,
			 .l3 = V6, .l4 = TCP },
	},
	{
		.name = "ipv6_udp",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_UDP }, { TB_DATA, 1 }),
		.lay = { .l2_len = 14, .l3_len = 40, .l4_len = 8,
			 .l3 = V6, .l4 = UDP },
	},
	{
		.name = "ipv6_hop_by_hop_tcp",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_HOP, 8 }, { TB_TCP },
			  { TB_DATA, 10 }),
		.lay = { .l2_len = 14, .l3_len = 48, .l4_len = 20,
			 .l3 = V6, .l4 = TCP, .flags = NETCX_PKT_IPV6_EXT },
	},
	{
		.name = "ipv6_hop_routing_dstopts_tcp_options",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_HOP, 8 }, { TB_RT, 24 },
			  { TB_DST, 16 }, { TB_TCP, 12 }, { TB_DATA, 10 }),
		.lay = { .l2_len = 14, .l3_len = 88, .l4_len = 32, .l3 = V6,
			 .l4 = TCP,
			 .flags = NETCX_PKT_IPV6_EXT | NETCX_PKT_TCP_OPTS },
	},
	{
		.name = "ipv6_ext_headers_in_a_page",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_HOP, 8 }, { TB_DST, 16 },
			  { TB_UDP }, { TB_DATA, 10 }),
		.headlen = 60,
		.lay = { .l2_len = 14, .l3_len = 64, .l4_len = 8,
			 .l3 = V6, .l4 = UDP, .flags = NETCX_PKT_IPV6_EXT },
	},
	{
		.name = "ipv6_first_fragment_udp",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_FRAG, 0, 1 /* MF */ },
			  { TB_UDP }, { TB_DATA, 64 }),
		.lay = { .l2_len = 14, .l3_len = 48, .l4_len = 8, .l3 = V6,
			 .l4 = UDP, .flags = NETCX_PKT_IPV6_EXT | NETCX_PKT_FRAG },
	},
	{
		.name = "ipv6_later_fragment",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_DST, 8 },
			  { TB_FRAG, 0, 21 << 3 }, { TB_DATA, 64 }),
		.lay = { .l2_len = 14, .l3_len = 56, .l3 = V6,
			 .flags = NETCX_PKT_IPV6_EXT | NETCX_PKT_FRAG },
	},
	{
		.name = "ipv6_atomic_fragment_tcp",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_FRAG }, { TB_TCP },
			  { TB_DATA, 10 }),
		.lay = { .l2_len = 14, .l3_len = 48, .l4_len = 20,
			 .l3 = V6, .l4 = TCP, .flags = NETCX_PKT_IPV6_EXT },
	},
	{
		.name = "ipv6_no_next_header",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_DATA, 10 }),
		.lay = { .l2_len = 14, .l3_len = 40, .l3 = V6 },
	},
	{
		.name = "vlan_ipv4_tcp",
		.hdrs = L({ TB_ETH }, { TB_VLAN, 7 }, { TB_IPV4 }, { TB_TCP },
			  { TB_DATA, 10 }),
		.lay = { .l2_len = 18, .l3_len = 20, .l4_len = 20,
			 .l3 = V4, .l4 = TCP, .tags = 1 },
	},
	{
		.name = "qinq_ipv6_udp",
		.hdrs = L({ TB_ETH }, { TB_SVLAN, 100 }, { TB_VLAN, 7 },
			  { TB_IPV6 }, { TB_UDP }, { TB_DATA, 10 }),
		.lay = { .l2_len = 22, .l3_len = 40, .l4_len = 8,
			 .l3 = V6, .l4 = UDP, .tags = 2 },
	},
	{
		.name = "eight_vlan_tags",
		.hdrs = L({ TB_ETH }, { TB_SVLAN }, { TB_VLAN }, { TB_VLAN },
			  { TB_VLAN }, { TB_VLAN }, { TB_VLAN }, { TB_VLAN },
			  { TB_VLAN }, { TB_IPV4 }, { TB_UDP }),
		.lay = { .l2_len = 46, .l3_len = 20, .l4_len = 8,
			 .l3 = V4, .l4 = UDP, .tags = 8 },
	},
	{
		.name = "out_of_band_tag_ipv4_tcp",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_TCP }, { TB_DATA, 10 }),
		.hw_tag = true,
		.lay = { .l2_len = 14, .l3_len = 20, .l4_len = 20,
			 .l3 = V4, .l4 = TCP, .flags = NETCX_PKT_VLAN_HW },
	},
	{
		.name = "out_of_band_and_in_band_tags",
		.hdrs = L({ TB_ETH }, { TB_VLAN, 7 }, { TB_IPV6 }, { TB_TCP }),
		.hw_tag = true,
		.lay = { .l2_len = 18, .l3_len = 40, .l4_len = 20, .l3 = V6,
			 .l4 = TCP, .tags = 1, .flags = NETCX_PKT_VLAN_HW },
	},
	{
		.name = "arp",
		.hdrs = L({ TB_ETH }, { TB_ARP }),
		.lay = { .l2_len = 14 },
	},
	{
		.name = "vlan_arp",
		.hdrs = L({ TB_ETH }, { TB_VLAN, 7 }, { TB_ARP }),
		.lay = { .l2_len = 18, .tags = 1 },
	},
	{
		.name = "gso_tcp4",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_TCP, 12 }, { TB_DATA, 3000 }),
		.headlen = 66,
		.gso_type = SKB_GSO_TCPV4, .gso_size = 1000, .gso_segs = 3,
		.lay = { .l2_len = 14, .l3_len = 20, .l4_len = 32, .l3 = V4,
			 .l4 = TCP, .flags = NETCX_PKT_TCP_OPTS,
			 .gso_size = 1000, .gso_segs = 3 },
	},
	{
		/* a sender's count the length does not agree with */
		.name = "gso_tcp4_wrong_segs_counted_again",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_TCP }, { TB_DATA, 3000 }),
		.gso_type = SKB_GSO_TCPV4, .gso_size = 1000, .gso_segs = 7,
		.lay = { .l2_len = 14, .l3_len = 20, .l4_len = 20, .l3 = V4,
			 .l4 = TCP, .gso_size = 1000, .gso_segs = 3 },
	},
	{
		.name = "gso_tcp6_segments_counted",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_TCP }, { TB_DATA, 2001 }),
		.gso_type = SKB_GSO_TCPV6, .gso_size = 1000,
		.lay = { .l2_len = 14, .l3_len = 40, .l4_len = 20, .l3 = V6,
			 .l4 = TCP, .gso_size = 1000, .gso_segs = 3 },
	},
	{
		.name = "gso_udp4_segments_counted",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_UDP }, { TB_DATA, 1000 }),
		.gso_type = SKB_GSO_UDP_L4, .gso_size = 500,
		.lay = { .l2_len = 14, .l3_len = 20, .l4_len = 8, .l3 = V4,
			 .l4 = UDP, .gso_size = 500, .gso_segs = 2 },
	},
	{
		.name = "gso_big_tcp4_total_length_0",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_TCP }, { TB_DATA, 3000 }),
		.poke = { { IP4_TOT_LEN, 2, 0 } },
		.gso_type = SKB_GSO_TCPV4, .gso_size = 1000, .gso_segs = 3,
		.lay = { .l2_len = 14, .l3_len = 20, .l4_len = 20, .l3 = V4,
			 .l4 = TCP, .gso_size = 1000, .gso_segs = 3 },
	},
	{
		.name = "gso_big_tcp6_payload_length_0",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_TCP }, { TB_DATA, 3000 }),
		.poke = { { IP6_PLEN, 2, 0 } },
		.gso_type = SKB_GSO_TCPV6, .gso_size = 1000,
		.lay = { .l2_len = 14, .l3_len = 40, .l4_len = 20, .l3 = V6,
			 .l4 = TCP, .gso_size = 1000, .gso_segs = 3 },
	},
	{
		/* TCP sets gso_type on every skb: size 0 means not GSO */
		.name = "gso_type_without_size_is_not_gso",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_TCP }, { TB_DATA, 100 }),
		.gso_type = SKB_GSO_TCPV4,
		.lay = { .l2_len = 14, .l3_len = 20, .l4_len = 20,
			 .l3 = V4, .l4 = TCP },
	},
	/* errors */
	{
		.name = "runt_ethernet_header",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }),
		.trunc = 13,
		.err = -EBADMSG,
	},
	{
		.name = "vlan_tag_truncated",
		.hdrs = L({ TB_ETH }, { TB_VLAN }, { TB_IPV4 }),
		.trunc = 17,
		.err = -EBADMSG,
	},
	{
		.name = "nine_vlan_tags",
		.hdrs = L({ TB_ETH }, { TB_SVLAN }, { TB_VLAN }, { TB_VLAN },
			  { TB_VLAN }, { TB_VLAN }, { TB_VLAN }, { TB_VLAN },
			  { TB_VLAN }, { TB_VLAN }, { TB_IPV4 }, { TB_UDP }),
		.err = -EINVAL,
	},
	{
		.name = "ipv4_header_truncated",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_TCP }),
		.trunc = 14 + 19,
		.err = -EBADMSG,
	},
	{
		.name = "ipv4_ihl_4",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_TCP }, { TB_DATA, 10 }),
		.poke = { { IP4_VER_IHL, 1, 0x44 } },
		.err = -EINVAL,
	},
	{
		.name = "ipv4_version_6",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_TCP }, { TB_DATA, 10 }),
		.poke = { { IP4_VER_IHL, 1, 0x65 } },
		.err = -EINVAL,
	},
	{
		.name = "ipv4_total_length_shorter_than_options",
		.hdrs = L({ TB_ETH }, { TB_IPV4, 20 }, { TB_TCP }, { TB_DATA, 10 }),
		.poke = { { IP4_TOT_LEN, 2, 36 } },
		.err = -EBADMSG,
	},
	{
		.name = "ipv4_total_length_beyond_data",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_TCP }, { TB_DATA, 100 }),
		.trunc = 14 + 20 + 20 + 50,
		.err = -EBADMSG,
	},
	{
		.name = "ipv4_total_length_short_of_tcp",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_TCP }, { TB_DATA, 100 }),
		.poke = { { IP4_TOT_LEN, 2, 20 + 19 } },
		.err = -EBADMSG,
	},
	{
		.name = "ipv4_total_length_short_of_tcp_options",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_TCP, 12 }, { TB_DATA, 100 }),
		.poke = { { IP4_TOT_LEN, 2, 20 + 20 + 8 } },
		.err = -EBADMSG,
	},
	{
		.name = "tcp_header_truncated",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_TCP }),
		.poke = { { IP4_TOT_LEN, 2, 20 + 10 } },
		.trunc = 14 + 20 + 10,
		.err = -EBADMSG,
	},
	{
		.name = "tcp_doff_4",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_TCP }, { TB_DATA, 10 }),
		.poke = { { TCP4_DOFF, 1, 4 << 4 } },
		.err = -EINVAL,
	},
	{
		.name = "tcp_doff_15_beyond_data",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_TCP }, { TB_DATA, 39 }),
		.poke = { { TCP4_DOFF, 1, 15 << 4 } },
		.err = -EBADMSG,
	},
	{
		.name = "udp_header_truncated",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_UDP }),
		.poke = { { IP6_PLEN, 2, 7 } },
		.trunc = 14 + 40 + 7,
		.err = -EBADMSG,
	},
	{
		.name = "ipv6_header_truncated",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_TCP }),
		.trunc = 14 + 39,
		.err = -EBADMSG,
	},
	{
		.name = "ipv6_version_4",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_TCP }),
		.poke = { { 14, 1, 0x40 } },
		.err = -EINVAL,
	},
	{
		.name = "ipv6_payload_length_beyond_data",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_UDP }, { TB_DATA, 100 }),
		.trunc = 14 + 40 + 8 + 99,
		.err = -EBADMSG,
	},
	{
		.name = "ipv6_payload_length_short_of_ext_header",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_HOP, 16 }, { TB_TCP },
			  { TB_DATA, 10 }),
		.poke = { { IP6_PLEN, 2, 8 } },
		.err = -EBADMSG,
	},
	{
		.name = "ipv6_payload_length_short_of_tcp",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_DST, 8 }, { TB_TCP },
			  { TB_DATA, 10 }),
		.poke = { { IP6_PLEN, 2, 8 + 19 } },
		.err = -EBADMSG,
	},
	{
		.name = "ipv6_ext_header_runs_off_the_packet",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_DST, 8 }, { TB_TCP },
			  { TB_DATA, 10 }),
		.poke = { { IP6_EXT + 1, 1, 200 } },	/* hdr ext len */
		.err = -EBADMSG,
	},
	{
		.name = "ipv6_ext_chain_truncated",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_HOP, 8 }, { TB_RT, 8 },
			  { TB_TCP }),
		.poke = { { IP6_PLEN, 2, 9 } },
		.trunc = 14 + 40 + 9,
		.err = -EBADMSG,
	},
	{
		/* ipv6_skip_exthdr() cannot tell it from a truncated chain */
		.name = "ipv6_ext_header_then_no_next_header",
		.hdrs = L({ TB_ETH }, { TB_IPV6 }, { TB_DST, 8 }, { TB_DATA, 10 }),
		.err = -EBADMSG,
	},
	{
		.name = "gso_without_payload",
		.hdrs = L({ TB_ETH }, { TB_IPV4 }, { TB_TCP }),
		.gso_type = SKB_GSO_TCPV4, .gso_size = 1000, .gso_segs = 1,
		.err = -EINVAL,
	},
};

static void layout_case_desc(const struct layout_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(layout, layout_cases, layout_case_desc);

static void layout_test(struct kunit *test)
{
	const struct layout_case *c = test->param_value;
	unsigned int len = tb_len(c->hdrs), i;
	struct netcx_pkt_layout lay;
	struct sk_buff *skb;
	u8 *buf;
	int err;

	buf = kunit_kzalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_EQ(test, tb_build(buf, len, c->hdrs), len);
	for (i = 0; i < ARRAY_SIZE(c->poke) && c->poke[i].size; i++) {
		if (c->poke[i].size == 2)
			tb_put16(buf + c->poke[i].off, c->poke[i].val);
		else
			buf[c->poke[i].off] = c->poke[i].val;
	}
	if (c->trunc)
		len = c->trunc;

	skb = tb_skb(test, buf, len, c->headlen);
	if (c->hw_tag)
		__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), 42);
	skb_shinfo(skb)->gso_type = c->gso_type;
	skb_shinfo(skb)->gso_size = c->gso_size;
	skb_shinfo(skb)->gso_segs = c->gso_segs;

	memset(&lay, 0xa5, sizeof(lay));
	err = netcx_pkt_walk(skb, &lay);
	kfree_skb(skb);

	KUNIT_EXPECT_EQ(test, err, c->err);
	if (err)
		return;
	KUNIT_EXPECT_EQ(test, lay.l2_len, c->lay.l2_len);
	KUNIT_EXPECT_EQ(test, lay.l3_len, c->lay.l3_len);
	KUNIT_EXPECT_EQ(test, lay.l4_len, c->lay.l4_len);
	KUNIT_EXPECT_EQ(test, lay.l3, c->lay.l3);
	KUNIT_EXPECT_EQ(test, lay.l4, c->lay.l4);
	KUNIT_EXPECT_EQ(test, lay.tags, c->lay.tags);
	KUNIT_EXPECT_EQ(test, lay.flags, c->lay.flags);
	KUNIT_EXPECT_EQ(test, lay.gso_size, c->lay.gso_size);
	KUNIT_EXPECT_EQ(test, lay.gso_segs, c->lay.gso_segs);
	KUNIT_EXPECT_EQ(test, netcx_pkt_hdr_len(&lay),
			c->lay.l2_len + c->lay.l3_len + c->lay.l4_len);
}

static struct kunit_case netcx_layout_test_cases[] = {
	KUNIT_CASE_PARAM(layout_test, layout_gen_params),
	{}
};

static struct kunit_suite netcx_layout_test_suite = {
	.name = "netcx_layout",
	.test_cases = netcx_layout_test_cases,
};

kunit_test_suite(netcx_layout_test_suite);

MODULE_DESCRIPTION("KUnit tests for the netcx header walk");
MODULE_IMPORT_NS(NETCX_NS);
MODULE_LICENSE("GPL");
