// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: from capabilities to net_device features for several hardware
 * profiles, and from features back to active packet kinds, on devices that
 * are not registered.
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/netdevice.h>

#include <netcx/netcx.h>

#include "core/core.h"
#include "../testing/netcx_test.h"

#define TX	NETCX_OFFLOAD_TX_CSUM
#define RX	NETCX_OFFLOAD_RX_CSUM
#define LSO	NETCX_OFFLOAD_LSO
#define USO	NETCX_OFFLOAD_USO
#define RSC	NETCX_OFFLOAD_RSC
#define VTX	NETCX_OFFLOAD_VLAN_TX
#define VRX	NETCX_OFFLOAD_VLAN_RX
#define ALL	NETCX_TEST_ALL_KINDS
#define TAGS	NETCX_TEST_TAGS

/* What a driver may have set before commit: its own bits, and some of ours. */
#define DRIVER_BITS	(NETIF_F_SG | NETIF_F_HIGHDMA | NETIF_F_LRO)
#define STRAY_BITS	(NETIF_F_RXCSUM | NETIF_F_TSO | NETIF_F_HW_CSUM)

struct netcx_feat_fixture {
	struct net_device *dev;
	struct netcx_adapter *ad;
};

static int netcx_features_init(struct kunit *test)
{
	struct netcx_feat_fixture *f;

	test->priv = NULL;	/* not reset between parameters */
	f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	f->dev = alloc_etherdev(0);
	if (!f->dev)
		return -ENOMEM;
	f->dev->hw_features = DRIVER_BITS | STRAY_BITS;
	f->dev->features = DRIVER_BITS | STRAY_BITS;
	f->dev->vlan_features = NETIF_F_HIGHDMA | NETIF_F_GSO_UDP_L4;
	f->dev->hw_enc_features = NETIF_F_SG | NETIF_F_HW_CSUM;
	f->ad = netcx_adapter_create(f->dev, NULL);
	if (IS_ERR(f->ad)) {
		free_netdev(f->dev);
		return PTR_ERR(f->ad);
	}
	test->priv = f;
	return 0;
}

static void netcx_features_exit(struct kunit *test)
{
	struct netcx_feat_fixture *f = test->priv;

	if (!f)		/* init failed */
		return;
	netcx_adapter_destroy(f->ad);
	free_netdev(f->dev);
}

static void netcx_test_commit(struct kunit *test,
			      enum netcx_test_profile profile,
			      const char *keywords)
{
	struct netcx_feat_fixture *f = test->priv;

	KUNIT_ASSERT_EQ(test, netcx_test_declare(f->ad, profile), 0);
	KUNIT_ASSERT_EQ(test, netcx_set_keywords(f->ad, keywords), 0);
	KUNIT_ASSERT_EQ(test, netcx_adapter_commit(f->ad), 0);
}

/* ---- the mapping, per hardware profile ---- */

struct netcx_map_case {
	const char *desc;
	/* input */
	enum netcx_test_profile profile;
	const char *keywords;
	/* expected */
	netdev_features_t features;	/* netcx's part of hw_ and features */
	netdev_features_t vlan;		/* netcx's part of vlan_features */
	unsigned int tso_max_size;
	unsigned int tso_max_segs;
	u32 permitted[NETCX_OFFLOAD_MAX];
};

#define FULL_FEATURES	(NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM | \
			 NETIF_F_RXCSUM | NETIF_F_TSO | NETIF_F_TSO6 | \
			 NETIF_F_GSO_UDP_L4 | NETIF_F_GRO_HW | \
			 NETIF_F_HW_VLAN_CTAG_TX | NETIF_F_HW_VLAN_CTAG_RX)
#define FULL_VLAN	(NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM | NETIF_F_TSO | \
			 NETIF_F_TSO6 | NETIF_F_GSO_UDP_L4)

static const struct netcx_map_case netcx_map_cases[] = {
	{ "nothing", NETCX_TEST_NONE, NULL, 0, 0,
	  TSO_LEGACY_MAX_SIZE, TSO_MAX_SEGS, { } },
	{ "checksum only", NETCX_TEST_CSUM, NULL,
	  NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM | NETIF_F_RXCSUM,
	  NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM,
	  TSO_LEGACY_MAX_SIZE, TSO_MAX_SEGS, { [TX] = ALL, [RX] = ALL } },
	{ "e1000-like", NETCX_TEST_E1000, NULL,
	  NETIF_F_HW_CSUM | NETIF_F_RXCSUM | NETIF_F_TSO,
	  NETIF_F_HW_CSUM | NETIF_F_TSO, 65536, GSO_MAX_SEGS,
	  { [TX] = ALL, [RX] = NETCX_TCP4 | NETCX_UDP4, [LSO] = NETCX_TCP4 } },
	{ "e1000-like, TX TCP4 off", NETCX_TEST_E1000,
	  "*TCPChecksumOffloadIPv4=2",
	  NETIF_F_HW_CSUM | NETIF_F_RXCSUM, NETIF_F_HW_CSUM,
	  TSO_LEGACY_MAX_SIZE, TSO_MAX_SEGS,
	  { [TX] = ALL & ~NETCX_TCP4, [RX] = NETCX_TCP4 | NETCX_UDP4 } },
	{ "full", NETCX_TEST_FULL, NULL, FULL_FEATURES, FULL_VLAN,
	  NETCX_TEST_FULL_USO_SIZE, NETCX_TEST_FULL_LSO_SEGS,
	  NETCX_TEST_FULL_PERMITTED },
	{ "full, no USO", NETCX_TEST_FULL, "*UsoIPv4=0,*UsoIPv6=0",
	  FULL_FEATURES & ~NETIF_F_GSO_UDP_L4,
	  FULL_VLAN & ~NETIF_F_GSO_UDP_L4,
	  NETCX_TEST_FULL_LSO_SIZE, NETCX_TEST_FULL_LSO_SEGS,
	  { ALL, ALL, NETCX_TEST_TCP, 0, NETCX_TEST_TCP, TAGS, TAGS } },
	{ "full, no LSO", NETCX_TEST_FULL, "*LsoV2IPv4=0,*LsoV2IPv6=0",
	  FULL_FEATURES & ~(NETIF_F_TSO | NETIF_F_TSO6),
	  FULL_VLAN & ~(NETIF_F_TSO | NETIF_F_TSO6),
	  NETCX_TEST_FULL_USO_SIZE, NETCX_TEST_FULL_USO_SEGS,
	  { ALL, ALL, 0, NETCX_TEST_UDP, NETCX_TEST_TCP, TAGS, TAGS } },
	{ "full, no IPv6 LSO", NETCX_TEST_FULL, "*LsoV2IPv6=0",
	  FULL_FEATURES & ~NETIF_F_TSO6, FULL_VLAN & ~NETIF_F_TSO6,
	  NETCX_TEST_FULL_USO_SIZE, NETCX_TEST_FULL_LSO_SEGS,
	  { ALL, ALL, NETCX_TCP4, NETCX_TEST_UDP, NETCX_TEST_TCP,
	    TAGS, TAGS } },
	{ "full, no TX checksum", NETCX_TEST_FULL,
	  "*TCPUDPChecksumOffloadIPv4=2,*TCPUDPChecksumOffloadIPv6=2",
	  NETIF_F_RXCSUM | NETIF_F_GRO_HW | NETIF_F_HW_VLAN_CTAG_TX |
	  NETIF_F_HW_VLAN_CTAG_RX, 0,
	  TSO_LEGACY_MAX_SIZE, TSO_MAX_SEGS,
	  { NETCX_IPV4_HDR, ALL, 0, 0, NETCX_TEST_TCP, TAGS, TAGS } },
	{ "full, no RX checksum", NETCX_TEST_FULL,
	  "*IPChecksumOffloadIPv4=1,*TCPUDPChecksumOffloadIPv4=1,*TCPUDPChecksumOffloadIPv6=1",
	  FULL_FEATURES & ~(NETIF_F_RXCSUM | NETIF_F_GRO_HW), FULL_VLAN,
	  NETCX_TEST_FULL_USO_SIZE, NETCX_TEST_FULL_LSO_SEGS,
	  { ALL, 0, NETCX_TEST_TCP, NETCX_TEST_UDP, 0, TAGS, TAGS } },
	{ "full, no 802.1Q", NETCX_TEST_FULL, "*PriorityVLANTag=0",
	  FULL_FEATURES & ~(NETIF_F_HW_VLAN_CTAG_TX | NETIF_F_HW_VLAN_CTAG_RX),
	  FULL_VLAN, NETCX_TEST_FULL_USO_SIZE, NETCX_TEST_FULL_LSO_SEGS,
	  { ALL, ALL, NETCX_TEST_TCP, NETCX_TEST_UDP, NETCX_TEST_TCP, 0, 0 } },
	{ "full, IPv6 UDP checksum off", NETCX_TEST_FULL,
	  "*UDPChecksumOffloadIPv6=0",
	  FULL_FEATURES, FULL_VLAN,
	  NETCX_TEST_FULL_USO_SIZE, NETCX_TEST_FULL_LSO_SEGS,
	  { ALL & ~NETCX_UDP6, ALL & ~NETCX_UDP6, NETCX_TEST_TCP, NETCX_UDP4,
	    NETCX_TEST_TCP, TAGS, TAGS } },
};

static void netcx_map_case_desc(const struct netcx_map_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(netcx_map, netcx_map_cases, netcx_map_case_desc);

static void netcx_features_mapping(struct kunit *test)
{
	const struct netcx_map_case *c = test->param_value;
	struct netcx_feat_fixture *f;
	struct net_device *dev;
	int i;

	netcx_test_commit(test, c->profile, c->keywords);
	f = test->priv;
	dev = f->dev;

	KUNIT_EXPECT_EQ(test, dev->hw_features & NETCX_FEATURES, c->features);
	KUNIT_EXPECT_EQ(test, dev->features & NETCX_FEATURES, c->features);
	KUNIT_EXPECT_EQ(test, dev->vlan_features & NETCX_FEATURES, c->vlan);
	KUNIT_EXPECT_EQ(test, dev->hw_enc_features & NETCX_FEATURES, 0);
	/* the driver's bits are left alone */
	KUNIT_EXPECT_EQ(test, dev->hw_features & ~NETCX_FEATURES, DRIVER_BITS);
	KUNIT_EXPECT_EQ(test, dev->features & ~NETCX_FEATURES, DRIVER_BITS);
	KUNIT_EXPECT_EQ(test, dev->vlan_features & ~NETCX_FEATURES,
			NETIF_F_HIGHDMA);
	KUNIT_EXPECT_EQ(test, dev->hw_enc_features & ~NETCX_FEATURES,
			NETIF_F_SG);

	KUNIT_EXPECT_EQ(test, dev->tso_max_size, c->tso_max_size);
	KUNIT_EXPECT_EQ(test, dev->tso_max_segs, c->tso_max_segs);
	for (i = 0; i < NETCX_OFFLOAD_MAX; i++) {
		KUNIT_EXPECT_EQ_MSG(test, netcx_permitted(f->ad, i),
				    c->permitted[i], "offload %d", i);
		/*
		 * Every permitted kind starts active, but the IPv4 header
		 * checksum alone: no feature says it, so it is never active.
		 */
		KUNIT_EXPECT_EQ_MSG(test, netcx_active(f->ad, i),
				    c->permitted[i] == NETCX_IPV4_HDR ? 0 :
				    c->permitted[i], "offload %d", i);
	}
}

/* A TX engine with layer-3 flags only maps to no feature at all. */
static void netcx_features_l3_only(struct kunit *test)
{
	static const struct netcx_tx_csum_caps tx = { .l3 = NETCX_L3_IPV4 };
	struct netcx_feat_fixture *f = test->priv;

	KUNIT_ASSERT_EQ(test, netcx_set_tx_csum_caps(f->ad, &tx), 0);
	KUNIT_ASSERT_EQ(test, netcx_adapter_commit(f->ad), 0);
	KUNIT_EXPECT_EQ(test, netcx_permitted(f->ad, TX), NETCX_IPV4_HDR);
	KUNIT_EXPECT_EQ(test, f->dev->hw_features & NETCX_FEATURES, 0);
	KUNIT_EXPECT_EQ(test, netcx_active(f->ad, TX), 0);
}

/* ---- the way back: active kinds derived from dev->features ---- */

struct netcx_active_case {
	const char *desc;
	/* input */
	enum netcx_test_profile profile;
	netdev_features_t clear;	/* taken out of dev->features */
	/* expected */
	u32 active[NETCX_OFFLOAD_MAX];
};

static const struct netcx_active_case netcx_active_cases[] = {
	{ "full, all on", NETCX_TEST_FULL, 0, NETCX_TEST_FULL_PERMITTED },
	{ "full, IP_CSUM off", NETCX_TEST_FULL, NETIF_F_IP_CSUM,
	  { NETCX_KINDS_V6, ALL, NETCX_TEST_TCP, NETCX_TEST_UDP,
	    NETCX_TEST_TCP, TAGS, TAGS } },
	{ "full, IPV6_CSUM off", NETCX_TEST_FULL, NETIF_F_IPV6_CSUM,
	  { NETCX_KINDS_V4, ALL, NETCX_TEST_TCP, NETCX_TEST_UDP,
	    NETCX_TEST_TCP, TAGS, TAGS } },
	{ "full, TSO off", NETCX_TEST_FULL, NETIF_F_TSO,
	  { ALL, ALL, NETCX_TCP6, NETCX_TEST_UDP, NETCX_TEST_TCP,
	    TAGS, TAGS } },
	{ "full, TSO6 off", NETCX_TEST_FULL, NETIF_F_TSO6,
	  { ALL, ALL, NETCX_TCP4, NETCX_TEST_UDP, NETCX_TEST_TCP,
	    TAGS, TAGS } },
	{ "full, RXCSUM GRO_HW off", NETCX_TEST_FULL,
	  NETIF_F_RXCSUM | NETIF_F_GRO_HW,
	  { ALL, 0, NETCX_TEST_TCP, NETCX_TEST_UDP, 0, TAGS, TAGS } },
	{ "full, GSO_UDP_L4 off", NETCX_TEST_FULL, NETIF_F_GSO_UDP_L4,
	  { ALL, ALL, NETCX_TEST_TCP, 0, NETCX_TEST_TCP, TAGS, TAGS } },
	{ "full, CTAG_TX off", NETCX_TEST_FULL, NETIF_F_HW_VLAN_CTAG_TX,
	  { ALL, ALL, NETCX_TEST_TCP, NETCX_TEST_UDP, NETCX_TEST_TCP,
	    0, TAGS } },
	{ "full, CTAG_RX off", NETCX_TEST_FULL, NETIF_F_HW_VLAN_CTAG_RX,
	  { ALL, ALL, NETCX_TEST_TCP, NETCX_TEST_UDP, NETCX_TEST_TCP,
	    TAGS, 0 } },
	{ "full, all off", NETCX_TEST_FULL, NETCX_FEATURES, { } },
	{ "full, driver bits off", NETCX_TEST_FULL, DRIVER_BITS,
	  NETCX_TEST_FULL_PERMITTED },
	{ "e1000-like, HW_CSUM off", NETCX_TEST_E1000, NETIF_F_HW_CSUM,
	  { 0, NETCX_TCP4 | NETCX_UDP4, NETCX_TCP4 } },
};

static void netcx_active_case_desc(const struct netcx_active_case *c,
				   char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(netcx_active, netcx_active_cases, netcx_active_case_desc);

static void netcx_features_active(struct kunit *test)
{
	const struct netcx_active_case *c = test->param_value;
	struct netcx_feat_fixture *f;
	int i;

	netcx_test_commit(test, c->profile, NULL);
	f = test->priv;
	f->dev->features &= ~c->clear;
	for (i = 0; i < NETCX_OFFLOAD_MAX; i++)
		KUNIT_EXPECT_EQ_MSG(test, netcx_active(f->ad, i), c->active[i],
				    "offload %d", i);
}

/* ---- fix_features constrains nothing netdev_fix_features already does ---- */

static void netcx_features_fix_stateless(struct kunit *test)
{
	static const netdev_features_t inputs[] = {
		0,
		NETCX_FEATURES,
		NETIF_F_TSO,			/* without SG or checksum */
		NETIF_F_GRO_HW,			/* without RXCSUM */
		NETIF_F_GSO_UDP_L4,		/* without checksum */
		NETIF_F_HW_CSUM | NETIF_F_IP_CSUM,
		~(netdev_features_t)0,
	};
	struct netcx_feat_fixture *f;
	int i;

	netcx_test_commit(test, NETCX_TEST_FULL, NULL);
	f = test->priv;
	for (i = 0; i < ARRAY_SIZE(inputs); i++) {
		KUNIT_EXPECT_EQ(test, netcx_fix_features(f->ad, inputs[i]),
				inputs[i]);
		KUNIT_EXPECT_EQ(test, netcx_fix_features(f->ad, inputs[i]),
				inputs[i]);
	}
}

/* ---- what the per-packet code reads ---- */

static void netcx_features_limits(struct kunit *test)
{
	struct netcx_feat_fixture *f = test->priv;
	const struct netcx_tx_csum_caps *tx;
	const struct netcx_gso_caps *lso;

	KUNIT_EXPECT_NULL(test, netcx_tx_csum_caps(f->ad));
	KUNIT_EXPECT_NULL(test, netcx_gso_limits(f->ad, LSO));
	KUNIT_EXPECT_EQ(test, netcx_permitted(f->ad, TX), 0);

	netcx_test_commit(test, NETCX_TEST_E1000, NULL);

	tx = netcx_tx_csum_caps(f->ad);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	KUNIT_EXPECT_TRUE(test, tx->generic);
	KUNIT_EXPECT_EQ(test, tx->l3, NETCX_L3_ALL);
	KUNIT_EXPECT_EQ(test, tx->l4_offset_limit, 255);

	lso = netcx_gso_limits(f->ad, LSO);
	KUNIT_ASSERT_NOT_NULL(test, lso);
	KUNIT_EXPECT_EQ(test, lso->l3, NETCX_L3_IPV4 | NETCX_L3_IPV4_OPTS);
	KUNIT_EXPECT_EQ(test, lso->max_size, 65536);
	KUNIT_EXPECT_EQ(test, lso->min_segs, 2);
	KUNIT_EXPECT_EQ(test, lso->max_segs, GSO_MAX_SEGS);	/* was 0 */

	KUNIT_EXPECT_NULL(test, netcx_gso_limits(f->ad, USO));
	KUNIT_EXPECT_NULL(test, netcx_gso_limits(f->ad, TX));
	KUNIT_EXPECT_EQ(test, netcx_permitted(f->ad, NETCX_OFFLOAD_MAX), 0);
	KUNIT_EXPECT_EQ(test, netcx_active(f->ad, NETCX_OFFLOAD_MAX), 0);
}

static struct kunit_case netcx_features_cases[] = {
	KUNIT_CASE_PARAM(netcx_features_mapping, netcx_map_gen_params),
	KUNIT_CASE(netcx_features_l3_only),
	KUNIT_CASE_PARAM(netcx_features_active, netcx_active_gen_params),
	KUNIT_CASE(netcx_features_fix_stateless),
	KUNIT_CASE(netcx_features_limits),
	{}
};

static struct kunit_suite netcx_features_suite = {
	.name = "netcx_features",
	.init = netcx_features_init,
	.exit = netcx_features_exit,
	.test_cases = netcx_features_cases,
};

kunit_test_suite(netcx_features_suite);

MODULE_DESCRIPTION("KUnit tests of the netcx feature mapping");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(NETCX_NS);
