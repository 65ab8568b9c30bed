// SPDX-License-Identifier: GPL-2.0
/*
 * The per-packet transmit policy: for one walked packet, what the hardware
 * may do (checksum, segmentation, tag insertion) and, for what it may not,
 * why. netcx_features_check() and netcx_tx_prepare() both ask
 * netcx_tx_decide(), so the two cannot disagree.
 */
#include <kunit/visibility.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <linux/udp.h>

#include <netcx/netcx.h>

#include "core.h"
#include "policy.h"

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
 */

#define NETCX_L4_KINDS	(NETCX_TCP4 | NETCX_UDP4 | NETCX_TCP6 | NETCX_UDP6)
#define NETCX_TAGS	(NETCX_TAG_PRIO | NETCX_TAG_VLAN)

static bool netcx_covers(u32 have, u32 want, bool any)
{
	return any ? have & want : !(want & ~have);
}

/*
 * Why the kinds @need of @off are not all active in @act (with @any: why
 * none is): inactive when permitted, kind_disabled when declared,
 * unsupported otherwise.
 */
static u8 netcx_why_kinds(const struct netcx_adapter *ad,
			  enum netcx_offload off, u32 need, u32 act, bool any)
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

/* The packet kind of a walked TCP or UDP packet; 0 for anything else. */
static u32 netcx_l4_kind(const struct netcx_pkt_layout *lay)
{
	bool v4 = lay->l3 == NETCX_PKT_L3_IPV4;

	if (lay->flags & NETCX_PKT_FRAG)
		return 0;
	switch (lay->l4) {
	case NETCX_PKT_L4_TCP:
		return v4 ? NETCX_TCP4 : NETCX_TCP6;
	case NETCX_PKT_L4_UDP:
		return v4 ? NETCX_UDP4 : NETCX_UDP6;
	default:
		return 0;
	}
}

static u16 netcx_l4_check(const struct netcx_pkt_layout *lay)
{
	return lay->l4 == NETCX_PKT_L4_TCP ? offsetof(struct tcphdr, check) :
					     offsetof(struct udphdr, check);
}

static u8 netcx_l4_proto(const struct netcx_pkt_layout *lay)
{
	return lay->l4 == NETCX_PKT_L4_TCP ? IPPROTO_TCP : IPPROTO_UDP;
}

/* The layer shape against layer flags @l3 and @l4. */
static u8 netcx_why_shape(const struct netcx_pkt_layout *lay, u8 l3, u8 l4)
{
	if ((lay->flags & NETCX_PKT_IPV4_OPTS) && !(l3 & NETCX_L3_IPV4_OPTS))
		return NETCX_WHY_IPV4_OPTIONS;
	if ((lay->flags & NETCX_PKT_IPV6_EXT) && !(l3 & NETCX_L3_IPV6_EXT))
		return NETCX_WHY_IPV6_EXTHDR;
	if ((lay->flags & NETCX_PKT_TCP_OPTS) && !(l4 & NETCX_L4_TCP_OPTS))
		return NETCX_WHY_TCP_OPTIONS;
	return NETCX_WHY_NONE;
}

/* Two tags or more, counting the out-of-band one: skb_vlan_tagged_multi(). */
static bool netcx_multi_tag(const struct netcx_pkt_layout *lay)
{
	return lay->tags + !!(lay->flags & NETCX_PKT_VLAN_HW) >= 2;
}

static u8 netcx_why_vlan(const struct netcx_adapter *ad, struct sk_buff *skb,
			 netdev_features_t features)
{
	u32 act = netcx_tx_kinds(ad, NETCX_OFFLOAD_VLAN_TX, features);
	u16 tci = skb_vlan_tag_get(skb);
	u32 need = 0;

	if (skb->vlan_proto != htons(ETH_P_8021Q))
		return NETCX_WHY_UNSUPPORTED;
	if (tci & VLAN_VID_MASK)
		need |= NETCX_TAG_VLAN;
	if (tci & VLAN_PRIO_MASK)
		need |= NETCX_TAG_PRIO;
	if (!need)
		return netcx_why_kinds(ad, NETCX_OFFLOAD_VLAN_TX, NETCX_TAGS,
				       act, true);
	return netcx_why_kinds(ad, NETCX_OFFLOAD_VLAN_TX, need, act, false);
}

/* Fills the offsets of a walked IP packet, @push bytes of tag to come. */
static void netcx_desc_offsets(struct netcx_tx_desc *desc,
			       const struct netcx_pkt_layout *lay,
			       unsigned int push)
{
	desc->l3_offset = push + lay->l2_len;
	desc->l4_offset = push + netcx_pkt_l4_offset(lay);
	if (lay->l3 == NETCX_PKT_L3_IPV6)
		desc->flags |= NETCX_TXD_IPV6;
}

static u8 netcx_decide_gso(const struct netcx_adapter *ad, struct sk_buff *skb,
			   const struct netcx_pkt_layout *lay,
			   netdev_features_t features, unsigned int push,
			   struct netcx_tx_verdict *v, struct netcx_tx_desc *desc)
{
	unsigned int gso_type = skb_shinfo(skb)->gso_type;
	unsigned int l4off = push + netcx_pkt_l4_offset(lay);
	unsigned int hlen = l4off + lay->l4_len;
	const struct netcx_gso_caps *caps;
	enum netcx_offload off;
	u32 kind, act;
	bool match;
	u8 why;

	v->segs = netcx_gso_segs(skb, lay);
	if (gso_type & (SKB_GSO_TCPV4 | SKB_GSO_TCPV6)) {
		off = NETCX_OFFLOAD_LSO;
		match = lay->l4 == NETCX_PKT_L4_TCP &&
			!(gso_type & ~NETCX_GSO_TCP) &&
			(gso_type & (SKB_GSO_TCPV4 | SKB_GSO_TCPV6)) ==
			(lay->l3 == NETCX_PKT_L3_IPV4 ? SKB_GSO_TCPV4 :
							SKB_GSO_TCPV6);
	} else if (gso_type & SKB_GSO_UDP_L4) {
		off = NETCX_OFFLOAD_USO;
		match = lay->l4 == NETCX_PKT_L4_UDP &&
			!(gso_type & ~NETCX_GSO_UDP);
	} else {
		return NETCX_WHY_UNKNOWN_L4;
	}
	v->gso_off = off;
	kind = netcx_l4_kind(lay);
	if (!match || !kind)
		return NETCX_WHY_UNKNOWN_L4;

	act = netcx_tx_kinds(ad, off, features);
	why = netcx_why_kinds(ad, off, kind, act, false);
	if (why)
		return why;
	/* TSO_ECN, TSO_MANGLEID, FRAGLIST; untrusted senders are fine */
	if (!skb_gso_ok(skb, features | NETIF_F_GSO_ROBUST))
		return NETCX_WHY_INACTIVE;
	if (netcx_multi_tag(lay))
		return NETCX_WHY_MULTI_TAG;
	caps = netcx_gso_limits(ad, off);
	why = netcx_why_shape(lay, caps->l3, caps->l4);
	if (why)
		return why;
	if (l4off > netcx_limit(caps->l4_offset_limit) || hlen > U16_MAX)
		return NETCX_WHY_L4_OFFSET;
	if (skb->len + push > caps->max_size)
		return NETCX_WHY_TOO_LARGE;
	if (v->segs > caps->max_segs)
		return NETCX_WHY_TOO_MANY_SEGS;
	if (v->segs < caps->min_segs)
		return NETCX_WHY_TOO_FEW_SEGS;

	netcx_desc_offsets(desc, lay, push);
	desc->flags |= NETCX_TXD_L4_CSUM;
	desc->flags |= off == NETCX_OFFLOAD_LSO ? NETCX_TXD_LSO : NETCX_TXD_USO;
	/* every segment's IPv4 header changes: the hardware must sum it */
	if (lay->l3 == NETCX_PKT_L3_IPV4)
		desc->flags |= NETCX_TXD_IPV4_CSUM;
	desc->csum_offset = netcx_l4_check(lay);
	desc->hdr_len = hlen;
	desc->mss = lay->gso_size;
	desc->segs = v->segs;
	desc->l4_proto = netcx_l4_proto(lay);
	return NETCX_WHY_NONE;
}

static u8 netcx_decide_generic(const struct netcx_adapter *ad,
			       struct sk_buff *skb,
			       const struct netcx_pkt_layout *lay, u32 kind,
			       u32 act, unsigned int push,
			       struct netcx_tx_desc *desc)
{
	unsigned int start = push + skb_checksum_start_offset(skb);
	u8 why;

	if (kind)
		why = netcx_why_kinds(ad, NETCX_OFFLOAD_TX_CSUM, kind, act,
				      false);
	else
		why = netcx_why_kinds(ad, NETCX_OFFLOAD_TX_CSUM, NETCX_L4_KINDS,
				      act, true);
	if (why)
		return why;
	if (start > netcx_limit(ad->tx_csum.l4_offset_limit))
		return NETCX_WHY_L4_OFFSET;

	netcx_desc_offsets(desc, lay, push);
	desc->flags |= NETCX_TXD_L4_CSUM;
	desc->l4_offset = start;
	desc->csum_offset = skb->csum_offset;
	desc->l4_proto = kind ? netcx_l4_proto(lay) : 0;
	return NETCX_WHY_NONE;
}

static u8 netcx_decide_csum(const struct netcx_adapter *ad, struct sk_buff *skb,
			    const struct netcx_pkt_layout *lay,
			    netdev_features_t features, unsigned int push,
			    struct netcx_tx_desc *desc)
{
	const struct netcx_tx_csum_caps *caps = &ad->tx_csum;
	unsigned int l4off = netcx_pkt_l4_offset(lay);
	u32 act, kind = netcx_l4_kind(lay);
	u8 why;

	if (skb_csum_is_sctp(skb))
		return NETCX_WHY_UNKNOWN_L4;
	/* the checksum asked for is the walked transport header's */
	if (skb_checksum_start_offset(skb) != l4off)
		kind = 0;
	act = netcx_tx_kinds(ad, NETCX_OFFLOAD_TX_CSUM, features);
	if (caps->generic)
		return netcx_decide_generic(ad, skb, lay, kind, act, push, desc);

	if (!kind || skb->csum_offset != netcx_l4_check(lay))
		return NETCX_WHY_UNKNOWN_L4;
	why = netcx_why_kinds(ad, NETCX_OFFLOAD_TX_CSUM, kind, act, false);
	if (why)
		return why;
	if (netcx_multi_tag(lay))
		return NETCX_WHY_MULTI_TAG;
	why = netcx_why_shape(lay, caps->l3, caps->l4);
	if (why)
		return why;
	if (push + lay->l2_len > netcx_limit(caps->l3_offset_limit))
		return NETCX_WHY_L3_OFFSET;
	if (push + l4off > netcx_limit(caps->l4_offset_limit))
		return NETCX_WHY_L4_OFFSET;

	netcx_desc_offsets(desc, lay, push);
	desc->flags |= NETCX_TXD_L4_CSUM;
	if (lay->l3 == NETCX_PKT_L3_IPV4 && (act & NETCX_IPV4_HDR))
		desc->flags |= NETCX_TXD_IPV4_CSUM;
	desc->csum_offset = skb->csum_offset;
	desc->l4_proto = netcx_l4_proto(lay);
	return NETCX_WHY_NONE;
}

/**
 * netcx_tx_decide() - decide what the hardware may do for one packet
 * @ad: the adapter.
 * @skb: the packet, as in ndo_start_xmit(); not changed.
 * @lay: its layout, when netcx_tx_walk() (policy.h) returned 0; else NULL.
 * @features: the features that say what is active (dev->features).
 * @v: set to the reasons; see "DOC: per-packet policy".
 * @desc: set to what the hardware is asked for, if the packet is sent as
 *	it is, after the software steps @v names (the tag pushed into the
 *	packet, the checksum computed); for a GSO skb segmented in software,
 *	what each segment's own decision will be.
 *
 * Reads the skb and the adapter; allocates nothing, locks nothing.
 */
void netcx_tx_decide(const struct netcx_adapter *ad, struct sk_buff *skb,
		     const struct netcx_pkt_layout *lay,
		     netdev_features_t features, struct netcx_tx_verdict *v,
		     struct netcx_tx_desc *desc)
{
	unsigned int push = 0;

	/* assignments, not memset(): no call on the transmit path */
	*v = (struct netcx_tx_verdict){ .gso_off = NETCX_OFFLOAD_MAX };
	*desc = (struct netcx_tx_desc){};

	if (skb_vlan_tag_present(skb)) {
		v->vlan_why = netcx_why_vlan(ad, skb, features);
		if (v->vlan_why) {
			push = VLAN_HLEN;
		} else {
			desc->flags |= NETCX_TXD_VLAN;
			desc->vlan_tci = skb_vlan_tag_get(skb);
		}
	}
	if (!lay)
		return;

	if (skb_is_gso(skb)) {
		v->gso_why = netcx_decide_gso(ad, skb, lay, features, push, v,
					      desc);
		if (!v->gso_why)
			return;
	}
	v->csum_why = netcx_decide_csum(ad, skb, lay, features, push, desc);
}

#if IS_ENABLED(CONFIG_KUNIT)
static bool netcx_same_layout(const struct netcx_pkt_layout *a,
			      const struct netcx_pkt_layout *b)
{
	return a->l2_len == b->l2_len && a->l3_len == b->l3_len &&
	       a->gso_size == b->gso_size && a->gso_segs == b->gso_segs &&
	       a->l4_len == b->l4_len && a->l3 == b->l3 && a->l4 == b->l4 &&
	       a->tags == b->tags && a->flags == b->flags;
}

static bool netcx_same_desc(const struct netcx_tx_desc *a,
			    const struct netcx_tx_desc *b)
{
	return a->flags == b->flags && a->l3_offset == b->l3_offset &&
	       a->l4_offset == b->l4_offset &&
	       a->csum_offset == b->csum_offset && a->hdr_len == b->hdr_len &&
	       a->mss == b->mss && a->segs == b->segs &&
	       a->vlan_tci == b->vlan_tci && a->l4_proto == b->l4_proto;
}

/**
 * netcx_tx_fast_disagrees() - check the fast path against the general one
 * @ad: the adapter.
 * @skb: a packet to transmit.
 * @features: the features that say what is active.
 *
 * For the KUnit suite: netcx_tx_kinds() must give netcx_kinds()' answer;
 * netcx_fc_keeps(), when it keeps every feature of a well-formed packet,
 * netcx_tx_decide()'s verdict of all in hardware;
 * netcx_pkt_walk_fast(), when it takes @skb, the layout of
 * netcx_pkt_walk_slow(); and netcx_tx_fast(), when it decides,
 * netcx_tx_decide()'s descriptor and reasons.
 *
 * Return: NULL when they agree, else what differs.
 */
VISIBLE_IF_KUNIT const char *
netcx_tx_fast_disagrees(const struct netcx_adapter *ad, struct sk_buff *skb,
			netdev_features_t features)
{
	static const enum netcx_offload tx[] = {
		NETCX_OFFLOAD_TX_CSUM, NETCX_OFFLOAD_LSO, NETCX_OFFLOAD_USO,
		NETCX_OFFLOAD_VLAN_TX,
	};
	struct netcx_pkt_layout fast, slow;
	struct netcx_tx_desc fdesc, sdesc;
	struct netcx_tx_verdict v;
	u8 gso_off, csum_why;
	unsigned int i;
	int err, start;

	for (i = 0; i < ARRAY_SIZE(tx); i++)
		if (netcx_tx_kinds(ad, tx[i], features) !=
		    netcx_kinds(ad, tx[i], features))
			return "netcx_tx_kinds() differs from netcx_kinds()";
	err = netcx_pkt_walk_slow(skb, &slow);
	/*
	 * netcx_features_check()'s fast answer, every feature kept: right
	 * for a malformed packet, else the decision's too
	 */
	start = skb_checksum_start_offset(skb);
	if (skb->ip_summed == CHECKSUM_PARTIAL && !skb_vlan_tag_present(skb) &&
	    netcx_fc_keeps(ad, skb, features) && !err && start >= 0 &&
	    start + skb->csum_offset + sizeof(__sum16) <= skb->len) {
		netcx_tx_decide(ad, skb, &slow, features, &v, &sdesc);
		if (v.gso_why || v.vlan_why || (!skb_is_gso(skb) && v.csum_why))
			return "netcx_fc_keeps() keeps a feature the decision takes";
	}
	if (!netcx_pkt_walk_fast(skb, &fast))
		return NULL;
	if (err)
		return "the fast walk takes a packet the general one refuses";
	if (!netcx_same_layout(&fast, &slow))
		return "the fast walk's layout differs";
	if (netcx_tx_walk(skb, &fast) ||
	    !netcx_tx_fast(ad, skb, &fast, features, &fdesc, &gso_off,
			   &csum_why))
		return NULL;
	netcx_tx_decide(ad, skb, &slow, features, &v, &sdesc);
	if (v.gso_why || v.vlan_why || v.csum_why != csum_why)
		return "the fast path's reasons differ from the decision's";
	if (gso_off != v.gso_off || !netcx_same_desc(&fdesc, &sdesc))
		return "the fast path's descriptor differs";
	return NULL;
}
EXPORT_SYMBOL_IF_KUNIT(netcx_tx_fast_disagrees);
#endif
