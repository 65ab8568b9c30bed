// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the per-packet transmit policy over real skbs built byte by byte:
 * netcx_features_check()'s decision, netcx_tx_prepare()'s descriptor and
 * in-driver fallbacks (as for a packet that bypassed the first, like
 * pktgen's), and the counters each moved; then the same packets through
 * the stack's own netif_skb_features() and fallbacks before
 * netcx_tx_prepare(), counted once. Every checksum on the wire is checked
 * with the test's own ones' complement sum (tb_sum()), the hardware's part
 * emulated from the descriptor.
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <net/checksum.h>
#include <net/ip.h>
#include <net/ip6_checksum.h>

#include <compat/compat.h>
#include <netcx/netcx.h>

#ifdef NETCX_HAVE_QSTATS
#include <net/netdev_queues.h>
#endif

#include "core/core.h"
#include "core/counters.h"
#include "../testing/netcx_counters.h"
#include "../testing/netcx_pkt_build.h"
#include "../testing/netcx_test.h"
#include "../testing/netcx_tx_call.h"
#include "../testing/netcx_test_dev.h"

#include "netcx_xmit_cases.h"

/* ---- hardware ---- */

#define XT_KEYWORDS	"*TCPChecksumOffloadIPv6=2,*LsoV2IPv4=0," \
			"*PriorityVLANTag=1,*UsoIPv6=0"

static int xt_declare(struct netcx_adapter *ad, enum xt_profile profile)
{
	static const enum netcx_test_profile of[] = {
		[XT_FULL] = NETCX_TEST_FULL,
		[XT_E1000] = NETCX_TEST_E1000,
		[XT_BASIC] = NETCX_TEST_BASIC,
		[XT_LIMITS] = NETCX_TEST_LIMITS,
		[XT_KW] = NETCX_TEST_FULL,
		[XT_PRIO] = NETCX_TEST_PRIO,
		[XT_VLANONLY] = NETCX_TEST_VLAN,
		[XT_SEED] = NETCX_TEST_SEED,
	};

	if (profile >= ARRAY_SIZE(of))
		return -EINVAL;
	return netcx_test_declare(ad, of[profile]) ?:
	       (profile == XT_KW ? netcx_set_keywords(ad, XT_KEYWORDS) : 0);
}

/* ---- the device: a driver whose ndo_features_check is netcx's own ---- */

/* plugged in as it is: the stack's path runs netcx_ndo_features_check() */
static const struct net_device_ops xt_netdev_ops = {
	.ndo_features_check = netcx_ndo_features_check,
};

#define DRIVER_BITS	(NETIF_F_SG | NETIF_F_HIGHDMA)

/* A committed adapter with @profile, @off then switched off; freed at exit. */
static struct netcx_adapter *xt_setup(struct kunit *test,
				      enum xt_profile profile,
				      netdev_features_t off)
{
	struct netcx_adapter *ad = netcx_test_dev(test, &xt_netdev_ops,
						  DRIVER_BITS);
	struct net_device *dev = test->priv;

	KUNIT_ASSERT_EQ(test, xt_declare(ad, profile), 0);
	KUNIT_ASSERT_EQ(test, netcx_adapter_commit(ad), 0);
	/* what ethtool -K leaves in dev->features */
	dev->features &= ~off;
	return ad;
}

/* ---- packets ---- */

/* The transport checksum over @len bytes of @pkt: 0xffff when right. */
static u16 tb_l4_sum(const struct tb_pkt *p, const u8 *pkt, unsigned int len,
		     unsigned int push)
{
	const u8 *l4 = pkt + p->th + push;
	u32 sum = 0;

	if (p->proto != IPPROTO_ICMP)
		sum = tb_pseudo_sum(pkt + p->nh + push, p->proto,
				    len - p->th - push);
	return tb_fold(tb_sum(l4, len - p->th - push, sum));
}

static void xmit_case_desc(const struct xmit_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(xmit, xmit_cases, xmit_case_desc);

/*
 * An skb for @p as the stack hands it to a driver: headers set, and as @c
 * says, CHECKSUM_PARTIAL with the pseudo-header checksum seeded as
 * tcp_v4_check() and its peers do, GSO, an out-of-band tag, damage.
 */
static struct sk_buff *xt_skb(struct kunit *test, const struct tb_pkt *p,
			      const struct xmit_case *c, struct net_device *dev)
{
	unsigned int l4len = p->len - p->th;
	struct sk_buff *skb;
	__sum16 *check;

	skb = tb_skb(test, p->buf, p->len, c->headlen);
	skb->dev = dev;
	skb->protocol = htons(tb_get16(p->buf + 12));
	skb_set_network_header(skb, p->nh);
	skb_set_transport_header(skb, p->th);

	if (c->sum == SUM_PARTIAL) {
		skb->ip_summed = CHECKSUM_PARTIAL;
		skb->csum_start = skb_transport_header(skb) - skb->head;
		skb->csum_offset = p->check - p->th;
		check = (__sum16 *)(skb->data + p->check);
		if (p->proto == IPPROTO_ICMP)
			*check = 0;
		else if (p->buf[p->nh] >> 4 == 4)
			*check = ~csum_tcpudp_magic(ip_hdr(skb)->saddr,
						    ip_hdr(skb)->daddr, l4len,
						    p->proto, 0);
		else
			*check = ~csum_ipv6_magic(&ipv6_hdr(skb)->saddr,
						  &ipv6_hdr(skb)->daddr, l4len,
						  p->proto, 0);
	}
	if (c->mss) {
		skb_shinfo(skb)->gso_size = c->mss;
		skb_shinfo(skb)->gso_type = c->gso_type;
		skb_shinfo(skb)->gso_segs =
			DIV_ROUND_UP(p->len - p->hlen, c->mss);
	}
	if (c->tag_proto)
		__vlan_hwaccel_put_tag(skb, htons(c->tag_proto), c->tci);

	switch (c->bad) {
	case BAD_IHL:
		skb->data[p->nh] = 0x44;
		break;
	case BAD_DOFF:
		skb->data[p->th + 12] = 0x40;
		break;
	case BAD_HOPLEN:
		skb->data[p->nh + 40 + 1] = 200;
		break;
	case BAD_CSUM_OFFSET:
		skb->csum_offset = 500;
		break;
	case BAD_CSUM_START:
		skb->csum_start += 4;
		break;
	case BAD_CSUM_FIELD:
		skb->csum_offset = 6;
		break;
	}
	if (c->trim)
		KUNIT_EXPECT_EQ(test, pskb_trim(skb, c->trim), 0);
	return skb;
}

static void xt_expect_desc(struct kunit *test, const struct netcx_tx_desc *got,
			   const struct netcx_tx_desc *want, const char *what)
{
	KUNIT_EXPECT_EQ_MSG(test, got->flags, want->flags, "%s", what);
	KUNIT_EXPECT_EQ_MSG(test, got->l3_offset, want->l3_offset, "%s", what);
	KUNIT_EXPECT_EQ_MSG(test, got->l4_offset, want->l4_offset, "%s", what);
	KUNIT_EXPECT_EQ_MSG(test, got->csum_offset, want->csum_offset, "%s",
			    what);
	KUNIT_EXPECT_EQ_MSG(test, got->hdr_len, want->hdr_len, "%s", what);
	KUNIT_EXPECT_EQ_MSG(test, got->mss, want->mss, "%s", what);
	KUNIT_EXPECT_EQ_MSG(test, got->segs, want->segs, "%s", what);
	KUNIT_EXPECT_EQ_MSG(test, got->vlan_tci, want->vlan_tci, "%s", what);
	KUNIT_EXPECT_EQ_MSG(test, got->l4_proto, want->l4_proto, "%s", what);
}

/* The bytes of @c's packets on the wire: what the checks compare with. */
struct xt_wire {
	const struct tb_pkt *p;
	unsigned int push;	/* a tag pushed into the packet: 4 */
	u16 tag_proto;
	u16 tci;
	u16 mss;		/* segments of this size, when k > 1 */
	unsigned int k;		/* the packets the skb became */
	u8 *out;
	u8 *want;
};

/*
 * Packet @i of @w->k, as sent with @d: the hardware's part (a checksum from
 * @d->l4_offset, stored @d->csum_offset further) emulated, every byte as
 * the original's but the fields segmentation changes, every checksum
 * right. A packet the hardware segments is checked unchanged instead.
 */
static void xt_wire_check(struct kunit *test, const struct xt_wire *w,
			  struct sk_buff *skb, const struct netcx_tx_desc *d,
			  unsigned int i)
{
	const struct tb_pkt *p = w->p;
	unsigned int payload = p->len - p->hlen, push = w->push;
	unsigned int off = w->k > 1 ? i * w->mss : 0;
	unsigned int plen = w->k > 1 ? min_t(unsigned int, w->mss,
					     payload - off) : payload;
	unsigned int len = push + p->hlen + plen;
	unsigned int nh = p->nh + push, th = p->th + push;
	unsigned int check = p->check + push;
	u8 *out = w->out, *want = w->want;

	KUNIT_EXPECT_EQ_MSG(test, skb->len, len, "packet %u", i);
	if (skb->len != len)
		return;
	KUNIT_EXPECT_FALSE(test, skb_vlan_tag_present(skb) && push);
	KUNIT_ASSERT_EQ(test, skb_copy_bits(skb, 0, out, len), 0);

	memcpy(want, p->buf, 12);
	if (push) {
		tb_put16(want + 12, w->tag_proto);
		tb_put16(want + 14, w->tci);
	}
	memcpy(want + 12 + push, p->buf + 12, p->hlen - 12);
	memcpy(want + push + p->hlen, p->buf + p->hlen + off, plen);
	if (w->k > 1) {
		u8 *ip = want + nh, *l4 = want + th;

		if (ip[0] >> 4 == 4) {
			tb_put16(ip + 2, len - nh);
			tb_put16(ip + 4, TB_IP4_ID + i);
			tb_put16(ip + 10, 0);
			tb_put16(ip + 10, ~tb_fold(tb_sum(ip, (ip[0] & 15) * 4, 0)));
		} else {
			tb_put16(ip + 4, len - nh - 40);
		}
		if (p->proto == IPPROTO_TCP) {
			tb_put32(l4 + 4, TB_SEQ + off);
			if (i + 1 < w->k)
				l4[13] &= ~(TCP_FIN | TCP_PSH);
		} else {
			tb_put16(l4 + 4, len - th);
		}
	}

	if (d->flags & (NETCX_TXD_LSO | NETCX_TXD_USO)) {
		KUNIT_EXPECT_EQ(test, (int)skb->ip_summed, CHECKSUM_PARTIAL);
		memcpy(want + check, out + check, 2);
		KUNIT_EXPECT_MEMEQ(test, out, want, len);
		return;
	}
	if (d->flags & NETCX_TXD_L4_CSUM) {
		unsigned int start = d->l4_offset, at = start + d->csum_offset;

		KUNIT_EXPECT_EQ(test, (int)skb->ip_summed, CHECKSUM_PARTIAL);
		KUNIT_EXPECT_EQ(test, skb_checksum_start_offset(skb), start);
		KUNIT_EXPECT_EQ(test, skb->csum_offset, d->csum_offset);
		KUNIT_EXPECT_EQ(test, at, check);
		if (p->proto != IPPROTO_ICMP)
			KUNIT_EXPECT_EQ(test, tb_get16(out + check),
					tb_fold(tb_pseudo_sum(out + nh, p->proto,
							      len - th)));
		/* the hardware */
		if (at + 2 <= len)
			tb_put16(out + at,
				 ~tb_fold(tb_sum(out + start, len - start, 0)));
	} else {
		KUNIT_EXPECT_NE(test, (int)skb->ip_summed, CHECKSUM_PARTIAL);
	}
	KUNIT_EXPECT_EQ_MSG(test, tb_l4_sum(p, out, len, push), 0xffff,
			    "packet %u", i);
	memcpy(want + check, out + check, 2);
	KUNIT_EXPECT_MEMEQ(test, out, want, len);
}

/* Every tx_*_sw count is also counted under one reason, but malformed. */
static void xt_expect_reasons(struct kunit *test, struct netcx_adapter *ad,
			      const struct tc_snap *s)
{
	u64 *now = kunit_kcalloc(test, s->n, sizeof(u64), GFP_KERNEL);
	u64 sw = 0, why = 0;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, now);
	tc_read(ad, now);
	for (i = 0; i < s->n; i++) {
		const char *name = tc_name(s, i);

		if (!strncmp(name, "tx_fallback_", 12) &&
		    strcmp(name, "tx_fallback_malformed"))
			why += now[i];
		else if (!strncmp(name, "tx_", 3) &&
			 !strcmp(name + strlen(name) - 3, "_sw"))
			sw += now[i];
	}
	KUNIT_EXPECT_EQ(test, sw, why);
}

struct xt_run {
	struct kunit *test;
	const struct xmit_case *c;
	struct netcx_adapter *ad;
	struct tb_pkt p;
	struct xt_wire w;
	struct tc_snap s;
};

static void xt_run_init(struct kunit *test, struct xt_run *r)
{
	const struct xmit_case *c = test->param_value;

	r->test = test;
	r->c = c;
	r->ad = xt_setup(test, c->profile, c->off);
	tb_pkt_init(test, &r->p, c->hdrs);
	r->w.p = &r->p;
	r->w.push = c->tag_proto && (c->strip & S_VLAN) ? VLAN_HLEN : 0;
	r->w.tag_proto = c->tag_proto;
	r->w.tci = c->tci;
	r->w.mss = c->mss;
	r->w.k = c->mss ? DIV_ROUND_UP(r->p.len - r->p.hlen, c->mss) : 1;
	r->w.out = kunit_kzalloc(test, r->p.len + VLAN_HLEN, GFP_KERNEL);
	r->w.want = kunit_kzalloc(test, r->p.len + VLAN_HLEN, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, r->w.out);
	KUNIT_ASSERT_NOT_NULL(test, r->w.want);
	tc_init(test, r->ad, &r->s);
}

/*
 * The segments of a NETCX_TX_SEGMENTED skb, each through
 * netcx_tx_prepare() as a driver does, checked on the wire.
 */
static void xt_segments(struct xt_run *r, struct sk_buff *segs,
			const struct netcx_tx_desc *want)
{
	struct kunit *test = r->test;
	struct sk_buff *seg, *next;
	struct netcx_tx_desc d;
	unsigned int i = 0;

	skb_list_walk_safe(segs, seg, next) {
		int ret;

		skb_mark_not_on_list(seg);
		ret = netcx_test_tx_prepare(r->ad, &seg, &d);
		KUNIT_EXPECT_EQ_MSG(test, ret, 0, "segment %u", i);
		if (ret == 0) {
			if (want)
				xt_expect_desc(test, &d, want, "segment");
			if (i < r->w.k)
				xt_wire_check(test, &r->w, seg, &d, i);
			kfree_skb(seg);
		}
		i++;
	}
	KUNIT_EXPECT_EQ(test, i, r->w.k);
}

static void xmit_test(struct kunit *test)
{
	const netdev_features_t mask = NETIF_F_CSUM_MASK | NETIF_F_GSO_MASK |
				       NETIF_F_HW_VLAN_CTAG_TX |
				       NETIF_F_HW_VLAN_STAG_TX;
	const struct xmit_case *c = test->param_value;
	netdev_features_t offered, got, strip = 0;
	struct netcx_tx_desc desc;
	struct sk_buff *skb;
	struct xt_run r;
	int ret;

	xt_run_init(test, &r);

	/* ndo_features_check */
	skb = xt_skb(test, &r.p, c, netcx_adapter_netdev(r.ad));
	offered = netcx_adapter_netdev(r.ad)->features;
	got = netcx_test_features_check(r.ad, skb, offered);
	kfree_skb(skb);
	if (c->strip & S_CSUM)
		strip |= NETIF_F_CSUM_MASK;
	if (c->strip & S_GSO)
		strip |= NETIF_F_GSO_MASK;
	if (c->strip & S_VLAN)
		strip |= NETIF_F_HW_VLAN_CTAG_TX | NETIF_F_HW_VLAN_STAG_TX;
	KUNIT_EXPECT_EQ(test, got & mask, offered & mask & ~strip);
	/* the driver's bits stay (vlan_features_check() drops RX bits) */
	KUNIT_EXPECT_EQ(test, got & DRIVER_BITS, offered & DRIVER_BITS);
	tc_expect(test, r.ad, &r.s, c->fc, "features_check");

	/* ndo_start_xmit, the check bypassed */
	skb = xt_skb(test, &r.p, c, netcx_adapter_netdev(r.ad));
	ret = netcx_test_tx_prepare(r.ad, &skb, &desc);
	KUNIT_EXPECT_EQ(test, ret, c->ret);
	tc_expect(test, r.ad, &r.s, c->tx, "tx_prepare");
	if (ret < 0) {
		KUNIT_EXPECT_NULL(test, skb);
		return;
	}
	KUNIT_ASSERT_NOT_NULL(test, skb);
	xt_expect_desc(test, &desc, &c->desc, "packet");
	if (ret == NETCX_TX_SEGMENTED) {
		xt_segments(&r, skb, &c->seg_desc);
		tc_expect(test, r.ad, &r.s, c->seg_tx, "segments");
	} else {
		if (c->sum == SUM_PARTIAL && c->bad != BAD_CSUM_START &&
		    c->bad != BAD_CSUM_FIELD) {
			r.w.k = 1;
			xt_wire_check(test, &r.w, skb, &desc, 0);
		} else if (c->sum == SUM_PARTIAL) {
			/* not the transport checksum: no wire check */
			if (!desc.flags)
				KUNIT_EXPECT_EQ(test, (int)skb->ip_summed,
						CHECKSUM_NONE);
		} else {
			KUNIT_EXPECT_EQ(test, (int)skb->ip_summed,
					CHECKSUM_NONE);
		}
		kfree_skb(skb);
	}
	xt_expect_reasons(test, r.ad, &r.s);
}

/*
 * validate_xmit_skb(), as far as offloads go: netif_skb_features() (which
 * calls netcx_ndo_features_check(), the driver's ndo_features_check), the
 * tag, segmentation, checksum. Returns the skbs for the driver, or NULL.
 */
static struct sk_buff *xt_validate(struct sk_buff *skb)
{
	netdev_features_t features;
	struct sk_buff *segs;

	features = netif_skb_features(skb);
	if (skb_vlan_tag_present(skb) &&
	    !vlan_hw_offload_capable(features, skb->vlan_proto)) {
		skb = __vlan_hwaccel_push_inside(skb);
		if (!skb)
			return NULL;
	}
	if (netif_needs_gso(skb, features)) {
		segs = skb_gso_segment(skb, features);
		if (IS_ERR(segs)) {
			kfree_skb(skb);
			return NULL;
		}
		if (segs) {
			consume_skb(skb);
			skb = segs;
		}
	} else if (skb->ip_summed == CHECKSUM_PARTIAL) {
		skb_set_transport_header(skb, skb_checksum_start_offset(skb));
		if (skb_csum_hwoffload_help(skb, features)) {
			kfree_skb(skb);
			return NULL;
		}
	}
	return skb;
}

/*
 * The same packets through the stack's path: whatever netcx_features_check()
 * stripped is done by the stack before netcx_tx_prepare(), and the two
 * together count exactly what netcx_tx_prepare() alone does.
 */
static void xmit_stack_test(struct kunit *test)
{
	struct tc_count want[ARRAY_SIZE(xmit_cases[0].tx) +
			     ARRAY_SIZE(xmit_cases[0].seg_tx) + 1];
	const struct xmit_case *c = test->param_value;
	struct sk_buff *skb, *seg, *next;
	unsigned int i = 0, n = 0, k = 0;
	struct netcx_tx_desc d;
	struct xt_run r;
	int j;

	if (c->stack == STACK_SKIP)
		kunit_skip(test, "the stack warns on this packet");
	xt_run_init(test, &r);

	skb = xt_skb(test, &r.p, c, netcx_adapter_netdev(r.ad));
	local_bh_disable();
	skb = xt_validate(skb);
	local_bh_enable();

	for (seg = skb; seg; seg = seg->next)
		k++;
	/* one skb: not segmented by the stack (the hardware may) */
	if (k == 1)
		r.w.k = 1;
	else if (c->stack == STACK_SAME)
		KUNIT_EXPECT_EQ(test, k, r.w.k);

	skb_list_walk_safe(skb, seg, next) {
		int ret;

		skb_mark_not_on_list(seg);
		ret = netcx_test_tx_prepare(r.ad, &seg, &d);
		if (ret == NETCX_TX_SEGMENTED) {
			KUNIT_FAIL(test, "segmented after the stack's path");
			kfree_skb_list(seg);
		} else if (ret == 0) {
			if (c->stack == STACK_SAME && c->sum == SUM_PARTIAL &&
			    i < r.w.k)
				xt_wire_check(test, &r.w, seg, &d, i);
			kfree_skb(seg);
		}
		i++;
	}

	if (c->stack == STACK_SAME) {
		for (j = 0; j < ARRAY_SIZE(c->tx) && c->tx[j].name; j++)
			want[n++] = c->tx[j];
		for (j = 0; j < ARRAY_SIZE(c->seg_tx) && c->seg_tx[j].name; j++)
			want[n++] = c->seg_tx[j];
		want[n].name = NULL;
		/* both steps, from the first snapshot */
		tc_expect(test, r.ad, &r.s, want, "stack path");
	}
	xt_expect_reasons(test, r.ad, &r.s);
}

/* ---- the counters themselves ---- */

static void stats_names_test(struct kunit *test)
{
	static const char * const expected[] = {
		"tx_csum_hw", "tx_csum_sw", "tx_lso_hw", "tx_lso_sw",
		"tx_uso_hw", "tx_uso_sw", "tx_vlan_hw", "tx_vlan_sw",
		"tx_offload_dropped", "tx_lso_hw_segs", "tx_uso_hw_segs",
		"tx_tnl_csum_hw", "tx_tnl_csum_sw", "tx_tnl_gso_hw",
		"tx_tnl_gso_sw", "tx_tnl_gso_hw_segs",
		"tx_fallback_ipv4_options", "tx_fallback_ipv6_exthdr",
		"tx_fallback_tcp_options", "tx_fallback_l3_offset",
		"tx_fallback_l4_offset", "tx_fallback_too_few_segs",
		"tx_fallback_too_large", "tx_fallback_too_many_segs",
		"tx_fallback_unknown_l4", "tx_fallback_multi_tag",
		"tx_fallback_unsupported", "tx_fallback_kind_disabled",
		"tx_fallback_inactive", "tx_fallback_malformed",
		"tx_fallback_unknown_port", "tx_fallback_unknown_tunnel",
		"tx_fallback_outer_options", "tx_fallback_inner_options",
		"tx_fallback_inner_offset",
		"rx_csum_valid", "rx_csum_invalid", "rx_csum_not_checked",
		"rx_csum_inactive", "rx_csum_complete", "rx_csum_inner_valid",
		"rx_vlan_hw", "rx_vlan_sw",
		"rx_rsc_packets", "rx_rsc_segments", "rx_rsc_bytes",
		"rx_rsc_refused_inactive", "rx_rsc_refused_shape",
		"rx_rsc_refused_csum", "rx_rsc_refused_malformed",
		"rx_rsc_refused_nomem",
	};
	struct netcx_adapter *ad = xt_setup(test, XT_FULL, 0);
	struct tc_snap s;
	u64 *vals;
	int i;

	tc_init(test, ad, &s);
	KUNIT_ASSERT_EQ(test, s.n, ARRAY_SIZE(expected));
	for (i = 0; i < s.n; i++) {
		KUNIT_EXPECT_STREQ(test, tc_name(&s, i), expected[i]);
		KUNIT_EXPECT_EQ(test, s.vals[i], 0);
	}
	/* the driver's own values around netcx's stay untouched */
	vals = kunit_kcalloc(test, s.n + 2, sizeof(u64), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, vals);
	vals[0] = 7;
	vals[s.n + 1] = 9;
	vals++;
	tc_read(ad, vals);
	KUNIT_EXPECT_EQ(test, vals[-1], 7);
	KUNIT_EXPECT_EQ(test, vals[s.n], 9);
}

/* Counts from several packets add up; each adapter counts its own. */
static void stats_sum_test(struct kunit *test)
{
	const struct xmit_case *c = &xmit_cases[0];	/* full tcp4 */
	struct netcx_adapter *ad = xt_setup(test, XT_FULL, 0);
	struct netcx_tx_desc desc;
	struct sk_buff *skb;
	struct tc_snap s;
	struct tb_pkt p;
	int i;

	tc_init(test, ad, &s);
	tb_pkt_init(test, &p, c->hdrs);
	for (i = 0; i < 5; i++) {
		skb = xt_skb(test, &p, c, netcx_adapter_netdev(ad));
		KUNIT_EXPECT_EQ(test, netcx_test_tx_prepare(ad, &skb, &desc), 0);
		kfree_skb(skb);
	}
	KUNIT_EXPECT_EQ(test, tc_get(test, ad, &s, "tx_csum_hw"), 5);
	KUNIT_EXPECT_EQ(test, tc_get(test, ad, &s, "tx_csum_sw"), 0);
}

/* A case of the table by its name. */
static const struct xmit_case *xt_case(struct kunit *test, const char *name)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(xmit_cases); i++)
		if (!strcmp(xmit_cases[i].name, name))
			return &xmit_cases[i];
	KUNIT_FAIL(test, "no case %s", name);
	return NULL;
}

/*
 * The netdev family's queue statistics: netcx's stat_ops on the device,
 * its counters under the standard names, the rest left unreported.
 */
static void stats_qstats_test(struct kunit *test)
{
#ifdef NETCX_HAVE_QSTATS
	const struct xmit_case *csum = xt_case(test, "full tcp4");
	const struct xmit_case *gso = xt_case(test, "full tcp4 gso");
	struct netcx_adapter *ad = xt_setup(test, XT_FULL, 0);
	struct net_device *dev = netcx_adapter_netdev(ad);
	struct netdev_queue_stats_rx rx;
	struct netdev_queue_stats_tx tx;
	const struct xmit_case *c;
	struct netcx_tx_desc desc;
	struct sk_buff *skb;
	struct tb_pkt p;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, csum);
	KUNIT_ASSERT_NOT_NULL(test, gso);
	KUNIT_ASSERT_NOT_NULL(test, dev->stat_ops);
	KUNIT_ASSERT_NOT_NULL(test, dev->stat_ops->get_base_stats);
	for (i = 0; i < 6; i++) {
		c = i < 5 ? csum : gso;
		tb_pkt_init(test, &p, c->hdrs);
		skb = xt_skb(test, &p, c, dev);
		KUNIT_EXPECT_EQ(test, netcx_test_tx_prepare(ad, &skb, &desc), 0);
		kfree_skb(skb);
	}
	memset(&rx, 0xff, sizeof(rx));
	memset(&tx, 0xff, sizeof(tx));
	dev->stat_ops->get_base_stats(dev, &rx, &tx);
	/* five checksums, and the three segments of the GSO skb */
	KUNIT_EXPECT_EQ(test, tx.needs_csum, 8);
	KUNIT_EXPECT_EQ(test, tx.hw_gso_packets, 1);
	KUNIT_EXPECT_EQ(test, tx.hw_gso_wire_packets, 3);
	KUNIT_EXPECT_EQ(test, rx.csum_unnecessary, 0);
	KUNIT_EXPECT_EQ(test, rx.csum_none, 0);
	KUNIT_EXPECT_EQ(test, rx.csum_bad, 0);
	KUNIT_EXPECT_EQ(test, rx.hw_gro_packets, 0);
	KUNIT_EXPECT_EQ(test, rx.hw_gro_wire_packets, 0);
	/* the device's own counters, from dev_get_stats() */
	KUNIT_EXPECT_EQ(test, tx.packets, 0);
	KUNIT_EXPECT_EQ(test, rx.bytes, 0);
	/* what netcx does not count stays unreported (all ones) */
	KUNIT_EXPECT_EQ(test, tx.csum_none, U64_MAX);
	KUNIT_EXPECT_EQ(test, tx.hw_gso_bytes, U64_MAX);
	KUNIT_EXPECT_EQ(test, rx.hw_drops, U64_MAX);
#else
	kunit_skip(test, "this kernel has no netdev queue statistics (before 6.10)");
#endif
}

/*
 * Segmentation seeds: a GSO packet the hardware segments has, in a header
 * of its own, the pseudo-header sum over a zero length and (IPv4) a zero
 * header checksum; a clone keeps the header the stack wrote. A packet
 * segmented in software, or only checksummed, is left as it was.
 */
static void lso_seed_case(struct kunit *test, bool v6, bool seg_hw)
{
	static u8 buf[3200];
	const struct tb_layer *l = v6 ? L(ETH, IP6, TCPO, DATA(3000)) :
					L(ETH, IP4, TCPO, DATA(3000));
	unsigned int len, nh = ETH_HLEN, th = ETH_HLEN + (v6 ? 40 : 20);
	struct netcx_tx_desc desc;
	struct sk_buff *skb, *clone;
	__sum16 want, stack, ipsum = 0;
	struct netcx_adapter *ad;
	int ret;

	ad = xt_setup(test, XT_SEED, seg_hw ? 0 : NETIF_F_TSO | NETIF_F_TSO6);
	len = tb_build(buf, sizeof(buf), l);
	KUNIT_ASSERT_GT(test, len, 0);
	skb = tb_skb(test, buf, len, th + 32 + 100);
	skb->dev = test->priv;
	skb->protocol = htons(v6 ? ETH_P_IPV6 : ETH_P_IP);
	skb_set_network_header(skb, nh);
	skb_set_transport_header(skb, th);
	skb->ip_summed = CHECKSUM_PARTIAL;
	skb->csum_start = skb_transport_header(skb) - skb->head;
	skb->csum_offset = offsetof(struct tcphdr, check);
	if (v6) {
		stack = ~csum_ipv6_magic(&ipv6_hdr(skb)->saddr,
					 &ipv6_hdr(skb)->daddr, len - th,
					 IPPROTO_TCP, 0);
		want = ~csum_ipv6_magic(&ipv6_hdr(skb)->saddr,
					&ipv6_hdr(skb)->daddr, 0, IPPROTO_TCP, 0);
	} else {
		stack = ~csum_tcpudp_magic(ip_hdr(skb)->saddr,
					   ip_hdr(skb)->daddr, len - th,
					   IPPROTO_TCP, 0);
		want = ~csum_tcpudp_magic(ip_hdr(skb)->saddr,
					  ip_hdr(skb)->daddr, 0, IPPROTO_TCP, 0);
		ipsum = ip_hdr(skb)->check;
		KUNIT_ASSERT_NE(test, (__force u16)ipsum, 0);
	}
	tcp_hdr(skb)->check = stack;
	skb_shinfo(skb)->gso_size = 1000;
	skb_shinfo(skb)->gso_type = v6 ? SKB_GSO_TCPV6 : SKB_GSO_TCPV4;
	skb_shinfo(skb)->gso_segs = 3;
	clone = skb_clone(skb, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, clone);

	local_bh_disable();
	ret = netcx_tx_prepare(ad, &skb, &desc);
	local_bh_enable();
	if (!seg_hw) {
		KUNIT_EXPECT_EQ(test, ret, NETCX_TX_SEGMENTED);
		kfree_skb_list(skb);
		/* the segments are the stack's: the clone is untouched too */
		KUNIT_EXPECT_EQ(test, (__force u16)tcp_hdr(clone)->check,
				(__force u16)stack);
		kfree_skb(clone);
		return;
	}
	KUNIT_ASSERT_EQ(test, ret, 0);
	KUNIT_EXPECT_TRUE(test, desc.flags & NETCX_TXD_LSO);
	KUNIT_EXPECT_EQ(test, desc.hdr_len, th + 32);
	KUNIT_EXPECT_EQ(test, (__force u16)tcp_hdr(skb)->check,
			(__force u16)want);
	if (!v6)
		KUNIT_EXPECT_EQ(test, (__force u16)ip_hdr(skb)->check, 0);
	/* the stack's copy (TCP keeps one to retransmit) as it was */
	KUNIT_EXPECT_EQ(test, (__force u16)tcp_hdr(clone)->check,
			(__force u16)stack);
	if (!v6)
		KUNIT_EXPECT_EQ(test, (__force u16)ip_hdr(clone)->check,
				(__force u16)ipsum);
	kfree_skb(skb);
	kfree_skb(clone);
}

static void lso_seed_test(struct kunit *test)
{
	lso_seed_case(test, false, true);
	netcx_test_exit(test);
	test->priv = NULL;
	lso_seed_case(test, true, true);
	netcx_test_exit(test);
	test->priv = NULL;
	lso_seed_case(test, false, false);
}

static void lso_seed_verify_test(struct kunit *test)
{
	struct netcx_gso_caps lso = netcx_test_profiles[NETCX_TEST_SEED].lso;

	lso.seed = BIT(7);
	KUNIT_EXPECT_STREQ(test, netcx_check_lso(&lso),
			   "unknown segmentation seed flag");
	lso.seed = NETCX_GSO_SEED_ALL;
	KUNIT_EXPECT_NULL(test, netcx_check_lso(&lso));
}

static struct kunit_case netcx_xmit_test_cases[] = {
	KUNIT_CASE_PARAM(xmit_test, xmit_gen_params),
	KUNIT_CASE_PARAM(xmit_stack_test, xmit_gen_params),
	KUNIT_CASE(lso_seed_test),
	KUNIT_CASE(lso_seed_verify_test),
	KUNIT_CASE(stats_names_test),
	KUNIT_CASE(stats_sum_test),
	KUNIT_CASE(stats_qstats_test),
	{}
};

static struct kunit_suite netcx_xmit_test_suite = {
	.name = "netcx_xmit",
	.init = netcx_test_init,
	.exit = netcx_test_exit,
	.test_cases = netcx_xmit_test_cases,
};

kunit_test_suite(netcx_xmit_test_suite);

MODULE_DESCRIPTION("KUnit tests for the netcx per-packet transmit policy");
MODULE_IMPORT_NS(NETCX_NS);
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_LICENSE("GPL");
