/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ncsim hardware model's test harness, shared by its transmit and
 * receive suites (kunit/ncsim_hw_tx_test.c, kunit/ncsim_hw_rx_test.c): the
 * silicon profiles, the model's engines driven without a net_device over
 * a wire of the test's own, and the reference computations (checksums,
 * segments, tags, padding) that the frames are compared with.
 */
#ifndef _NCSIM_HW_HARNESS_H
#define _NCSIM_HW_HARNESS_H

#include <kunit/test.h>
#include <linux/skbuff.h>

#include "../src/ncsim/hw.h"
#include "../src/ncsim/ncsim.h"
#include "netcx_pkt_build.h"

#define HT_BUF		8192
#define HT_FRAMES	16
#define HT_RING		8

#define IPCS	NCSIM_TXD_CMD_IPCS
#define L4CS	NCSIM_TXD_CMD_L4CS
#define TSE	NCSIM_TXD_CMD_TSE
#define USE	NCSIM_TXD_CMD_USE
#define VLE	NCSIM_TXD_CMD_VLE

#define TCP_FIN	0x01
#define TCP_PSH	0x08
#define TCP_ACK	0x10
#define TCP_CWR	0x80

/* The silicon the cases run on: ncsim's profiles, plus tight limits. */
enum ht_profile {
	HT_FULL,
	HT_E1000,
	HT_BASIC,
	HT_NONE,
	HT_LIMITS,	/* full, with tight segmentation limits */
	HT_TIGHT,	/* basic, with a 34-byte layer-4 offset limit only */
};

#define HT_ALL_KINDS	(NETCX_KINDS_V4 | NETCX_KINDS_V6)

/*
 * The silicon of @p, for the test's duration: ncsim's own profile of that
 * name (src/ncsim/profile.c, where the profiles are defined), its limits
 * lowered for the tight variants as ncsim's module parameters would.
 */
static inline struct ncsim_hw_caps *ht_caps(struct kunit *test,
					    enum ht_profile p)
{
	static const char * const name[] = {
		[HT_FULL] = "full", [HT_E1000] = "e1000", [HT_BASIC] = "basic",
		[HT_NONE] = "none", [HT_LIMITS] = "full", [HT_TIGHT] = "basic",
	};
	const struct ncsim_profile *prof = ncsim_profile_find(name[p]);
	struct ncsim_hw_caps *caps;

	KUNIT_ASSERT_NOT_NULL(test, prof);
	caps = kunit_kmalloc(test, sizeof(*caps), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, caps);
	*caps = prof->caps;
	switch (p) {
	case HT_LIMITS:
		caps->lso.l4_offset_limit = 34;
		caps->lso.max_size = 4000;
		caps->lso.min_segs = 3;
		caps->uso.max_segs = 2;
		break;
	case HT_TIGHT:
		caps->tx_csum.l3_offset_limit = 0;
		caps->tx_csum.l4_offset_limit = 34;
		break;
	default:
		break;
	}
	return caps;
}

/* Where the headers of a test packet are, read from its layers. */
struct ht_geo {
	unsigned int l3;	/* the IP header */
	unsigned int l4;	/* the transport header */
	unsigned int hdr;	/* the payload */
	unsigned int tags;	/* in-band 802.1Q/802.1ad tags */
	bool v6;
	u8 proto;		/* 6, 17, or 0 */
};

static inline void ht_geo(const struct tb_layer *l, struct ht_geo *g)
{
	unsigned int off = 0;

	memset(g, 0, sizeof(*g));
	for (; l->type != TB_END; l++) {
		switch (l->type) {
		case TB_VLAN:
		case TB_SVLAN:
			g->tags++;
			break;
		case TB_IPV4:
		case TB_IPV6:
			g->l3 = off;
			g->v6 = l->type == TB_IPV6;
			break;
		case TB_TCP:
		case TB_UDP:
			g->l4 = off;
			g->proto = l->type == TB_TCP ? 6 : 17;
			g->hdr = off + tb_layer_len(l);
			return;
		}
		off += tb_layer_len(l);
	}
}

static inline unsigned int ht_check_off(const struct ht_geo *g)
{
	return g->l4 + (g->proto == 6 ? 16 : 6);
}

/* The transport checksum of the frame @f of @len bytes, by RFC 1071. */
static inline void ht_l4_csum(u8 *f, unsigned int len, const struct ht_geo *g)
{
	u32 sum = tb_pseudo_sum(f + g->l3, g->proto, len - g->l4);
	u16 v;

	tb_put16(f + ht_check_off(g), 0);
	v = ~tb_fold(tb_sum(f + g->l4, len - g->l4, sum));
	if (g->proto == 17 && !v)
		v = 0xffff;
	tb_put16(f + ht_check_off(g), v);
}

/* What a generic engine stores: the sum from l4 on, seed included. */
static inline void ht_generic_csum(u8 *f, unsigned int len, const struct ht_geo *g)
{
	u16 v = ~tb_fold(tb_sum(f + g->l4, len - g->l4, 0));

	tb_put16(f + ht_check_off(g), v ?: 0xffff);
}

static inline void ht_ip_csum(u8 *iph, unsigned int hlen)
{
	tb_put16(iph + 10, 0);
	tb_put16(iph + 10, ~tb_fold(tb_sum(iph, hlen, 0)));
}

/* Segment @i of @segs of the packet @in into @out: its length. */
static inline unsigned int ht_segment(const u8 *in, unsigned int len,
				      const struct ht_geo *g, unsigned int mss,
				      unsigned int i, unsigned int segs, bool fix,
				      u8 *out)
{
	unsigned int n = min(mss, len - g->hdr - i * mss), flen = g->hdr + n;
	u8 *l3 = out + g->l3, *l4 = out + g->l4;

	memcpy(out, in, g->hdr);
	memcpy(out + g->hdr, in + g->hdr + i * mss, n);
	if (!fix)
		return flen;
	if (g->v6) {
		tb_put16(l3 + 4, flen - g->l3 - 40);
	} else {
		tb_put16(l3 + 2, flen - g->l3);
		tb_put16(l3 + 4, tb_get16(l3 + 4) + i);
		ht_ip_csum(l3, (l3[0] & 0xf) * 4);
	}
	if (g->proto == 6) {
		tb_put32(l4 + 4, tb_get32(l4 + 4) + i * mss);
		if (i)
			l4[13] &= ~TCP_CWR;
		if (i + 1 < segs)
			l4[13] &= ~(TCP_FIN | TCP_PSH);
	} else {
		tb_put16(l4 + 4, flen - g->l4);
	}
	ht_l4_csum(out, flen, g);
	return flen;
}

static inline unsigned int ht_tag(u8 *f, unsigned int len, u16 tci)
{
	memmove(f + 16, f + 12, len - 12);
	tb_put16(f + 12, 0x8100);
	tb_put16(f + 14, tci);
	return len + 4;
}

static inline unsigned int ht_pad(u8 *f, unsigned int len)
{
	if (len >= 60)
		return len;
	memset(f + len, 0, 60 - len);
	return 60;
}

/* The wire: one frame may carry the Ethernet header, MTU bytes and 2 tags. */
static inline bool ht_fits(unsigned int len, unsigned int mtu, unsigned int tags)
{
	return len <= 14 + mtu + 4 * min(tags, 2U);
}

struct ht_ctx {
	struct kunit *test;
	struct ncsim_hw_tx tx;
	struct ncsim_hw_rx rx;
	bool tx_up, rx_up;
	struct sk_buff *skb[HT_RING];
	unsigned int nskb;
	/* the wire */
	unsigned int n;
	u8 *frame[HT_FRAMES];
	unsigned int len[HT_FRAMES];
	bool loop;		/* frames go to rx instead */
	int wire_ret;
	unsigned int room;	/* what ht_room() answers */
};

static inline int ht_wire(void *priv, const struct ncsim_hw_frame *fr)
{
	unsigned int len = fr->hlen + fr->plen;
	struct ht_ctx *c = priv;
	u8 *f;

	if (c->loop)
		return ncsim_hw_rx_gather(&c->rx, fr);
	/* the receiver's contract: the headers up to the tags in fr->hdr */
	KUNIT_EXPECT_GE(c->test, fr->hlen, min(len, 18U));
	if (c->n < HT_FRAMES) {
		f = kunit_kmalloc(c->test, len, GFP_KERNEL);
		c->frame[c->n] = f;
		if (f) {
			memcpy(f, fr->hdr, fr->hlen);
			if (fr->plen)
				KUNIT_EXPECT_EQ(c->test,
						skb_copy_bits(fr->pkt, fr->off,
							      f + fr->hlen,
							      fr->plen), 0);
		}
		c->len[c->n] = len;
	}
	c->n++;
	return c->wire_ret;
}

/* Flow control: UINT_MAX (no PAUSE) unless a test sets room. */
static inline unsigned int ht_room(void *priv)
{
	struct ht_ctx *c = priv;

	return c->room;
}

static inline int ht_init(struct kunit *test)
{
	struct ht_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);

	if (!c)
		return -ENOMEM;
	c->test = test;
	c->room = UINT_MAX;
	test->priv = c;
	return 0;
}

static inline void ht_exit(struct kunit *test)
{
	struct ht_ctx *c = test->priv;
	unsigned int i;

	for (i = 0; i < c->nskb; i++)
		kfree_skb(c->skb[i]);
	if (c->tx_up)
		ncsim_hw_tx_uninit(&c->tx);
	if (c->rx_up)
		ncsim_hw_rx_uninit(&c->rx);
}

static inline void ht_tx_start(struct kunit *test, enum ht_profile p,
			       unsigned int mtu)
{
	struct ht_ctx *c = test->priv;

	KUNIT_ASSERT_EQ(test, ncsim_hw_tx_init(&c->tx, ht_caps(test, p), HT_RING,
					       ht_wire, ht_room, c), 0);
	c->tx_up = true;
	c->tx.mtu = mtu ?: 1500;
}

static inline void ht_rx_start(struct kunit *test, enum ht_profile p, u32 kinds,
			       u32 strip)
{
	struct ht_ctx *c = test->priv;
	struct ncsim_rxd *d;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, ncsim_hw_rx_init(&c->rx, ht_caps(test, p), HT_RING), 0);
	c->rx_up = true;
	c->rx.csum_kinds = kinds;
	c->rx.strip_kinds = strip;
	for (i = 0; i < HT_RING; i++) {
		d = &c->rx.ring.desc[i];
		d->buf_len = 2048;
		d->addr = kunit_kzalloc(test, d->buf_len, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, d->addr);
	}
	c->rx.ring.tail = HT_RING;
}

/*
 * Takes the next descriptor for @skb (kept for the test's end), cleared
 * but for its buffer and length; the caller fills the rest and advances
 * the ring's tail.
 */
static inline struct ncsim_txd *ht_post_skb(struct kunit *test,
					    struct sk_buff *skb)
{
	struct ht_ctx *c = test->priv;
	struct ncsim_tx_ring *r = &c->tx.ring;
	struct ncsim_txd *d = &r->desc[r->tail & r->mask];

	KUNIT_ASSERT_LT(test, c->nskb, HT_RING);
	c->skb[c->nskb++] = skb;
	memset(d, 0, sizeof(*d));
	d->buf = skb;
	d->len = skb->len;
	return d;
}

/* Posts one descriptor for @skb: returns it, for the caller to fill. */
static inline struct ncsim_txd *ht_post(struct kunit *test, struct sk_buff *skb,
					const struct ht_geo *g, u16 cmd)
{
	struct ht_ctx *c = test->priv;
	struct ncsim_txd *d = ht_post_skb(test, skb);

	d->cmd = cmd | (g->v6 ? NCSIM_TXD_CMD_IP6 : 0) |
		 (g->proto == 6 ? NCSIM_TXD_CMD_TCP : 0) |
		 (g->proto == 17 ? NCSIM_TXD_CMD_UDP : 0);
	d->maclen = g->l3;
	d->l4_off = g->l4;
	d->cso = ht_check_off(g) - g->l4;
	d->hdr_len = g->hdr;
	c->tx.ring.tail++;
	return d;
}

/*
 * Builds a packet as the stack posts it: the transport checksum field
 * holds the pseudo-header sum (CHECKSUM_PARTIAL's seed).
 */
static inline unsigned int ht_build(struct kunit *test, u8 *buf,
				    const struct tb_layer *pkt, struct ht_geo *g)
{
	unsigned int len = tb_build(buf, HT_BUF, pkt);

	KUNIT_ASSERT_GT(test, len, 0);
	ht_geo(pkt, g);
	if (g->proto)
		tb_put16(buf + ht_check_off(g),
			 tb_fold(tb_pseudo_sum(buf + g->l3, g->proto,
					       len - g->l4)));
	return len;
}

static inline u64 ht_tx_stat(struct ht_ctx *c, enum ncsim_hw_tx_stat s)
{
	u64 vals[NCSIM_HW_TX_NSTATS];

	ncsim_hw_tx_read_stats(&c->tx, vals);
	return vals[s];
}

static inline u64 ht_rx_stat(struct ht_ctx *c, enum ncsim_hw_rx_stat s)
{
	u64 vals[NCSIM_HW_RX_NSTATS];

	ncsim_hw_rx_read_stats(&c->rx, vals);
	return vals[s];
}

/* The layers of a test packet (testing/netcx_pkt_build.h). */
#define ETH		{ TB_ETH }
#define VLAN(v)		{ TB_VLAN, 0, v }
#define IP4		{ TB_IPV4 }
#define IP4_OPTS(n)	{ TB_IPV4, n }
#define IP4_FRAG(f)	{ TB_IPV4, 0, f }
#define IP6		{ TB_IPV6 }
#define HOP(n)		{ TB_HOP, n }
#define DST(n)		{ TB_DST, n }
#define RT(n)		{ TB_RT, n }
#define FRAG(f)		{ TB_FRAG, 0, f }
#define TCP		{ TB_TCP, 0, TCP_ACK }
#define TCP_OPTS(n, f)	{ TB_TCP, n, f }
#define UDP		{ TB_UDP }
#define DATA(n)		{ TB_DATA, n }
#define ARP		{ TB_ARP }

#define LSO_FLAGS	(TCP_ACK | TCP_FIN | TCP_PSH | TCP_CWR)

#endif /* _NCSIM_HW_HARNESS_H */
