/* SPDX-License-Identifier: GPL-2.0 */
/*
 * netcx packet helpers: mechanism any NIC driver can use, with or without
 * the netcx core. One header walk per transmitted packet, the kernel's own
 * software checksum and segmentation behind two calls, and receive checksum
 * results set on the skb. Policy (what the hardware may do for a packet)
 * is the caller's.
 *
 * Symbols live in the NETCX_NS namespace: MODULE_IMPORT_NS(NETCX_NS).
 */
#ifndef _NETCX_PKT_H
#define _NETCX_PKT_H

#include <linux/bits.h>
#include <linux/netdev_features.h>
#include <linux/skbuff.h>
#include <linux/types.h>

#include <netcx/ns.h>

/**
 * enum netcx_pkt_l3 - the network layer of a packet
 * @NETCX_PKT_L3_NONE: neither IPv4 nor IPv6.
 * @NETCX_PKT_L3_IPV4: IPv4.
 * @NETCX_PKT_L3_IPV6: IPv6.
 */
enum netcx_pkt_l3 {
	NETCX_PKT_L3_NONE,
	NETCX_PKT_L3_IPV4,
	NETCX_PKT_L3_IPV6,
};

/**
 * enum netcx_pkt_l4 - the transport layer of a packet
 * @NETCX_PKT_L4_NONE: no transport header in this packet: not IP, a
 *	fragment other than the first, or an IPv6 "no next header".
 * @NETCX_PKT_L4_TCP: TCP.
 * @NETCX_PKT_L4_UDP: UDP.
 * @NETCX_PKT_L4_OTHER: another IP protocol (ICMP, SCTP, ESP, GRE, ...);
 *	its header is not walked.
 */
enum netcx_pkt_l4 {
	NETCX_PKT_L4_NONE,
	NETCX_PKT_L4_TCP,
	NETCX_PKT_L4_UDP,
	NETCX_PKT_L4_OTHER,
};

/**
 * DOC: layout flags
 *
 * ``NETCX_PKT_*`` bits in &netcx_pkt_layout.flags.
 */
#define NETCX_PKT_VLAN_HW	BIT(0)	/* out-of-band tag: skb_vlan_tag_present() */
#define NETCX_PKT_IPV4_OPTS	BIT(1)	/* IPv4 header longer than 20 bytes */
#define NETCX_PKT_IPV6_EXT	BIT(2)	/* IPv6 extension headers */
#define NETCX_PKT_FRAG		BIT(3)	/* an IP fragment (MF set or offset) */
#define NETCX_PKT_TCP_OPTS	BIT(4)	/* TCP header longer than 20 bytes */

/**
 * struct netcx_pkt_layout - where the headers of one packet are
 * @l2_len: bytes before the IP header (the offset of the network header):
 *	the Ethernet header and the in-band 802.1Q/802.1ad tags. An
 *	out-of-band tag (%NETCX_PKT_VLAN_HW) adds no bytes.
 * @l3_len: the IP header, with IPv4 options or IPv6 extension headers; 0
 *	when @l3 is %NETCX_PKT_L3_NONE.
 * @gso_size: for a GSO skb, the payload bytes per segment (the MSS);
 *	0 for a packet that is not segmented.
 * @gso_segs: for a GSO skb, the number of segments it yields; 0 otherwise.
 * @l4_len: the TCP header with its options, or 8 for UDP; 0 otherwise.
 * @l3: &enum netcx_pkt_l3.
 * @l4: &enum netcx_pkt_l4.
 * @tags: the number of in-band VLAN tags counted in @l2_len.
 * @flags: ``NETCX_PKT_*`` bits.
 */
struct netcx_pkt_layout {
	u16 l2_len;
	u16 l3_len;
	u16 gso_size;
	u16 gso_segs;
	u8 l4_len;
	u8 l3;
	u8 l4;
	u8 tags;
	u8 flags;
};

/**
 * netcx_pkt_l4_offset() - the offset of the transport header
 * @lay: a layout filled by netcx_pkt_walk().
 *
 * Return: @l2_len + @l3_len, the bytes before the transport header.
 */
static inline unsigned int netcx_pkt_l4_offset(const struct netcx_pkt_layout *lay)
{
	return lay->l2_len + lay->l3_len;
}

/**
 * netcx_pkt_hdr_len() - the length of all the headers walked
 * @lay: a layout filled by netcx_pkt_walk().
 *
 * Return: the bytes before the payload; for a GSO skb the header length
 * repeated in every segment.
 */
static inline unsigned int netcx_pkt_hdr_len(const struct netcx_pkt_layout *lay)
{
	return lay->l2_len + lay->l3_len + lay->l4_len;
}

int netcx_pkt_walk(const struct sk_buff *skb, struct netcx_pkt_layout *lay);

/**
 * enum netcx_pkt_encap - the encapsulations netcx_pkt_walk_tnl() knows
 * @NETCX_PKT_ENCAP_VXLAN: VXLAN: outer UDP, 8 bytes, inner Ethernet.
 * @NETCX_PKT_ENCAP_GENEVE: GENEVE: outer UDP, 8 bytes and options, inner
 *	Ethernet or IP.
 * @NETCX_PKT_ENCAP_GRE: GRE: IP protocol 47, 4 bytes and the C/K/S fields,
 *	inner Ethernet (0x6558) or IP.
 * @NETCX_PKT_ENCAP_IPXIP: IPv4 or IPv6 in IP (protocol 4 or 41).
 *
 * The same values as the core's &enum netcx_encap.
 */
enum netcx_pkt_encap {
	NETCX_PKT_ENCAP_VXLAN,
	NETCX_PKT_ENCAP_GENEVE,
	NETCX_PKT_ENCAP_GRE,
	NETCX_PKT_ENCAP_IPXIP,
};

/**
 * struct netcx_pkt_tnl - where the headers of an encapsulated packet are
 * @outer: the outer headers, as netcx_pkt_walk() fills them (@l4 is
 *	%NETCX_PKT_L4_UDP for VXLAN and GENEVE, else %NETCX_PKT_L4_OTHER).
 * @inner: the inner IP and transport headers, offsets counted from the
 *	outer frame's first byte (its l2_len: the inner IP header's offset;
 *	its tags: in-band tags of an inner Ethernet header).
 * @encap: &enum netcx_pkt_encap.
 * @outer_csum: the outer UDP checksum is not 0, or GRE has its C flag.
 */
struct netcx_pkt_tnl {
	struct netcx_pkt_layout outer;
	struct netcx_pkt_layout inner;
	u8 encap;
	u8 outer_csum;
};

int netcx_pkt_walk_tnl(const struct sk_buff *skb, struct netcx_pkt_tnl *t,
		       int (*port_encap)(const void *ctx, __be16 port),
		       const void *ctx);

int netcx_pkt_checksum(struct sk_buff *skb);
struct sk_buff *netcx_pkt_segment(struct sk_buff *skb,
				  netdev_features_t features);

/**
 * enum netcx_csum_result - what the hardware found for one checksum
 * @NETCX_CSUM_NOT_CHECKED: not verified.
 * @NETCX_CSUM_VALID: verified and correct.
 * @NETCX_CSUM_INVALID: verified and wrong.
 */
enum netcx_csum_result {
	NETCX_CSUM_NOT_CHECKED,
	NETCX_CSUM_VALID,
	NETCX_CSUM_INVALID,
};

/**
 * struct netcx_rx_csum - per-layer receive checksum results
 * @ipv4: the IPv4 header checksum, &enum netcx_csum_result.
 * @tcp: the TCP checksum, &enum netcx_csum_result.
 * @udp: the UDP checksum, &enum netcx_csum_result.
 * @inner: the inner TCP or UDP checksum of an encapsulated packet (VXLAN,
 *	GENEVE, GRE, IP in IP), &enum netcx_csum_result; @ipv4, @tcp and
 *	@udp stay the outer headers' results.
 * @inner_level: with @inner, the checksums the stack checks on its way in
 *	before the inner one, its csum_level: 1 behind a UDP header (VXLAN,
 *	GENEVE: its checksum, when not 0, must be verified and reported in
 *	@udp) or a GRE header with a checksum (verified by the hardware); 0
 *	behind GRE without a checksum or IP in IP. At most
 *	%SKB_MAX_CSUM_LEVEL.
 * @inner_kind: with @inner, the receive checksum kind of the inner
 *	transport: %NETCX_TCP4, %NETCX_UDP4, %NETCX_TCP6 or %NETCX_UDP6.
 */
struct netcx_rx_csum {
	u8 ipv4;
	u8 tcp;
	u8 udp;
	u8 inner;
	u8 inner_level;
	u32 inner_kind;
};

/**
 * netcx_pkt_rx_csum() - report per-layer receive checksum results
 * @skb: a received skb.
 * @res: what the hardware found.
 *
 * A valid inner checksum makes the skb %CHECKSUM_UNNECESSARY at
 * csum_level @res->inner_level: the stack takes every checksum it meets
 * on its way in, up to and including the inner transport one, as
 * verified. Else a valid TCP or UDP checksum makes it
 * %CHECKSUM_UNNECESSARY at csum_level 0 (the outermost transport
 * checksum). Anything else leaves it %CHECKSUM_NONE for the stack to
 * verify, above all an invalid checksum at any layer: the stack then finds
 * it, counts it and drops the packet as it does its own. A valid IPv4
 * header checksum alone changes nothing: the stack always verifies that
 * one itself.
 */
static inline void netcx_pkt_rx_csum(struct sk_buff *skb,
				     const struct netcx_rx_csum *res)
{
	skb->ip_summed = CHECKSUM_NONE;
	skb->csum_level = 0;
	if (res->ipv4 == NETCX_CSUM_INVALID || res->tcp == NETCX_CSUM_INVALID ||
	    res->udp == NETCX_CSUM_INVALID || res->inner == NETCX_CSUM_INVALID)
		return;
	if (res->inner == NETCX_CSUM_VALID &&
	    res->inner_level <= SKB_MAX_CSUM_LEVEL) {
		skb->ip_summed = CHECKSUM_UNNECESSARY;
		skb->csum_level = res->inner_level;
	} else if (res->tcp == NETCX_CSUM_VALID ||
		   res->udp == NETCX_CSUM_VALID) {
		skb->ip_summed = CHECKSUM_UNNECESSARY;
	}
}

/**
 * netcx_pkt_rx_csum_complete() - report the hardware's full packet checksum
 * @skb: a received skb.
 * @csum: the 32-bit ones' complement sum, neither folded nor complemented,
 *	of every byte after the 14-byte Ethernet header (what skb->data covers
 *	once eth_type_trans() has run), in-band VLAN tags included.
 *
 * Sets %CHECKSUM_COMPLETE: the stack then checks every layer from @csum.
 */
static inline void netcx_pkt_rx_csum_complete(struct sk_buff *skb, __wsum csum)
{
	skb->ip_summed = CHECKSUM_COMPLETE;
	skb->csum = csum;
}

#endif /* _NETCX_PKT_H */
