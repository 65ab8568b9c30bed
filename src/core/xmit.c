// SPDX-License-Identifier: GPL-2.0
/*
 * The transmit path: ndo_features_check, where the stack is told what to do
 * in software, and ndo_start_xmit's preparation, where the per-packet
 * descriptor is filled and whatever slipped past the first is done in
 * software after all.
 */
#include <linux/err.h>
#include <linux/export.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <net/checksum.h>

#include <compat/compat.h>
#include <netcx/netcx.h>

#include "core.h"
#include "counters.h"

/**
 * DOC: counting
 *
 * Every packet is counted once, by whoever acts on it:
 *
 * netcx_features_check() counts the software fallbacks it hands to the
 * stack (``tx_*_sw`` and the ``tx_fallback_*`` reason), as the stack then
 * performs them before ndo_start_xmit: the skb that reaches
 * netcx_tx_prepare() no longer asks for what was stripped. A GSO skb that
 * yields a single segment is not handed over (skb_gso_segment() fails on
 * it and the stack would drop it): its features stay, and
 * netcx_tx_prepare() sends it as one packet and counts it.
 * netif_skb_features() runs once per skb on the transmit path
 * (validate_xmit_skb()); the qdiscs and IP paths that also call it (tbf,
 * taprio, cake, netem, ip_finish_output_gso()) do so only to segment a GSO
 * skb at once, which then never reaches validate_xmit_skb() itself. An skb
 * whose data is not at its MAC header (the IP layer's calls) is not walked,
 * decided or counted there: its segments are, on their way down.
 *
 * netcx_tx_prepare() counts what the hardware is asked to do
 * (``tx_*_hw``), and the fallbacks it performs itself, with the reason the
 * shared decision gives, the one netcx_features_check() would have given.
 *
 * Checksum counters count packets on the wire: a GSO skb whose segments
 * are checksummed in software adds its segment count. Segmentation and
 * tag counters count skbs. Every ``tx_*_sw`` count is also counted under
 * exactly one ``tx_fallback_*`` reason; ``tx_fallback_malformed`` counts
 * packets dropped as malformed, which ``tx_offload_dropped`` counts too,
 * with the packets whose software fallback failed.
 */

static void netcx_count_gso(struct netcx_adapter *ad, u8 off, bool hw,
			    u8 why)
{
	if (off == NETCX_OFFLOAD_LSO)
		netcx_count_tx(ad, hw ? NETCX_TX_LSO_HW : NETCX_TX_LSO_SW, why, 1);
	else if (off == NETCX_OFFLOAD_USO)
		netcx_count_tx(ad, hw ? NETCX_TX_USO_HW : NETCX_TX_USO_SW, why, 1);
	else if (off == NETCX_OFFLOAD_TNL_GSO)
		netcx_count_tx(ad, hw ? NETCX_TX_TNL_GSO_HW : NETCX_TX_TNL_GSO_SW,
			       why, 1);
}

/* The checksum counter of a verdict: the inner one's for a tunnel. */
static enum netcx_tx_stat netcx_csum_stat(const struct netcx_tx_verdict *v,
					  bool hw)
{
	if (v->tnl)
		return hw ? NETCX_TX_TNL_CSUM_HW : NETCX_TX_TNL_CSUM_SW;
	return hw ? NETCX_TX_CSUM_HW : NETCX_TX_CSUM_SW;
}

/*
 * A GSO skb the hardware cannot segment that the stack can: not one of a
 * single TCP or UDP segment, which skb_gso_segment() refuses.
 */
static bool netcx_stack_segments(struct sk_buff *skb,
				 const struct netcx_tx_verdict *v)
{
	return skb_is_gso(skb) && v->gso_why &&
	       (v->segs >= 2 || v->gso_off == NETCX_OFFLOAD_MAX);
}

/* What the stack will do in software after netcx_features_check(). */
static void netcx_count_stack(struct netcx_adapter *ad, struct sk_buff *skb,
			      const struct netcx_tx_verdict *v)
{
	if (v->vlan_why)
		netcx_count_tx(ad, NETCX_TX_VLAN_SW, v->vlan_why, 1);
	if (!skb_is_gso(skb)) {
		if (v->csum_why)
			netcx_count_tx(ad, netcx_csum_stat(v, false),
				       v->csum_why, 1);
		return;
	}
	if (!netcx_stack_segments(skb, v) || v->gso_off == NETCX_OFFLOAD_MAX)
		return;
	netcx_count_gso(ad, v->gso_off, false, v->gso_why);
	if (v->csum_why)
		netcx_count_tx(ad, netcx_csum_stat(v, false), v->csum_why,
			       v->segs);
}

/*
 * netcx_features_check() past its first answer: the strict walk (a
 * malformed packet keeps its features, netcx_tx_prepare() drops it), the
 * decision, and what the stack is to do in software: the features it
 * loses, counted.
 */
static noinline netdev_features_t
netcx_features_check_slow(struct netcx_adapter *ad, struct sk_buff *skb,
			  netdev_features_t features)
{
	netdev_features_t dev_features = READ_ONCE(ad->dev->features);
	struct netcx_pkt_layout lay;
	struct netcx_tx_verdict v;
	int ret;

	if (netcx_tnl_taken(&ad->plan, skb)) {
		if (netcx_plan_decide_tnl(ad, skb, dev_features, true, &v,
					  NULL) ||
		    !(v.vlan_why || v.gso_why || v.csum_why))
			return features;
		goto decided;
	}
	ret = netcx_tx_walk(skb, &lay);
	if (ret < 0)
		return features;
	if (!netcx_plan_decide(&ad->plan, skb, ret ? NULL : &lay,
			       dev_features, &v, NULL))
		return features;
decided:
	if (v.vlan_why)
		features &= ~(NETIF_F_HW_VLAN_CTAG_TX | NETIF_F_HW_VLAN_STAG_TX);
	if (netcx_stack_segments(skb, &v))
		features &= ~NETIF_F_GSO_MASK;
	/* a GSO skb's csum_why is its segments', if the stack makes any */
	if (v.csum_why && (!skb_is_gso(skb) || netcx_stack_segments(skb, &v)))
		features &= ~NETIF_F_CSUM_MASK;
	netcx_count_stack(ad, skb, &v);
	return features;
}

/*
 * netcx_features_check() of @ad on @dev (@ad's device): inlined into both
 * callers, so that the ndo version costs the load of dev->ml_priv only.
 * The common packet that keeps every feature is answered from the fast
 * walk without the lengths that only tell a malformed packet (which keeps
 * its features too) and the decision netcx_tx_prepare() makes; any other
 * answer is made again, strictly, out of line.
 */
static __always_inline netdev_features_t
__netcx_features_check(struct netcx_adapter *ad, struct net_device *dev,
		       struct sk_buff *skb, netdev_features_t features)
{
	struct netcx_pkt_layout lay;

	features = vlan_features_check(skb, features);
	/* the IP layer's call, before there is a MAC header */
	if (!skb_mac_header_was_set(skb) || skb_mac_offset(skb))
		return features;
	if (skb_vlan_tag_present(skb))
		return netcx_features_check_slow(ad, skb, features);
	/* nothing asked; or malformed (netcx_tx_prepare() drops it) */
	if (skb->ip_summed != CHECKSUM_PARTIAL)
		return features;
	/* an encapsulated packet, on a device with tunnel offloads */
	if (unlikely(skb->encapsulation) && ad->plan.tnl)
		return netcx_features_check_slow(ad, skb, features);
	if (likely(__netcx_pkt_walk_fast(skb, &lay, false) &&
		   !netcx_plan_takes(&ad->plan, skb, &lay,
				     READ_ONCE(dev->features), NULL)))
		return features;
	return netcx_features_check_slow(ad, skb, features);
}

/**
 * netcx_features_check() - netcx's part of ndo_features_check
 * @ad: the adapter.
 * @skb: the packet about to be transmitted.
 * @features: the features the stack proposes for it.
 *
 * Call from the driver's ndo_features_check and return the result (after
 * the driver's own constraints, if any). Applies vlan_features_check(),
 * then takes from @features what the hardware may not do for this packet
 * (see "DOC: per-packet policy"): the checksum bits (%NETIF_F_CSUM_MASK),
 * the segmentation bits (%NETIF_F_GSO_MASK) and the tag insertion bits
 * (%NETIF_F_HW_VLAN_CTAG_TX, %NETIF_F_HW_VLAN_STAG_TX), so that the stack
 * segments, checksums or inserts the tag itself. For a GSO skb whose
 * segments the hardware can still checksum, only the segmentation bits
 * go. A malformed packet keeps its features: netcx_tx_prepare() drops it;
 * so does a GSO skb of a single segment, which the stack cannot segment:
 * netcx_tx_prepare() sends it as one packet.
 * Counts what it hands to the stack ("DOC: counting").
 *
 * Context: the transmit path, BH disabled.
 * Return: @features, constrained.
 */
netdev_features_t netcx_features_check(struct netcx_adapter *ad,
				       struct sk_buff *skb,
				       netdev_features_t features)
{
	return __netcx_features_check(ad, ad->dev, skb, features);
}
EXPORT_SYMBOL_NS_GPL(netcx_features_check, NETCX_NS);

/**
 * netcx_ndo_features_check() - ndo_features_check, for drivers to plug in
 * @skb: the packet about to be transmitted.
 * @dev: its device; the adapter is in ``dev->ml_priv``.
 * @features: the features the stack proposes for it.
 *
 * netcx_features_check() of the device's adapter, with the signature of
 * &net_device_ops.ndo_features_check: one load of ``dev->ml_priv`` more
 * than the call it stands for. A driver with constraints of its own (an
 * erratum netcx cannot express) writes its own ndo_features_check and
 * calls netcx_features_check() from it.
 *
 * Context: the transmit path, BH disabled.
 * Return: @features, constrained.
 */
netdev_features_t netcx_ndo_features_check(struct sk_buff *skb,
					   struct net_device *dev,
					   netdev_features_t features)
{
	return __netcx_features_check(dev->ml_priv, dev, skb, features);
}
EXPORT_SYMBOL_NS_GPL(netcx_ndo_features_check, NETCX_NS);

/* Drops *@pskb, counted (with @why, if any): returns @err. */
static int netcx_tx_drop(struct netcx_adapter *ad, struct sk_buff **pskb,
			 u8 why, int err)
{
	dev_kfree_skb_any(*pskb);
	*pskb = NULL;
	dev_core_stats_tx_dropped_inc(ad->dev);
	netcx_count_tx(ad, NETCX_TX_DROPPED, why, 1);
	return err;
}

static int netcx_tx_segment(struct netcx_adapter *ad, struct sk_buff **pskb,
			    const struct netcx_tx_verdict *v,
			    netdev_features_t features)
{
	netdev_features_t keep = features & NETIF_F_SG;
	struct sk_buff *segs;

	/*
	 * Segments stay CHECKSUM_PARTIAL where the hardware can sum them;
	 * a tunnel's inner segmentation masks them with hw_enc_features,
	 * which has the device's own checksum bits.
	 */
	if (!v->csum_why)
		keep |= v->tnl ? features & NETIF_F_CSUM_MASK : NETIF_F_HW_CSUM;
	segs = netcx_pkt_segment(*pskb, keep);
	if (IS_ERR(segs))
		return netcx_tx_drop(ad, pskb, NETCX_WHY_NONE, PTR_ERR(segs));
	*pskb = segs;

	if (v->gso_off == NETCX_OFFLOAD_MAX)
		return NETCX_TX_SEGMENTED;
	netcx_count_gso(ad, v->gso_off, false, v->gso_why);
	if (v->csum_why)
		netcx_count_tx(ad, netcx_csum_stat(v, false), v->csum_why,
			       v->segs);
	return NETCX_TX_SEGMENTED;
}

/* The checksum in software, counted in @stat with @why. */
static int netcx_tx_checksum(struct netcx_adapter *ad, struct sk_buff **pskb,
			     enum netcx_tx_stat stat, u8 why)
{
	int err;

	err = netcx_pkt_checksum(*pskb);
	if (err)
		return netcx_tx_drop(ad, pskb, NETCX_WHY_NONE, err);
	netcx_count_tx(ad, stat, why, 1);
	return 0;
}

/*
 * A GSO skb of one segment: skb_gso_segment() passes it on as it is, so it
 * is sent as one packet. Its checksum in software needs it not GSO, and
 * its shared info its own before that changes.
 */
static int netcx_tx_one_segment(struct netcx_adapter *ad, struct sk_buff **pskb,
				const struct netcx_tx_verdict *v)
{
	struct sk_buff *skb = *pskb;

	netcx_count_gso(ad, v->gso_off, false, v->gso_why);
	if (!v->csum_why) {
		netcx_count_tx(ad, netcx_csum_stat(v, true), NETCX_WHY_NONE, 1);
		return 0;
	}
	if (skb_unclone(skb, GFP_ATOMIC))
		return netcx_tx_drop(ad, pskb, NETCX_WHY_NONE, -ENOMEM);
	skb_gso_reset(skb);
	return netcx_tx_checksum(ad, pskb, netcx_csum_stat(v, false),
				 v->csum_why);
}

/*
 * A packet the hardware segments, its headers seeded as the hardware wants
 * them ("DOC: segmentation seeds"), in a header of its own: the stack may
 * still hold a clone (TCP keeps one to retransmit).
 */
static int netcx_tx_seed(struct netcx_adapter *ad, struct sk_buff **pskb,
			 const struct netcx_tx_desc *desc, u8 gso_off)
{
	const struct netcx_gso_caps *caps =
		gso_off == NETCX_OFFLOAD_LSO ? &ad->lso : &ad->uso;
	struct sk_buff *skb = *pskb;
	__sum16 *check;
	__be32 len;

	if (!caps->seed)
		return 0;
	if (skb_cow_head(skb, 0))
		return netcx_tx_drop(ad, pskb, NETCX_WHY_NONE, -ENOMEM);
	if ((caps->seed & NETCX_GSO_SEED_IPV4_CSUM0) &&
	    !(desc->flags & NETCX_TXD_IPV6))
		((struct iphdr *)(skb->data + desc->l3_offset))->check = 0;
	if (caps->seed & NETCX_GSO_SEED_NO_LEN) {
		check = (__sum16 *)(skb->data + desc->l4_offset +
				    desc->csum_offset);
		len = htonl(skb->len - desc->l4_offset);
		csum_replace_by_diff(check, (__force __wsum)len);
	}
	return 0;
}

/* The hardware segments the packet: seeded if it asks, then counted. */
static int netcx_tx_gso_hw(struct netcx_adapter *ad, struct sk_buff **pskb,
			   const struct netcx_tx_desc *desc, u8 gso_off)
{
	int err = netcx_tx_seed(ad, pskb, desc, gso_off);

	if (err)
		return err;
	netcx_count_gso(ad, gso_off, true, NETCX_WHY_NONE);
	netcx_count_tx(ad, gso_off == NETCX_OFFLOAD_LSO ? NETCX_TX_LSO_HW_SEGS :
			   NETCX_TX_USO_HW_SEGS, NETCX_WHY_NONE, desc->segs);
	return 0;
}

/*
 * netcx_tx_prepare() for any packet the hardware does not take whole:
 * walked (unless @lay is the walk already made), decided with every
 * reason named, and what is left to software done and counted: the tag
 * pushed, the GSO skb segmented, or the checksum computed.
 */
static noinline int netcx_tx_prepare_slow(struct netcx_adapter *ad,
					  struct sk_buff **pskb,
					  struct netcx_tx_desc *desc,
					  struct netcx_pkt_layout *lay)
{
	netdev_features_t features = READ_ONCE(ad->dev->features);
	struct netcx_pkt_layout walked;
	struct netcx_tx_verdict v;
	struct sk_buff *skb = *pskb;
	int ret = 0;

	if (!lay && netcx_tnl_taken(&ad->plan, skb)) {
		ret = netcx_plan_decide_tnl(ad, skb, features, false, &v, desc);
		if (ret < 0) {
			netcx_tx_desc_clear(desc);
			return netcx_tx_drop(ad, pskb, NETCX_WHY_MALFORMED, ret);
		}
		goto decided;
	}
	if (!lay) {
		ret = netcx_tx_walk(skb, &walked);
		if (ret < 0) {
			netcx_tx_desc_clear(desc);
			return netcx_tx_drop(ad, pskb, NETCX_WHY_MALFORMED, ret);
		}
		lay = ret ? NULL : &walked;
	}
	netcx_plan_decide(&ad->plan, skb, lay, features, &v, desc);
decided:

	if (v.vlan_why) {
		skb = __vlan_hwaccel_push_inside(*pskb);
		*pskb = skb;
		if (!skb)	/* freed */
			return netcx_tx_drop(ad, pskb, NETCX_WHY_NONE, -ENOMEM);
		netcx_count_tx(ad, NETCX_TX_VLAN_SW, v.vlan_why, 1);
	} else if (desc->flags & NETCX_TXD_VLAN) {
		netcx_count_tx(ad, NETCX_TX_VLAN_HW, NETCX_WHY_NONE, 1);
	}
	skb = *pskb;

	if (skb_is_gso(skb)) {
		if (!v.gso_why && v.tnl) {
			netcx_count_gso(ad, v.gso_off, true, NETCX_WHY_NONE);
			netcx_count_tx(ad, NETCX_TX_TNL_GSO_HW_SEGS,
				       NETCX_WHY_NONE, desc->segs);
			return 0;
		}
		if (!v.gso_why)
			return netcx_tx_gso_hw(ad, pskb, desc, v.gso_off);
		if (v.segs < 2 && v.gso_off != NETCX_OFFLOAD_MAX)
			return netcx_tx_one_segment(ad, pskb, &v);
		netcx_tx_desc_clear(desc);
		return netcx_tx_segment(ad, pskb, &v, features);
	}
	if (skb->ip_summed != CHECKSUM_PARTIAL)
		return 0;
	if (v.csum_why)
		return netcx_tx_checksum(ad, pskb, netcx_csum_stat(&v, false),
					 v.csum_why);
	netcx_count_tx(ad, netcx_csum_stat(&v, true), NETCX_WHY_NONE, 1);
	return 0;
}

/**
 * netcx_tx_prepare() - prepare a packet for the hardware, in ndo_start_xmit
 * @ad: the adapter.
 * @pskb: the packet; replaced when it is segmented, set to NULL when it is
 *	dropped.
 * @desc: filled with what the hardware is to do for the packet.
 *
 * Walks the headers of a packet that asks for a checksum or segmentation
 * once, decides as netcx_features_check() does (see "DOC: per-packet
 * policy") against the device's current features, and fills @desc with
 * what the hardware may do. Whatever it may not do is done here, in
 * software: the tag pushed into the packet, the checksum computed
 * (netcx_pkt_checksum()), or the GSO skb segmented (netcx_pkt_segment()),
 * its segments left %CHECKSUM_PARTIAL where the hardware can sum them. This
 * covers the packets that never met netcx_features_check() (pktgen) and
 * the features that changed since. The hardware is never asked for what it
 * did not declare or what is not active. A packet the hardware is to
 * segment has its headers seeded as &netcx_gso_caps.seed asks ("DOC:
 * segmentation seeds"). Counts what it did ("DOC: counting").
 *
 * Then, for a return of 0, the driver posts *@pskb with @desc. For
 * %NETCX_TX_SEGMENTED, *@pskb is a list of segments (@desc is zeroed): the
 * driver takes each off the list (skb_list_walk_safe(),
 * skb_mark_not_on_list()) and passes it to netcx_tx_prepare() again, which
 * never segments again. For a negative errno, the packet has been freed
 * and counted; the driver returns %NETDEV_TX_OK.
 *
 * Context: ndo_start_xmit, BH disabled. Allocates only to segment, to push
 * a tag, to checksum in software, or to seed the headers of a shared
 * packet.
 * Return: 0, %NETCX_TX_SEGMENTED, or a negative errno (dropped): -EINVAL
 * or -EBADMSG for a malformed packet, or the software fallback's error.
 */
int netcx_tx_prepare(struct netcx_adapter *ad, struct sk_buff **pskb,
		     struct netcx_tx_desc *desc)
{
	struct sk_buff *skb = *pskb;
	struct netcx_pkt_layout lay;
	u32 fail;

	/*
	 * Nothing to ask of the hardware (the segments of a packet segmented
	 * and summed in software, most non-IP traffic): no walk, no decision.
	 */
	if (skb->ip_summed != CHECKSUM_PARTIAL && !skb_is_gso(skb) &&
	    !skb_vlan_tag_present(skb)) {
		netcx_tx_desc_clear(desc);
		return 0;
	}
	if (skb->ip_summed != CHECKSUM_PARTIAL || skb_vlan_tag_present(skb) ||
	    unlikely(skb->encapsulation && ad->plan.tnl) ||
	    !netcx_pkt_walk_fast(skb, &lay))
		return netcx_tx_prepare_slow(ad, pskb, desc, NULL);
	/* netcx_tx_walk()'s check of the walked packet */
	if (!netcx_csum_inside(skb))
		return netcx_tx_prepare_slow(ad, pskb, desc, NULL);
	fail = netcx_plan_takes(&ad->plan, skb, &lay,
				READ_ONCE(ad->dev->features), desc);
	if (unlikely(fail)) {
		/* only the checksum's kind is off: the reason is the rule's */
		if (fail == NETCX_FAIL_KIND && !skb_is_gso(skb))
			return netcx_tx_checksum(ad, pskb, NETCX_TX_CSUM_SW,
				netcx_plan_csum_rule(&ad->plan, skb, &lay,
						     netcx_class_of(&lay))->off_why);
		return netcx_tx_prepare_slow(ad, pskb, desc, &lay);
	}
	/* all in hardware */
	if (desc->flags & NETCX_TXD_LSO)
		return netcx_tx_gso_hw(ad, pskb, desc, NETCX_OFFLOAD_LSO);
	if (desc->flags & NETCX_TXD_USO)
		return netcx_tx_gso_hw(ad, pskb, desc, NETCX_OFFLOAD_USO);
	netcx_count_tx(ad, NETCX_TX_CSUM_HW, NETCX_WHY_NONE, 1);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(netcx_tx_prepare, NETCX_NS);
