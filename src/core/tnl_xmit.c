// SPDX-License-Identifier: GPL-2.0
/*
 * The per-packet decision for encapsulated packets: the tunnel walk
 * (netcx_pkt_walk_tnl()), the port table, the tunnel capabilities and
 * kinds, the LSO/USO rules of the inner packet, and the descriptor.
 */
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <linux/udp.h>

#include <netcx/netcx.h>

#include "core.h"
#include "plan.h"

static_assert((int)NETCX_PKT_ENCAP_VXLAN == (int)NETCX_ENCAP_VXLAN &&
	      (int)NETCX_PKT_ENCAP_GENEVE == (int)NETCX_ENCAP_GENEVE &&
	      (int)NETCX_PKT_ENCAP_GRE == (int)NETCX_ENCAP_GRE &&
	      (int)NETCX_PKT_ENCAP_IPXIP == (int)NETCX_ENCAP_IPXIP);

/**
 * DOC: tunnel decision
 *
 * On a device that declared tunnel offloads, an encapsulated packet
 * (skb->encapsulation) whose checksum is the inner transport one, or a GSO
 * skb of a tunnel type, is decided by its outer and inner headers; each
 * check, in this order, names the reason the first that fails gives:
 *
 * 1. the walk (netcx_pkt_walk_tnl()): malformed (dropped by
 *    netcx_tx_prepare(); netcx_features_check() leaves it its features),
 *    unknown_tunnel for a packet well formed but of no encapsulation netcx
 *    knows, or with in-band tags on the inner frame;
 * 2. unknown_port: outer UDP to a port the port table does not hold;
 * 3. the kind (%NETCX_OFFLOAD_TNL_CSUM, or for a GSO skb
 *    %NETCX_OFFLOAD_TNL_GSO and, for %SKB_GSO_UDP_TUNNEL_CSUM or
 *    %SKB_GSO_GRE_CSUM, the outer checksum kind too): unsupported,
 *    kind_disabled, inactive; for a GSO skb, unknown_l4 when its GSO type
 *    is not the walked encapsulation's or inner transport's, inactive when
 *    skb_gso_ok() refuses it; unsupported for an outer checksum GSO skb
 *    that is not %SKB_GSO_PARTIAL on hardware without
 *    &netcx_tunnel_caps.outer_csum (only from netcx_tx_prepare(): before
 *    that, the stack makes it GSO_PARTIAL itself);
 * 4. multi_tag (two tags on the outer frame); outer_options: outer IPv4
 *    options or IPv6 extension headers &netcx_tunnel_caps.outer does not
 *    declare for the encapsulation;
 * 5. unknown_l4: the inner packet a fragment, or not TCP or UDP, or the
 *    checksum asked for not its TCP/UDP checksum (SCTP's CRC32c);
 *    unsupported: the inner IP version not in
 *    &netcx_tunnel_caps.inner_l3, the inner transport not in
 *    &netcx_tunnel_caps.inner_l4 (segmentation: &netcx_tunnel_caps.gso_l4);
 *    inner_options: inner IPv4 options, IPv6 extension headers or TCP
 *    options those flags do not declare;
 * 6. inner_offset: the inner IP or transport header past its limit;
 * 7. segmentation: the inner packet's LSO (TCP) or USO (UDP) rule: its
 *    kind active (inactive), too_large, too_many_segs, too_few_segs.
 *
 * A GSO skb the hardware does not segment is segmented by the stack (or
 * by netcx_tx_prepare() with the kernel's skb_gso_segment()); its segments
 * are then encapsulated checksum requests, decided by checks 1 to 6. The
 * software fallbacks are the kernel's own.
 */

static int netcx_tnl_port(const void *ctx, __be16 port)
{
	return netcx_tunnel_port_encap(ctx, port);
}

/* The tunnel GSO types of an encapsulation over outer IP version @v6. */
static u32 netcx_tnl_gso_types(u8 encap, bool v6)
{
	switch (encap) {
	case NETCX_ENCAP_VXLAN:
	case NETCX_ENCAP_GENEVE:
		return SKB_GSO_UDP_TUNNEL | SKB_GSO_UDP_TUNNEL_CSUM;
	case NETCX_ENCAP_GRE:
		return SKB_GSO_GRE | SKB_GSO_GRE_CSUM;
	default:
		return v6 ? SKB_GSO_IPXIP6 : SKB_GSO_IPXIP4;
	}
}

/* The kinds a tunnel packet needs of @off: encapsulation, outer checksum. */
static u32 netcx_tnl_need(const struct sk_buff *skb,
			  const struct netcx_pkt_tnl *t, bool gso)
{
	u32 need = t->outer.l3 == NETCX_PKT_L3_IPV6 ? NETCX_TNL_KIND6(t->encap) :
						      NETCX_TNL_KIND4(t->encap);

	if (!gso)
		return need;
	if (skb_shinfo(skb)->gso_type & SKB_GSO_UDP_TUNNEL_CSUM)
		need |= NETCX_TNL_UDP_CSUM;
	if (skb_shinfo(skb)->gso_type & SKB_GSO_GRE_CSUM)
		need |= NETCX_TNL_GRE_CSUM;
	return need;
}

/* Check 3 for a GSO skb: its type against the walk, skb_gso_ok(). */
static u8 netcx_tnl_gso_type(const struct netcx_adapter *ad,
			     struct sk_buff *skb, const struct netcx_pkt_tnl *t,
			     netdev_features_t features, bool stack)
{
	u32 type = skb_shinfo(skb)->gso_type;
	u32 tnl = netcx_tnl_gso_types(t->encap,
				      t->outer.l3 == NETCX_PKT_L3_IPV6);
	u32 inner;

	if (t->inner.l4 == NETCX_PKT_L4_TCP)
		inner = t->inner.l3 == NETCX_PKT_L3_IPV6 ? SKB_GSO_TCPV6 :
							  SKB_GSO_TCPV4;
	else
		inner = SKB_GSO_UDP_L4;
	if (!(type & tnl) || !(type & inner) ||
	    (type & ~(tnl | inner | NETCX_GSO_TCP | NETCX_GSO_UDP |
		      SKB_GSO_PARTIAL)) ||
	    (type & (SKB_GSO_TCPV4 | SKB_GSO_TCPV6 | SKB_GSO_UDP_L4) & ~inner))
		return NETCX_WHY_UNKNOWN_L4;
	if (!skb_gso_ok(skb, features | NETIF_F_GSO_ROBUST))
		return NETCX_WHY_INACTIVE;
	if (!stack && !ad->tnl.caps.outer_csum && !(type & SKB_GSO_PARTIAL) &&
	    (type & (SKB_GSO_UDP_TUNNEL_CSUM | SKB_GSO_GRE_CSUM)))
		return NETCX_WHY_UNSUPPORTED;
	return NETCX_WHY_NONE;
}

/* Checks 4 to 6, for the inner checksum or (@gso) segmentation. */
static u8 netcx_tnl_shape(const struct netcx_adapter *ad, struct sk_buff *skb,
			  const struct netcx_pkt_tnl *t, unsigned int push,
			  bool gso)
{
	const struct netcx_tunnel_caps *caps = &ad->tnl.caps;
	const struct netcx_pkt_layout *in = &t->inner;
	u8 outer = caps->outer[t->encap];
	u8 l4 = gso ? caps->gso_l4 : caps->inner_l4;
	u16 check;

	if (t->outer.tags + !!(t->outer.flags & NETCX_PKT_VLAN_HW) >= 2)
		return NETCX_WHY_MULTI_TAG;
	if (((t->outer.flags & NETCX_PKT_IPV4_OPTS) &&
	     !(outer & NETCX_L3_IPV4_OPTS)) ||
	    ((t->outer.flags & NETCX_PKT_IPV6_EXT) &&
	     !(outer & NETCX_L3_IPV6_EXT)))
		return NETCX_WHY_OUTER_OPTIONS;

	if (in->flags & NETCX_PKT_FRAG)
		return NETCX_WHY_UNKNOWN_L4;
	if (in->l4 == NETCX_PKT_L4_TCP)
		check = offsetof(struct tcphdr, check);
	else if (in->l4 == NETCX_PKT_L4_UDP)
		check = offsetof(struct udphdr, check);
	else
		return NETCX_WHY_UNKNOWN_L4;
	if (skb_csum_is_sctp(skb) || skb->csum_offset != check)
		return NETCX_WHY_UNKNOWN_L4;
	if (!(caps->inner_l3 & (in->l3 == NETCX_PKT_L3_IPV6 ? NETCX_L3_IPV6 :
							     NETCX_L3_IPV4)) ||
	    !(l4 & (in->l4 == NETCX_PKT_L4_TCP ? NETCX_L4_TCP : NETCX_L4_UDP)))
		return NETCX_WHY_UNSUPPORTED;
	if (((in->flags & NETCX_PKT_IPV4_OPTS) &&
	     !(caps->inner_l3 & NETCX_L3_IPV4_OPTS)) ||
	    ((in->flags & NETCX_PKT_IPV6_EXT) &&
	     !(caps->inner_l3 & NETCX_L3_IPV6_EXT)) ||
	    ((in->flags & NETCX_PKT_TCP_OPTS) && !(l4 & NETCX_L4_TCP_OPTS)))
		return NETCX_WHY_INNER_OPTIONS;

	if ((caps->inner_l3_offset_limit &&
	     push + in->l2_len > caps->inner_l3_offset_limit) ||
	    (caps->inner_l4_offset_limit &&
	     push + netcx_pkt_l4_offset(in) > caps->inner_l4_offset_limit))
		return NETCX_WHY_INNER_OFFSET;
	return NETCX_WHY_NONE;
}

/* Check 7: the inner packet's LSO or USO rule. */
static u8 netcx_tnl_size(const struct netcx_adapter *ad, struct sk_buff *skb,
			 const struct netcx_pkt_tnl *t,
			 netdev_features_t features, unsigned int push,
			 u32 segs)
{
	const struct netcx_tx_rule *r = &ad->plan.gso[netcx_class_of(&t->inner)];

	if (!(features & r->on))
		return NETCX_WHY_INACTIVE;
	if (skb->len + push > r->max_size)
		return NETCX_WHY_TOO_LARGE;
	if (segs > r->max_segs)
		return NETCX_WHY_TOO_MANY_SEGS;
	if (segs < r->min_segs)
		return NETCX_WHY_TOO_FEW_SEGS;
	return NETCX_WHY_NONE;
}

/* The whole decision for the inner checksum or (@gso) segmentation. */
static u8 netcx_tnl_check(const struct netcx_adapter *ad, struct sk_buff *skb,
			  const struct netcx_pkt_tnl *t,
			  netdev_features_t features, unsigned int push,
			  bool gso, bool stack, u32 segs)
{
	enum netcx_offload off = gso ? NETCX_OFFLOAD_TNL_GSO :
				       NETCX_OFFLOAD_TNL_CSUM;
	u8 why;

	if (t->inner.tags)
		return NETCX_WHY_UNKNOWN_TUNNEL;
	why = netcx_why_kinds(ad, off, netcx_tnl_need(skb, t, gso),
			      netcx_kinds(ad, off, features), false);
	if (!why && gso)
		why = netcx_tnl_gso_type(ad, skb, t, features, stack);
	if (!why)
		why = netcx_tnl_shape(ad, skb, t, push, gso);
	if (!why && gso)
		why = netcx_tnl_size(ad, skb, t, features, push, segs);
	return why;
}

/* The descriptor of a packet the hardware takes; @segs 0: not GSO. */
static void netcx_tnl_desc(const struct netcx_adapter *ad,
			   const struct sk_buff *skb,
			   const struct netcx_pkt_tnl *t, unsigned int push,
			   u32 segs, struct netcx_tx_desc *desc)
{
	const struct netcx_pkt_layout *in = &t->inner;
	u32 type = skb_shinfo(skb)->gso_type;
	bool tcp = in->l4 == NETCX_PKT_L4_TCP;

	desc->flags |= NETCX_TXD_TNL | NETCX_TXD_L4_CSUM;
	if (t->outer.l3 == NETCX_PKT_L3_IPV6)
		desc->flags |= NETCX_TXD_IPV6;
	if (in->l3 == NETCX_PKT_L3_IPV6)
		desc->flags |= NETCX_TXD_IIPV6;
	desc->tnl = t->encap + 1;
	desc->l3_offset = push + t->outer.l2_len;
	desc->l4_offset = push + netcx_pkt_l4_offset(&t->outer);
	desc->il3_offset = push + in->l2_len;
	desc->il4_offset = push + netcx_pkt_l4_offset(in);
	desc->csum_offset = skb->csum_offset;
	desc->l4_proto = tcp ? IPPROTO_TCP : IPPROTO_UDP;
	if (!segs)
		return;

	desc->flags |= tcp ? NETCX_TXD_LSO : NETCX_TXD_USO;
	if (in->l3 == NETCX_PKT_L3_IPV4)
		desc->flags |= NETCX_TXD_IPV4_CSUM;
	if (t->outer.l3 == NETCX_PKT_L3_IPV4)
		desc->flags |= NETCX_TXD_OUTER_IPV4_CSUM;
	/* GSO_PARTIAL: the stack's outer checksum holds for every segment */
	if ((type & (SKB_GSO_UDP_TUNNEL_CSUM | SKB_GSO_GRE_CSUM)) &&
	    !(type & SKB_GSO_PARTIAL) && ad->tnl.caps.outer_csum)
		desc->flags |= NETCX_TXD_OUTER_CSUM;
	desc->hdr_len = push + netcx_pkt_hdr_len(in);
	desc->mss = in->gso_size;
	desc->segs = segs;
}

/*
 * The segments of a GSO skb whose inner headers were not walked (unknown
 * port or tunnel), from the skb's own inner offsets: the stack segments it
 * by those. The inner TCP header counts as 20 bytes: a count that can be
 * one too high only at the edge, for counters.
 */
static u32 netcx_tnl_segs(const struct sk_buff *skb)
{
	unsigned int hlen = skb_inner_transport_offset(skb) +
			    (skb_shinfo(skb)->gso_type & SKB_GSO_UDP_L4 ?
			     sizeof(struct udphdr) : sizeof(struct tcphdr));

	if (skb->len <= hlen)
		return 1;
	return min_t(u32, U16_MAX,
		     netcx_pkt_gso_segs(skb, hlen, skb_shinfo(skb)->gso_size));
}

/**
 * netcx_plan_decide_tnl() - the transmit decision of an encapsulated packet
 * @ad: the adapter; it declared tunnel offloads.
 * @skb: the packet, netcx_tnl_taken(); not changed.
 * @features: the features that say what is active (dev->features).
 * @stack: the caller is netcx_features_check(): the stack makes an outer
 *	checksum GSO skb GSO_PARTIAL for hardware without
 *	&netcx_tunnel_caps.outer_csum, after the call.
 * @v: set to the reasons ("DOC: tunnel decision"); @v->tnl set.
 * @desc: NULL, or set as netcx_plan_decide() sets it, for the inner
 *	checksum or segmentation (&netcx_tx_desc.tnl not 0).
 *
 * Return: 0, or a negative errno for a malformed packet (nothing decided).
 */
int netcx_plan_decide_tnl(const struct netcx_adapter *ad, struct sk_buff *skb,
			  netdev_features_t features, bool stack,
			  struct netcx_tx_verdict *v, struct netcx_tx_desc *desc)
{
	bool gso = skb_is_gso(skb);
	unsigned int push = 0;
	struct netcx_pkt_tnl t;
	u8 why = 0;
	int err;

	*v = (struct netcx_tx_verdict){ .gso_off = NETCX_OFFLOAD_MAX, .tnl = 1 };
	if (desc)
		netcx_tx_desc_clear(desc);
	if (skb->ip_summed != CHECKSUM_PARTIAL || !netcx_csum_inside(skb))
		return -EINVAL;
	v->vlan_why = netcx_plan_vlan(&ad->plan, skb, features);
	if (v->vlan_why)
		push = VLAN_HLEN;

	err = netcx_pkt_walk_tnl(skb, &t, netcx_tnl_port, ad);
	if (err == -ENOENT)
		why = NETCX_WHY_UNKNOWN_PORT;
	else if (err == -EPROTONOSUPPORT)
		why = NETCX_WHY_UNKNOWN_TUNNEL;
	else if (err)
		return err;

	if (gso) {
		v->gso_off = NETCX_OFFLOAD_TNL_GSO;
		v->segs = why ? netcx_tnl_segs(skb) : t.inner.gso_segs;
		v->gso_why = why ?: netcx_tnl_check(ad, skb, &t, features, push,
						    true, stack, v->segs);
		if (!v->gso_why) {
			if (desc)
				netcx_tnl_desc(ad, skb, &t, push, v->segs, desc);
			goto tag;
		}
	}
	v->csum_why = why ?: netcx_tnl_check(ad, skb, &t, features, push,
					     false, stack, 0);
	if (!v->csum_why && desc)
		netcx_tnl_desc(ad, skb, &t, push, 0, desc);
tag:
	if (desc && skb_vlan_tag_present(skb) && !v->vlan_why) {
		desc->flags |= NETCX_TXD_VLAN;
		desc->vlan_tci = skb_vlan_tag_get(skb);
	}
	return 0;
}
