// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: every standard keyword and value, the syntax errors, and what the
 * keywords permit once committed.
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/string.h>

#include <netcx/netcx.h>

#include "core/core.h"
#include "core/keywords.h"
#include "../testing/netcx_test.h"

#define TX	NETCX_OFFLOAD_TX_CSUM
#define RX	NETCX_OFFLOAD_RX_CSUM
#define LSO	NETCX_OFFLOAD_LSO
#define USO	NETCX_OFFLOAD_USO
#define RSC	NETCX_OFFLOAD_RSC
#define VTX	NETCX_OFFLOAD_VLAN_TX
#define VRX	NETCX_OFFLOAD_VLAN_RX

/* A parameter's description: the string quoted, with "\n" and the like escaped. */
static void netcx_kw_desc(const char *str, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "\"%*pE\"", (int)strlen(str),
		 str);
}

/* ---- parsing: each keyword, each value ---- */

struct netcx_kw_case {
	/* input */
	const char *str;
	/* expected: the kinds switched off, per offload */
	u32 off[NETCX_OFFLOAD_MAX];
};

static const struct netcx_kw_case netcx_kw_cases[] = {
	{ "", { } },
	{ "*IPChecksumOffloadIPv4=0",
	  { [TX] = NETCX_IPV4_HDR, [RX] = NETCX_IPV4_HDR } },
	{ "*IPChecksumOffloadIPv4=1", { [RX] = NETCX_IPV4_HDR } },
	{ "*IPChecksumOffloadIPv4=2", { [TX] = NETCX_IPV4_HDR } },
	{ "*IPChecksumOffloadIPv4=3", { } },
	{ "*TCPChecksumOffloadIPv4=0",
	  { [TX] = NETCX_TCP4, [RX] = NETCX_TCP4 } },
	{ "*TCPChecksumOffloadIPv4=1", { [RX] = NETCX_TCP4 } },
	{ "*TCPChecksumOffloadIPv4=2", { [TX] = NETCX_TCP4 } },
	{ "*TCPChecksumOffloadIPv4=3", { } },
	{ "*TCPChecksumOffloadIPv6=0",
	  { [TX] = NETCX_TCP6, [RX] = NETCX_TCP6 } },
	{ "*TCPChecksumOffloadIPv6=1", { [RX] = NETCX_TCP6 } },
	{ "*TCPChecksumOffloadIPv6=2", { [TX] = NETCX_TCP6 } },
	{ "*TCPChecksumOffloadIPv6=3", { } },
	{ "*UDPChecksumOffloadIPv4=0",
	  { [TX] = NETCX_UDP4, [RX] = NETCX_UDP4 } },
	{ "*UDPChecksumOffloadIPv4=1", { [RX] = NETCX_UDP4 } },
	{ "*UDPChecksumOffloadIPv4=2", { [TX] = NETCX_UDP4 } },
	{ "*UDPChecksumOffloadIPv4=3", { } },
	{ "*UDPChecksumOffloadIPv6=0",
	  { [TX] = NETCX_UDP6, [RX] = NETCX_UDP6 } },
	{ "*UDPChecksumOffloadIPv6=1", { [RX] = NETCX_UDP6 } },
	{ "*UDPChecksumOffloadIPv6=2", { [TX] = NETCX_UDP6 } },
	{ "*UDPChecksumOffloadIPv6=3", { } },
	{ "*TCPUDPChecksumOffloadIPv4=0",
	  { [TX] = NETCX_TCP4 | NETCX_UDP4, [RX] = NETCX_TCP4 | NETCX_UDP4 } },
	{ "*TCPUDPChecksumOffloadIPv4=1",
	  { [RX] = NETCX_TCP4 | NETCX_UDP4 } },
	{ "*TCPUDPChecksumOffloadIPv4=2",
	  { [TX] = NETCX_TCP4 | NETCX_UDP4 } },
	{ "*TCPUDPChecksumOffloadIPv4=3", { } },
	{ "*TCPUDPChecksumOffloadIPv6=0",
	  { [TX] = NETCX_TCP6 | NETCX_UDP6, [RX] = NETCX_TCP6 | NETCX_UDP6 } },
	{ "*TCPUDPChecksumOffloadIPv6=1",
	  { [RX] = NETCX_TCP6 | NETCX_UDP6 } },
	{ "*TCPUDPChecksumOffloadIPv6=2",
	  { [TX] = NETCX_TCP6 | NETCX_UDP6 } },
	{ "*TCPUDPChecksumOffloadIPv6=3", { } },
	{ "*LsoV1IPv4=0", { [LSO] = NETCX_TCP4 } },
	{ "*LsoV1IPv4=1", { } },
	{ "*LsoV2IPv4=0", { [LSO] = NETCX_TCP4 } },
	{ "*LsoV2IPv4=1", { } },
	{ "*LsoV2IPv6=0", { [LSO] = NETCX_TCP6 } },
	{ "*LsoV2IPv6=1", { } },
	{ "*UsoIPv4=0", { [USO] = NETCX_UDP4 } },
	{ "*UsoIPv4=1", { } },
	{ "*UsoIPv6=0", { [USO] = NETCX_UDP6 } },
	{ "*UsoIPv6=1", { } },
	{ "*RscIPv4=0", { [RSC] = NETCX_TCP4 } },
	{ "*RscIPv4=1", { } },
	{ "*RscIPv6=0", { [RSC] = NETCX_TCP6 } },
	{ "*RscIPv6=1", { } },
	{ "*PriorityVLANTag=0", { [VTX] = NETCX_TEST_TAGS,
				  [VRX] = NETCX_TEST_TAGS } },
	{ "*PriorityVLANTag=1", { [VTX] = NETCX_TAG_VLAN,
				  [VRX] = NETCX_TAG_VLAN } },
	{ "*PriorityVLANTag=2", { [VTX] = NETCX_TAG_PRIO,
				  [VRX] = NETCX_TAG_PRIO } },
	{ "*PriorityVLANTag=3", { } },
	/* names are case-insensitive */
	{ "*lsov2ipv6=0", { [LSO] = NETCX_TCP6 } },
	{ "*TCPCHECKSUMOFFLOADIPV4=2", { [TX] = NETCX_TCP4 } },
	/* several keywords add up */
	{ "*LsoV2IPv6=0,*TCPChecksumOffloadIPv4=2",
	  { [TX] = NETCX_TCP4, [LSO] = NETCX_TCP6 } },
	{ "*LsoV1IPv4=1,*LsoV2IPv4=0", { [LSO] = NETCX_TCP4 } },
	{ "*TCPUDPChecksumOffloadIPv6=1,*TCPChecksumOffloadIPv6=2",
	  { [TX] = NETCX_TCP6, [RX] = NETCX_TCP6 | NETCX_UDP6 } },
	{ "*UsoIPv4=0,*UsoIPv6=0,*RscIPv4=0,*RscIPv6=0,*PriorityVLANTag=2",
	  { [USO] = NETCX_TEST_UDP, [RSC] = NETCX_TEST_TCP,
	    [VTX] = NETCX_TAG_PRIO, [VRX] = NETCX_TAG_PRIO } },
};

static void netcx_kw_case_desc(const struct netcx_kw_case *c, char *desc)
{
	netcx_kw_desc(c->str, desc);
}

KUNIT_ARRAY_PARAM(netcx_kw, netcx_kw_cases, netcx_kw_case_desc);

static void netcx_keywords_valid(struct kunit *test)
{
	const struct netcx_kw_case *c = test->param_value;
	struct netcx_kw_error err = { };
	u32 off[NETCX_OFFLOAD_MAX];
	int i;

	KUNIT_ASSERT_EQ(test, netcx_keywords_parse(c->str, off, &err), 0);
	for (i = 0; i < NETCX_OFFLOAD_MAX; i++)
		KUNIT_EXPECT_EQ_MSG(test, off[i], c->off[i], "offload %d", i);
	KUNIT_EXPECT_NULL(test, err.reason);
}

/* ---- parsing: what is refused, and which token is named ---- */

struct netcx_kw_bad_case {
	/* input */
	const char *str;
	/* expected */
	const char *reason;
	const char *token;
};

static const struct netcx_kw_bad_case netcx_kw_bad_cases[] = {
	{ "*Foo=1", "unknown keyword", "*Foo=1" },
	{ "TCPChecksumOffloadIPv4=1", "unknown keyword",
	  "TCPChecksumOffloadIPv4=1" },
	{ "*LsoV2IPv=1", "unknown keyword", "*LsoV2IPv=1" },
	{ "*LsoV2IPv66=1", "unknown keyword", "*LsoV2IPv66=1" },
	{ " *LsoV2IPv6=1", "unknown keyword", " *LsoV2IPv6=1" },
	{ "*LsoV2IPv6 =1", "unknown keyword", "*LsoV2IPv6 =1" },
	{ "=1", "unknown keyword", "=1" },
	{ "*UsoIPv4=0,*Foo=0", "unknown keyword", "*Foo=0" },
	{ "*IPChecksumOffloadIPv4=4", "invalid value",
	  "*IPChecksumOffloadIPv4=4" },
	{ "*TCPChecksumOffloadIPv4=4", "invalid value",
	  "*TCPChecksumOffloadIPv4=4" },
	{ "*TCPUDPChecksumOffloadIPv6=9", "invalid value",
	  "*TCPUDPChecksumOffloadIPv6=9" },
	{ "*LsoV1IPv4=2", "invalid value", "*LsoV1IPv4=2" },
	{ "*LsoV2IPv6=2", "invalid value", "*LsoV2IPv6=2" },
	{ "*UsoIPv6=3", "invalid value", "*UsoIPv6=3" },
	{ "*RscIPv4=2", "invalid value", "*RscIPv4=2" },
	{ "*PriorityVLANTag=4", "invalid value", "*PriorityVLANTag=4" },
	{ "*LsoV2IPv6=", "invalid value", "*LsoV2IPv6=" },
	{ "*LsoV2IPv6=01", "invalid value", "*LsoV2IPv6=01" },
	{ "*LsoV2IPv6=10", "invalid value", "*LsoV2IPv6=10" },
	{ "*LsoV2IPv6=-1", "invalid value", "*LsoV2IPv6=-1" },
	{ "*LsoV2IPv6=+1", "invalid value", "*LsoV2IPv6=+1" },
	{ "*LsoV2IPv6=x", "invalid value", "*LsoV2IPv6=x" },
	{ "*LsoV2IPv6=1 ", "invalid value", "*LsoV2IPv6=1 " },
	{ "*LsoV2IPv6=1\n", "invalid value", "*LsoV2IPv6=1\n" },
	{ "*LsoV2IPv6=0=1", "invalid value", "*LsoV2IPv6=0=1" },
	{ "*LsoV2IPv6", "expected name=value", "*LsoV2IPv6" },
	{ "*RscIPv4=0;*RscIPv6=0", "invalid value", "*RscIPv4=0;*RscIPv6=0" },
	{ ",", "empty keyword", "" },
	{ ",*LsoV2IPv6=1", "empty keyword", "" },
	{ "*LsoV2IPv6=1,", "empty keyword", "" },
	{ "*LsoV2IPv6=1,,*RscIPv4=0", "empty keyword", "" },
	{ "*LsoV2IPv6=1,*LsoV2IPv6=0", "duplicate keyword", "*LsoV2IPv6=0" },
	{ "*LsoV2IPv6=1,*lsov2ipv6=1", "duplicate keyword", "*lsov2ipv6=1" },
	{ "*PriorityVLANTag=3,*RscIPv4=1,*PriorityVLANTag=3",
	  "duplicate keyword", "*PriorityVLANTag=3" },
};

static void netcx_kw_bad_case_desc(const struct netcx_kw_bad_case *c,
				   char *desc)
{
	netcx_kw_desc(c->str, desc);
}

KUNIT_ARRAY_PARAM(netcx_kw_bad, netcx_kw_bad_cases, netcx_kw_bad_case_desc);

static void netcx_keywords_invalid(struct kunit *test)
{
	const struct netcx_kw_bad_case *c = test->param_value;
	struct netcx_kw_error err = { };
	u32 off[NETCX_OFFLOAD_MAX];

	KUNIT_ASSERT_EQ(test, netcx_keywords_parse(c->str, off, &err),
			-EINVAL);
	KUNIT_ASSERT_NOT_NULL(test, err.reason);
	KUNIT_EXPECT_STREQ(test, err.reason, c->reason);
	KUNIT_ASSERT_EQ(test, err.len, (int)strlen(c->token));
	KUNIT_EXPECT_MEMEQ(test, err.token, c->token, err.len);
	/* the token lies inside the string */
	KUNIT_EXPECT_TRUE(test, err.token >= c->str &&
			  err.token + err.len <= c->str + strlen(c->str));
}

/* ---- applied to an adapter ---- */

struct netcx_kw_fixture {
	struct net_device *dev;
	struct netcx_adapter *ad;
};

static int netcx_keywords_init(struct kunit *test)
{
	struct netcx_kw_fixture *f;

	test->priv = NULL;	/* not reset between parameters */
	f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	f->dev = alloc_etherdev(0);
	if (!f->dev)
		return -ENOMEM;
	f->dev->hw_features = NETIF_F_SG;
	f->ad = netcx_adapter_create(f->dev, NULL);
	if (IS_ERR(f->ad)) {
		free_netdev(f->dev);
		return PTR_ERR(f->ad);
	}
	test->priv = f;
	return netcx_test_declare(f->ad, NETCX_TEST_FULL);
}

static void netcx_keywords_exit(struct kunit *test)
{
	struct netcx_kw_fixture *f = test->priv;

	if (!f)		/* init failed */
		return;
	netcx_adapter_destroy(f->ad);
	free_netdev(f->dev);
}

static void netcx_expect_permitted(struct kunit *test,
				   const struct netcx_adapter *ad,
				   const u32 *want)
{
	int i;

	for (i = 0; i < NETCX_OFFLOAD_MAX; i++)
		KUNIT_EXPECT_EQ_MSG(test, netcx_permitted(ad, i), want[i],
				    "offload %d", i);
}

/* Keywords and the dependencies they break, on the full profile. */
struct netcx_perm_case {
	/* input */
	const char *str;
	/* expected */
	u32 permitted[NETCX_OFFLOAD_MAX];
};

#define ALL	NETCX_TEST_ALL_KINDS

static const struct netcx_perm_case netcx_perm_cases[] = {
	{ "", NETCX_TEST_FULL_PERMITTED },
	{ "*IPChecksumOffloadIPv4=0",
	  { ALL & ~NETCX_IPV4_HDR, ALL & ~NETCX_IPV4_HDR, NETCX_TEST_TCP,
	    NETCX_TEST_UDP, NETCX_TEST_TCP, NETCX_TEST_TAGS,
	    NETCX_TEST_TAGS } },
	/* TX TCP4 off takes LSO over IPv4 with it */
	{ "*TCPChecksumOffloadIPv4=2",
	  { ALL & ~NETCX_TCP4, ALL, NETCX_TCP6, NETCX_TEST_UDP,
	    NETCX_TEST_TCP, NETCX_TEST_TAGS, NETCX_TEST_TAGS } },
	/* RX TCP6 off takes RSC over IPv6 with it */
	{ "*TCPChecksumOffloadIPv6=1",
	  { ALL, ALL & ~NETCX_TCP6, NETCX_TEST_TCP, NETCX_TEST_UDP,
	    NETCX_TCP4, NETCX_TEST_TAGS, NETCX_TEST_TAGS } },
	/* UDP4 off both ways takes USO over IPv4 with it */
	{ "*UDPChecksumOffloadIPv4=0",
	  { ALL & ~NETCX_UDP4, ALL & ~NETCX_UDP4, NETCX_TEST_TCP,
	    NETCX_UDP6, NETCX_TEST_TCP, NETCX_TEST_TAGS, NETCX_TEST_TAGS } },
	/* no IPv6 TX checksum: no IPV6_CSUM, so no USO at all (stack rule) */
	{ "*TCPUDPChecksumOffloadIPv6=2",
	  { NETCX_KINDS_V4, ALL, NETCX_TCP4, 0, NETCX_TEST_TCP,
	    NETCX_TEST_TAGS, NETCX_TEST_TAGS } },
	{ "*TCPUDPChecksumOffloadIPv4=0",
	  { NETCX_IPV4_HDR | NETCX_KINDS_V6, NETCX_IPV4_HDR | NETCX_KINDS_V6,
	    NETCX_TCP6, 0, NETCX_TCP6, NETCX_TEST_TAGS, NETCX_TEST_TAGS } },
	{ "*LsoV1IPv4=0",
	  { ALL, ALL, NETCX_TCP6, NETCX_TEST_UDP, NETCX_TEST_TCP,
	    NETCX_TEST_TAGS, NETCX_TEST_TAGS } },
	{ "*LsoV2IPv4=0,*LsoV2IPv6=0",
	  { ALL, ALL, 0, NETCX_TEST_UDP, NETCX_TEST_TCP,
	    NETCX_TEST_TAGS, NETCX_TEST_TAGS } },
	{ "*UsoIPv6=0,*RscIPv4=0",
	  { ALL, ALL, NETCX_TEST_TCP, NETCX_UDP4, NETCX_TCP6,
	    NETCX_TEST_TAGS, NETCX_TEST_TAGS } },
	{ "*PriorityVLANTag=1",
	  { ALL, ALL, NETCX_TEST_TCP, NETCX_TEST_UDP, NETCX_TEST_TCP,
	    NETCX_TAG_PRIO, NETCX_TAG_PRIO } },
	{ "*PriorityVLANTag=0",
	  { ALL, ALL, NETCX_TEST_TCP, NETCX_TEST_UDP, NETCX_TEST_TCP, 0, 0 } },
};

static void netcx_perm_case_desc(const struct netcx_perm_case *c, char *desc)
{
	netcx_kw_desc(c->str, desc);
}

KUNIT_ARRAY_PARAM(netcx_perm, netcx_perm_cases, netcx_perm_case_desc);

static void netcx_keywords_permitted(struct kunit *test)
{
	const struct netcx_perm_case *c = test->param_value;
	struct netcx_kw_fixture *f = test->priv;

	KUNIT_ASSERT_EQ(test, netcx_set_keywords(f->ad, c->str), 0);
	KUNIT_ASSERT_EQ(test, netcx_adapter_commit(f->ad), 0);
	netcx_expect_permitted(test, f->ad, c->permitted);
}

/* A refused string changes nothing: the keywords before it still hold. */
static void netcx_keywords_error_applies_nothing(struct kunit *test)
{
	static const u32 want[NETCX_OFFLOAD_MAX] = NETCX_TEST_FULL_PERMITTED;
	struct netcx_kw_fixture *f = test->priv;
	u32 expect[NETCX_OFFLOAD_MAX];

	memcpy(expect, want, sizeof(expect));
	expect[LSO] &= ~NETCX_TCP6;

	KUNIT_ASSERT_EQ(test, netcx_set_keywords(f->ad, "*LsoV2IPv6=0"), 0);
	KUNIT_EXPECT_EQ(test, netcx_set_keywords(f->ad, "*RscIPv4=0,*Bad=1"),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, netcx_set_keywords(f->ad, "*RscIPv4=0,"),
			-EINVAL);
	KUNIT_ASSERT_EQ(test, netcx_adapter_commit(f->ad), 0);
	netcx_expect_permitted(test, f->ad, expect);
}

/* Each call replaces the previous one; NULL and "" mean no keywords. */
static void netcx_keywords_replace(struct kunit *test)
{
	static const u32 want[NETCX_OFFLOAD_MAX] = NETCX_TEST_FULL_PERMITTED;
	struct netcx_kw_fixture *f = test->priv;
	u32 expect[NETCX_OFFLOAD_MAX];

	memcpy(expect, want, sizeof(expect));
	expect[RSC] &= ~NETCX_TCP4;

	KUNIT_ASSERT_EQ(test, netcx_set_keywords(f->ad, "*LsoV2IPv6=0"), 0);
	KUNIT_ASSERT_EQ(test, netcx_set_keywords(f->ad, NULL), 0);
	KUNIT_ASSERT_EQ(test, netcx_set_keywords(f->ad, "*UsoIPv4=0"), 0);
	KUNIT_ASSERT_EQ(test, netcx_set_keywords(f->ad, ""), 0);
	KUNIT_ASSERT_EQ(test, netcx_set_keywords(f->ad, "*RscIPv4=0"), 0);
	KUNIT_ASSERT_EQ(test, netcx_adapter_commit(f->ad), 0);
	netcx_expect_permitted(test, f->ad, expect);
}

/* Keywords never enable what the hardware did not declare. */
static void netcx_keywords_never_enable(struct kunit *test)
{
	static const char on[] =
		"*LsoV2IPv4=1,*UsoIPv6=1,*RscIPv4=1,*PriorityVLANTag=3";
	struct net_device *dev;
	struct netcx_adapter *ad;
	int i;

	dev = alloc_etherdev(0);
	KUNIT_ASSERT_NOT_NULL(test, dev);
	ad = netcx_adapter_create(dev, NULL);
	if (IS_ERR(ad)) {
		free_netdev(dev);
		KUNIT_FAIL(test, "create: %ld", PTR_ERR(ad));
		return;
	}
	KUNIT_EXPECT_EQ(test, netcx_test_declare(ad, NETCX_TEST_CSUM), 0);
	KUNIT_EXPECT_EQ(test, netcx_set_keywords(ad, on), 0);
	KUNIT_EXPECT_EQ(test, netcx_adapter_commit(ad), 0);
	for (i = LSO; i < NETCX_OFFLOAD_MAX; i++)
		KUNIT_EXPECT_EQ_MSG(test, netcx_permitted(ad, i), 0,
				    "offload %d", i);
	KUNIT_EXPECT_EQ(test, dev->hw_features & NETCX_FEATURES,
			NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM | NETIF_F_RXCSUM);
	netcx_adapter_destroy(ad);
	free_netdev(dev);
}

static struct kunit_case netcx_keywords_cases[] = {
	KUNIT_CASE_PARAM(netcx_keywords_valid, netcx_kw_gen_params),
	KUNIT_CASE_PARAM(netcx_keywords_invalid, netcx_kw_bad_gen_params),
	KUNIT_CASE_PARAM(netcx_keywords_permitted, netcx_perm_gen_params),
	KUNIT_CASE(netcx_keywords_error_applies_nothing),
	KUNIT_CASE(netcx_keywords_replace),
	KUNIT_CASE(netcx_keywords_never_enable),
	{}
};

static struct kunit_suite netcx_keywords_suite = {
	.name = "netcx_keywords",
	.init = netcx_keywords_init,
	.exit = netcx_keywords_exit,
	.test_cases = netcx_keywords_cases,
};

kunit_test_suite(netcx_keywords_suite);

MODULE_DESCRIPTION("KUnit tests of the netcx offload keywords");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(NETCX_NS);
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
