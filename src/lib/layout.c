// SPDX-License-Identifier: GPL-2.0
/*
 * The header walk: one pass over the headers of a packet to transmit,
 * through skb_header_pointer(), so that it reads linear and paged skbs alike
 * and never past skb->len.
 */
#include <linux/if_ether.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/module.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include <netcx/pkt.h>

#include "walk.h"

/* Counts the in-band tags after the Ethernet header; the EtherType under them. */
static int netcx_pkt_l2(const struct sk_buff *skb, struct netcx_pkt_layout *lay,
			__be16 *proto)
{
	unsigned int off = lay->l2_len + offsetof(struct ethhdr, h_proto);
	__be16 _type, *type;

	for (;;) {
		type = skb_header_pointer(skb, off, sizeof(_type), &_type);
		if (!type)
			return -EBADMSG;
		off += sizeof(_type);
		if (!eth_type_vlan(*type))
			break;
		if (lay->tags == VLAN_MAX_DEPTH)
			return -EINVAL;
		lay->tags++;
		off += sizeof(struct vlan_hdr) - sizeof(_type);
	}
	lay->l2_len = off;
	*proto = *type;
	return 0;
}

/*
 * Returns the IP protocol, %NEXTHDR_NONE for a fragment without the
 * transport header, or a negative errno.
 */
static int netcx_pkt_ipv4(const struct sk_buff *skb,
			  struct netcx_pkt_layout *lay, unsigned int *end)
{
	unsigned int off = lay->l2_len, hlen, len;
	const struct iphdr *iph;
	struct iphdr _iph;

	iph = skb_header_pointer(skb, off, sizeof(_iph), &_iph);
	if (!iph)
		return -EBADMSG;
	if (iph->version != 4 || iph->ihl < 5)
		return -EINVAL;
	hlen = iph->ihl * 4;
	len = ntohs(iph->tot_len);
	/* BIG TCP: a GSO skb beyond 64 KiB carries 0, as in iph_totlen() */
	if (!len && skb_is_gso(skb))
		len = skb->len - off;
	if (len < hlen || len > skb->len - off)
		return -EBADMSG;

	*end = off + len;
	lay->l3 = NETCX_PKT_L3_IPV4;
	lay->l3_len = hlen;
	if (hlen > sizeof(*iph))
		lay->flags |= NETCX_PKT_IPV4_OPTS;
	if (iph->frag_off & htons(IP_MF | IP_OFFSET))
		lay->flags |= NETCX_PKT_FRAG;
	if (iph->frag_off & htons(IP_OFFSET))
		return NEXTHDR_NONE;
	return iph->protocol;
}

/*
 * Returns the protocol after the extension headers, %NEXTHDR_NONE for a
 * fragment without the transport header, or a negative errno.
 */
static int netcx_pkt_ipv6(const struct sk_buff *skb,
			  struct netcx_pkt_layout *lay, unsigned int *end)
{
	unsigned int off = lay->l2_len, l4off = off + sizeof(struct ipv6hdr);
	const struct ipv6hdr *ip6;
	struct ipv6hdr _ip6;
	unsigned int len;
	__be16 frag_off;
	u8 nexthdr;
	int ret;

	ip6 = skb_header_pointer(skb, off, sizeof(_ip6), &_ip6);
	if (!ip6)
		return -EBADMSG;
	if (ip6->version != 6)
		return -EINVAL;
	len = ntohs(ip6->payload_len);
	/* BIG TCP: a GSO skb beyond 64 KiB carries 0 */
	if (!len && skb_is_gso(skb))
		len = skb->len - l4off;
	if (len > skb->len - l4off)
		return -EBADMSG;

	*end = l4off + len;
	lay->l3 = NETCX_PKT_L3_IPV6;
	nexthdr = ip6->nexthdr;
	if (ipv6_ext_hdr(nexthdr) && nexthdr != NEXTHDR_NONE) {
		lay->flags |= NETCX_PKT_IPV6_EXT;
		/*
		 * Checks only that each header's first two bytes are there,
		 * and fails alike for a chain that runs off the packet and one
		 * that ends in "no next header"; the end is checked below.
		 */
		ret = ipv6_skip_exthdr(skb, l4off, &nexthdr, &frag_off);
		if (ret < 0)
			return -EBADMSG;
		l4off = ret;
		if (frag_off & htons(IP6_MF | IP6_OFFSET))
			lay->flags |= NETCX_PKT_FRAG;
		/* a later fragment: the walk stopped at the fragment header */
		if (frag_off & htons(IP6_OFFSET)) {
			l4off += sizeof(struct frag_hdr);
			nexthdr = NEXTHDR_NONE;
		}
	}
	if (l4off > *end || l4off - off > U16_MAX)
		return -EBADMSG;
	lay->l3_len = l4off - off;
	return nexthdr;
}

static int netcx_pkt_l4(const struct sk_buff *skb, struct netcx_pkt_layout *lay,
			int proto, unsigned int end)
{
	unsigned int off = netcx_pkt_l4_offset(lay);
	const struct tcphdr *th;
	struct tcphdr _th;

	switch (proto) {
	case IPPROTO_TCP:
		if (end - off < sizeof(_th))
			return -EBADMSG;
		th = skb_header_pointer(skb, off, sizeof(_th), &_th);
		if (!th)
			return -EBADMSG;
		if (th->doff < 5)
			return -EINVAL;
		if (end - off < th->doff * 4)
			return -EBADMSG;
		lay->l4 = NETCX_PKT_L4_TCP;
		lay->l4_len = th->doff * 4;
		if (th->doff > 5)
			lay->flags |= NETCX_PKT_TCP_OPTS;
		return 0;
	case IPPROTO_UDP:
		if (end - off < sizeof(struct udphdr))
			return -EBADMSG;
		lay->l4 = NETCX_PKT_L4_UDP;
		lay->l4_len = sizeof(struct udphdr);
		return 0;
	case NEXTHDR_NONE:
		return 0;
	default:
		lay->l4 = NETCX_PKT_L4_OTHER;
		return 0;
	}
}

/**
 * netcx_pkt_walk() - walk the headers of a packet to transmit
 * @skb: the packet, with skb->data at its Ethernet header, as in
 *	ndo_start_xmit() and ndo_features_check().
 * @lay: filled with where the headers are.
 *
 * Walks the Ethernet header, in-band 802.1Q/802.1ad tags (up to
 * %VLAN_MAX_DEPTH), the IPv4 header or the IPv6 header and its extension
 * headers (with ipv6_skip_exthdr()), and the TCP or UDP header, once, and
 * for a GSO skb (skb_is_gso(): gso_size is not 0; TCP sets gso_type on
 * every skb) reads its segment size and count. The common packet (no
 * in-band tag, IPv4 not fragmented or IPv6 without extension headers, TCP
 * or UDP, its headers in the linear area) is read in place; any other
 * through skb_header_pointer(); never past skb->len. It neither allocates
 * nor locks. The skb is not changed and its header offsets are not used.
 *
 * The transport header must end within the IP packet that the IPv4 total
 * length or the IPv6 payload length gives (taken as the rest of the skb when
 * 0 in a GSO skb, as BIG TCP sends), and that packet within the skb: bytes
 * after it (Ethernet padding) are allowed. IPv6 extension headers and
 * "no next header" are left to ipv6_skip_exthdr(), which fails on a chain
 * that ends in "no next header" after extension headers; such packets get
 * -EBADMSG. Only the outer headers of an encapsulated packet are walked
 * (netcx_pkt_walk_tnl() walks the inner ones too).
 *
 * Return: 0 with @lay filled, or a negative errno with @lay undefined:
 * -EINVAL when a field holds a value no valid packet has: an IP version
 * other than the EtherType's, an IPv4 header length below 20, a TCP data
 * offset below 5, more than %VLAN_MAX_DEPTH in-band tags, a GSO skb with no
 * payload after its headers;
 * -EBADMSG when the lengths do not add up: a header runs past the end of
 * the data or of the IP packet, an IPv4 total length shorter than its
 * header, an IP length longer than the data, an extension header chain that
 * runs off the packet.
 */
int netcx_pkt_walk(const struct sk_buff *skb, struct netcx_pkt_layout *lay)
{
	/* the common packet, read in place */
	if (netcx_pkt_walk_fast(skb, lay))
		return 0;
	return netcx_pkt_walk_slow(skb, lay);
}
EXPORT_SYMBOL_NS_GPL(netcx_pkt_walk, NETCX_NS);

/*
 * The walk from @start: an Ethernet header there when @type is 0, else an
 * IP header of EtherType @type. Offsets in @lay count from the skb's first
 * byte, so that the inner headers of an encapsulated packet are walked by
 * the same code as the outer ones.
 */
static int netcx_pkt_walk_at(const struct sk_buff *skb,
			     struct netcx_pkt_layout *lay, unsigned int start,
			     __be16 type)
{
	unsigned int end = skb->len;
	int proto;
	int err;

	*lay = (struct netcx_pkt_layout){ .l2_len = start };
	if (!type) {
		err = netcx_pkt_l2(skb, lay, &type);
		if (err)
			return err;
	}

	switch (type) {
	case htons(ETH_P_IP):
		proto = netcx_pkt_ipv4(skb, lay, &end);
		break;
	case htons(ETH_P_IPV6):
		proto = netcx_pkt_ipv6(skb, lay, &end);
		break;
	default:
		proto = NEXTHDR_NONE;
		break;
	}
	if (proto < 0)
		return proto;
	err = netcx_pkt_l4(skb, lay, proto, end);
	if (err)
		return err;

	return skb_is_gso(skb) ? netcx_pkt_walk_gso(skb, lay) : 0;
}

/* netcx_pkt_walk() for any packet, through skb_header_pointer(). */
int netcx_pkt_walk_slow(const struct sk_buff *skb, struct netcx_pkt_layout *lay)
{
	int err = netcx_pkt_walk_at(skb, lay, 0, 0);

	if (!err && skb_vlan_tag_present(skb))
		lay->flags |= NETCX_PKT_VLAN_HW;
	return err;
}

/* The IP protocol after the outer IP header (and IPv6 extension headers). */
static int netcx_pkt_ip_proto(const struct sk_buff *skb,
			      const struct netcx_pkt_layout *lay)
{
	unsigned int off = lay->l2_len;
	__be16 frag_off;
	u8 _p, *p;
	int ret;

	if (lay->l3 == NETCX_PKT_L3_IPV4) {
		p = skb_header_pointer(skb, off + offsetof(struct iphdr, protocol),
				       1, &_p);
		return p ? *p : -EBADMSG;
	}
	p = skb_header_pointer(skb, off + offsetof(struct ipv6hdr, nexthdr), 1,
			       &_p);
	if (!p)
		return -EBADMSG;
	_p = *p;
	if (!(lay->flags & NETCX_PKT_IPV6_EXT))
		return _p;
	ret = ipv6_skip_exthdr(skb, off + sizeof(struct ipv6hdr), &_p,
			       &frag_off);
	return ret < 0 ? -EBADMSG : _p;
}

/* GRE flags (RFC 2784, 2890) and the version field. */
#define NETCX_GRE_C	0x8000
#define NETCX_GRE_R	0x4000
#define NETCX_GRE_K	0x2000
#define NETCX_GRE_S	0x1000
#define NETCX_GRE_VER	0x0007

/*
 * The encapsulation header at @off (the outer transport header) of outer
 * IP protocol @proto: the encapsulation, where the inner frame starts and
 * what it starts with (*@type 0: Ethernet). Returns 0, -ENOENT for UDP to
 * a port the table does not hold, -EPROTONOSUPPORT for another protocol or
 * an encapsulation header netcx does not know, -EBADMSG when the header
 * runs past the packet.
 */
static int netcx_pkt_encap(const struct sk_buff *skb, struct netcx_pkt_tnl *t,
			   int proto, unsigned int off,
			   int (*port_encap)(const void *ctx, __be16 port),
			   const void *ctx, unsigned int *start, __be16 *type)
{
	const struct udphdr *uh;
	struct udphdr _uh;
	const u8 *h;
	u8 _h[8];
	u16 flags;
	int encap;

	switch (proto) {
	case IPPROTO_IPIP:
	case IPPROTO_IPV6:
		t->encap = NETCX_PKT_ENCAP_IPXIP;
		*start = off;
		*type = proto == IPPROTO_IPIP ? htons(ETH_P_IP) :
						htons(ETH_P_IPV6);
		return 0;
	case IPPROTO_GRE:
		h = skb_header_pointer(skb, off, 4, _h);
		if (!h)
			return -EBADMSG;
		flags = h[0] << 8 | h[1];
		if (flags & (NETCX_GRE_R | NETCX_GRE_VER))
			return -EPROTONOSUPPORT;
		t->encap = NETCX_PKT_ENCAP_GRE;
		t->outer_csum = !!(flags & NETCX_GRE_C);
		*start = off + 4 + 4 * !!(flags & NETCX_GRE_C) +
			 4 * !!(flags & NETCX_GRE_K) +
			 4 * !!(flags & NETCX_GRE_S);
		*type = htons(h[2] << 8 | h[3]);
		break;
	case IPPROTO_UDP:
		uh = skb_header_pointer(skb, off, sizeof(_uh), &_uh);
		if (!uh)
			return -EBADMSG;
		encap = port_encap(ctx, uh->dest);
		if (encap < 0)
			return -ENOENT;
		t->encap = encap;
		t->outer_csum = !!uh->check;
		off += sizeof(*uh);
		h = skb_header_pointer(skb, off, 8, _h);
		if (!h)
			return -EBADMSG;
		if (encap == NETCX_PKT_ENCAP_VXLAN) {
			/* the I flag alone: not VXLAN-GPE, GBP, ... */
			if (h[0] != 0x08)
				return -EPROTONOSUPPORT;
			*start = off + 8;
			*type = htons(ETH_P_TEB);
			break;
		}
		if (encap != NETCX_PKT_ENCAP_GENEVE || h[0] >> 6)
			return -EPROTONOSUPPORT;	/* GENEVE version 0 */
		*start = off + 8 + (h[0] & 0x3f) * 4;
		*type = htons(h[2] << 8 | h[3]);
		break;
	default:
		return -EPROTONOSUPPORT;
	}
	switch (*type) {
	case htons(ETH_P_TEB):
		*type = 0;
		return 0;
	case htons(ETH_P_IP):
	case htons(ETH_P_IPV6):
		return 0;
	default:
		return -EPROTONOSUPPORT;
	}
}

/**
 * netcx_pkt_walk_tnl() - walk the outer and inner headers of a packet
 * @skb: an encapsulated packet (skb->encapsulation), skb->data at its
 *	Ethernet header.
 * @t: filled with where the headers are.
 * @port_encap: for a packet in outer UDP, asked the encapsulation of its
 *	destination port: %NETCX_PKT_ENCAP_VXLAN, %NETCX_PKT_ENCAP_GENEVE, or
 *	a negative errno when the port is none the caller offloads.
 * @ctx: passed to @port_encap.
 *
 * Walks the outer headers as netcx_pkt_walk() does, then the encapsulation
 * header: VXLAN (the I flag alone) and GENEVE (version 0, its options) as
 * @port_encap says, GRE (protocol 47, version 0, no routing; C, K and S
 * fields skipped) and IPv4 or IPv6 in IP (protocol 4 or 41); then the
 * inner Ethernet header (VXLAN, GENEVE or GRE type 0x6558) and the inner
 * IP and transport headers with the same code as the outer ones. The
 * inner layout's offsets count from the outer frame's first byte: its
 * @l2_len is the inner IP header's offset, netcx_pkt_hdr_len() the length
 * of all the headers, and for a GSO skb its @gso_segs the segments of the
 * inner packet. The skb's own inner network and transport offsets must be
 * the ones walked.
 *
 * Return: 0 with @t filled; -ENOENT for outer UDP to a port @port_encap
 * refused and -EPROTONOSUPPORT for a packet that is well formed as far as
 * walked but no encapsulation netcx knows (an outer IP fragment, another
 * protocol, VXLAN-GPE, a GRE version or protocol type it does not know),
 * @t->outer filled; -EINVAL or -EBADMSG as netcx_pkt_walk() for a
 * malformed packet, or one whose inner offsets contradict the skb's.
 */
int netcx_pkt_walk_tnl(const struct sk_buff *skb, struct netcx_pkt_tnl *t,
		       int (*port_encap)(const void *ctx, __be16 port),
		       const void *ctx)
{
	unsigned int start;
	__be16 type;
	int err;

	t->encap = 0;
	t->outer_csum = 0;
	err = netcx_pkt_walk(skb, &t->outer);
	if (err)
		return err;
	if (t->outer.l3 == NETCX_PKT_L3_NONE ||
	    (t->outer.flags & NETCX_PKT_FRAG))
		return -EPROTONOSUPPORT;
	err = netcx_pkt_ip_proto(skb, &t->outer);
	if (err < 0)
		return err;
	err = netcx_pkt_encap(skb, t, err, netcx_pkt_l4_offset(&t->outer),
			      port_encap, ctx, &start, &type);
	if (err)
		return err;
	err = netcx_pkt_walk_at(skb, &t->inner, start, type);
	if (err)
		return err;
	if (skb_inner_network_offset(skb) != t->inner.l2_len ||
	    skb_inner_transport_offset(skb) != netcx_pkt_l4_offset(&t->inner))
		return -EINVAL;
	return 0;
}
EXPORT_SYMBOL_NS_GPL(netcx_pkt_walk_tnl, NETCX_NS);
