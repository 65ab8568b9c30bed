// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the ncsim hardware model's transmit engine, without a
 * net_device. Descriptors go into the transmit ring, frames come out of
 * the wire and are compared byte for byte with frames this suite computes
 * on its own (checksums, segment headers, tags, padding, MTU drops, and
 * what the silicon does with a descriptor beyond its capabilities).
 */
#include <kunit/test.h>
#include <linux/module.h>

#include "../testing/ncsim_hw_harness.h"

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
	const struct ncsim_hw_caps *caps = ht_caps(test, c->profile);
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

/*
 * tx_drop's engine: every Nth descriptor completed, nothing on the wire,
 * counted; the others executed in order.
 */
static void ncsim_hw_tx_fault_drop(struct kunit *test)
{
	static const struct tb_layer pkt[] = {
		ETH, IP4, UDP, DATA(50), { TB_END }
	};
	struct ht_ctx *ctx = test->priv;
	struct ncsim_txd *d[5];
	unsigned int len, i;
	struct ht_geo g;
	u8 *buf;

	buf = kunit_kzalloc(test, HT_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	len = ht_build(test, buf, pkt, &g);
	ht_tx_start(test, HT_FULL, 0);
	ctx->tx.fault_drop = 2;
	for (i = 0; i < 5; i++) {
		buf[len - 1] = i;
		d[i] = ht_post(test, tb_skb(test, buf, len, 0), &g, L4CS);
	}
	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&ctx->tx, HT_RING), 5);
	for (i = 0; i < 5; i++)
		KUNIT_EXPECT_EQ(test, d[i]->sta, NCSIM_TXD_STA_DD);
	/* the second and the fourth dropped */
	KUNIT_ASSERT_EQ(test, ctx->n, 3);
	KUNIT_EXPECT_EQ(test, ctx->frame[0][len - 1], 0);
	KUNIT_EXPECT_EQ(test, ctx->frame[1][len - 1], 2);
	KUNIT_EXPECT_EQ(test, ctx->frame[2][len - 1], 4);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(ctx, NCSIM_HW_TX_FAULT_DROPS), 2);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(ctx, NCSIM_HW_TX_PACKETS), 5);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(ctx, NCSIM_HW_TX_FRAMES), 3);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(ctx, NCSIM_HW_TX_L4_CSUM), 3);
	KUNIT_EXPECT_FALSE(test, ncsim_hw_tx_pending(&ctx->tx));

	/* off: every descriptor goes */
	ctx->tx.fault_drop = 0;
	ht_post(test, tb_skb(test, buf, len, 0), &g, L4CS);
	ht_post(test, tb_skb(test, buf, len, 0), &g, L4CS);
	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&ctx->tx, HT_RING), 2);
	KUNIT_EXPECT_EQ(test, ctx->n, 5);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(ctx, NCSIM_HW_TX_FAULT_DROPS), 2);
}

static struct kunit_case ncsim_hw_tx_cases[] = {
	KUNIT_CASE_PARAM(ncsim_hw_tx_case, ht_tx_gen_params),
	KUNIT_CASE(ncsim_hw_tx_ipv6_final_dst),
	KUNIT_CASE(ncsim_hw_tx_ring),
	KUNIT_CASE(ncsim_hw_tx_pause),
	KUNIT_CASE(ncsim_hw_tx_desc_errors),
	KUNIT_CASE(ncsim_hw_tx_no_carrier),
	KUNIT_CASE(ncsim_hw_tx_fault_drop),
	{}
};

static struct kunit_suite ncsim_hw_tx_suite = {
	.name = "ncsim_hw_tx",
	.init = ht_init,
	.exit = ht_exit,
	.test_cases = ncsim_hw_tx_cases,
};

kunit_test_suite(ncsim_hw_tx_suite);

MODULE_DESCRIPTION("KUnit: the ncsim hardware model, transmit");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_LICENSE("GPL");
