// SPDX-License-Identifier: GPL-2.0
/*
 * The ncsim receive engine: the device's side of the receive ring. Each
 * frame off the wire goes into the next buffer the driver posted, or is
 * dropped and counted when there is none or it does not fit. On the way
 * the engine verifies the IPv4 header and TCP/UDP checksums of the kinds
 * its checksum register enables and reports each layer's result in the
 * descriptor (and, for an encapsulated frame it recognises, the inner
 * packet's: VXLAN and GENEVE by the port's UDP tunnel port tables, GRE,
 * IP in IP), and strips the outer 802.1Q tag when its strip register
 * enables that kind of tag. When its RSC register enables the frame's
 * kind, the frame goes through the receive coalescer first (hw_rsc.c).
 */
#include <kunit/visibility.h>
#include <linux/etherdevice.h>
#include <linux/log2.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/ip.h>

#include "hw.h"
#include "hw_pkt.h"
#include "hw_rsc.h"

const char ncsim_hw_rx_stat_names[NCSIM_HW_RX_NSTATS][ETH_GSTRING_LEN] = {
	[NCSIM_HW_RX_FRAMES]		= "hw_rx_frames",
	[NCSIM_HW_RX_BYTES]		= "hw_rx_bytes",
	[NCSIM_HW_RX_CSUM_OK]		= "hw_rx_csum_ok",
	[NCSIM_HW_RX_CSUM_BAD]		= "hw_rx_csum_bad",
	[NCSIM_HW_RX_TNL_CSUM_OK]	= "hw_rx_tnl_csum_ok",
	[NCSIM_HW_RX_TNL_CSUM_BAD]	= "hw_rx_tnl_csum_bad",
	[NCSIM_HW_RX_VLAN]		= "hw_rx_vlan_strip",
	[NCSIM_HW_RX_RING_FULL]		= "hw_rx_ring_full",
	[NCSIM_HW_RX_OVERSIZE]		= "hw_rx_oversize",
	[NCSIM_HW_RX_RUNT]		= "hw_rx_runt",
	[NCSIM_HW_RX_RSC_FRAMES]	= "hw_rx_rsc_frames",
	[NCSIM_HW_RX_RSC_SEGS]		= "hw_rx_rsc_segs",
	[NCSIM_HW_RX_RSC_END_PASS]	= "hw_rx_rsc_end_pass",
	[NCSIM_HW_RX_RSC_END_PSH]	= "hw_rx_rsc_end_psh",
	[NCSIM_HW_RX_RSC_END_SHORT]	= "hw_rx_rsc_end_short",
	[NCSIM_HW_RX_RSC_END_MAX]	= "hw_rx_rsc_end_max",
	[NCSIM_HW_RX_RSC_END_SEQ]	= "hw_rx_rsc_end_seq",
	[NCSIM_HW_RX_RSC_END_ACK]	= "hw_rx_rsc_end_ack",
	[NCSIM_HW_RX_RSC_END_FLAGS]	= "hw_rx_rsc_end_flags",
	[NCSIM_HW_RX_RSC_END_OPTS]	= "hw_rx_rsc_end_opts",
	[NCSIM_HW_RX_RSC_END_IP]	= "hw_rx_rsc_end_ip",
	[NCSIM_HW_RX_RSC_END_SIZE]	= "hw_rx_rsc_end_size",
	[NCSIM_HW_RX_RSC_END_CSUM]	= "hw_rx_rsc_end_csum",
	[NCSIM_HW_RX_RSC_END_FLOW]	= "hw_rx_rsc_end_flow",
	[NCSIM_HW_RX_RSC_END_RING]	= "hw_rx_rsc_end_ring",
};

void ncsim_hw_rx_count(struct ncsim_hw_rx *rx, enum ncsim_hw_rx_stat s,
		       unsigned long n)
{
	u64_stats_update_begin(&rx->syncp);
	u64_stats_add(&rx->stats[s], n);
	u64_stats_update_end(&rx->syncp);
}

/* The transport checksum of the @len - @l4 bytes at @l4: NCSIM_RXD_CS_* */
static u8 ncsim_hw_rx_l4(const u8 *f, unsigned int len, unsigned int l3,
			 unsigned int l4, bool v6, u8 proto, u32 kinds)
{
	u32 tcp = v6 ? NETCX_TCP6 : NETCX_TCP4, udp = v6 ? NETCX_UDP6 : NETCX_UDP4;
	const struct udphdr *uh = (const struct udphdr *)(f + l4);
	u8 cs;

	if (proto == IPPROTO_TCP && kinds & tcp &&
	    len - l4 >= sizeof(struct tcphdr))
		cs = NCSIM_RXD_CS_TCPCS;
	else if (proto == IPPROTO_UDP && kinds & udp &&
		 len - l4 >= sizeof(struct udphdr))
		cs = NCSIM_RXD_CS_UDPCS;
	else
		return 0;

	if (cs == NCSIM_RXD_CS_UDPCS && !uh->check)	/* "no checksum" */
		return v6 ? cs | NCSIM_RXD_CS_L4E : 0;
	if (ncsim_hw_l4_sum(f, len, l3, l4, v6, proto))
		cs |= NCSIM_RXD_CS_L4E;
	return cs;
}

static u16 ncsim_hw_rx_tnl(const struct ncsim_hw_rx *rx, const u8 *f,
			   unsigned int end, unsigned int l4, bool v6, u8 proto,
			   u16 outer, u32 kinds);

static u16 ncsim_hw_rx_ipv4(const struct ncsim_hw_rx *rx, const u8 *f,
			    unsigned int len, unsigned int l3, u32 kinds,
			    bool tnl)
{
	const struct iphdr *iph = (const struct iphdr *)(f + l3);
	unsigned int hl, tot;
	u16 cs = 0;

	if (l3 + sizeof(*iph) > len || iph->version != 4 || iph->ihl < 5)
		return 0;
	hl = iph->ihl * 4;
	tot = ntohs(iph->tot_len);
	if (tot < hl || l3 + tot > len)
		return 0;
	if (kinds & NETCX_IPV4_HDR) {
		cs |= NCSIM_RXD_CS_IPCS;
		if (ip_fast_csum(iph, iph->ihl))
			cs |= NCSIM_RXD_CS_IPE;
	}
	if (ip_is_fragment(iph))
		return cs;
	cs |= ncsim_hw_rx_l4(f, l3 + tot, l3, l3 + hl, false, iph->protocol,
			     kinds);
	if (tnl)
		cs |= ncsim_hw_rx_tnl(rx, f, l3 + tot, l3 + hl, false,
				      iph->protocol, cs, kinds);
	return cs;
}

static u16 ncsim_hw_rx_ipv6(const struct ncsim_hw_rx *rx, const u8 *f,
			    unsigned int len, unsigned int l3, u32 kinds,
			    bool tnl)
{
	const struct ipv6hdr *ip6 = (const struct ipv6hdr *)(f + l3);
	unsigned int off = l3 + sizeof(*ip6), end, hl;
	const u8 *h;
	u16 cs;
	u8 next;

	if (off > len || ip6->version != 6)
		return 0;
	end = off + ntohs(ip6->payload_len);
	if (end == off || end > len)
		return 0;		/* jumbogram, or truncated */
	for (next = ip6->nexthdr; off + 8 <= end; next = h[0], off += hl) {
		h = f + off;
		if (next == NEXTHDR_HOP || next == NEXTHDR_ROUTING ||
		    next == NEXTHDR_DEST)
			hl = (h[1] + 1) * 8;
		else if (next == NEXTHDR_FRAGMENT &&
			 !(ncsim_hw_get16(h + 2) & (IP6_OFFSET | IP6_MF)))
			hl = 8;		/* an atomic fragment */
		else
			break;
	}
	if (off > end)
		return 0;
	cs = ncsim_hw_rx_l4(f, end, l3, off, true, next, kinds);
	if (tnl)
		cs |= ncsim_hw_rx_tnl(rx, f, end, off, true, next, cs, kinds);
	return cs;
}

/* The GRE header's flags word (RFC 2784, 2890): C, R, K, S, version. */
#define NCSIM_GRE_C		0x8000
#define NCSIM_GRE_R		0x4000
#define NCSIM_GRE_K		0x2000
#define NCSIM_GRE_S		0x1000
#define NCSIM_GRE_VER		0x0007

/*
 * The inner checksums of an encapsulated frame, whose outer transport
 * (@proto) header is at @l4 and whose IP datagram ends at @end; @outer
 * holds the outer results: NCSIM_RXD_CS_I* bits, 0 when the engine does
 * not recognise an encapsulation it handles (see "DOC: receive
 * descriptor" in ring.h) or verifies nothing inside it. A frame whose
 * outer UDP checksum is wrong, or not verified and not 0, is not looked
 * into: the stack checks that one before the inner one.
 */
static u16 ncsim_hw_rx_tnl(const struct ncsim_hw_rx *rx, const u8 *f,
			   unsigned int end, unsigned int l4, bool v6, u8 proto,
			   u16 outer, u32 kinds)
{
	const struct netcx_tunnel_caps *c = &rx->caps->tnl;
	unsigned int il3, hl;
	u16 cs = 0, in, type, flags;
	int e;

	if (!c->inner_l4)
		return 0;
	switch (proto) {
	case IPPROTO_UDP:
		if (l4 + sizeof(struct udphdr) + 8 > end)
			return 0;
		e = ncsim_hw_tnl_port_find(rx->ports,
					   ncsim_hw_get16(f + l4 + 2));
		if (e < 0)
			return 0;
		if (outer & NCSIM_RXD_CS_L4E ||
		    (!(outer & NCSIM_RXD_CS_UDPCS) &&
		     ncsim_hw_get16(f + l4 + offsetof(struct udphdr, check))))
			return 0;
		hl = l4 + sizeof(struct udphdr);
		if (e == NETCX_ENCAP_VXLAN) {
			type = ETH_P_TEB;
			hl += 8;
		} else {
			if (f[hl] >> 6)		/* GENEVE version 0 only */
				return 0;
			type = ncsim_hw_get16(f + hl + 2);
			hl += 8 + (f[hl] & 0x3f) * 4;
		}
		/* the stack checks the outer UDP checksum first, 0 or not */
		cs = NCSIM_RXD_CS_ILVL;
		break;
	case IPPROTO_GRE:
		if (l4 + 4 > end)
			return 0;
		e = NETCX_ENCAP_GRE;
		flags = ncsim_hw_get16(f + l4);
		if (flags & (NCSIM_GRE_R | NCSIM_GRE_VER))
			return 0;
		type = ncsim_hw_get16(f + l4 + 2);
		hl = l4 + 4 + 4 * (!!(flags & NCSIM_GRE_C) +
				   !!(flags & NCSIM_GRE_K) +
				   !!(flags & NCSIM_GRE_S));
		if (flags & NCSIM_GRE_C) {
			if (hl > end)
				return 0;
			/* the stack checks the GRE checksum first */
			cs = NCSIM_RXD_CS_ILVL;
			if (csum_fold(csum_partial(f + l4, end - l4, 0)))
				return cs | NCSIM_RXD_CS_IL4E;
		}
		break;
	case IPPROTO_IPIP:
	case IPPROTO_IPV6:
		e = NETCX_ENCAP_IPXIP;
		type = proto == IPPROTO_IPIP ? ETH_P_IP : ETH_P_IPV6;
		hl = l4;
		break;
	default:
		return 0;
	}
	if (!(c->outer[e] & (v6 ? NETCX_L3_IPV6 : NETCX_L3_IPV4)))
		return 0;
	il3 = hl;
	if (type == ETH_P_TEB) {
		/* an inner Ethernet frame, untagged */
		if (hl + ETH_HLEN > end)
			return 0;
		type = ncsim_hw_get16(f + hl + NCSIM_HW_TYPE_OFF);
		il3 = hl + ETH_HLEN;
	}
	if (type == ETH_P_IP && c->inner_l3 & NETCX_L3_IPV4) {
		in = ncsim_hw_rx_ipv4(rx, f, end, il3, kinds & NETCX_KINDS_V4,
				      false);
	} else if (type == ETH_P_IPV6 && c->inner_l3 & NETCX_L3_IPV6) {
		in = ncsim_hw_rx_ipv6(rx, f, end, il3, kinds & NETCX_KINDS_V6,
				      false);
		cs |= NCSIM_RXD_CS_IIP6;
	} else {
		return 0;
	}
	if (in & NCSIM_RXD_CS_TCPCS && c->inner_l4 & NETCX_L4_TCP)
		cs |= NCSIM_RXD_CS_ITCPCS;
	else if (in & NCSIM_RXD_CS_UDPCS && c->inner_l4 & NETCX_L4_UDP)
		cs |= NCSIM_RXD_CS_IUDPCS;
	else
		return 0;		/* nothing verified inside */
	if (in & (NCSIM_RXD_CS_IPE | NCSIM_RXD_CS_L4E))
		cs |= NCSIM_RXD_CS_IL4E;
	return cs;
}

/*
 * The checksums of the frame @f of @len bytes, whose first @stripped tags
 * the MAC took out: NCSIM_RXD_CS_* bits.
 */
static u16 ncsim_hw_rx_csum(const struct ncsim_hw_rx *rx, const u8 *f,
			    unsigned int len, u32 kinds, unsigned int stripped)
{
	unsigned int l3;
	u16 type;

	ncsim_hw_tags_max(f, len, NCSIM_HW_MAX_TAGS - stripped, &l3);
	type = ncsim_hw_get16(f + l3 - 2);
	if (type == ETH_P_IP)
		return ncsim_hw_rx_ipv4(rx, f, len, l3, kinds, true);
	if (type == ETH_P_IPV6)
		return ncsim_hw_rx_ipv6(rx, f, len, l3, kinds, true);
	return 0;
}

/* @n bytes of @fr from @w on, as on the wire, into @to. */
static int ncsim_hw_rx_wire_copy(const struct ncsim_hw_frame *fr,
				 unsigned int w, unsigned int n, u8 *to)
{
	unsigned int h = 0;

	if (w < fr->hlen) {
		h = min(n, fr->hlen - w);
		memcpy(to, fr->hdr + w, h);
	}
	if (n > h &&
	    skb_copy_bits(fr->pkt, fr->off + w + h - fr->hlen, to + h, n - h))
		return -EFAULT;
	return 0;
}

/*
 * The DMA write of @n bytes of @fr into @to, from @off in the frame as it
 * lands: less the tag at NCSIM_HW_TYPE_OFF if @strip. Returns 0, or
 * -EFAULT when the payload is not in the sender's packet.
 */
int ncsim_hw_rx_copy(const struct ncsim_hw_frame *fr, bool strip,
		     unsigned int off, unsigned int n, u8 *to)
{
	unsigned int h;

	if (off < NCSIM_HW_TYPE_OFF) {
		h = min(n, NCSIM_HW_TYPE_OFF - off);
		memcpy(to, fr->hdr + off, h);
		off += h;
		to += h;
		n -= h;
	}
	if (!n)
		return 0;
	return ncsim_hw_rx_wire_copy(fr, off + (strip ? VLAN_HLEN : 0), n, to);
}

/**
 * ncsim_hw_rx_gather() - receive one frame off the wire
 * @rx: the engine.
 * @fr: the frame: its headers, then the payload in the sender's packet
 *	buffers; @fr->hlen is at least the smaller of the frame's length and
 *	%VLAN_ETH_HLEN.
 *
 * The frame goes into the next posted buffer (the payload by DMA straight
 * from the sender's buffers), the outer tag stripped when the strip
 * register says so; the checksums are then verified over what the buffer
 * holds. With the RSC register set, a TCP segment may instead start a
 * coalesce or be appended to the one open (hw_rsc.c): its descriptors are
 * written back when the coalesce ends, at ncsim_hw_rx_flush() at the
 * latest. Called from one context at a time (the NAPI of the port at the
 * other end of the wire), which ends each receive pass with
 * ncsim_hw_rx_flush().
 *
 * Return: 0 when the frame went into a posted buffer; -EINVAL for a runt,
 * -ENOBUFS when no buffer was posted, -EMSGSIZE when the frame does not fit
 * in the buffer: each counted and the frame dropped; -EFAULT when the
 * payload is not in @fr->pkt (the sender's to count), nothing written back.
 */
int ncsim_hw_rx_gather(struct ncsim_hw_rx *rx, const struct ncsim_hw_frame *fr)
{
	u32 strip = READ_ONCE(rx->strip_kinds) & rx->caps->tag.kinds;
	u32 kinds = READ_ONCE(rx->csum_kinds) & rx->caps->rx_csum.kinds;
	unsigned int len = fr->hlen + fr->plen, out = len;
	struct ncsim_rx_ring *ring = &rx->ring;
	const u8 *frame = fr->hdr;
	struct ncsim_hw_rsc_seg seg;
	struct ncsim_rxd *d;
	u16 tci = 0, cs;
	u8 sta;
	int err;

	if (len < ETH_HLEN) {
		ncsim_hw_rx_count(rx, NCSIM_HW_RX_RUNT, 1);
		return -EINVAL;
	}
	sta = NCSIM_RXD_STA_DD;
	if (len >= VLAN_ETH_HLEN &&
	    ncsim_hw_get16(frame + NCSIM_HW_TYPE_OFF) == ETH_P_8021Q) {
		tci = ncsim_hw_get16(frame + NCSIM_HW_TYPE_OFF + 2);
		if (strip & (tci & VLAN_VID_MASK ? NETCX_TAG_VLAN :
						   NETCX_TAG_PRIO)) {
			sta |= NCSIM_RXD_STA_VP;
			out -= VLAN_HLEN;
		}
	}

	/* the coalescer first: a segment it appends is written already */
	seg.out = out;
	seg.sta = sta & NCSIM_RXD_STA_VP;
	seg.tci = seg.sta ? tci : 0;
	err = ncsim_hw_rsc_receive(rx, fr, &seg);
	if (err)
		return err < 0 ? err : 0;

	/* the buffers up to the tail, as the driver posted them */
	if (ring->head == smp_load_acquire(&ring->tail)) {
		ncsim_hw_rx_count(rx, NCSIM_HW_RX_RING_FULL, 1);
		return -ENOBUFS;
	}
	d = &ring->desc[ring->head & ring->mask];
	if (out > d->buf_len) {
		ncsim_hw_rx_count(rx, NCSIM_HW_RX_OVERSIZE, 1);
		return -EMSGSIZE;
	}
	if (ncsim_hw_rx_copy(fr, sta & NCSIM_RXD_STA_VP, 0, out, d->addr))
		return -EFAULT;

	cs = ncsim_hw_rx_csum(rx, d->addr, out, kinds,
			      !!(sta & NCSIM_RXD_STA_VP));
	if (sta & NCSIM_RXD_STA_VP)
		ncsim_hw_rx_count(rx, NCSIM_HW_RX_VLAN, 1);
	/* a segment that starts a coalesce: written back when it ends */
	if (!seg.tcp || !ncsim_hw_rsc_open(rx, d, &seg, cs)) {
		d->len = out;
		d->vlan = seg.tci;
		d->csum = cs;
		d->rsc_segs = 0;
		d->rsc_mss = 0;
		/* the frame and the descriptor's fields before DD: the driver's */
		smp_store_release(&d->sta, sta | NCSIM_RXD_STA_EOP);
	}
	WRITE_ONCE(ring->head, ring->head + 1);

	if (cs & (NCSIM_RXD_CS_IPE | NCSIM_RXD_CS_L4E))
		ncsim_hw_rx_count(rx, NCSIM_HW_RX_CSUM_BAD, 1);
	else if (cs & (NCSIM_RXD_CS_TCPCS | NCSIM_RXD_CS_UDPCS))
		ncsim_hw_rx_count(rx, NCSIM_HW_RX_CSUM_OK, 1);
	if (cs & NCSIM_RXD_CS_IL4E)
		ncsim_hw_rx_count(rx, NCSIM_HW_RX_TNL_CSUM_BAD, 1);
	else if (cs & (NCSIM_RXD_CS_ITCPCS | NCSIM_RXD_CS_IUDPCS))
		ncsim_hw_rx_count(rx, NCSIM_HW_RX_TNL_CSUM_OK, 1);
	ncsim_hw_rx_count(rx, NCSIM_HW_RX_FRAMES, 1);
	ncsim_hw_rx_count(rx, NCSIM_HW_RX_BYTES, out);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(ncsim_hw_rx_gather);

/**
 * ncsim_hw_rx_frame() - receive one frame, in one buffer, off the wire
 * @rx: the engine.
 * @frame: the frame, from its destination MAC address.
 * @len: its length.
 *
 * ncsim_hw_rx_gather() for a frame all in @frame.
 *
 * Return: as ncsim_hw_rx_gather().
 */
int ncsim_hw_rx_frame(struct ncsim_hw_rx *rx, const u8 *frame,
		      unsigned int len)
{
	const struct ncsim_hw_frame fr = { .hdr = frame, .hlen = len };

	return ncsim_hw_rx_gather(rx, &fr);
}
EXPORT_SYMBOL_IF_KUNIT(ncsim_hw_rx_frame);

/**
 * ncsim_hw_wire_corrupt() - flip a bit of a frame where checksums cover it
 * @f: the frame, from its destination MAC address.
 * @len: its length.
 *
 * A fault of the wire, for tests: the lowest bit of the last byte of the
 * IP datagram the frame carries (behind up to two 802.1Q/802.1ad tags),
 * as the IP header's length says, is flipped: the end of the transport
 * payload, or of the transport header when there is none. Never the
 * Ethernet header, the IP header or Ethernet padding: a receiver's
 * transport checksum (or, for a fragment, the reassembled datagram's)
 * covers the bit, and a one-bit change always changes a ones' complement
 * sum. A UDP datagram without a checksum (IPv4, 0) goes through unseen.
 *
 * Return: the offset of the byte changed, or -EINVAL when the frame carries
 * no IPv4 or IPv6 datagram with a byte past its IP header (nothing changed).
 */
int ncsim_hw_wire_corrupt(u8 *f, unsigned int len)
{
	const struct ipv6hdr *ip6;
	const struct iphdr *iph;
	unsigned int l3, hl, tot;

	ncsim_hw_tags(f, len, &l3);
	if (l3 > len)
		return -EINVAL;
	switch (ncsim_hw_get16(f + l3 - 2)) {
	case ETH_P_IP:
		iph = (const struct iphdr *)(f + l3);
		if (l3 + sizeof(*iph) > len || iph->version != 4 || iph->ihl < 5)
			return -EINVAL;
		hl = iph->ihl * 4;
		tot = ntohs(iph->tot_len);
		break;
	case ETH_P_IPV6:
		ip6 = (const struct ipv6hdr *)(f + l3);
		if (l3 + sizeof(*ip6) > len || ip6->version != 6)
			return -EINVAL;
		hl = sizeof(*ip6);
		tot = hl + ntohs(ip6->payload_len);
		break;
	default:
		return -EINVAL;
	}
	if (tot <= hl || l3 + tot > len)
		return -EINVAL;
	f[l3 + tot - 1] ^= 1;
	return l3 + tot - 1;
}
EXPORT_SYMBOL_IF_KUNIT(ncsim_hw_wire_corrupt);

/**
 * ncsim_hw_rx_read_stats() - read the engine's counters
 * @rx: the engine.
 * @vals: room for %NCSIM_HW_RX_NSTATS values, in &enum ncsim_hw_rx_stat
 *	order.
 */
void ncsim_hw_rx_read_stats(const struct ncsim_hw_rx *rx, u64 *vals)
{
	unsigned int start, i;

	do {
		start = u64_stats_fetch_begin(&rx->syncp);
		for (i = 0; i < NCSIM_HW_RX_NSTATS; i++)
			vals[i] = u64_stats_read(&rx->stats[i]);
	} while (u64_stats_fetch_retry(&rx->syncp, start));
}
EXPORT_SYMBOL_IF_KUNIT(ncsim_hw_rx_read_stats);

/**
 * ncsim_hw_rx_reset() - reset the engine's ring
 * @rx: the engine, idle.
 *
 * Clears every descriptor, both indices and the coalescer's context, as a
 * device reset does; the registers and counters stay.
 */
void ncsim_hw_rx_reset(struct ncsim_hw_rx *rx)
{
	memset(&rx->rsc, 0, sizeof(rx->rsc));
	memset(rx->ring.desc, 0, (rx->ring.mask + 1) * sizeof(*rx->ring.desc));
	rx->ring.head = 0;
	rx->ring.tail = 0;
}
EXPORT_SYMBOL_IF_KUNIT(ncsim_hw_rx_reset);

/**
 * ncsim_hw_rx_init() - build a receive engine and its ring
 * @rx: the engine.
 * @caps: what the silicon can do; must outlive @rx.
 * @ring_size: receive descriptors, a power of 2.
 *
 * The registers start clear: no checksum verified, no tag stripped,
 * nothing coalesced.
 *
 * Return: 0, -EINVAL or -ENOMEM.
 */
int ncsim_hw_rx_init(struct ncsim_hw_rx *rx, const struct ncsim_hw_caps *caps,
		     unsigned int ring_size)
{
	memset(rx, 0, sizeof(*rx));
	if (!is_power_of_2(ring_size))
		return -EINVAL;
	rx->caps = caps;
	rx->ring.mask = ring_size - 1;
	rx->ring.desc = kcalloc(ring_size, sizeof(*rx->ring.desc), GFP_KERNEL);
	if (!rx->ring.desc)
		return -ENOMEM;
	u64_stats_init(&rx->syncp);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(ncsim_hw_rx_init);

/**
 * ncsim_hw_rx_uninit() - free what ncsim_hw_rx_init() allocated
 * @rx: the engine, idle.
 */
void ncsim_hw_rx_uninit(struct ncsim_hw_rx *rx)
{
	kfree(rx->ring.desc);
	rx->ring.desc = NULL;
}
EXPORT_SYMBOL_IF_KUNIT(ncsim_hw_rx_uninit);
