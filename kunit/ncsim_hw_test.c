// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the ncsim hardware model without a net_device. Descriptors go into
 * the transmit ring, frames come out of the wire and are compared byte for
 * byte with frames this suite computes on its own (checksums, segment
 * headers, tags, padding, MTU drops, and what the silicon does with a
 * descriptor beyond its capabilities); frames go into the receive engine
 * and its per-layer checksum results are checked.
 */
#include <kunit/test.h>
#include <linux/module.h>
#include <linux/skbuff.h>

#include "../src/ncsim/hw.h"
#include "../testing/netcx_pkt_build.h"

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

/* The silicon the cases run on, like the ncsim profiles, plus tight limits. */
enum ht_profile {
	HT_FULL,
	HT_E1000,
	HT_BASIC,
	HT_NONE,
	HT_LIMITS,	/* full, with tight segmentation limits */
	HT_TIGHT,	/* basic, with a 34-byte layer-4 offset limit */
};

#define HT_ALL_KINDS	(NETCX_KINDS_V4 | NETCX_KINDS_V6)

static const struct ncsim_hw_caps ht_caps[] = {
	[HT_FULL] = {
		.tx_csum = { .l3 = NETCX_L3_ALL, .l4 = NETCX_L4_ALL },
		.rx_csum = { .kinds = HT_ALL_KINDS },
		.lso = { .l3 = NETCX_L3_ALL, .l4 = NETCX_L4_TCP | NETCX_L4_TCP_OPTS,
			 .max_size = 65536, .min_segs = 2 },
		.uso = { .l3 = NETCX_L3_ALL, .l4 = NETCX_L4_UDP,
			 .max_size = 65536, .min_segs = 2 },
		.tag = { .kinds = NETCX_TAG_PRIO | NETCX_TAG_VLAN },
		.max_mtu = 9000,
	},
	[HT_E1000] = {
		.tx_csum = { .l3 = NETCX_L3_ALL, .l4 = NETCX_L4_ALL,
			     .generic = true, .l4_offset_limit = 255 },
		.rx_csum = { .kinds = NETCX_TCP4 | NETCX_UDP4 },
		.lso = { .l3 = NETCX_L3_IPV4 | NETCX_L3_IPV4_OPTS,
			 .l4 = NETCX_L4_TCP | NETCX_L4_TCP_OPTS,
			 .max_size = 65536, .min_segs = 2 },
		.max_mtu = 16110,
	},
	[HT_BASIC] = {
		.tx_csum = { .l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6,
			     .l4 = NETCX_L4_TCP | NETCX_L4_UDP,
			     .l3_offset_limit = 18, .l4_offset_limit = 58 },
		.rx_csum = { .kinds = HT_ALL_KINDS },
		.max_mtu = 1500,
	},
	[HT_NONE] = {
		.max_mtu = 1500,
	},
	[HT_LIMITS] = {
		.tx_csum = { .l3 = NETCX_L3_ALL, .l4 = NETCX_L4_ALL },
		.lso = { .l3 = NETCX_L3_ALL, .l4 = NETCX_L4_TCP | NETCX_L4_TCP_OPTS,
			 .l4_offset_limit = 34, .max_size = 4000, .min_segs = 3 },
		.uso = { .l3 = NETCX_L3_ALL, .l4 = NETCX_L4_UDP,
			 .max_size = 65536, .min_segs = 2, .max_segs = 2 },
		.max_mtu = 9000,
	},
	[HT_TIGHT] = {
		.tx_csum = { .l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6,
			     .l4 = NETCX_L4_TCP | NETCX_L4_UDP,
			     .l4_offset_limit = 34 },
		.max_mtu = 1500,
	},
};

/* Where the headers of a test packet are, read from its layers. */
struct ht_geo {
	unsigned int l3;	/* the IP header */
	unsigned int l4;	/* the transport header */
	unsigned int hdr;	/* the payload */
	unsigned int tags;	/* in-band 802.1Q/802.1ad tags */
	bool v6;
	u8 proto;		/* 6, 17, or 0 */
};

static void ht_geo(const struct tb_layer *l, struct ht_geo *g)
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

static unsigned int ht_check_off(const struct ht_geo *g)
{
	return g->l4 + (g->proto == 6 ? 16 : 6);
}

/* The transport checksum of the frame @f of @len bytes, by RFC 1071. */
static void ht_l4_csum(u8 *f, unsigned int len, const struct ht_geo *g)
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
static void ht_generic_csum(u8 *f, unsigned int len, const struct ht_geo *g)
{
	u16 v = ~tb_fold(tb_sum(f + g->l4, len - g->l4, 0));

	tb_put16(f + ht_check_off(g), v ?: 0xffff);
}

static void ht_ip_csum(u8 *iph, unsigned int hlen)
{
	tb_put16(iph + 10, 0);
	tb_put16(iph + 10, ~tb_fold(tb_sum(iph, hlen, 0)));
}

/* Segment @i of @segs of the packet @in into @out: its length. */
static unsigned int ht_segment(const u8 *in, unsigned int len,
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

static unsigned int ht_tag(u8 *f, unsigned int len, u16 tci)
{
	memmove(f + 16, f + 12, len - 12);
	tb_put16(f + 12, 0x8100);
	tb_put16(f + 14, tci);
	return len + 4;
}

static unsigned int ht_pad(u8 *f, unsigned int len)
{
	if (len >= 60)
		return len;
	memset(f + len, 0, 60 - len);
	return 60;
}

/* The wire: one frame may carry the Ethernet header, MTU bytes and 2 tags. */
static bool ht_fits(unsigned int len, unsigned int mtu, unsigned int tags)
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

static int ht_wire(void *priv, const struct ncsim_hw_frame *fr)
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
static unsigned int ht_room(void *priv)
{
	struct ht_ctx *c = priv;

	return c->room;
}

static int ht_init(struct kunit *test)
{
	struct ht_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);

	if (!c)
		return -ENOMEM;
	c->test = test;
	c->room = UINT_MAX;
	test->priv = c;
	return 0;
}

static void ht_exit(struct kunit *test)
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

static void ht_tx_start(struct kunit *test, enum ht_profile p,
			unsigned int mtu)
{
	struct ht_ctx *c = test->priv;

	KUNIT_ASSERT_EQ(test, ncsim_hw_tx_init(&c->tx, &ht_caps[p], HT_RING,
					       ht_wire, ht_room, c), 0);
	c->tx_up = true;
	c->tx.mtu = mtu ?: 1500;
}

static void ht_rx_start(struct kunit *test, enum ht_profile p, u32 kinds,
			u32 strip)
{
	struct ht_ctx *c = test->priv;
	struct ncsim_rxd *d;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, ncsim_hw_rx_init(&c->rx, &ht_caps[p], HT_RING), 0);
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

/* Posts one descriptor for @skb: returns it, for the caller to fill. */
static struct ncsim_txd *ht_post(struct kunit *test, struct sk_buff *skb,
				 const struct ht_geo *g, u16 cmd)
{
	struct ht_ctx *c = test->priv;
	struct ncsim_tx_ring *r = &c->tx.ring;
	struct ncsim_txd *d = &r->desc[r->tail & r->mask];

	KUNIT_ASSERT_LT(test, c->nskb, HT_RING);
	c->skb[c->nskb++] = skb;
	memset(d, 0, sizeof(*d));
	d->buf = skb;
	d->len = skb->len;
	d->cmd = cmd | (g->v6 ? NCSIM_TXD_CMD_IP6 : 0) |
		 (g->proto == 6 ? NCSIM_TXD_CMD_TCP : 0) |
		 (g->proto == 17 ? NCSIM_TXD_CMD_UDP : 0);
	d->maclen = g->l3;
	d->l4_off = g->l4;
	d->cso = ht_check_off(g) - g->l4;
	d->hdr_len = g->hdr;
	r->tail++;
	return d;
}

/*
 * Builds a packet as the stack posts it: the transport checksum field
 * holds the pseudo-header sum (CHECKSUM_PARTIAL's seed).
 */
static unsigned int ht_build(struct kunit *test, u8 *buf,
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

static u64 ht_tx_stat(struct ht_ctx *c, enum ncsim_hw_tx_stat s)
{
	u64 vals[NCSIM_HW_TX_NSTATS];

	ncsim_hw_tx_read_stats(&c->tx, vals);
	return vals[s];
}

static u64 ht_rx_stat(struct ht_ctx *c, enum ncsim_hw_rx_stat s)
{
	u64 vals[NCSIM_HW_RX_NSTATS];

	ncsim_hw_rx_read_stats(&c->rx, vals);
	return vals[s];
}

/* What the wire should carry, in the case's terms. */
enum ht_out {
	HT_CSUM,	/* the packet whole, the checksums asked for inserted */
	HT_SEGS,	/* segments, every header fixed */
	HT_POSTED,	/* the packet whole, as posted */
	HT_RAW,		/* segments carrying the headers as posted */
	HT_IP20,	/* whole, IPv4 header checksum over 20 bytes only */
};

struct ht_tx_case {
	const char *name;
	/* input */
	enum ht_profile profile;
	struct tb_layer pkt[8];
	u16 cmd;
	u16 mss;
	u16 vlan;
	u16 mtu;
	u16 headlen;
	bool zero_ip_csum;
	/* expected */
	enum ht_out out;
	bool tagged;
	u8 frames;
	bool violation;
};

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

static const struct ht_tx_case ht_tx_cases[] = {
	/* checksums inside the capabilities */
	{ "full_tcp4_csum", HT_FULL, { ETH, IP4, TCP_OPTS(12, TCP_ACK), DATA(100) },
	  IPCS | L4CS, .zero_ip_csum = true, .out = HT_CSUM, .frames = 1 },
	{ "full_tcp4_csum_paged", HT_FULL, { ETH, IP4, TCP, DATA(1000) },
	  L4CS, .headlen = 40, .out = HT_CSUM, .frames = 1 },
	{ "full_udp6_csum", HT_FULL, { ETH, IP6, UDP, DATA(200) },
	  L4CS, .out = HT_CSUM, .frames = 1 },
	{ "full_tcp6_ext_csum", HT_FULL,
	  { ETH, IP6, HOP(8), RT(24), DST(16), TCP_OPTS(12, TCP_ACK), DATA(300) },
	  L4CS, .out = HT_CSUM, .frames = 1 },
	{ "full_ipv4_opts_csum", HT_FULL,
	  { ETH, IP4_OPTS(8), TCP_OPTS(12, TCP_ACK), DATA(64) },
	  IPCS | L4CS, .zero_ip_csum = true, .out = HT_CSUM, .frames = 1 },
	{ "basic_tcp4_csum", HT_BASIC, { ETH, IP4, TCP, DATA(100) },
	  L4CS, .out = HT_CSUM, .frames = 1 },
	{ "basic_udp6_vlan_csum", HT_BASIC, { ETH, VLAN(5), IP6, UDP, DATA(100) },
	  L4CS, .out = HT_CSUM, .frames = 1 },
	{ "basic_ip_csum", HT_BASIC, { ETH, IP4, UDP, DATA(10) },
	  IPCS, .zero_ip_csum = true, .out = HT_CSUM, .frames = 1 },
	{ "e1000_generic_tcp6_ext", HT_E1000,
	  { ETH, IP6, HOP(8), TCP_OPTS(12, TCP_ACK), DATA(500) },
	  L4CS, .out = HT_CSUM, .frames = 1 },
	{ "e1000_generic_udp4", HT_E1000, { ETH, IP4_OPTS(4), UDP, DATA(33) },
	  L4CS, .out = HT_CSUM, .frames = 1 },
	{ "short_frame_padded", HT_FULL, { ETH, IP4, UDP, DATA(4) },
	  L4CS, .out = HT_CSUM, .frames = 1 },
	/* checksums beyond them: left as posted */
	{ "basic_ipv4_opts_violation", HT_BASIC, { ETH, IP4_OPTS(4), TCP, DATA(100) },
	  L4CS, .out = HT_POSTED, .frames = 1, .violation = true },
	{ "basic_tcp_opts_violation", HT_BASIC,
	  { ETH, IP4, TCP_OPTS(12, TCP_ACK), DATA(100) },
	  L4CS, .out = HT_POSTED, .frames = 1, .violation = true },
	{ "basic_ipv6_ext_violation", HT_BASIC, { ETH, IP6, HOP(8), UDP, DATA(100) },
	  L4CS, .out = HT_POSTED, .frames = 1, .violation = true },
	{ "basic_l3_offset_violation", HT_BASIC,
	  { ETH, VLAN(5), VLAN(6), IP4, UDP, DATA(100) },
	  L4CS, .out = HT_POSTED, .frames = 1, .violation = true },
	{ "tight_l4_offset_violation", HT_TIGHT, { ETH, IP6, UDP, DATA(100) },
	  L4CS, .out = HT_POSTED, .frames = 1, .violation = true },
	{ "tight_l4_offset_at_limit", HT_TIGHT, { ETH, IP4, UDP, DATA(100) },
	  L4CS, .out = HT_CSUM, .frames = 1 },
	{ "basic_ip_opts_csum_20_bytes", HT_BASIC, { ETH, IP4_OPTS(4), UDP, DATA(10) },
	  IPCS, .zero_ip_csum = true, .out = HT_IP20, .frames = 1,
	  .violation = true },
	{ "e1000_css_limit_violation", HT_E1000,
	  { ETH, IP6, HOP(232), UDP, DATA(100) },
	  L4CS, .out = HT_POSTED, .frames = 1, .violation = true },
	{ "none_csum_violation", HT_NONE, { ETH, IP4, TCP, DATA(100) },
	  L4CS, .out = HT_POSTED, .frames = 1, .violation = true },
	/* segmentation inside the capabilities */
	{ "full_lso4", HT_FULL, { ETH, IP4, TCP_OPTS(12, LSO_FLAGS), DATA(3000) },
	  TSE, .mss = 1000, .out = HT_SEGS, .frames = 3 },
	{ "full_lso4_opts_short_last", HT_FULL,
	  { ETH, IP4_OPTS(8), TCP_OPTS(12, LSO_FLAGS), DATA(2500) },
	  TSE, .mss = 1000, .out = HT_SEGS, .frames = 3 },
	{ "full_lso4_paged", HT_FULL, { ETH, IP4, TCP_OPTS(12, LSO_FLAGS), DATA(2000) },
	  TSE, .mss = 700, .headlen = 100, .out = HT_SEGS, .frames = 3 },
	{ "full_lso6_ext", HT_FULL,
	  { ETH, IP6, HOP(8), DST(8), TCP_OPTS(12, LSO_FLAGS), DATA(2900) },
	  TSE, .mss = 1400, .out = HT_SEGS, .frames = 3 },
	{ "full_uso4", HT_FULL, { ETH, IP4, UDP, DATA(3000) },
	  USE, .mss = 1200, .out = HT_SEGS, .frames = 3 },
	{ "full_uso6", HT_FULL, { ETH, IP6, UDP, DATA(2000) },
	  USE, .mss = 1000, .out = HT_SEGS, .frames = 2 },
	{ "full_lso4_vlan_insert", HT_FULL, { ETH, IP4, TCP_OPTS(0, LSO_FLAGS), DATA(2000) },
	  TSE | VLE, .mss = 1000, .vlan = 0x0123, .out = HT_SEGS, .tagged = true,
	  .frames = 2 },
	{ "full_lso4_inband_vlan", HT_FULL,
	  { ETH, VLAN(7), IP4, TCP_OPTS(0, LSO_FLAGS), DATA(3000) },
	  TSE, .mss = 1000, .out = HT_SEGS, .frames = 3 },
	{ "e1000_lso4", HT_E1000, { ETH, IP4, TCP_OPTS(12, LSO_FLAGS), DATA(4000) },
	  TSE, .mss = 1448, .out = HT_SEGS, .frames = 3 },
	/* segmentation beyond them */
	{ "e1000_lso6_violation", HT_E1000, { ETH, IP6, TCP, DATA(3000) },
	  TSE, .mss = 1000, .out = HT_RAW, .frames = 3, .violation = true },
	{ "basic_lso_ignored_mtu_drop", HT_BASIC, { ETH, IP4, TCP, DATA(3000) },
	  TSE, .mss = 1000, .out = HT_POSTED, .frames = 0, .violation = true },
	{ "basic_lso_ignored_small", HT_BASIC, { ETH, IP4, TCP, DATA(500) },
	  TSE, .mss = 1000, .out = HT_POSTED, .frames = 1, .violation = true },
	{ "e1000_uso_ignored", HT_E1000, { ETH, IP4, UDP, DATA(900) },
	  USE, .mss = 300, .out = HT_POSTED, .frames = 1, .violation = true },
	{ "limits_lso_min_segs", HT_LIMITS, { ETH, IP4, TCP, DATA(2000) },
	  TSE, .mss = 1000, .out = HT_RAW, .frames = 2, .violation = true },
	{ "limits_lso_max_size", HT_LIMITS, { ETH, IP4, TCP, DATA(5000) },
	  TSE, .mss = 1000, .out = HT_RAW, .frames = 5, .violation = true },
	{ "limits_lso_offset", HT_LIMITS, { ETH, IP6, TCP, DATA(3000) },
	  TSE, .mss = 1000, .out = HT_RAW, .frames = 3, .violation = true },
	{ "limits_uso_max_segs", HT_LIMITS, { ETH, IP4, UDP, DATA(3000) },
	  USE, .mss = 1000, .out = HT_RAW, .frames = 3, .violation = true },
	{ "limits_uso_at_max_segs", HT_LIMITS, { ETH, IP4, UDP, DATA(2000) },
	  USE, .mss = 1000, .out = HT_SEGS, .frames = 2 },
	/* the wire MTU */
	{ "mtu_drop_whole", HT_FULL, { ETH, IP4, UDP, DATA(1600) },
	  L4CS, .out = HT_CSUM, .frames = 0 },
	{ "mtu_exact_fit", HT_FULL, { ETH, IP4, UDP, DATA(1472) },
	  L4CS, .out = HT_CSUM, .frames = 1 },
	{ "mtu_tag_allowance", HT_FULL, { ETH, IP4, UDP, DATA(1472) },
	  L4CS | VLE, .vlan = 5, .out = HT_CSUM, .tagged = true, .frames = 1 },
	{ "mtu_drop_segments", HT_FULL, { ETH, IP4, TCP, DATA(3000) },
	  TSE, .mss = 1600, .out = HT_SEGS, .frames = 1 },
	{ "mtu_small", HT_FULL, { ETH, IP6, UDP, DATA(1000) },
	  USE, .mss = 500, .mtu = 548, .out = HT_SEGS, .frames = 2 },
	{ "mtu_small_drop", HT_FULL, { ETH, IP6, UDP, DATA(1000) },
	  USE, .mss = 500, .mtu = 547, .out = HT_SEGS, .frames = 0 },
	/* tags */
	{ "full_priority_tag", HT_FULL, { ETH, IP4, UDP, DATA(100) },
	  L4CS | VLE, .vlan = 0x6000, .out = HT_CSUM, .tagged = true, .frames = 1 },
	{ "basic_tag_violation", HT_BASIC, { ETH, IP4, UDP, DATA(100) },
	  L4CS | VLE, .vlan = 10, .out = HT_CSUM, .frames = 1, .violation = true },
	{ "plain_no_offload", HT_NONE, { ETH, ARP }, 0, .out = HT_POSTED, .frames = 1 },
};

static void ht_tx_case_desc(const struct ht_tx_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(ht_tx, ht_tx_cases, ht_tx_case_desc);

static void ncsim_hw_tx_case(struct kunit *test)
{
	const struct ht_tx_case *c = test->param_value;
	bool seg = c->out == HT_SEGS || c->out == HT_RAW;
	const struct ncsim_hw_caps *caps = &ht_caps[c->profile];
	unsigned int len, flen, segs, i, k = 0, drops = 0, tags;
	unsigned int mtu = c->mtu ?: 1500;
	struct ht_ctx *ctx = test->priv;
	struct ncsim_txd *d;
	struct sk_buff *skb;
	struct ht_geo g;
	u8 *buf, *exp;

	buf = kunit_kzalloc(test, HT_BUF, GFP_KERNEL);
	exp = kunit_kzalloc(test, HT_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_NOT_NULL(test, exp);

	/* input */
	len = ht_build(test, buf, c->pkt, &g);
	if (c->zero_ip_csum)
		tb_put16(buf + g.l3 + 10, 0);
	ht_tx_start(test, c->profile, c->mtu);
	skb = tb_skb(test, buf, len, c->headlen);
	d = ht_post(test, skb, &g, c->cmd);
	d->mss = c->mss;
	d->vlan = c->vlan;

	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&ctx->tx, HT_RING), 1);
	KUNIT_EXPECT_EQ(test, d->sta, NCSIM_TXD_STA_DD);
	KUNIT_EXPECT_FALSE(test, ncsim_hw_tx_pending(&ctx->tx));

	/* expected */
	segs = seg ? DIV_ROUND_UP(len - g.hdr, c->mss) : 1;
	tags = g.tags + c->tagged;
	for (i = 0; i < segs; i++) {
		if (seg) {
			flen = ht_segment(buf, len, &g, c->mss, i, segs,
					  c->out == HT_SEGS, exp);
		} else {
			flen = len;
			memcpy(exp, buf, len);
		}
		if (c->out == HT_CSUM && c->cmd & IPCS)
			ht_ip_csum(exp + g.l3, (exp[g.l3] & 0xf) * 4);
		if (c->out == HT_IP20)
			ht_ip_csum(exp + g.l3, 20);
		if (c->out == HT_CSUM && c->cmd & L4CS) {
			if (caps->tx_csum.generic)
				ht_generic_csum(exp, flen, &g);
			else
				ht_l4_csum(exp, flen, &g);
		}
		if (!ht_fits(flen + 4 * c->tagged, mtu, tags)) {
			drops++;
			continue;
		}
		if (c->tagged)
			flen = ht_tag(exp, flen, c->vlan);
		flen = ht_pad(exp, flen);

		KUNIT_ASSERT_LT(test, k, ctx->n);
		KUNIT_ASSERT_NOT_NULL(test, ctx->frame[k]);
		KUNIT_EXPECT_EQ_MSG(test, ctx->len[k], flen, "frame %u", k);
		KUNIT_EXPECT_MEMEQ_MSG(test, ctx->frame[k], exp,
				       min(flen, ctx->len[k]), "frame %u", k);
		k++;
	}
	KUNIT_EXPECT_EQ(test, k, c->frames);
	KUNIT_EXPECT_EQ(test, ctx->n, c->frames);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(ctx, NCSIM_HW_TX_FRAMES), c->frames);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(ctx, NCSIM_HW_TX_MTU_DROPS), drops);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(ctx, NCSIM_HW_TX_VIOLATIONS),
			c->violation);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(ctx, NCSIM_HW_TX_DESC_ERRORS), 0);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(ctx, NCSIM_HW_TX_PACKETS), 1);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(ctx, NCSIM_HW_TX_LSO),
			c->out == HT_SEGS && (c->cmd & TSE));
	KUNIT_EXPECT_EQ(test, ht_tx_stat(ctx, NCSIM_HW_TX_USO),
			c->out == HT_SEGS && (c->cmd & USE));
}

/* A routing header with segments left: the pseudo-header's final destination. */
static void ncsim_hw_tx_ipv6_final_dst(struct kunit *test)
{
	static const struct tb_layer pkt[] = {
		ETH, IP6, RT(24), UDP, DATA(77), { TB_END }
	};
	static const u8 final[16] = { 0x20, 0x01, 0x0d, 0xb8, [14] = 0x99, 0x99 };
	struct ht_ctx *ctx = test->priv;
	unsigned int len, rt = 14 + 40;
	struct ht_geo g;
	u8 *buf, *exp;
	u32 sum;

	buf = kunit_kzalloc(test, HT_BUF, GFP_KERNEL);
	exp = kunit_kzalloc(test, HT_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_NOT_NULL(test, exp);
	len = ht_build(test, buf, pkt, &g);
	buf[rt + 3] = 1;			/* segments left */
	memcpy(buf + rt + 8, final, 16);	/* segment list[0] */

	/* expected: the pseudo-header over the source and the final segment */
	memcpy(exp, buf, len);
	tb_put16(exp + ht_check_off(&g), 0);
	sum = tb_sum(exp + 14 + 8, 16, 17 + len - g.l4);
	sum = tb_sum(final, 16, sum);
	tb_put16(exp + ht_check_off(&g),
		 ~tb_fold(tb_sum(exp + g.l4, len - g.l4, sum)) ?: 0xffff);

	ht_tx_start(test, HT_FULL, 0);
	ht_post(test, tb_skb(test, buf, len, 0), &g, L4CS);
	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&ctx->tx, HT_RING), 1);
	KUNIT_ASSERT_EQ(test, ctx->n, 1);
	KUNIT_ASSERT_EQ(test, ctx->len[0], len);
	KUNIT_EXPECT_MEMEQ(test, ctx->frame[0], exp, len);
}

/* Several descriptors, executed in order; the budget stops the engine. */
static void ncsim_hw_tx_ring(struct kunit *test)
{
	static const struct tb_layer pkt[] = {
		ETH, IP4, UDP, DATA(50), { TB_END }
	};
	struct ht_ctx *ctx = test->priv;
	struct ncsim_txd *d[3];
	unsigned int len, i;
	struct ht_geo g;
	u8 *buf;

	buf = kunit_kzalloc(test, HT_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	len = ht_build(test, buf, pkt, &g);
	ht_tx_start(test, HT_FULL, 0);
	/* the ring wraps: start near the end */
	ctx->tx.ring.head = HT_RING - 1;
	ctx->tx.ring.tail = HT_RING - 1;
	for (i = 0; i < 3; i++) {
		buf[len - 1] = i;
		d[i] = ht_post(test, tb_skb(test, buf, len, 0), &g, L4CS);
	}
	KUNIT_EXPECT_TRUE(test, ncsim_hw_tx_pending(&ctx->tx));
	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&ctx->tx, 2), 2);
	KUNIT_EXPECT_EQ(test, d[1]->sta, NCSIM_TXD_STA_DD);
	KUNIT_EXPECT_EQ(test, d[2]->sta, 0);
	KUNIT_EXPECT_TRUE(test, ncsim_hw_tx_pending(&ctx->tx));
	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&ctx->tx, HT_RING), 1);
	KUNIT_EXPECT_FALSE(test, ncsim_hw_tx_pending(&ctx->tx));
	KUNIT_ASSERT_EQ(test, ctx->n, 3);
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ(test, ctx->frame[i][len - 1], i);
	KUNIT_EXPECT_EQ(test, ctx->tx.ring.head, HT_RING + 2);
}

/* PAUSE: a descriptor starts only when the far end has room for it all. */
static void ncsim_hw_tx_pause(struct kunit *test)
{
	static const struct tb_layer pkt[] = {
		ETH, IP4, TCP, DATA(3000), { TB_END }
	};
	struct ht_ctx *ctx = test->priv;
	struct ncsim_txd *d[2];
	unsigned int len;
	struct ht_geo g;
	u8 *buf;

	buf = kunit_kzalloc(test, HT_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	len = ht_build(test, buf, pkt, &g);
	ht_tx_start(test, HT_FULL, 0);
	d[0] = ht_post(test, tb_skb(test, buf, len, 0), &g, TSE);
	d[0]->mss = 1000;				/* 3 frames */
	d[1] = ht_post(test, tb_skb(test, buf, 100, 0), &g, 0);

	ctx->room = 2;
	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&ctx->tx, HT_RING), 0);
	KUNIT_EXPECT_TRUE(test, ctx->tx.paused);
	KUNIT_EXPECT_EQ(test, ctx->n, 0);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(ctx, NCSIM_HW_TX_PAUSED), 1);

	ctx->room = 3;
	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&ctx->tx, 1), 1);
	KUNIT_EXPECT_FALSE(test, ctx->tx.paused);
	KUNIT_EXPECT_EQ(test, ctx->n, 3);
	KUNIT_EXPECT_EQ(test, d[0]->sta, NCSIM_TXD_STA_DD);
	KUNIT_EXPECT_EQ(test, d[1]->sta, 0);	/* the burst was spent */

	ctx->room = UINT_MAX;
	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&ctx->tx, HT_RING), 1);
	KUNIT_EXPECT_EQ(test, ctx->n, 4);
}

/* Descriptors the device cannot parse are dropped, and nothing else. */
static void ncsim_hw_tx_desc_errors(struct kunit *test)
{
	static const struct tb_layer pkt[] = {
		ETH, IP4, TCP, DATA(3000), { TB_END }
	};
	struct ht_ctx *ctx = test->priv;
	struct sk_buff *skb;
	struct ncsim_txd *d;
	unsigned int len;
	struct ht_geo g;
	u8 *buf;

	buf = kunit_kzalloc(test, HT_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	len = ht_build(test, buf, pkt, &g);
	ht_tx_start(test, HT_FULL, 0);

	skb = tb_skb(test, buf, len, 0);
	d = ht_post(test, skb, &g, L4CS);
	d->l4_off = len;			/* past the end */
	skb = tb_skb(test, buf, len, 0);
	d = ht_post(test, skb, &g, TSE);
	d->mss = 0;				/* no segment size */
	skb = tb_skb(test, buf, len, 0);
	d = ht_post(test, skb, &g, TSE);
	d->mss = 1000;
	d->hdr_len = g.l4 + 10;			/* inside the TCP header */
	skb = tb_skb(test, buf, len, 0);
	d = ht_post(test, skb, &g, L4CS);
	d->len = len + 1;			/* longer than its buffers */
	skb = tb_skb(test, buf, 60, 0);
	d = ht_post(test, skb, &g, IPCS);
	d->maclen = 50;				/* IPv4 header past the end */

	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&ctx->tx, HT_RING), 5);
	KUNIT_EXPECT_EQ(test, ctx->n, 0);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(ctx, NCSIM_HW_TX_DESC_ERRORS), 5);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(ctx, NCSIM_HW_TX_VIOLATIONS), 0);
}

/* A wire with nobody at the other end: frames counted as no carrier. */
static void ncsim_hw_tx_no_carrier(struct kunit *test)
{
	static const struct tb_layer pkt[] = {
		ETH, IP4, TCP, DATA(3000), { TB_END }
	};
	struct ht_ctx *ctx = test->priv;
	unsigned int len;
	struct ht_geo g;
	u8 *buf;

	buf = kunit_kzalloc(test, HT_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	len = ht_build(test, buf, pkt, &g);
	ht_tx_start(test, HT_FULL, 0);
	ctx->wire_ret = -ENOLINK;
	ht_post(test, tb_skb(test, buf, len, 0), &g, TSE)->mss = 1000;
	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&ctx->tx, HT_RING), 1);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(ctx, NCSIM_HW_TX_NO_CARRIER), 3);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(ctx, NCSIM_HW_TX_FRAMES), 3);
}

/* Receive */

#define RX_IPCS		NCSIM_RXD_CS_IPCS
#define RX_IPE		NCSIM_RXD_CS_IPE
#define RX_TCP		NCSIM_RXD_CS_TCPCS
#define RX_UDP		NCSIM_RXD_CS_UDPCS
#define RX_L4E		NCSIM_RXD_CS_L4E

struct ht_rx_case {
	const char *name;
	/* input */
	struct tb_layer pkt[8];
	u32 kinds;		/* the checksum register */
	u32 strip;		/* the strip register */
	bool no_l4_csum;	/* leave the transport checksum 0 */
	int corrupt;		/* flip a byte at this offset; 0: none */
	bool pad;		/* padded to 60 bytes on the wire */
	/* expected */
	u8 csum;
	bool stripped;
};

static const struct ht_rx_case ht_rx_cases[] = {
	{ "tcp4_good", { ETH, IP4, TCP, DATA(100) }, HT_ALL_KINDS,
	  .csum = RX_IPCS | RX_TCP },
	{ "tcp4_payload_bad", { ETH, IP4, TCP, DATA(100) }, HT_ALL_KINDS,
	  .corrupt = 80, .csum = RX_IPCS | RX_TCP | RX_L4E },
	{ "ip4_header_bad", { ETH, IP4, TCP, DATA(100) }, HT_ALL_KINDS,
	  .corrupt = 14 + 8, .csum = RX_IPCS | RX_IPE | RX_TCP },
	{ "ip4_opts_udp_good", { ETH, IP4_OPTS(8), UDP, DATA(10) }, HT_ALL_KINDS,
	  .csum = RX_IPCS | RX_UDP },
	{ "udp4_no_checksum", { ETH, IP4, UDP, DATA(10) }, HT_ALL_KINDS,
	  .no_l4_csum = true, .csum = RX_IPCS },
	{ "udp4_padded", { ETH, IP4, UDP, DATA(3) }, HT_ALL_KINDS,
	  .pad = true, .csum = RX_IPCS | RX_UDP },
	{ "udp6_good", { ETH, IP6, UDP, DATA(200) }, HT_ALL_KINDS,
	  .csum = RX_UDP },
	{ "udp6_zero_is_bad", { ETH, IP6, UDP, DATA(20) }, HT_ALL_KINDS,
	  .no_l4_csum = true, .csum = RX_UDP | RX_L4E },
	{ "tcp6_ext_good", { ETH, IP6, HOP(8), RT(24), DST(8), TCP, DATA(90) },
	  HT_ALL_KINDS, .csum = RX_TCP },
	{ "tcp6_ext_bad", { ETH, IP6, HOP(8), TCP, DATA(90) },
	  HT_ALL_KINDS, .corrupt = 14 + 40 + 8 + 20 + 5,
	  .csum = RX_TCP | RX_L4E },
	{ "ip4_fragment", { ETH, IP4_FRAG(0x2000), UDP, DATA(64) }, HT_ALL_KINDS,
	  .csum = RX_IPCS },
	{ "ip6_fragment", { ETH, IP6, FRAG(0x0001), UDP, DATA(64) }, HT_ALL_KINDS,
	  .csum = 0 },
	{ "ip6_atomic_fragment", { ETH, IP6, FRAG(0), UDP, DATA(64) }, HT_ALL_KINDS,
	  .csum = RX_UDP },
	{ "register_clear", { ETH, IP4, TCP, DATA(100) }, 0, .csum = 0 },
	{ "register_v4_only", { ETH, IP6, TCP, DATA(100) }, NETCX_KINDS_V4,
	  .csum = 0 },
	{ "register_tcp4_only", { ETH, IP4, UDP, DATA(100) }, NETCX_TCP4,
	  .csum = 0 },
	{ "vlan_stripped", { ETH, VLAN(100), IP4, TCP, DATA(100) }, HT_ALL_KINDS,
	  NETCX_TAG_VLAN, .csum = RX_IPCS | RX_TCP, .stripped = true },
	{ "vlan_kept", { ETH, VLAN(100), IP4, TCP, DATA(100) }, HT_ALL_KINDS,
	  NETCX_TAG_PRIO, .csum = RX_IPCS | RX_TCP },
	{ "priority_tag_stripped", { ETH, VLAN(0xa000), IP6, UDP, DATA(100) },
	  HT_ALL_KINDS, NETCX_TAG_PRIO, .csum = RX_UDP, .stripped = true },
	{ "qinq_checked", { ETH, { TB_SVLAN, 0, 3 }, VLAN(4), IP4, UDP, DATA(9) },
	  HT_ALL_KINDS, NETCX_TAG_VLAN, .csum = RX_IPCS | RX_UDP },
	{ "arp", { ETH, ARP }, HT_ALL_KINDS, .csum = 0 },
};

static void ht_rx_case_desc(const struct ht_rx_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(ht_rx, ht_rx_cases, ht_rx_case_desc);

static void ncsim_hw_rx_case(struct kunit *test)
{
	const struct ht_rx_case *c = test->param_value;
	struct ht_ctx *ctx = test->priv;
	struct ncsim_hw_frame fr;
	unsigned int len, out;
	struct ncsim_rxd *d;
	struct sk_buff *skb;
	struct ht_geo g;
	u8 *buf;

	buf = kunit_kzalloc(test, HT_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	len = ht_build(test, buf, c->pkt, &g);
	if (g.proto && !c->no_l4_csum)
		ht_l4_csum(buf, len, &g);
	else if (g.proto)
		tb_put16(buf + ht_check_off(&g), 0);
	if (c->corrupt)
		buf[c->corrupt] ^= 0x5a;
	if (c->pad)
		len = ht_pad(buf, len);

	ht_rx_start(test, HT_FULL, c->kinds, c->strip);
	KUNIT_ASSERT_EQ(test, ncsim_hw_rx_frame(&ctx->rx, buf, len), 0);
	d = &ctx->rx.ring.desc[0];
	KUNIT_EXPECT_EQ(test, ctx->rx.ring.head, 1);
	KUNIT_EXPECT_EQ(test, d->sta, NCSIM_RXD_STA_DD |
			(c->stripped ? NCSIM_RXD_STA_VP : 0));
	KUNIT_EXPECT_EQ(test, d->csum, c->csum);
	out = len - (c->stripped ? 4 : 0);
	KUNIT_EXPECT_EQ(test, d->len, out);
	if (c->stripped) {
		KUNIT_EXPECT_EQ(test, d->vlan, tb_get16(buf + 14));
		KUNIT_EXPECT_MEMEQ(test, d->addr, buf, 12);
		KUNIT_EXPECT_MEMEQ(test, (u8 *)d->addr + 12, buf + 16, len - 16);
	} else {
		KUNIT_EXPECT_MEMEQ(test, d->addr, buf, len);
	}
	KUNIT_EXPECT_EQ(test, ht_rx_stat(ctx, NCSIM_HW_RX_CSUM_BAD),
			!!(c->csum & (RX_IPE | RX_L4E)));

	/*
	 * The same frame cut through: only the headers up to the tags in
	 * the transmit engine's buffer, the rest read by DMA from a packet
	 * whose bytes straddle its linear area and a page.
	 */
	fr.hdr = buf;
	fr.hlen = min(len, 18U);
	skb = tb_skb(test, buf, len, min(len, 30U));
	ctx->skb[ctx->nskb++] = skb;
	fr.pkt = skb;
	fr.off = fr.hlen;
	fr.plen = len - fr.hlen;
	KUNIT_ASSERT_EQ(test, ncsim_hw_rx_gather(&ctx->rx, &fr), 0);
	KUNIT_EXPECT_EQ(test, ctx->rx.ring.head, 2);
	KUNIT_EXPECT_EQ(test, ctx->rx.ring.desc[1].sta, d->sta);
	KUNIT_EXPECT_EQ(test, ctx->rx.ring.desc[1].csum, c->csum);
	KUNIT_EXPECT_EQ(test, ctx->rx.ring.desc[1].len, out);
	KUNIT_EXPECT_EQ(test, ctx->rx.ring.desc[1].vlan, d->vlan);
	KUNIT_EXPECT_MEMEQ(test, ctx->rx.ring.desc[1].addr, d->addr, out);
}

/* No buffer, a short buffer, a runt: each dropped and counted. */
static void ncsim_hw_rx_drops(struct kunit *test)
{
	static const struct tb_layer pkt[] = {
		ETH, IP4, UDP, DATA(1000), { TB_END }
	};
	struct ht_ctx *ctx = test->priv;
	struct ncsim_hw_frame fr;
	struct sk_buff *skb;
	unsigned int len, i;
	struct ht_geo g;
	u8 *buf;

	buf = kunit_kzalloc(test, HT_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	len = ht_build(test, buf, pkt, &g);
	ht_l4_csum(buf, len, &g);
	ht_rx_start(test, HT_FULL, HT_ALL_KINDS, 0);

	ctx->rx.ring.desc[0].buf_len = len - 1;
	KUNIT_EXPECT_EQ(test, ncsim_hw_rx_frame(&ctx->rx, buf, len), -EMSGSIZE);
	KUNIT_EXPECT_EQ(test, ncsim_hw_rx_frame(&ctx->rx, buf, 13), -EINVAL);
	ctx->rx.ring.desc[0].buf_len = len;

	/* a payload the packet does not hold: nothing written, nothing counted */
	fr.hdr = buf;
	fr.hlen = 64;
	skb = tb_skb(test, buf, len, 0);
	ctx->skb[ctx->nskb++] = skb;
	fr.pkt = skb;
	fr.off = 64 + 10;
	fr.plen = len - 64;
	KUNIT_EXPECT_EQ(test, ncsim_hw_rx_gather(&ctx->rx, &fr), -EFAULT);
	KUNIT_EXPECT_EQ(test, ctx->rx.ring.head, 0);
	KUNIT_EXPECT_EQ(test, ctx->rx.ring.desc[0].sta, 0);
	KUNIT_EXPECT_EQ(test, ht_rx_stat(ctx, NCSIM_HW_RX_FRAMES), 0);
	for (i = 0; i < HT_RING; i++)
		KUNIT_EXPECT_EQ(test, ncsim_hw_rx_frame(&ctx->rx, buf, len), 0);
	KUNIT_EXPECT_EQ(test, ncsim_hw_rx_frame(&ctx->rx, buf, len), -ENOBUFS);
	KUNIT_EXPECT_EQ(test, ht_rx_stat(ctx, NCSIM_HW_RX_OVERSIZE), 1);
	KUNIT_EXPECT_EQ(test, ht_rx_stat(ctx, NCSIM_HW_RX_RUNT), 1);
	KUNIT_EXPECT_EQ(test, ht_rx_stat(ctx, NCSIM_HW_RX_RING_FULL), 1);
	KUNIT_EXPECT_EQ(test, ht_rx_stat(ctx, NCSIM_HW_RX_FRAMES), HT_RING);
	KUNIT_EXPECT_EQ(test, ht_rx_stat(ctx, NCSIM_HW_RX_CSUM_OK), HT_RING);

	/* a buffer posted again takes the next frame */
	ctx->rx.ring.desc[0].sta = 0;
	ctx->rx.ring.tail++;
	KUNIT_EXPECT_EQ(test, ncsim_hw_rx_frame(&ctx->rx, buf, len), 0);
	KUNIT_EXPECT_EQ(test, ctx->rx.ring.desc[0].sta, NCSIM_RXD_STA_DD);
}

/*
 * One engine's wire into the other: segments the transmit engine fixed
 * verify at the receiver, and a descriptor beyond the capabilities shows
 * there as a bad checksum, never as a good one.
 */
static void ncsim_hw_wire_loop(struct kunit *test)
{
	static const struct tb_layer lso[] = {
		ETH, IP6, TCP_OPTS(12, LSO_FLAGS), DATA(6000), { TB_END }
	};
	static const struct tb_layer opts[] = {
		ETH, IP4_OPTS(4), TCP, DATA(700), { TB_END }
	};
	struct ht_ctx *ctx = test->priv;
	unsigned int len, i;
	struct ht_geo g;
	u8 *buf;

	buf = kunit_kzalloc(test, HT_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	ht_tx_start(test, HT_FULL, 0);
	ht_rx_start(test, HT_FULL, HT_ALL_KINDS, 0);
	ctx->loop = true;

	len = ht_build(test, buf, lso, &g);
	ht_post(test, tb_skb(test, buf, len, 3000), &g, TSE)->mss = 1000;
	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&ctx->tx, HT_RING), 1);
	KUNIT_ASSERT_EQ(test, ctx->rx.ring.head, 6);
	for (i = 0; i < 6; i++)
		KUNIT_EXPECT_EQ(test, ctx->rx.ring.desc[i].csum, RX_TCP);

	ctx->tx.caps = &ht_caps[HT_BASIC];	/* no IPv4 options there */
	len = ht_build(test, buf, opts, &g);
	ht_post(test, tb_skb(test, buf, len, 0), &g, L4CS);
	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&ctx->tx, HT_RING), 1);
	KUNIT_ASSERT_EQ(test, ctx->rx.ring.head, 7);
	KUNIT_EXPECT_EQ(test, ctx->rx.ring.desc[6].csum,
			RX_IPCS | RX_TCP | RX_L4E);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(ctx, NCSIM_HW_TX_VIOLATIONS), 1);
}

/*
 * The tag the transmit engine inserts, stripped at the receiver: the
 * segments arrive whole and verified, the tag in the descriptor.
 */
static void ncsim_hw_wire_loop_vlan(struct kunit *test)
{
	static const struct tb_layer lso[] = {
		ETH, IP4, TCP_OPTS(12, LSO_FLAGS), DATA(2500), { TB_END }
	};
	struct ht_ctx *ctx = test->priv;
	struct ncsim_rxd *rd;
	unsigned int len, i;
	struct ncsim_txd *d;
	struct ht_geo g;
	u8 *buf;

	buf = kunit_kzalloc(test, HT_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	ht_tx_start(test, HT_FULL, 0);
	ht_rx_start(test, HT_FULL, HT_ALL_KINDS, NETCX_TAG_VLAN);
	ctx->loop = true;

	len = ht_build(test, buf, lso, &g);
	d = ht_post(test, tb_skb(test, buf, len, 200), &g, TSE | VLE);
	d->mss = 1000;
	d->vlan = 0x0123;
	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&ctx->tx, HT_RING), 1);
	KUNIT_ASSERT_EQ(test, ctx->rx.ring.head, 3);
	for (i = 0; i < 3; i++) {
		rd = &ctx->rx.ring.desc[i];
		KUNIT_EXPECT_EQ(test, rd->sta, NCSIM_RXD_STA_DD | NCSIM_RXD_STA_VP);
		KUNIT_EXPECT_EQ(test, rd->vlan, 0x0123);
		KUNIT_EXPECT_EQ(test, rd->csum, RX_IPCS | RX_TCP);
		KUNIT_EXPECT_EQ(test, rd->len, g.hdr + (i < 2 ? 1000 : 500));
		/* the payload, cut at the MSS, behind untagged headers */
		KUNIT_EXPECT_MEMEQ(test, (u8 *)rd->addr + 12, buf + 12, 2);
		KUNIT_EXPECT_MEMEQ(test, (u8 *)rd->addr + g.hdr,
				   buf + g.hdr + i * 1000, rd->len - g.hdr);
	}
	KUNIT_EXPECT_EQ(test, ht_rx_stat(ctx, NCSIM_HW_RX_VLAN), 3);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(ctx, NCSIM_HW_TX_VIOLATIONS), 0);
}

static struct kunit_case ncsim_hw_cases[] = {
	KUNIT_CASE_PARAM(ncsim_hw_tx_case, ht_tx_gen_params),
	KUNIT_CASE(ncsim_hw_tx_ipv6_final_dst),
	KUNIT_CASE(ncsim_hw_tx_ring),
	KUNIT_CASE(ncsim_hw_tx_pause),
	KUNIT_CASE(ncsim_hw_tx_desc_errors),
	KUNIT_CASE(ncsim_hw_tx_no_carrier),
	KUNIT_CASE_PARAM(ncsim_hw_rx_case, ht_rx_gen_params),
	KUNIT_CASE(ncsim_hw_rx_drops),
	KUNIT_CASE(ncsim_hw_wire_loop),
	KUNIT_CASE(ncsim_hw_wire_loop_vlan),
	{}
};

static struct kunit_suite ncsim_hw_suite = {
	.name = "ncsim_hw",
	.init = ht_init,
	.exit = ht_exit,
	.test_cases = ncsim_hw_cases,
};

kunit_test_suite(ncsim_hw_suite);

MODULE_DESCRIPTION("KUnit: the ncsim hardware model");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_LICENSE("GPL");
