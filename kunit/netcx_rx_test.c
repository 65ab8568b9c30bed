// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: receive checksum results set on the skb, netcx_pkt_rx_csum() and
 * netcx_pkt_rx_csum_complete().
 */
#include <kunit/test.h>
#include <linux/module.h>
#include <linux/skbuff.h>

#include <netcx/pkt.h>

#define NC	NETCX_CSUM_NOT_CHECKED
#define OK	NETCX_CSUM_VALID
#define BAD	NETCX_CSUM_INVALID

struct rx_case {
	const char *name;
	/* input */
	struct netcx_rx_csum res;
	/* expected */
	u8 ip_summed;
};

static const struct rx_case rx_cases[] = {
	{ "nothing_checked", { NC, NC, NC }, CHECKSUM_NONE },
	{ "ipv4_header_only", { OK, NC, NC }, CHECKSUM_NONE },
	{ "tcp4_valid", { OK, OK, NC }, CHECKSUM_UNNECESSARY },
	{ "udp4_valid", { OK, NC, OK }, CHECKSUM_UNNECESSARY },
	{ "tcp6_valid", { NC, OK, NC }, CHECKSUM_UNNECESSARY },
	{ "udp6_valid", { NC, NC, OK }, CHECKSUM_UNNECESSARY },
	{ "tcp_invalid", { OK, BAD, NC }, CHECKSUM_NONE },
	{ "udp_invalid", { NC, NC, BAD }, CHECKSUM_NONE },
	{ "ipv4_header_invalid_tcp_valid", { BAD, OK, NC }, CHECKSUM_NONE },
};

static void rx_case_desc(const struct rx_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(rx, rx_cases, rx_case_desc);

static void rx_csum_test(struct kunit *test)
{
	const struct rx_case *c = test->param_value;
	struct sk_buff *skb;

	skb = alloc_skb(64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	/* left over from an earlier verdict: both are overwritten */
	skb->ip_summed = CHECKSUM_COMPLETE;
	skb->csum_level = 2;

	netcx_pkt_rx_csum(skb, &c->res);
	KUNIT_EXPECT_EQ(test, (int)skb->ip_summed, c->ip_summed);
	KUNIT_EXPECT_EQ(test, (int)skb->csum_level, 0);
	kfree_skb(skb);
}

static void rx_csum_complete_test(struct kunit *test)
{
	struct sk_buff *skb;

	skb = alloc_skb(64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, skb);

	netcx_pkt_rx_csum_complete(skb, (__force __wsum)0x1234abcd);
	KUNIT_EXPECT_EQ(test, (int)skb->ip_summed, CHECKSUM_COMPLETE);
	KUNIT_EXPECT_EQ(test, (__force u32)skb->csum, 0x1234abcd);
	kfree_skb(skb);
}

static struct kunit_case netcx_rx_test_cases[] = {
	KUNIT_CASE_PARAM(rx_csum_test, rx_gen_params),
	KUNIT_CASE(rx_csum_complete_test),
	{}
};

static struct kunit_suite netcx_rx_test_suite = {
	.name = "netcx_rx",
	.test_cases = netcx_rx_test_cases,
};

kunit_test_suite(netcx_rx_test_suite);

MODULE_DESCRIPTION("KUnit tests for the netcx receive checksum helpers");
MODULE_LICENSE("GPL");
