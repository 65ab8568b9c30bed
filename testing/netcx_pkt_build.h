/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Packets for the netcx KUnit suites, written byte by byte from a list of
 * layers, and a ones' complement sum to check checksums with that shares no
 * code with the kernel's.
 */
#ifndef _NETCX_PKT_BUILD_H
#define _NETCX_PKT_BUILD_H

#include <kunit/test.h>
#include <linux/in.h>
#include <linux/skbuff.h>

/**
 * enum tb_type - one layer of a test packet
 * @TB_END: ends the list.
 * @TB_ETH: Ethernet header; its EtherType names the next layer.
 * @TB_VLAN: an 802.1Q tag (TPID 0x8100), TCI @val.
 * @TB_SVLAN: an 802.1ad tag (TPID 0x88a8), TCI @val.
 * @TB_IPV4: IPv4 header with @len bytes of options (NOPs), frag_off @val.
 * @TB_IPV6: IPv6 header.
 * @TB_HOP: IPv6 hop-by-hop options, @len bytes (a multiple of 8).
 * @TB_RT: IPv6 routing header, @len bytes (a multiple of 8).
 * @TB_DST: IPv6 destination options, @len bytes (a multiple of 8).
 * @TB_FRAG: IPv6 fragment header, frag_off @val (offset << 3 | MF).
 * @TB_TCP: TCP header with @len bytes of options, flags @val.
 * @TB_UDP: UDP header.
 * @TB_ICMP: an ICMP echo header, 8 bytes.
 * @TB_ARP: an ARP request, 28 bytes.
 * @TB_DATA: @len bytes of payload, tb_data_byte() of their index.
 */
enum tb_type {
	TB_END,
	TB_ETH,
	TB_VLAN,
	TB_SVLAN,
	TB_IPV4,
	TB_IPV6,
	TB_HOP,
	TB_RT,
	TB_DST,
	TB_FRAG,
	TB_TCP,
	TB_UDP,
	TB_ICMP,
	TB_ARP,
	TB_DATA,
};

/**
 * struct tb_layer - one layer of a test packet
 * @type: &enum tb_type.
 * @len: a length, as @type says.
 * @val: a field value, as @type says.
 */
struct tb_layer {
	u8 type;
	u16 len;
	u16 val;
};

#define TB_SEQ		0x01020304
#define TB_IP4_SRC	0xc0000201	/* 192.0.2.1 */
#define TB_IP4_DST	0xc6336402	/* 198.51.100.2 */
#define TB_IP4_ID	0x1234

static inline u8 tb_data_byte(unsigned int i)
{
	return (i * 13 + 7) & 0xff;
}

static inline const u8 *tb_ip6_addr(bool dst)
{
	static const u8 addr[2][16] = {
		{ 0x20, 0x01, 0x0d, 0xb8, [15] = 1 },	/* 2001:db8::1 */
		{ 0x20, 0x01, 0x0d, 0xb8, [15] = 2 },	/* 2001:db8::2 */
	};

	return addr[dst];
}

static inline void tb_put16(u8 *p, u16 v)
{
	p[0] = v >> 8;
	p[1] = v & 0xff;
}

static inline void tb_put32(u8 *p, u32 v)
{
	tb_put16(p, v >> 16);
	tb_put16(p + 2, v & 0xffff);
}

static inline u16 tb_get16(const u8 *p)
{
	return p[0] << 8 | p[1];
}

static inline u32 tb_get32(const u8 *p)
{
	return tb_get16(p) << 16 | tb_get16(p + 2);
}

/* The ones' complement sum of RFC 1071, 16 bits at a time, big endian. */
static inline u32 tb_sum(const u8 *p, unsigned int len, u32 sum)
{
	unsigned int i;

	for (i = 0; i + 1 < len; i += 2)
		sum += tb_get16(p + i);
	if (len & 1)
		sum += p[len - 1] << 8;
	return sum;
}

static inline u16 tb_fold(u32 sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return sum;
}

/* The pseudo-header sum of a transport packet of @len bytes. */
static inline u32 tb_pseudo_sum(const u8 *iph, u8 proto, unsigned int len)
{
	u32 sum = proto + len;

	if ((iph[0] >> 4) == 4)
		return tb_sum(iph + 12, 8, sum);
	return tb_sum(iph + 8, 32, sum);
}

static inline unsigned int tb_layer_len(const struct tb_layer *l)
{
	switch (l->type) {
	case TB_ETH:
		return 14;
	case TB_VLAN:
	case TB_SVLAN:
		return 4;
	case TB_IPV4:
		return 20 + l->len;
	case TB_IPV6:
		return 40;
	case TB_FRAG:
	case TB_UDP:
	case TB_ICMP:
		return 8;
	case TB_TCP:
		return 20 + l->len;
	case TB_ARP:
		return 28;
	default:	/* TB_HOP, TB_RT, TB_DST, TB_DATA */
		return l->len;
	}
}

/* The length of a test packet. */
static inline unsigned int tb_len(const struct tb_layer *l)
{
	unsigned int len = 0;

	for (; l->type != TB_END; l++)
		len += tb_layer_len(l);
	return len;
}

/* What the layer before @next writes as its EtherType or next header. */
static inline u16 tb_next(const struct tb_layer *next, bool ether)
{
	static const u16 ethertype[] = {
		[TB_VLAN] = 0x8100, [TB_SVLAN] = 0x88a8, [TB_IPV4] = 0x0800,
		[TB_IPV6] = 0x86dd, [TB_ARP] = 0x0806,
	};
	static const u8 ipproto[] = {
		[TB_HOP] = 0, [TB_RT] = 43, [TB_DST] = 60, [TB_FRAG] = 44,
		[TB_TCP] = 6, [TB_UDP] = 17, [TB_ICMP] = 1, [TB_IPV4] = 4,
		[TB_IPV6] = 41, [TB_END] = 59, [TB_DATA] = 59,
	};

	if (ether)
		return ethertype[next->type] ?: 0x88b5;	/* local experimental */
	return ipproto[next->type];
}

/**
 * tb_build() - write a test packet
 * @buf: room for the packet.
 * @size: the size of @buf.
 * @l: the layers, ended by %TB_END.
 *
 * Length fields (IPv4 total length, IPv6 payload length, UDP length) cover
 * everything after their header; checksums are 0 but the IPv4 header's.
 *
 * Return: the length of the packet, or 0 when it does not fit.
 */
static inline unsigned int tb_build(u8 *buf, unsigned int size,
				    const struct tb_layer *l)
{
	unsigned int total = tb_len(l), off = 0, i, n;

	if (total > size)
		return 0;
	memset(buf, 0, total);

	for (; l->type != TB_END; off += n, l++) {
		u8 *p = buf + off;

		n = tb_layer_len(l);
		switch (l->type) {
		case TB_ETH:
			memcpy(p, "\x02\x00\x00\x00\x00\x01\x02\x00\x00\x00\x00\x02", 12);
			tb_put16(p + 12, tb_next(l + 1, true));
			break;
		case TB_VLAN:
		case TB_SVLAN:
			tb_put16(p, l->val);
			tb_put16(p + 2, tb_next(l + 1, true));
			break;
		case TB_IPV4:
			p[0] = 0x40 | n / 4;
			tb_put16(p + 2, total - off);
			tb_put16(p + 4, TB_IP4_ID);
			tb_put16(p + 6, l->val);
			p[8] = 64;
			p[9] = tb_next(l + 1, false);
			tb_put32(p + 12, TB_IP4_SRC);
			tb_put32(p + 16, TB_IP4_DST);
			memset(p + 20, 1, l->len);	/* NOP options */
			tb_put16(p + 10, ~tb_fold(tb_sum(p, n, 0)));
			break;
		case TB_IPV6:
			p[0] = 0x60;
			tb_put16(p + 4, total - off - n);
			p[6] = tb_next(l + 1, false);
			p[7] = 64;
			memcpy(p + 8, tb_ip6_addr(false), 16);
			memcpy(p + 24, tb_ip6_addr(true), 16);
			break;
		case TB_HOP:
		case TB_DST:
			p[0] = tb_next(l + 1, false);
			p[1] = n / 8 - 1;
			p[2] = 1;		/* PadN over the rest */
			p[3] = n - 4;
			break;
		case TB_RT:
			p[0] = tb_next(l + 1, false);
			p[1] = n / 8 - 1;
			p[2] = 4;		/* segment routing */
			break;
		case TB_FRAG:
			p[0] = tb_next(l + 1, false);
			tb_put16(p + 2, l->val);
			tb_put32(p + 4, 0x11223344);
			break;
		case TB_TCP:
			tb_put16(p, 1000);
			tb_put16(p + 2, 2000);
			tb_put32(p + 4, TB_SEQ);
			tb_put32(p + 8, 0x0a0b0c0d);
			p[12] = n / 4 << 4;
			p[13] = l->val;
			tb_put16(p + 14, 0xffff);
			memset(p + 20, 1, l->len);	/* NOPs, then a timestamp */
			if (l->len >= 12) {
				p[22] = 8;
				p[23] = 10;
				tb_put32(p + 24, 0xaabbccdd);
				tb_put32(p + 28, 0x55667788);
			}
			break;
		case TB_UDP:
			tb_put16(p, 3000);
			tb_put16(p + 2, 4000);
			tb_put16(p + 4, total - off);
			break;
		case TB_ICMP:
			p[0] = 8;
			tb_put16(p + 4, 0x4242);
			break;
		case TB_ARP:
			memcpy(p, "\x00\x01\x08\x00\x06\x04\x00\x01", 8);
			break;
		case TB_DATA:
			for (i = 0; i < n; i++)
				p[i] = tb_data_byte(i);
			break;
		}
	}
	return total;
}

/**
 * tb_skb() - an skb holding a test packet, data at its MAC header
 * @test: the running test.
 * @buf: the packet.
 * @len: its length.
 * @headlen: when not 0 and shorter than @len, the bytes in the linear
 *	area; the rest goes into a page fragment.
 *
 * Return: the skb, for the caller to free; the test is aborted on failure.
 */
static inline struct sk_buff *tb_skb(struct kunit *test, const u8 *buf,
				     unsigned int len, unsigned int headlen)
{
	struct sk_buff *skb;
	struct page *page;

	if (!headlen || headlen > len)
		headlen = len;
	KUNIT_ASSERT_LE(test, len - headlen, PAGE_SIZE);
	page = len > headlen ? alloc_page(GFP_KERNEL) : NULL;
	KUNIT_ASSERT_TRUE(test, page || len == headlen);
	skb = alloc_skb(NET_SKB_PAD + headlen, GFP_KERNEL);
	if (!skb && page)
		__free_page(page);
	KUNIT_ASSERT_NOT_NULL(test, skb);

	skb_reserve(skb, NET_SKB_PAD);
	skb_put_data(skb, buf, headlen);
	if (page) {
		memcpy(page_address(page), buf + headlen, len - headlen);
		skb_fill_page_desc(skb, 0, page, 0, len - headlen);
		skb->len = len;
		skb->data_len = len - headlen;
		skb->truesize += PAGE_SIZE;
	}
	skb_reset_mac_header(skb);
	return skb;
}

/**
 * struct tb_pkt - a test packet and where its headers are (tb_pkt_init())
 * @buf: the bytes, as built.
 * @len: their number.
 * @nh: the offset of the IP header.
 * @th: the offset of the TCP, UDP or ICMP header.
 * @hlen: the length of all the headers.
 * @proto: %IPPROTO_TCP, %IPPROTO_UDP or %IPPROTO_ICMP.
 * @check: the offset of the transport checksum.
 */
struct tb_pkt {
	u8 *buf;
	unsigned int len;
	unsigned int nh;
	unsigned int th;
	unsigned int hlen;
	u8 proto;
	unsigned int check;
};

static inline void tb_pkt_init(struct kunit *test, struct tb_pkt *p,
			       const struct tb_layer *l)
{
	unsigned int off = 0;

	memset(p, 0, sizeof(*p));
	p->len = tb_len(l);
	p->buf = kunit_kzalloc(test, p->len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p->buf);
	KUNIT_ASSERT_EQ(test, tb_build(p->buf, p->len, l), p->len);

	for (; l->type != TB_END; off += tb_layer_len(l), l++) {
		switch (l->type) {
		case TB_IPV4:
		case TB_IPV6:
			p->nh = off;
			break;
		case TB_TCP:
			p->proto = IPPROTO_TCP;
			p->th = off;
			p->check = off + 16;
			break;
		case TB_UDP:
			p->proto = IPPROTO_UDP;
			p->th = off;
			p->check = off + 6;
			break;
		case TB_ICMP:
			p->proto = IPPROTO_ICMP;
			p->th = off;
			p->check = off + 2;
			break;
		}
		if (p->proto && !p->hlen)
			p->hlen = off + tb_layer_len(l);
	}
	KUNIT_ASSERT_NE(test, p->proto, 0);
}

#endif /* _NETCX_PKT_BUILD_H */
