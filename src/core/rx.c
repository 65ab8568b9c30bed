// SPDX-License-Identifier: GPL-2.0
/*
 * The receive side: the hardware's per-layer checksum results, filtered by
 * the receive checksum kinds that are active, set on the skb; a stripped
 * 802.1Q tag handed to the stack as the tag features ask; and a frame the
 * hardware coalesced handed over as the packet software GRO would build.
 */
#include <linux/export.h>
#include <linux/if_ether.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <net/gro.h>
#include <net/ip.h>
#include <net/ip6_checksum.h>
#include <net/ipv6.h>
#include <net/tcp.h>

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
 * An encapsulated packet's inner TCP/UDP result (&netcx_rx_csum.inner) is
 * kept when its kind (&netcx_rx_csum.inner_kind, the inner IP version's)
 * is active and no outer result was left out: the stack checks the outer
 * checksums first, and csum_level vouches for each of them. A valid one
 * kept is %CHECKSUM_UNNECESSARY at csum_level &netcx_rx_csum.inner_level
 * (1 behind VXLAN's or GENEVE's UDP header, whose checksum counts as one
 * even when it is 0, and behind GRE with a checksum; 0 behind GRE without
 * one and IP in IP), counted ``rx_csum_valid`` and ``rx_csum_inner_valid``;
 * a wrong one is ``rx_csum_invalid``. The status word reports it with the
 * &netcx_rx_status_map.inner bits, its kind and level with
 * &netcx_rx_status_map.inner_tcp, .inner_ipv6 and .inner_level.
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

#define NETCX_RX_L4_KINDS	(NETCX_TCP4 | NETCX_UDP4 | NETCX_TCP6 | NETCX_UDP6)

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
	keep.inner = NETCX_CSUM_NOT_CHECKED;
	keep.inner_level = res->inner_level;
	keep.inner_kind = res->inner_kind;
	/* the inner result stands on every outer one the stack checks first */
	if (res->inner != NETCX_CSUM_NOT_CHECKED &&
	    keep.ipv4 == res->ipv4 && keep.tcp == res->tcp &&
	    keep.udp == res->udp)
		keep.inner = netcx_rx_keep(res->inner, res->inner_kind &
					   NETCX_RX_L4_KINDS, act);
	netcx_pkt_rx_csum(skb, &keep);

	if (keep.ipv4 == NETCX_CSUM_INVALID || keep.tcp == NETCX_CSUM_INVALID ||
	    keep.udp == NETCX_CSUM_INVALID || keep.inner == NETCX_CSUM_INVALID)
		stat = NETCX_RX_INVALID;
	else if (skb->ip_summed == CHECKSUM_UNNECESSARY)
		stat = NETCX_RX_VALID;
	else if (!act || keep.ipv4 != res->ipv4 || keep.tcp != res->tcp ||
		 keep.udp != res->udp || keep.inner != res->inner)
		stat = NETCX_RX_INACTIVE;
	else
		stat = NETCX_RX_NOT_CHECKED;
	netcx_count_rx(ad, stat);
	if (stat == NETCX_RX_VALID && keep.inner == NETCX_CSUM_VALID)
		netcx_count_rx(ad, NETCX_RX_INNER_VALID);
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
		.inner = NETCX_CSUM_NOT_CHECKED,
	};

	if (!(status & map->ignore)) {
		res.ipv4 = netcx_rx_status_result(status, &map->ipv4);
		res.tcp = netcx_rx_status_result(status, &map->tcp);
		res.udp = netcx_rx_status_result(status, &map->udp);
		if ((map->tcp.checked & map->udp.checked) &&
		    res.tcp == res.udp && res.tcp != NETCX_CSUM_NOT_CHECKED)
			netcx_rx_status_one_l4(ad, skb, &res);
		res.inner = netcx_rx_status_result(status, &map->inner);
		if (res.inner != NETCX_CSUM_NOT_CHECKED) {
			res.inner_level = !!(status & map->inner_level);
			res.inner_kind = status & map->inner_ipv6 ?
				(status & map->inner_tcp ? NETCX_TCP6 : NETCX_UDP6) :
				(status & map->inner_tcp ? NETCX_TCP4 : NETCX_UDP4);
		}
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

/**
 * DOC: receive coalescing
 *
 * netcx_rx_rsc() hands the stack a frame the hardware coalesced from
 * several segments of one TCP flow (RSC; Linux's hardware GRO) as the
 * packet software GRO builds from the same segments, so that the stack can
 * deliver it, and forward it and segment it again (skb_gso_segment(), or
 * the TSO of the device it leaves by), each segment as it was on the wire.
 * Such a packet carries, besides the coalesced bytes:
 *
 * - its network and transport header offsets (skb_set_network_header(),
 *   skb_set_transport_header());
 * - &skb_shared_info gso_size (the MSS), gso_segs (the segment count) and
 *   gso_type %SKB_GSO_TCPV4 or %SKB_GSO_TCPV6, with %SKB_GSO_TCP_ECN when
 *   the TCP header has CWR (only the first segment gets it back);
 * - %CHECKSUM_PARTIAL, csum_start at the TCP header and csum_offset at its
 *   checksum, which holds the pseudo-header sum over the whole TCP length,
 *   not complemented: the checksum the hardware verified is the stack's to
 *   recompute per segment, as on transmit. %CHECKSUM_UNNECESSARY is not
 *   enough: a GSO skb on its way out must be %CHECKSUM_PARTIAL.
 *
 * That is what tcp4_gro_complete() and tcp6_gro_complete() leave, and what
 * bnxt, qede and mlx5 set for their hardware GRO; netcx sets the checksum
 * field and calls the kernel's tcp_gro_complete() for the rest, the
 * segment count in NAPI_GRO_CB(skb)->count as those drivers do (skb->cb is
 * overwritten). The IP header is left as the hardware wrote it: the IPv4
 * total length or IPv6 payload length must cover the frame exactly and the
 * IPv4 header checksum must be right (inet_gro_complete() rewrites both
 * for software GRO; RSC hardware writes them itself). The IPv4 id is the
 * first segment's; without %SKB_GSO_TCP_FIXEDID segmenting again numbers
 * the segments from it, one by one, as the sender did.
 *
 * A @segs of 0 or 1 is a plain packet: nothing is changed or counted.
 * Otherwise the frame is checked in this order, and the first check that
 * fails passes it on unchanged, a plain packet (one large TCP segment the
 * stack verifies and delivers as it is), counted under its reason:
 *
 * - ``inactive``: RSC is active for no kind: %NETIF_F_GRO_HW is off, or
 *   RSC is not declared or permitted at all;
 * - ``malformed``: the call came before eth_type_trans() (the Ethernet
 *   header is not just before skb->data), the skb is already GSO, or
 *   netcx_pkt_walk() fails on the frame;
 * - ``shape``: not TCP over IP, or an IP fragment;
 * - ``inactive``: RSC is not active for the frame's kind (%NETCX_TCP4 or
 *   %NETCX_TCP6): a keyword (``*RscIPv4``, ``*RscIPv6``) switched it off,
 *   or it is not declared for that IP version;
 * - ``shape``: IPv4 options or IPv6 extension headers, or a SYN, RST or
 *   URG segment (in-band 802.1Q/802.1ad tags are allowed, as software GRO
 *   allows them; so are TCP options, which segmenting again copies into
 *   every segment);
 * - ``csum``: the receive checksum report (netcx_rx_csum() and the like,
 *   called before) did not leave %CHECKSUM_UNNECESSARY: the TCP checksum
 *   of the segments was not verified;
 * - ``malformed``: the IP length does not cover the frame exactly, the
 *   IPv4 header checksum is wrong, @mss is 0, the payload is not that of
 *   @segs segments of @mss bytes (the last one 1 to @mss bytes), or @segs
 *   is above the declared &netcx_rsc_caps.max_segs;
 * - ``nomem``: the headers could not be pulled into the linear area, or
 *   copied out of a clone, to write the TCP checksum field.
 *
 * A frame handed over counts once in ``rx_rsc_packets``, its @segs in
 * ``rx_rsc_segments``, its length from the Ethernet header on (in-band tags
 * included) in ``rx_rsc_bytes``.
 */

/* An IP header that covers exactly the @len bytes after the layer-2 ones. */
static bool netcx_rsc_l3_ok(const struct sk_buff *skb,
			    const struct netcx_pkt_layout *lay,
			    unsigned int len)
{
	unsigned int nh = lay->l2_len - ETH_HLEN;
	const struct ipv6hdr *ip6;
	const struct iphdr *iph;
	struct ipv6hdr _ip6;
	struct iphdr _iph;

	if (lay->l3 == NETCX_PKT_L3_IPV4) {
		iph = skb_header_pointer(skb, nh, sizeof(_iph), &_iph);
		return iph && ntohs(iph->tot_len) == len &&
		       !ip_fast_csum(iph, sizeof(*iph) / 4);
	}
	ip6 = skb_header_pointer(skb, nh, sizeof(_ip6), &_ip6);
	return ip6 && ntohs(ip6->payload_len) + sizeof(*ip6) == len;
}

/*
 * The checks of "DOC: receive coalescing", in order: returns
 * %NETCX_RX_RSC_PACKETS when @skb is handed over as a hardware GRO packet,
 * @lay filled; else the counter of the reason it is not.
 */
static enum netcx_rx_stat netcx_rsc_check(struct netcx_adapter *ad,
					  struct sk_buff *skb, u16 segs,
					  u16 mss, struct netcx_pkt_layout *lay)
{
	u32 act = netcx_active_now(ad, NETCX_OFFLOAD_RSC);
	unsigned int payload, nh;
	const struct tcphdr *th;
	struct tcphdr _th;
	int err;

	if (!act)
		return NETCX_RX_RSC_INACTIVE;
	if (skb_is_gso(skb) || !skb_mac_header_was_set(skb) ||
	    skb_mac_offset(skb) != -ETH_HLEN)
		return NETCX_RX_RSC_MALFORMED;
	/* the walk reads from the Ethernet header, eth_type_trans() pulled */
	__skb_push(skb, ETH_HLEN);
	err = netcx_pkt_walk(skb, lay);
	__skb_pull(skb, ETH_HLEN);
	if (err)
		return NETCX_RX_RSC_MALFORMED;

	if (lay->l4 != NETCX_PKT_L4_TCP || (lay->flags & NETCX_PKT_FRAG))
		return NETCX_RX_RSC_SHAPE;
	if (!(act & (lay->l3 == NETCX_PKT_L3_IPV6 ? NETCX_TCP6 : NETCX_TCP4)))
		return NETCX_RX_RSC_INACTIVE;
	if (lay->flags & (NETCX_PKT_IPV4_OPTS | NETCX_PKT_IPV6_EXT))
		return NETCX_RX_RSC_SHAPE;
	th = skb_header_pointer(skb, netcx_pkt_l4_offset(lay) - ETH_HLEN,
				sizeof(_th), &_th);
	if (!th)
		return NETCX_RX_RSC_MALFORMED;
	if (tcp_flag_word(th) & (TCP_FLAG_SYN | TCP_FLAG_RST | TCP_FLAG_URG))
		return NETCX_RX_RSC_SHAPE;

	if (skb->ip_summed != CHECKSUM_UNNECESSARY)
		return NETCX_RX_RSC_CSUM;

	nh = lay->l2_len - ETH_HLEN;
	if (!netcx_rsc_l3_ok(skb, lay, skb->len - nh))
		return NETCX_RX_RSC_MALFORMED;
	payload = skb->len + ETH_HLEN - netcx_pkt_hdr_len(lay);
	if (!mss || segs > netcx_rsc_max_segs(&ad->rsc) ||
	    payload <= (u32)(segs - 1) * mss || payload > (u32)segs * mss)
		return NETCX_RX_RSC_MALFORMED;

	/* the TCP checksum field is written: a private, linear header */
	if (skb_ensure_writable(skb, netcx_pkt_hdr_len(lay) - ETH_HLEN))
		return NETCX_RX_RSC_NOMEM;
	return NETCX_RX_RSC_PACKETS;
}

/* What software GRO's completion sets; see "DOC: receive coalescing". */
static void netcx_rsc_gro(struct sk_buff *skb,
			  const struct netcx_pkt_layout *lay, u16 segs,
			  u16 mss)
{
	unsigned int nh = lay->l2_len - ETH_HLEN, thoff = nh + lay->l3_len;
	struct skb_shared_info *shinfo = skb_shinfo(skb);
	unsigned int len = skb->len - thoff;
	struct tcphdr *th;

	skb_set_network_header(skb, nh);
	skb_set_transport_header(skb, thoff);
	th = tcp_hdr(skb);
	if (lay->l3 == NETCX_PKT_L3_IPV6) {
		const struct ipv6hdr *ip6 = ipv6_hdr(skb);

		th->check = ~tcp_v6_check(len, &ip6->saddr, &ip6->daddr, 0);
		shinfo->gso_type = SKB_GSO_TCPV6;
	} else {
		const struct iphdr *iph = ip_hdr(skb);

		th->check = ~tcp_v4_check(len, iph->saddr, iph->daddr, 0);
		shinfo->gso_type = SKB_GSO_TCPV4;
	}
	shinfo->gso_size = mss;
	/* tcp_gro_complete() takes gso_segs from there */
	NAPI_GRO_CB(skb)->count = segs;
	tcp_gro_complete(skb);
}

/**
 * netcx_rx_rsc() - hand the stack a frame the hardware coalesced
 * @ad: the adapter.
 * @skb: the frame, after eth_type_trans() and the receive checksum report
 *	(netcx_rx_csum(), netcx_rx_csum_status()), before napi_gro_receive()
 *	or netif_receive_skb(); not GSO.
 * @segs: the TCP segments the hardware coalesced into it (2 or more; 0 or
 *	1: a plain packet).
 * @mss: the payload bytes of each segment but the last, which may be
 *	shorter.
 *
 * While RSC is active for the frame's kind, and the frame is a coalesced
 * TCP packet whose checksum the hardware verified, sets on @skb what
 * software GRO sets on a packet it built (GSO type, size and segment
 * count, %CHECKSUM_PARTIAL and the TCP checksum field, the header offsets),
 * so that the stack may forward it and segment it again; counts it in
 * ``rx_rsc_packets``, ``rx_rsc_segments`` and ``rx_rsc_bytes``. Otherwise
 * leaves @skb a plain packet, as it came, and counts the reason in
 * ``rx_rsc_refused_<reason>``. See "DOC: receive coalescing". Any input
 * is safe: a frame that contradicts @segs or @mss, or is not a coalesced
 * TCP packet at all, is passed on plain, never dropped.
 *
 * Context: the receive path (NAPI), BH disabled. May reallocate the skb's
 * head (skb_ensure_writable()), and overwrites skb->cb.
 */
void netcx_rx_rsc(struct netcx_adapter *ad, struct sk_buff *skb, u16 segs,
		  u16 mss)
{
	struct netcx_pkt_layout lay;
	enum netcx_rx_stat stat;

	if (segs < 2)
		return;
	stat = netcx_rsc_check(ad, skb, segs, mss, &lay);
	if (stat != NETCX_RX_RSC_PACKETS) {
		netcx_count_rx(ad, stat);
		return;
	}
	netcx_rsc_gro(skb, &lay, segs, mss);
	netcx_count_rx_rsc(ad, segs, skb->len + ETH_HLEN);
}
EXPORT_SYMBOL_NS_GPL(netcx_rx_rsc, NETCX_NS);
