// SPDX-License-Identifier: GPL-2.0
/*
 * Software fallbacks for transmit: the kernel's own checksum and
 * segmentation code, behind the checks that keep it from warning about an
 * skb it was not meant for.
 */
#include <linux/err.h>
#include <linux/module.h>
#include <linux/netdevice.h>

#include <compat/compat.h>
#include <netcx/pkt.h>

/**
 * netcx_pkt_checksum() - compute a checksum the device was to compute
 * @skb: a packet to transmit, not GSO.
 *
 * Fills in the checksum that %CHECKSUM_PARTIAL left to the device: with
 * skb_checksum_help(), or SCTP's CRC32c with skb_csum_hwoffload_help()
 * given no device features; the skb is then %CHECKSUM_NONE. Any other skb
 * is left as it is.
 * A checksum field in the paged part is pulled into the head first, as
 * skb_checksum_help() requires (it WARNs otherwise). The skb head may be
 * reallocated: pointers into it taken before are stale.
 *
 * Return: 0; -EINVAL for a GSO skb (segment it with netcx_pkt_segment()
 * first); -ENOMEM when the field cannot be pulled; or the error of
 * skb_checksum_help().
 */
int netcx_pkt_checksum(struct sk_buff *skb)
{
	unsigned int end;

	if (skb->ip_summed != CHECKSUM_PARTIAL)
		return 0;
	if (skb_is_gso(skb))
		return -EINVAL;
	end = skb_checksum_start_offset(skb) + skb->csum_offset +
	      (skb_csum_is_sctp(skb) ? sizeof(__le32) : sizeof(__sum16));
	if (!pskb_may_pull(skb, end))
		return -ENOMEM;
	if (skb_csum_is_sctp(skb))
		return skb_csum_hwoffload_help(skb, 0);
	return skb_checksum_help(skb);
}
EXPORT_SYMBOL_NS_GPL(netcx_pkt_checksum, NETCX_NS);

/**
 * netcx_pkt_segment() - segment a GSO skb in software
 * @skb: a GSO skb to transmit, %CHECKSUM_PARTIAL, with its MAC, network
 *	and transport headers set, as the stack hands it to ndo_start_xmit().
 * @features: what the device can still do for each segment: %NETIF_F_SG
 *	to keep the payload in page fragments, and checksum features
 *	(%NETIF_F_HW_CSUM, %NETIF_F_IP_CSUM, %NETIF_F_IPV6_CSUM) to get the
 *	segments back %CHECKSUM_PARTIAL for the device to checksum; without
 *	them the segments come back checksummed (%CHECKSUM_NONE).
 *	Segmentation features are ignored: the skb is always segmented.
 *
 * Segments with skb_gso_segment(), which for TCP (%SKB_GSO_TCPV4,
 * %SKB_GSO_TCPV6) and UDP (%SKB_GSO_UDP_L4) copies the IPv4 options, IPv6
 * extension headers and TCP options into every segment and fixes each
 * segment's IPv4 id, total length and header checksum, IPv6 payload length,
 * TCP sequence number (FIN and PSH on the last segment only) or UDP length,
 * and its transport checksum as @features say. Walk the segments with
 * skb_list_walk_safe(); each has skb->data at its MAC header.
 *
 * Return: the segments, with @skb consumed; or an ERR_PTR() with @skb still
 * the caller's to free: -EINVAL when @skb is not GSO, not
 * %CHECKSUM_PARTIAL, or not longer than one segment; -EPROTONOSUPPORT for a
 * protocol the kernel cannot segment; -ENOMEM.
 */
struct sk_buff *netcx_pkt_segment(struct sk_buff *skb,
				  netdev_features_t features)
{
	struct sk_buff *segs;

	/* anything else makes skb_gso_segment() warn */
	if (!skb_is_gso(skb) || skb->ip_summed != CHECKSUM_PARTIAL)
		return ERR_PTR(-EINVAL);

	segs = skb_gso_segment(skb, features & ~NETIF_F_GSO_MASK);
	if (IS_ERR(segs))
		return segs;
	/* "needs no segmentation": not without segmentation features */
	if (!segs)
		return ERR_PTR(-EINVAL);
	consume_skb(skb);
	return segs;
}
EXPORT_SYMBOL_NS_GPL(netcx_pkt_segment, NETCX_NS);
