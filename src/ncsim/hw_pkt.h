/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What both ncsim engines read in a frame: big-endian fields, 802.1Q tags,
 * the IPv6 extension header chain and the transport checksum. Private to
 * the hardware model.
 */
#ifndef _NCSIM_HW_PKT_H
#define _NCSIM_HW_PKT_H

#include <linux/if_ether.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <net/checksum.h>
#include <net/ip6_checksum.h>
#include <net/ipv6.h>

/* The offset of the EtherType after the MAC addresses. */
#define NCSIM_HW_TYPE_OFF	(2 * ETH_ALEN)
/* The most 802.1Q/802.1ad tags the MAC looks through. */
#define NCSIM_HW_MAX_TAGS	2

static inline u16 ncsim_hw_get16(const u8 *p)
{
	return p[0] << 8 | p[1];
}

static inline void ncsim_hw_put16(u8 *p, u16 v)
{
	p[0] = v >> 8;
	p[1] = v & 0xff;
}

/*
 * The in-band tags of a frame of @len bytes, up to @max; the offset of the
 * IP header goes to *@l3.
 */
static inline unsigned int ncsim_hw_tags_max(const u8 *f, unsigned int len,
					     unsigned int max, unsigned int *l3)
{
	unsigned int off = NCSIM_HW_TYPE_OFF, tags = 0;

	while (tags < max && off + VLAN_HLEN + 2 <= len &&
	       eth_type_vlan(htons(ncsim_hw_get16(f + off)))) {
		off += VLAN_HLEN;
		tags++;
	}
	*l3 = off + 2;
	return tags;
}

/* The in-band tags the MAC looks through, up to NCSIM_HW_MAX_TAGS. */
static inline unsigned int ncsim_hw_tags(const u8 *f, unsigned int len,
					 unsigned int *l3)
{
	return ncsim_hw_tags_max(f, len, NCSIM_HW_MAX_TAGS, l3);
}

/*
 * The destination of the pseudo-header of an IPv6 packet whose IP header is
 * at @l3 and transport header at @l4: the final one, past the segments a
 * routing header still lists (RFC 8200 8.1); else the IPv6 header's.
 */
static inline const struct in6_addr *
ncsim_hw_ip6_dst(const u8 *f, unsigned int l3, unsigned int l4)
{
	const struct ipv6hdr *ip6 = (const struct ipv6hdr *)(f + l3);
	const struct in6_addr *dst = &ip6->daddr;
	unsigned int off = l3 + sizeof(*ip6), hl;
	u8 next = ip6->nexthdr;
	const u8 *h;

	while (off + 8 <= l4) {
		h = f + off;
		switch (next) {
		case NEXTHDR_HOP:
		case NEXTHDR_DEST:
		case NEXTHDR_ROUTING:
			hl = (h[1] + 1) * 8;
			break;
		case NEXTHDR_FRAGMENT:
			hl = 8;
			break;
		default:
			return dst;
		}
		if (off + hl > l4)
			break;
		/* type 4 (SRH) lists the final segment first, the others last */
		if (next == NEXTHDR_ROUTING && h[3] && h[1] >= 2) {
			dst = (const struct in6_addr *)(h + 8);
			if (h[2] != IPV6_SRCRT_TYPE_4)
				dst += h[1] / 2 - 1;
		}
		next = h[0];
		off += hl;
	}
	return dst;
}

/*
 * @sum, the sum of the @l4len bytes of a transport header and payload,
 * folded with the pseudo-header of the IP header at @l3 of the frame @f,
 * whose transport header is at @l4.
 */
static inline __sum16 ncsim_hw_l4_magic(const u8 *f, unsigned int l3,
					unsigned int l4, unsigned int l4len,
					bool v6, u8 proto, __wsum sum)
{
	const struct ipv6hdr *ip6;
	const struct iphdr *iph;

	if (v6) {
		ip6 = (const struct ipv6hdr *)(f + l3);
		return csum_ipv6_magic(&ip6->saddr, ncsim_hw_ip6_dst(f, l3, l4),
				       l4len, proto, sum);
	}
	iph = (const struct iphdr *)(f + l3);
	return csum_tcpudp_magic(iph->saddr, iph->daddr, l4len, proto, sum);
}

/*
 * The transport checksum of the @len - @l4 bytes at @l4, the check field
 * included, folded with the pseudo-header of the IP header at @l3: 0 when
 * a received checksum is right; when the field was 0, the value to store.
 */
static inline __sum16 ncsim_hw_l4_sum(const u8 *f, unsigned int len,
				      unsigned int l3, unsigned int l4,
				      bool v6, u8 proto)
{
	return ncsim_hw_l4_magic(f, l3, l4, len - l4, v6, proto,
				 csum_partial(f + l4, len - l4, 0));
}

#endif /* _NCSIM_HW_PKT_H */
