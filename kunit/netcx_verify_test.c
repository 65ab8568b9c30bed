// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: every verifier rule, accepted and rejected, compared by its
 * message; and the netcx_set_*_caps() and commit calls that apply them.
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/netdevice.h>

#include <netcx/netcx.h>

#include "core/core.h"

static void netcx_expect_rule(struct kunit *test, const char *got,
			      const char *want)
{
	if (!want) {
		KUNIT_EXPECT_NULL_MSG(test, got, "rule broken: %s", got);
		return;
	}
	KUNIT_ASSERT_NOT_NULL_MSG(test, got, "expected: %s", want);
	KUNIT_EXPECT_STREQ(test, got, want);
}

/* A fresh, unregistered device with SG, and an adapter on it. */
static int netcx_verify_init(struct kunit *test)
{
	struct netcx_adapter *ad;
	struct net_device *dev;

	test->priv = NULL;	/* not reset between parameters */
	dev = alloc_etherdev(0);
	if (!dev)
		return -ENOMEM;
	dev->hw_features = NETIF_F_SG;
	dev->features = NETIF_F_SG;
	ad = netcx_adapter_create(dev, NULL);
	if (IS_ERR(ad)) {
		free_netdev(dev);
		return PTR_ERR(ad);
	}
	test->priv = ad;
	return 0;
}

static void netcx_verify_exit(struct kunit *test)
{
	struct netcx_adapter *ad = test->priv;
	struct net_device *dev;

	if (!ad)	/* init failed */
		return;
	dev = netcx_adapter_netdev(ad);
	netcx_adapter_destroy(ad);
	free_netdev(dev);
}

static int netcx_rule_errno(const char *why)
{
	return why ? -EINVAL : 0;
}

/* ---- TX checksum ---- */

struct netcx_tx_case {
	const char *desc;
	/* input */
	struct netcx_tx_csum_caps caps;
	/* expected */
	const char *why;
};

static const struct netcx_tx_case netcx_tx_cases[] = {
	{ "IPv4 TCP", { .l3 = NETCX_L3_IPV4, .l4 = NETCX_L4_TCP }, NULL },
	{ "all flags", { .l3 = NETCX_L3_ALL, .l4 = NETCX_L4_ALL }, NULL },
	{ "generic", { .l3 = NETCX_L3_ALL, .l4 = NETCX_L4_ALL,
		       .generic = true }, NULL },
	{ "IPv4 header only", { .l3 = NETCX_L3_IPV4 }, NULL },
	{ "shortest offset limits", { .l3 = NETCX_L3_IPV4, .l4 = NETCX_L4_UDP,
				      .l3_offset_limit = 14,
				      .l4_offset_limit = 34 }, NULL },
	{ "unknown L3 flag", { .l3 = NETCX_L3_IPV4 | BIT(4),
			       .l4 = NETCX_L4_TCP },
	  "unknown layer-3 flag" },
	{ "unknown L4 flag", { .l3 = NETCX_L3_IPV4,
			       .l4 = NETCX_L4_TCP | BIT(3) },
	  "unknown layer-4 flag" },
	{ "all clear", { .generic = true, .l3_offset_limit = 14 },
	  "all flags clear" },
	{ "IPv4 options alone", { .l3 = NETCX_L3_IPV4_OPTS,
				  .l4 = NETCX_L4_TCP },
	  "IPv4-with-options flag without the IPv4 flag" },
	{ "IPv6 ext alone", { .l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6_EXT,
			      .l4 = NETCX_L4_TCP },
	  "IPv6-with-extension-headers flag without the IPv6 flag" },
	{ "TCP options alone", { .l3 = NETCX_L3_IPV4,
				 .l4 = NETCX_L4_TCP_OPTS | NETCX_L4_UDP },
	  "TCP-with-options flag without the TCP flag" },
	{ "L4 without L3", { .l4 = NETCX_L4_TCP },
	  "layer-4 flags without a layer-3 flag" },
	{ "L3 offset limit 13", { .l3 = NETCX_L3_IPV4, .l4 = NETCX_L4_TCP,
				  .l3_offset_limit = 13 },
	  "layer-3 header offset limit below the Ethernet header" },
	{ "L4 offset limit 33", { .l3 = NETCX_L3_IPV4, .l4 = NETCX_L4_TCP,
				  .l4_offset_limit = 33 },
	  "layer-4 header offset limit below Ethernet and IPv4 headers" },
};

static void netcx_tx_case_desc(const struct netcx_tx_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(netcx_tx, netcx_tx_cases, netcx_tx_case_desc);

static void netcx_verify_tx_csum(struct kunit *test)
{
	const struct netcx_tx_case *c = test->param_value;
	struct netcx_adapter *ad = test->priv;

	netcx_expect_rule(test, netcx_check_tx_csum(&c->caps), c->why);
	KUNIT_EXPECT_EQ(test, netcx_set_tx_csum_caps(ad, &c->caps),
			netcx_rule_errno(c->why));
}

/* ---- RX checksum ---- */

struct netcx_rx_case {
	const char *desc;
	/* input */
	struct netcx_rx_csum_caps caps;
	/* expected */
	const char *why;
};

static const struct netcx_rx_case netcx_rx_cases[] = {
	{ "every kind", { .kinds = NETCX_KINDS_V4 | NETCX_KINDS_V6 }, NULL },
	{ "TCP6 only", { .kinds = NETCX_TCP6 }, NULL },
	{ "IPv4 header only", { .kinds = NETCX_IPV4_HDR,
				.complete = true }, NULL },
	{ "no kind", { .complete = true }, "no receive checksum kind" },
	{ "a tag kind", { .kinds = NETCX_TCP4 | NETCX_TAG_VLAN },
	  "unknown receive checksum kind" },
	/* status bits: e1000's map, TCP and UDP sharing their bits */
	{ "status, e1000's", { .kinds = NETCX_KINDS_V4, .status = {
		.ignore = BIT(2), .ipv4 = { BIT(6), BIT(14) },
		.tcp = { BIT(5), BIT(13) }, .udp = { BIT(5), BIT(13) } } },
	  NULL },
	{ "status, checked only", { .kinds = NETCX_TCP6, .status = {
		.tcp = { BIT(0) } } }, NULL },
	{ "status, bad bit shared", { .kinds = NETCX_TCP4 | NETCX_UDP4,
	  .status = { .tcp = { BIT(0), BIT(2) },
		      .udp = { BIT(1), BIT(2) } } }, NULL },
	{ "status, ipv4 bad alone", { .kinds = NETCX_KINDS_V4, .status = {
		.ipv4 = { 0, BIT(1) } } },
	  "IPv4 header status: a bad bit without a checked bit" },
	{ "status, udp bad alone", { .kinds = NETCX_KINDS_V4, .status = {
		.tcp = { BIT(0), BIT(1) }, .udp = { 0, BIT(1) } } },
	  "UDP status: a bad bit without a checked bit" },
	{ "status, ipv4 without its kind", { .kinds = NETCX_TCP4, .status = {
		.ipv4 = { BIT(0), BIT(1) } } },
	  "IPv4 header status bits without the IPv4 header kind" },
	{ "status, tcp without its kind", { .kinds = NETCX_UDP6, .status = {
		.tcp = { BIT(0) } } },
	  "TCP status bits without a TCP kind" },
	{ "status, udp without its kind", { .kinds = NETCX_TCP4, .status = {
		.udp = { BIT(0) } } },
	  "UDP status bits without a UDP kind" },
	{ "status, checked and bad in one layer", { .kinds = NETCX_TCP4,
	  .status = { .tcp = { BIT(0) | BIT(1), BIT(1) } } },
	  "a status bit both checked and bad" },
	{ "status, checked here, bad there", { .kinds = NETCX_KINDS_V4,
	  .status = { .ipv4 = { BIT(0), BIT(1) },
		      .tcp = { BIT(1), BIT(2) } } },
	  "a status bit both checked and bad" },
	{ "status, ignore is a result", { .kinds = NETCX_TCP4, .status = {
		.ignore = BIT(3), .tcp = { BIT(0), BIT(3) } } },
	  "a status bit both ignore and a checksum result" },
	/* the inner result of an encapsulated packet: ncsim's map */
	{ "status, inner", { .kinds = NETCX_KINDS_V4 | NETCX_KINDS_V6,
	  .status = { .udp = { BIT(3), BIT(4) },
		      .inner = { BIT(5) | BIT(6), BIT(7) },
		      .inner_tcp = BIT(5), .inner_ipv6 = BIT(8),
		      .inner_level = BIT(9) } }, NULL },
	{ "status, inner bad alone", { .kinds = NETCX_TCP4, .status = {
		.inner = { 0, BIT(7) } } },
	  "inner status: a bad bit without a checked bit" },
	{ "status, inner without a transport kind", { .kinds = NETCX_IPV4_HDR,
	  .status = { .inner = { BIT(5), BIT(7) } } },
	  "inner status bits without a TCP or UDP kind" },
	{ "status, inner checked is outer bad", { .kinds = NETCX_TCP4,
	  .status = { .tcp = { BIT(0), BIT(5) },
		      .inner = { BIT(5), BIT(7) } } },
	  "a status bit both checked and bad" },
};

static void netcx_rx_case_desc(const struct netcx_rx_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(netcx_rx, netcx_rx_cases, netcx_rx_case_desc);

static void netcx_verify_rx_csum(struct kunit *test)
{
	const struct netcx_rx_case *c = test->param_value;
	struct netcx_adapter *ad = test->priv;

	netcx_expect_rule(test, netcx_check_rx_csum(&c->caps), c->why);
	KUNIT_EXPECT_EQ(test, netcx_set_rx_csum_caps(ad, &c->caps),
			netcx_rule_errno(c->why));
}

/* ---- LSO and USO ---- */

struct netcx_gso_case {
	const char *desc;
	/* input */
	enum netcx_offload off;
	struct netcx_gso_caps caps;
	/* expected */
	const char *why;
};

#define NETCX_LSO4	.l3 = NETCX_L3_IPV4, .l4 = NETCX_L4_TCP
#define NETCX_USO4	.l3 = NETCX_L3_IPV4, .l4 = NETCX_L4_UDP
#define NETCX_SIZES	.max_size = 65536, .min_segs = 2

static const struct netcx_gso_case netcx_gso_cases[] = {
	{ "LSO IPv4", NETCX_OFFLOAD_LSO, { NETCX_LSO4, NETCX_SIZES }, NULL },
	{ "LSO all flags", NETCX_OFFLOAD_LSO,
	  { .l3 = NETCX_L3_ALL, .l4 = NETCX_L4_TCP | NETCX_L4_TCP_OPTS,
	    NETCX_SIZES, .max_segs = 64, .l4_offset_limit = 34 }, NULL },
	{ "LSO largest", NETCX_OFFLOAD_LSO,
	  { NETCX_LSO4, .max_size = GSO_MAX_SIZE, .min_segs = GSO_MAX_SEGS,
	    .max_segs = GSO_MAX_SEGS }, NULL },
	{ "LSO min segs with max 0", NETCX_OFFLOAD_LSO,
	  { NETCX_LSO4, .max_size = 1, .min_segs = GSO_MAX_SEGS }, NULL },
	{ "LSO min = max segs", NETCX_OFFLOAD_LSO,
	  { NETCX_LSO4, NETCX_SIZES, .max_segs = 2 }, NULL },
	{ "USO IPv4 IPv6", NETCX_OFFLOAD_USO,
	  { .l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6, .l4 = NETCX_L4_UDP,
	    NETCX_SIZES }, NULL },
	{ "LSO unknown L3", NETCX_OFFLOAD_LSO,
	  { .l3 = BIT(7), .l4 = NETCX_L4_TCP, NETCX_SIZES },
	  "unknown layer-3 flag" },
	{ "LSO all clear", NETCX_OFFLOAD_LSO, { NETCX_SIZES },
	  "all flags clear" },
	{ "LSO IPv4 options alone", NETCX_OFFLOAD_LSO,
	  { .l3 = NETCX_L3_IPV4_OPTS, .l4 = NETCX_L4_TCP, NETCX_SIZES },
	  "IPv4-with-options flag without the IPv4 flag" },
	{ "USO IPv6 ext alone", NETCX_OFFLOAD_USO,
	  { .l3 = NETCX_L3_IPV6_EXT, .l4 = NETCX_L4_UDP, NETCX_SIZES },
	  "IPv6-with-extension-headers flag without the IPv6 flag" },
	{ "LSO TCP options alone", NETCX_OFFLOAD_LSO,
	  { .l3 = NETCX_L3_IPV4, .l4 = NETCX_L4_TCP_OPTS, NETCX_SIZES },
	  "TCP-with-options flag without the TCP flag" },
	{ "USO L4 without L3", NETCX_OFFLOAD_USO,
	  { .l4 = NETCX_L4_UDP, NETCX_SIZES },
	  "layer-4 flags without a layer-3 flag" },
	{ "LSO of UDP", NETCX_OFFLOAD_LSO,
	  { .l3 = NETCX_L3_IPV4, .l4 = NETCX_L4_TCP | NETCX_L4_UDP,
	    NETCX_SIZES },
	  "LSO needs the TCP flag and no UDP flag" },
	{ "LSO without L4", NETCX_OFFLOAD_LSO,
	  { .l3 = NETCX_L3_IPV4, NETCX_SIZES },
	  "LSO needs the TCP flag and no UDP flag" },
	{ "USO of TCP", NETCX_OFFLOAD_USO,
	  { .l3 = NETCX_L3_IPV4, .l4 = NETCX_L4_TCP | NETCX_L4_UDP,
	    NETCX_SIZES },
	  "USO needs the UDP flag and no TCP flag" },
	{ "USO without L4", NETCX_OFFLOAD_USO,
	  { .l3 = NETCX_L3_IPV6, NETCX_SIZES },
	  "USO needs the UDP flag and no TCP flag" },
	{ "LSO max size 0", NETCX_OFFLOAD_LSO,
	  { NETCX_LSO4, .min_segs = 2 }, "maximum offload size is 0" },
	{ "USO min segs 0", NETCX_OFFLOAD_USO,
	  { NETCX_USO4, .max_size = 65536 }, "minimum segment count is 0" },
	{ "LSO above GSO_MAX_SIZE", NETCX_OFFLOAD_LSO,
	  { NETCX_LSO4, .max_size = GSO_MAX_SIZE + 1, .min_segs = 2 },
	  "maximum offload size above GSO_MAX_SIZE" },
	{ "USO min above max segs", NETCX_OFFLOAD_USO,
	  { NETCX_USO4, NETCX_SIZES, .max_segs = 1 },
	  "minimum segment count above the maximum" },
	{ "LSO L4 offset limit 33", NETCX_OFFLOAD_LSO,
	  { NETCX_LSO4, NETCX_SIZES, .l4_offset_limit = 33 },
	  "layer-4 header offset limit below Ethernet and IPv4 headers" },
};

static void netcx_gso_case_desc(const struct netcx_gso_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(netcx_gso, netcx_gso_cases, netcx_gso_case_desc);

static void netcx_verify_gso(struct kunit *test)
{
	const struct netcx_gso_case *c = test->param_value;
	struct netcx_adapter *ad = test->priv;
	const char *why;
	int err;

	if (c->off == NETCX_OFFLOAD_LSO) {
		why = netcx_check_lso(&c->caps);
		err = netcx_set_lso_caps(ad, &c->caps);
	} else {
		why = netcx_check_uso(&c->caps);
		err = netcx_set_uso_caps(ad, &c->caps);
	}
	netcx_expect_rule(test, why, c->why);
	KUNIT_EXPECT_EQ(test, err, netcx_rule_errno(c->why));
}

/* ---- RSC and 802.1Q ---- */

struct netcx_rsc_case {
	const char *desc;
	/* input */
	struct netcx_rsc_caps caps;
	/* expected */
	const char *why;
};

static const struct netcx_rsc_case netcx_rsc_cases[] = {
	{ "IPv4", { .l3 = NETCX_L3_IPV4 }, NULL },
	{ "IPv4 IPv6 timestamps", { .l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6,
				    .tcp_timestamp = true }, NULL },
	{ "unknown L3", { .l3 = NETCX_L3_IPV6 | BIT(5) },
	  "unknown layer-3 flag" },
	{ "all clear", { .tcp_timestamp = true }, "all flags clear" },
	{ "IPv4 options", { .l3 = NETCX_L3_IPV4 | NETCX_L3_IPV4_OPTS },
	  "RSC never coalesces IPv4 options or IPv6 extension headers" },
	{ "IPv6 ext", { .l3 = NETCX_L3_IPV6 | NETCX_L3_IPV6_EXT },
	  "RSC never coalesces IPv4 options or IPv6 extension headers" },
	{ "max_segs 0: the default", { .l3 = NETCX_L3_IPV4 }, NULL },
	{ "max_segs 1", { .l3 = NETCX_L3_IPV4, .max_segs = 1 },
	  "RSC maximum segment count is 1 (0 takes the default)" },
	{ "max_segs 2", { .l3 = NETCX_L3_IPV6, .max_segs = 2 }, NULL },
	{ "max_segs 65535", { .l3 = NETCX_L3_IPV4, .max_segs = U16_MAX },
	  NULL },
};

static void netcx_rsc_case_desc(const struct netcx_rsc_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(netcx_rsc, netcx_rsc_cases, netcx_rsc_case_desc);

static void netcx_verify_rsc(struct kunit *test)
{
	const struct netcx_rsc_case *c = test->param_value;
	struct netcx_adapter *ad = test->priv;

	netcx_expect_rule(test, netcx_check_rsc(&c->caps), c->why);
	KUNIT_EXPECT_EQ(test, netcx_set_rsc_caps(ad, &c->caps),
			netcx_rule_errno(c->why));
}

struct netcx_tag_case {
	const char *desc;
	/* input */
	struct netcx_ieee8021q_caps caps;
	/* expected */
	const char *why;
};

static const struct netcx_tag_case netcx_tag_cases[] = {
	{ "priority", { .kinds = NETCX_TAG_PRIO }, NULL },
	{ "VLAN", { .kinds = NETCX_TAG_VLAN }, NULL },
	{ "both", { .kinds = NETCX_TAG_PRIO | NETCX_TAG_VLAN }, NULL },
	{ "none", { .kinds = 0 }, "no 802.1Q kind" },
	{ "a checksum kind", { .kinds = NETCX_TAG_VLAN | NETCX_TCP4 },
	  "unknown 802.1Q kind" },
};

static void netcx_tag_case_desc(const struct netcx_tag_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(netcx_tag, netcx_tag_cases, netcx_tag_case_desc);

static void netcx_verify_ieee8021q(struct kunit *test)
{
	const struct netcx_tag_case *c = test->param_value;
	struct netcx_adapter *ad = test->priv;

	netcx_expect_rule(test, netcx_check_ieee8021q(&c->caps), c->why);
	KUNIT_EXPECT_EQ(test, netcx_set_ieee8021q_caps(ad, &c->caps),
			netcx_rule_errno(c->why));
}

/* ---- rules spanning offloads, checked at commit ---- */

struct netcx_commit_case {
	const char *desc;
	/* input: NULL means not declared */
	bool no_sg;
	const struct netcx_tx_csum_caps *tx;
	const struct netcx_rx_csum_caps *rx;
	const struct netcx_gso_caps *lso;
	const struct netcx_gso_caps *uso;
	const struct netcx_rsc_caps *rsc;
	/* expected */
	const char *why;
};

static const struct netcx_tx_csum_caps netcx_tx_all = {
	.l3 = NETCX_L3_ALL, .l4 = NETCX_L4_ALL,
};

static const struct netcx_tx_csum_caps netcx_tx_generic_v4_udp = {
	.l3 = NETCX_L3_IPV4, .l4 = NETCX_L4_UDP, .generic = true,
};

static const struct netcx_tx_csum_caps netcx_tx_v4 = {
	.l3 = NETCX_L3_IPV4, .l4 = NETCX_L4_TCP | NETCX_L4_UDP,
};

static const struct netcx_tx_csum_caps netcx_tx_udp = {
	.l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6, .l4 = NETCX_L4_UDP,
};

static const struct netcx_tx_csum_caps netcx_tx_tcp = {
	.l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6, .l4 = NETCX_L4_TCP,
};

static const struct netcx_rx_csum_caps netcx_rx_all = {
	.kinds = NETCX_KINDS_V4 | NETCX_KINDS_V6,
};

static const struct netcx_rx_csum_caps netcx_rx_v4 = {
	.kinds = NETCX_KINDS_V4,
};

static const struct netcx_rx_csum_caps netcx_rx_udp = {
	.kinds = NETCX_UDP4 | NETCX_UDP6,
};

static const struct netcx_gso_caps netcx_lso_v4 = {
	NETCX_LSO4, NETCX_SIZES,
};

static const struct netcx_gso_caps netcx_lso_v6 = {
	.l3 = NETCX_L3_IPV6, .l4 = NETCX_L4_TCP, NETCX_SIZES,
};

static const struct netcx_gso_caps netcx_uso_v4 = {
	NETCX_USO4, NETCX_SIZES,
};

static const struct netcx_gso_caps netcx_uso_v6 = {
	.l3 = NETCX_L3_IPV6, .l4 = NETCX_L4_UDP, NETCX_SIZES,
};

static const struct netcx_rsc_caps netcx_rsc_v4 = { .l3 = NETCX_L3_IPV4 };
static const struct netcx_rsc_caps netcx_rsc_v6 = { .l3 = NETCX_L3_IPV6 };

static const struct netcx_commit_case netcx_commit_cases[] = {
	{ .desc = "nothing declared" },
	{ .desc = "every offload", .tx = &netcx_tx_all, .rx = &netcx_rx_all,
	  .lso = &netcx_lso_v4, .uso = &netcx_uso_v6, .rsc = &netcx_rsc_v4 },
	{ .desc = "TX checksum without SG", .no_sg = true,
	  .tx = &netcx_tx_all },
	{ .desc = "LSO without SG", .no_sg = true, .tx = &netcx_tx_all,
	  .lso = &netcx_lso_v4,
	  .why = "LSO needs NETIF_F_SG in hw_features" },
	{ .desc = "LSO without TX checksum", .lso = &netcx_lso_v4,
	  .why = "LSO over IPv4 needs the TX checksum of TCP over IPv4" },
	{ .desc = "LSO IPv4 with UDP checksum", .tx = &netcx_tx_udp,
	  .lso = &netcx_lso_v4,
	  .why = "LSO over IPv4 needs the TX checksum of TCP over IPv4" },
	{ .desc = "LSO IPv6 with IPv4 checksum", .tx = &netcx_tx_v4,
	  .lso = &netcx_lso_v6,
	  .why = "LSO over IPv6 needs the TX checksum of TCP over IPv6" },
	{ .desc = "USO IPv4 with TCP checksum", .tx = &netcx_tx_tcp,
	  .uso = &netcx_uso_v4,
	  .why = "USO over IPv4 needs the TX checksum of UDP over IPv4" },
	{ .desc = "USO IPv6 with IPv4 checksum", .tx = &netcx_tx_v4,
	  .uso = &netcx_uso_v6,
	  .why = "USO over IPv6 needs the TX checksum of UDP over IPv6" },
	{ .desc = "USO IPv4, protocol checksum IPv4 only", .tx = &netcx_tx_v4,
	  .uso = &netcx_uso_v4,
	  .why = "USO needs a generic TX checksum or one of UDP over both IPv4 and IPv6" },
	{ .desc = "USO IPv4, generic checksum IPv4 only",
	  .tx = &netcx_tx_generic_v4_udp, .uso = &netcx_uso_v4 },
	{ .desc = "USO IPv4, protocol checksum UDP both", .tx = &netcx_tx_udp,
	  .uso = &netcx_uso_v4 },
	{ .desc = "RSC IPv4 with RX TCP4", .rx = &netcx_rx_v4,
	  .rsc = &netcx_rsc_v4 },
	{ .desc = "RSC without RX checksum", .rsc = &netcx_rsc_v4,
	  .why = "RSC over IPv4 needs the RX checksum of TCP over IPv4" },
	{ .desc = "RSC IPv4 with RX UDP", .rx = &netcx_rx_udp,
	  .rsc = &netcx_rsc_v4,
	  .why = "RSC over IPv4 needs the RX checksum of TCP over IPv4" },
	{ .desc = "RSC IPv6 with RX IPv4", .rx = &netcx_rx_v4,
	  .rsc = &netcx_rsc_v6,
	  .why = "RSC over IPv6 needs the RX checksum of TCP over IPv6" },
};

static void netcx_commit_case_desc(const struct netcx_commit_case *c,
				   char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(netcx_commit, netcx_commit_cases, netcx_commit_case_desc);

static void netcx_verify_commit(struct kunit *test)
{
	const struct netcx_commit_case *c = test->param_value;
	struct netcx_adapter *ad = test->priv;
	struct net_device *dev = netcx_adapter_netdev(ad);

	if (c->no_sg)
		dev->hw_features &= ~NETIF_F_SG;
	if (c->tx)
		KUNIT_ASSERT_EQ(test, netcx_set_tx_csum_caps(ad, c->tx), 0);
	if (c->rx)
		KUNIT_ASSERT_EQ(test, netcx_set_rx_csum_caps(ad, c->rx), 0);
	if (c->lso)
		KUNIT_ASSERT_EQ(test, netcx_set_lso_caps(ad, c->lso), 0);
	if (c->uso)
		KUNIT_ASSERT_EQ(test, netcx_set_uso_caps(ad, c->uso), 0);
	if (c->rsc)
		KUNIT_ASSERT_EQ(test, netcx_set_rsc_caps(ad, c->rsc), 0);

	netcx_expect_rule(test, netcx_check_adapter(ad), c->why);
	KUNIT_EXPECT_EQ(test, netcx_adapter_commit(ad),
			netcx_rule_errno(c->why));
}

/* A refused commit changes nothing and may be retried with fixed caps. */
static void netcx_verify_commit_retry(struct kunit *test)
{
	struct netcx_adapter *ad = test->priv;
	struct net_device *dev = netcx_adapter_netdev(ad);

	KUNIT_ASSERT_EQ(test, netcx_set_lso_caps(ad, &netcx_lso_v4), 0);
	KUNIT_EXPECT_EQ(test, netcx_adapter_commit(ad), -EINVAL);
	KUNIT_EXPECT_EQ(test, dev->hw_features & NETCX_FEATURES, 0);
	KUNIT_EXPECT_EQ(test, netcx_permitted(ad, NETCX_OFFLOAD_LSO), 0);

	KUNIT_ASSERT_EQ(test, netcx_set_tx_csum_caps(ad, &netcx_tx_tcp), 0);
	KUNIT_EXPECT_EQ(test, netcx_adapter_commit(ad), 0);
	KUNIT_EXPECT_EQ(test, netcx_permitted(ad, NETCX_OFFLOAD_LSO),
			NETCX_TCP4);
	KUNIT_EXPECT_TRUE(test, dev->hw_features & NETIF_F_TSO);
}

/* Rejected capabilities are not recorded: they break no later rule. */
static void netcx_verify_rejected_not_recorded(struct kunit *test)
{
	static const struct netcx_gso_caps bad = { NETCX_LSO4 };
	struct netcx_adapter *ad = test->priv;

	KUNIT_EXPECT_EQ(test, netcx_set_lso_caps(ad, &bad), -EINVAL);
	KUNIT_EXPECT_NULL(test, netcx_gso_limits(ad, NETCX_OFFLOAD_LSO));
	/* an LSO without TX checksum would break a commit rule */
	KUNIT_EXPECT_EQ(test, netcx_adapter_commit(ad), 0);
	KUNIT_EXPECT_EQ(test, netcx_permitted(ad, NETCX_OFFLOAD_LSO), 0);
}

/* A second declaration of one offload replaces the first. */
static void netcx_verify_redeclare(struct kunit *test)
{
	struct netcx_adapter *ad = test->priv;

	KUNIT_ASSERT_EQ(test, netcx_set_tx_csum_caps(ad, &netcx_tx_v4), 0);
	KUNIT_ASSERT_EQ(test, netcx_set_tx_csum_caps(ad, &netcx_tx_udp), 0);
	KUNIT_ASSERT_EQ(test, netcx_adapter_commit(ad), 0);
	KUNIT_EXPECT_EQ(test, netcx_permitted(ad, NETCX_OFFLOAD_TX_CSUM),
			NETCX_IPV4_HDR | NETCX_UDP4 | NETCX_UDP6);
}

static struct kunit_case netcx_verify_cases[] = {
	KUNIT_CASE_PARAM(netcx_verify_tx_csum, netcx_tx_gen_params),
	KUNIT_CASE_PARAM(netcx_verify_rx_csum, netcx_rx_gen_params),
	KUNIT_CASE_PARAM(netcx_verify_gso, netcx_gso_gen_params),
	KUNIT_CASE_PARAM(netcx_verify_rsc, netcx_rsc_gen_params),
	KUNIT_CASE_PARAM(netcx_verify_ieee8021q, netcx_tag_gen_params),
	KUNIT_CASE_PARAM(netcx_verify_commit, netcx_commit_gen_params),
	KUNIT_CASE(netcx_verify_commit_retry),
	KUNIT_CASE(netcx_verify_rejected_not_recorded),
	KUNIT_CASE(netcx_verify_redeclare),
	{}
};

static struct kunit_suite netcx_verify_suite = {
	.name = "netcx_verify",
	.init = netcx_verify_init,
	.exit = netcx_verify_exit,
	.test_cases = netcx_verify_cases,
};

kunit_test_suite(netcx_verify_suite);

MODULE_DESCRIPTION("KUnit tests of the netcx capability verifier");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(NETCX_NS);
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
