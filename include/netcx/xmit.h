/* SPDX-License-Identifier: GPL-2.0 */
/*
 * netcx per-packet paths: the transmit decision and descriptor, the receive
 * checksum report, coalesced receive frames, and the counters of every path
 * taken.
 *
 * A client driver wires them up as:
 *
 *   .ndo_features_check = calls netcx_features_check()
 *
 *   ndo_start_xmit(skb):
 *	err = netcx_tx_prepare(ad, &skb, &desc);
 *	if (err < 0)
 *		return NETDEV_TX_OK;		(dropped and counted)
 *	if (err == NETCX_TX_SEGMENTED)
 *		skb_list_walk_safe(skb, seg, next):
 *			skb_mark_not_on_list(seg);
 *			if (netcx_tx_prepare(ad, &seg, &desc) == 0)
 *				copy desc into the hardware descriptor, post seg
 *	else
 *		copy desc into the hardware descriptor, post skb
 *
 *   RX completion, a tag the hardware stripped, before eth_type_trans():
 *	skb = netcx_rx_vlan(ad, skb, tci);
 *   then, after eth_type_trans():
 *	netcx_rx_csum(ad, skb, &hw_result), or
 *	netcx_rx_csum_status(ad, skb, hw_status), or
 *	netcx_rx_csum_complete(ad, skb, hw_sum);
 *	for an encapsulated frame, hw_result.inner (with .inner_kind and
 *	.inner_level), or the status map's inner bits, report the inner
 *	TCP/UDP checksum: CHECKSUM_UNNECESSARY at csum_level .inner_level
 *	(1 behind VXLAN/GENEVE or GRE with a checksum, 0 behind GRE without
 *	one or IP in IP);
 *	for a frame the hardware coalesced (RSC), after the checksum:
 *	netcx_rx_rsc(ad, skb, hw_segs, hw_mss);
 *   then GRO.
 *
 *   ethtool -S: netcx_stats_count(), netcx_stats_strings(),
 *	netcx_stats_fill() after (or before) the driver's own.
 *
 * The driver reads only the descriptor, never the skb's offload fields: a
 * GSO skb of one segment, for instance, comes back without %NETCX_TXD_LSO
 * and is sent as one packet.
 */
#ifndef _NETCX_XMIT_H
#define _NETCX_XMIT_H

#include <linux/bits.h>
#include <linux/netdev_features.h>
#include <linux/types.h>

#include <netcx/pkt.h>

struct net_device;
struct netcx_adapter;
struct sk_buff;

/**
 * DOC: transmit descriptor flags
 *
 * ``NETCX_TXD_*`` bits in &netcx_tx_desc.flags: what netcx asks the
 * hardware to do for one packet. netcx sets a bit only for an offload that
 * is active and that the hardware's declared capabilities cover for this
 * packet's shape. %NETCX_TXD_LSO and %NETCX_TXD_USO come with
 * %NETCX_TXD_L4_CSUM (every segment is checksummed) and, over IPv4, with
 * %NETCX_TXD_IPV4_CSUM (every segment's header changes), whatever the
 * keywords say of the IPv4 header checksum. Otherwise the stack has already
 * written the IPv4 header checksum: %NETCX_TXD_IPV4_CSUM then comes only
 * with a protocol-aware engine's %NETCX_TXD_L4_CSUM, when that kind
 * (%NETCX_IPV4_HDR) is active. %NETCX_TXD_IPV6 and the offsets come with
 * a checksum or segmentation request.
 *
 * An encapsulated packet (&netcx_tx_desc.tnl not 0) has %NETCX_TXD_TNL:
 * %NETCX_TXD_L4_CSUM, %NETCX_TXD_LSO and %NETCX_TXD_USO then ask for the
 * inner transport checksum and the inner segmentation, %NETCX_TXD_IPV4_CSUM
 * for the inner IPv4 header's, and %NETCX_TXD_IIPV6 says the inner packet
 * is IPv6 (%NETCX_TXD_IPV6 stays the outer IP version). With segmentation,
 * %NETCX_TXD_OUTER_IPV4_CSUM asks for every segment's outer IPv4 header
 * checksum and %NETCX_TXD_OUTER_CSUM for its outer UDP (VXLAN, GENEVE) or
 * GRE checksum, the latter only from hardware that declared
 * &netcx_tunnel_caps.outer_csum. A driver that declared no tunnel
 * capabilities never sees these bits.
 */
#define NETCX_TXD_IPV4_CSUM	BIT(0)	/* insert the IPv4 header checksum */
#define NETCX_TXD_L4_CSUM	BIT(1)	/* insert the TCP/UDP (or generic) checksum */
#define NETCX_TXD_LSO		BIT(2)	/* segment TCP at @mss */
#define NETCX_TXD_USO		BIT(3)	/* segment UDP at @mss */
#define NETCX_TXD_VLAN		BIT(4)	/* insert an 802.1Q tag with @vlan_tci */
#define NETCX_TXD_IPV6		BIT(5)	/* the packet is IPv6 (else IPv4, if IP) */
#define NETCX_TXD_TNL		BIT(6)	/* the checksum/segmentation is the inner one */
#define NETCX_TXD_IIPV6		BIT(7)	/* with %NETCX_TXD_TNL: the inner packet is IPv6 */
#define NETCX_TXD_OUTER_CSUM	BIT(8)	/* fix each segment's outer UDP/GRE checksum */
#define NETCX_TXD_OUTER_IPV4_CSUM BIT(9) /* each segment's outer IPv4 header checksum */

/**
 * struct netcx_tx_desc - the per-packet offload descriptor
 *
 * NetAdapterCx's packet extensions for one packet, filled by
 * netcx_tx_prepare(), for the driver to copy into its hardware descriptor.
 *
 * @flags: ``NETCX_TXD_*`` bits.
 * @l3_offset: bytes before the IP header (layer-2 length, in-band tags
 *	included).
 * @l4_offset: bytes before the transport header; for a generic checksum
 *	engine, where summing starts (``csum_start``). Like @l3_offset, it
 *	counts a tag netcx pushed into the packet.
 * @csum_offset: where the checksum goes, from @l4_offset. The field holds
 *	the pseudo-header sum, as %CHECKSUM_PARTIAL leaves it.
 * @hdr_len: with %NETCX_TXD_LSO or %NETCX_TXD_USO, the bytes of headers
 *	repeated in every segment.
 * @mss: with %NETCX_TXD_LSO or %NETCX_TXD_USO, payload bytes per segment.
 * @segs: with %NETCX_TXD_LSO or %NETCX_TXD_USO, the segments to produce.
 * @vlan_tci: with %NETCX_TXD_VLAN, the tag (priority and VLAN id).
 * @l4_proto: %IPPROTO_TCP, %IPPROTO_UDP, or 0 when the transport is
 *	neither (only with a generic checksum engine); with %NETCX_TXD_TNL
 *	the inner transport.
 * @tnl: &enum netcx_encap + 1 of an encapsulated packet; 0 when the
 *	packet is not one, or is sent without tunnel offloads.
 * @il3_offset: with %NETCX_TXD_TNL, the inner IP header's offset from the
 *	outer frame's first byte.
 * @il4_offset: with %NETCX_TXD_TNL, the inner transport header's offset
 *	from the outer frame's first byte (a generic engine: csum_start).
 *
 * With %NETCX_TXD_TNL, @l3_offset and @l4_offset stay the outer headers'
 * (the hardware fixes the outer IP length and id, and the outer UDP
 * length, per segment); @csum_offset counts from @il4_offset; @hdr_len
 * covers outer and inner headers; @mss, @segs and @l4_proto describe the
 * inner packet.
 */
struct netcx_tx_desc {
	u16 flags;
	u16 l3_offset;
	u16 l4_offset;
	u16 csum_offset;
	u16 hdr_len;
	u16 mss;
	u16 segs;
	u16 vlan_tci;
	u8 l4_proto;
	u8 tnl;
	u16 il3_offset;
	u16 il4_offset;
};

/*
 * netcx_tx_prepare() returns this when it segmented the packet in software:
 * the skb is then a list of segments, each to be prepared again.
 */
#define NETCX_TX_SEGMENTED	1

netdev_features_t netcx_features_check(struct netcx_adapter *ad,
				       struct sk_buff *skb,
				       netdev_features_t features);
netdev_features_t netcx_ndo_features_check(struct sk_buff *skb,
					   struct net_device *dev,
					   netdev_features_t features);
int netcx_tx_prepare(struct netcx_adapter *ad, struct sk_buff **pskb,
		     struct netcx_tx_desc *desc);

void netcx_rx_csum(struct netcx_adapter *ad, struct sk_buff *skb,
		   const struct netcx_rx_csum *res);
void netcx_rx_csum_status(struct netcx_adapter *ad, struct sk_buff *skb,
			  u32 status);
void netcx_rx_csum_complete(struct netcx_adapter *ad, struct sk_buff *skb,
			    __wsum csum);
struct sk_buff *netcx_rx_vlan(struct netcx_adapter *ad, struct sk_buff *skb,
			      u16 tci);
void netcx_rx_rsc(struct netcx_adapter *ad, struct sk_buff *skb, u16 segs,
		  u16 mss);

int netcx_stats_count(const struct netcx_adapter *ad);
void netcx_stats_strings(const struct netcx_adapter *ad, u8 **data);
void netcx_stats_fill(const struct netcx_adapter *ad, u64 **data);

#ifdef NETCX_HAVE_QSTATS
struct netdev_queue_stats_rx;
struct netdev_queue_stats_tx;

void netcx_qstats_base(struct netcx_adapter *ad,
		       struct netdev_queue_stats_rx *rx,
		       struct netdev_queue_stats_tx *tx);
#endif

#endif /* _NETCX_XMIT_H */
