// SPDX-License-Identifier: GPL-2.0
/*
 * The ncsim receive coalescer (RSC): in-order TCP segments of one flow,
 * taken off the wire in one receive pass, merged into one frame the way
 * RSC hardware builds it, so that the frame is valid on its own and the
 * stack can segment it again into the segments that arrived.
 *
 * The coalescer has one context. A segment starts a coalesce when the RSC
 * register enables its kind and it is TCP right after the Ethernet header
 * (a stripped tag aside), in IPv4 without options or fragments or in IPv6
 * without extension headers, with exact IP lengths, ACK and no other flag
 * (PSH alone stays alone), no TCP option but the timestamp (NOP, NOP,
 * timestamp) when the silicon takes it, payload, and IP and TCP checksums
 * verified good. The segments that follow join it while they belong to
 * the same flow (MAC header, stripped tag, addresses, ports), carry the
 * next sequence number, the same ACK number, the same option bytes, the
 * same TOS, TTL and DF with the IPv4 ID one more per segment (in IPv6 the
 * same traffic class, flow label and hop limit), no more payload than the
 * first (the MSS), verified checksums, and keep the IP length within 64
 * KiB and the segment count within the silicon's maximum (max_segs, 64
 * when it says 0): the rules of the kernel's
 * inet_gro_receive(), ipv6_gro_receive() and tcp_gro_receive(), so that a
 * coalesced frame is one that GRO could have built. A segment with PSH or
 * less payload than the MSS joins it and ends it; any other frame ends it
 * before it is written, the end of the receive pass (ncsim_hw_rx_flush())
 * too.
 *
 * Each segment takes one receive descriptor, as it would alone: the first
 * its whole frame, each other its payload only (hw ring.h). When the
 * coalesce ends, the engine writes the headers of the first segment with
 * the IP length of them all, a new IPv4 header checksum, the window and
 * PSH of the last segment and a TCP checksum over the whole payload, then
 * writes back the descriptors, the first last, with the segment count and
 * the MSS in it. A coalesce of one segment is written back as a frame
 * alone.
 */
#include <kunit/visibility.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <net/checksum.h>
#include <net/ip.h>
#include <net/tcp.h>

#include "hw.h"
#include "hw_pkt.h"
#include "hw_rsc.h"

/* The kinds the coalescer takes now: its register, within the silicon. */
static u32 ncsim_hw_rsc_kinds(const struct ncsim_hw_rx *rx)
{
	u8 l3 = rx->caps->rsc.l3;
	u32 caps = (l3 & NETCX_L3_IPV4 ? NETCX_TCP4 : 0) |
		   (l3 & NETCX_L3_IPV6 ? NETCX_TCP6 : 0);

	return READ_ONCE(rx->rsc_kinds) & caps;
}

/* The most segments in one coalesced frame: as the silicon declares. */
static unsigned int ncsim_hw_rsc_max_segs(const struct ncsim_hw_rx *rx)
{
	return netcx_rsc_max_segs(&rx->caps->rsc);
}

static u32 ncsim_hw_get32(const u8 *p)
{
	return ncsim_hw_get16(p) << 16 | ncsim_hw_get16(p + 2);
}

/*
 * Reads the headers of the frame @fr as they land (@s->out bytes, less
 * the tag when @s->sta has VP) into @s: true when the coalescer may take
 * it by its shape (struct ncsim_hw_rsc_seg, @tcp).
 */
static bool ncsim_hw_rsc_parse(const struct ncsim_hw_frame *fr,
			       struct ncsim_hw_rsc_seg *s)
{
	unsigned int n = min_t(unsigned int, s->out, sizeof(s->hdr)), tot;
	const struct ipv6hdr *ip6;
	const struct iphdr *iph;
	const struct tcphdr *th;
	u8 *h = s->hdr;

	if (n < ETH_HLEN + sizeof(*iph) + sizeof(*th) ||
	    ncsim_hw_rx_copy(fr, s->sta, 0, n, h))
		return false;
	switch (ncsim_hw_get16(h + NCSIM_HW_TYPE_OFF)) {
	case ETH_P_IP:
		iph = (const struct iphdr *)(h + ETH_HLEN);
		if (iph->version != 4 || iph->ihl != 5 ||
		    iph->protocol != IPPROTO_TCP || ip_is_fragment(iph))
			return false;
		s->v6 = false;
		s->l4 = ETH_HLEN + sizeof(*iph);
		tot = ntohs(iph->tot_len);
		break;
	case ETH_P_IPV6:
		ip6 = (const struct ipv6hdr *)(h + ETH_HLEN);
		if (n < ETH_HLEN + sizeof(*ip6) + sizeof(*th) ||
		    ip6->version != 6 || ip6->nexthdr != IPPROTO_TCP)
			return false;
		s->v6 = true;
		s->l4 = ETH_HLEN + sizeof(*ip6);
		tot = sizeof(*ip6) + ntohs(ip6->payload_len);
		break;
	default:
		return false;
	}
	th = (const struct tcphdr *)(h + s->l4);
	s->hlen = s->l4 + th->doff * 4;
	/* padded, truncated, or options past what the parser reads */
	if (ETH_HLEN + tot != s->out || th->doff < 5 || s->hlen > n)
		return false;
	s->plen = s->out - s->hlen;
	return true;
}

/*
 * Whether the coalescer takes the segment @s at all, whatever came before:
 * its kind enabled, ACK and maybe PSH, payload, no option but the
 * timestamp when the silicon takes it. Else false, and why in *@why.
 */
static bool ncsim_hw_rsc_takes(const struct ncsim_hw_rx *rx,
			       const struct ncsim_hw_rsc_seg *s,
			       enum ncsim_hw_rx_stat *why)
{
	static const u8 ts[] = {
		TCPOPT_NOP, TCPOPT_NOP, TCPOPT_TIMESTAMP, TCPOLEN_TIMESTAMP
	};
	unsigned int olen = s->hlen - s->l4 - sizeof(struct tcphdr);
	const u8 *th = s->hdr + s->l4;

	*why = NCSIM_HW_RX_RSC_END_FLOW;
	if (!(ncsim_hw_rsc_kinds(rx) & (s->v6 ? NETCX_TCP6 : NETCX_TCP4)))
		return false;
	/* no reserved bit, ACK, no flag but PSH, and some payload */
	*why = NCSIM_HW_RX_RSC_END_FLAGS;
	if ((th[12] & 0x0f) || (th[13] & ~TCPHDR_PSH) != TCPHDR_ACK ||
	    !s->plen)
		return false;
	*why = NCSIM_HW_RX_RSC_END_OPTS;
	if (olen && (!rx->caps->rsc.tcp_timestamp ||
		     olen != TCPOLEN_TSTAMP_ALIGNED ||
		     memcmp(th + sizeof(struct tcphdr), ts, sizeof(ts))))
		return false;
	return true;
}

/*
 * Whether the segment @s belongs to the flow of the coalesce open, whose
 * first frame is @f: the same MAC header, stripped tag, addresses, ports.
 */
static bool ncsim_hw_rsc_same_flow(const struct ncsim_hw_rsc *c, const u8 *f,
				   const struct ncsim_hw_rsc_seg *s)
{
	const u8 *ip = s->hdr + ETH_HLEN, *ip0 = f + ETH_HLEN;

	if (s->v6 != c->v6 || s->sta != (c->sta & NCSIM_RXD_STA_VP) ||
	    s->tci != c->vlan || memcmp(s->hdr, f, ETH_HLEN))
		return false;
	if (c->v6 ? memcmp(ip + 8, ip0 + 8, 2 * sizeof(struct in6_addr)) :
		    memcmp(ip + 12, ip0 + 12, 2 * sizeof(__be32)))
		return false;
	return !memcmp(s->hdr + s->l4, f + c->l4, 2 * sizeof(__be16));
}

/*
 * Whether the segment @s of the flow continues the coalesce open, whose
 * first frame is @f; else false, and why in *@why.
 */
static bool ncsim_hw_rsc_continues(const struct ncsim_hw_rx *rx, const u8 *f,
				   const struct ncsim_hw_rsc_seg *s,
				   enum ncsim_hw_rx_stat *why)
{
	const u8 *ip = s->hdr + ETH_HLEN, *ip0 = f + ETH_HLEN;
	const u8 *th = s->hdr + s->l4, *th0 = f + rx->rsc.l4;
	const struct ncsim_hw_rsc *c = &rx->rsc;
	unsigned int iplen;

	if (!ncsim_hw_rsc_takes(rx, s, why))
		return false;
	*why = NCSIM_HW_RX_RSC_END_SEQ;
	if (ncsim_hw_get32(th + 4) != c->next_seq)
		return false;
	*why = NCSIM_HW_RX_RSC_END_ACK;
	if (memcmp(th + 8, th0 + 8, 4))
		return false;
	*why = NCSIM_HW_RX_RSC_END_IP;
	if (c->v6) {
		/* version, traffic class and flow label; hop limit */
		if (memcmp(ip, ip0, 4) || ip[7] != ip0[7])
			return false;
	} else {
		/* TOS, TTL, DF; the ID one more per segment */
		if (ip[1] != ip0[1] || ip[8] != ip0[8] ||
		    ((ip[6] ^ ip0[6]) & (IP_DF >> 8)) ||
		    ncsim_hw_get16(ip + 4) !=
		    (u16)(ncsim_hw_get16(ip0 + 4) + c->segs))
			return false;
	}
	*why = NCSIM_HW_RX_RSC_END_OPTS;
	if (s->hlen != c->hlen ||
	    memcmp(th + sizeof(struct tcphdr), th0 + sizeof(struct tcphdr),
		   s->hlen - s->l4 - sizeof(struct tcphdr)))
		return false;
	*why = NCSIM_HW_RX_RSC_END_SIZE;
	if (s->plen > c->mss)
		return false;
	*why = NCSIM_HW_RX_RSC_END_MAX;
	iplen = c->hlen - (c->v6 ? c->l4 : ETH_HLEN) + c->payload + s->plen;
	return iplen <= U16_MAX;
}

/*
 * Whether the IPv4 header and TCP checksums of the segment @s, whose
 * payload sums to @payload, are enabled and right.
 */
static bool ncsim_hw_rsc_verified(const struct ncsim_hw_rx *rx,
				  const struct ncsim_hw_rsc_seg *s,
				  __wsum payload)
{
	u32 kinds = READ_ONCE(rx->csum_kinds) & rx->caps->rx_csum.kinds;
	unsigned int thl = s->hlen - s->l4;
	__wsum sum;

	if (!(kinds & (s->v6 ? NETCX_TCP6 : NETCX_TCP4)))
		return false;
	if (!s->v6 && ip_fast_csum(s->hdr + ETH_HLEN, 5))
		return false;
	sum = csum_add(csum_partial(s->hdr + s->l4, thl, 0), payload);
	return !ncsim_hw_l4_magic(s->hdr, ETH_HLEN, s->l4, thl + s->plen,
				  s->v6, IPPROTO_TCP, sum);
}

/**
 * ncsim_hw_rsc_receive() - offer a frame to the coalescer
 * @rx: the engine.
 * @fr: the frame.
 * @s: its length, tag and stripped tag as they land (@out, @tci, @sta);
 *	filled with what the coalescer read of its headers.
 *
 * A segment that continues the coalesce open is appended to it: its
 * payload goes into the next posted buffer and the descriptor is taken.
 * Any other frame ends the coalesce open, before the engine writes it.
 *
 * Return: 1 when the frame was appended, 0 when the engine writes it, or
 * -EFAULT when its payload is not in the sender's packet.
 */
int ncsim_hw_rsc_receive(struct ncsim_hw_rx *rx,
			 const struct ncsim_hw_frame *fr,
			 struct ncsim_hw_rsc_seg *s)
{
	enum ncsim_hw_rx_stat why = NCSIM_HW_RX_RSC_END_FLOW;
	struct ncsim_rx_ring *ring = &rx->ring;
	struct ncsim_hw_rsc *c = &rx->rsc;
	struct ncsim_rxd *d;
	const u8 *f, *th;
	__wsum sum;

	s->tcp = false;
	if (!c->segs && !ncsim_hw_rsc_kinds(rx))
		return 0;
	s->tcp = ncsim_hw_rsc_parse(fr, s);
	if (!c->segs)
		return 0;
	f = ring->desc[c->first & ring->mask].addr;
	if (!s->tcp || !ncsim_hw_rsc_same_flow(c, f, s) ||
	    !ncsim_hw_rsc_continues(rx, f, s, &why))
		goto end;

	why = NCSIM_HW_RX_RSC_END_RING;
	/* the buffers up to the tail, as the driver posted them */
	if (ring->head == smp_load_acquire(&ring->tail))
		goto end;
	d = &ring->desc[ring->head & ring->mask];
	if (s->plen > d->buf_len)
		goto end;
	if (ncsim_hw_rx_copy(fr, s->sta, s->hlen, s->plen, d->addr))
		return -EFAULT;
	sum = csum_partial(d->addr, s->plen, 0);
	why = NCSIM_HW_RX_RSC_END_CSUM;
	if (!ncsim_hw_rsc_verified(rx, s, sum))
		goto end;

	th = s->hdr + s->l4;
	c->sum = csum_block_add(c->sum, sum, c->payload);
	c->payload += s->plen;
	c->next_seq += s->plen;
	c->segs++;
	c->psh = th[13] & TCPHDR_PSH;
	memcpy(&c->window, th + 14, sizeof(c->window));
	d->len = s->plen;
	WRITE_ONCE(ring->head, ring->head + 1);

	if (s->sta)
		ncsim_hw_rx_count(rx, NCSIM_HW_RX_VLAN, 1);
	ncsim_hw_rx_count(rx, NCSIM_HW_RX_CSUM_OK, 1);
	ncsim_hw_rx_count(rx, NCSIM_HW_RX_FRAMES, 1);
	ncsim_hw_rx_count(rx, NCSIM_HW_RX_BYTES, s->out);
	if (c->psh)
		ncsim_hw_rsc_close(rx, NCSIM_HW_RX_RSC_END_PSH);
	else if (s->plen < c->mss)
		ncsim_hw_rsc_close(rx, NCSIM_HW_RX_RSC_END_SHORT);
	else if (c->segs >= ncsim_hw_rsc_max_segs(rx))
		ncsim_hw_rsc_close(rx, NCSIM_HW_RX_RSC_END_MAX);
	return 1;

end:
	ncsim_hw_rsc_close(rx, why);
	return 0;
}

/**
 * ncsim_hw_rsc_open() - start a coalesce with a frame just written
 * @rx: the engine, with no coalesce open.
 * @d: the descriptor at the ring's head, whose buffer holds the frame.
 * @s: what ncsim_hw_rsc_receive() read of it, @tcp set.
 * @csum: its checksum results, ``NCSIM_RXD_CS_*``.
 *
 * Return: true when the coalesce starts with the frame: its descriptor
 * is written back when the coalesce ends; false when the frame stays
 * alone, for the engine to write back now.
 */
bool ncsim_hw_rsc_open(struct ncsim_hw_rx *rx, struct ncsim_rxd *d,
		       const struct ncsim_hw_rsc_seg *s, u16 csum)
{
	const u8 *th = s->hdr + s->l4;
	struct ncsim_hw_rsc *c = &rx->rsc;
	enum ncsim_hw_rx_stat why;

	if (!ncsim_hw_rsc_takes(rx, s, &why) || th[13] & TCPHDR_PSH ||
	    ncsim_hw_rsc_max_segs(rx) < 2)
		return false;
	if (!(csum & NCSIM_RXD_CS_TCPCS) ||
	    csum & (NCSIM_RXD_CS_IPE | NCSIM_RXD_CS_L4E) ||
	    (!s->v6 && ip_fast_csum(s->hdr + ETH_HLEN, 5)))
		return false;

	c->segs = 1;
	c->first = rx->ring.head;
	c->mss = s->plen;
	c->payload = s->plen;
	c->sum = csum_partial((u8 *)d->addr + s->hlen, s->plen, 0);
	c->next_seq = ncsim_hw_get32(th + 4) + s->plen;
	c->l4 = s->l4;
	c->hlen = s->hlen;
	c->v6 = s->v6;
	c->psh = false;
	memcpy(&c->window, th + 14, sizeof(c->window));
	c->len = s->out;
	c->vlan = s->tci;
	c->csum = csum;
	c->sta = NCSIM_RXD_STA_DD | s->sta;
	return true;
}

/* Writes the headers of the coalesced frame over the first segment's, @f. */
static void ncsim_hw_rsc_write(const struct ncsim_hw_rsc *c, u8 *f)
{
	unsigned int l4len = c->hlen - c->l4 + c->payload;
	struct iphdr *iph = (struct iphdr *)(f + ETH_HLEN);
	struct tcphdr *th = (struct tcphdr *)(f + c->l4);
	__wsum sum;

	if (c->v6) {
		ncsim_hw_put16(f + ETH_HLEN + 4, l4len);
	} else {
		iph->tot_len = htons(sizeof(*iph) + l4len);
		iph->check = 0;
		iph->check = ip_fast_csum(iph, iph->ihl);
	}
	th->window = c->window;
	if (c->psh)
		th->psh = 1;
	th->check = 0;
	sum = csum_add(csum_partial(th, c->hlen - c->l4, 0), c->sum);
	th->check = ncsim_hw_l4_magic(f, ETH_HLEN, c->l4, l4len, c->v6,
				      IPPROTO_TCP, sum);
}

/**
 * ncsim_hw_rsc_close() - end the coalesce open, if any
 * @rx: the engine.
 * @why: the counter of the reason, ``NCSIM_HW_RX_RSC_END_*``.
 *
 * Writes the coalesced frame's headers and its descriptors back, the first
 * descriptor last; one segment alone goes back as it came.
 */
void ncsim_hw_rsc_close(struct ncsim_hw_rx *rx, enum ncsim_hw_rx_stat why)
{
	struct ncsim_rx_ring *ring = &rx->ring;
	struct ncsim_hw_rsc *c = &rx->rsc;
	struct ncsim_rxd *d, *n;
	unsigned int i;

	if (!c->segs)
		return;
	ncsim_hw_rx_count(rx, why, 1);
	d = &ring->desc[c->first & ring->mask];
	d->len = c->len;
	d->vlan = c->vlan;
	d->csum = c->csum;
	d->rsc_segs = 0;
	d->rsc_mss = 0;
	if (c->segs == 1) {
		/* the frame and the fields before DD: the driver's */
		smp_store_release(&d->sta, c->sta | NCSIM_RXD_STA_EOP);
		c->segs = 0;
		return;
	}

	ncsim_hw_rsc_write(c, d->addr);
	for (i = 1; i < c->segs; i++) {
		n = &ring->desc[(c->first + i) & ring->mask];
		n->vlan = 0;
		n->csum = 0;
		n->rsc_segs = 0;
		n->rsc_mss = 0;
		WRITE_ONCE(n->sta, NCSIM_RXD_STA_DD |
			   (i + 1 == c->segs ? NCSIM_RXD_STA_EOP : 0));
	}
	d->rsc_segs = c->segs;
	d->rsc_mss = c->mss;
	/* the chain before the first descriptor's DD that hands it over */
	smp_store_release(&d->sta, c->sta);
	ncsim_hw_rx_count(rx, NCSIM_HW_RX_RSC_FRAMES, 1);
	ncsim_hw_rx_count(rx, NCSIM_HW_RX_RSC_SEGS, c->segs);
	c->segs = 0;
}

/**
 * ncsim_hw_rx_flush() - end a receive pass
 * @rx: the engine.
 *
 * Ends the coalesce open, if any (%NCSIM_HW_RX_RSC_END_PASS): its
 * descriptors are written back. The wire calls it once it has delivered
 * the frames of one pass, from the context that delivered them.
 *
 * Return: true when descriptors were written back.
 */
bool ncsim_hw_rx_flush(struct ncsim_hw_rx *rx)
{
	if (!rx->rsc.segs)
		return false;
	ncsim_hw_rsc_close(rx, NCSIM_HW_RX_RSC_END_PASS);
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(ncsim_hw_rx_flush);
