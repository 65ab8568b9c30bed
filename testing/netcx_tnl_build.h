/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Encapsulated packets for the netcx KUnit suites: an inner frame written
 * with netcx_pkt_build.h's layers, wrapped byte by byte in outer headers
 * (VXLAN, GENEVE with options, GRE with C/K/S and gretap, IP in IP: IPIP,
 * SIT, ip6tnl; outer IPv4 or IPv6), and the skb the stack hands a driver
 * for it: inner headers, CHECKSUM_PARTIAL, the tunnel GSO bits, and
 * GSO_PARTIAL's super-packet. Checksums are computed with tb_sum(), which
 * shares no code with the kernel's.
 *
 *	struct tt_spec s = { .encap = TT_VXLAN, .udp_csum = true,
 *			     .inner = L(ETH, IP4, TCP, DATA(3000)) };
 *	struct tt_pkt p;
 *	struct tt_opts o = { .mss = 1000, .headlen = 200, .dev = dev };
 *
 *	tt_pkt_init(test, &p, &s);	p.buf: the frame, checksums filled in
 *	skb = tt_skb(test, &p, &o);	as the stack hands it over
 */
#ifndef _NETCX_TNL_BUILD_H
#define _NETCX_TNL_BUILD_H

#include <linux/if_ether.h>
#include <linux/skbuff.h>

#include "netcx_pkt_build.h"

/**
 * enum tt_encap - the encapsulation of a test packet
 * @TT_VXLAN: outer UDP to @tt_spec.port (default %TT_VXLAN_PORT), an
 *	8-byte VXLAN header, an inner Ethernet frame.
 * @TT_GENEVE: outer UDP to @tt_spec.port (default %TT_GENEVE_PORT), an
 *	8-byte GENEVE header and @tt_spec.geneve_opts bytes of options; the
 *	inner frame is Ethernet (protocol 0x6558) or IP.
 * @TT_GRE: outer IP protocol 47, a GRE header with @tt_spec.gre_flags;
 *	the inner frame is Ethernet (gretap, 0x6558) or IP.
 * @TT_IPXIP: outer IP protocol 4 or 41 and the inner IP header right after
 *	the outer one (IPIP: 4 in 4, SIT: 6 in 4, ip6tnl: 4 or 6 in 6).
 */
enum tt_encap {
	TT_VXLAN,
	TT_GENEVE,
	TT_GRE,
	TT_IPXIP,
};

#define TT_GRE_C	0x8000	/* GRE checksum present */
#define TT_GRE_K	0x2000	/* GRE key present */
#define TT_GRE_S	0x1000	/* GRE sequence number present */

#define TT_VXLAN_PORT	4789
#define TT_GENEVE_PORT	6081
#define TT_SPORT	49153		/* the outer UDP source port */
#define TT_VNI		0x123456	/* VXLAN and GENEVE */
#define TT_GRE_KEY	0x0badcafe
#define TT_GRE_SEQ	0x00010203
#define TT_IP4_SRC	0x0a000001	/* outer 10.0.0.1 */
#define TT_IP4_DST	0x0a000002	/* outer 10.0.0.2 */
#define TT_IP4_ID	0x5678		/* outer IPv4 id */

/**
 * struct tt_spec - what tt_pkt_init() builds
 * @encap: &enum tt_encap.
 * @outer_v6: the outer IP header is IPv6 (else IPv4, DF set).
 * @outer_opts: outer IPv4 option bytes (NOPs, a multiple of 4), or the
 *	bytes of an IPv6 destination options header after the outer IPv6
 *	header (a multiple of 8).
 * @udp_csum: VXLAN, GENEVE: the outer UDP checksum is computed (else 0,
 *	as with a tunnel device's udpcsum off).
 * @port: VXLAN, GENEVE: the outer UDP destination port, 0 for the default.
 * @geneve_opts: GENEVE option bytes, a multiple of 4 up to 252, written
 *	as options of class 0x0102 of up to 128 bytes each.
 * @gre_flags: GRE: %TT_GRE_C, %TT_GRE_K, %TT_GRE_S.
 * @inner: the inner frame's layers (netcx_pkt_build.h), starting with
 *	%TB_ETH or an IP layer, one IP header and one transport header.
 */
struct tt_spec {
	u8 encap;
	bool outer_v6;
	u8 outer_opts;
	bool udp_csum;
	u16 port;
	u8 geneve_opts;
	u16 gre_flags;
	const struct tb_layer *inner;
};

/**
 * struct tt_pkt - an encapsulated test packet (tt_pkt_init())
 * @spec: what it was built from (@spec.inner is not kept valid).
 * @buf: the frame as it goes on the wire: lengths and every checksum (the
 *	inner transport one, the inner and outer IPv4 headers', the outer UDP
 *	or GRE one when present) filled in.
 * @len: its length.
 * @onh: the offset of the outer IP header (14).
 * @oth: of the outer UDP or GRE header; IP in IP: of the inner IP header.
 * @ocheck: of the outer UDP or GRE checksum field; 0 when there is none
 *	(no @spec.udp_csum, no %TT_GRE_C, IP in IP).
 * @imac: of the inner Ethernet header; @inh when the inner frame is IP.
 * @inh: of the inner IP header.
 * @ith: of the inner transport header.
 * @hlen: the length of all the headers, outer and inner.
 * @icheck: of the inner transport checksum field.
 * @iproto: %IPPROTO_TCP, %IPPROTO_UDP or %IPPROTO_ICMP (inner).
 * @ieth: the inner frame starts with Ethernet.
 * @iv6: the inner IP header is IPv6.
 * @oproto: the outer IP protocol: %IPPROTO_UDP, %IPPROTO_GRE,
 *	%IPPROTO_IPIP or %IPPROTO_IPV6.
 * @ethertype: the encapsulation's protocol type: %ETH_P_TEB, %ETH_P_IP or
 *	%ETH_P_IPV6 (what skb->inner_protocol holds).
 */
struct tt_pkt {
	struct tt_spec spec;
	u8 *buf;
	unsigned int len;
	unsigned int onh;
	unsigned int oth;
	unsigned int ocheck;
	unsigned int imac;
	unsigned int inh;
	unsigned int ith;
	unsigned int hlen;
	unsigned int icheck;
	u8 iproto;
	bool ieth;
	bool iv6;
	u8 oproto;
	u16 ethertype;
};

static inline const u8 *tt_ip6_addr(bool dst)
{
	static const u8 addr[2][16] = {
		{ 0xfd, 0x00, [15] = 1 },	/* fd00::1 */
		{ 0xfd, 0x00, [15] = 2 },	/* fd00::2 */
	};

	return addr[dst];
}

/* The bytes of the outer headers before the inner frame (tt_pkt_init()). */
static inline unsigned int tt_outer_len(const struct tt_spec *s)
{
	unsigned int n = ETH_HLEN + (s->outer_v6 ? 40 : 20) + s->outer_opts;

	switch (s->encap) {
	case TT_VXLAN:
		return n + 8 + 8;
	case TT_GENEVE:
		return n + 8 + 8 + s->geneve_opts;
	case TT_GRE:
		return n + 4 + 4 * !!(s->gre_flags & TT_GRE_C) +
		       4 * !!(s->gre_flags & TT_GRE_K) +
		       4 * !!(s->gre_flags & TT_GRE_S);
	default:
		return n;
	}
}

/* The checksum of @len bytes at @p with the pseudo-header sum @sum. */
static inline u16 tt_csum(const u8 *p, unsigned int len, u32 sum)
{
	return ~tb_fold(tb_sum(p, len, sum)) & 0xffff;
}

/**
 * tt_fix() - lengths and checksums of a frame with @p's headers
 * @p: the packet whose header layout @buf has.
 * @buf: a frame of @len bytes: @p's headers and @len - @p->hlen bytes of
 *	payload (a segment of @p, for instance).
 * @len: its length.
 *
 * Writes the outer and inner IP lengths, the outer UDP length, an inner UDP
 * length, then every checksum as the wire carries it: the inner transport
 * checksum, both IPv4 header checksums, the outer UDP checksum (when
 * @p->spec.udp_csum) or GRE checksum (%TT_GRE_C). Nothing else (IPv4 ids,
 * TCP sequence numbers and flags stay as they are).
 */
static inline void tt_fix(const struct tt_pkt *p, u8 *buf, unsigned int len)
{
	unsigned int ihl = (buf[p->onh] & 0xf) * 4, l4len = len - p->ith;
	u16 c;

	if (p->spec.outer_v6)
		tb_put16(buf + p->onh + 4, len - p->onh - 40);
	else
		tb_put16(buf + p->onh + 2, len - p->onh);
	if (p->oproto == IPPROTO_UDP)
		tb_put16(buf + p->oth + 4, len - p->oth);
	if (p->iv6)
		tb_put16(buf + p->inh + 4, len - p->inh - 40);
	else
		tb_put16(buf + p->inh + 2, len - p->inh);
	if (p->iproto == IPPROTO_UDP)
		tb_put16(buf + p->ith + 4, l4len);

	if (!p->iv6) {
		tb_put16(buf + p->inh + 10, 0);
		tb_put16(buf + p->inh + 10,
			 tt_csum(buf + p->inh, (buf[p->inh] & 0xf) * 4, 0));
	}
	tb_put16(buf + p->icheck, 0);
	if (p->iproto == IPPROTO_ICMP) {
		c = tt_csum(buf + p->ith, l4len, 0);
	} else {
		c = tt_csum(buf + p->ith, l4len,
			    tb_pseudo_sum(buf + p->inh, p->iproto, l4len));
		if (p->iproto == IPPROTO_UDP && !c)
			c = 0xffff;
	}
	tb_put16(buf + p->icheck, c);

	if (p->ocheck) {
		tb_put16(buf + p->ocheck, 0);
		if (p->oproto == IPPROTO_UDP) {
			c = tt_csum(buf + p->oth, len - p->oth,
				    tb_pseudo_sum(buf + p->onh, IPPROTO_UDP,
						  len - p->oth));
			c = c ?: 0xffff;
		} else {
			c = tt_csum(buf + p->oth, len - p->oth, 0);
		}
		tb_put16(buf + p->ocheck, c);
	}
	if (!p->spec.outer_v6) {
		tb_put16(buf + p->onh + 10, 0);
		tb_put16(buf + p->onh + 10, tt_csum(buf + p->onh, ihl, 0));
	}
}

/**
 * tt_pkt_init() - build an encapsulated test packet
 * @test: the running test (aborted when @s is inconsistent).
 * @p: the packet to fill in; @p->buf is test-managed memory.
 * @s: what to build.
 */
static inline void tt_pkt_init(struct kunit *test, struct tt_pkt *p,
			       const struct tt_spec *s)
{
	unsigned int olen = tt_outer_len(s), ilen = tb_len(s->inner);
	const struct tb_layer *l;
	unsigned int off, n, i;
	u8 *b;

	memset(p, 0, sizeof(*p));
	p->spec = *s;
	p->spec.inner = NULL;
	p->ieth = s->inner[0].type == TB_ETH;
	KUNIT_ASSERT_TRUE(test, s->encap != TT_VXLAN || p->ieth);
	KUNIT_ASSERT_TRUE(test, s->encap != TT_IPXIP || !p->ieth);
	KUNIT_ASSERT_EQ(test, s->outer_opts % (s->outer_v6 ? 8 : 4), 0);
	KUNIT_ASSERT_EQ(test, s->geneve_opts % 4, 0);
	KUNIT_ASSERT_LE(test, s->geneve_opts, 252);

	p->len = olen + ilen;
	p->buf = kunit_kzalloc(test, p->len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p->buf);
	KUNIT_ASSERT_EQ(test, tb_build(p->buf + olen, ilen, s->inner), ilen);

	/* where the inner headers are */
	p->imac = olen;
	for (off = olen, l = s->inner; l->type != TB_END;
	     off += tb_layer_len(l), l++) {
		switch (l->type) {
		case TB_IPV4:
		case TB_IPV6:
			p->inh = off;
			p->iv6 = l->type == TB_IPV6;
			break;
		case TB_TCP:
			p->iproto = IPPROTO_TCP;
			p->ith = off;
			p->icheck = off + 16;
			break;
		case TB_UDP:
			p->iproto = IPPROTO_UDP;
			p->ith = off;
			p->icheck = off + 6;
			break;
		case TB_ICMP:
			p->iproto = IPPROTO_ICMP;
			p->ith = off;
			p->icheck = off + 2;
			break;
		}
		if (p->iproto && !p->hlen)
			p->hlen = off + tb_layer_len(l);
	}
	KUNIT_ASSERT_NE(test, p->iproto, 0);
	KUNIT_ASSERT_NE(test, p->inh, 0);
	if (!p->ieth)
		p->imac = p->inh;
	p->ethertype = p->ieth ? ETH_P_TEB : p->iv6 ? ETH_P_IPV6 : ETH_P_IP;

	switch (s->encap) {
	case TT_VXLAN:
	case TT_GENEVE:
		p->oproto = IPPROTO_UDP;
		break;
	case TT_GRE:
		p->oproto = IPPROTO_GRE;
		break;
	default:
		p->oproto = p->iv6 ? IPPROTO_IPV6 : IPPROTO_IPIP;
	}

	/* outer Ethernet, IP, extension header */
	b = p->buf;
	memcpy(b, "\x02\x00\x00\x00\x00\x0a\x02\x00\x00\x00\x00\x0b", 12);
	tb_put16(b + 12, s->outer_v6 ? ETH_P_IPV6 : ETH_P_IP);
	p->onh = ETH_HLEN;
	b += ETH_HLEN;
	if (s->outer_v6) {
		b[0] = 0x60;
		b[6] = s->outer_opts ? 60 : p->oproto;
		b[7] = 64;
		memcpy(b + 8, tt_ip6_addr(false), 16);
		memcpy(b + 24, tt_ip6_addr(true), 16);
		b += 40;
		if (s->outer_opts) {
			b[0] = p->oproto;
			b[1] = s->outer_opts / 8 - 1;
			b[2] = 1;		/* PadN over the rest */
			b[3] = s->outer_opts - 4;
			b += s->outer_opts;
		}
	} else {
		b[0] = 0x40 | (20 + s->outer_opts) / 4;
		tb_put16(b + 4, TT_IP4_ID);
		tb_put16(b + 6, 0x4000);	/* DF */
		b[8] = 64;
		b[9] = p->oproto;
		tb_put32(b + 12, TT_IP4_SRC);
		tb_put32(b + 16, TT_IP4_DST);
		memset(b + 20, 1, s->outer_opts);	/* NOP options */
		b += 20 + s->outer_opts;
	}
	p->oth = b - p->buf;

	/* the encapsulation header */
	switch (s->encap) {
	case TT_VXLAN:
	case TT_GENEVE:
		tb_put16(b, TT_SPORT);
		tb_put16(b + 2, s->port ?: (s->encap == TT_VXLAN ?
					    TT_VXLAN_PORT : TT_GENEVE_PORT));
		if (s->udp_csum)
			p->ocheck = p->oth + 6;
		b += 8;
		if (s->encap == TT_VXLAN) {
			b[0] = 0x08;		/* I: the VNI is valid */
			tb_put32(b + 4, TT_VNI << 8);
			break;
		}
		b[0] = s->geneve_opts / 4;	/* version 0, opt_len */
		tb_put16(b + 2, p->ethertype);
		tb_put32(b + 4, TT_VNI << 8);
		b += 8;
		for (i = 0; i < s->geneve_opts; i += n) {
			n = min(s->geneve_opts - i, 128U);
			tb_put16(b + i, 0x0102);	/* option class */
			b[i + 2] = 0x01 + i / 128;	/* type */
			b[i + 3] = (n - 4) / 4;		/* length in words */
			memset(b + i + 4, 0xa5, n - 4);
		}
		break;
	case TT_GRE:
		tb_put16(b, s->gre_flags & (TT_GRE_C | TT_GRE_K | TT_GRE_S));
		tb_put16(b + 2, p->ethertype);
		b += 4;
		if (s->gre_flags & TT_GRE_C) {
			p->ocheck = b - p->buf;
			b += 4;
		}
		if (s->gre_flags & TT_GRE_K) {
			tb_put32(b, TT_GRE_KEY);
			b += 4;
		}
		if (s->gre_flags & TT_GRE_S)
			tb_put32(b, TT_GRE_SEQ);
		break;
	}
	tt_fix(p, p->buf, p->len);
}

/**
 * struct tt_opts - how tt_skb() hands a test packet over
 * @csum: %CHECKSUM_PARTIAL for the inner transport checksum (the stack's
 *	own: pseudo-header sum in the field, csum_start at the inner
 *	transport header), skb->encapsulation set. Else %CHECKSUM_NONE, the
 *	frame as built, skb->encapsulation clear (as iptunnel_handle_offloads()
 *	leaves a packet without checksum offload).
 * @mss: when not 0, a GSO skb at this size (implies @csum): the inner type
 *	(%SKB_GSO_TCPV4, %SKB_GSO_TCPV6, %SKB_GSO_UDP_L4) and the tunnel one
 *	(%SKB_GSO_UDP_TUNNEL or _CSUM, %SKB_GSO_GRE or _CSUM, %SKB_GSO_IPXIP4
 *	or %SKB_GSO_IPXIP6 by the outer IP version); the outer UDP checksum is
 *	then the pseudo-header sum (udp_set_csum()), the GRE one 0.
 * @partial: with @mss, the super-packet GSO_PARTIAL makes (the payload a
 *	multiple of @mss): %SKB_GSO_PARTIAL set, every length field but the
 *	inner transport's that of one segment, the IPv4 header checksums to
 *	match, the outer UDP or GRE checksum the one every segment carries,
 *	the inner pseudo-header sum over the whole inner transport length.
 * @headlen: bytes in the linear area (tb_skb()); 0: all.
 * @dev: skb->dev.
 */
struct tt_opts {
	bool csum;
	u16 mss;
	bool partial;
	unsigned int headlen;
	struct net_device *dev;
};

/**
 * tt_skb() - the skb the stack hands a driver for @p
 * @test: the running test.
 * @p: the packet (tt_pkt_init()).
 * @o: how.
 *
 * skb->protocol, the MAC, network (outer IP) and transport (outer UDP or
 * GRE; IP in IP: the inner IP header) headers, mac_len, the inner MAC,
 * network and transport headers and inner protocol (IP in IP: the inner
 * IP protocol) are set whatever @o says.
 *
 * Return: the skb, for the caller to free.
 */
static inline struct sk_buff *tt_skb(struct kunit *test,
				     const struct tt_pkt *p,
				     const struct tt_opts *o)
{
	bool csum = o->csum || o->mss;
	unsigned int l4len = p->len - p->ith, seg;
	struct sk_buff *skb;
	u32 gso = 0;
	u8 *buf;

	buf = kunit_kmalloc(test, p->len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	memcpy(buf, p->buf, p->len);

	if (o->mss && o->partial) {
		/* every header as in the first segment, lengths included */
		KUNIT_ASSERT_EQ(test, (p->len - p->hlen) % o->mss, 0);
		seg = p->hlen + o->mss;
		tt_fix(p, buf, seg);
		if (p->iproto == IPPROTO_UDP)	/* the whole length */
			tb_put16(buf + p->ith + 4, l4len);
	}
	/* ICMP has no pseudo-header: the field starts at 0 */
	if (csum)
		tb_put16(buf + p->icheck, p->iproto == IPPROTO_ICMP ? 0 :
			 tb_fold(tb_pseudo_sum(buf + p->inh, p->iproto,
					       l4len)));
	if (o->mss && !o->partial && p->ocheck)
		tb_put16(buf + p->ocheck, p->oproto != IPPROTO_UDP ? 0 :
			 tb_fold(tb_pseudo_sum(buf + p->onh, IPPROTO_UDP,
					       p->len - p->oth)));

	skb = tb_skb(test, buf, p->len, o->headlen);
	skb->dev = o->dev;
	skb->protocol = htons(p->spec.outer_v6 ? ETH_P_IPV6 : ETH_P_IP);
	skb_set_network_header(skb, p->onh);
	skb_set_transport_header(skb, p->oth);
	skb_reset_mac_len(skb);
	skb_set_inner_mac_header(skb, p->imac);
	skb_set_inner_network_header(skb, p->inh);
	skb_set_inner_transport_header(skb, p->ith);
	if (p->spec.encap == TT_IPXIP)
		skb_set_inner_ipproto(skb, p->oproto);
	else
		skb_set_inner_protocol(skb, htons(p->ethertype));

	if (csum) {
		skb->encapsulation = 1;
		skb->ip_summed = CHECKSUM_PARTIAL;
		skb->csum_start = skb_headroom(skb) + p->ith;
		skb->csum_offset = p->icheck - p->ith;
	}
	if (!o->mss)
		return skb;

	if (p->iproto == IPPROTO_UDP)
		gso = SKB_GSO_UDP_L4;
	else
		gso = p->iv6 ? SKB_GSO_TCPV6 : SKB_GSO_TCPV4;
	switch (p->spec.encap) {
	case TT_VXLAN:
	case TT_GENEVE:
		gso |= p->ocheck ? SKB_GSO_UDP_TUNNEL_CSUM : SKB_GSO_UDP_TUNNEL;
		break;
	case TT_GRE:
		gso |= p->ocheck ? SKB_GSO_GRE_CSUM : SKB_GSO_GRE;
		break;
	default:
		gso |= p->spec.outer_v6 ? SKB_GSO_IPXIP6 : SKB_GSO_IPXIP4;
	}
	if (o->partial)
		gso |= SKB_GSO_PARTIAL;
	skb_shinfo(skb)->gso_type = gso;
	skb_shinfo(skb)->gso_size = o->mss;
	skb_shinfo(skb)->gso_segs = DIV_ROUND_UP(p->len - p->hlen, o->mss);
	return skb;
}

#endif /* _NETCX_TNL_BUILD_H */
