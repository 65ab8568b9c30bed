// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the ncsim hardware model's tunnel unit. Transmit: inner checksums
 * and tunnel segmentation of VXLAN, GENEVE, GRE and IP in IP packets
 * (testing/netcx_tnl_build.h), byte for byte against the frames the test
 * builds and against the kernel's own skb_gso_segment() of the same
 * super-packet; descriptors beyond the capabilities or the port table.
 * Receive: the inner checksum results and their csum_level bit, and the
 * skb netcx_pkt_rx_csum() makes of them.
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#include <compat/compat.h>
#include <netcx/pkt.h>

#include "../testing/ncsim_hw_harness.h"
#include "../testing/netcx_tnl_build.h"

#define TNL	NCSIM_TXD_CMD_TNL
#define IIP6	NCSIM_TXD_CMD_IIP6
#define OCS	NCSIM_TXD_CMD_OCS
#define OIPCS	NCSIM_TXD_CMD_OIPCS

/* The inner frames. */
static const struct tb_layer tt_e4tcp[] = { ETH, IP4, TCP_OPTS(12, LSO_FLAGS),
					   DATA(3000), { } };
static const struct tb_layer tt_e6tcp[] = { ETH, IP6, TCP_OPTS(0, LSO_FLAGS),
					   DATA(2500), { } };
static const struct tb_layer tt_e4udp[] = { ETH, IP4, UDP, DATA(2000), { } };
static const struct tb_layer tt_i4tcp[] = { IP4, TCP_OPTS(0, LSO_FLAGS),
					   DATA(2900), { } };
static const struct tb_layer tt_i6udp[] = { IP6, UDP, DATA(2100), { } };

struct tt_case {
	const char *name;
	struct tt_spec spec;
	u16 mss;
};

static const struct tt_case tt_cases[] = {
	{ "vxlan4 tcp4 udpcsum", { TT_VXLAN, .udp_csum = true,
				   .inner = tt_e4tcp }, 1000 },
	{ "vxlan4 tcp4 nocsum", { TT_VXLAN, .inner = tt_e4tcp }, 1400 },
	{ "vxlan6 tcp6 udpcsum", { TT_VXLAN, .outer_v6 = true,
				   .udp_csum = true, .inner = tt_e6tcp }, 1000 },
	{ "vxlan6 udp4", { TT_VXLAN, .outer_v6 = true, .udp_csum = true,
			   .inner = tt_e4udp }, 700 },
	{ "geneve4 opts tcp6", { TT_GENEVE, .udp_csum = true, .geneve_opts = 16,
				 .inner = tt_e6tcp }, 900 },
	{ "geneve6 opts udp4", { TT_GENEVE, .outer_v6 = true, .geneve_opts = 8,
				 .inner = tt_e4udp }, 800 },
	{ "gre4 tcp4", { TT_GRE, .inner = tt_i4tcp }, 1000 },
	{ "gre4 csum key tcp4", { TT_GRE, .gre_flags = TT_GRE_C | TT_GRE_K,
				  .inner = tt_i4tcp }, 1000 },
	{ "gretap6 csum tcp4", { TT_GRE, .outer_v6 = true,
				 .gre_flags = TT_GRE_C, .inner = tt_e4tcp },
	  1200 },
	{ "ipip tcp4", { TT_IPXIP, .inner = tt_i4tcp }, 1000 },
	{ "sit udp6", { TT_IPXIP, .inner = tt_i6udp }, 1000 },
	{ "ip6tnl tcp4 outer opts", { TT_IPXIP, .outer_v6 = true,
				      .outer_opts = 8, .inner = tt_i4tcp },
	  1000 },
	{ "vxlan4 outer opts tcp4", { TT_VXLAN, .outer_opts = 8,
				      .udp_csum = true, .inner = tt_e4tcp },
	  1000 },
};

static void tt_case_desc(const struct tt_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(tt, tt_cases, tt_case_desc);

/* The tables of the test's port: VXLAN on 4789, GENEVE on 6081. */
static struct ncsim_hw_tnl_ports *tt_ports(struct kunit *test)
{
	struct ncsim_hw_tnl_ports *t = kunit_kzalloc(test, sizeof(*t),
						     GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, t);
	ncsim_hw_tnl_port_set(t, 0, 0, htons(TT_GENEVE_PORT),
			      NETCX_ENCAP_GENEVE);
	ncsim_hw_tnl_port_set(t, 1, 1, htons(TT_VXLAN_PORT),
			      NETCX_ENCAP_VXLAN);
	return t;
}

static void tt_tx_start(struct kunit *test, enum ht_profile prof)
{
	struct ht_ctx *c = test->priv;

	ht_tx_start(test, prof, 9000);
	c->tx.ports = tt_ports(test);
}

/* Posts @skb of @p with @cmd (TNL and the inner/outer bits added). */
static struct ncsim_txd *tt_post(struct kunit *test, struct sk_buff *skb,
				 const struct tt_pkt *p, u16 cmd, u16 mss)
{
	struct ht_ctx *c = test->priv;
	struct ncsim_txd *d = ht_post_skb(test, skb);

	d->cmd = cmd | TNL | (p->spec.outer_v6 ? NCSIM_TXD_CMD_IP6 : 0) |
		 (p->iv6 ? IIP6 : 0) |
		 (p->iproto == IPPROTO_TCP ? NCSIM_TXD_CMD_TCP :
					     NCSIM_TXD_CMD_UDP);
	d->maclen = p->onh;
	d->l4_off = p->oth;
	d->tnl = p->spec.encap + 1;	/* enum tt_encap is netcx_encap's order */
	d->il3_off = p->inh;
	d->il4_off = p->ith;
	d->cso = p->icheck - p->ith;
	d->hdr_len = p->hlen;
	d->mss = mss;
	c->tx.ring.tail++;
	return d;
}

static void tt_expect_frame(struct kunit *test, unsigned int i,
			    const u8 *want, unsigned int len)
{
	struct ht_ctx *c = test->priv;

	KUNIT_ASSERT_LT(test, i, c->n);
	KUNIT_ASSERT_NOT_NULL(test, c->frame[i]);
	KUNIT_EXPECT_EQ_MSG(test, c->len[i], max(len, 60U), "frame %u", i);
	if (c->len[i] == max(len, 60U))
		KUNIT_EXPECT_MEMEQ_MSG(test, c->frame[i], want, len,
				       "frame %u", i);
}

/* The inner checksum of a packet sent whole: the frame as built. */
static void ncsim_hw_tnl_csum(struct kunit *test)
{
	const struct tt_case *tc = test->param_value;
	struct ht_ctx *c = test->priv;
	struct tt_opts o = { .csum = true, .headlen = 100 };
	struct sk_buff *skb;
	struct tt_pkt p;

	tt_pkt_init(test, &p, &tc->spec);
	tt_tx_start(test, HT_FULL);
	skb = tt_skb(test, &p, &o);
	tt_post(test, skb, &p, L4CS, 0);
	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&c->tx, 64), 1U);
	KUNIT_EXPECT_EQ(test, c->n, 1U);
	tt_expect_frame(test, 0, p.buf, p.len);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(c, NCSIM_HW_TX_TNL_CSUM), 1ULL);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(c, NCSIM_HW_TX_VIOLATIONS), 0ULL);
}

/*
 * Segment @i of @segs of @p at @mss, as the test builds it: the headers,
 * the payload slice, ids, sequence number and flags, then tt_fix()'s
 * lengths and checksums. Returns its length.
 */
static unsigned int tt_segment(const struct tt_pkt *p, unsigned int mss,
			       unsigned int i, unsigned int segs, u8 *out)
{
	unsigned int pay = p->len - p->hlen, n = min(mss, pay - i * mss);
	u8 *th = out + p->ith;

	memcpy(out, p->buf, p->hlen);
	memcpy(out + p->hlen, p->buf + p->hlen + i * mss, n);
	if (!p->spec.outer_v6)
		tb_put16(out + p->onh + 4, tb_get16(out + p->onh + 4) + i);
	if (!p->iv6)
		tb_put16(out + p->inh + 4, tb_get16(out + p->inh + 4) + i);
	if (p->iproto == IPPROTO_TCP) {
		tb_put32(th + 4, tb_get32(th + 4) + i * mss);
		if (i)
			th[13] &= ~TCP_CWR;
		if (i + 1 < segs)
			th[13] &= ~(TCP_FIN | TCP_PSH);
	}
	tt_fix(p, out, p->hlen + n);
	return p->hlen + n;
}

/* The command bits netcx asks segmentation with. */
static u16 tt_seg_cmd(const struct tt_pkt *p)
{
	return (p->iproto == IPPROTO_TCP ? TSE : USE) | L4CS |
	       (p->iv6 ? 0 : IPCS) | (p->spec.outer_v6 ? 0 : OIPCS) |
	       (p->ocheck ? OCS : 0);
}

/*
 * Tunnel segmentation: every segment byte for byte as the test builds it,
 * and as skb_gso_segment() cuts the same super-packet in software.
 */
static void ncsim_hw_tnl_gso(struct kunit *test)
{
	const struct tt_case *tc = test->param_value;
	struct ht_ctx *c = test->priv;
	struct tt_opts o = { .mss = tc->mss, .headlen = 128 };
	struct sk_buff *skb, *segs, *seg;
	struct net_device *dev;
	unsigned int i, n, len;
	struct tt_pkt p;
	u8 *want;

	tt_pkt_init(test, &p, &tc->spec);
	n = DIV_ROUND_UP(p.len - p.hlen, tc->mss);
	KUNIT_ASSERT_LE(test, n, (unsigned int)HT_FRAMES);
	want = kunit_kmalloc(test, p.hlen + tc->mss, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, want);
	dev = alloc_etherdev(0);
	KUNIT_ASSERT_NOT_NULL(test, dev);
	o.dev = dev;

	tt_tx_start(test, HT_FULL);
	skb = tt_skb(test, &p, &o);
	tt_post(test, skb, &p, tt_seg_cmd(&p), tc->mss);
	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&c->tx, 64), 1U);
	KUNIT_EXPECT_EQ(test, c->n, n);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(c, NCSIM_HW_TX_TNL_GSO), 1ULL);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(c, NCSIM_HW_TX_TNL_GSO_SEGS), (u64)n);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(c, NCSIM_HW_TX_VIOLATIONS), 0ULL);
	for (i = 0; i < n && i < c->n; i++) {
		len = tt_segment(&p, tc->mss, i, n, want);
		tt_expect_frame(test, i, want, len);
	}

	/* the kernel's software segmentation of the same skb */
	skb = tt_skb(test, &p, &o);
	segs = skb_gso_segment(skb, NETIF_F_SG);
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(segs));
	i = 0;
	skb_list_walk_safe(segs, seg, segs) {
		skb_mark_not_on_list(seg);
		if (i < c->n && c->frame[i]) {
			len = seg->len;
			KUNIT_EXPECT_EQ_MSG(test, c->len[i], max(len, 60U),
					    "gso segment %u", i);
			if (len <= p.hlen + tc->mss &&
			    !skb_copy_bits(seg, 0, want, len))
				KUNIT_EXPECT_MEMEQ_MSG(test, c->frame[i], want,
						       len, "gso segment %u",
						       i);
		}
		kfree_skb(seg);
		i++;
	}
	KUNIT_EXPECT_EQ(test, i, n);
	kfree_skb(skb);
	free_netdev(dev);
}

/*
 * GSO_PARTIAL: the outer UDP or GRE checksum as the stack left it (no
 * OCS): every segment equal in length, each as the test builds it.
 */
static void ncsim_hw_tnl_partial(struct kunit *test)
{
	static const struct tb_layer in[] = { ETH, IP4, TCP, DATA(3000), { } };
	const struct tt_spec s = { TT_VXLAN, .udp_csum = true, .inner = in };
	struct ht_ctx *c = test->priv;
	struct tt_opts o = { .mss = 1000, .partial = true };
	unsigned int i, len;
	struct tt_pkt p;
	u8 *want;

	tt_pkt_init(test, &p, &s);
	want = kunit_kmalloc(test, p.len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, want);
	tt_tx_start(test, HT_FULL);
	tt_post(test, tt_skb(test, &p, &o), &p,
		tt_seg_cmd(&p) & ~OCS, o.mss);
	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&c->tx, 64), 1U);
	KUNIT_ASSERT_EQ(test, c->n, 3U);
	for (i = 0; i < 3; i++) {
		len = tt_segment(&p, o.mss, i, 3, want);
		tt_expect_frame(test, i, want, len);
	}
	KUNIT_EXPECT_EQ(test, ht_tx_stat(c, NCSIM_HW_TX_VIOLATIONS), 0ULL);
}

/*
 * What the silicon does not recognise: a VXLAN port not in the table, a
 * capability violation, the frame as posted. Offsets outside the packet,
 * an unknown encapsulation: a descriptor error, nothing sent.
 */
static void ncsim_hw_tnl_refused(struct kunit *test)
{
	static const struct tb_layer in[] = { ETH, IP4, TCP, DATA(600), { } };
	struct tt_spec s = { TT_VXLAN, .udp_csum = true, .port = 4790,
			     .inner = in };
	struct tt_opts o = { .csum = true };
	struct ht_ctx *c = test->priv;
	struct sk_buff *skb;
	struct ncsim_txd *d;
	struct tt_pkt p;

	tt_pkt_init(test, &p, &s);
	tt_tx_start(test, HT_FULL);
	skb = tt_skb(test, &p, &o);
	tt_post(test, skb, &p, L4CS, 0);
	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&c->tx, 64), 1U);
	KUNIT_ASSERT_EQ(test, c->n, 1U);
	/* the inner checksum field as posted: the pseudo-header sum */
	KUNIT_EXPECT_MEMEQ(test, c->frame[0], skb->data, p.len);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(c, NCSIM_HW_TX_VIOLATIONS), 1ULL);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(c, NCSIM_HW_TX_TNL_CSUM), 0ULL);

	/* the inner IP header past the packet */
	d = tt_post(test, skb_get(skb), &p, L4CS, 0);
	d->il3_off = p.len - 10;
	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&c->tx, 64), 1U);
	KUNIT_EXPECT_EQ(test, c->n, 1U);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(c, NCSIM_HW_TX_DESC_ERRORS), 1ULL);

	/* an unknown encapsulation */
	d = tt_post(test, skb_get(skb), &p, L4CS, 0);
	d->tnl = NETCX_ENCAP_MAX + 1;
	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&c->tx, 64), 1U);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(c, NCSIM_HW_TX_DESC_ERRORS), 2ULL);
}

/* No tunnel unit (basic): TNL reserved, the packet goes out as posted. */
static void ncsim_hw_tnl_no_unit(struct kunit *test)
{
	static const struct tb_layer in[] = { ETH, IP4, TCP, DATA(600), { } };
	const struct tt_spec s = { TT_VXLAN, .inner = in };
	struct tt_opts o = { .csum = true };
	struct ht_ctx *c = test->priv;
	struct sk_buff *skb;
	struct tt_pkt p;

	tt_pkt_init(test, &p, &s);
	tt_tx_start(test, HT_BASIC);
	skb = tt_skb(test, &p, &o);
	tt_post(test, skb, &p, L4CS, 0);
	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&c->tx, 64), 1U);
	KUNIT_ASSERT_EQ(test, c->n, 1U);
	KUNIT_EXPECT_MEMEQ(test, c->frame[0], skb->data, p.len);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(c, NCSIM_HW_TX_VIOLATIONS), 1ULL);
}

/* tnlcsum: the inner checksum, but TSE on a tunnel is reserved. */
static void ncsim_hw_tnl_csum_only(struct kunit *test)
{
	static const struct tb_layer in[] = { ETH, IP6, UDP, DATA(700), { } };
	const struct tt_spec s = { TT_GENEVE, .udp_csum = true, .inner = in };
	struct tt_opts o = { .csum = true };
	struct ht_ctx *c = test->priv;
	struct ncsim_hw_caps *caps;
	struct tt_pkt p;

	tt_pkt_init(test, &p, &s);
	caps = kunit_kmalloc(test, sizeof(*caps), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, caps);
	*caps = ncsim_profile_find("tnlcsum")->caps;
	KUNIT_ASSERT_EQ(test, ncsim_hw_tx_init(&c->tx, caps, HT_RING, ht_wire,
					       ht_room, c), 0);
	c->tx_up = true;
	c->tx.mtu = 1500;
	c->tx.ports = tt_ports(test);
	tt_post(test, tt_skb(test, &p, &o), &p, L4CS, 0);
	KUNIT_EXPECT_EQ(test, ncsim_hw_tx_process(&c->tx, 64), 1U);
	tt_expect_frame(test, 0, p.buf, p.len);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(c, NCSIM_HW_TX_TNL_CSUM), 1ULL);
	KUNIT_EXPECT_EQ(test, ht_tx_stat(c, NCSIM_HW_TX_VIOLATIONS), 0ULL);
}

/* The port table: set, replaced, emptied, out of range. */
static void ncsim_hw_tnl_ports(struct kunit *test)
{
	struct ncsim_hw_tnl_ports *t = tt_ports(test);

	KUNIT_EXPECT_EQ(test, ncsim_hw_tnl_port_find(t, TT_VXLAN_PORT),
			(int)NETCX_ENCAP_VXLAN);
	KUNIT_EXPECT_EQ(test, ncsim_hw_tnl_port_find(t, TT_GENEVE_PORT),
			(int)NETCX_ENCAP_GENEVE);
	KUNIT_EXPECT_EQ(test, ncsim_hw_tnl_port_find(t, 4790), -ENOENT);
	KUNIT_EXPECT_EQ(test, ncsim_hw_tnl_port_find(NULL, 4789), -ENOENT);
	ncsim_hw_tnl_port_set(t, 1, 1, 0, NETCX_ENCAP_VXLAN);
	KUNIT_EXPECT_EQ(test, ncsim_hw_tnl_port_find(t, TT_VXLAN_PORT), -ENOENT);
	ncsim_hw_tnl_port_set(t, 0, 0, htons(TT_VXLAN_PORT), NETCX_ENCAP_VXLAN);
	KUNIT_EXPECT_EQ(test, ncsim_hw_tnl_port_find(t, TT_VXLAN_PORT),
			(int)NETCX_ENCAP_VXLAN);
	KUNIT_EXPECT_EQ(test, ncsim_hw_tnl_port_find(t, TT_GENEVE_PORT), -ENOENT);
	ncsim_hw_tnl_port_set(t, NETCX_TNL_PORT_TABLES, 0, htons(1),
			      NETCX_ENCAP_VXLAN);
	KUNIT_EXPECT_EQ(test, ncsim_hw_tnl_port_find(t, 1), -ENOENT);
}

/* Receive */

struct tt_rx_case {
	const char *name;
	struct tt_spec spec;
	bool corrupt;		/* flip a bit of the inner payload */
	u16 want;		/* NCSIM_RXD_CS_* */
	u8 ip_summed;		/* what netcx_pkt_rx_csum() makes of it */
	u8 level;
};

#define CS(x)	NCSIM_RXD_CS_##x

static const struct tb_layer tt_rx4tcp[] = { ETH, IP4, TCP, DATA(300), { } };
static const struct tb_layer tt_rx6udp[] = { ETH, IP6, UDP, DATA(300), { } };
static const struct tb_layer tt_rxi4[] = { IP4, TCP, DATA(300), { } };
static const struct tb_layer tt_rxi6[] = { IP6, TCP, DATA(300), { } };

static const struct tt_rx_case tt_rx_cases[] = {
	{ "vxlan4 udpcsum", { TT_VXLAN, .udp_csum = true, .inner = tt_rx4tcp },
	  false, CS(IPCS) | CS(UDPCS) | CS(ITCPCS) | CS(ILVL),
	  CHECKSUM_UNNECESSARY, 1 },
	{ "vxlan4 zero csum", { TT_VXLAN, .inner = tt_rx4tcp },
	  false, CS(IPCS) | CS(ITCPCS) | CS(ILVL), CHECKSUM_UNNECESSARY, 1 },
	{ "vxlan4 bad inner", { TT_VXLAN, .inner = tt_rx4tcp },
	  true, CS(IPCS) | CS(ITCPCS) | CS(ILVL) | CS(IL4E), CHECKSUM_NONE, 0 },
	{ "vxlan4 bad, outer csum", { TT_VXLAN, .udp_csum = true,
				      .inner = tt_rx4tcp },
	  true, CS(IPCS) | CS(UDPCS) | CS(L4E), CHECKSUM_NONE, 0 },
	{ "vxlan6 udp6", { TT_VXLAN, .outer_v6 = true, .udp_csum = true,
			   .inner = tt_rx6udp },
	  false, CS(UDPCS) | CS(IUDPCS) | CS(IIP6) | CS(ILVL),
	  CHECKSUM_UNNECESSARY, 1 },
	{ "vxlan unknown port", { TT_VXLAN, .udp_csum = true, .port = 4790,
				  .inner = tt_rx4tcp },
	  false, CS(IPCS) | CS(UDPCS), CHECKSUM_UNNECESSARY, 0 },
	{ "geneve4 opts", { TT_GENEVE, .udp_csum = true, .geneve_opts = 12,
			    .inner = tt_rx4tcp },
	  false, CS(IPCS) | CS(UDPCS) | CS(ITCPCS) | CS(ILVL),
	  CHECKSUM_UNNECESSARY, 1 },
	{ "gre4", { TT_GRE, .inner = tt_rxi4 },
	  false, CS(IPCS) | CS(ITCPCS), CHECKSUM_UNNECESSARY, 0 },
	{ "gre4 csum", { TT_GRE, .gre_flags = TT_GRE_C | TT_GRE_S,
			 .inner = tt_rxi4 },
	  false, CS(IPCS) | CS(ITCPCS) | CS(ILVL), CHECKSUM_UNNECESSARY, 1 },
	{ "gre4 csum bad", { TT_GRE, .gre_flags = TT_GRE_C, .inner = tt_rxi4 },
	  true, CS(IPCS) | CS(ILVL) | CS(IL4E), CHECKSUM_NONE, 0 },
	{ "gretap6", { TT_GRE, .outer_v6 = true, .inner = tt_rx4tcp },
	  false, CS(ITCPCS), CHECKSUM_UNNECESSARY, 0 },
	{ "ipip", { TT_IPXIP, .inner = tt_rxi4 },
	  false, CS(IPCS) | CS(ITCPCS), CHECKSUM_UNNECESSARY, 0 },
	{ "sit bad", { TT_IPXIP, .inner = tt_rxi6 },
	  true, CS(IPCS) | CS(ITCPCS) | CS(IIP6) | CS(IL4E), CHECKSUM_NONE, 0 },
	{ "ip6tnl", { TT_IPXIP, .outer_v6 = true, .inner = tt_rxi6 },
	  false, CS(ITCPCS) | CS(IIP6), CHECKSUM_UNNECESSARY, 0 },
};

static void tt_rx_case_desc(const struct tt_rx_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(tt_rx, tt_rx_cases, tt_rx_case_desc);

/* The netcx result the status bits stand for, as ncsim declares them. */
static void tt_rx_result(u16 cs, struct netcx_rx_csum *r)
{
	*r = (struct netcx_rx_csum){ };
	if (cs & CS(IPCS))
		r->ipv4 = cs & CS(IPE) ? NETCX_CSUM_INVALID : NETCX_CSUM_VALID;
	if (cs & CS(TCPCS))
		r->tcp = cs & CS(L4E) ? NETCX_CSUM_INVALID : NETCX_CSUM_VALID;
	if (cs & CS(UDPCS))
		r->udp = cs & CS(L4E) ? NETCX_CSUM_INVALID : NETCX_CSUM_VALID;
	if (cs & (CS(ITCPCS) | CS(IUDPCS))) {
		r->inner = cs & CS(IL4E) ? NETCX_CSUM_INVALID :
					   NETCX_CSUM_VALID;
		r->inner_level = !!(cs & CS(ILVL));
	}
}

static void ncsim_hw_tnl_rx(struct kunit *test)
{
	const struct tt_rx_case *tc = test->param_value;
	struct ht_ctx *c = test->priv;
	struct netcx_rx_csum res;
	struct ncsim_rxd *d;
	struct sk_buff *skb;
	struct tt_pkt p;

	tt_pkt_init(test, &p, &tc->spec);
	if (tc->corrupt)
		p.buf[p.len - 1] ^= 1;
	ht_rx_start(test, HT_FULL, HT_ALL_KINDS, 0);
	c->rx.ports = tt_ports(test);
	KUNIT_ASSERT_EQ(test, ncsim_hw_rx_frame(&c->rx, p.buf, p.len), 0);
	d = &c->rx.ring.desc[0];
	KUNIT_EXPECT_EQ(test, d->csum, tc->want);
	KUNIT_EXPECT_EQ(test, ht_rx_stat(c, NCSIM_HW_RX_TNL_CSUM_OK),
			(u64)((tc->want & (CS(ITCPCS) | CS(IUDPCS))) &&
			      !(tc->want & CS(IL4E))));
	KUNIT_EXPECT_EQ(test, ht_rx_stat(c, NCSIM_HW_RX_TNL_CSUM_BAD),
			(u64)!!(tc->want & CS(IL4E)));

	/* the skb the report makes */
	skb = alloc_skb(64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	tt_rx_result(d->csum, &res);
	netcx_pkt_rx_csum(skb, &res);
	KUNIT_EXPECT_EQ(test, (int)skb->ip_summed, (int)tc->ip_summed);
	KUNIT_EXPECT_EQ(test, (int)skb->csum_level, (int)tc->level);
	kfree_skb(skb);
}

/* The inner kinds follow the checksum register. */
static void ncsim_hw_tnl_rx_kinds(struct kunit *test)
{
	const struct tt_spec s = { TT_VXLAN, .inner = tt_rx6udp };
	struct ht_ctx *c = test->priv;
	struct tt_pkt p;

	tt_pkt_init(test, &p, &s);
	ht_rx_start(test, HT_FULL, NETCX_KINDS_V4, 0);
	c->rx.ports = tt_ports(test);
	KUNIT_ASSERT_EQ(test, ncsim_hw_rx_frame(&c->rx, p.buf, p.len), 0);
	KUNIT_EXPECT_EQ(test, c->rx.ring.desc[0].csum, (u16)CS(IPCS));
}

/* netcx_pkt_rx_csum(): the csum_level of an inner result. */
static void ncsim_hw_tnl_rx_level(struct kunit *test)
{
	struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);
	struct netcx_rx_csum r = { .udp = NETCX_CSUM_VALID,
				   .inner = NETCX_CSUM_VALID,
				   .inner_level = 1 };

	KUNIT_ASSERT_NOT_NULL(test, skb);
	netcx_pkt_rx_csum(skb, &r);
	KUNIT_EXPECT_EQ(test, (int)skb->ip_summed, (int)CHECKSUM_UNNECESSARY);
	KUNIT_EXPECT_EQ(test, (int)skb->csum_level, 1);
	/* a level the skb cannot hold: the outer result only */
	r.inner_level = SKB_MAX_CSUM_LEVEL + 1;
	netcx_pkt_rx_csum(skb, &r);
	KUNIT_EXPECT_EQ(test, (int)skb->ip_summed, (int)CHECKSUM_UNNECESSARY);
	KUNIT_EXPECT_EQ(test, (int)skb->csum_level, 0);
	/* an invalid outer one wins */
	r.inner_level = 1;
	r.udp = NETCX_CSUM_INVALID;
	netcx_pkt_rx_csum(skb, &r);
	KUNIT_EXPECT_EQ(test, (int)skb->ip_summed, (int)CHECKSUM_NONE);
	KUNIT_EXPECT_EQ(test, (int)skb->csum_level, 0);
	kfree_skb(skb);
}

static struct kunit_case ncsim_hw_tnl_cases[] = {
	KUNIT_CASE_PARAM(ncsim_hw_tnl_csum, tt_gen_params),
	KUNIT_CASE_PARAM(ncsim_hw_tnl_gso, tt_gen_params),
	KUNIT_CASE(ncsim_hw_tnl_partial),
	KUNIT_CASE(ncsim_hw_tnl_refused),
	KUNIT_CASE(ncsim_hw_tnl_no_unit),
	KUNIT_CASE(ncsim_hw_tnl_csum_only),
	KUNIT_CASE(ncsim_hw_tnl_ports),
	KUNIT_CASE_PARAM(ncsim_hw_tnl_rx, tt_rx_gen_params),
	KUNIT_CASE(ncsim_hw_tnl_rx_kinds),
	KUNIT_CASE(ncsim_hw_tnl_rx_level),
	{}
};

static struct kunit_suite ncsim_hw_tnl_suite = {
	.name = "ncsim_hw_tnl",
	.init = ht_init,
	.exit = ht_exit,
	.test_cases = ncsim_hw_tnl_cases,
};

kunit_test_suite(ncsim_hw_tnl_suite);

MODULE_DESCRIPTION("KUnit: the ncsim hardware model, tunnels");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_LICENSE("GPL");
