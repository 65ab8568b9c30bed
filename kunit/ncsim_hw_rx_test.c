// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the ncsim hardware model's receive engine, without a net_device.
 * Frames go into the receive ring and its per-layer checksum results,
 * tags and drops are checked; then frames from the transmit engine over
 * the wire into it.
 */
#include <kunit/test.h>
#include <linux/module.h>

#include "../testing/ncsim_hw_harness.h"

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
	KUNIT_EXPECT_EQ(test, d->sta, NCSIM_RXD_STA_DD | NCSIM_RXD_STA_EOP |
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
	KUNIT_EXPECT_EQ(test, ctx->rx.ring.desc[0].sta,
			NCSIM_RXD_STA_DD | NCSIM_RXD_STA_EOP);
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

	ctx->tx.caps = ht_caps(test, HT_BASIC);	/* no IPv4 options there */
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
		KUNIT_EXPECT_EQ(test, rd->sta, NCSIM_RXD_STA_DD |
				NCSIM_RXD_STA_EOP | NCSIM_RXD_STA_VP);
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

/*
 * The wire's corruption (debugfs wire_corrupt): one bit of the last byte
 * of the IP datagram, whatever tags and padding surround it, caught by the
 * receive engine's transport checksum; nothing flipped in a frame with no
 * byte past its IP header.
 */
struct ht_wc_case {
	const char *name;
	struct tb_layer pkt[8];
	bool none;		/* nothing to corrupt */
	int tot_delta;		/* added to the IP length field, checksums after */
	u8 csum;		/* the receive engine's results, corrupted */
};

static const struct ht_wc_case ht_wc_cases[] = {
	{ "tcp4_payload", { ETH, IP4, TCP, DATA(100) },
	  .csum = RX_IPCS | RX_TCP | RX_L4E },
	{ "tcp4_no_payload_padded", { ETH, IP4, TCP },
	  .csum = RX_IPCS | RX_TCP | RX_L4E },
	{ "udp4_padded", { ETH, IP4, UDP, DATA(3) },
	  .csum = RX_IPCS | RX_UDP | RX_L4E },
	{ "udp6_payload", { ETH, IP6, UDP, DATA(200) },
	  .csum = RX_UDP | RX_L4E },
	{ "tcp6_ext", { ETH, IP6, HOP(8), TCP, DATA(90) },
	  .csum = RX_TCP | RX_L4E },
	{ "tcp6_tagged", { ETH, VLAN(100), IP6, TCP, DATA(50) },
	  .csum = RX_TCP | RX_L4E },
	{ "udp4_qinq", { ETH, { TB_SVLAN, 0, 3 }, VLAN(4), IP4, UDP, DATA(9) },
	  .csum = RX_IPCS | RX_UDP | RX_L4E },
	{ "icmp4", { ETH, IP4, { TB_ICMP }, DATA(20) }, .csum = RX_IPCS },
	{ "ip4_fragment", { ETH, IP4_FRAG(0x2000), UDP, DATA(64) },
	  .csum = RX_IPCS },
	{ "arp", { ETH, ARP }, .none = true },
	{ "ip4_header_only", { ETH, IP4 }, .none = true },
	{ "ip4_length_past_frame", { ETH, IP4, UDP, DATA(30) }, .none = true,
	  .tot_delta = 1 },
	{ "ip6_jumbo_length", { ETH, IP6, UDP, DATA(30) }, .none = true,
	  .tot_delta = -38 },
};

static void ht_wc_case_desc(const struct ht_wc_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(ht_wc, ht_wc_cases, ht_wc_case_desc);

static void ncsim_hw_wire_corrupt_case(struct kunit *test)
{
	const struct ht_wc_case *c = test->param_value;
	struct ht_ctx *ctx = test->priv;
	unsigned int len, plen, i;
	struct ncsim_rxd *d;
	struct ht_geo g;
	u8 *buf, *orig;
	int at;

	buf = kunit_kzalloc(test, HT_BUF, GFP_KERNEL);
	orig = kunit_kzalloc(test, HT_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_NOT_NULL(test, orig);
	len = ht_build(test, buf, c->pkt, &g);
	if (g.proto)
		ht_l4_csum(buf, len, &g);
	if (c->tot_delta) {
		i = g.l3 + (g.v6 ? 4 : 2);
		tb_put16(buf + i, tb_get16(buf + i) + c->tot_delta);
		if (!g.v6)
			ht_ip_csum(buf + g.l3, 20);
	}
	plen = len;
	len = ht_pad(buf, len);
	memcpy(orig, buf, len);

	at = ncsim_hw_wire_corrupt(buf, len);
	if (c->none) {
		KUNIT_EXPECT_EQ(test, at, -EINVAL);
		KUNIT_EXPECT_MEMEQ(test, buf, orig, len);
		return;
	}
	/* the datagram's last byte: never the padding after it */
	KUNIT_ASSERT_EQ(test, at, (int)plen - 1);
	KUNIT_EXPECT_EQ(test, buf[at], orig[at] ^ 1);
	buf[at] ^= 1;
	KUNIT_EXPECT_MEMEQ(test, buf, orig, len);
	buf[at] ^= 1;

	ht_rx_start(test, HT_FULL, HT_ALL_KINDS, 0);
	KUNIT_ASSERT_EQ(test, ncsim_hw_rx_frame(&ctx->rx, buf, len), 0);
	d = &ctx->rx.ring.desc[0];
	KUNIT_EXPECT_EQ(test, d->csum, c->csum);
	KUNIT_EXPECT_EQ(test, ht_rx_stat(ctx, NCSIM_HW_RX_CSUM_BAD),
			!!(c->csum & RX_L4E));
	KUNIT_EXPECT_EQ(test, ht_rx_stat(ctx, NCSIM_HW_RX_CSUM_OK), 0);
}

static struct kunit_case ncsim_hw_rx_cases[] = {
	KUNIT_CASE_PARAM(ncsim_hw_rx_case, ht_rx_gen_params),
	KUNIT_CASE(ncsim_hw_rx_drops),
	KUNIT_CASE(ncsim_hw_wire_loop),
	KUNIT_CASE(ncsim_hw_wire_loop_vlan),
	KUNIT_CASE_PARAM(ncsim_hw_wire_corrupt_case, ht_wc_gen_params),
	{}
};

static struct kunit_suite ncsim_hw_rx_suite = {
	.name = "ncsim_hw_rx",
	.init = ht_init,
	.exit = ht_exit,
	.test_cases = ncsim_hw_rx_cases,
};

kunit_test_suite(ncsim_hw_rx_suite);

MODULE_DESCRIPTION("KUnit: the ncsim hardware model, receive");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_LICENSE("GPL");
