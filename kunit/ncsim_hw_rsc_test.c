// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the ncsim hardware model's receive coalescer (RSC), without a
 * net_device. TCP segments of a flow go into the receive engine; each
 * frame it writes back (a chain of descriptors for a coalesced one) is
 * compared byte for byte with a frame the test builds itself: the
 * segment as sent, or the one big segment that carries their payload.
 * One case per rule that ends a coalesce or keeps a segment out of one,
 * over IPv4 and IPv6, and tagged frames (the tag stripped, or left in
 * band); then the limits, and TSO segments coalesced back
 * into the packet they came from.
 */
#include <kunit/test.h>
#include <linux/module.h>

#include "../testing/ncsim_hw_harness.h"

#define RS_MSS		1000
#define RS_RING		16
#define RS_BUF		2048
#define RS_MAX_GROUPS	8

#define TCP_RST		0x04
#define TCP_SYN		0x02
#define TCP_URG		0x20
#define TCP_ECE		0x40

/* What a case does to its segments. */
enum rs_mut {
	M_NONE,
	M_SEQ,		/* a gap in the sequence */
	M_ACK,		/* another ACK number */
	M_TSVAL,	/* another timestamp value */
	M_TTL,		/* another TTL or hop limit */
	M_TOS,		/* another TOS or traffic class */
	M_ID,		/* an IPv4 ID that jumps */
	M_ID_FIXED,	/* an IPv4 ID that stays */
	M_LABEL,	/* another IPv6 flow label */
	M_FLAG,		/* @flag added */
	M_CSUM,		/* a wrong TCP checksum */
	M_WIRE,		/* corrupted on the wire (ncsim_hw_wire_corrupt()) */
	M_EMPTY,	/* no payload */
	M_SHORT,	/* less payload than the MSS */
	M_LONG,		/* more payload than the MSS */
	M_FLOW,		/* a segment of another flow */
	M_WINDOW,	/* another window */
};

struct rs_case {
	const char *name;
	/* input */
	bool v6;
	enum rs_mut mut;
	u8 at;			/* the segment it hits */
	bool from;		/* and every segment after it */
	u8 flag;		/* M_FLAG */
	u8 opts;		/* TCP option bytes: 0, or 12 with a timestamp */
	u8 ext;			/* IPv4 option bytes, or IPv6 hop-by-hop bytes */
	bool no_ts;		/* the silicon does not take the timestamp */
	u32 rsc;		/* the RSC register; 0: both kinds */
	u16 max_segs;		/* the silicon's; 0: netcx's default */
	u16 vlan;		/* an 802.1Q tag with this TCI; 0: none */
	bool keep_tag;		/* the strip register leaves it in band */
	/* expected */
	u8 groups[RS_MAX_GROUPS];	/* the segments in each frame, in order */
	enum ncsim_hw_rx_stat end;	/* a coalesce ends so; 0: none opens */
};

#define V4	.v6 = false
#define V6	.v6 = true
#define END(r)	.end = NCSIM_HW_RX_RSC_END_##r
#define G(...)	.groups = { __VA_ARGS__ }

static const struct rs_case rs_cases[] = {
	{ "v4_all", V4, G(4), END(PASS) },
	{ "v6_all", V6, G(4), END(PASS) },
	{ "v4_window_of_last", V4, M_WINDOW, 3, G(4), END(PASS) },
	{ "v6_window_of_last", V6, M_WINDOW, 3, G(4), END(PASS) },
	{ "v4_seq_gap", V4, M_SEQ, 2, true, G(2, 2), END(SEQ) },
	{ "v6_seq_gap", V6, M_SEQ, 2, true, G(2, 2), END(SEQ) },
	{ "v4_other_ack", V4, M_ACK, 2, true, G(2, 2), END(ACK) },
	{ "v6_other_ack", V6, M_ACK, 2, true, G(2, 2), END(ACK) },
	{ "v4_fin", V4, M_FLAG, 2, .flag = TCP_FIN, G(2, 1, 1), END(FLAGS) },
	{ "v6_fin", V6, M_FLAG, 2, .flag = TCP_FIN, G(2, 1, 1), END(FLAGS) },
	{ "v4_syn", V4, M_FLAG, 2, .flag = TCP_SYN, G(2, 1, 1), END(FLAGS) },
	{ "v6_rst", V6, M_FLAG, 2, .flag = TCP_RST, G(2, 1, 1), END(FLAGS) },
	{ "v4_urg", V4, M_FLAG, 2, .flag = TCP_URG, G(2, 1, 1), END(FLAGS) },
	{ "v6_cwr", V6, M_FLAG, 2, .flag = TCP_CWR, G(2, 1, 1), END(FLAGS) },
	{ "v4_ece", V4, M_FLAG, 2, .flag = TCP_ECE, G(2, 1, 1), END(FLAGS) },
	{ "v4_cwr_first", V4, M_FLAG, 0, .flag = TCP_CWR, G(1, 3), END(PASS) },
	{ "v4_psh_ends", V4, M_FLAG, 1, .flag = TCP_PSH, G(2, 2), END(PSH) },
	{ "v6_psh_ends", V6, M_FLAG, 1, .flag = TCP_PSH, G(2, 2), END(PSH) },
	{ "v4_psh_first_alone", V4, M_FLAG, 0, .flag = TCP_PSH, G(1, 3),
	  END(PASS) },
	{ "v4_no_payload", V4, M_EMPTY, 2, G(2, 1, 1), END(FLAGS) },
	{ "v6_no_payload", V6, M_EMPTY, 2, G(2, 1, 1), END(FLAGS) },
	{ "v4_short_ends", V4, M_SHORT, 2, G(3, 1), END(SHORT) },
	{ "v6_short_ends", V6, M_SHORT, 2, G(3, 1), END(SHORT) },
	{ "v4_longer_than_mss", V4, M_LONG, 2, G(2, 2), END(SIZE) },
	{ "v6_longer_than_mss", V6, M_LONG, 2, G(2, 2), END(SIZE) },
	{ "v4_bad_csum", V4, M_CSUM, 2, G(2, 1, 1), END(CSUM) },
	{ "v6_bad_csum", V6, M_CSUM, 2, G(2, 1, 1), END(CSUM) },
	{ "v4_bad_csum_first", V4, M_CSUM, 0, G(1, 3), END(PASS) },
	{ "v4_wire_corrupt", V4, M_WIRE, 2, G(2, 1, 1), END(CSUM) },
	{ "v6_wire_corrupt", V6, M_WIRE, 2, G(2, 1, 1), END(CSUM) },
	{ "v4_wire_corrupt_first", V4, M_WIRE, 0, G(1, 3), END(PASS) },
	{ "v6_wire_corrupt_last", V6, M_WIRE, 3, G(3, 1), END(CSUM) },
	{ "v4_wire_corrupt_tagged", V4, M_WIRE, 1, .vlan = 100,
	  G(1, 1, 2), END(CSUM) },
	{ "v4_other_flow", V4, M_FLOW, 2, G(2, 1, 1), END(FLOW) },
	{ "v6_other_flow", V6, M_FLOW, 2, G(2, 1, 1), END(FLOW) },
	{ "v4_ttl", V4, M_TTL, 2, true, G(2, 2), END(IP) },
	{ "v6_hop_limit", V6, M_TTL, 2, true, G(2, 2), END(IP) },
	{ "v4_tos", V4, M_TOS, 2, true, G(2, 2), END(IP) },
	{ "v6_traffic_class", V6, M_TOS, 2, true, G(2, 2), END(IP) },
	{ "v6_flow_label", V6, M_LABEL, 2, true, G(2, 2), END(IP) },
	{ "v4_id_jumps", V4, M_ID, 2, true, G(2, 2), END(IP) },
	{ "v4_id_fixed", V4, M_ID_FIXED, 1, true, G(1, 1, 1, 1), END(IP) },
	{ "v4_timestamp", V4, .opts = 12, G(4), END(PASS) },
	{ "v6_timestamp", V6, .opts = 12, G(4), END(PASS) },
	{ "v4_timestamp_changes", V4, M_TSVAL, 2, true, .opts = 12, G(2, 2),
	  END(OPTS) },
	{ "v6_timestamp_changes", V6, M_TSVAL, 2, true, .opts = 12, G(2, 2),
	  END(OPTS) },
	{ "v4_timestamp_not_taken", V4, .opts = 12, .no_ts = true,
	  G(1, 1, 1, 1) },
	{ "v6_timestamp_not_taken", V6, .opts = 12, .no_ts = true,
	  G(1, 1, 1, 1) },
	{ "v4_other_options", V4, .opts = 8, G(1, 1, 1, 1) },
	{ "v4_ip_options", V4, .ext = 4, G(1, 1, 1, 1) },
	{ "v6_ext_header", V6, .ext = 8, G(1, 1, 1, 1) },
	{ "v4_vlan_stripped", V4, .vlan = 100, G(4), END(PASS) },
	{ "v6_vlan_stripped", V6, .vlan = 100, G(4), END(PASS) },
	{ "v4_vlan_in_band", V4, .vlan = 100, .keep_tag = true,
	  G(1, 1, 1, 1) },
	{ "v4_rsc_off", V4, .rsc = NETCX_TCP6, G(1, 1, 1, 1) },
	{ "v6_rsc_off", V6, .rsc = NETCX_TCP4, G(1, 1, 1, 1) },
};

static void rs_case_desc(const struct rs_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(rs, rs_cases, rs_case_desc);

/* One segment as the test sends it. */
struct rs_seg {
	u32 off;	/* its payload's offset in the flow's bytes */
	u16 plen;
	u32 seq;
	u32 ack;
	u16 id;
	u8 flags;
	u8 ttl;
	u8 tos;
	u32 label;
	u16 sport;
	u16 window;
	u32 tsval;
	bool bad;
	bool wire;	/* corrupted on the wire */
};

static unsigned int rs_nsegs(const struct rs_case *c)
{
	unsigned int i, n = 0;

	for (i = 0; i < RS_MAX_GROUPS && c->groups[i]; i++)
		n += c->groups[i];
	return n;
}

/*
 * Writes a frame of the case's shape into @buf, with its tag when
 * @tagged: the fields of @s, @plen bytes of payload from @s->off in the
 * flow, @flags, @window; checksums computed by the harness, not the model
 * (wrong when @s->bad).
 */
static unsigned int rs_write(struct kunit *test, u8 *buf, unsigned int size,
			     const struct rs_case *c, bool tagged,
			     const struct rs_seg *s, unsigned int plen,
			     u8 flags, u16 window)
{
	struct tb_layer pkt[7] = { ETH };
	unsigned int len, k = 1, i;
	struct ht_geo g;
	u8 *l3, *l4;

	if (c->vlan && tagged)
		pkt[k++] = (struct tb_layer){ TB_VLAN, 0, c->vlan };
	if (c->v6) {
		pkt[k++] = (struct tb_layer){ TB_IPV6 };
		if (c->ext)
			pkt[k++] = (struct tb_layer){ TB_HOP, c->ext };
	} else {
		pkt[k++] = (struct tb_layer){ TB_IPV4, c->ext };
	}
	pkt[k++] = (struct tb_layer){ TB_TCP, c->opts, flags };
	pkt[k++] = (struct tb_layer){ TB_DATA, plen };
	len = tb_build(buf, size, pkt);
	KUNIT_ASSERT_GT(test, len, 0);
	ht_geo(pkt, &g);
	for (i = 0; i < plen; i++)
		buf[g.hdr + i] = tb_data_byte(s->off + i);

	l3 = buf + g.l3;
	l4 = buf + g.l4;
	if (c->v6) {
		l3[0] = 0x60 | s->tos >> 4;
		l3[1] = (s->tos & 0xf) << 4 | ((s->label >> 16) & 0xf);
		tb_put16(l3 + 2, s->label & 0xffff);
		l3[7] = s->ttl;
	} else {
		l3[1] = s->tos;
		tb_put16(l3 + 4, s->id);
		tb_put16(l3 + 6, 0x4000);	/* DF */
		l3[8] = s->ttl;
		ht_ip_csum(l3, 20 + c->ext);
	}
	tb_put16(l4, s->sport);
	tb_put32(l4 + 4, s->seq);
	tb_put32(l4 + 8, s->ack);
	tb_put16(l4 + 14, window);
	if (c->opts == 12)
		tb_put32(l4 + 24, s->tsval);
	ht_l4_csum(buf, len, &g);
	if (s->bad)
		l4[16] ^= 0x5a;
	if (s->wire)
		KUNIT_EXPECT_GT(test, ncsim_hw_wire_corrupt(buf, len), 0);
	return len;
}

/* The segments of a case, @mss bytes of payload each unless it says. */
static void rs_segs(const struct rs_case *c, struct rs_seg *segs,
		    unsigned int n, unsigned int mss)
{
	unsigned int i, off = 0;
	struct rs_seg *s;
	bool hit;

	for (i = 0; i < n; i++) {
		s = &segs[i];
		*s = (struct rs_seg){
			.off = off, .plen = mss, .seq = TB_SEQ + off,
			.ack = 0x0a0b0c0d, .id = TB_IP4_ID + i,
			.flags = TCP_ACK, .ttl = 64, .sport = 1000,
			.window = 0xffff, .tsval = 0xaabbccdd,
		};
		hit = c->from ? i >= c->at : i == c->at;
		if (hit) {
			switch (c->mut) {
			case M_NONE:
				break;
			case M_SEQ:
				s->seq += 7;
				break;
			case M_ACK:
				s->ack++;
				break;
			case M_TSVAL:
				s->tsval++;
				break;
			case M_TTL:
				s->ttl--;
				break;
			case M_TOS:
				s->tos = 0x10;
				break;
			case M_ID:
				s->id += 100;
				break;
			case M_ID_FIXED:
				s->id = TB_IP4_ID;
				break;
			case M_LABEL:
				s->label = 0x12345;
				break;
			case M_FLAG:
				s->flags |= c->flag;
				break;
			case M_CSUM:
				s->bad = true;
				break;
			case M_WIRE:
				s->wire = true;
				break;
			case M_EMPTY:
				s->plen = 0;
				break;
			case M_SHORT:
				s->plen = mss / 2;
				break;
			case M_LONG:
				s->plen = mss + 100;
				break;
			case M_FLOW:
				s->sport = 1001;
				s->seq = 0x77777777;
				break;
			case M_WINDOW:
				s->window = 0x1234;
				break;
			}
		}
		if (!hit || c->mut != M_FLOW)
			off += s->plen;
	}
}

static void rs_rx_start(struct kunit *test, const struct rs_case *c,
			unsigned int ring, unsigned int buf_len)
{
	struct ncsim_hw_caps *caps;
	struct ht_ctx *ctx = test->priv;
	struct ncsim_rxd *d;
	unsigned int i;

	caps = kunit_kzalloc(test, sizeof(*caps), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, caps);
	*caps = *ht_caps(test, HT_FULL);
	caps->rsc.l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6;
	caps->rsc.tcp_timestamp = !c->no_ts;
	caps->rsc.max_segs = c->max_segs;

	KUNIT_ASSERT_EQ(test, ncsim_hw_rx_init(&ctx->rx, caps, ring), 0);
	ctx->rx_up = true;
	ctx->rx.csum_kinds = HT_ALL_KINDS;
	ctx->rx.rsc_kinds = c->rsc ?: NETCX_TCP4 | NETCX_TCP6;
	ctx->rx.strip_kinds = c->keep_tag ? 0 : NETCX_TAG_VLAN;
	for (i = 0; i < ring; i++) {
		d = &ctx->rx.ring.desc[i];
		d->buf_len = buf_len;
		d->addr = kunit_kzalloc(test, buf_len, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, d->addr);
	}
	ctx->rx.ring.tail = ring;
}

/*
 * Sends the segments into the engine, then ends the pass: every other
 * one cut through (its headers up to the tag in the frame buffer, the
 * rest from a packet), the others whole.
 */
static void rs_send(struct kunit *test, const struct rs_case *c,
		    const struct rs_seg *segs, unsigned int n)
{
	struct ht_ctx *ctx = test->priv;
	struct ncsim_hw_frame fr;
	unsigned int len, i;
	struct sk_buff *skb;
	u8 *buf;

	buf = kunit_kmalloc(test, HT_BUF * 9, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (i = 0; i < n; i++) {
		len = rs_write(test, buf, HT_BUF * 9, c, true, &segs[i],
			       segs[i].plen, segs[i].flags, segs[i].window);
		if (!(i & 1) || len > PAGE_SIZE) {
			KUNIT_EXPECT_EQ(test, ncsim_hw_rx_frame(&ctx->rx, buf,
								len), 0);
			continue;
		}
		skb = tb_skb(test, buf, len, 30);
		fr = (struct ncsim_hw_frame){
			.hdr = buf, .hlen = 18,
			.pkt = skb, .off = 18, .plen = len - 18,
		};
		KUNIT_EXPECT_EQ(test, ncsim_hw_rx_gather(&ctx->rx, &fr), 0);
		kfree_skb(skb);
	}
	ncsim_hw_rx_flush(&ctx->rx);
}

/* The frames in the ring, against the ones the case expects. */
static void rs_check(struct kunit *test, const struct rs_case *c,
		     const struct rs_seg *segs)
{
	unsigned int i, g, k = 0, a = 0, n, plen, elen, glen, frames = 0;
	struct ht_ctx *ctx = test->priv;
	struct ncsim_rx_ring *r = &ctx->rx.ring;
	bool stripped = c->vlan && !c->keep_tag;
	const struct rs_seg *last;
	struct ncsim_rxd *d;
	u64 segs_in = 0, ends = 0;
	u8 *exp, *got;

	for (g = 0; g < RS_MAX_GROUPS && c->groups[g]; g++) {
		n = c->groups[g];
		last = &segs[a + n - 1];
		for (i = 0, plen = 0; i < n; i++)
			plen += segs[a + i].plen;
		exp = kunit_kmalloc(test, plen + 200, GFP_KERNEL);
		got = kunit_kmalloc(test, plen + 200, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, exp);
		KUNIT_ASSERT_NOT_NULL(test, got);
		if (n == 1)
			elen = rs_write(test, exp, plen + 200, c, c->keep_tag,
					&segs[a], plen, segs[a].flags,
					segs[a].window);
		else
			elen = rs_write(test, exp, plen + 200, c, c->keep_tag,
					&segs[a], plen, segs[a].flags |
					(last->flags & TCP_PSH), last->window);

		d = &r->desc[k & r->mask];
		KUNIT_ASSERT_LT(test, k, r->tail);
		KUNIT_EXPECT_EQ(test, d->rsc_segs, n > 1 ? n : 0);
		KUNIT_EXPECT_EQ(test, d->rsc_mss, n > 1 ? segs[a].plen : 0);
		KUNIT_EXPECT_EQ(test, d->sta, NCSIM_RXD_STA_DD |
				(n == 1 ? NCSIM_RXD_STA_EOP : 0) |
				(stripped ? NCSIM_RXD_STA_VP : 0));
		KUNIT_EXPECT_EQ(test, d->vlan, stripped ? c->vlan : 0);
		if (segs[a].wire)
			KUNIT_EXPECT_EQ(test, d->csum, NCSIM_RXD_CS_TCPCS |
					NCSIM_RXD_CS_L4E |
					(c->v6 ? 0 : NCSIM_RXD_CS_IPCS));
		else if (!segs[a].bad)
			KUNIT_EXPECT_EQ(test, d->csum, NCSIM_RXD_CS_TCPCS |
					(c->v6 ? 0 : NCSIM_RXD_CS_IPCS));
		glen = min_t(unsigned int, d->len, plen + 200);
		memcpy(got, d->addr, glen);
		for (i = 1; i < n; i++) {
			d = &r->desc[(k + i) & r->mask];
			KUNIT_EXPECT_EQ(test, d->sta, NCSIM_RXD_STA_DD |
					(i + 1 == n ? NCSIM_RXD_STA_EOP : 0));
			KUNIT_EXPECT_EQ(test, d->len, segs[a + i].plen);
			if (glen + d->len <= plen + 200)
				memcpy(got + glen, d->addr, d->len);
			glen += d->len;
		}
		KUNIT_EXPECT_EQ_MSG(test, glen, elen, "frame %u", g);
		if (glen == elen)
			KUNIT_EXPECT_MEMEQ_MSG(test, got, exp, elen, "frame %u",
					       g);
		if (n > 1) {
			frames++;
			segs_in += n;
		}
		k += n;
		a += n;
	}
	KUNIT_EXPECT_EQ(test, r->head, k);
	if (k < r->tail)
		KUNIT_EXPECT_EQ(test, r->desc[k & r->mask].sta, 0);
	KUNIT_EXPECT_EQ(test, ht_rx_stat(ctx, NCSIM_HW_RX_RSC_FRAMES), frames);
	KUNIT_EXPECT_EQ(test, ht_rx_stat(ctx, NCSIM_HW_RX_RSC_SEGS), segs_in);
	KUNIT_EXPECT_EQ(test, ht_rx_stat(ctx, NCSIM_HW_RX_FRAMES), k);
	for (i = NCSIM_HW_RX_RSC_END_PASS; i <= NCSIM_HW_RX_RSC_END_RING; i++)
		ends += ht_rx_stat(ctx, i);
	if (c->end)
		KUNIT_EXPECT_GE(test, ht_rx_stat(ctx, c->end), 1);
	else
		KUNIT_EXPECT_EQ(test, ends, 0);
}

static void ncsim_hw_rsc_case(struct kunit *test)
{
	const struct rs_case *c = test->param_value;
	unsigned int n = rs_nsegs(c);
	struct rs_seg *segs;

	segs = kunit_kcalloc(test, n, sizeof(*segs), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, segs);
	rs_segs(c, segs, n, RS_MSS);
	rs_rx_start(test, c, RS_RING, RS_BUF);
	rs_send(test, c, segs, n);
	rs_check(test, c, segs);
}

/* The limits: the silicon's most segments, 64 KiB of IP length. */
struct rs_limit {
	const char *name;
	bool v6;
	u16 max_segs;
	unsigned int mss;
	unsigned int ring;
	unsigned int buf_len;
	u8 groups[3];
};

static const struct rs_limit rs_limits[] = {
	{ "v4_max_segs_default", false, 0, 100, 128, 256,
	  { NETCX_RSC_MAX_SEGS_DEFAULT, 2 } },
	{ "v6_max_segs_default", true, 0, 100, 128, 256,
	  { NETCX_RSC_MAX_SEGS_DEFAULT, 2 } },
	{ "v4_max_segs_5", false, 5, RS_MSS, RS_RING, RS_BUF, { 5, 5, 2 } },
	{ "v6_max_segs_5", true, 5, RS_MSS, RS_RING, RS_BUF, { 5, 5, 2 } },
	/* 40 + 8 * 8000 bytes of IP length fit, a ninth segment not */
	{ "v4_64k", false, 0, 8000, 16, 8192, { 8, 1 } },
	/* 20 + 8 * 8000 bytes of IPv6 payload length fit, a ninth not */
	{ "v6_64k", true, 0, 8000, 16, 8192, { 8, 1 } },
};

static void rs_limit_desc(const struct rs_limit *l, char *desc)
{
	strscpy(desc, l->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(rs_limit, rs_limits, rs_limit_desc);

static void ncsim_hw_rsc_limits(struct kunit *test)
{
	const struct rs_limit *l = test->param_value;
	struct rs_case c = {
		.name = l->name, .v6 = l->v6, .max_segs = l->max_segs,
		.groups = { l->groups[0], l->groups[1], l->groups[2] },
		.end = NCSIM_HW_RX_RSC_END_MAX,
	};
	unsigned int n = rs_nsegs(&c);
	struct rs_seg *segs;

	segs = kunit_kcalloc(test, n, sizeof(*segs), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, segs);
	rs_segs(&c, segs, n, l->mss);
	rs_rx_start(test, &c, l->ring, l->buf_len);
	rs_send(test, &c, segs, n);
	rs_check(test, &c, segs);
}

static const bool rs_v6[] = { false, true };

static void rs_v6_desc(const bool *v6, char *desc)
{
	strscpy(desc, *v6 ? "v6" : "v4", KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(rs_v6, rs_v6, rs_v6_desc);

/*
 * A packet the transmit engine segments goes over the wire into the
 * coalescer and comes out whole again: the packet as the stack built it,
 * byte for byte (PSH on the last segment ends the coalesce).
 */
static void ncsim_hw_rsc_tso_loop(struct kunit *test)
{
	static const struct tb_layer pkts[2][5] = {
		{ ETH, IP4, TCP_OPTS(12, TCP_ACK | TCP_PSH), DATA(6000),
		  { TB_END } },
		{ ETH, IP6, TCP_OPTS(12, TCP_ACK | TCP_PSH), DATA(6000),
		  { TB_END } },
	};
	const bool *v6 = test->param_value;
	struct rs_case c = { .v6 = *v6 };
	struct ht_ctx *ctx = test->priv;
	unsigned int len, glen, i;
	struct ncsim_rxd *d;
	struct ht_geo g;
	u8 *buf, *exp;

	buf = kunit_kzalloc(test, HT_BUF, GFP_KERNEL);
	exp = kunit_kzalloc(test, HT_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_NOT_NULL(test, exp);
	ht_tx_start(test, HT_FULL, 0);
	rs_rx_start(test, &c, RS_RING, RS_BUF);
	ctx->loop = true;

	len = ht_build(test, buf, pkts[*v6], &g);
	memcpy(exp, buf, len);
	ht_l4_csum(exp, len, &g);
	ht_post(test, tb_skb(test, buf, len, 3000), &g, TSE)->mss = 1000;
	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&ctx->tx, HT_RING), 1);
	/* the last segment's PSH ended the coalesce: nothing left to end */
	KUNIT_EXPECT_FALSE(test, ncsim_hw_rx_flush(&ctx->rx));

	KUNIT_ASSERT_EQ(test, ctx->rx.ring.head, 6);
	d = &ctx->rx.ring.desc[0];
	KUNIT_EXPECT_EQ(test, d->sta, NCSIM_RXD_STA_DD);
	KUNIT_EXPECT_EQ(test, d->rsc_segs, 6);
	KUNIT_EXPECT_EQ(test, d->rsc_mss, 1000);
	glen = d->len;
	memcpy(buf, d->addr, glen);
	for (i = 1; i < 6; i++) {
		d = &ctx->rx.ring.desc[i];
		KUNIT_ASSERT_LE(test, glen + d->len, len);
		memcpy(buf + glen, d->addr, d->len);
		glen += d->len;
	}
	KUNIT_EXPECT_EQ(test, d->sta, NCSIM_RXD_STA_DD | NCSIM_RXD_STA_EOP);
	KUNIT_ASSERT_EQ(test, glen, len);
	KUNIT_EXPECT_MEMEQ(test, buf, exp, len);
	KUNIT_EXPECT_EQ(test, ht_rx_stat(ctx, NCSIM_HW_RX_RSC_END_PSH), 1);
}

static struct kunit_case ncsim_hw_rsc_cases[] = {
	KUNIT_CASE_PARAM(ncsim_hw_rsc_case, rs_gen_params),
	KUNIT_CASE_PARAM(ncsim_hw_rsc_limits, rs_limit_gen_params),
	KUNIT_CASE_PARAM(ncsim_hw_rsc_tso_loop, rs_v6_gen_params),
	{}
};

static struct kunit_suite ncsim_hw_rsc_suite = {
	.name = "ncsim_hw_rsc",
	.init = ht_init,
	.exit = ht_exit,
	.test_cases = ncsim_hw_rsc_cases,
};

kunit_test_suite(ncsim_hw_rsc_suite);

MODULE_DESCRIPTION("KUnit: the ncsim hardware model, receive coalescing");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_LICENSE("GPL");
