// SPDX-License-Identifier: GPL-2.0
/*
 * The ncsim tunnel engine: the transmit engine's unit for encapsulated
 * packets (NCSIM_TXD_CMD_TNL), and the UDP tunnel port tables both engines
 * read.
 *
 * For a packet sent whole it inserts the inner IPv4 header checksum
 * (IPCS), the inner transport checksum (L4CS: the protocol-aware engine
 * over the inner pseudo-header; the generic one sums from il4_off and
 * stores at il4_off + cso), the outer IPv4 header checksum (OIPCS) and the
 * outer UDP or GRE checksum (OCS), in that order. A packet it segments
 * (TSE: inner TCP, USE: inner UDP) is cut at the MSS as the kernel's
 * tunnel GSO cuts it (skb_gso_segment(): __skb_udp_tunnel_segment(),
 * gre_gso_segment(), inet_gso_segment() and ipv6_gso_segment() for the
 * outer and the inner IP headers), and every segment gets:
 *
 * - its inner IPv4 total length, id (the first segment's plus its index)
 *   and header checksum, or its inner IPv6 payload length;
 * - its inner TCP sequence number (plus the payload before it), FIN and
 *   PSH on the last segment only, CWR on the first only, and its
 *   checksum; or its inner UDP length and checksum;
 * - its outer UDP length (VXLAN, GENEVE), and with OCS its outer UDP
 *   checksum (0 becomes 0xffff) or its GRE checksum (GRE with the C bit;
 *   the reserved word after it zeroed); without OCS both stay as posted:
 *   0, or what the stack computed for GSO_PARTIAL segments;
 * - its outer IPv4 total length, id and header checksum, or its outer IPv6
 *   payload length.
 *
 * Outside the capabilities (an encapsulation or outer IP header not
 * declared for it, a VXLAN or GENEVE packet whose UDP destination port is
 * not in the port's table as that encapsulation, inner headers, offsets,
 * sizes or segment counts beyond the limits, OCS without outer_csum) the
 * engine does not recognise the packet: checksums stay as posted, and a
 * packet to segment is cut at the MSS with its headers as posted; the
 * descriptor counts as a capability violation. Offsets that contradict the
 * packet are a descriptor error: dropped.
 */
#include <linux/etherdevice.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <kunit/visibility.h>

#include "hw.h"
#include "hw_pkt.h"

#define NCSIM_TXD_CMD_SEG	(NCSIM_TXD_CMD_TSE | NCSIM_TXD_CMD_USE)

/* The GRE header's flags word (RFC 2784, 2890). */
#define NCSIM_GRE_C		0x8000
#define NCSIM_GRE_K		0x2000
#define NCSIM_GRE_S		0x1000

/* The most bytes an IPv4 or a TCP header takes. */
#define NCSIM_TNL_MAX_HDR	60

/**
 * struct ncsim_hw_tnl_hdr - an encapsulated packet, as the parser finds it
 * @encap: &enum netcx_encap.
 * @ol3: the outer IP header's offset.
 * @ol4: the outer UDP or GRE header's (IP in IP: the inner IP header's).
 * @il3: the inner IP header's offset.
 * @il4: the inner transport header's.
 * @l4hdr: the inner transport header's length (0 when not parsed).
 * @ov6: the outer IP header is IPv6.
 * @iv6: the inner IP header is IPv6.
 * @tcp: the inner transport is TCP (else UDP).
 * @ocs: the offset of the outer checksum field OCS fixes; 0: none (GRE
 *	without the C bit, IP in IP).
 */
struct ncsim_hw_tnl_hdr {
	enum netcx_encap encap;
	unsigned int ol3, ol4, il3, il4, l4hdr;
	bool ov6, iv6, tcp;
	unsigned int ocs;
};

/**
 * ncsim_hw_tnl_port_set() - write one entry of a UDP tunnel port table
 * @t: the tables.
 * @table: the table's index.
 * @entry: the entry's index.
 * @port: the UDP port, network order; 0 empties the entry.
 * @encap: %NETCX_ENCAP_VXLAN or %NETCX_ENCAP_GENEVE.
 *
 * An index beyond the tables is ignored. Called by the driver, under RTNL.
 */
void ncsim_hw_tnl_port_set(struct ncsim_hw_tnl_ports *t, unsigned int table,
			   unsigned int entry, __be16 port,
			   enum netcx_encap encap)
{
	u32 v = port ? (u32)ntohs(port) << 8 | (encap + 1) : 0;

	if (table >= NETCX_TNL_PORT_TABLES || entry >= NETCX_TNL_PORTS_MAX)
		return;
	WRITE_ONCE(t->entry[table][entry], v);
}
EXPORT_SYMBOL_IF_KUNIT(ncsim_hw_tnl_port_set);

/**
 * ncsim_hw_tnl_port_find() - the encapsulation of a UDP port
 * @t: the tables, or NULL for none.
 * @port: the UDP destination port, host order.
 *
 * Return: the &enum netcx_encap the tables hold @port for, or -ENOENT.
 */
int ncsim_hw_tnl_port_find(const struct ncsim_hw_tnl_ports *t, u16 port)
{
	unsigned int i, j;
	u32 v;

	if (!t || !port)
		return -ENOENT;
	for (i = 0; i < NETCX_TNL_PORT_TABLES; i++)
		for (j = 0; j < NETCX_TNL_PORTS_MAX; j++) {
			v = READ_ONCE(t->entry[i][j]);
			if (v && v >> 8 == port)
				return (v & 0xff) - 1;
		}
	return -ENOENT;
}
EXPORT_SYMBOL_IF_KUNIT(ncsim_hw_tnl_port_find);

/* The layer-3 capability flag of the IP header at @l3, transport at @l4. */
static u8 ncsim_hw_tnl_l3_flag(unsigned int l3, unsigned int l4, bool v6)
{
	if (v6)
		return l4 - l3 > sizeof(struct ipv6hdr) ? NETCX_L3_IPV6_EXT :
							  NETCX_L3_IPV6;
	return l4 - l3 > sizeof(struct iphdr) ? NETCX_L3_IPV4_OPTS :
						NETCX_L3_IPV4;
}

/* Whether an IP header of version @v6 at @l3 ends by @l4, in @avail bytes. */
static bool ncsim_hw_tnl_ip_ok(const u8 *h, unsigned int avail,
			       unsigned int l3, unsigned int l4, bool v6)
{
	const struct iphdr *iph = (const struct iphdr *)(h + l3);

	if (v6)
		return l3 + sizeof(struct ipv6hdr) <= l4 && l4 <= avail &&
		       (h[l3] >> 4) == 6;
	return l3 + sizeof(*iph) <= l4 && l4 <= avail && iph->version == 4 &&
	       iph->ihl >= 5 && l3 + iph->ihl * 4 <= l4;
}

/*
 * Parses the headers @h (@avail bytes) of the packet of @d as its offsets
 * say, into @t: false for offsets the packet contradicts.
 */
static bool ncsim_hw_tnl_parse(const struct ncsim_hw_tx *tx,
			       const struct ncsim_txd *d, u16 cmd,
			       const u8 *h, unsigned int avail,
			       struct ncsim_hw_tnl_hdr *t)
{
	bool l4 = cmd & NCSIM_TXD_CMD_SEG ||
		  (cmd & NCSIM_TXD_CMD_L4CS && !tx->caps->tx_csum.generic);
	unsigned int min_encap;
	const struct tcphdr *th;

	if (!d->tnl || d->tnl > NETCX_ENCAP_MAX)
		return false;
	*t = (struct ncsim_hw_tnl_hdr){
		.encap = d->tnl - 1,
		.ol3 = d->maclen, .ol4 = d->l4_off,
		.il3 = d->il3_off, .il4 = d->il4_off,
		.ov6 = cmd & NCSIM_TXD_CMD_IP6, .iv6 = cmd & NCSIM_TXD_CMD_IIP6,
		.tcp = cmd & NCSIM_TXD_CMD_SEG ? cmd & NCSIM_TXD_CMD_TSE :
						 cmd & NCSIM_TXD_CMD_TCP,
	};
	if (!ncsim_hw_tnl_ip_ok(h, avail, t->ol3, t->ol4, t->ov6) ||
	    !ncsim_hw_tnl_ip_ok(h, avail, t->il3, t->il4, t->iv6))
		return false;

	switch (t->encap) {
	case NETCX_ENCAP_VXLAN:
	case NETCX_ENCAP_GENEVE:
		/* UDP and the 8-byte VXLAN or GENEVE header, at least */
		min_encap = sizeof(struct udphdr) + 8;
		t->ocs = t->ol4 + offsetof(struct udphdr, check);
		break;
	case NETCX_ENCAP_GRE:
		min_encap = 4;
		if (t->ol4 + 4 <= avail &&
		    ncsim_hw_get16(h + t->ol4) & NCSIM_GRE_C) {
			min_encap = 8;
			t->ocs = t->ol4 + 4;
		}
		break;
	default:
		min_encap = 0;
		break;
	}
	if (t->encap == NETCX_ENCAP_IPXIP ? t->il3 != t->ol4 :
					    t->ol4 + min_encap > t->il3)
		return false;

	if (cmd & NCSIM_TXD_CMD_L4CS && !l4 &&
	    t->il4 + d->cso + sizeof(__sum16) > avail)
		return false;		/* the generic engine: CSS and CSO */
	if (l4) {
		if (t->tcp) {
			th = (const struct tcphdr *)(h + t->il4);
			if (t->il4 + sizeof(*th) > avail || th->doff < 5)
				return false;
			t->l4hdr = th->doff * 4;
		} else {
			t->l4hdr = sizeof(struct udphdr);
		}
		if (t->il4 + t->l4hdr > avail)
			return false;
	}
	return !(cmd & NCSIM_TXD_CMD_SEG) ||
	       (d->hdr_len >= t->il4 + t->l4hdr && d->mss);
}

/* Whether the silicon recognises the packet @t and can do what @cmd asks. */
static bool ncsim_hw_tnl_caps_ok(const struct ncsim_hw_tx *tx,
				 const struct ncsim_txd *d, u16 cmd,
				 const u8 *h, const struct ncsim_hw_tnl_hdr *t)
{
	const struct netcx_tunnel_caps *c = &tx->caps->tnl;
	bool seg = cmd & NCSIM_TXD_CMD_SEG, l4 = seg || cmd & NCSIM_TXD_CMD_L4CS;
	const struct netcx_gso_caps *g;
	unsigned int segs;
	u8 l4f;

	if (!(c->outer[t->encap] & ncsim_hw_tnl_l3_flag(t->ol3, t->ol4, t->ov6)))
		return false;
	/* VXLAN and GENEVE are told from other UDP by the table alone */
	if ((t->encap == NETCX_ENCAP_VXLAN || t->encap == NETCX_ENCAP_GENEVE) &&
	    ncsim_hw_tnl_port_find(tx->ports,
				   ncsim_hw_get16(h + t->ol4 + 2)) != t->encap)
		return false;
	if (!(c->inner_l3 & ncsim_hw_tnl_l3_flag(t->il3, t->il4, t->iv6)) ||
	    (c->inner_l3_offset_limit && t->il3 > c->inner_l3_offset_limit) ||
	    (c->inner_l4_offset_limit && t->il4 > c->inner_l4_offset_limit))
		return false;
	if (cmd & NCSIM_TXD_CMD_OCS && !c->outer_csum)
		return false;
	if (!l4)
		return true;
	if (t->l4hdr) {
		l4f = !t->tcp ? NETCX_L4_UDP :
		      t->l4hdr > sizeof(struct tcphdr) ? NETCX_L4_TCP_OPTS :
							 NETCX_L4_TCP;
		if (!(c->inner_l4 & l4f) || (seg && !(c->gso_l4 & l4f)))
			return false;
	}
	if (!seg)
		return true;
	g = t->tcp ? &tx->caps->lso : &tx->caps->uso;
	segs = DIV_ROUND_UP(d->len - d->hdr_len, d->mss);
	return d->len <= g->max_size && segs >= g->min_segs &&
	       segs <= netcx_gso_max_segs(g);
}

/* The IPv4 header checksum of the header at @l3 of @f, counted. */
static void ncsim_hw_tnl_ip_csum(struct ncsim_hw_tx *tx, u8 *f,
				 unsigned int l3)
{
	struct iphdr *iph = (struct iphdr *)(f + l3);

	iph->check = 0;
	iph->check = ip_fast_csum(iph, iph->ihl);
	ncsim_hw_tx_count(tx, NCSIM_HW_TX_IP_CSUM, 1);
}

/*
 * The TCP or UDP checksum of the frame @fr (headers in @f) at @l4, over
 * the pseudo-header of the IP header at @l3: the protocol-aware engine.
 */
static void ncsim_hw_tnl_l4_fill(u8 *f, const struct ncsim_hw_frame *fr,
				 unsigned int l3, unsigned int l4, bool v6,
				 bool tcp)
{
	unsigned int at = l4 + (tcp ? offsetof(struct tcphdr, check) :
				      offsetof(struct udphdr, check));
	unsigned int len = fr->hlen + fr->plen;
	__sum16 sum;

	ncsim_hw_put16(f + at, 0);
	sum = ncsim_hw_l4_magic(f, l3, l4, len - l4, v6,
				tcp ? IPPROTO_TCP : IPPROTO_UDP,
				ncsim_hw_frame_sum(fr, l4));
	/* UDP says "no checksum" with 0: send its other form */
	if (!tcp && !sum)
		sum = CSUM_MANGLED_0;
	memcpy(f + at, &sum, sizeof(sum));
}

/* The inner transport checksum, as the descriptor asks; counted. */
static void ncsim_hw_tnl_inner_csum(struct ncsim_hw_tx *tx,
				    const struct ncsim_txd *d, u8 *f,
				    const struct ncsim_hw_frame *fr,
				    const struct ncsim_hw_tnl_hdr *t)
{
	__sum16 sum;

	if (t->l4hdr) {
		ncsim_hw_tnl_l4_fill(f, fr, t->il3, t->il4, t->iv6, t->tcp);
	} else {
		/* the generic engine: CSS il4_off, CSO il4_off + cso */
		sum = csum_fold(ncsim_hw_frame_sum(fr, t->il4)) ?: CSUM_MANGLED_0;
		memcpy(f + t->il4 + d->cso, &sum, sizeof(sum));
	}
	ncsim_hw_tx_count(tx, NCSIM_HW_TX_TNL_CSUM, 1);
}

/* The outer UDP checksum, or GRE's (when the header has one). */
static void ncsim_hw_tnl_outer_csum(u8 *f, const struct ncsim_hw_frame *fr,
				    const struct ncsim_hw_tnl_hdr *t)
{
	__sum16 sum;

	if (!t->ocs)
		return;
	if (t->encap != NETCX_ENCAP_GRE) {
		ncsim_hw_tnl_l4_fill(f, fr, t->ol3, t->ol4, t->ov6, false);
		return;
	}
	/* the checksum and the reserved word after it, over GRE onwards */
	ncsim_hw_put16(f + t->ocs, 0);
	ncsim_hw_put16(f + t->ocs + 2, 0);
	sum = csum_fold(ncsim_hw_frame_sum(fr, t->ol4));
	memcpy(f + t->ocs, &sum, sizeof(sum));
}

/* The bytes of a whole packet the engine reads into its frame buffer. */
static unsigned int ncsim_hw_tnl_whole_hlen(const struct ncsim_txd *d)
{
	unsigned int h = max_t(unsigned int, d->il4_off + NCSIM_TNL_MAX_HDR,
			       d->il4_off + d->cso + sizeof(__sum16));

	return min(h, d->len);
}

/* Sends an encapsulated packet whole, with its checksums. */
static bool ncsim_hw_tnl_whole(struct ncsim_hw_tx *tx,
			       const struct ncsim_txd *d, u16 cmd)
{
	unsigned int len = d->len, hlen = ncsim_hw_tnl_whole_hlen(d);
	struct ncsim_hw_tnl_hdr t;
	struct ncsim_hw_frame fr;
	u8 *f = tx->frame;
	bool ok;

	/* longer than any MTU: the MAC drops it before reading it */
	if (len > tx->frame_size - VLAN_HLEN) {
		ncsim_hw_tx_count(tx, NCSIM_HW_TX_MTU_DROPS, 1);
		return true;
	}
	if (ncsim_hw_dma_read(d, 0, f, hlen) ||
	    !ncsim_hw_tnl_parse(tx, d, cmd, f, hlen, &t)) {
		ncsim_hw_tx_count(tx, NCSIM_HW_TX_DESC_ERRORS, 1);
		return true;
	}
	fr = (struct ncsim_hw_frame){
		.hdr = f, .hlen = hlen,
		.pkt = d->buf, .off = hlen, .plen = len - hlen,
	};
	ok = ncsim_hw_tnl_caps_ok(tx, d, cmd, f, &t);
	if (ok) {
		if (cmd & NCSIM_TXD_CMD_IPCS && !t.iv6)
			ncsim_hw_tnl_ip_csum(tx, f, t.il3);
		if (cmd & NCSIM_TXD_CMD_L4CS)
			ncsim_hw_tnl_inner_csum(tx, d, f, &fr, &t);
		if (cmd & NCSIM_TXD_CMD_OIPCS && !t.ov6)
			ncsim_hw_tnl_ip_csum(tx, f, t.ol3);
		if (cmd & NCSIM_TXD_CMD_OCS)
			ncsim_hw_tnl_outer_csum(f, &fr, &t);
	}
	if (!ncsim_hw_tx_fits(tx, f, hlen, len, cmd & NCSIM_TXD_CMD_VLE))
		ncsim_hw_tx_count(tx, NCSIM_HW_TX_MTU_DROPS, 1);
	else
		ncsim_hw_tx_emit(tx, &fr, f, cmd & NCSIM_TXD_CMD_VLE, d->vlan);
	return ok;
}

/* The IP header at @l3 of segment @i whose frame is @flen bytes. */
static void ncsim_hw_tnl_seg_ip(struct ncsim_hw_tx *tx, u8 *f,
				unsigned int l3, bool v6, unsigned int flen,
				unsigned int i)
{
	struct ipv6hdr *ip6 = (struct ipv6hdr *)(f + l3);
	struct iphdr *iph = (struct iphdr *)(f + l3);

	if (v6) {
		ip6->payload_len = htons(flen - l3 - sizeof(*ip6));
		return;
	}
	iph->tot_len = htons(flen - l3);
	iph->id = htons(ntohs(iph->id) + i);
	ncsim_hw_tnl_ip_csum(tx, f, l3);
}

/* Fixes the headers, in @f, of segment @i of @segs, the frame @fr. */
static void ncsim_hw_tnl_seg_fix(struct ncsim_hw_tx *tx, u8 *f,
				 const struct ncsim_hw_frame *fr,
				 const struct ncsim_txd *d, u16 cmd,
				 const struct ncsim_hw_tnl_hdr *t,
				 unsigned int i, unsigned int segs)
{
	unsigned int flen = fr->hlen + fr->plen;
	struct tcphdr *th = (struct tcphdr *)(f + t->il4);
	struct udphdr *uh = (struct udphdr *)(f + t->il4);

	ncsim_hw_tnl_seg_ip(tx, f, t->il3, t->iv6, flen, i);
	if (t->tcp) {
		th->seq = htonl(ntohl(th->seq) + i * d->mss);
		if (i)
			th->cwr = 0;
		if (i + 1 < segs) {
			th->fin = 0;
			th->psh = 0;
		}
	} else {
		uh->len = htons(flen - t->il4);
	}
	ncsim_hw_tnl_l4_fill(f, fr, t->il3, t->il4, t->iv6, t->tcp);
	ncsim_hw_tx_count(tx, NCSIM_HW_TX_TNL_CSUM, 1);

	if (t->encap == NETCX_ENCAP_VXLAN || t->encap == NETCX_ENCAP_GENEVE) {
		uh = (struct udphdr *)(f + t->ol4);
		uh->len = htons(flen - t->ol4);
	}
	if (cmd & NCSIM_TXD_CMD_OCS)
		ncsim_hw_tnl_outer_csum(f, fr, t);
	ncsim_hw_tnl_seg_ip(tx, f, t->ol3, t->ov6, flen, i);
}

/* Segments an encapsulated TSE or USE packet; false on a violation. */
static bool ncsim_hw_tnl_segment(struct ncsim_hw_tx *tx,
				 const struct ncsim_txd *d, u16 cmd)
{
	unsigned int hlen = d->hdr_len, mss = d->mss, paylen, segs, i, n;
	bool vle = cmd & NCSIM_TXD_CMD_VLE, ok;
	u8 *h = tx->hdr, *f = tx->frame;
	struct ncsim_hw_tnl_hdr t;
	struct ncsim_hw_frame fr;

	if (!ncsim_hw_seg_start(tx, d, &segs))
		return true;
	paylen = d->len - hlen;
	if (!ncsim_hw_tnl_parse(tx, d, cmd, h, hlen, &t)) {
		ncsim_hw_tx_count(tx, NCSIM_HW_TX_DESC_ERRORS, 1);
		return true;
	}
	ok = ncsim_hw_tnl_caps_ok(tx, d, cmd, h, &t);

	for (i = 0; i < segs; i++) {
		n = min(mss, paylen - i * mss);
		if (!ncsim_hw_tx_fits(tx, h, hlen, hlen + n, vle)) {
			ncsim_hw_tx_count(tx, NCSIM_HW_TX_MTU_DROPS, 1);
			continue;
		}
		memcpy(f, h, hlen);
		/* the payload goes out from the packet's buffers */
		fr = (struct ncsim_hw_frame){
			.hdr = f, .hlen = hlen,
			.pkt = d->buf, .off = hlen + i * mss, .plen = n,
		};
		if (ok)
			ncsim_hw_tnl_seg_fix(tx, f, &fr, d, cmd, &t, i, segs);
		if (ncsim_hw_tx_emit(tx, &fr, f, vle, d->vlan))
			return ok;
	}
	if (ok) {
		ncsim_hw_tx_count(tx, NCSIM_HW_TX_TNL_GSO, 1);
		ncsim_hw_tx_count(tx, NCSIM_HW_TX_TNL_GSO_SEGS, segs);
	}
	return ok;
}

/**
 * ncsim_hw_tnl_exec() - execute a descriptor with NCSIM_TXD_CMD_TNL
 * @tx: the transmit engine.
 * @d: the descriptor, its packet within its buffers.
 * @cmd: its command bits, less those ncsim_hw_tx_exec() found reserved;
 *	the device has a tunnel unit (&netcx_tunnel_caps.inner_l4).
 *
 * Return: false when the descriptor asked for what the silicon cannot do
 * (a capability violation, for the caller to count).
 */
bool ncsim_hw_tnl_exec(struct ncsim_hw_tx *tx, const struct ncsim_txd *d,
		       u16 cmd)
{
	bool ok = true;

	/* no tunnel segmentation: the TSE/USE bits are reserved */
	if (cmd & NCSIM_TXD_CMD_SEG && !tx->caps->tnl.gso_l4) {
		cmd &= ~NCSIM_TXD_CMD_SEG;
		ok = false;
	}
	if (cmd & NCSIM_TXD_CMD_SEG)
		return ncsim_hw_tnl_segment(tx, d, cmd) && ok;
	return ncsim_hw_tnl_whole(tx, d, cmd) && ok;
}
