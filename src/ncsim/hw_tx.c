// SPDX-License-Identifier: GPL-2.0
/*
 * The ncsim transmit engine: the device's side of the transmit ring. The
 * driver runs it from NAPI, apart from ndo_start_xmit, as a DMA engine runs
 * apart from the doorbell: it gathers each packet, inserts checksums,
 * segments, inserts tags, and puts frames on the wire. Frames longer than
 * the wire MTU are dropped there; frames shorter than 60 bytes are padded.
 * The wire is cut-through (struct ncsim_hw_frame): the engine reads a
 * frame's headers into its own buffer and rewrites them there, while the
 * payload goes from the packet's buffers straight to the receiver's.
 *
 * The engine enforces the capabilities it was built with. A descriptor that
 * asks for more is executed the way silicon fails, never repaired:
 *
 * - a checksum for a packet shape or a header offset outside the
 *   capabilities: the packet is not recognised and the checksum field is
 *   left as posted; an IPv4 header checksum over options, on a parser
 *   without options, is computed over the first 20 bytes only;
 * - segmentation by an engine the device does not have: the TSE/USE bit is
 *   reserved and ignored, the packet goes out whole (and is dropped on the
 *   wire when longer than the MTU);
 * - segmentation outside the engine's capabilities (shape, offset, size,
 *   segment count): the payload is cut at the MSS but every segment
 *   carries the headers as posted: lengths, IPv4 ids, sequence numbers,
 *   flags and checksums unfixed;
 * - a tag the device cannot insert: the frame goes out untagged;
 * - an encapsulated packet (TNL) on a device without a tunnel unit: sent
 *   as posted, no checksum inserted; tunnel segmentation without the
 *   engine: the TSE/USE bit is ignored; the rest, see hw_tnl.c.
 *
 * With flow control, the engine starts a descriptor only when the far end
 * has room for all its frames (or could never have more), else it stops
 * until called again: a PAUSE, counted in NCSIM_HW_TX_PAUSED.
 *
 * Each such descriptor counts once in NCSIM_HW_TX_VIOLATIONS. A descriptor
 * whose offsets lie outside the packet is dropped, as a DMA engine stops on
 * a malformed descriptor (NCSIM_HW_TX_DESC_ERRORS).
 *
 * For tests, the engine drops every Nth descriptor on request (fault_drop):
 * completed as if sent, nothing on the wire (NCSIM_HW_TX_FAULT_DROPS).
 */
#include <kunit/visibility.h>
#include <linux/etherdevice.h>
#include <linux/log2.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/tcp.h>
#include <linux/udp.h>

#include "hw.h"
#include "hw_pkt.h"

#define NCSIM_TXD_CMD_SEG	(NCSIM_TXD_CMD_TSE | NCSIM_TXD_CMD_USE)

const char ncsim_hw_tx_stat_names[NCSIM_HW_TX_NSTATS][ETH_GSTRING_LEN] = {
	[NCSIM_HW_TX_PACKETS]		= "hw_tx_packets",
	[NCSIM_HW_TX_FRAMES]		= "hw_tx_frames",
	[NCSIM_HW_TX_BYTES]		= "hw_tx_bytes",
	[NCSIM_HW_TX_IP_CSUM]		= "hw_tx_ip_csum",
	[NCSIM_HW_TX_L4_CSUM]		= "hw_tx_l4_csum",
	[NCSIM_HW_TX_LSO]		= "hw_tx_lso",
	[NCSIM_HW_TX_LSO_SEGS]		= "hw_tx_lso_segs",
	[NCSIM_HW_TX_USO]		= "hw_tx_uso",
	[NCSIM_HW_TX_USO_SEGS]		= "hw_tx_uso_segs",
	[NCSIM_HW_TX_TNL_CSUM]		= "hw_tx_tnl_csum",
	[NCSIM_HW_TX_TNL_GSO]		= "hw_tx_tnl_gso",
	[NCSIM_HW_TX_TNL_GSO_SEGS]	= "hw_tx_tnl_gso_segs",
	[NCSIM_HW_TX_VLAN]		= "hw_tx_vlan_insert",
	[NCSIM_HW_TX_MTU_DROPS]		= "hw_wire_mtu_drops",
	[NCSIM_HW_TX_NO_CARRIER]	= "hw_wire_no_carrier",
	[NCSIM_HW_TX_PAUSED]		= "hw_tx_paused",
	[NCSIM_HW_TX_VIOLATIONS]	= "hw_caps_violation",
	[NCSIM_HW_TX_DESC_ERRORS]	= "hw_tx_desc_errors",
	[NCSIM_HW_TX_FAULT_DROPS]	= "hw_tx_fault_drops",
};

void ncsim_hw_tx_count(struct ncsim_hw_tx *tx, enum ncsim_hw_tx_stat s,
		       unsigned long n)
{
	u64_stats_update_begin(&tx->syncp);
	u64_stats_add(&tx->stats[s], n);
	u64_stats_update_end(&tx->syncp);
}

/*
 * The most bytes an IPv4 header or a TCP header takes: what the parser may
 * read at the IP header's offset and at the transport header's.
 */
#define NCSIM_HW_MAX_HDR	60

/* The device's DMA read: @len bytes of the packet from @off. */
int ncsim_hw_dma_read(const struct ncsim_txd *d, unsigned int off, void *to,
		      unsigned int len)
{
	return skb_copy_bits(d->buf, off, to, len);
}

/*
 * The sum of the bytes of @fr from @from, within its headers, to its end:
 * the payload summed as the DMA engine reads it from the packet's buffers
 * (within them: ncsim_hw_tx_exec() checked the packet's length).
 */
__wsum ncsim_hw_frame_sum(const struct ncsim_hw_frame *fr, unsigned int from)
{
	__wsum sum = csum_partial(fr->hdr + from, fr->hlen - from, 0);

	if (!fr->plen)
		return sum;
	return csum_block_add(sum, skb_checksum(fr->pkt, fr->off, fr->plen, 0),
			      fr->hlen - from);
}

static bool ncsim_hw_is_tcp(u16 cmd)
{
	return cmd & NCSIM_TXD_CMD_SEG ? cmd & NCSIM_TXD_CMD_TSE :
					 cmd & NCSIM_TXD_CMD_TCP;
}

/* The engine parses IP at maclen and TCP/UDP at l4_off. */
static bool ncsim_hw_parses(const struct ncsim_hw_tx *tx, u16 cmd)
{
	return cmd & NCSIM_TXD_CMD_SEG ||
	       (cmd & NCSIM_TXD_CMD_L4CS && !tx->caps->tx_csum.generic);
}

/*
 * Checks the offsets of @d against the @avail bytes of headers in @h, as
 * the device's parser does: false for a descriptor it cannot execute.
 */
static bool ncsim_hw_txd_parse(const struct ncsim_hw_tx *tx,
			       const struct ncsim_txd *d, u16 cmd,
			       const u8 *h, unsigned int avail)
{
	bool v6 = cmd & NCSIM_TXD_CMD_IP6, tcp = ncsim_hw_is_tcp(cmd);
	unsigned int l4hdr = 0, iplen;
	const struct iphdr *iph;

	if (cmd & NCSIM_TXD_CMD_IPCS) {
		iph = (const struct iphdr *)(h + d->maclen);
		if (v6 || d->maclen + sizeof(*iph) > avail || iph->ihl < 5 ||
		    d->maclen + iph->ihl * 4 > avail)
			return false;
	}
	if (!ncsim_hw_parses(tx, cmd)) {
		/* the generic engine: CSS and CSO only */
		return !(cmd & NCSIM_TXD_CMD_L4CS) ||
		       d->l4_off + d->cso + sizeof(__sum16) <= avail;
	}

	iplen = v6 ? sizeof(struct ipv6hdr) : sizeof(struct iphdr);
	if (d->maclen + iplen > d->l4_off || d->l4_off > avail)
		return false;
	if (!v6) {
		iph = (const struct iphdr *)(h + d->maclen);
		if (iph->ihl < 5 || d->maclen + iph->ihl * 4 > d->l4_off)
			return false;
	}
	if (tcp) {
		if (d->l4_off + sizeof(struct tcphdr) > avail)
			return false;
		l4hdr = ((const struct tcphdr *)(h + d->l4_off))->doff * 4;
		if (l4hdr < sizeof(struct tcphdr))
			return false;
	} else if (cmd & (NCSIM_TXD_CMD_UDP | NCSIM_TXD_CMD_USE)) {
		l4hdr = sizeof(struct udphdr);
	}
	if (d->l4_off + l4hdr > avail)
		return false;
	return !(cmd & NCSIM_TXD_CMD_SEG) ||
	       (d->hdr_len >= d->l4_off + l4hdr && d->mss);
}

/* The capability flags that name this packet's shape. */
static u8 ncsim_hw_l3_flag(const struct ncsim_txd *d, bool v6)
{
	unsigned int iplen = d->l4_off - d->maclen;

	if (v6)
		return iplen > sizeof(struct ipv6hdr) ? NETCX_L3_IPV6_EXT :
							NETCX_L3_IPV6;
	return iplen > sizeof(struct iphdr) ? NETCX_L3_IPV4_OPTS : NETCX_L3_IPV4;
}

static u8 ncsim_hw_l4_flag(const struct ncsim_txd *d, const u8 *h, bool tcp)
{
	const struct tcphdr *th = (const struct tcphdr *)(h + d->l4_off);

	if (!tcp)
		return NETCX_L4_UDP;
	return th->doff * 4 > sizeof(*th) ? NETCX_L4_TCP_OPTS : NETCX_L4_TCP;
}

/* Fills the TCP or UDP checksum of the frame @fr, whose headers are in @f. */
static void ncsim_hw_l4_fill(u8 *f, const struct ncsim_hw_frame *fr,
			     const struct ncsim_txd *d, bool v6, bool tcp)
{
	unsigned int at = d->l4_off + (tcp ? offsetof(struct tcphdr, check) :
					     offsetof(struct udphdr, check));
	unsigned int len = fr->hlen + fr->plen;
	__sum16 sum;

	ncsim_hw_put16(f + at, 0);
	sum = ncsim_hw_l4_magic(f, d->maclen, d->l4_off, len - d->l4_off, v6,
				tcp ? IPPROTO_TCP : IPPROTO_UDP,
				ncsim_hw_frame_sum(fr, d->l4_off));
	/* UDP says "no checksum" with 0: send its other form */
	if (!tcp && !sum)
		sum = CSUM_MANGLED_0;
	memcpy(f + at, &sum, sizeof(sum));
}

/* Inserts the IPv4 header checksum; false when asked beyond the caps. */
static bool ncsim_hw_tx_ip_csum(struct ncsim_hw_tx *tx,
				const struct ncsim_txd *d, u8 *f)
{
	const struct netcx_tx_csum_caps *c = &tx->caps->tx_csum;
	struct iphdr *iph = (struct iphdr *)(f + d->maclen);
	unsigned int ihl = iph->ihl;
	bool ok = true;

	if (!(c->l3 & NETCX_L3_IPV4) ||
	    (c->l3_offset_limit && d->maclen > c->l3_offset_limit))
		return false;		/* not recognised: left as posted */
	if (ihl > 5 && !(c->l3 & NETCX_L3_IPV4_OPTS)) {
		ihl = 5;		/* a parser without options */
		ok = false;
	}
	iph->check = 0;
	iph->check = ip_fast_csum(iph, ihl);
	ncsim_hw_tx_count(tx, NCSIM_HW_TX_IP_CSUM, 1);
	return ok;
}

/* Inserts the transport checksum; false when asked beyond the caps. */
static bool ncsim_hw_tx_l4_csum(struct ncsim_hw_tx *tx,
				const struct ncsim_txd *d, u16 cmd, u8 *f,
				const struct ncsim_hw_frame *fr)
{
	const struct netcx_tx_csum_caps *c = &tx->caps->tx_csum;
	bool v6 = cmd & NCSIM_TXD_CMD_IP6, tcp = cmd & NCSIM_TXD_CMD_TCP;
	__sum16 sum;

	if (!c->l3 && !c->l4)
		return false;		/* no checksum engine */
	if (c->generic) {
		if (c->l4_offset_limit && d->l4_off > c->l4_offset_limit)
			return false;
		sum = csum_fold(ncsim_hw_frame_sum(fr, d->l4_off));
		sum = sum ?: CSUM_MANGLED_0;
		memcpy(f + d->l4_off + d->cso, &sum, sizeof(sum));
	} else {
		if (!(cmd & (NCSIM_TXD_CMD_TCP | NCSIM_TXD_CMD_UDP)) ||
		    !(c->l3 & ncsim_hw_l3_flag(d, v6)) ||
		    !(c->l4 & ncsim_hw_l4_flag(d, f, tcp)) ||
		    (c->l3_offset_limit && d->maclen > c->l3_offset_limit) ||
		    (c->l4_offset_limit && d->l4_off > c->l4_offset_limit))
			return false;
		ncsim_hw_l4_fill(f, fr, d, v6, tcp);
	}
	ncsim_hw_tx_count(tx, NCSIM_HW_TX_L4_CSUM, 1);
	return true;
}

/*
 * What every segmenting engine checks first: the header length against
 * the packet and the MSS, headers too long for any segment to fit, then
 * the headers read into tx->hdr. Sets @segs; false when the descriptor is
 * done with (counted: a descriptor error, or every segment dropped).
 */
bool ncsim_hw_seg_start(struct ncsim_hw_tx *tx, const struct ncsim_txd *d,
			unsigned int *segs)
{
	unsigned int hlen = d->hdr_len;

	if (hlen >= d->len || !d->mss) {
		ncsim_hw_tx_count(tx, NCSIM_HW_TX_DESC_ERRORS, 1);
		return false;
	}
	*segs = DIV_ROUND_UP(d->len - hlen, d->mss);
	/* headers longer than any MTU: every segment is dropped */
	if (hlen > tx->frame_size - VLAN_HLEN) {
		ncsim_hw_tx_count(tx, NCSIM_HW_TX_MTU_DROPS, *segs);
		return false;
	}
	if (ncsim_hw_dma_read(d, 0, tx->hdr, hlen)) {
		ncsim_hw_tx_count(tx, NCSIM_HW_TX_DESC_ERRORS, 1);
		return false;
	}
	return true;
}

/*
 * Whether a frame of @len bytes, before a tag is inserted (@vle), fits the
 * wire MTU; its in-band tags are read from @h, @avail bytes long.
 */
bool ncsim_hw_tx_fits(const struct ncsim_hw_tx *tx, const u8 *h,
		      unsigned int avail, unsigned int len, bool vle)
{
	unsigned int mtu = min(READ_ONCE(tx->mtu), tx->caps->max_mtu);
	unsigned int l3, tags = ncsim_hw_tags(h, avail, &l3) + vle;

	tags = min_t(unsigned int, tags, NCSIM_HW_MAX_TAGS);
	return len + (vle ? VLAN_HLEN : 0) <= ETH_HLEN + mtu + tags * VLAN_HLEN;
}

/*
 * Puts the frame @fr, whose headers are in @f, on the wire, tagged with @tci
 * when @vle. Return: 0, or -EFAULT when its payload could not be read.
 */
int ncsim_hw_tx_emit(struct ncsim_hw_tx *tx, struct ncsim_hw_frame *fr, u8 *f,
		     bool vle, u16 tci)
{
	unsigned int len;
	int err;

	if (vle) {
		memmove(f + NCSIM_HW_TYPE_OFF + VLAN_HLEN, f + NCSIM_HW_TYPE_OFF,
			fr->hlen - NCSIM_HW_TYPE_OFF);
		ncsim_hw_put16(f + NCSIM_HW_TYPE_OFF, ETH_P_8021Q);
		ncsim_hw_put16(f + NCSIM_HW_TYPE_OFF + 2, tci);
		fr->hlen += VLAN_HLEN;
		ncsim_hw_tx_count(tx, NCSIM_HW_TX_VLAN, 1);
	}
	len = fr->hlen + fr->plen;
	if (len < ETH_ZLEN) {
		/* padded in the frame buffer: the payload goes there too */
		if (fr->plen &&
		    skb_copy_bits(fr->pkt, fr->off, f + fr->hlen, fr->plen))
			goto dma_error;
		memset(f + len, 0, ETH_ZLEN - len);
		fr->hlen = ETH_ZLEN;
		fr->plen = 0;
		len = ETH_ZLEN;
	}
	tx->burst++;
	err = tx->wire(tx->wire_priv, fr);
	if (err == -EFAULT)
		goto dma_error;
	if (err == -ENOLINK)
		ncsim_hw_tx_count(tx, NCSIM_HW_TX_NO_CARRIER, 1);
	ncsim_hw_tx_count(tx, NCSIM_HW_TX_FRAMES, 1);
	ncsim_hw_tx_count(tx, NCSIM_HW_TX_BYTES, len);
	return 0;

dma_error:
	ncsim_hw_tx_count(tx, NCSIM_HW_TX_DESC_ERRORS, 1);
	return -EFAULT;
}

/*
 * The bytes of a whole packet the engine reads into its frame buffer: all
 * that its parser, checksum and tag units may touch; the rest of the
 * packet goes out from its buffers.
 */
static unsigned int ncsim_hw_whole_hlen(const struct ncsim_txd *d)
{
	unsigned int h = max3(d->maclen + NCSIM_HW_MAX_HDR,
			      d->l4_off + NCSIM_HW_MAX_HDR,
			      d->l4_off + d->cso + (unsigned int)sizeof(__sum16));

	return min(h, d->len);
}

/* Sends a packet whole, with its checksums; false on a violation. */
static bool ncsim_hw_tx_whole(struct ncsim_hw_tx *tx,
			      const struct ncsim_txd *d, u16 cmd)
{
	unsigned int len = d->len, hlen = ncsim_hw_whole_hlen(d);
	struct ncsim_hw_frame fr;
	u8 *f = tx->frame;
	bool ok = true;

	/* longer than any MTU: the MAC drops it before reading it */
	if (len > tx->frame_size - VLAN_HLEN) {
		ncsim_hw_tx_count(tx, NCSIM_HW_TX_MTU_DROPS, 1);
		return true;
	}
	if (ncsim_hw_dma_read(d, 0, f, hlen) ||
	    !ncsim_hw_txd_parse(tx, d, cmd, f, hlen)) {
		ncsim_hw_tx_count(tx, NCSIM_HW_TX_DESC_ERRORS, 1);
		return true;
	}
	fr = (struct ncsim_hw_frame){
		.hdr = f, .hlen = hlen,
		.pkt = d->buf, .off = hlen, .plen = len - hlen,
	};
	if (cmd & NCSIM_TXD_CMD_IPCS)
		ok &= ncsim_hw_tx_ip_csum(tx, d, f);
	if (cmd & NCSIM_TXD_CMD_L4CS)
		ok &= ncsim_hw_tx_l4_csum(tx, d, cmd, f, &fr);

	if (!ncsim_hw_tx_fits(tx, f, hlen, len, cmd & NCSIM_TXD_CMD_VLE))
		ncsim_hw_tx_count(tx, NCSIM_HW_TX_MTU_DROPS, 1);
	else
		ncsim_hw_tx_emit(tx, &fr, f, cmd & NCSIM_TXD_CMD_VLE, d->vlan);
	return ok;
}

/* Fixes the headers, in @f, of segment @i of @segs, the frame @fr. */
static void ncsim_hw_seg_fix(struct ncsim_hw_tx *tx, u8 *f,
			     const struct ncsim_hw_frame *fr,
			     const struct ncsim_txd *d, bool v6, bool tcp,
			     unsigned int i, unsigned int segs)
{
	unsigned int flen = fr->hlen + fr->plen;
	struct ipv6hdr *ip6 = (struct ipv6hdr *)(f + d->maclen);
	struct iphdr *iph = (struct iphdr *)(f + d->maclen);
	struct tcphdr *th = (struct tcphdr *)(f + d->l4_off);
	struct udphdr *uh = (struct udphdr *)(f + d->l4_off);

	if (v6) {
		ip6->payload_len = htons(flen - d->maclen - sizeof(*ip6));
	} else {
		iph->tot_len = htons(flen - d->maclen);
		iph->id = htons(ntohs(iph->id) + i);
		iph->check = 0;
		iph->check = ip_fast_csum(iph, iph->ihl);
		ncsim_hw_tx_count(tx, NCSIM_HW_TX_IP_CSUM, 1);
	}
	if (tcp) {
		th->seq = htonl(ntohl(th->seq) + i * d->mss);
		if (i)
			th->cwr = 0;
		if (i + 1 < segs) {
			th->fin = 0;
			th->psh = 0;
		}
	} else {
		uh->len = htons(flen - d->l4_off);
	}
	ncsim_hw_l4_fill(f, fr, d, v6, tcp);
	ncsim_hw_tx_count(tx, NCSIM_HW_TX_L4_CSUM, 1);
}

/* Segments a TSE or USE packet; false on a violation. */
static bool ncsim_hw_tx_segment(struct ncsim_hw_tx *tx,
				const struct ncsim_txd *d, u16 cmd)
{
	bool tcp = cmd & NCSIM_TXD_CMD_TSE, v6 = cmd & NCSIM_TXD_CMD_IP6;
	const struct netcx_gso_caps *g = tcp ? &tx->caps->lso : &tx->caps->uso;
	unsigned int hlen = d->hdr_len, mss = d->mss, paylen, segs, i, n;
	bool vle = cmd & NCSIM_TXD_CMD_VLE, ok;
	u8 *h = tx->hdr, *f = tx->frame;
	struct ncsim_hw_frame fr;

	if (!ncsim_hw_seg_start(tx, d, &segs))
		return true;
	paylen = d->len - hlen;
	if (!ncsim_hw_txd_parse(tx, d, cmd, h, hlen)) {
		ncsim_hw_tx_count(tx, NCSIM_HW_TX_DESC_ERRORS, 1);
		return true;
	}

	ok = g->l3 & ncsim_hw_l3_flag(d, v6) &&
	     g->l4 & ncsim_hw_l4_flag(d, h, tcp) &&
	     (!g->l4_offset_limit || d->l4_off <= g->l4_offset_limit) &&
	     d->len <= g->max_size && segs >= g->min_segs &&
	     segs <= netcx_gso_max_segs(g);

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
			ncsim_hw_seg_fix(tx, f, &fr, d, v6, tcp, i, segs);
		if (ncsim_hw_tx_emit(tx, &fr, f, vle, d->vlan))
			return ok;
	}
	if (ok) {
		ncsim_hw_tx_count(tx, tcp ? NCSIM_HW_TX_LSO : NCSIM_HW_TX_USO, 1);
		ncsim_hw_tx_count(tx, tcp ? NCSIM_HW_TX_LSO_SEGS :
					    NCSIM_HW_TX_USO_SEGS, segs);
	}
	return ok;
}

/* The frames a descriptor will put on the wire, as its fields say. */
static unsigned int ncsim_hw_txd_frames(const struct ncsim_txd *d)
{
	if (!(d->cmd & NCSIM_TXD_CMD_SEG) || !d->mss || d->hdr_len >= d->len)
		return 1;
	return DIV_ROUND_UP(d->len - d->hdr_len, d->mss);
}

/* Flow control before descriptor @d: true when the far end sent PAUSE. */
static bool ncsim_hw_tx_pause(struct ncsim_hw_tx *tx, const struct ncsim_txd *d)
{
	unsigned int need;

	if (!tx->room)
		return false;
	need = ncsim_hw_txd_frames(d);
	if (tx->room(tx->wire_priv) >= need)
		return false;
	WRITE_ONCE(tx->paused, true);
	/* pairs with the far end's barrier between freeing room and reading paused */
	smp_mb();
	if (tx->room(tx->wire_priv) >= need) {
		WRITE_ONCE(tx->paused, false);
		return false;
	}
	ncsim_hw_tx_count(tx, NCSIM_HW_TX_PAUSED, 1);
	return true;
}

static void ncsim_hw_tx_exec(struct ncsim_hw_tx *tx, const struct ncsim_txd *d)
{
	const struct ncsim_hw_caps *caps = tx->caps;
	u16 cmd = d->cmd, kind;
	bool ok = true;

	if (!d->buf || d->len < ETH_HLEN || d->len > d->buf->len) {
		ncsim_hw_tx_count(tx, NCSIM_HW_TX_DESC_ERRORS, 1);
		return;
	}
	/* an engine the device does not have: a reserved bit, ignored */
	if ((cmd & NCSIM_TXD_CMD_SEG) == NCSIM_TXD_CMD_SEG ||
	    (cmd & NCSIM_TXD_CMD_TSE && !caps->lso.l4) ||
	    (cmd & NCSIM_TXD_CMD_USE && !caps->uso.l4)) {
		cmd &= ~NCSIM_TXD_CMD_SEG;
		ok = false;
	}
	if (cmd & NCSIM_TXD_CMD_VLE) {
		kind = d->vlan & VLAN_VID_MASK ? NETCX_TAG_VLAN : NETCX_TAG_PRIO;
		if (!(caps->tag.kinds & kind)) {
			cmd &= ~NCSIM_TXD_CMD_VLE;
			ok = false;
		}
	}
	/* no tunnel unit: TNL is reserved, the rest names inner headers */
	if (cmd & NCSIM_TXD_CMD_TNL && !caps->tnl.inner_l4) {
		cmd &= NCSIM_TXD_CMD_VLE;
		ok = false;
	}
	if (cmd & NCSIM_TXD_CMD_TNL)
		ok &= ncsim_hw_tnl_exec(tx, d, cmd);
	else if (cmd & NCSIM_TXD_CMD_SEG)
		ok &= ncsim_hw_tx_segment(tx, d, cmd);
	else
		ok &= ncsim_hw_tx_whole(tx, d, cmd);
	if (!ok)
		ncsim_hw_tx_count(tx, NCSIM_HW_TX_VIOLATIONS, 1);
}

/* fault_drop: whether the next descriptor is dropped, counted. */
static bool ncsim_hw_tx_fault(struct ncsim_hw_tx *tx)
{
	u32 drop = READ_ONCE(tx->fault_drop);

	if (!drop || ++tx->fault_n % drop)
		return false;
	ncsim_hw_tx_count(tx, NCSIM_HW_TX_FAULT_DROPS, 1);
	return true;
}

/**
 * ncsim_hw_tx_process() - execute posted transmit descriptors
 * @tx: the engine.
 * @budget: the frames to put on the wire before stopping, a whole
 *	descriptor at a time (a burst: the receiver drains its ring between
 *	bursts, as a wire's rate lets it).
 *
 * Executes the descriptors between the ring's head and the tail the driver
 * posted, writes %NCSIM_TXD_STA_DD back into each and moves the head;
 * stops early, with @tx->paused set, when the far end sends PAUSE. Every
 * @tx->fault_drop th descriptor, when set, is completed without being
 * executed. Called from one context at a time (the port's NAPI).
 *
 * Return: the descriptors completed, executed or dropped.
 */
unsigned int ncsim_hw_tx_process(struct ncsim_hw_tx *tx, unsigned int budget)
{
	struct ncsim_tx_ring *ring = &tx->ring;
	/* the descriptors up to the tail, as the driver wrote them */
	u32 tail = smp_load_acquire(&ring->tail);
	u32 head = ring->head;
	unsigned int done = 0;
	struct ncsim_txd *d;

	tx->burst = 0;
	WRITE_ONCE(tx->paused, false);
	while (head != tail && tx->burst < budget) {
		d = &ring->desc[head & ring->mask];
		if (ncsim_hw_tx_pause(tx, d))
			break;
		if (!ncsim_hw_tx_fault(tx))
			ncsim_hw_tx_exec(tx, d);
		/* done with the descriptor and its buffers: the driver's now */
		smp_store_release(&d->sta, NCSIM_TXD_STA_DD);
		head++;
		done++;
	}
	WRITE_ONCE(ring->head, head);
	if (done)
		ncsim_hw_tx_count(tx, NCSIM_HW_TX_PACKETS, done);
	return done;
}
EXPORT_SYMBOL_IF_KUNIT(ncsim_hw_tx_process);

/**
 * ncsim_hw_tx_pending() - are descriptors waiting?
 * @tx: the engine.
 *
 * Return: true when the driver posted descriptors not yet executed.
 */
bool ncsim_hw_tx_pending(const struct ncsim_hw_tx *tx)
{
	/* pairs with the driver's release of the tail */
	return READ_ONCE(tx->ring.head) != smp_load_acquire(&tx->ring.tail);
}
EXPORT_SYMBOL_IF_KUNIT(ncsim_hw_tx_pending);

/**
 * ncsim_hw_tx_read_stats() - read the engine's counters
 * @tx: the engine.
 * @vals: room for %NCSIM_HW_TX_NSTATS values, in &enum ncsim_hw_tx_stat
 *	order.
 */
void ncsim_hw_tx_read_stats(const struct ncsim_hw_tx *tx, u64 *vals)
{
	unsigned int start, i;

	do {
		start = u64_stats_fetch_begin(&tx->syncp);
		for (i = 0; i < NCSIM_HW_TX_NSTATS; i++)
			vals[i] = u64_stats_read(&tx->stats[i]);
	} while (u64_stats_fetch_retry(&tx->syncp, start));
}
EXPORT_SYMBOL_IF_KUNIT(ncsim_hw_tx_read_stats);

/**
 * ncsim_hw_tx_reset() - reset the engine's ring
 * @tx: the engine, idle.
 *
 * Clears every descriptor and both indices, as a device reset does; the
 * counters stay.
 */
void ncsim_hw_tx_reset(struct ncsim_hw_tx *tx)
{
	memset(tx->ring.desc, 0, (tx->ring.mask + 1) * sizeof(*tx->ring.desc));
	tx->ring.head = 0;
	tx->ring.tail = 0;
}
EXPORT_SYMBOL_IF_KUNIT(ncsim_hw_tx_reset);

/**
 * ncsim_hw_tx_init() - build a transmit engine and its ring
 * @tx: the engine.
 * @caps: what the silicon can do; must outlive @tx.
 * @ring_size: transmit descriptors, a power of 2.
 * @wire: where frames go.
 * @room: flow control (see &struct ncsim_hw_tx), or NULL.
 * @priv: @wire's and @room's argument.
 *
 * The wire MTU starts at %ETH_DATA_LEN.
 *
 * Return: 0, -EINVAL or -ENOMEM.
 */
int ncsim_hw_tx_init(struct ncsim_hw_tx *tx, const struct ncsim_hw_caps *caps,
		     unsigned int ring_size, ncsim_hw_wire_t wire,
		     ncsim_hw_room_t room, void *priv)
{
	memset(tx, 0, sizeof(*tx));
	if (!is_power_of_2(ring_size))
		return -EINVAL;
	tx->caps = caps;
	tx->mtu = ETH_DATA_LEN;
	tx->wire = wire;
	tx->room = room;
	tx->wire_priv = priv;
	tx->frame_size = max_t(unsigned int, ETH_ZLEN,
			       ETH_HLEN + (NCSIM_HW_MAX_TAGS + 1) * VLAN_HLEN +
			       caps->max_mtu);
	tx->ring.mask = ring_size - 1;
	tx->ring.desc = kcalloc(ring_size, sizeof(*tx->ring.desc), GFP_KERNEL);
	tx->frame = kmalloc(tx->frame_size, GFP_KERNEL);
	tx->hdr = kmalloc(tx->frame_size, GFP_KERNEL);
	if (!tx->ring.desc || !tx->frame || !tx->hdr) {
		ncsim_hw_tx_uninit(tx);
		return -ENOMEM;
	}
	u64_stats_init(&tx->syncp);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(ncsim_hw_tx_init);

/**
 * ncsim_hw_tx_uninit() - free what ncsim_hw_tx_init() allocated
 * @tx: the engine, idle.
 */
void ncsim_hw_tx_uninit(struct ncsim_hw_tx *tx)
{
	kfree(tx->hdr);
	kfree(tx->frame);
	kfree(tx->ring.desc);
	tx->hdr = NULL;
	tx->frame = NULL;
	tx->ring.desc = NULL;
}
EXPORT_SYMBOL_IF_KUNIT(ncsim_hw_tx_uninit);
