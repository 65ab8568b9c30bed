// SPDX-License-Identifier: GPL-2.0
/*
 * The receive side: the hardware's per-layer checksum results, filtered by
 * the receive checksum kinds that are active, set on the skb; and a stripped
 * 802.1Q tag handed to the stack as the tag features ask.
 */
#include <linux/export.h>
#include <linux/if_ether.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include <netcx/netcx.h>

#include "core.h"
#include "counters.h"

/**
 * DOC: receive checksum
 *
 * netcx_rx_csum() keeps of the hardware's results only those of kinds
 * that are active (netcx_active() of %NETCX_OFFLOAD_RX_CSUM: %NETIF_F_RXCSUM
 * on, the kind permitted) for the packet's IP version, read from
 * skb->protocol and the in-band tags after it, and reports them with
 * netcx_pkt_rx_csum(): a wrong checksum at any layer kept is
 * %CHECKSUM_NONE (counted ``rx_csum_invalid``: the stack finds it again,
 * counts it and drops the packet), a valid TCP or UDP checksum kept is
 * %CHECKSUM_UNNECESSARY at csum_level 0 (``rx_csum_valid``), anything else
 * %CHECKSUM_NONE: ``rx_csum_inactive`` when a result was left out, or RX
 * checksum is off altogether; ``rx_csum_not_checked`` otherwise.
 *
 * netcx_rx_csum_status() takes, instead of the results, the driver's
 * receive status word and derives them from the bits the driver declared
 * in &netcx_rx_csum_caps.status: every layer not checked when an
 * &netcx_rx_status_map.ignore bit is set; else, per layer, not checked
 * without a &netcx_rx_csum_bits.checked bit, invalid with a checked bit
 * and a &netcx_rx_csum_bits.bad bit, valid with a checked bit alone. A
 * device with one bit pair for TCP and UDP declares the same bits for both;
 * while only one of the two kinds is active, the result then stands only
 * for a packet of that protocol (read from the packet's headers). The
 * results then take netcx_rx_csum()'s path, counters included.
 *
 * netcx_rx_csum_complete() reports %CHECKSUM_COMPLETE (``rx_csum_complete``)
 * when the hardware declared &netcx_rx_csum_caps.complete, RX checksum is
 * on, and none of the kinds the hardware verifies for the packet's IP
 * version is off: the stack would check those from the sum. Otherwise
 * %CHECKSUM_NONE, counted ``rx_csum_inactive``.
 */

/*
 * The EtherType under the in-band tags that follow the Ethernet header;
 * @off is set to where its header starts.
 */
static __be16 netcx_rx_l3(const struct sk_buff *skb, unsigned int *l3_off)
{
	__be16 proto = skb->protocol;
	unsigned int off = 0;
	int depth;

	for (depth = 0; depth < VLAN_MAX_DEPTH && eth_type_vlan(proto); depth++) {
		const struct vlan_hdr *vh;
		struct vlan_hdr _vh;

		vh = skb_header_pointer(skb, off, sizeof(_vh), &_vh);
		if (!vh)
			return 0;
		proto = vh->h_vlan_encapsulated_proto;
		off += VLAN_HLEN;
	}
	*l3_off = off;
	return proto;
}

/* The receive checksum kinds of the packet's IP version. */
static u32 netcx_rx_kinds(const struct sk_buff *skb)
{
	unsigned int off;

	switch (netcx_rx_l3(skb, &off)) {
	case htons(ETH_P_IP):
		return NETCX_KINDS_V4;
	case htons(ETH_P_IPV6):
		return NETCX_KINDS_V6;
	default:
		return 0;
	}
}

static u8 netcx_rx_keep(u8 res, u32 kind, u32 act)
{
	return (kind & act) ? res : NETCX_CSUM_NOT_CHECKED;
}

/**
 * netcx_rx_csum() - report the hardware's receive checksum results
 * @ad: the adapter.
 * @skb: a received packet, after eth_type_trans().
 * @res: what the hardware found, per layer.
 *
 * See "DOC: receive checksum". Counts the packet once.
 *
 * Context: the receive path (NAPI), BH disabled.
 */
void netcx_rx_csum(struct netcx_adapter *ad, struct sk_buff *skb,
		   const struct netcx_rx_csum *res)
{
	u32 act = netcx_active_now(ad, NETCX_OFFLOAD_RX_CSUM);
	u32 ver = netcx_rx_kinds(skb) & act;
	struct netcx_rx_csum keep;
	enum netcx_rx_stat stat;

	keep.ipv4 = netcx_rx_keep(res->ipv4, NETCX_IPV4_HDR, ver);
	keep.tcp = netcx_rx_keep(res->tcp, NETCX_TCP4 | NETCX_TCP6, ver);
	keep.udp = netcx_rx_keep(res->udp, NETCX_UDP4 | NETCX_UDP6, ver);
	netcx_pkt_rx_csum(skb, &keep);

	if (keep.ipv4 == NETCX_CSUM_INVALID || keep.tcp == NETCX_CSUM_INVALID ||
	    keep.udp == NETCX_CSUM_INVALID)
		stat = NETCX_RX_INVALID;
	else if (skb->ip_summed == CHECKSUM_UNNECESSARY)
		stat = NETCX_RX_VALID;
	else if (!act || keep.ipv4 != res->ipv4 || keep.tcp != res->tcp ||
		 keep.udp != res->udp)
		stat = NETCX_RX_INACTIVE;
	else
		stat = NETCX_RX_NOT_CHECKED;
	netcx_count_rx(ad, stat);
}
EXPORT_SYMBOL_NS_GPL(netcx_rx_csum, NETCX_NS);

/*
 * The transport protocol of an unfragmented IPv4 or IPv6 packet (IPv6
 * extension headers skipped), or 0: not IP, a fragment, not readable.
 */
static u8 netcx_rx_l4(const struct sk_buff *skb)
{
	const struct iphdr *iph;
	struct iphdr _iph;
	unsigned int off;
	__be16 frag_off;
	u8 nexthdr;
	int l4;

	switch (netcx_rx_l3(skb, &off)) {
	case htons(ETH_P_IP):
		iph = skb_header_pointer(skb, off, sizeof(_iph), &_iph);
		if (!iph || ip_is_fragment(iph))
			return 0;
		return iph->protocol;
	case htons(ETH_P_IPV6):
		if (skb_copy_bits(skb, off + offsetof(struct ipv6hdr, nexthdr),
				  &nexthdr, sizeof(nexthdr)))
			return 0;
		l4 = ipv6_skip_exthdr(skb, off + sizeof(struct ipv6hdr),
				      &nexthdr, &frag_off);
		if (l4 < 0 || frag_off)
			return 0;
		return nexthdr;
	default:
		return 0;
	}
}

/*
 * A device with one status bit pair for TCP and UDP (it checks whichever
 * the packet carries) gives both results the same value. While one of the
 * two kinds is active for the packet's IP version and the other is not,
 * the result is kept only for the protocol the packet carries, read from
 * its headers: a TCP result must not make a UDP packet trusted when only
 * TCP is on, nor the other way round.
 */
static void netcx_rx_status_one_l4(struct netcx_adapter *ad,
				   const struct sk_buff *skb,
				   struct netcx_rx_csum *res)
{
	u32 act = netcx_active_now(ad, NETCX_OFFLOAD_RX_CSUM) &
		  netcx_rx_kinds(skb);
	bool tcp = act & (NETCX_TCP4 | NETCX_TCP6);
	bool udp = act & (NETCX_UDP4 | NETCX_UDP6);

	if (tcp == udp)
		return;
	switch (netcx_rx_l4(skb)) {
	case IPPROTO_TCP:
		res->udp = NETCX_CSUM_NOT_CHECKED;
		break;
	case IPPROTO_UDP:
		res->tcp = NETCX_CSUM_NOT_CHECKED;
		break;
	default:
		res->tcp = NETCX_CSUM_NOT_CHECKED;
		res->udp = NETCX_CSUM_NOT_CHECKED;
		break;
	}
}

static u8 netcx_rx_status_result(u32 status,
				 const struct netcx_rx_csum_bits *bits)
{
	if (!(status & bits->checked))
		return NETCX_CSUM_NOT_CHECKED;
	return status & bits->bad ? NETCX_CSUM_INVALID : NETCX_CSUM_VALID;
}

/**
 * netcx_rx_csum_status() - report the receive checksum from status bits
 * @ad: the adapter.
 * @skb: a received packet, after eth_type_trans().
 * @status: the hardware's status word for the packet, laid out as the
 *	driver declared in &netcx_rx_csum_caps.status.
 *
 * The per-layer results are read from @status with the declared bits,
 * then reported as netcx_rx_csum() reports them; see "DOC: receive
 * checksum". With no bits declared, every layer is not checked. Where the
 * TCP and UDP results share their bits and only one of the two kinds is
 * active, the packet's transport protocol decides which result stands
 * (read from its headers only then). Counts the packet once.
 *
 * Context: the receive path (NAPI), BH disabled.
 */
void netcx_rx_csum_status(struct netcx_adapter *ad, struct sk_buff *skb,
			  u32 status)
{
	const struct netcx_rx_status_map *map = &ad->rx_csum.status;
	struct netcx_rx_csum res = {
		.ipv4 = NETCX_CSUM_NOT_CHECKED,
		.tcp = NETCX_CSUM_NOT_CHECKED,
		.udp = NETCX_CSUM_NOT_CHECKED,
	};

	if (!(status & map->ignore)) {
		res.ipv4 = netcx_rx_status_result(status, &map->ipv4);
		res.tcp = netcx_rx_status_result(status, &map->tcp);
		res.udp = netcx_rx_status_result(status, &map->udp);
		if ((map->tcp.checked & map->udp.checked) &&
		    res.tcp == res.udp && res.tcp != NETCX_CSUM_NOT_CHECKED)
			netcx_rx_status_one_l4(ad, skb, &res);
	}
	netcx_rx_csum(ad, skb, &res);
}
EXPORT_SYMBOL_NS_GPL(netcx_rx_csum_status, NETCX_NS);

/**
 * netcx_rx_csum_complete() - report the hardware's full packet checksum
 * @ad: the adapter.
 * @skb: a received packet, after eth_type_trans().
 * @csum: the 32-bit ones' complement sum, neither folded nor complemented,
 *	of every byte after the 14-byte Ethernet header (what skb->data
 *	covers), in-band tags included.
 *
 * See "DOC: receive checksum". Counts the packet once.
 *
 * Context: the receive path (NAPI), BH disabled.
 */
void netcx_rx_csum_complete(struct netcx_adapter *ad, struct sk_buff *skb,
			    __wsum csum)
{
	u32 act = netcx_active_now(ad, NETCX_OFFLOAD_RX_CSUM);
	u32 ver = netcx_rx_kinds(skb) & netcx_hw_kinds(ad, NETCX_OFFLOAD_RX_CSUM);

	if (!ad->rx_csum.complete || !act || (ver & ~act)) {
		skb->ip_summed = CHECKSUM_NONE;
		skb->csum_level = 0;
		netcx_count_rx(ad, NETCX_RX_INACTIVE);
		return;
	}
	netcx_pkt_rx_csum_complete(skb, csum);
	netcx_count_rx(ad, NETCX_RX_COMPLETE);
}
EXPORT_SYMBOL_NS_GPL(netcx_rx_csum_complete, NETCX_NS);

/**
 * netcx_rx_vlan() - hand the stack an 802.1Q tag the hardware stripped
 * @ad: the adapter.
 * @skb: the received frame, skb->data at its Ethernet header (before
 *	eth_type_trans()).
 * @tci: the tag's control information, as the hardware stripped it.
 *
 * While tag stripping (%NETCX_OFFLOAD_VLAN_RX) is active for the tag's
 * kind (%NETCX_TAG_PRIO for VLAN id 0, else %NETCX_TAG_VLAN), the tag goes
 * to the stack out of band (counted ``rx_vlan_hw``); otherwise it is put
 * back into the frame (``rx_vlan_sw``): hardware with one switch for
 * insertion and stripping strips while insertion alone is on, and the
 * stack must still get the frame the features ask for.
 *
 * Context: the receive path (NAPI), BH disabled.
 * Return: @skb, or NULL when the tag could not be put back: the frame is
 * then freed and counted dropped (rx_dropped).
 */
struct sk_buff *netcx_rx_vlan(struct netcx_adapter *ad, struct sk_buff *skb,
			      u16 tci)
{
	u32 kind = tci & VLAN_VID_MASK ? NETCX_TAG_VLAN : NETCX_TAG_PRIO;

	if (netcx_active_now(ad, NETCX_OFFLOAD_VLAN_RX) & kind) {
		__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), tci);
		netcx_count_rx(ad, NETCX_RX_VLAN_HW);
		return skb;
	}
	netcx_count_rx(ad, NETCX_RX_VLAN_SW);
	skb = vlan_insert_tag(skb, htons(ETH_P_8021Q), tci);
	if (!skb)
		dev_core_stats_rx_dropped_inc(ad->dev);
	return skb;
}
EXPORT_SYMBOL_NS_GPL(netcx_rx_vlan, NETCX_NS);
