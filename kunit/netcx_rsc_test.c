// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: netcx_rx_rsc(), a frame the hardware coalesced handed to the
 * stack. Coalesced TCP frames over IPv4 and IPv6 built byte by byte go
 * through eth_type_trans() and netcx_rx_rsc() as a driver's receive path
 * takes them: every field software GRO sets, the counters, each reason a
 * frame is passed on plain with its counter, RSC switched off by feature
 * and by keyword, a segment count of 0 or 1; then the coalesced packet is
 * segmented again by skb_gso_segment(), as a router forwarding it onto a
 * device without TSO does, and every segment is checked, byte by byte and
 * checksum by checksum, against the one the sender put on the wire.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <net/tcp.h>

#include <compat/compat.h>
#include <netcx/netcx.h>

#include "../testing/netcx_counters.h"
#include "../testing/netcx_pkt_build.h"
#include "../testing/netcx_test.h"
#include "../testing/netcx_test_dev.h"

#define L(...)	((const struct tb_layer[]){ __VA_ARGS__, { TB_END } })

#define ACK		TCPHDR_ACK
#define DF		0x4000		/* IPv4 don't fragment */
#define MF		0x2000		/* IPv4 more fragments */
#define TCP_OFF		16		/* the TCP checksum in its header */

/* The adapters of the cases, each as a driver's probe would set it up. */
enum rs_setup {
	RS_FULL,	/* NETCX_TEST_FULL: RSC over IPv4 and IPv6 */
	RS_GRO_HW_OFF,	/* ... then ethtool -K rx-gro-hw off */
	RS_KW_V4_OFF,	/* ... with *RscIPv4=0 */
	RS_KW_V6_OFF,	/* ... with *RscIPv6=0 */
	RS_MAX4,	/* ... RSC declared with max_segs 4 */
	RS_NO_RSC,	/* NETCX_TEST_CSUM: no RSC declared */
};

/* What the driver got wrong, or did differently, for a case. */
enum rs_tweak {
	RS_AS_IS,
	RS_CSUM_NONE,		/* the TCP checksum not verified */
	RS_CSUM_COMPLETE,	/* a full packet sum instead */
	RS_TRAILER,		/* 4 bytes after the IP packet */
	RS_SHORT,		/* 4 bytes short of the IP length */
	RS_BAD_IP_CSUM,		/* the IPv4 header checksum wrong */
	RS_NO_ETH_TRANS,	/* called before eth_type_trans() */
	RS_GSO,			/* the skb is GSO already */
	RS_CLONED,		/* the skb is a clone's sibling */
};

static int rs_declare(struct netcx_adapter *ad, enum rs_setup setup)
{
	static const struct netcx_rsc_caps max4 = {
		.l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6,
		.max_segs = 4,
	};

	switch (setup) {
	case RS_NO_RSC:
		return netcx_test_declare(ad, NETCX_TEST_CSUM);
	case RS_KW_V4_OFF:
		return netcx_test_declare(ad, NETCX_TEST_FULL) ?:
		       netcx_set_keywords(ad, "*RscIPv4=0");
	case RS_KW_V6_OFF:
		return netcx_test_declare(ad, NETCX_TEST_FULL) ?:
		       netcx_set_keywords(ad, "*RscIPv6=0");
	case RS_MAX4:
		return netcx_test_declare(ad, NETCX_TEST_FULL) ?:
		       netcx_set_rsc_caps(ad, &max4);
	default:
		return netcx_test_declare(ad, NETCX_TEST_FULL);
	}
}

/* A committed adapter for @setup, on a device freed at exit. */
static struct netcx_adapter *rs_setup(struct kunit *test,
				      enum rs_setup setup)
{
	struct netcx_adapter *ad = netcx_test_dev(test, NULL, NETIF_F_SG);
	struct net_device *dev = test->priv;

	KUNIT_ASSERT_EQ(test, rs_declare(ad, setup), 0);
	KUNIT_ASSERT_EQ(test, netcx_adapter_commit(ad), 0);
	KUNIT_ASSERT_EQ(test, !!(dev->features & NETIF_F_GRO_HW),
			setup != RS_NO_RSC);
	if (setup == RS_GRO_HW_OFF)
		dev->features &= ~NETIF_F_GRO_HW;
	return ad;
}

/**
 * struct rs_frame - one coalesced frame as the hardware wrote it
 * @p: the packet as built (the IPv4 header checksum right, the TCP
 *	checksum field 0), and where its headers are.
 * @buf: the bytes the driver received, after @tweak.
 * @len: their number.
 */
struct rs_frame {
	struct tb_pkt p;
	u8 *buf;
	unsigned int len;
};

static void rs_frame_init(struct kunit *test, struct rs_frame *f,
			  const struct tb_layer *hdrs, u8 tweak)
{
	const struct tb_layer *l;

	for (l = hdrs; l->type != TB_END; l++)
		if (l->type == TB_TCP || l->type == TB_UDP ||
		    l->type == TB_ICMP)
			break;
	if (l->type != TB_END) {
		tb_pkt_init(test, &f->p, hdrs);
	} else {
		/* no transport header: only the bytes */
		memset(&f->p, 0, sizeof(f->p));
		f->p.len = tb_len(hdrs);
		f->p.buf = kunit_kzalloc(test, f->p.len, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, f->p.buf);
		KUNIT_ASSERT_EQ(test, tb_build(f->p.buf, f->p.len, hdrs),
				f->p.len);
	}
	f->len = f->p.len;
	if (tweak == RS_TRAILER)
		f->len += 4;
	else if (tweak == RS_SHORT)
		f->len -= 4;
	f->buf = kunit_kzalloc(test, f->len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f->buf);
	memcpy(f->buf, f->p.buf, min(f->len, f->p.len));
	if (tweak == RS_BAD_IP_CSUM)
		f->buf[f->p.nh + 11] ^= 0x5a;
}

/*
 * The frame as a driver hands it to netcx_rx_rsc(): @headlen bytes in the
 * linear area (0: all), through eth_type_trans(), the TCP checksum
 * reported verified.
 */
static struct sk_buff *rs_rx(struct kunit *test, struct netcx_adapter *ad,
			     const struct rs_frame *f, unsigned int headlen,
			     u8 tweak)
{
	struct sk_buff *skb = tb_skb(test, f->buf, f->len, headlen);

	if (tweak == RS_NO_ETH_TRANS)
		skb->protocol = htons(tb_get16(f->buf + 12));
	else
		skb->protocol = eth_type_trans(skb, netcx_adapter_netdev(ad));
	skb->ip_summed = CHECKSUM_UNNECESSARY;
	if (tweak == RS_CSUM_NONE)
		skb->ip_summed = CHECKSUM_NONE;
	if (tweak == RS_CSUM_COMPLETE) {
		skb->ip_summed = CHECKSUM_COMPLETE;
		skb->csum = 0;
	}
	if (tweak == RS_GSO) {
		skb_shinfo(skb)->gso_size = 1000;
		skb_shinfo(skb)->gso_type = SKB_GSO_TCPV4;
	}
	return skb;
}

static void rs_call(struct netcx_adapter *ad, struct sk_buff *skb, u16 segs,
		    u16 mss)
{
	local_bh_disable();
	netcx_rx_rsc(ad, skb, segs, mss);
	local_bh_enable();
}

/* The frame's bytes, from its Ethernet header, into @out. */
static void rs_copy_frame(struct kunit *test, struct sk_buff *skb, u8 *out,
			  unsigned int len)
{
	unsigned int pulled = skb->data - skb_mac_header(skb);

	__skb_push(skb, pulled);
	KUNIT_EXPECT_EQ(test, skb->len, len);
	if (skb->len == len)
		KUNIT_EXPECT_EQ(test, skb_copy_bits(skb, 0, out, len), 0);
	__skb_pull(skb, pulled);
}

/* @skb is the plain packet the driver made: nothing of GRO set or written. */
static void rs_expect_plain(struct kunit *test, struct sk_buff *skb,
			    const struct rs_frame *f, u8 tweak)
{
	u8 ip_summed = CHECKSUM_UNNECESSARY;
	u8 *out;

	if (tweak == RS_CSUM_NONE)
		ip_summed = CHECKSUM_NONE;
	else if (tweak == RS_CSUM_COMPLETE)
		ip_summed = CHECKSUM_COMPLETE;
	KUNIT_EXPECT_EQ(test, (int)skb->ip_summed, ip_summed);
	KUNIT_EXPECT_EQ(test, skb_is_gso(skb), tweak == RS_GSO);
	if (tweak != RS_GSO) {
		KUNIT_EXPECT_EQ(test, skb_shinfo(skb)->gso_type, 0);
		KUNIT_EXPECT_EQ(test, skb_shinfo(skb)->gso_segs, 0);
	}
	out = kunit_kzalloc(test, f->len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, out);
	rs_copy_frame(test, skb, out, f->len);
	KUNIT_EXPECT_MEMEQ(test, out, f->buf, f->len);
}

/*
 * @skb is what software GRO would have built of @segs segments of @mss
 * bytes: the GSO fields, CHECKSUM_PARTIAL at the TCP checksum, which holds
 * the pseudo-header sum over the TCP length, the header offsets, and every
 * other byte as the hardware wrote it.
 */
static void rs_expect_gro(struct kunit *test, struct sk_buff *skb,
			  const struct rs_frame *f, u16 segs, u16 mss)
{
	const struct tb_pkt *p = &f->p;
	bool v4 = p->buf[p->nh] >> 4 == 4;
	bool cwr = p->buf[p->th + 13] & TCPHDR_CWR;
	unsigned int want_type;
	u8 *out;

	want_type = (v4 ? SKB_GSO_TCPV4 : SKB_GSO_TCPV6) |
		    (cwr ? SKB_GSO_TCP_ECN : 0);
	KUNIT_EXPECT_TRUE(test, skb_is_gso(skb));
	KUNIT_EXPECT_EQ(test, skb_shinfo(skb)->gso_size, mss);
	KUNIT_EXPECT_EQ(test, skb_shinfo(skb)->gso_segs, segs);
	KUNIT_EXPECT_EQ(test, skb_shinfo(skb)->gso_type, want_type);
	KUNIT_EXPECT_EQ(test, (int)skb->ip_summed, CHECKSUM_PARTIAL);
	KUNIT_EXPECT_EQ(test, skb_network_offset(skb), p->nh - ETH_HLEN);
	KUNIT_EXPECT_EQ(test, skb_transport_offset(skb), p->th - ETH_HLEN);
	KUNIT_EXPECT_EQ(test, skb_checksum_start_offset(skb),
			p->th - ETH_HLEN);
	KUNIT_EXPECT_EQ(test, skb->csum_offset, TCP_OFF);
	KUNIT_EXPECT_EQ(test, skb_mac_offset(skb), -ETH_HLEN);
	KUNIT_EXPECT_EQ(test, ntohs(skb->protocol), tb_get16(p->buf + 12));
	KUNIT_EXPECT_EQ(test, skb->len, p->len - ETH_HLEN);

	out = kunit_kzalloc(test, p->len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, out);
	rs_copy_frame(test, skb, out, p->len);
	KUNIT_EXPECT_EQ(test, tb_get16(out + p->check),
			tb_fold(tb_pseudo_sum(out + p->nh, IPPROTO_TCP,
					      p->len - p->th)));
	/* every other byte as the hardware wrote it */
	tb_put16(out + p->check, 0);
	KUNIT_EXPECT_MEMEQ(test, out, p->buf, p->len);
}

/*
 * Segment @i of the coalesced frame @p, as the sender put it on the wire:
 * the same bytes but the IPv4 length, id and header checksum (or the IPv6
 * payload length), the TCP sequence number, FIN and PSH (the last segment
 * only), CWR (the first only) and checksum, each computed here.
 */
static void rs_expect_segment(struct kunit *test, const struct tb_pkt *p,
			      u16 mss, struct sk_buff *seg, unsigned int i,
			      bool partial, u8 *out, u8 *want)
{
	unsigned int off = i * mss, paylen, len;
	bool v4 = p->buf[p->nh] >> 4 == 4;
	bool last = off + mss >= p->len - p->hlen;
	u8 *ip = want + p->nh, *th = want + p->th;

	paylen = min_t(unsigned int, mss, p->len - p->hlen - off);
	len = p->hlen + paylen;
	KUNIT_EXPECT_EQ_MSG(test, seg->len, len, "segment %u", i);
	if (seg->len != len)
		return;
	KUNIT_EXPECT_EQ(test, skb_copy_bits(seg, 0, out, len), 0);
	if (partial) {
		/* the device finishes it: the pseudo-header sum is there */
		KUNIT_EXPECT_EQ(test, (int)seg->ip_summed, CHECKSUM_PARTIAL);
		KUNIT_EXPECT_EQ(test, skb_checksum_start_offset(seg), p->th);
		KUNIT_EXPECT_EQ(test, seg->csum_offset, TCP_OFF);
		KUNIT_EXPECT_EQ(test, tb_get16(out + p->check),
				tb_fold(tb_pseudo_sum(out + p->nh, IPPROTO_TCP,
						      len - p->th)));
		tb_put16(out + p->check,
			 ~tb_fold(tb_sum(out + p->th, len - p->th, 0)));
	} else {
		KUNIT_EXPECT_NE(test, (int)seg->ip_summed, CHECKSUM_PARTIAL);
	}

	memcpy(want, p->buf, p->hlen);
	memcpy(want + p->hlen, p->buf + p->hlen + off, paylen);
	if (v4) {
		tb_put16(ip + 2, len - p->nh);
		tb_put16(ip + 4, TB_IP4_ID + i);
		tb_put16(ip + 10, 0);
		tb_put16(ip + 10, ~tb_fold(tb_sum(ip, 20, 0)));
	} else {
		tb_put16(ip + 4, len - p->nh - 40);
	}
	tb_put32(th + 4, TB_SEQ + off);
	if (!last)
		th[13] &= ~(TCPHDR_FIN | TCPHDR_PSH);
	if (i)
		th[13] &= ~TCPHDR_CWR;
	tb_put16(th + TCP_OFF, 0);
	tb_put16(th + TCP_OFF,
		 ~tb_fold(tb_sum(th, len - p->th,
				 tb_pseudo_sum(ip, IPPROTO_TCP, len - p->th))));
	KUNIT_EXPECT_MEMEQ_MSG(test, out, want, len, "segment %u", i);
}

/*
 * The coalesced packet leaving by a device with @features (no TSO): the
 * segments skb_gso_segment() makes of it, each the sender's.
 */
static void rs_expect_forwarded(struct kunit *test, struct sk_buff *skb,
				const struct tb_pkt *p, u16 segs, u16 mss,
				netdev_features_t features)
{
	struct sk_buff *list, *seg, *next;
	unsigned int i = 0;
	u8 *out, *want;

	out = kunit_kzalloc(test, p->len, GFP_KERNEL);
	want = kunit_kzalloc(test, p->len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, out);
	KUNIT_ASSERT_NOT_NULL(test, want);

	/* as the output path hands it over: skb->data at the MAC header */
	__skb_push(skb, skb->data - skb_mac_header(skb));
	list = skb_gso_segment(skb, features);
	if (IS_ERR_OR_NULL(list)) {
		KUNIT_FAIL(test, "skb_gso_segment: %pe", list);
		return;
	}
	skb_list_walk_safe(list, seg, next) {
		if (i < segs)
			rs_expect_segment(test, p, mss, seg, i,
					  features & NETIF_F_HW_CSUM, out,
					  want);
		i++;
		kfree_skb(seg);
	}
	KUNIT_EXPECT_EQ(test, i, segs);
}

/**
 * struct rsc_case - one coalesced frame on one adapter
 * @name: the case.
 * @setup: &enum rs_setup.
 * @hdrs: the frame's layers.
 * @segs: the segment count the driver reports.
 * @mss: the MSS the driver reports.
 * @headlen: the bytes in the skb's linear area (0: all).
 * @tweak: &enum rs_tweak.
 * @refused: the ``rx_rsc_refused_*`` counter that moves, NULL when the
 *	frame is handed over coalesced, "" when nothing is counted.
 */
struct rsc_case {
	const char *name;
	/* input */
	u8 setup;
	const struct tb_layer *hdrs;
	u16 segs;
	u16 mss;
	u16 headlen;
	u8 tweak;
	/* expected */
	const char *refused;
};

#define T4(flags, data)	L({ TB_ETH }, { TB_IPV4, 0, DF }, \
			  { TB_TCP, 0, flags }, { TB_DATA, data })
#define T4TS(flags, data) L({ TB_ETH }, { TB_IPV4, 0, DF }, \
			    { TB_TCP, 12, flags }, { TB_DATA, data })
#define T6(flags, data)	L({ TB_ETH }, { TB_IPV6 }, { TB_TCP, 0, flags }, \
			  { TB_DATA, data })
#define T6TS(flags, data) L({ TB_ETH }, { TB_IPV6 }, { TB_TCP, 12, flags }, \
			    { TB_DATA, data })

#define INACTIVE	"rx_rsc_refused_inactive"
#define SHAPE		"rx_rsc_refused_shape"
#define CSUM		"rx_rsc_refused_csum"
#define MALFORMED	"rx_rsc_refused_malformed"

static const struct rsc_case rsc_cases[] = {
	/* coalesced */
	{ "tcp4, 3 full segments", RS_FULL, T4(ACK, 3000), 3, 1000 },
	{ "tcp4, last segment shorter", RS_FULL, T4(ACK, 2500), 3, 1000 },
	{ "tcp4, timestamps, psh", RS_FULL,
	  T4TS(ACK | TCPHDR_PSH, 2896), 2, 1448 },
	{ "tcp4, cwr: ecn gso type", RS_FULL,
	  T4(ACK | TCPHDR_CWR | TCPHDR_ECE, 2000), 2, 1000 },
	{ "tcp4, fin at the end", RS_FULL,
	  T4(ACK | TCPHDR_PSH | TCPHDR_FIN, 1201), 3, 600 },
	{ "tcp4, 1-byte last segment", RS_FULL, T4(ACK, 1001), 2, 1000 },
	{ "tcp4, 64 segments: the default maximum", RS_FULL, T4(ACK, 640),
	  64, 10 },
	{ "tcp4, payload paged", RS_FULL, T4(ACK, 3000), 3, 1000, 54 },
	{ "tcp4, tcp header paged: pulled", RS_FULL, T4TS(ACK, 2896), 2,
	  1448, 14 + 20 + 4 },
	{ "tcp4, cloned: header copied", RS_FULL, T4(ACK, 3000), 3, 1000, 0,
	  RS_CLONED },
	{ "tcp4, vlan in band", RS_FULL,
	  L({ TB_ETH }, { TB_VLAN, 5 }, { TB_IPV4, 0, DF }, { TB_TCP, 0, ACK },
	    { TB_DATA, 2000 }), 2, 1000 },
	{ "tcp4, max_segs 4: 4", RS_MAX4, T4(ACK, 4000), 4, 1000 },
	{ "tcp6, 3 segments", RS_FULL, T6(ACK, 2100), 3, 700 },
	{ "tcp6, timestamps, psh", RS_FULL, T6TS(ACK | TCPHDR_PSH, 4000), 3,
	  1448 },
	{ "tcp6, payload paged", RS_FULL, T6TS(ACK, 2896), 2, 1448, 86 },
	{ "tcp6, qinq in band", RS_FULL,
	  L({ TB_ETH }, { TB_SVLAN, 5 }, { TB_VLAN, 6 }, { TB_IPV6 },
	    { TB_TCP, 0, ACK }, { TB_DATA, 1500 }), 3, 500 },
	{ "tcp6, rsc ipv4 keyword off", RS_KW_V4_OFF, T6(ACK, 2000), 2, 1000 },
	{ "tcp4, rsc ipv6 keyword off", RS_KW_V6_OFF, T4(ACK, 2000), 2, 1000 },

	/* plain packets: nothing counted */
	{ "segs 0", RS_FULL, T4(ACK, 2000), 0, 1000, 0, RS_AS_IS, "" },
	{ "segs 1", RS_FULL, T4(ACK, 1000), 1, 1000, 0, RS_AS_IS, "" },
	{ "segs 1, mss 0, not tcp", RS_FULL,
	  L({ TB_ETH }, { TB_ARP }), 1, 0, 0, RS_AS_IS, "" },

	/* inactive */
	{ "tcp4, rx-gro-hw off", RS_GRO_HW_OFF, T4(ACK, 2000), 2, 1000, 0,
	  RS_AS_IS, INACTIVE },
	{ "tcp6, rx-gro-hw off", RS_GRO_HW_OFF, T6(ACK, 2000), 2, 1000, 0,
	  RS_AS_IS, INACTIVE },
	{ "tcp4, rsc ipv4 keyword off", RS_KW_V4_OFF, T4(ACK, 2000), 2, 1000,
	  0, RS_AS_IS, INACTIVE },
	{ "tcp6, rsc ipv6 keyword off", RS_KW_V6_OFF, T6(ACK, 2000), 2, 1000,
	  0, RS_AS_IS, INACTIVE },
	{ "tcp4, rsc not declared", RS_NO_RSC, T4(ACK, 2000), 2, 1000, 0,
	  RS_AS_IS, INACTIVE },

	/* shape */
	{ "ipv4 options", RS_FULL,
	  L({ TB_ETH }, { TB_IPV4, 4, DF }, { TB_TCP, 0, ACK },
	    { TB_DATA, 2000 }), 2, 1000, 0, RS_AS_IS, SHAPE },
	{ "ipv6 destination options", RS_FULL,
	  L({ TB_ETH }, { TB_IPV6 }, { TB_DST, 8 }, { TB_TCP, 0, ACK },
	    { TB_DATA, 2000 }), 2, 1000, 0, RS_AS_IS, SHAPE },
	{ "udp4", RS_FULL,
	  L({ TB_ETH }, { TB_IPV4, 0, DF }, { TB_UDP }, { TB_DATA, 2000 }),
	  2, 1000, 0, RS_AS_IS, SHAPE },
	{ "ipv4 fragment", RS_FULL,
	  L({ TB_ETH }, { TB_IPV4, 0, MF }, { TB_TCP, 0, ACK },
	    { TB_DATA, 2000 }), 2, 1000, 0, RS_AS_IS, SHAPE },
	{ "icmp6", RS_FULL,
	  L({ TB_ETH }, { TB_IPV6 }, { TB_ICMP }, { TB_DATA, 2000 }), 2, 1000,
	  0, RS_AS_IS, SHAPE },
	{ "arp", RS_FULL, L({ TB_ETH }, { TB_ARP }), 2, 10, 0, RS_AS_IS,
	  SHAPE },
	{ "tcp4 syn", RS_FULL, T4(TCPHDR_SYN, 2000), 2, 1000, 0, RS_AS_IS,
	  SHAPE },
	{ "tcp6 rst", RS_FULL, T6(ACK | TCPHDR_RST, 2000), 2, 1000, 0,
	  RS_AS_IS, SHAPE },
	{ "tcp4 urg", RS_FULL, T4(ACK | TCPHDR_URG, 2000), 2, 1000, 0,
	  RS_AS_IS, SHAPE },

	/* csum */
	{ "tcp4, checksum not verified", RS_FULL, T4(ACK, 2000), 2, 1000, 0,
	  RS_CSUM_NONE, CSUM },
	{ "tcp6, checksum complete", RS_FULL, T6(ACK, 2000), 2, 1000, 0,
	  RS_CSUM_COMPLETE, CSUM },

	/* malformed */
	{ "tcp4, bytes after the ip packet", RS_FULL, T4(ACK, 2000), 2, 1000,
	  0, RS_TRAILER, MALFORMED },
	{ "tcp6, bytes after the ip packet", RS_FULL, T6(ACK, 2000), 2, 1000,
	  0, RS_TRAILER, MALFORMED },
	{ "tcp4, ip length beyond the frame", RS_FULL, T4(ACK, 2000), 2,
	  1000, 0, RS_SHORT, MALFORMED },
	{ "tcp4, ip header checksum wrong", RS_FULL, T4(ACK, 2000), 2, 1000,
	  0, RS_BAD_IP_CSUM, MALFORMED },
	{ "tcp4, mss 0", RS_FULL, T4(ACK, 2000), 2, 0, 0, RS_AS_IS,
	  MALFORMED },
	{ "tcp4, payload beyond segs x mss", RS_FULL, T4(ACK, 2001), 2, 1000,
	  0, RS_AS_IS, MALFORMED },
	{ "tcp6, payload of fewer segments", RS_FULL, T6(ACK, 3000), 4, 1000,
	  0, RS_AS_IS, MALFORMED },
	{ "tcp4, segs 65535, mss 65535", RS_FULL, T4(ACK, 2000), 65535,
	  65535, 0, RS_AS_IS, MALFORMED },
	{ "tcp4, 65 segments: above the default maximum", RS_FULL,
	  T4(ACK, 650), 65, 10, 0, RS_AS_IS, MALFORMED },
	{ "tcp4, max_segs 4: 5", RS_MAX4, T4(ACK, 5000), 5, 1000, 0, RS_AS_IS,
	  MALFORMED },
	{ "tcp4, before eth_type_trans()", RS_FULL, T4(ACK, 2000), 2, 1000, 0,
	  RS_NO_ETH_TRANS, MALFORMED },
	{ "tcp4, gso already", RS_FULL, T4(ACK, 2000), 2, 1000, 0, RS_GSO,
	  MALFORMED },
};

static void rsc_case_desc(const struct rsc_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(rsc, rsc_cases, rsc_case_desc);

/* Counted coalesced: packets 1, segments @segs, bytes @len. */
static void rs_expect_counted(struct kunit *test, struct netcx_adapter *ad,
			      struct tc_snap *s, u16 segs, unsigned int len,
			      const char *what)
{
	struct tc_count want[] = {
		{ "rx_rsc_packets", 1 },
		{ "rx_rsc_segments", segs },
		{ "rx_rsc_bytes", len },
		{ }
	};

	tc_expect(test, ad, s, want, what);
}

/*
 * Each case's frame through netcx_rx_rsc(): the skb and the counters
 * afterwards; a coalesced one then segmented again, in software
 * checksums and with the checksum left to a device.
 */
static void rsc_test(struct kunit *test)
{
	static const netdev_features_t out[] = {
		0, NETIF_F_SG | NETIF_F_HW_CSUM,
	};
	const struct rsc_case *c = test->param_value;
	struct sk_buff *skb, *clone = NULL;
	struct netcx_adapter *ad;
	struct rs_frame f;
	struct tc_snap s;
	unsigned int i;

	ad = rs_setup(test, c->setup);
	rs_frame_init(test, &f, c->hdrs, c->tweak);
	tc_init(test, ad, &s);

	if (c->refused) {
		struct tc_count want[] = { { c->refused, 1 }, { } };

		skb = rs_rx(test, ad, &f, c->headlen, c->tweak);
		rs_call(ad, skb, c->segs, c->mss);
		rs_expect_plain(test, skb, &f, c->tweak);
		kfree_skb(skb);
		tc_expect(test, ad, &s, *c->refused ? want : NULL, "refused");
		return;
	}

	for (i = 0; i < ARRAY_SIZE(out); i++) {
		skb = rs_rx(test, ad, &f, c->headlen, c->tweak);
		if (c->tweak == RS_CLONED) {
			clone = skb_clone(skb, GFP_KERNEL);
			KUNIT_ASSERT_NOT_NULL(test, clone);
		}
		rs_call(ad, skb, c->segs, c->mss);
		rs_expect_gro(test, skb, &f, c->segs, c->mss);
		rs_expect_counted(test, ad, &s, c->segs, f.len, c->name);
		if (clone) {
			/* the bytes the clone shares are not written */
			rs_expect_plain(test, clone, &f, RS_AS_IS);
			kfree_skb(clone);
			clone = NULL;
		}
		rs_expect_forwarded(test, skb, &f.p, c->segs, c->mss, out[i]);
		kfree_skb(skb);
	}
}

/* rx-gro-hw switched off and on at run time: follows dev->features. */
static void rsc_toggle_test(struct kunit *test)
{
	struct tc_count inactive[] = { { INACTIVE, 1 }, { } };
	struct netcx_adapter *ad = rs_setup(test, RS_FULL);
	struct net_device *dev = netcx_adapter_netdev(ad);
	struct sk_buff *skb;
	struct rs_frame f;
	struct tc_snap s;
	int i;

	rs_frame_init(test, &f, T6(ACK, 3000), RS_AS_IS);
	tc_init(test, ad, &s);
	for (i = 0; i < 3; i++) {
		bool on = i != 1;

		if (on)
			dev->features |= NETIF_F_GRO_HW;
		else
			dev->features &= ~NETIF_F_GRO_HW;
		skb = rs_rx(test, ad, &f, 0, RS_AS_IS);
		rs_call(ad, skb, 3, 1000);
		if (on) {
			rs_expect_gro(test, skb, &f, 3, 1000);
			rs_expect_counted(test, ad, &s, 3, f.len, "on");
		} else {
			rs_expect_plain(test, skb, &f, RS_AS_IS);
			tc_expect(test, ad, &s, inactive, "off");
		}
		kfree_skb(skb);
	}
}

/*
 * A driver's whole receive path: the status word through
 * netcx_rx_csum_status(), then netcx_rx_rsc(); the checksum counters and
 * the coalescing counters each move once.
 */
static void rsc_after_status_test(struct kunit *test)
{
	static const u32 valid = BIT(0);
	struct netcx_rx_csum_caps rx = {
		.kinds = NETCX_TEST_ALL_KINDS,
		.status = {
			.tcp = { BIT(0), BIT(1) },
			.udp = { BIT(0), BIT(1) },
		},
	};
	static const struct netcx_rsc_caps rsc = {
		.l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6,
	};
	struct tc_count want[] = {
		{ "rx_csum_valid", 1 },
		{ "rx_rsc_packets", 1 },
		{ "rx_rsc_segments", 2 },
		{ "rx_rsc_bytes", 14 + 20 + 32 + 2896 },
		{ }
	};
	struct tc_count bad[] = {
		{ "rx_csum_invalid", 1 }, { CSUM, 1 }, { }
	};
	struct netcx_adapter *ad;
	struct net_device *dev;
	struct sk_buff *skb;
	struct rs_frame f;
	struct tc_snap s;

	ad = netcx_test_dev(test, NULL, 0);
	dev = test->priv;
	KUNIT_ASSERT_EQ(test, netcx_set_rx_csum_caps(ad, &rx), 0);
	KUNIT_ASSERT_EQ(test, netcx_set_rsc_caps(ad, &rsc), 0);
	KUNIT_ASSERT_EQ(test, netcx_adapter_commit(ad), 0);

	rs_frame_init(test, &f, T4TS(ACK, 2896), RS_AS_IS);
	tc_init(test, ad, &s);
	skb = tb_skb(test, f.buf, f.len, 0);
	skb->protocol = eth_type_trans(skb, dev);
	local_bh_disable();
	netcx_rx_csum_status(ad, skb, valid);
	netcx_rx_rsc(ad, skb, 2, 1448);
	local_bh_enable();
	rs_expect_gro(test, skb, &f, 2, 1448);
	kfree_skb(skb);
	tc_expect(test, ad, &s, want, "valid");

	/* the hardware says the checksum is wrong: plain, the stack drops */
	skb = tb_skb(test, f.buf, f.len, 0);
	skb->protocol = eth_type_trans(skb, dev);
	local_bh_disable();
	netcx_rx_csum_status(ad, skb, valid | BIT(1));
	netcx_rx_rsc(ad, skb, 2, 1448);
	local_bh_enable();
	rs_expect_plain(test, skb, &f, RS_CSUM_NONE);
	kfree_skb(skb);
	tc_expect(test, ad, &s, bad, "invalid");
}

static struct kunit_case netcx_rsc_test_cases[] = {
	KUNIT_CASE_PARAM(rsc_test, rsc_gen_params),
	KUNIT_CASE(rsc_toggle_test),
	KUNIT_CASE(rsc_after_status_test),
	{}
};

static struct kunit_suite netcx_rsc_test_suite = {
	.name = "netcx_rsc",
	.init = netcx_test_init,
	.exit = netcx_test_exit,
	.test_cases = netcx_rsc_test_cases,
};

kunit_test_suite(netcx_rsc_test_suite);

MODULE_DESCRIPTION("KUnit tests for the netcx receive coalescing report");
MODULE_IMPORT_NS(NETCX_NS);
MODULE_LICENSE("GPL");
