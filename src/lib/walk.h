/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The header walk's fast path, inline so that the transmit path (src/core)
 * and netcx_pkt_walk() share it without a call.
 */
#ifndef _NETCX_LIB_WALK_H
#define _NETCX_LIB_WALK_H

#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/minmax.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/ip.h>

#include <netcx/pkt.h>

int netcx_pkt_walk_slow(const struct sk_buff *skb, struct netcx_pkt_layout *lay);

/*
 * The segments a GSO skb of @hlen bytes of headers yields, @gso_size
 * payload bytes each: the sender's gso_segs when the length agrees with
 * it (two multiplications), else counted from the length (a division).
 * @skb->len must exceed @hlen.
 */
static __always_inline u32 netcx_pkt_gso_segs(const struct sk_buff *skb,
					      unsigned int hlen, u16 gso_size)
{
	u32 payload = skb->len - hlen;
	u32 segs = skb_shinfo(skb)->gso_segs;
	u64 mss = gso_size;

	if (segs && (segs - 1) * mss < payload && payload <= segs * mss)
		return segs;
	return DIV_ROUND_UP(payload, gso_size);
}

/* The GSO part of the walk: the segment size and count of a GSO skb. */
static __always_inline int netcx_pkt_walk_gso(const struct sk_buff *skb,
					      struct netcx_pkt_layout *lay)
{
	unsigned int hlen = netcx_pkt_hdr_len(lay);

	if (skb->len <= hlen)
		return -EINVAL;
	lay->gso_size = skb_shinfo(skb)->gso_size;
	/* Saturates: no device takes that many segments anyway. */
	lay->gso_segs = min_t(u32, U16_MAX,
			      netcx_pkt_gso_segs(skb, hlen, lay->gso_size));
	return 0;
}

/*
 * The packet almost every caller sends: Ethernet without an in-band tag,
 * IPv4 that is not a fragment (options allowed) or IPv6 without extension
 * headers, then TCP or UDP, the headers up to the TCP one in the linear
 * area. Reads them in place and fills @lay as netcx_pkt_walk() does:
 * returns true. Returns false, @lay undefined, for any other packet. With
 * @strict, it makes every check of netcx_pkt_walk() (a malformed packet
 * returns false, for netcx_pkt_walk() to walk through skb_header_pointer()
 * and judge); without, it skips the lengths that only tell a malformed
 * packet (the IP lengths against the skb's, a GSO skb's payload), for a
 * caller whose answer for a malformed packet does not matter.
 */
static __always_inline bool __netcx_pkt_walk_fast(const struct sk_buff *skb,
						  struct netcx_pkt_layout *lay,
						  const bool strict)
{
	unsigned int head = skb_headlen(skb), len, hlen, l4off, end;
	const struct ethhdr *eth = (const struct ethhdr *)skb->data;
	const struct tcphdr *th;
	u8 l3, l4, l4_len, flags = 0, proto;

	if (head < ETH_HLEN + sizeof(struct iphdr))
		return false;
	if (eth->h_proto == htons(ETH_P_IP)) {
		const struct iphdr *iph = (const void *)(eth + 1);

		if (iph->version != 4 || iph->ihl < 5 ||
		    (iph->frag_off & htons(IP_MF | IP_OFFSET)))
			return false;
		hlen = iph->ihl * 4;
		len = strict ? ntohs(iph->tot_len) : U16_MAX;
		/* BIG TCP: a GSO skb beyond 64 KiB carries 0 */
		if (!len && skb_is_gso(skb))
			len = skb->len - ETH_HLEN;
		if (strict && (len < hlen || len > skb->len - ETH_HLEN))
			return false;
		if (hlen > sizeof(*iph))
			flags |= NETCX_PKT_IPV4_OPTS;
		end = strict ? ETH_HLEN + len : U32_MAX;
		l3 = NETCX_PKT_L3_IPV4;
		proto = iph->protocol;
	} else if (eth->h_proto == htons(ETH_P_IPV6)) {
		const struct ipv6hdr *ip6 = (const void *)(eth + 1);

		if (head < ETH_HLEN + sizeof(*ip6) || ip6->version != 6)
			return false;
		hlen = sizeof(*ip6);
		len = strict ? ntohs(ip6->payload_len) : U16_MAX;
		if (!len && skb_is_gso(skb))
			len = skb->len - ETH_HLEN - hlen;
		if (strict && len > skb->len - ETH_HLEN - hlen)
			return false;
		end = strict ? ETH_HLEN + hlen + len : U32_MAX;
		l3 = NETCX_PKT_L3_IPV6;
		proto = ip6->nexthdr;
	} else {
		return false;
	}

	l4off = ETH_HLEN + hlen;
	if (proto == IPPROTO_TCP) {
		if ((strict && end - l4off < sizeof(*th)) ||
		    head < l4off + sizeof(*th))
			return false;
		th = (const void *)(skb->data + l4off);
		if (th->doff < 5 || (strict && end - l4off < th->doff * 4))
			return false;
		if (th->doff > 5)
			flags |= NETCX_PKT_TCP_OPTS;
		l4 = NETCX_PKT_L4_TCP;
		l4_len = th->doff * 4;
	} else if (proto == IPPROTO_UDP) {
		if (strict && end - l4off < sizeof(struct udphdr))
			return false;
		l4 = NETCX_PKT_L4_UDP;
		l4_len = sizeof(struct udphdr);
	} else {
		return false;
	}

	if (skb_vlan_tag_present(skb))
		flags |= NETCX_PKT_VLAN_HW;
	*lay = (struct netcx_pkt_layout){
		.l2_len = ETH_HLEN,
		.l3_len = hlen,
		.l4_len = l4_len,
		.l3 = l3,
		.l4 = l4,
		.flags = flags,
	};
	if (!skb_is_gso(skb))
		return true;
	if (!strict) {
		lay->gso_size = skb_shinfo(skb)->gso_size;
		return true;
	}
	return !netcx_pkt_walk_gso(skb, lay);
}

/* The fast walk with every check of netcx_pkt_walk(). */
static __always_inline bool netcx_pkt_walk_fast(const struct sk_buff *skb,
						struct netcx_pkt_layout *lay)
{
	return __netcx_pkt_walk_fast(skb, lay, true);
}

#endif /* _NETCX_LIB_WALK_H */
