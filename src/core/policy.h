/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The per-packet policy's fast path, inline in the transmit path
 * (xmit.c): the walk and the decision for a packet whose every offload the
 * hardware takes, with no call. Anything else goes to netcx_tx_decide()
 * (policy.c), which decides every packet, this one included, the same way.
 */
#ifndef _NETCX_CORE_POLICY_H
#define _NETCX_CORE_POLICY_H

#include <linux/in.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <linux/udp.h>

#include <lib/walk.h>

#include "core.h"

/* The GSO types hardware LSO and USO take; anything else is software. */
#define NETCX_GSO_TCP	(SKB_GSO_TCPV4 | SKB_GSO_TCPV6 | SKB_GSO_DODGY | \
			 SKB_GSO_TCP_ECN | SKB_GSO_TCP_FIXEDID)
#define NETCX_GSO_UDP	(SKB_GSO_UDP_L4 | SKB_GSO_DODGY)

/* An offset limit of 0 means none; the descriptor's fields are 16 bits. */
static inline unsigned int netcx_limit(u16 limit)
{
	return limit ?: U16_MAX;
}

/*
 * The segments a walked GSO skb yields, from its length: the sender's
 * gso_segs when the length agrees with it (two multiplications), else a
 * division.
 */
static __always_inline u32 netcx_gso_segs_of(const struct sk_buff *skb,
					     unsigned int hlen, u16 gso_size)
{
	u32 payload = skb->len - hlen;
	u32 segs = skb_shinfo(skb)->gso_segs;
	u64 mss = gso_size;

	if (segs && (segs - 1) * mss < payload && payload <= segs * mss)
		return segs;
	return DIV_ROUND_UP(payload, gso_size);
}

static __always_inline u32 netcx_gso_segs(const struct sk_buff *skb,
					  const struct netcx_pkt_layout *lay)
{
	return netcx_gso_segs_of(skb, netcx_pkt_hdr_len(lay), lay->gso_size);
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
	int err, start;

	if (skb->ip_summed != CHECKSUM_PARTIAL)
		return skb_is_gso(skb) ? -EINVAL : 1;
	/* netcx_pkt_walk(), its fast path inline */
	if (!netcx_pkt_walk_fast(skb, lay)) {
		err = netcx_pkt_walk_slow(skb, lay);
		if (err)
			return err;
	}
	start = skb_checksum_start_offset(skb);
	if (start < 0 || start + skb->csum_offset + sizeof(__sum16) > skb->len)
		return -EINVAL;
	return 0;
}

/*
 * A GSO skb that LSO or USO takes as it is: @kind active, the GSO type
 * the headers', every limit met. The checks of netcx_decide_gso() that
 * can fail for the packets netcx_tx_fast() lets through, in any order: a
 * packet that fails one is decided by netcx_tx_decide(), which finds the
 * first and names it.
 */
static __always_inline bool
netcx_tx_fast_gso(const struct netcx_adapter *ad, struct sk_buff *skb,
		  const struct netcx_pkt_layout *lay, netdev_features_t features,
		  u32 kind, u16 flags, struct netcx_tx_desc *desc, u8 *gso_off)
{
	unsigned int gso_type = skb_shinfo(skb)->gso_type;
	unsigned int l4off = netcx_pkt_l4_offset(lay);
	unsigned int hlen = l4off + lay->l4_len;
	bool v4 = lay->l3 == NETCX_PKT_L3_IPV4;
	bool tcp = lay->l4 == NETCX_PKT_L4_TCP;
	const struct netcx_gso_caps *caps;
	enum netcx_offload off;
	u8 shapes;
	u32 segs;

	if (tcp) {
		if ((gso_type & ~NETCX_GSO_TCP) ||
		    (gso_type & (SKB_GSO_TCPV4 | SKB_GSO_TCPV6)) !=
		    (v4 ? SKB_GSO_TCPV4 : SKB_GSO_TCPV6))
			return false;
		off = NETCX_OFFLOAD_LSO;
		caps = &ad->lso;
		shapes = ad->tx_kinds.lso_shapes;
		flags |= NETCX_TXD_LSO;
	} else {
		if (!(gso_type & SKB_GSO_UDP_L4) || (gso_type & ~NETCX_GSO_UDP))
			return false;
		off = NETCX_OFFLOAD_USO;
		caps = &ad->uso;
		shapes = ad->tx_kinds.uso_shapes;
		flags |= NETCX_TXD_USO;
	}
	if (!(netcx_tx_kinds(ad, off, features) & kind) ||
	    !skb_gso_ok(skb, features | NETIF_F_GSO_ROBUST) ||
	    (lay->flags & NETCX_PKT_SHAPES & ~shapes) ||
	    l4off > netcx_limit(caps->l4_offset_limit) || hlen > U16_MAX ||
	    skb->len > caps->max_size)
		return false;
	segs = netcx_gso_segs(skb, lay);
	if (segs > caps->max_segs || segs < caps->min_segs)
		return false;

	/* every segment's IPv4 header changes: the hardware must sum it */
	if (v4)
		flags |= NETCX_TXD_IPV4_CSUM;
	*desc = (struct netcx_tx_desc){
		.flags = flags,
		.l3_offset = lay->l2_len,
		.l4_offset = l4off,
		.csum_offset = tcp ? offsetof(struct tcphdr, check) :
				     offsetof(struct udphdr, check),
		.hdr_len = hlen,
		.mss = lay->gso_size,
		.segs = segs,
		.l4_proto = tcp ? IPPROTO_TCP : IPPROTO_UDP,
	};
	*gso_off = off;
	return true;
}

/*
 * Zeroes @desc field by field: the struct assignment, in a block the
 * compiler deems cold, may become a rep stosb, slower than the stores.
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
}

/*
 * Why the TX checksum of a packet of @kind, not active in @act, is
 * software: netcx_why_kinds() for one kind.
 */
static __always_inline u8 netcx_tx_fast_csum_why(const struct netcx_adapter *ad,
						 u32 kind)
{
	if (ad->permitted[NETCX_OFFLOAD_TX_CSUM] & kind)
		return NETCX_WHY_INACTIVE;
	if (ad->tx_kinds.csum_hw & kind)
		return NETCX_WHY_KIND_DISABLED;
	return NETCX_WHY_UNSUPPORTED;
}

/*
 * The decision for the common packet: one TCP or UDP packet (not a
 * fragment) with no tag in band or out of band, walked (netcx_tx_walk()
 * returned 0). Returns true, with @desc filled, *@gso_off set
 * (%NETCX_OFFLOAD_MAX when not GSO) and *@csum_why, as netcx_tx_decide()
 * sets them, when the hardware takes the packet as it is (every reason
 * %NETCX_WHY_NONE), or when it is not GSO and its checksum kind is not
 * active (*@csum_why says why; @desc is all zero). Returns false, the
 * outputs undefined, for any other packet, or when any other check could
 * refuse it: netcx_tx_decide() then decides, and names the reason. Only
 * the checks that the declared capabilities can fail cost anything: a flag
 * allowed, a limit of 0 or above any such header, is one comparison that
 * passes.
 */
static __always_inline bool
netcx_tx_fast(const struct netcx_adapter *ad, struct sk_buff *skb,
	      const struct netcx_pkt_layout *lay, netdev_features_t features,
	      struct netcx_tx_desc *desc, u8 *gso_off, u8 *csum_why)
{
	const struct netcx_tx_csum_caps *caps = &ad->tx_csum;
	unsigned int l4off = netcx_pkt_l4_offset(lay);
	bool v4 = lay->l3 == NETCX_PKT_L3_IPV4;
	bool tcp = lay->l4 == NETCX_PKT_L4_TCP;
	u16 flags = NETCX_TXD_L4_CSUM;
	u32 kind, act;

	if (lay->tags || (lay->flags & (NETCX_PKT_FRAG | NETCX_PKT_VLAN_HW)) ||
	    (!tcp && lay->l4 != NETCX_PKT_L4_UDP))
		return false;
	if (!v4)
		flags |= NETCX_TXD_IPV6;
	kind = v4 ? (tcp ? NETCX_TCP4 : NETCX_UDP4) :
		    (tcp ? NETCX_TCP6 : NETCX_UDP6);
	*csum_why = NETCX_WHY_NONE;
	if (skb_is_gso(skb))
		return netcx_tx_fast_gso(ad, skb, lay, features, kind, flags,
					 desc, gso_off);

	/* the checksum asked for is the walked transport header's */
	if (skb_csum_is_sctp(skb) || skb_checksum_start_offset(skb) != l4off ||
	    (!caps->generic &&
	     skb->csum_offset != (tcp ? offsetof(struct tcphdr, check) :
				       offsetof(struct udphdr, check))))
		return false;
	*gso_off = NETCX_OFFLOAD_MAX;
	act = netcx_tx_kinds(ad, NETCX_OFFLOAD_TX_CSUM, features);
	if (!(act & kind)) {
		*csum_why = netcx_tx_fast_csum_why(ad, kind);
		netcx_tx_desc_clear(desc);
		return true;
	}
	if (caps->generic) {
		if (l4off > netcx_limit(caps->l4_offset_limit))
			return false;
	} else {
		if ((lay->flags & NETCX_PKT_SHAPES &
		     ~ad->tx_kinds.csum_shapes) ||
		    lay->l2_len > netcx_limit(caps->l3_offset_limit) ||
		    l4off > netcx_limit(caps->l4_offset_limit))
			return false;
		if (v4 && (act & NETCX_IPV4_HDR))
			flags |= NETCX_TXD_IPV4_CSUM;
	}
	*desc = (struct netcx_tx_desc){
		.flags = flags,
		.l3_offset = lay->l2_len,
		.l4_offset = l4off,
		.csum_offset = skb->csum_offset,
		.l4_proto = tcp ? IPPROTO_TCP : IPPROTO_UDP,
	};
	return true;
}

/*
 * netcx_features_check()'s question for a %CHECKSUM_PARTIAL skb without an
 * out-of-band tag, its data at its MAC header: does it keep every feature?
 * Returns true only when it does: either the packet is malformed (which
 * keeps the features too, netcx_tx_prepare() drops it) or the walk and
 * netcx_tx_decide() find every offload it asks for in hardware. Returns
 * false when they might not, or for any packet it does not take: the
 * general path then decides. Takes the common packet of
 * netcx_pkt_walk_fast(), and only where the NETCX_FAST_* bits say no flag
 * or offset limit can refuse it, so that it reads no more of the headers
 * than the decision needs: the EtherType, the IPv4 header length,
 * fragment bits and protocol or the IPv6 next header, and for a TCP GSO
 * skb the data offset. The lengths that only tell a malformed packet are
 * not read.
 */
static __always_inline bool netcx_fc_keeps(const struct netcx_adapter *ad,
					   struct sk_buff *skb,
					   netdev_features_t features)
{
	const struct netcx_gso_caps *caps;
	unsigned int head = skb_headlen(skb), l4off, hlen, gso_type;
	u8 fast = ad->tx_kinds.fast, proto;
	const u8 *d = skb->data;
	enum netcx_offload off;
	u32 kind, segs;
	bool v4, tcp;

	/* up to the IPv4 protocol byte, and the IPv6 next header */
	if (head < ETH_HLEN + sizeof(struct iphdr))
		return false;
	if (((const struct ethhdr *)d)->h_proto == htons(ETH_P_IP)) {
		const struct iphdr *iph = (const void *)(d + ETH_HLEN);

		if (iph->frag_off & htons(IP_MF | IP_OFFSET))
			return false;
		v4 = true;
		l4off = ETH_HLEN + iph->ihl * 4;
		proto = iph->protocol;
	} else if (((const struct ethhdr *)d)->h_proto == htons(ETH_P_IPV6)) {
		v4 = false;
		l4off = ETH_HLEN + sizeof(struct ipv6hdr);
		proto = ((const struct ipv6hdr *)(d + ETH_HLEN))->nexthdr;
	} else {
		return false;
	}
	if (proto == IPPROTO_TCP)
		tcp = true;
	else if (proto == IPPROTO_UDP)
		tcp = false;
	else
		return false;
	kind = v4 ? (tcp ? NETCX_TCP4 : NETCX_UDP4) :
		    (tcp ? NETCX_TCP6 : NETCX_UDP6);

	if (!skb_is_gso(skb)) {
		/* the checksum asked for is the walked transport header's */
		if (!(fast & NETCX_FAST_CSUM) || skb_csum_is_sctp(skb) ||
		    skb_checksum_start_offset(skb) != l4off ||
		    (!(fast & NETCX_FAST_CSUM_GENERIC) &&
		     skb->csum_offset != (tcp ? offsetof(struct tcphdr, check) :
					       offsetof(struct udphdr, check))))
			return false;
		return netcx_tx_kinds(ad, NETCX_OFFLOAD_TX_CSUM, features) & kind;
	}

	gso_type = skb_shinfo(skb)->gso_type;
	if (tcp) {
		if (!(fast & NETCX_FAST_LSO) || (gso_type & ~NETCX_GSO_TCP) ||
		    (gso_type & (SKB_GSO_TCPV4 | SKB_GSO_TCPV6)) !=
		    (v4 ? SKB_GSO_TCPV4 : SKB_GSO_TCPV6) ||
		    head < l4off + sizeof(struct tcphdr))
			return false;
		hlen = l4off + ((const struct tcphdr *)(d + l4off))->doff * 4;
		off = NETCX_OFFLOAD_LSO;
		caps = &ad->lso;
	} else {
		if (!(fast & NETCX_FAST_USO) || !(gso_type & SKB_GSO_UDP_L4) ||
		    (gso_type & ~NETCX_GSO_UDP))
			return false;
		hlen = l4off + sizeof(struct udphdr);
		off = NETCX_OFFLOAD_USO;
		caps = &ad->uso;
	}
	if (!(netcx_tx_kinds(ad, off, features) & kind) ||
	    !skb_gso_ok(skb, features | NETIF_F_GSO_ROBUST) ||
	    skb->len > caps->max_size)
		return false;
	segs = netcx_gso_segs_of(skb, hlen, skb_shinfo(skb)->gso_size);
	return segs <= caps->max_segs && segs >= caps->min_segs;
}

#endif /* _NETCX_CORE_POLICY_H */
