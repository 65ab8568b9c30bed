// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the receive checksum report of the core, netcx_rx_csum(),
 * netcx_rx_csum_status() and netcx_rx_csum_complete(): each hardware
 * result against each receive setting (off, kinds per IP version,
 * CHECKSUM_COMPLETE), what the skb says afterwards, and the counter that
 * moved; status words read through a declared bit map; a stripped 802.1Q
 * tag handed over out of band or put back, netcx_rx_vlan().
 */
#include <kunit/test.h>
#include <linux/err.h>
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#include <netcx/netcx.h>

#include "../testing/netcx_counters.h"
#include "../testing/netcx_test.h"
#include "../testing/netcx_test_dev.h"

#define NC	NETCX_CSUM_NOT_CHECKED
#define OK	NETCX_CSUM_VALID
#define BAD	NETCX_CSUM_INVALID

enum rt_profile {
	RT_ALL,		/* every kind, no CHECKSUM_COMPLETE */
	RT_COMPLETE,	/* every kind and CHECKSUM_COMPLETE */
	RT_V4,		/* TCP and UDP over IPv4 only (e1000-like) */
	RT_KW,		/* complete; "*TCPChecksumOffloadIPv6=1": RX TCP6 off */
	RT_OFF,		/* complete; NETIF_F_RXCSUM switched off */
	RT_NONE,	/* no receive checksum declared */
};

static int rt_declare(struct netcx_adapter *ad, enum rt_profile profile)
{
	static const struct netcx_tx_csum_caps tx = {
		.l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6,
		.l4 = NETCX_L4_TCP | NETCX_L4_UDP,
	};
	struct netcx_rx_csum_caps rx = {
		.kinds = NETCX_TEST_ALL_KINDS,
		.complete = profile != RT_ALL,
	};

	switch (profile) {
	case RT_V4:
		rx.kinds = NETCX_TCP4 | NETCX_UDP4;
		rx.complete = false;
		break;
	case RT_KW:
		return netcx_set_rx_csum_caps(ad, &rx) ?:
		       netcx_set_keywords(ad, "*TCPChecksumOffloadIPv6=1");
	case RT_NONE:
		return netcx_set_tx_csum_caps(ad, &tx);
	default:
		break;
	}
	return netcx_set_rx_csum_caps(ad, &rx);
}

/* A device and its adapter, nothing declared yet; freed at exit. */
static struct netcx_adapter *rt_adapter(struct kunit *test)
{
	return netcx_test_dev(test, NULL, 0);
}

/* A committed adapter with @profile; freed at exit. */
static struct netcx_adapter *rt_setup(struct kunit *test,
				      enum rt_profile profile)
{
	struct netcx_adapter *ad = rt_adapter(test);
	struct net_device *dev = test->priv;

	KUNIT_ASSERT_EQ(test, rt_declare(ad, profile), 0);
	KUNIT_ASSERT_EQ(test, netcx_adapter_commit(ad), 0);
	if (profile == RT_OFF)
		dev->features &= ~NETIF_F_RXCSUM;
	return ad;
}

/* ---- the packets: skb->protocol as eth_type_trans() leaves it ---- */

enum rt_pkt {
	RT_IP4,
	RT_IP6,
	RT_ARP,
	RT_VLAN_IP6,	/* an in-band tag left in the packet, IPv6 under it */
	RT_QINQ_IP4,	/* two in-band tags, IPv4 under them */
	RT_TCP4,	/* an IPv4 header that says TCP */
	RT_UDP4,	/* an IPv4 header that says UDP */
	RT_FRAG4,	/* an IPv4 fragment (not the first) that says TCP */
	RT_UDP6,	/* IPv6, a destination options header, then UDP */
};

/* An IPv4 header of @proto, @frag its fragment offset field. */
static void rt_put_ip4(struct sk_buff *skb, u8 proto, u16 frag)
{
	u8 *iph = skb_put_zero(skb, 20);

	iph[0] = 0x45;
	iph[6] = frag >> 8;
	iph[7] = frag & 0xff;
	iph[8] = 64;
	iph[9] = proto;
}

/* A received skb, skb->data after the Ethernet header, left-over state. */
static struct sk_buff *rt_skb(struct kunit *test, enum rt_pkt pkt)
{
	static const u8 vlan6[] = { 0x00, 0x05, 0x86, 0xdd, 0x60 };
	static const u8 qinq4[] = { 0x00, 0x09, 0x81, 0x00,
				    0x00, 0x05, 0x08, 0x00, 0x45 };
	struct sk_buff *skb;
	u8 *ip6;

	skb = alloc_skb(128, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	switch (pkt) {
	case RT_IP4:
		skb->protocol = htons(ETH_P_IP);
		skb_put_u8(skb, 0x45);
		break;
	case RT_IP6:
		skb->protocol = htons(ETH_P_IPV6);
		skb_put_u8(skb, 0x60);
		break;
	case RT_ARP:
		skb->protocol = htons(ETH_P_ARP);
		skb_put_u8(skb, 0);
		break;
	case RT_VLAN_IP6:
		skb->protocol = htons(ETH_P_8021Q);
		skb_put_data(skb, vlan6, sizeof(vlan6));
		break;
	case RT_QINQ_IP4:
		skb->protocol = htons(ETH_P_8021AD);
		skb_put_data(skb, qinq4, sizeof(qinq4));
		break;
	case RT_TCP4:
	case RT_UDP4:
	case RT_FRAG4:
		skb->protocol = htons(ETH_P_IP);
		rt_put_ip4(skb, pkt == RT_UDP4 ? IPPROTO_UDP : IPPROTO_TCP,
			   pkt == RT_FRAG4 ? 0x10 : 0);
		break;
	case RT_UDP6:
		skb->protocol = htons(ETH_P_IPV6);
		ip6 = skb_put_zero(skb, 40 + 8);
		ip6[0] = 0x60;
		ip6[6] = IPPROTO_DSTOPTS;
		ip6[40] = IPPROTO_UDP;
		break;
	}
	/* left over from an earlier verdict: overwritten */
	skb->ip_summed = CHECKSUM_COMPLETE;
	skb->csum_level = 2;
	return skb;
}

/**
 * struct rx_case - one hardware result on one adapter
 * @name: the case.
 * @profile: &enum rt_profile.
 * @pkt: &enum rt_pkt.
 * @res: what the hardware found.
 * @ip_summed: what the skb says afterwards.
 * @counter: the counter that moved by one.
 */
struct rx_case {
	const char *name;
	/* input */
	u8 profile;
	u8 pkt;
	struct netcx_rx_csum res;
	/* expected */
	u8 ip_summed;
	const char *counter;
};

#define UNN	CHECKSUM_UNNECESSARY
#define NONE	CHECKSUM_NONE

static const struct rx_case rx_cases[] = {
	/* every kind on */
	{ "all, tcp4 valid", RT_ALL, RT_IP4, { OK, OK, NC }, UNN,
	  "rx_csum_valid" },
	{ "all, udp4 valid", RT_ALL, RT_IP4, { OK, NC, OK }, UNN,
	  "rx_csum_valid" },
	{ "all, tcp4 valid, header not checked", RT_ALL, RT_IP4,
	  { NC, OK, NC }, UNN, "rx_csum_valid" },
	{ "all, tcp6 valid", RT_ALL, RT_IP6, { NC, OK, NC }, UNN,
	  "rx_csum_valid" },
	{ "all, udp6 valid", RT_ALL, RT_IP6, { NC, NC, OK }, UNN,
	  "rx_csum_valid" },
	{ "all, tcp4 invalid", RT_ALL, RT_IP4, { OK, BAD, NC }, NONE,
	  "rx_csum_invalid" },
	{ "all, udp6 invalid", RT_ALL, RT_IP6, { NC, NC, BAD }, NONE,
	  "rx_csum_invalid" },
	{ "all, ipv4 header invalid, tcp valid", RT_ALL, RT_IP4,
	  { BAD, OK, NC }, NONE, "rx_csum_invalid" },
	{ "all, ipv4 header only", RT_ALL, RT_IP4, { OK, NC, NC }, NONE,
	  "rx_csum_not_checked" },
	{ "all, nothing checked", RT_ALL, RT_IP6, { NC, NC, NC }, NONE,
	  "rx_csum_not_checked" },
	{ "all, arp", RT_ALL, RT_ARP, { NC, NC, NC }, NONE,
	  "rx_csum_not_checked" },
	{ "all, arp said valid: ignored", RT_ALL, RT_ARP, { NC, OK, NC },
	  NONE, "rx_csum_inactive" },
	{ "all, vlan tcp6 valid", RT_ALL, RT_VLAN_IP6, { NC, OK, NC }, UNN,
	  "rx_csum_valid" },
	{ "all, qinq udp4 invalid", RT_ALL, RT_QINQ_IP4, { OK, NC, BAD },
	  NONE, "rx_csum_invalid" },
	{ "all, ipv4 result on ipv6: ignored", RT_ALL, RT_IP6,
	  { BAD, NC, NC }, NONE, "rx_csum_inactive" },

	/* IPv4 kinds only */
	{ "v4, tcp4 valid", RT_V4, RT_IP4, { OK, OK, NC }, UNN,
	  "rx_csum_valid" },
	{ "v4, ipv4 header invalid: not a kind, ignored", RT_V4, RT_IP4,
	  { BAD, NC, NC }, NONE, "rx_csum_inactive" },
	{ "v4, tcp6 valid: ignored", RT_V4, RT_IP6, { NC, OK, NC }, NONE,
	  "rx_csum_inactive" },
	{ "v4, udp6 invalid: ignored", RT_V4, RT_IP6, { NC, NC, BAD }, NONE,
	  "rx_csum_inactive" },
	{ "v4, ipv6 nothing checked", RT_V4, RT_IP6, { NC, NC, NC }, NONE,
	  "rx_csum_not_checked" },

	/* keyword: RX TCP6 off */
	{ "keyword, tcp6 valid: ignored", RT_KW, RT_IP6, { NC, OK, NC },
	  NONE, "rx_csum_inactive" },
	{ "keyword, udp6 valid", RT_KW, RT_IP6, { NC, NC, OK }, UNN,
	  "rx_csum_valid" },
	{ "keyword, tcp4 valid", RT_KW, RT_IP4, { OK, OK, NC }, UNN,
	  "rx_csum_valid" },

	/* RX checksum off: nothing reported */
	{ "off, tcp4 valid", RT_OFF, RT_IP4, { OK, OK, NC }, NONE,
	  "rx_csum_inactive" },
	{ "off, tcp6 invalid", RT_OFF, RT_IP6, { NC, BAD, NC }, NONE,
	  "rx_csum_inactive" },
	{ "off, nothing checked", RT_OFF, RT_IP4, { NC, NC, NC }, NONE,
	  "rx_csum_inactive" },
	{ "none declared, tcp4 valid", RT_NONE, RT_IP4, { OK, OK, NC }, NONE,
	  "rx_csum_inactive" },
};

static void rx_case_desc(const struct rx_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(rx, rx_cases, rx_case_desc);

static void rx_csum_test(struct kunit *test)
{
	const struct rx_case *c = test->param_value;
	struct tc_count want[] = { { c->counter, 1 }, { } };
	struct netcx_adapter *ad;
	struct sk_buff *skb;
	struct tc_snap s;

	ad = rt_setup(test, c->profile);
	tc_init(test, ad, &s);
	skb = rt_skb(test, c->pkt);

	local_bh_disable();
	netcx_rx_csum(ad, skb, &c->res);
	local_bh_enable();

	KUNIT_EXPECT_EQ(test, (int)skb->ip_summed, c->ip_summed);
	KUNIT_EXPECT_EQ(test, (int)skb->csum_level, 0);
	kfree_skb(skb);
	tc_expect(test, ad, &s, want, "rx");
}

/**
 * struct complete_case - a full packet checksum on one adapter
 * @name: the case.
 * @profile: &enum rt_profile.
 * @pkt: &enum rt_pkt.
 * @complete: whether CHECKSUM_COMPLETE is reported (else NONE).
 */
struct complete_case {
	const char *name;
	/* input */
	u8 profile;
	u8 pkt;
	/* expected */
	bool complete;
};

static const struct complete_case complete_cases[] = {
	{ "complete, ipv4", RT_COMPLETE, RT_IP4, true },
	{ "complete, ipv6", RT_COMPLETE, RT_IP6, true },
	{ "complete, arp", RT_COMPLETE, RT_ARP, true },
	{ "complete, vlan ipv6", RT_COMPLETE, RT_VLAN_IP6, true },
	{ "not declared", RT_ALL, RT_IP4, false },
	{ "keyword, ipv6: tcp6 off", RT_KW, RT_IP6, false },
	{ "keyword, vlan ipv6: tcp6 off", RT_KW, RT_VLAN_IP6, false },
	{ "keyword, ipv4", RT_KW, RT_IP4, true },
	{ "off", RT_OFF, RT_IP4, false },
	{ "none declared", RT_NONE, RT_IP4, false },
};

static void complete_case_desc(const struct complete_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(complete, complete_cases, complete_case_desc);

static void rx_csum_complete_test(struct kunit *test)
{
	const struct complete_case *c = test->param_value;
	struct tc_count want[] = {
		{ c->complete ? "rx_csum_complete" : "rx_csum_inactive", 1 },
		{ }
	};
	struct netcx_adapter *ad;
	struct sk_buff *skb;
	struct tc_snap s;

	ad = rt_setup(test, c->profile);
	tc_init(test, ad, &s);
	skb = rt_skb(test, c->pkt);
	skb->ip_summed = CHECKSUM_UNNECESSARY;

	local_bh_disable();
	netcx_rx_csum_complete(ad, skb, (__force __wsum)0x1234abcd);
	local_bh_enable();

	if (c->complete) {
		KUNIT_EXPECT_EQ(test, (int)skb->ip_summed, CHECKSUM_COMPLETE);
		KUNIT_EXPECT_EQ(test, (__force u32)skb->csum, 0x1234abcd);
	} else {
		KUNIT_EXPECT_EQ(test, (int)skb->ip_summed, CHECKSUM_NONE);
		KUNIT_EXPECT_EQ(test, (int)skb->csum_level, 0);
	}
	kfree_skb(skb);
	tc_expect(test, ad, &s, want, "rx complete");
}

/* Switched off and on again at run time: follows dev->features. */
static void rx_csum_toggle_test(struct kunit *test)
{
	static const struct netcx_rx_csum res = { OK, OK, NC };
	struct tc_count valid[] = { { "rx_csum_valid", 1 }, { } };
	struct tc_count inactive[] = { { "rx_csum_inactive", 1 }, { } };
	struct netcx_adapter *ad = rt_setup(test, RT_ALL);
	struct net_device *dev = netcx_adapter_netdev(ad);
	struct sk_buff *skb;
	struct tc_snap s;
	int i;

	tc_init(test, ad, &s);
	for (i = 0; i < 3; i++) {
		bool on = i != 1;

		if (on)
			dev->features |= NETIF_F_RXCSUM;
		else
			dev->features &= ~NETIF_F_RXCSUM;
		skb = rt_skb(test, RT_IP4);
		local_bh_disable();
		netcx_rx_csum(ad, skb, &res);
		local_bh_enable();
		KUNIT_EXPECT_EQ(test, (int)skb->ip_summed, on ? UNN : NONE);
		kfree_skb(skb);
		tc_expect(test, ad, &s, on ? valid : inactive, "toggle");
	}
}

/* ---- results from status bits: netcx_rx_csum_status() ---- */

/* The 8254x's word: status byte, errors byte above it (e1000cx's layout). */
#define ST_IXSM		BIT(2)
#define ST_TCPCS	BIT(5)
#define ST_IPCS		BIT(6)
#define ST_TCPE		BIT(13)
#define ST_IPE		BIT(14)
#define ST_DD		BIT(0)	/* a bit the map does not name */

/*
 * e1000cx's declaration: IPv4 kinds, one TCP/UDP bit pair; with @v6, the
 * IPv6 kinds too.
 */
static int rt_declare_status(struct netcx_adapter *ad, const char *keywords,
			     bool v6)
{
	struct netcx_rx_csum_caps rx = {
		.kinds = NETCX_KINDS_V4 | (v6 ? NETCX_KINDS_V6 : 0),
		.status = {
			.ignore = ST_IXSM,
			.ipv4 = { ST_IPCS, ST_IPE },
			.tcp = { ST_TCPCS, ST_TCPE },
			.udp = { ST_TCPCS, ST_TCPE },
		},
	};

	return netcx_set_rx_csum_caps(ad, &rx) ?:
	       (keywords ? netcx_set_keywords(ad, keywords) : 0);
}

/**
 * struct status_case - one status word on e1000cx's declaration
 * @name: the case.
 * @keywords: keywords applied before commit, or NULL.
 * @pkt: &enum rt_pkt.
 * @status: the word.
 * @res: the results netcx_rx_csum() given them must agree with.
 * @ip_summed: what the skb says afterwards.
 * @counter: the counter that moved by one.
 * @v6: the IPv6 kinds declared too.
 */
struct status_case {
	const char *name;
	/* input */
	const char *keywords;
	u8 pkt;
	u32 status;
	/* expected */
	struct netcx_rx_csum res;
	u8 ip_summed;
	const char *counter;
	bool v6;
};

static const struct status_case status_cases[] = {
	{ "nothing checked", NULL, RT_IP4, ST_DD, { NC, NC, NC }, NONE,
	  "rx_csum_not_checked" },
	{ "ixsm: ignored, every layer", NULL, RT_IP4,
	  ST_DD | ST_IXSM | ST_IPCS | ST_TCPCS | ST_TCPE, { NC, NC, NC },
	  NONE, "rx_csum_not_checked" },
	{ "tcp/udp and header valid", NULL, RT_IP4,
	  ST_DD | ST_IPCS | ST_TCPCS, { OK, OK, OK }, UNN, "rx_csum_valid" },
	{ "header only", NULL, RT_IP4, ST_IPCS, { OK, NC, NC }, NONE,
	  "rx_csum_not_checked" },
	{ "tcp/udp wrong", NULL, RT_IP4, ST_IPCS | ST_TCPCS | ST_TCPE,
	  { OK, BAD, BAD }, NONE, "rx_csum_invalid" },
	{ "header wrong", NULL, RT_IP4, ST_IPCS | ST_IPE | ST_TCPCS,
	  { BAD, OK, OK }, NONE, "rx_csum_invalid" },
	{ "bad without checked: not checked", NULL, RT_IP4, ST_TCPE | ST_IPE,
	  { NC, NC, NC }, NONE, "rx_csum_not_checked" },
	{ "ipv6: no kind declared", NULL, RT_IP6, ST_TCPCS, { NC, OK, OK },
	  NONE, "rx_csum_inactive" },
	/* one bit pair for TCP and UDP, one of the two kinds off */
	{ "keyword tcp4 off, udp4 kept", "*TCPChecksumOffloadIPv4=1", RT_UDP4,
	  ST_IPCS | ST_TCPCS, { OK, NC, OK }, UNN, "rx_csum_valid" },
	{ "keyword tcp4 off, tcp4 not trusted", "*TCPChecksumOffloadIPv4=1",
	  RT_TCP4, ST_IPCS | ST_TCPCS, { OK, OK, NC }, NONE,
	  "rx_csum_inactive" },
	{ "keyword udp4 off, udp4 not trusted", "*UDPChecksumOffloadIPv4=1",
	  RT_UDP4, ST_IPCS | ST_TCPCS, { OK, NC, OK }, NONE,
	  "rx_csum_inactive" },
	{ "keyword udp4 off, tcp4 kept", "*UDPChecksumOffloadIPv4=1", RT_TCP4,
	  ST_IPCS | ST_TCPCS, { OK, OK, NC }, UNN, "rx_csum_valid" },
	{ "keyword udp4 off, tcp4 wrong", "*UDPChecksumOffloadIPv4=1", RT_TCP4,
	  ST_IPCS | ST_TCPCS | ST_TCPE, { OK, BAD, NC }, NONE,
	  "rx_csum_invalid" },
	{ "keyword tcp4 off, a fragment: neither", "*TCPChecksumOffloadIPv4=1",
	  RT_FRAG4, ST_IPCS | ST_TCPCS, { OK, NC, NC }, NONE,
	  "rx_csum_not_checked" },
	{ "keyword tcp4 off, no header to read: neither",
	  "*TCPChecksumOffloadIPv4=1", RT_IP4, ST_IPCS | ST_TCPCS,
	  { OK, NC, NC }, NONE, "rx_csum_not_checked" },
	{ "both on, tcp4: the pair as it is", NULL, RT_TCP4,
	  ST_IPCS | ST_TCPCS, { OK, OK, OK }, UNN, "rx_csum_valid" },
	{ "keyword tcp6 off, udp6 after dstopts kept",
	  "*TCPChecksumOffloadIPv6=1", RT_UDP6, ST_TCPCS, { NC, NC, OK }, UNN,
	  "rx_csum_valid", true },
	{ "keyword udp6 off, udp6 after dstopts not trusted",
	  "*UDPChecksumOffloadIPv6=1", RT_UDP6, ST_TCPCS, { NC, NC, OK }, NONE,
	  "rx_csum_inactive", true },
	{ "vlan ipv4 under qinq", NULL, RT_QINQ_IP4, ST_IPCS | ST_TCPCS,
	  { OK, OK, OK }, UNN, "rx_csum_valid" },
};

static void status_case_desc(const struct status_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(status, status_cases, status_case_desc);

/* A committed adapter declared as rt_declare_status(); freed at exit. */
static struct netcx_adapter *rt_setup_status(struct kunit *test,
					     const char *keywords, bool v6)
{
	struct netcx_adapter *ad = rt_adapter(test);

	KUNIT_ASSERT_EQ(test, rt_declare_status(ad, keywords, v6), 0);
	KUNIT_ASSERT_EQ(test, netcx_adapter_commit(ad), 0);
	return ad;
}

/*
 * The status word against e1000cx's map: the skb and the counter as
 * netcx_rx_csum() leaves them given the per-layer results the map says,
 * and the same for netcx_rx_csum() called with those results by hand.
 */
static void rx_csum_status_test(struct kunit *test)
{
	const struct status_case *c = test->param_value;
	struct tc_count want[] = { { c->counter, 1 }, { } };
	struct netcx_adapter *ad;
	struct sk_buff *skb;
	struct tc_snap s;
	int way;

	ad = rt_setup_status(test, c->keywords, c->v6);
	for (way = 0; way < 2; way++) {
		tc_init(test, ad, &s);
		skb = rt_skb(test, c->pkt);
		local_bh_disable();
		if (way)
			netcx_rx_csum(ad, skb, &c->res);
		else
			netcx_rx_csum_status(ad, skb, c->status);
		local_bh_enable();
		KUNIT_EXPECT_EQ_MSG(test, (int)skb->ip_summed, c->ip_summed,
				    "%s", way ? "by hand" : "from status");
		KUNIT_EXPECT_EQ(test, (int)skb->csum_level, 0);
		kfree_skb(skb);
		tc_expect(test, ad, &s, want, way ? "by hand" : "status");
	}
}

/* A status word on an adapter that mapped no bits: never checked. */
static void rx_csum_status_unmapped_test(struct kunit *test)
{
	struct tc_count want[] = { { "rx_csum_not_checked", 1 }, { } };
	struct netcx_adapter *ad = rt_setup(test, RT_ALL);
	struct sk_buff *skb;
	struct tc_snap s;

	tc_init(test, ad, &s);
	skb = rt_skb(test, RT_IP4);
	local_bh_disable();
	netcx_rx_csum_status(ad, skb, U32_MAX);
	local_bh_enable();
	KUNIT_EXPECT_EQ(test, (int)skb->ip_summed, NONE);
	kfree_skb(skb);
	tc_expect(test, ad, &s, want, "unmapped");
}

/* ---- a stripped tag: netcx_rx_vlan() ---- */

/**
 * struct vlan_case - one stripped tag on one tag setting
 * @name: the case.
 * @keywords: keywords applied before commit, or NULL.
 * @rx_off: %NETIF_F_HW_VLAN_CTAG_RX switched off after commit.
 * @tci: the tag the hardware stripped.
 * @hw: expected out of band (``rx_vlan_hw``), else back in the frame.
 */
struct vlan_case {
	const char *name;
	const char *keywords;
	bool rx_off;
	u16 tci;
	bool hw;
};

static const struct vlan_case vlan_cases[] = {
	{ "on, vlan 5: out of band", NULL, false, 0x0005, true },
	{ "on, priority tag: out of band", NULL, false, 0x6000, true },
	{ "rxvlan off, vlan 5: back in the frame", NULL, true, 0x2005, false },
	{ "rxvlan off, priority tag: back in the frame", NULL, true, 0xe000,
	  false },
	{ "keyword vlan only, priority tag: back in the frame",
	  "*PriorityVLANTag=2", false, 0x6000, false },
	{ "keyword vlan only, vlan 5: out of band", "*PriorityVLANTag=2",
	  false, 0x0005, true },
};

static u16 rt_be16(const u8 *p)
{
	return p[0] << 8 | p[1];
}

static void vlan_case_desc(const struct vlan_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(vlan, vlan_cases, vlan_case_desc);

/*
 * A frame whose tag the hardware stripped, skb->data at its Ethernet
 * header: out of band with the same bytes, or the tag back after the MAC
 * addresses, as the setting says; the counter that says which moved.
 */
static void rx_vlan_test(struct kunit *test)
{
	static const struct netcx_ieee8021q_caps tags = {
		.kinds = NETCX_TAG_PRIO | NETCX_TAG_VLAN,
	};
	static const u8 tail[] = { 0x08, 0x00, 0x45, 0x00 };
	const struct vlan_case *c = test->param_value;
	struct tc_count want[] = {
		{ c->hw ? "rx_vlan_hw" : "rx_vlan_sw", 1 }, { }
	};
	struct netcx_adapter *ad = rt_adapter(test);
	struct net_device *dev = test->priv;
	struct sk_buff *skb;
	struct tc_snap s;
	u8 *frame;

	KUNIT_ASSERT_EQ(test, netcx_set_ieee8021q_caps(ad, &tags), 0);
	if (c->keywords)
		KUNIT_ASSERT_EQ(test, netcx_set_keywords(ad, c->keywords), 0);
	KUNIT_ASSERT_EQ(test, netcx_adapter_commit(ad), 0);
	if (c->rx_off)
		dev->features &= ~NETIF_F_HW_VLAN_CTAG_RX;

	skb = alloc_skb(128, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_reserve(skb, 32);
	frame = skb_put(skb, 2 * ETH_ALEN + sizeof(tail));
	memset(frame, 0xa5, 2 * ETH_ALEN);
	memcpy(frame + 2 * ETH_ALEN, tail, sizeof(tail));

	tc_init(test, ad, &s);
	local_bh_disable();
	skb = netcx_rx_vlan(ad, skb, c->tci);
	local_bh_enable();
	KUNIT_ASSERT_NOT_NULL(test, skb);
	frame = skb->data;
	KUNIT_EXPECT_EQ(test, skb_vlan_tag_present(skb), c->hw);
	if (c->hw) {
		KUNIT_EXPECT_EQ(test, skb_vlan_tag_get(skb), c->tci);
		KUNIT_EXPECT_EQ(test, ntohs(skb->vlan_proto), ETH_P_8021Q);
		KUNIT_EXPECT_EQ(test, skb->len, 2 * ETH_ALEN + sizeof(tail));
	} else {
		KUNIT_EXPECT_EQ(test, skb->len,
				2 * ETH_ALEN + VLAN_HLEN + sizeof(tail));
		KUNIT_EXPECT_EQ(test, rt_be16(frame + 2 * ETH_ALEN),
				ETH_P_8021Q);
		KUNIT_EXPECT_EQ(test,
				rt_be16(frame + 2 * ETH_ALEN + 2),
				c->tci);
		KUNIT_EXPECT_MEMEQ(test, frame + 2 * ETH_ALEN + VLAN_HLEN, tail,
				   sizeof(tail));
	}
	KUNIT_EXPECT_EQ(test, frame[0], 0xa5);
	KUNIT_EXPECT_EQ(test, frame[2 * ETH_ALEN - 1], 0xa5);
	kfree_skb(skb);
	tc_expect(test, ad, &s, want, c->name);
}

/* ---- an encapsulated packet's inner result ---- */

/* ncsim's word (src/ncsim/ring.h): outer results, then the inner ones. */
#define IN_IPCS		BIT(0)
#define IN_UDPCS	BIT(3)
#define IN_L4E		BIT(4)
#define IN_ITCPCS	BIT(5)
#define IN_IUDPCS	BIT(6)
#define IN_IL4E		BIT(7)
#define IN_IIP6		BIT(8)
#define IN_ILVL		BIT(9)

/**
 * struct inner_case - an inner result, from status bits and by hand
 * @name: the case.
 * @keywords: keywords applied before commit, or NULL.
 * @pkt: &enum rt_pkt (the outer packet).
 * @status: the word.
 * @res: the results it stands for.
 * @ip_summed: what the skb says afterwards.
 * @level: its csum_level.
 * @counter: the counter that moved by one.
 * @inner_valid: rx_csum_inner_valid moved by one too.
 */
struct inner_case {
	const char *name;
	const char *keywords;
	u8 pkt;
	u32 status;
	struct netcx_rx_csum res;
	u8 ip_summed;
	u8 level;
	const char *counter;
	bool inner_valid;
};

static const struct inner_case inner_cases[] = {
	{ "vxlan: outer udp, inner tcp4, level 1", NULL, RT_UDP4,
	  IN_IPCS | IN_UDPCS | IN_ITCPCS | IN_ILVL,
	  { OK, NC, OK, OK, 1, NETCX_TCP4 }, UNN, 1, "rx_csum_valid", true },
	{ "vxlan: outer udp 0, inner udp6, level 1", NULL, RT_UDP4,
	  IN_IPCS | IN_IUDPCS | IN_IIP6 | IN_ILVL,
	  { OK, NC, NC, OK, 1, NETCX_UDP6 }, UNN, 1, "rx_csum_valid", true },
	{ "gre without checksum: inner tcp4, level 0", NULL, RT_IP4,
	  IN_IPCS | IN_ITCPCS, { OK, NC, NC, OK, 0, NETCX_TCP4 }, UNN, 0,
	  "rx_csum_valid", true },
	{ "inner wrong", NULL, RT_UDP4,
	  IN_IPCS | IN_UDPCS | IN_ITCPCS | IN_IL4E | IN_ILVL,
	  { OK, NC, OK, BAD, 1, NETCX_TCP4 }, NONE, 0, "rx_csum_invalid" },
	{ "inner bad bit without checked: not checked", NULL, RT_IP4,
	  IN_IL4E | IN_ILVL, { NC, NC, NC, NC }, NONE, 0,
	  "rx_csum_not_checked" },
	{ "inner tcp6 off: the outer udp4 only", "*TCPChecksumOffloadIPv6=1",
	  RT_UDP4, IN_IPCS | IN_UDPCS | IN_ITCPCS | IN_IIP6 | IN_ILVL,
	  { OK, NC, OK, OK, 1, NETCX_TCP6 }, UNN, 0, "rx_csum_valid" },
	{ "outer udp4 off: no inner either", "*UDPChecksumOffloadIPv4=1",
	  RT_UDP4, IN_IPCS | IN_UDPCS | IN_ITCPCS | IN_ILVL,
	  { OK, NC, OK, OK, 1, NETCX_TCP4 }, NONE, 0, "rx_csum_inactive" },
};

static void inner_case_desc(const struct inner_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(inner, inner_cases, inner_case_desc);

/*
 * The inner result on ncsim's map, from the status word and by hand: the
 * skb's ip_summed and csum_level, and the counters.
 */
static void rx_csum_inner_test(struct kunit *test)
{
	const struct inner_case *c = test->param_value;
	struct tc_count want[] = {
		{ c->counter, 1 },
		{ c->inner_valid ? "rx_csum_inner_valid" : NULL, 1 },
		{ },
	};
	struct netcx_rx_csum_caps rx = {
		.kinds = NETCX_KINDS_V4 | NETCX_KINDS_V6,
		.status = {
			.ipv4 = { IN_IPCS, BIT(1) },
			.tcp = { BIT(2), IN_L4E },
			.udp = { IN_UDPCS, IN_L4E },
			.inner = { IN_ITCPCS | IN_IUDPCS, IN_IL4E },
			.inner_tcp = IN_ITCPCS,
			.inner_ipv6 = IN_IIP6,
			.inner_level = IN_ILVL,
		},
	};
	struct netcx_adapter *ad = rt_adapter(test);
	struct sk_buff *skb;
	struct tc_snap s;
	int way;

	KUNIT_ASSERT_EQ(test, netcx_set_rx_csum_caps(ad, &rx), 0);
	if (c->keywords)
		KUNIT_ASSERT_EQ(test, netcx_set_keywords(ad, c->keywords), 0);
	KUNIT_ASSERT_EQ(test, netcx_adapter_commit(ad), 0);
	for (way = 0; way < 2; way++) {
		tc_init(test, ad, &s);
		skb = rt_skb(test, c->pkt);
		local_bh_disable();
		if (way)
			netcx_rx_csum(ad, skb, &c->res);
		else
			netcx_rx_csum_status(ad, skb, c->status);
		local_bh_enable();
		KUNIT_EXPECT_EQ_MSG(test, (int)skb->ip_summed, c->ip_summed,
				    "%s", way ? "by hand" : "from status");
		KUNIT_EXPECT_EQ_MSG(test, (int)skb->csum_level, c->level,
				    "%s", way ? "by hand" : "from status");
		kfree_skb(skb);
		tc_expect(test, ad, &s, want, way ? "by hand" : "status");
	}
}

static struct kunit_case netcx_rxcsum_test_cases[] = {
	KUNIT_CASE_PARAM(rx_csum_status_test, status_gen_params),
	KUNIT_CASE(rx_csum_status_unmapped_test),
	KUNIT_CASE_PARAM(rx_csum_inner_test, inner_gen_params),
	KUNIT_CASE_PARAM(rx_csum_test, rx_gen_params),
	KUNIT_CASE_PARAM(rx_csum_complete_test, complete_gen_params),
	KUNIT_CASE(rx_csum_toggle_test),
	KUNIT_CASE_PARAM(rx_vlan_test, vlan_gen_params),
	{}
};

static struct kunit_suite netcx_rxcsum_test_suite = {
	.name = "netcx_rxcsum",
	.init = netcx_test_init,
	.exit = netcx_test_exit,
	.test_cases = netcx_rxcsum_test_cases,
};

kunit_test_suite(netcx_rxcsum_test_suite);

MODULE_DESCRIPTION("KUnit tests for the netcx receive checksum report");
MODULE_IMPORT_NS(NETCX_NS);
MODULE_LICENSE("GPL");
