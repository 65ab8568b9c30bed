/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The transmit plan: what netcx_adapter_commit() compiles from the declared
 * capabilities, the keywords and the feature map, and the per-packet rule
 * checks that read it, inline for netcx_features_check() and
 * netcx_tx_prepare(). plan.c compiles the plan, decides any packet and
 * names the reasons.
 */
#ifndef _NETCX_CORE_PLAN_H
#define _NETCX_CORE_PLAN_H

#include <linux/if_vlan.h>
#include <linux/in.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#include <lib/walk.h>
#include <netcx/adapter.h>
#include <netcx/pkt.h>
#include <netcx/xmit.h>

#include "kinds.h"

struct netcx_adapter;

/* The GSO types hardware LSO and USO take; anything else is software. */
#define NETCX_GSO_TCP	(SKB_GSO_TCPV4 | SKB_GSO_TCPV6 | SKB_GSO_DODGY | \
			 SKB_GSO_TCP_ECN | SKB_GSO_TCP_FIXEDID)
#define NETCX_GSO_UDP	(SKB_GSO_UDP_L4 | SKB_GSO_DODGY)
/* The tunnel GSO types: a GSO skb with one of them takes the tunnel path. */
#define NETCX_GSO_TNL	(SKB_GSO_UDP_TUNNEL | SKB_GSO_UDP_TUNNEL_CSUM | \
			 SKB_GSO_GRE | SKB_GSO_GRE_CSUM | SKB_GSO_IPXIP4 | \
			 SKB_GSO_IPXIP6)

/* The farthest transport header a packet of the fast walk has. */
#define NETCX_FAST_L4_MAX	(ETH_HLEN + 60)

/* The layout flags that the LSO, USO and TX checksum flags allow or refuse. */
#define NETCX_PKT_SHAPES	(NETCX_PKT_IPV4_OPTS | NETCX_PKT_IPV6_EXT | \
				 NETCX_PKT_TCP_OPTS)

/*
 * The packet classes of the plan: TCP or UDP over IPv4 or IPv6, walked,
 * not a fragment, the checksum asked for (if any) the walked transport
 * header's; and every other packet (NETCX_CLASS_OTHER), which only a
 * generic checksum engine takes.
 */
enum netcx_class {
	NETCX_CLASS_TCP4,
	NETCX_CLASS_UDP4,
	NETCX_CLASS_TCP6,
	NETCX_CLASS_UDP6,
	NETCX_CLASS_OTHER,
	NETCX_CLASSES,
};

/*
 * The checks of a rule, one bit each, in the order the reasons are named
 * (plan.c, netcx_plan_why()). The shape bits are the layout's NETCX_PKT_*
 * bits shifted by NETCX_FAIL_SHAPE_SHIFT: of several, the lowest names
 * the reason.
 */
#define NETCX_FAIL_UNKNOWN	BIT(0)	/* not the class or GSO type the rule takes */
#define NETCX_FAIL_KIND		BIT(1)	/* the kind is not active: rule's @off_why */
#define NETCX_FAIL_GSO_OK	BIT(2)	/* skb_gso_ok() refuses: inactive */
#define NETCX_FAIL_MULTI_TAG	BIT(3)
/* IPv4 options BIT(4), IPv6 extension headers BIT(5), TCP options BIT(7) */
#define NETCX_FAIL_SHAPE_SHIFT	3
#define NETCX_FAIL_L3_OFFSET	BIT(8)
#define NETCX_FAIL_L4_OFFSET	BIT(9)
#define NETCX_FAIL_TOO_LARGE	BIT(10)
#define NETCX_FAIL_TOO_MANY	BIT(11)
#define NETCX_FAIL_TOO_FEW	BIT(12)

/**
 * struct netcx_tx_rule - what one engine takes of one packet class
 * @on: the class's kind is active while the device's features have one of
 *	these bits; 0: never (not permitted, or no engine).
 * @ipv4_on: a protocol-aware checksum engine also inserts the IPv4 header
 *	checksum while the features have one of these bits.
 * @max_size: segmentation: skb->len at most; U32_MAX otherwise.
 * @max_segs: segmentation: segments at most (resolved, never 0).
 * @min_segs: segmentation: segments at least.
 * @l3_limit: the layer-2 length at most (U16_MAX: no limit).
 * @l4_limit: the transport header's offset (csum_start) at most.
 * @gso_need: segmentation: the GSO type bit the skb must carry.
 * @gso_allow: segmentation: the GSO type bits the skb may carry.
 * @flags: the ``NETCX_TXD_*`` bits the descriptor gets.
 * @check: where the checksum field is in the transport header, which a
 *	protocol-aware engine requires of csum_offset (0: any).
 * @refuse: the ``NETCX_PKT_*`` shape bits the engine refuses.
 * @one_tag: two tags or more are refused (vlan_features_check()'s rule).
 * @unknown: the engine takes no packet of this class.
 * @open: no packet the fast walk takes (netcx_pkt_walk_fast(): untagged
 *	Ethernet, the transport header within %NETCX_FAST_L4_MAX bytes, IPv4
 *	or TCP options at most) can fail the tag, shape or offset checks:
 *	netcx_plan_takes() skips them.
 * @off_why: &enum netcx_why when the kind is not active.
 * @l4_proto: %IPPROTO_TCP, %IPPROTO_UDP, or 0 (the other class).
 */
struct netcx_tx_rule {
	netdev_features_t on;
	netdev_features_t ipv4_on;
	u32 max_size;
	u16 max_segs;
	u16 min_segs;
	u16 l3_limit;
	u16 l4_limit;
	u32 gso_need;
	u32 gso_allow;
	u16 flags;
	u8 check;
	u8 refuse;
	u8 one_tag;
	u8 unknown;
	u8 open;
	u8 off_why;
	u8 l4_proto;
};

/**
 * struct netcx_plan - the per-packet policy, compiled at commit
 * @csum: the TX checksum engine, per &enum netcx_class.
 * @gso: LSO (the TCP classes) and USO (the UDP ones).
 * @vlan_why: per tag (index: bit 0 a VLAN id, bit 1 a priority), and
 *	whether %NETIF_F_HW_VLAN_CTAG_TX is on (second index), why the
 *	hardware does not insert it (%NETCX_WHY_NONE: it does).
 * @kinds: per offload, the feature bits that switch kinds on and the
 *	permitted kinds each covers (netcx_kinds()).
 * @tnl: the device declared tunnel offloads: encapsulated packets take the
 *	tunnel decision (tnl_xmit.c).
 *
 * Read by the transmit and receive paths and netcx_active(), without a
 * lock; written at commit, before the device is registered, and by
 * netcx_update_keywords() while the device is down or detached ("DOC:
 * keywords after commit"). The features that say what is active are read
 * per packet (dev->features, once): the plan says which bits each packet
 * needs, so a feature change recompiles nothing.
 */
struct netcx_plan {
	struct netcx_tx_rule csum[NETCX_CLASSES];
	struct netcx_tx_rule gso[NETCX_CLASS_OTHER];
	u8 vlan_why[4][2];
	struct {
		netdev_features_t feature;
		u32 kinds;
	} kinds[NETCX_OFFLOAD_MAX][NETCX_MAP_ROWS];
	bool tnl;
};

void netcx_plan_compile(struct netcx_adapter *ad);
u8 netcx_plan_why(const struct netcx_tx_rule *r, u32 fail);
u8 netcx_why_kinds(const struct netcx_adapter *ad, enum netcx_offload off,
		   u32 need, u32 act, bool any);
u8 netcx_plan_vlan(const struct netcx_plan *plan, const struct sk_buff *skb,
		   netdev_features_t features);

/**
 * struct netcx_tx_verdict - what the hardware may do for one packet
 * @segs: for a GSO skb, the segments it yields (from its length, not from
 *	gso_segs, which an untrusted sender sets).
 * @gso_off: for a GSO skb, %NETCX_OFFLOAD_LSO or %NETCX_OFFLOAD_USO, or
 *	from the tunnel decision %NETCX_OFFLOAD_TNL_GSO; %NETCX_OFFLOAD_MAX
 *	for another GSO type (tunnels on a device without them, SCTP, ...).
 * @gso_why: for a GSO skb, &enum netcx_why segmentation is software.
 * @csum_why: &enum netcx_why the checksum is software: of the packet, or
 *	for a GSO skb segmented in software, of each segment. Not decided
 *	(0) when the hardware segments.
 * @vlan_why: &enum netcx_why the out-of-band 802.1Q tag is inserted in
 *	software.
 * @tnl: the tunnel decision made it (netcx_plan_decide_tnl()): the
 *	checksum is the inner one, counted in the ``tx_tnl_*`` counters.
 */
struct netcx_tx_verdict {
	u32 segs;
	u8 gso_off;
	u8 gso_why;
	u8 csum_why;
	u8 vlan_why;
	u8 tnl;
};

/* The checksum a %CHECKSUM_PARTIAL skb asks for lies inside the packet. */
static __always_inline bool netcx_csum_inside(const struct sk_buff *skb)
{
	int start = skb_checksum_start_offset(skb);

	return start >= 0 &&
	       start + skb->csum_offset + sizeof(__sum16) <= skb->len;
}

/*
 * Walks a packet to transmit, if it asks for an offload: only
 * %CHECKSUM_PARTIAL and GSO skbs are walked, the others ask the hardware
 * for nothing but, perhaps, a tag, which needs no walk. Returns 0 when
 * walked; 1 when there was nothing to walk; a negative errno for a
 * malformed packet: netcx_pkt_walk() failed, a GSO skb is not
 * %CHECKSUM_PARTIAL, or the checksum is not inside the packet.
 */
static __always_inline int netcx_tx_walk(struct sk_buff *skb,
					 struct netcx_pkt_layout *lay)
{
	int err;

	if (skb->ip_summed != CHECKSUM_PARTIAL)
		return skb_is_gso(skb) ? -EINVAL : 1;
	/* netcx_pkt_walk(), its fast path inline */
	if (!netcx_pkt_walk_fast(skb, lay)) {
		err = netcx_pkt_walk_slow(skb, lay);
		if (err)
			return err;
	}
	return netcx_csum_inside(skb) ? 0 : -EINVAL;
}

/*
 * The offload a GSO type asks for: %NETCX_OFFLOAD_LSO, %NETCX_OFFLOAD_USO,
 * or %NETCX_OFFLOAD_MAX for another type.
 */
static __always_inline u8 netcx_gso_off(unsigned int gso_type)
{
	if (gso_type & (SKB_GSO_TCPV4 | SKB_GSO_TCPV6))
		return NETCX_OFFLOAD_LSO;
	if (gso_type & SKB_GSO_UDP_L4)
		return NETCX_OFFLOAD_USO;
	return NETCX_OFFLOAD_MAX;
}

/* The class of a walked packet, from its layout. */
static __always_inline enum netcx_class
netcx_class_of(const struct netcx_pkt_layout *lay)
{
	unsigned int c;

	if (lay->l4 == NETCX_PKT_L4_TCP)
		c = NETCX_CLASS_TCP4;
	else if (lay->l4 == NETCX_PKT_L4_UDP)
		c = NETCX_CLASS_UDP4;
	else
		return NETCX_CLASS_OTHER;
	if (lay->flags & NETCX_PKT_FRAG)
		return NETCX_CLASS_OTHER;
	return c + (lay->l3 == NETCX_PKT_L3_IPV6 ? NETCX_CLASS_TCP6 : 0);
}

/*
 * The checks of @r for a GSO skb, in the order the reasons are named:
 * returns 0 when the hardware takes the packet, else the NETCX_FAIL_* bit
 * of the first check that fails (for the shape, its layout bits). @push:
 * the bytes of a tag to be pushed in software; @segs: the segments.
 */
static __always_inline u32 netcx_rule_gso(const struct netcx_tx_rule *r,
					  struct sk_buff *skb,
					  const struct netcx_pkt_layout *lay,
					  netdev_features_t features,
					  unsigned int push, u32 segs,
					  const bool fast)
{
	unsigned int gso_type = skb_shinfo(skb)->gso_type;
	unsigned int l4off = push + netcx_pkt_l4_offset(lay);

	if (!(gso_type & r->gso_need) || (gso_type & ~r->gso_allow))
		return NETCX_FAIL_UNKNOWN;
	if (!(features & r->on))
		return NETCX_FAIL_KIND;
	/* TSO_ECN, TSO_MANGLEID, FRAGLIST; untrusted senders are fine */
	if (!skb_gso_ok(skb, features | NETIF_F_GSO_ROBUST))
		return NETCX_FAIL_GSO_OK;
	if (fast && r->open)
		goto size;
	if (lay->tags + !!(lay->flags & NETCX_PKT_VLAN_HW) >= 2)
		return NETCX_FAIL_MULTI_TAG;
	if (lay->flags & r->refuse)
		return (u32)(lay->flags & r->refuse) << NETCX_FAIL_SHAPE_SHIFT;
	if (l4off > r->l4_limit || l4off + lay->l4_len > U16_MAX)
		return NETCX_FAIL_L4_OFFSET;
size:
	if (skb->len + push > r->max_size)
		return NETCX_FAIL_TOO_LARGE;
	if (segs > r->max_segs)
		return NETCX_FAIL_TOO_MANY;
	if (segs < r->min_segs)
		return NETCX_FAIL_TOO_FEW;
	return 0;
}

/*
 * The checks of @r for a %CHECKSUM_PARTIAL skb, csum_start at @start, as
 * netcx_rule_gso() makes them.
 */
static __always_inline u32 netcx_rule_csum(const struct netcx_tx_rule *r,
					   struct sk_buff *skb,
					   const struct netcx_pkt_layout *lay,
					   netdev_features_t features,
					   unsigned int push, unsigned int start,
					   const bool fast)
{
	if (r->unknown || skb_csum_is_sctp(skb) ||
	    (r->check && skb->csum_offset != r->check))
		return NETCX_FAIL_UNKNOWN;
	if (!(features & r->on))
		return NETCX_FAIL_KIND;
	if (fast && r->open)
		return 0;
	if (r->one_tag && lay->tags + !!(lay->flags & NETCX_PKT_VLAN_HW) >= 2)
		return NETCX_FAIL_MULTI_TAG;
	if (lay->flags & r->refuse)
		return (u32)(lay->flags & r->refuse) << NETCX_FAIL_SHAPE_SHIFT;
	if (push + lay->l2_len > r->l3_limit)
		return NETCX_FAIL_L3_OFFSET;
	if (start > r->l4_limit)
		return NETCX_FAIL_L4_OFFSET;
	return 0;
}

/*
 * Zeroes @desc field by field: the struct assignment, in a block the
 * compiler deems cold, may become a rep stosb, slower than the stores
 * (about 15 ns on a software checksum's path).
 */
static __always_inline void netcx_tx_desc_clear(struct netcx_tx_desc *desc)
{
	desc->flags = 0;
	desc->l3_offset = 0;
	desc->l4_offset = 0;
	desc->csum_offset = 0;
	desc->hdr_len = 0;
	desc->mss = 0;
	desc->segs = 0;
	desc->vlan_tci = 0;
	desc->l4_proto = 0;
	desc->tnl = 0;
	desc->il3_offset = 0;
	desc->il4_offset = 0;
}

/*
 * Segmentation of a GSO skb of class @c, @segs segments: the rule's checks
 * (netcx_rule_gso()) and, when none fails, the descriptor (if @desc, all
 * zero).
 */
static __always_inline u32 netcx_plan_gso(const struct netcx_plan *plan,
					  struct sk_buff *skb,
					  const struct netcx_pkt_layout *lay,
					  netdev_features_t features,
					  unsigned int push, u32 segs,
					  enum netcx_class c,
					  struct netcx_tx_desc *desc,
					  const bool fast)
{
	const struct netcx_tx_rule *r;
	unsigned int l4off;
	u32 fail;

	if (c == NETCX_CLASS_OTHER)
		return NETCX_FAIL_UNKNOWN;
	r = &plan->gso[c];
	fail = netcx_rule_gso(r, skb, lay, features, push, segs, fast);
	if (fail || !desc)
		return fail;
	l4off = push + netcx_pkt_l4_offset(lay);
	desc->flags |= r->flags;
	if (lay->l3 == NETCX_PKT_L3_IPV6)
		desc->flags |= NETCX_TXD_IPV6;
	desc->l3_offset = push + lay->l2_len;
	desc->l4_offset = l4off;
	desc->csum_offset = r->check;
	desc->hdr_len = l4off + lay->l4_len;
	desc->mss = lay->gso_size;
	desc->segs = segs;
	desc->l4_proto = r->l4_proto;
	return 0;
}

/*
 * The checksum rule of a %CHECKSUM_PARTIAL skb of class @c: the other
 * class's when the checksum is not the walked transport header's.
 */
static __always_inline const struct netcx_tx_rule *
netcx_plan_csum_rule(const struct netcx_plan *plan, const struct sk_buff *skb,
		     const struct netcx_pkt_layout *lay, enum netcx_class c)
{
	if (skb_checksum_start_offset(skb) != netcx_pkt_l4_offset(lay))
		c = NETCX_CLASS_OTHER;
	return &plan->csum[c];
}

/*
 * The checksum of a %CHECKSUM_PARTIAL skb of class @c (the other class
 * when the checksum is not the walked transport header's): the rule's
 * checks (netcx_rule_csum()) and, when none fails, the descriptor (all
 * zero before).
 */
static __always_inline u32 netcx_plan_csum(const struct netcx_plan *plan,
					   struct sk_buff *skb,
					   const struct netcx_pkt_layout *lay,
					   netdev_features_t features,
					   unsigned int push, enum netcx_class c,
					   struct netcx_tx_desc *desc,
					   const bool fast)
{
	unsigned int start = skb_checksum_start_offset(skb) + push;
	const struct netcx_tx_rule *r = netcx_plan_csum_rule(plan, skb, lay, c);
	u32 fail;

	fail = netcx_rule_csum(r, skb, lay, features, push, start, fast);
	if (fail || !desc)
		return fail;
	desc->flags |= r->flags;
	if (lay->l3 == NETCX_PKT_L3_IPV6)
		desc->flags |= NETCX_TXD_IPV6;
	else if (features & r->ipv4_on)
		desc->flags |= NETCX_TXD_IPV4_CSUM;
	desc->l3_offset = push + lay->l2_len;
	desc->l4_offset = start;
	desc->csum_offset = skb->csum_offset;
	desc->l4_proto = r->l4_proto;
	return 0;
}

/**
 * netcx_plan_takes() - does the hardware take the whole packet?
 * @plan: the adapter's plan.
 * @skb: a %CHECKSUM_PARTIAL packet without an out-of-band tag.
 * @lay: its layout, from netcx_pkt_walk_fast().
 * @features: the features that say what is active (dev->features).
 * @desc: NULL, or set to what the hardware is asked for (all zero when
 *	the answer is not 0).
 *
 * The decision of netcx_plan_decide() for the common packet, inline in
 * the transmit path, without naming reasons: the same rules, the same
 * checks.
 *
 * Return: 0 when the hardware takes every offload the packet asks for;
 * else the NETCX_FAIL_* bit of the first check that refused it, the
 * segmentation's for a GSO skb (netcx_plan_decide() then says what is
 * left to software, and why).
 */
static __always_inline u32 netcx_plan_takes(const struct netcx_plan *plan,
					    struct sk_buff *skb,
					    const struct netcx_pkt_layout *lay,
					    netdev_features_t features,
					    struct netcx_tx_desc *desc)
{
	enum netcx_class c = netcx_class_of(lay);

	if (desc)
		netcx_tx_desc_clear(desc);
	if (skb_is_gso(skb))
		return netcx_plan_gso(plan, skb, lay, features, 0,
				      netcx_pkt_gso_segs(skb,
							 netcx_pkt_hdr_len(lay),
							 lay->gso_size),
				      c, desc, true);
	return netcx_plan_csum(plan, skb, lay, features, 0, c, desc, true);
}

bool netcx_plan_decide(const struct netcx_plan *plan, struct sk_buff *skb,
		       const struct netcx_pkt_layout *lay,
		       netdev_features_t features, struct netcx_tx_verdict *v,
		       struct netcx_tx_desc *desc);

/*
 * Whether @skb takes the tunnel decision (netcx_plan_decide_tnl()) on a
 * device that declared tunnel offloads (@plan->tnl): an encapsulated GSO
 * skb of a tunnel GSO type, or an encapsulated %CHECKSUM_PARTIAL one whose
 * checksum is the inner transport header's. Any other encapsulated packet
 * (its outer UDP checksum asked for, say) is decided as a plain one.
 */
static __always_inline bool netcx_tnl_taken(const struct netcx_plan *plan,
					    const struct sk_buff *skb)
{
	if (!skb->encapsulation || !plan->tnl)
		return false;
	if (skb_is_gso(skb))
		return skb_shinfo(skb)->gso_type & NETCX_GSO_TNL;
	return skb->ip_summed == CHECKSUM_PARTIAL &&
	       skb_checksum_start_offset(skb) == skb_inner_transport_offset(skb);
}

int netcx_plan_decide_tnl(const struct netcx_adapter *ad, struct sk_buff *skb,
			  netdev_features_t features, bool stack,
			  struct netcx_tx_verdict *v, struct netcx_tx_desc *desc);

#endif /* _NETCX_CORE_PLAN_H */
