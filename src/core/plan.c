// SPDX-License-Identifier: GPL-2.0
/*
 * The transmit plan compiled at commit, and the names of the reasons when
 * one of its checks refuses a packet. The decision itself is inline, in
 * plan.h.
 */
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <linux/udp.h>

#include <netcx/netcx.h>

#include "core.h"
#include "plan.h"

/**
 * DOC: per-packet policy
 *
 * Each offload a packet asks for is checked in this order, and the first
 * check that fails names the reason (&enum netcx_why) it is done in
 * software instead:
 *
 * 802.1Q tag insertion (an skb with an out-of-band tag): a tag with a
 * non-zero VLAN id needs %NETCX_TAG_VLAN active, one with a non-zero
 * priority %NETCX_TAG_PRIO, a zero tag either; an 802.1ad tag is never
 * inserted by the hardware (unsupported). A tag left to software is pushed
 * into the packet first, and the checks below see it there.
 *
 * Segmentation (a GSO skb): unknown_l4 (a GSO type other than TCPV4/TCPV6
 * or UDP_L4, one that does not match the walked headers, a fragment); the
 * kind (TCP4, TCP6 for LSO, UDP4, UDP6 for USO) not active (unsupported,
 * kind_disabled, inactive; inactive also when skb_gso_ok() finds a feature
 * the skb needs off, such as %NETIF_F_TSO_ECN); multi_tag; the layer
 * shape against the LSO/USO flags (ipv4_options, ipv6_exthdr,
 * tcp_options); l4_offset against the LSO/USO limit; too_large (skb->len
 * above max_size); too_many_segs; too_few_segs. When the hardware
 * segments, it also checksums every segment and inserts the IPv4 header
 * checksums: nothing else is decided.
 *
 * Checksum (a %CHECKSUM_PARTIAL skb, or the segments of a GSO skb that is
 * segmented in software). A generic engine (&netcx_tx_csum_caps.generic)
 * parses nothing: SCTP's CRC32c is unknown_l4; a checksum at the walked
 * TCP/UDP header needs its kind active, any other one some TCP/UDP kind
 * active; then csum_start must be within the layer-4 offset limit. A
 * protocol-aware engine needs the checksum of the walked TCP/UDP header
 * (unknown_l4 otherwise), its kind active, a single tag (multi_tag), the
 * layer shape its flags allow, the IP header within the layer-3 offset
 * limit and the transport header within the layer-4 one.
 *
 * The active kinds come from the features given, the device's own
 * (dev->features) in both callers, never from the stack's per-packet
 * proposal: the stack's own per-packet rules (gso_features_check(),
 * harmonize_features()) are the stack's, applied on top.
 *
 * All of it is one rule per offload and packet class, compiled at commit
 * (&struct netcx_plan): the feature bits that make the kind active, the
 * shapes refused, the limits resolved, what to name when the kind is not
 * active. Per packet, netcx_plan_takes() (plan.h, inline) and
 * netcx_plan_decide() make a rule's checks in the order above, up to the
 * first that fails, which returns its NETCX_FAIL_* bit; only then is the
 * reason named, by netcx_plan_why().
 */

/* The reason of each NETCX_FAIL_* bit; the kind's is the rule's own. */
static const u8 netcx_fail_why[] = {
	[0] = NETCX_WHY_UNKNOWN_L4,
	[2] = NETCX_WHY_INACTIVE,
	[3] = NETCX_WHY_MULTI_TAG,
	[4] = NETCX_WHY_IPV4_OPTIONS,
	[5] = NETCX_WHY_IPV6_EXTHDR,
	[7] = NETCX_WHY_TCP_OPTIONS,
	[8] = NETCX_WHY_L3_OFFSET,
	[9] = NETCX_WHY_L4_OFFSET,
	[10] = NETCX_WHY_TOO_LARGE,
	[11] = NETCX_WHY_TOO_MANY_SEGS,
	[12] = NETCX_WHY_TOO_FEW_SEGS,
};

static_assert(NETCX_PKT_IPV4_OPTS << NETCX_FAIL_SHAPE_SHIFT == BIT(4));
static_assert(NETCX_PKT_IPV6_EXT << NETCX_FAIL_SHAPE_SHIFT == BIT(5));
static_assert(NETCX_PKT_TCP_OPTS << NETCX_FAIL_SHAPE_SHIFT == BIT(7));
static_assert(BIT(ARRAY_SIZE(netcx_fail_why) - 1) == NETCX_FAIL_TOO_FEW);

/**
 * netcx_plan_why() - name the reason a rule refused a packet
 * @r: the rule.
 * @fail: the NETCX_FAIL_* bit of the check that failed (for the shape, one
 *	or more bits: the lowest names the reason); not 0.
 *
 * Return: the reason, as "DOC: per-packet policy" names it.
 */
u8 netcx_plan_why(const struct netcx_tx_rule *r, u32 fail)
{
	unsigned int bit = __ffs(fail);

	if (fail == NETCX_FAIL_KIND)
		return r->off_why;
	if (WARN_ON_ONCE(bit >= ARRAY_SIZE(netcx_fail_why) ||
			 !netcx_fail_why[bit]))
		return NETCX_WHY_UNKNOWN_L4;
	return netcx_fail_why[bit];
}

static bool netcx_covers(u32 have, u32 want, bool any)
{
	return any ? have & want : !(want & ~have);
}

/*
 * Why the kinds @need of @off are not all active in @act (with @any: why
 * none is): inactive when permitted, kind_disabled when declared,
 * unsupported otherwise.
 */
u8 netcx_why_kinds(const struct netcx_adapter *ad, enum netcx_offload off,
		   u32 need, u32 act, bool any)
{
	u32 missing = need & ~act;

	if (any ? missing != need : !missing)
		return NETCX_WHY_NONE;
	if (netcx_covers(ad->permitted[off], missing, any))
		return NETCX_WHY_INACTIVE;
	if (netcx_covers(netcx_hw_kinds(ad, off), missing, any))
		return NETCX_WHY_KIND_DISABLED;
	return NETCX_WHY_UNSUPPORTED;
}

/* The feature bits that make one of @kinds of @off active (the plan's rows). */
static netdev_features_t netcx_plan_on(const struct netcx_plan *plan,
				       enum netcx_offload off, u32 kinds)
{
	netdev_features_t on = 0;
	int i;

	for (i = 0; i < NETCX_MAP_ROWS; i++)
		if (plan->kinds[off][i].kinds & kinds)
			on |= plan->kinds[off][i].feature;
	return on;
}

/*
 * Whether no packet of the fast walk can fail @r's tag, shape and offset
 * checks: it refuses neither IPv4 nor TCP options and its limits reach
 * past the farthest such header (ETH_HLEN bytes of layer 2).
 */
static bool netcx_rule_open(const struct netcx_tx_rule *r)
{
	return !(r->refuse & NETCX_PKT_SHAPES) &&
	       r->l3_limit >= ETH_HLEN && r->l4_limit >= NETCX_FAST_L4_MAX;
}

/* The layout flags that protocol flags @l3, @l4 refuse (NETCX_PKT_SHAPES). */
static u8 netcx_refused_shapes(u8 l3, u8 l4)
{
	return (l3 & NETCX_L3_IPV4_OPTS ? 0 : NETCX_PKT_IPV4_OPTS) |
	       (l3 & NETCX_L3_IPV6_EXT ? 0 : NETCX_PKT_IPV6_EXT) |
	       (l4 & NETCX_L4_TCP_OPTS ? 0 : NETCX_PKT_TCP_OPTS);
}

/* An offset limit of 0 means none; the descriptor's fields are 16 bits. */
static u16 netcx_limit(u16 limit)
{
	return limit ?: U16_MAX;
}

/* The shapes a packet of class @c can have. */
static u8 netcx_class_shapes(unsigned int c)
{
	bool tcp = c == NETCX_CLASS_TCP4 || c == NETCX_CLASS_TCP6;
	bool v4 = c == NETCX_CLASS_TCP4 || c == NETCX_CLASS_UDP4;

	return (v4 ? NETCX_PKT_IPV4_OPTS : NETCX_PKT_IPV6_EXT) |
	       (tcp ? NETCX_PKT_TCP_OPTS : 0);
}

static const u32 netcx_class_kind[NETCX_CLASS_OTHER] = {
	[NETCX_CLASS_TCP4] = NETCX_TCP4,
	[NETCX_CLASS_UDP4] = NETCX_UDP4,
	[NETCX_CLASS_TCP6] = NETCX_TCP6,
	[NETCX_CLASS_UDP6] = NETCX_UDP6,
};

/* What every rule of @off for the kinds @kinds has: activation and reason. */
static void netcx_rule_kinds(const struct netcx_adapter *ad,
			     struct netcx_tx_rule *r, enum netcx_offload off,
			     u32 kinds, bool any)
{
	r->on = netcx_plan_on(&ad->plan, off, kinds);
	/* not active: no kind of @kinds is, whatever the features */
	r->off_why = netcx_why_kinds(ad, off, kinds, 0, any);
	r->max_size = U32_MAX;
	r->max_segs = U16_MAX;
	r->l3_limit = U16_MAX;
	r->l4_limit = U16_MAX;
}

static void netcx_compile_csum(struct netcx_adapter *ad)
{
	const struct netcx_tx_csum_caps *caps = &ad->tx_csum;
	struct netcx_plan *plan = &ad->plan;
	struct netcx_tx_rule *r;
	unsigned int c;

	for (c = 0; c < NETCX_CLASS_OTHER; c++) {
		bool tcp = c == NETCX_CLASS_TCP4 || c == NETCX_CLASS_TCP6;

		r = &plan->csum[c];
		netcx_rule_kinds(ad, r, NETCX_OFFLOAD_TX_CSUM,
				 netcx_class_kind[c], false);
		r->flags = NETCX_TXD_L4_CSUM;
		r->l4_limit = netcx_limit(caps->l4_offset_limit);
		r->l4_proto = tcp ? IPPROTO_TCP : IPPROTO_UDP;
		if (caps->generic) {
			/* csum_start is the walked transport header's */
			r->open = netcx_rule_open(r);
			continue;
		}
		r->check = tcp ? offsetof(struct tcphdr, check) :
				 offsetof(struct udphdr, check);
		r->refuse = netcx_refused_shapes(caps->l3, caps->l4) &
			    netcx_class_shapes(c);
		r->one_tag = true;
		r->l3_limit = netcx_limit(caps->l3_offset_limit);
		if (c == NETCX_CLASS_TCP4 || c == NETCX_CLASS_UDP4)
			r->ipv4_on = netcx_plan_on(plan, NETCX_OFFLOAD_TX_CSUM,
						   NETCX_IPV4_HDR);
		r->open = netcx_rule_open(r);
	}

	/* any other checksum: some TCP/UDP kind active, a generic engine */
	r = &plan->csum[NETCX_CLASS_OTHER];
	netcx_rule_kinds(ad, r, NETCX_OFFLOAD_TX_CSUM, NETCX_L4_KINDS, true);
	r->flags = NETCX_TXD_L4_CSUM;
	r->l4_limit = netcx_limit(caps->l4_offset_limit);
	r->unknown = !caps->generic;
}

static void netcx_compile_gso(struct netcx_adapter *ad)
{
	struct netcx_plan *plan = &ad->plan;
	const struct netcx_gso_caps *caps;
	struct netcx_tx_rule *r;
	enum netcx_offload off;
	unsigned int c;

	for (c = 0; c < NETCX_CLASS_OTHER; c++) {
		bool tcp = c == NETCX_CLASS_TCP4 || c == NETCX_CLASS_TCP6;
		bool v4 = c == NETCX_CLASS_TCP4 || c == NETCX_CLASS_UDP4;

		off = tcp ? NETCX_OFFLOAD_LSO : NETCX_OFFLOAD_USO;
		caps = tcp ? &ad->lso : &ad->uso;
		r = &plan->gso[c];
		netcx_rule_kinds(ad, r, off, netcx_class_kind[c], false);
		r->max_size = caps->max_size;
		r->max_segs = caps->max_segs;
		r->min_segs = caps->min_segs;
		r->l4_limit = netcx_limit(caps->l4_offset_limit);
		r->refuse = netcx_refused_shapes(caps->l3, caps->l4) &
			    netcx_class_shapes(c);
		r->one_tag = true;
		r->flags = NETCX_TXD_L4_CSUM |
			   (tcp ? NETCX_TXD_LSO : NETCX_TXD_USO) |
			   /* every segment's IPv4 header changes */
			   (v4 ? NETCX_TXD_IPV4_CSUM : 0);
		if (tcp) {
			r->gso_need = v4 ? SKB_GSO_TCPV4 : SKB_GSO_TCPV6;
			r->gso_allow = NETCX_GSO_TCP &
				       ~(v4 ? SKB_GSO_TCPV6 : SKB_GSO_TCPV4);
			r->check = offsetof(struct tcphdr, check);
			r->l4_proto = IPPROTO_TCP;
		} else {
			r->gso_need = SKB_GSO_UDP_L4;
			r->gso_allow = NETCX_GSO_UDP;
			r->check = offsetof(struct udphdr, check);
			r->l4_proto = IPPROTO_UDP;
		}
		r->open = netcx_rule_open(r);
	}
}

/* Why each tag is not inserted, with the insertion feature off and on. */
static void netcx_compile_vlan(struct netcx_adapter *ad)
{
	static const netdev_features_t f[2] = { 0, NETIF_F_HW_VLAN_CTAG_TX };
	unsigned int tag, on;
	u32 need, act;

	for (tag = 0; tag < ARRAY_SIZE(ad->plan.vlan_why); tag++) {
		need = (tag & 1 ? NETCX_TAG_VLAN : 0) |
		       (tag & 2 ? NETCX_TAG_PRIO : 0);
		for (on = 0; on < ARRAY_SIZE(f); on++) {
			act = netcx_kinds(ad, NETCX_OFFLOAD_VLAN_TX, f[on]);
			ad->plan.vlan_why[tag][on] =
				need ? netcx_why_kinds(ad, NETCX_OFFLOAD_VLAN_TX,
						       need, act, false) :
				       netcx_why_kinds(ad, NETCX_OFFLOAD_VLAN_TX,
						       NETCX_TAGS, act, true);
		}
	}
}

/**
 * netcx_plan_compile() - compile the adapter's plan
 * @ad: the adapter at commit: its permitted kinds computed, the feature
 *	map's rows resolved into &netcx_plan.kinds.
 *
 * Fills the transmit rules and the tag reasons of &netcx_adapter.plan.
 */
void netcx_plan_compile(struct netcx_adapter *ad)
{
	memset(ad->plan.csum, 0, sizeof(ad->plan.csum));
	memset(ad->plan.gso, 0, sizeof(ad->plan.gso));
	ad->plan.tnl = !!(ad->declared & BIT(NETCX_OFFLOAD_TNL_CSUM));
	netcx_compile_csum(ad);
	netcx_compile_gso(ad);
	netcx_compile_vlan(ad);
}

/* The checksum and segmentation part of netcx_plan_decide(). */
static void netcx_plan_offloads(const struct netcx_plan *plan,
				struct sk_buff *skb,
				const struct netcx_pkt_layout *lay,
				netdev_features_t features, unsigned int push,
				struct netcx_tx_verdict *v,
				struct netcx_tx_desc *desc)
{
	enum netcx_class c = netcx_class_of(lay);
	u32 fail;

	if (skb_is_gso(skb)) {
		v->segs = lay->gso_segs;	/* the strict walk counted them */
		v->gso_off = netcx_gso_off(skb_shinfo(skb)->gso_type);
		fail = netcx_plan_gso(plan, skb, lay, features, push, v->segs,
				      c, desc, false);
		if (!fail)
			return;
		if (fail & NETCX_FAIL_UNKNOWN)
			v->gso_why = NETCX_WHY_UNKNOWN_L4;
		else
			v->gso_why = netcx_plan_why(&plan->gso[c], fail);
	}

	fail = netcx_plan_csum(plan, skb, lay, features, push, c, desc,
			       false);
	if (fail)
		v->csum_why = netcx_plan_why(netcx_plan_csum_rule(plan, skb,
								  lay, c),
					     fail);
}

/**
 * netcx_plan_vlan() - why an skb's out-of-band tag is inserted in software
 * @plan: the adapter's plan.
 * @skb: the packet.
 * @features: the features that say what is active (dev->features).
 *
 * Return: &enum netcx_why, %NETCX_WHY_NONE when the hardware inserts the
 * tag or there is none.
 */
u8 netcx_plan_vlan(const struct netcx_plan *plan, const struct sk_buff *skb,
		   netdev_features_t features)
{
	u16 tci;

	if (!skb_vlan_tag_present(skb))
		return NETCX_WHY_NONE;
	if (skb->vlan_proto != htons(ETH_P_8021Q))
		return NETCX_WHY_UNSUPPORTED;
	tci = skb_vlan_tag_get(skb);
	return plan->vlan_why[(tci & VLAN_VID_MASK ? 1 : 0) |
			      (tci & VLAN_PRIO_MASK ? 2 : 0)]
			     [features & NETIF_F_HW_VLAN_CTAG_TX ? 1 : 0];
}

/**
 * netcx_plan_decide() - the per-packet transmit decision, reasons named
 * @plan: the adapter's plan.
 * @skb: the packet, as in ndo_start_xmit(); not changed.
 * @lay: its layout, when netcx_tx_walk() returned 0; else NULL.
 * @features: the features that say what is active (dev->features).
 * @v: set to the reasons; see "DOC: per-packet policy".
 * @desc: NULL, or set to what the hardware is asked for if the packet is
 *	sent as it is, after the software steps @v names (the tag pushed,
 *	the checksum computed); for a GSO skb the hardware does not segment,
 *	what it is asked for each segment.
 *
 * The decision of netcx_plan_takes() for any packet, tags included, with
 * every reason named: the same rules, the same checks, in the same order.
 * Reads the skb and the plan; allocates nothing, locks nothing.
 *
 * Return: true when @v names a reason: something is left to software.
 */
bool netcx_plan_decide(const struct netcx_plan *plan, struct sk_buff *skb,
		       const struct netcx_pkt_layout *lay,
		       netdev_features_t features, struct netcx_tx_verdict *v,
		       struct netcx_tx_desc *desc)
{
	unsigned int push = 0;

	*v = (struct netcx_tx_verdict){ .gso_off = NETCX_OFFLOAD_MAX };
	if (desc)
		netcx_tx_desc_clear(desc);

	v->vlan_why = netcx_plan_vlan(plan, skb, features);
	if (v->vlan_why)
		push = VLAN_HLEN;
	if (lay)
		netcx_plan_offloads(plan, skb, lay, features, push, v, desc);
	/* the tag the hardware inserts, whatever else it does */
	if (desc && skb_vlan_tag_present(skb) && !v->vlan_why) {
		desc->flags |= NETCX_TXD_VLAN;
		desc->vlan_tci = skb_vlan_tag_get(skb);
	}
	return v->vlan_why || v->gso_why || v->csum_why;
}
