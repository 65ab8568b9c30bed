// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the encapsulated offloads' capabilities (every verifier rule, by
 * its message), their mapping to features, hw_enc_features and
 * gso_partial_features, feature changes through the change callbacks with
 * rollback, the tunnel keywords and the port number syntax, and the UDP
 * tunnel port table.
 *
 * The table is driven through the &struct udp_tunnel_nic_info netcx gives
 * the device, as udp_tunnel_nic would drive it: the fake device is never
 * registered, and the UML test kernel has no udp_tunnel module, so the
 * kernel's udp_tunnel_nic itself is not run here.
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/string.h>
#include <net/udp_tunnel.h>

#include <netcx/netcx.h>

#include "core/core.h"
#include "core/keywords.h"
#include "../testing/netcx_test.h"
#include "../testing/netcx_test_dev.h"

#define TX	NETCX_OFFLOAD_TX_CSUM
#define TCS	NETCX_OFFLOAD_TNL_CSUM
#define TGS	NETCX_OFFLOAD_TNL_GSO
#define TNL_ALL	(NETCX_TNL_KINDS | NETCX_TNL_CSUMS)
#define GSO_TNL	(NETIF_F_GSO_UDP_TUNNEL | NETIF_F_GSO_UDP_TUNNEL_CSUM | \
		 NETIF_F_GSO_GRE | NETIF_F_GSO_GRE_CSUM | \
		 NETIF_F_GSO_IPXIP4 | NETIF_F_GSO_IPXIP6)
#define CSUM_P	(NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM)

/* ---- verifier rules ---- */

struct netcx_tnl_rule {
	const char *name;
	/* the change to NETCX_TEST_TNL's tunnel capabilities */
	void (*edit)(struct netcx_tunnel_caps *c);
	/* expected: NULL (accepted) or the message */
	const char *why;
};

static void e_none(struct netcx_tunnel_caps *c)
{
}

static void e_outer_unknown(struct netcx_tunnel_caps *c)
{
	c->outer[NETCX_ENCAP_GRE] = BIT(4);
}

static void e_outer_none(struct netcx_tunnel_caps *c)
{
	memset(c->outer, 0, sizeof(c->outer));
}

static void e_outer_opts(struct netcx_tunnel_caps *c)
{
	c->outer[NETCX_ENCAP_IPXIP] = NETCX_L3_IPV4_OPTS;
}

static void e_outer_ext(struct netcx_tunnel_caps *c)
{
	c->outer[NETCX_ENCAP_GRE] = NETCX_L3_IPV6_EXT | NETCX_L3_IPV4;
}

static void e_inner_l3_unknown(struct netcx_tunnel_caps *c)
{
	c->inner_l3 |= BIT(7);
}

static void e_inner_l4_unknown(struct netcx_tunnel_caps *c)
{
	c->inner_l4 |= BIT(5);
}

static void e_inner_l4_none(struct netcx_tunnel_caps *c)
{
	c->inner_l4 = 0;
	c->gso_l4 = 0;
}

static void e_inner_l3_none(struct netcx_tunnel_caps *c)
{
	c->inner_l3 = 0;
}

static void e_inner_opts(struct netcx_tunnel_caps *c)
{
	c->inner_l3 = NETCX_L3_IPV4_OPTS | NETCX_L3_IPV6;
}

static void e_inner_ext(struct netcx_tunnel_caps *c)
{
	c->inner_l3 = NETCX_L3_IPV6_EXT | NETCX_L3_IPV4;
}

static void e_inner_tcpopts(struct netcx_tunnel_caps *c)
{
	c->inner_l4 = NETCX_L4_TCP_OPTS | NETCX_L4_UDP;
	c->gso_l4 = NETCX_L4_UDP;
}

static void e_lim3_low(struct netcx_tunnel_caps *c)
{
	c->inner_l3_offset_limit = 33;
}

static void e_lim3_ok(struct netcx_tunnel_caps *c)
{
	c->inner_l3_offset_limit = 34;
}

static void e_lim4_low(struct netcx_tunnel_caps *c)
{
	c->inner_l4_offset_limit = 53;
}

static void e_lim4_ok(struct netcx_tunnel_caps *c)
{
	c->inner_l4_offset_limit = 54;
}

static void e_lim4_below3(struct netcx_tunnel_caps *c)
{
	c->inner_l3_offset_limit = 100;
	c->inner_l4_offset_limit = 119;
}

static void e_gso_unknown(struct netcx_tunnel_caps *c)
{
	c->gso_l4 |= BIT(6);
}

static void e_gso_opts(struct netcx_tunnel_caps *c)
{
	c->gso_l4 = NETCX_L4_TCP_OPTS;
}

static void e_gso_no_csum(struct netcx_tunnel_caps *c)
{
	c->inner_l4 = NETCX_L4_TCP | NETCX_L4_TCP_OPTS;
}

static void e_ports_big(struct netcx_tunnel_caps *c)
{
	c->ports[1].entries = NETCX_TNL_PORTS_MAX + 1;
}

static void e_ports_16(struct netcx_tunnel_caps *c)
{
	c->ports[1].entries = NETCX_TNL_PORTS_MAX;
}

static void e_ports_gre(struct netcx_tunnel_caps *c)
{
	c->ports[1].encaps |= BIT(NETCX_ENCAP_GRE);
}

static void e_ports_no_encap(struct netcx_tunnel_caps *c)
{
	c->ports[1].encaps = 0;
}

static void e_ports_no_entries(struct netcx_tunnel_caps *c)
{
	c->ports[1].entries = 0;
}

static void e_ports_undeclared(struct netcx_tunnel_caps *c)
{
	c->outer[NETCX_ENCAP_GENEVE] = 0;
}

static void e_ports_gap(struct netcx_tunnel_caps *c)
{
	c->ports[0].entries = 0;
	c->ports[0].encaps = 0;
}

static void e_no_vxlan_table(struct netcx_tunnel_caps *c)
{
	c->ports[0].encaps = BIT(NETCX_ENCAP_GENEVE);
	c->ports[1].entries = 0;
	c->ports[1].encaps = 0;
}

static void e_no_geneve_table(struct netcx_tunnel_caps *c)
{
	c->ports[0].encaps = BIT(NETCX_ENCAP_VXLAN);
}

static void e_gre_only(struct netcx_tunnel_caps *c)
{
	memset(c->outer, 0, sizeof(c->outer));
	memset(c->ports, 0, sizeof(c->ports));
	c->outer[NETCX_ENCAP_GRE] = NETCX_L3_IPV4;
}

static const struct netcx_tnl_rule netcx_tnl_rules[] = {
	{ "valid", e_none, NULL },
	{ "GRE only, no table", e_gre_only, NULL },
	{ "outer unknown", e_outer_unknown, "unknown outer layer-3 flag" },
	{ "outer none", e_outer_none,
	  "no encapsulation with an outer layer-3 flag" },
	{ "outer opts", e_outer_opts,
	  "outer IPv4-with-options flag without the outer IPv4 flag" },
	{ "outer ext", e_outer_ext,
	  "outer IPv6-with-extension-headers flag without the outer IPv6 flag" },
	{ "inner l3 unknown", e_inner_l3_unknown, "unknown inner layer-3 flag" },
	{ "inner l4 unknown", e_inner_l4_unknown, "unknown inner layer-4 flag" },
	{ "inner l4 none", e_inner_l4_none,
	  "no inner layer-4 flag (the inner checksum is every tunnel offload's base)" },
	{ "inner l3 none", e_inner_l3_none,
	  "inner layer-4 flags without an inner layer-3 flag" },
	{ "inner opts", e_inner_opts,
	  "inner IPv4-with-options flag without the inner IPv4 flag" },
	{ "inner ext", e_inner_ext,
	  "inner IPv6-with-extension-headers flag without the inner IPv6 flag" },
	{ "inner tcp opts", e_inner_tcpopts,
	  "inner TCP-with-options flag without the inner TCP flag" },
	{ "l3 limit 33", e_lim3_low,
	  "inner layer-3 offset limit below outer Ethernet and IPv4 headers" },
	{ "l3 limit 34", e_lim3_ok, NULL },
	{ "l4 limit 53", e_lim4_low,
	  "inner layer-4 offset limit below Ethernet and two IPv4 headers" },
	{ "l4 limit 54", e_lim4_ok, NULL },
	{ "l4 limit below l3", e_lim4_below3,
	  "inner layer-4 offset limit below the inner layer-3 one plus an IPv4 header" },
	{ "gso unknown", e_gso_unknown, "unknown tunnel segmentation flag" },
	{ "gso tcp opts", e_gso_opts,
	  "tunnel segmentation TCP-with-options flag without the TCP flag" },
	{ "gso without csum", e_gso_no_csum,
	  "tunnel segmentation of an inner transport without its inner checksum" },
	{ "17 ports", e_ports_big, "UDP tunnel port table above 16 entries" },
	{ "16 ports", e_ports_16, NULL },
	{ "port table for GRE", e_ports_gre,
	  "UDP tunnel port table for other than VXLAN and GENEVE" },
	{ "port table for none", e_ports_no_encap,
	  "UDP tunnel port table for no encapsulation" },
	{ "port table empty", e_ports_no_entries,
	  "UDP tunnel port table with no entries" },
	{ "port table undeclared", e_ports_undeclared,
	  "UDP tunnel port table for an undeclared encapsulation" },
	{ "port tables gap", e_ports_gap,
	  "UDP tunnel port tables not filled from the first" },
	{ "no VXLAN table", e_no_vxlan_table,
	  "VXLAN without a UDP tunnel port table for it" },
	{ "no GENEVE table", e_no_geneve_table,
	  "GENEVE without a UDP tunnel port table for it" },
};

static void netcx_tnl_rule_desc(const struct netcx_tnl_rule *r, char *desc)
{
	strscpy(desc, r->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(netcx_tnl_rule, netcx_tnl_rules, netcx_tnl_rule_desc);

static void netcx_tunnel_rules(struct kunit *test)
{
	const struct netcx_tnl_rule *r = test->param_value;
	struct netcx_tunnel_caps caps =
		netcx_test_profiles[NETCX_TEST_TNL].tnl;
	struct netcx_adapter *ad;
	const char *why;

	r->edit(&caps);
	why = netcx_check_tunnel(&caps);
	if (!r->why) {
		KUNIT_EXPECT_NULL_MSG(test, why, "rule broken: %s", why);
	} else {
		KUNIT_ASSERT_NOT_NULL_MSG(test, why, "expected: %s", r->why);
		KUNIT_EXPECT_STREQ(test, why, r->why);
	}
	/* netcx_set_tunnel_caps() applies the same rules */
	ad = netcx_test_dev(test, NULL, NETIF_F_SG);
	KUNIT_EXPECT_EQ(test, netcx_set_tunnel_caps(ad, &caps),
			r->why ? -EINVAL : 0);
	KUNIT_EXPECT_EQ(test, !!(ad->declared & BIT(TCS)), !r->why);
}

/* ---- rules at commit ---- */

struct netcx_tnl_dep {
	const char *name;
	enum netcx_test_profile profile;
	bool drop_tx, drop_lso, drop_uso;
	const char *why;
};

static const struct netcx_tnl_dep netcx_tnl_deps[] = {
	{ "full", NETCX_TEST_TNL, false, false, false, NULL },
	{ "no TX checksum", NETCX_TEST_TNL_CSUM, true, true, true,
	  "tunnel offloads need the TX checksum" },
	{ "no LSO", NETCX_TEST_TNL, false, true, false,
	  "tunnel segmentation of inner TCP needs LSO" },
	{ "no USO", NETCX_TEST_TNL, false, false, true,
	  "tunnel segmentation of inner UDP needs USO" },
	{ "checksum only, no LSO or USO", NETCX_TEST_TNL_CSUM,
	  false, true, true, NULL },
};

static void netcx_tnl_dep_desc(const struct netcx_tnl_dep *d, char *desc)
{
	strscpy(desc, d->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(netcx_tnl_dep, netcx_tnl_deps, netcx_tnl_dep_desc);

static void netcx_tunnel_deps(struct kunit *test)
{
	const struct netcx_tnl_dep *d = test->param_value;
	struct netcx_adapter *ad = netcx_test_dev(test, NULL, NETIF_F_SG);
	const char *why;

	KUNIT_ASSERT_EQ(test, netcx_test_declare(ad, d->profile), 0);
	if (d->drop_tx)
		ad->declared &= ~BIT(TX);
	if (d->drop_lso)
		ad->declared &= ~BIT(NETCX_OFFLOAD_LSO);
	if (d->drop_uso)
		ad->declared &= ~BIT(NETCX_OFFLOAD_USO);
	why = netcx_check_adapter(ad);
	if (!d->why) {
		KUNIT_EXPECT_NULL_MSG(test, why, "rule broken: %s", why);
		KUNIT_EXPECT_EQ(test, netcx_adapter_commit(ad), 0);
		return;
	}
	KUNIT_ASSERT_NOT_NULL(test, why);
	KUNIT_EXPECT_STREQ(test, why, d->why);
	KUNIT_EXPECT_EQ(test, netcx_adapter_commit(ad), -EINVAL);
}

static void netcx_tunnel_declare(struct kunit *test)
{
	const struct netcx_tunnel_caps *tnl =
		&netcx_test_profiles[NETCX_TEST_TNL].tnl;
	struct netcx_adapter *ad = netcx_test_dev(test, NULL, NETIF_F_SG);
	struct netcx_tunnel_caps caps = *tnl;

	KUNIT_EXPECT_EQ(test, netcx_set_tunnel_caps(ad, &caps), 0);
	KUNIT_EXPECT_TRUE(test, ad->declared & BIT(TGS));
	/* a second call replaces the first: no segmentation now */
	caps.gso_l4 = 0;
	KUNIT_EXPECT_EQ(test, netcx_set_tunnel_caps(ad, &caps), 0);
	KUNIT_EXPECT_TRUE(test, ad->declared & BIT(TCS));
	KUNIT_EXPECT_FALSE(test, ad->declared & BIT(TGS));
	KUNIT_EXPECT_EQ(test, netcx_tnl_hw_kinds(ad, TCS), NETCX_TNL_KINDS);
	KUNIT_EXPECT_EQ(test, netcx_tnl_hw_kinds(ad, TGS), TNL_ALL);
	/* refused after commit */
	KUNIT_ASSERT_EQ(test, netcx_test_declare(ad, NETCX_TEST_TNL), 0);
	KUNIT_ASSERT_EQ(test, netcx_adapter_commit(ad), 0);
	KUNIT_EXPECT_EQ(test, netcx_set_tunnel_caps(ad, tnl), -EBUSY);
}

/* ---- mapping ---- */

struct netcx_tnl_map {
	const char *name;
	enum netcx_test_profile profile;
	const char *keywords;
	/* expected */
	u32 csum, gso;			/* permitted kinds */
	netdev_features_t tnl;		/* features & NETCX_TNL_FEATURES */
	netdev_features_t enc;		/* hw_enc_features & NETCX_FEATURES */
	netdev_features_t partial;	/* gso_partial_features */
};

static const struct netcx_tnl_map netcx_tnl_maps[] = {
	{ "full", NETCX_TEST_TNL, "",
	  NETCX_TNL_KINDS, TNL_ALL, GSO_TNL,
	  CSUM_P | NETIF_F_TSO | NETIF_F_TSO6 | NETIF_F_GSO_UDP_L4 | GSO_TNL,
	  0 },
	{ "partial", NETCX_TEST_TNL_PARTIAL, "",
	  NETCX_TNL_VXLAN4 | NETCX_TNL_GRE4,
	  NETCX_TNL_VXLAN4 | NETCX_TNL_GRE4 | NETCX_TNL_CSUMS,
	  NETIF_F_GSO_UDP_TUNNEL | NETIF_F_GSO_UDP_TUNNEL_CSUM |
	  NETIF_F_GSO_GRE | NETIF_F_GSO_GRE_CSUM | NETIF_F_GSO_PARTIAL,
	  NETIF_F_HW_CSUM | NETIF_F_TSO | NETIF_F_GSO_UDP_TUNNEL |
	  NETIF_F_GSO_UDP_TUNNEL_CSUM | NETIF_F_GSO_GRE |
	  NETIF_F_GSO_GRE_CSUM | NETIF_F_GSO_PARTIAL,
	  NETIF_F_GSO_UDP_TUNNEL_CSUM | NETIF_F_GSO_GRE_CSUM },
	{ "checksum only", NETCX_TEST_TNL_CSUM, "",
	  NETCX_TNL_KINDS, 0, 0, CSUM_P, 0 },
	{ "full, tunnels off", NETCX_TEST_TNL,
	  "*EncapsulatedPacketTaskOffload=0", 0, 0, 0, 0, 0 },
	{ "full, VXLAN off", NETCX_TEST_TNL,
	  "*EncapsulatedPacketTaskOffloadVxlan=0",
	  NETCX_TNL_KINDS & ~NETCX_TNL_VXLAN, TNL_ALL & ~NETCX_TNL_VXLAN,
	  GSO_TNL,
	  CSUM_P | NETIF_F_TSO | NETIF_F_TSO6 | NETIF_F_GSO_UDP_L4 | GSO_TNL,
	  0 },
	{ "full, GRE off", NETCX_TEST_TNL,
	  "*EncapsulatedPacketTaskOffloadNvgre=0",
	  NETCX_TNL_KINDS & ~NETCX_TNL_GRE,
	  TNL_ALL & ~(NETCX_TNL_GRE | NETCX_TNL_GRE_CSUM),
	  GSO_TNL & ~(NETIF_F_GSO_GRE | NETIF_F_GSO_GRE_CSUM),
	  CSUM_P | NETIF_F_TSO | NETIF_F_TSO6 | NETIF_F_GSO_UDP_L4 |
	  (GSO_TNL & ~(NETIF_F_GSO_GRE | NETIF_F_GSO_GRE_CSUM)), 0 },
	{ "full, VXLAN and GRE off", NETCX_TEST_TNL,
	  "*EncapsulatedPacketTaskOffloadVxlan=0,*EncapsulatedPacketTaskOffloadNvgre=0",
	  NETCX_TNL_KINDS & ~(NETCX_TNL_GRE | NETCX_TNL_VXLAN),
	  TNL_ALL & ~(NETCX_TNL_GRE | NETCX_TNL_GRE_CSUM | NETCX_TNL_VXLAN),
	  GSO_TNL & ~(NETIF_F_GSO_GRE | NETIF_F_GSO_GRE_CSUM),
	  CSUM_P | NETIF_F_TSO | NETIF_F_TSO6 | NETIF_F_GSO_UDP_L4 |
	  (GSO_TNL & ~(NETIF_F_GSO_GRE | NETIF_F_GSO_GRE_CSUM)), 0 },
	{ "full, no LSO or USO", NETCX_TEST_TNL,
	  "*LsoV2IPv4=0,*LsoV2IPv6=0,*UsoIPv4=0,*UsoIPv6=0",
	  NETCX_TNL_KINDS, 0, 0, CSUM_P, 0 },
	{ "full, no IPv6 checksums", NETCX_TEST_TNL,
	  "*TCPChecksumOffloadIPv6=0,*UDPChecksumOffloadIPv6=0",
	  NETCX_TNL_OUTER4, NETCX_TNL_OUTER4 | NETCX_TNL_CSUMS,
	  GSO_TNL & ~NETIF_F_GSO_IPXIP6,
	  NETIF_F_IP_CSUM | NETIF_F_TSO | (GSO_TNL & ~NETIF_F_GSO_IPXIP6), 0 },
	{ "partial, LSO off", NETCX_TEST_TNL_PARTIAL, "*LsoV2IPv4=0",
	  NETCX_TNL_VXLAN4 | NETCX_TNL_GRE4, 0, 0, NETIF_F_HW_CSUM, 0 },
	{ "partial, TX checksums off", NETCX_TEST_TNL_PARTIAL,
	  "*TCPUDPChecksumOffloadIPv4=2,*TCPUDPChecksumOffloadIPv6=2",
	  0, 0, 0, 0, 0 },
};

static void netcx_tnl_map_desc(const struct netcx_tnl_map *m, char *desc)
{
	strscpy(desc, m->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(netcx_tnl_map, netcx_tnl_maps, netcx_tnl_map_desc);

static void netcx_tunnel_mapping(struct kunit *test)
{
	const struct netcx_tnl_map *m = test->param_value;
	struct netcx_adapter *ad = netcx_test_dev(test, NULL, NETIF_F_SG);
	struct net_device *dev = netcx_adapter_netdev(ad);

	dev->hw_enc_features = NETIF_F_SG | NETIF_F_HW_CSUM;
	KUNIT_ASSERT_EQ(test, netcx_test_declare(ad, m->profile), 0);
	KUNIT_ASSERT_EQ(test, netcx_set_keywords(ad, m->keywords), 0);
	KUNIT_ASSERT_EQ(test, netcx_adapter_commit(ad), 0);

	KUNIT_EXPECT_EQ(test, netcx_permitted(ad, TCS), m->csum);
	KUNIT_EXPECT_EQ(test, netcx_permitted(ad, TGS), m->gso);
	KUNIT_EXPECT_EQ(test, dev->features & NETCX_TNL_FEATURES, m->tnl);
	KUNIT_EXPECT_EQ(test, dev->hw_features & NETCX_TNL_FEATURES, m->tnl);
	KUNIT_EXPECT_EQ(test, dev->hw_enc_features & NETCX_FEATURES, m->enc);
	/* the driver's own bits stay */
	KUNIT_EXPECT_EQ(test, dev->hw_enc_features & ~NETCX_FEATURES,
			NETIF_F_SG);
	KUNIT_EXPECT_EQ(test, dev->gso_partial_features, m->partial);
	/* every permitted kind is active to begin with */
	KUNIT_EXPECT_EQ(test, netcx_active(ad, TCS), m->csum);
	KUNIT_EXPECT_EQ(test, netcx_active(ad, TGS), m->gso);
	/* tunnel bits never reach VLAN devices */
	KUNIT_EXPECT_EQ(test, dev->vlan_features & NETCX_TNL_FEATURES, 0);
}

/* Nothing changes for a device that declares no tunnel capabilities. */
static void netcx_tunnel_none(struct kunit *test)
{
	struct netcx_adapter *ad = netcx_test_dev(test, NULL, NETIF_F_SG);
	struct net_device *dev = netcx_adapter_netdev(ad);

	KUNIT_ASSERT_EQ(test, netcx_test_declare(ad, NETCX_TEST_FULL), 0);
	KUNIT_ASSERT_EQ(test, netcx_adapter_commit(ad), 0);
	KUNIT_EXPECT_EQ(test, dev->hw_features & NETCX_TNL_FEATURES, 0);
	KUNIT_EXPECT_EQ(test, dev->hw_enc_features & NETCX_FEATURES, 0);
	KUNIT_EXPECT_EQ(test, dev->gso_partial_features, 0);
	KUNIT_EXPECT_NULL(test, dev->udp_tunnel_nic_info);
	KUNIT_EXPECT_EQ(test, netcx_permitted(ad, TCS), 0);
	KUNIT_EXPECT_EQ(test, netcx_permitted(ad, TGS), 0);
}

/* ---- feature changes: callbacks and rollback ---- */

#define NETCX_TNL_LOG	8

static struct {
	int n;
	struct { u8 off; u32 kinds; } call[NETCX_TNL_LOG];
	int fail_off;		/* the offload whose callback fails, or -1 */
	int ports;
	struct {
		unsigned int table, entry;
		__be16 port;
		enum netcx_encap encap;
	} port[NETCX_TNL_LOG];
	int port_err;
} netcx_tnl_log;

static int netcx_tnl_changed(struct net_device *dev, enum netcx_offload off,
			     u32 kinds)
{
	if (netcx_tnl_log.n < NETCX_TNL_LOG) {
		netcx_tnl_log.call[netcx_tnl_log.n].off = off;
		netcx_tnl_log.call[netcx_tnl_log.n].kinds = kinds;
	}
	netcx_tnl_log.n++;
	return off == netcx_tnl_log.fail_off ? -EIO : 0;
}

#define NETCX_TNL_CB(off)						\
static int netcx_tnl_changed_##off(struct net_device *dev, u32 kinds)	\
{									\
	return netcx_tnl_changed(dev, NETCX_OFFLOAD_##off, kinds);	\
}

NETCX_TNL_CB(TX_CSUM)
NETCX_TNL_CB(TNL_CSUM)
NETCX_TNL_CB(TNL_GSO)

static int netcx_tnl_port(struct net_device *dev, unsigned int table,
			  unsigned int entry, __be16 port,
			  enum netcx_encap encap)
{
	int i = netcx_tnl_log.ports++;

	if (i < NETCX_TNL_LOG) {
		netcx_tnl_log.port[i].table = table;
		netcx_tnl_log.port[i].entry = entry;
		netcx_tnl_log.port[i].port = port;
		netcx_tnl_log.port[i].encap = encap;
	}
	return netcx_tnl_log.port_err;
}

static const struct netcx_adapter_ops netcx_tnl_ops = {
	.changed = {
		[NETCX_OFFLOAD_TX_CSUM] = netcx_tnl_changed_TX_CSUM,
		[NETCX_OFFLOAD_TNL_CSUM] = netcx_tnl_changed_TNL_CSUM,
		[NETCX_OFFLOAD_TNL_GSO] = netcx_tnl_changed_TNL_GSO,
	},
	.tunnel_port = netcx_tnl_port,
};

/* A device of @profile with @keywords and the logging ops, committed. */
static struct netcx_adapter *netcx_tnl_dev(struct kunit *test,
					   enum netcx_test_profile profile,
					   const char *keywords)
{
	struct netcx_adapter *ad = netcx_test_dev(test, NULL, NETIF_F_SG);

	memset(&netcx_tnl_log, 0, sizeof(netcx_tnl_log));
	netcx_tnl_log.fail_off = -1;
	ad->ops = &netcx_tnl_ops;
	KUNIT_EXPECT_EQ(test, netcx_test_declare(ad, profile), 0);
	KUNIT_EXPECT_EQ(test, netcx_set_keywords(ad, keywords), 0);
	KUNIT_EXPECT_EQ(test, netcx_adapter_commit(ad), 0);
	return ad;
}

static void netcx_tnl_expect_call(struct kunit *test, int i,
				  enum netcx_offload off, u32 kinds)
{
	KUNIT_ASSERT_LT(test, i, NETCX_TNL_LOG);
	KUNIT_EXPECT_EQ_MSG(test, netcx_tnl_log.call[i].off, off, "call %d", i);
	KUNIT_EXPECT_EQ_MSG(test, netcx_tnl_log.call[i].kinds, kinds,
			    "call %d", i);
}

/* Apply @features as ethtool -K would after the stack's fix-ups. */
static int netcx_tnl_set(struct netcx_adapter *ad, netdev_features_t features)
{
	struct net_device *dev = netcx_adapter_netdev(ad);
	int err;

	rtnl_lock();
	features = netcx_fix_features(ad, features);
	err = netcx_set_features(ad, features);
	if (!err)
		dev->features = features;
	rtnl_unlock();
	return err;
}

static void netcx_tunnel_ethtool(struct kunit *test)
{
	struct netcx_adapter *ad = netcx_tnl_dev(test, NETCX_TEST_TNL, "");
	struct net_device *dev = netcx_adapter_netdev(ad);
	netdev_features_t f = dev->features;

	/* tx-udp_tnl-csum-segmentation off */
	KUNIT_EXPECT_EQ(test, netcx_tnl_set(ad, f & ~NETIF_F_GSO_UDP_TUNNEL_CSUM), 0);
	KUNIT_EXPECT_EQ(test, netcx_tnl_log.n, 1);
	netcx_tnl_expect_call(test, 0, TGS, TNL_ALL & ~NETCX_TNL_UDP_CSUM);
	KUNIT_EXPECT_EQ(test, netcx_active(ad, TGS), TNL_ALL & ~NETCX_TNL_UDP_CSUM);

	/* tx-udp_tnl-segmentation, tx-gre-segmentation, tx-ipxip4 off */
	netcx_tnl_log.n = 0;
	f = dev->features & ~(NETIF_F_GSO_UDP_TUNNEL | NETIF_F_GSO_GRE |
			      NETIF_F_GSO_IPXIP4);
	KUNIT_EXPECT_EQ(test, netcx_tnl_set(ad, f), 0);
	KUNIT_EXPECT_EQ(test, netcx_tnl_log.n, 1);
	netcx_tnl_expect_call(test, 0, TGS,
			      NETCX_TNL_GRE_CSUM | NETCX_TNL_IPXIP6);

	/* tx-checksum-ipv4 off: the TX checksum and the tunnels over IPv4 */
	netcx_tnl_log.n = 0;
	KUNIT_EXPECT_EQ(test, netcx_tnl_set(ad, dev->features & ~NETIF_F_IP_CSUM), 0);
	KUNIT_EXPECT_EQ(test, netcx_tnl_log.n, 2);
	netcx_tnl_expect_call(test, 0, TX, NETCX_KINDS_V6);
	netcx_tnl_expect_call(test, 1, TCS, NETCX_TNL_OUTER6);

	/* everything back on */
	netcx_tnl_log.n = 0;
	KUNIT_EXPECT_EQ(test, netcx_tnl_set(ad, dev->hw_features), 0);
	KUNIT_EXPECT_EQ(test, netcx_tnl_log.n, 3);
	netcx_tnl_expect_call(test, 1, TCS, NETCX_TNL_KINDS);
	netcx_tnl_expect_call(test, 2, TGS, TNL_ALL);

	/* paused: every tunnel bit off */
	ad->paused = true;
	KUNIT_EXPECT_EQ(test, netcx_fix_features(ad, dev->features) &
			NETCX_TNL_FEATURES, 0);
	ad->paused = false;
}

static void netcx_tunnel_rollback(struct kunit *test)
{
	struct netcx_adapter *ad = netcx_tnl_dev(test, NETCX_TEST_TNL, "");
	struct net_device *dev = netcx_adapter_netdev(ad);
	netdev_features_t before = dev->features;

	netcx_tnl_log.fail_off = TGS;
	KUNIT_EXPECT_EQ(test, netcx_tnl_set(ad, before & ~(NETIF_F_IPV6_CSUM |
						       NETIF_F_GSO_IPXIP6)),
			-EIO);
	KUNIT_EXPECT_EQ(test, dev->features, before);
	KUNIT_EXPECT_EQ(test, netcx_tnl_log.n, 5);
	netcx_tnl_expect_call(test, 0, TX, NETCX_KINDS_V4);
	netcx_tnl_expect_call(test, 1, TCS, NETCX_TNL_OUTER4);
	netcx_tnl_expect_call(test, 2, TGS, TNL_ALL & ~NETCX_TNL_IPXIP6);
	/* restored in reverse order, with the old kinds */
	netcx_tnl_expect_call(test, 3, TCS, NETCX_TNL_KINDS);
	netcx_tnl_expect_call(test, 4, TX, NETCX_KINDS_V4 | NETCX_KINDS_V6);
	KUNIT_EXPECT_EQ(test, netcx_active(ad, TGS), TNL_ALL);
}

/* ---- the UDP tunnel port table ---- */

static void netcx_tnl_expect_port(struct kunit *test, int i,
				  unsigned int table, unsigned int entry,
				  u16 port, enum netcx_encap encap)
{
	KUNIT_ASSERT_LT(test, i, NETCX_TNL_LOG);
	KUNIT_EXPECT_EQ_MSG(test, netcx_tnl_log.port[i].table, table, "port %d", i);
	KUNIT_EXPECT_EQ_MSG(test, netcx_tnl_log.port[i].entry, entry, "port %d", i);
	KUNIT_EXPECT_EQ_MSG(test, be16_to_cpu(netcx_tnl_log.port[i].port), port,
			    "port %d", i);
	if (port)
		KUNIT_EXPECT_EQ_MSG(test, netcx_tnl_log.port[i].encap, encap,
				    "port %d", i);
}

/* udp_tunnel_nic's call of @info->set_port (or unset_port with @unset). */
static int netcx_tnl_utn(struct net_device *dev, bool unset,
			 unsigned int table, unsigned int entry, u16 port,
			 unsigned short type)
{
	const struct udp_tunnel_nic_info *info = dev->udp_tunnel_nic_info;
	struct udp_tunnel_info ti = {
		.type = type,
		.sa_family = AF_INET,
		.port = cpu_to_be16(port),
	};
	int err;

	rtnl_lock();
	err = unset ? info->unset_port(dev, table, entry, &ti) :
		      info->set_port(dev, table, entry, &ti);
	rtnl_unlock();
	return err;
}

static void netcx_tunnel_ports(struct kunit *test)
{
	struct netcx_adapter *ad = netcx_tnl_dev(test, NETCX_TEST_TNL, "");
	struct net_device *dev = netcx_adapter_netdev(ad);
	const struct udp_tunnel_nic_info *info = dev->udp_tunnel_nic_info;

	KUNIT_ASSERT_PTR_EQ(test, info, &ad->tnl.utn);
	KUNIT_EXPECT_NOT_NULL(test, info->set_port);
	KUNIT_EXPECT_NOT_NULL(test, info->unset_port);
	KUNIT_EXPECT_NULL(test, info->sync_table);
	KUNIT_EXPECT_FALSE(test, info->flags & UDP_TUNNEL_NIC_INFO_IPV4_ONLY);
	KUNIT_EXPECT_EQ(test, info->tables[0].n_entries, NETCX_TEST_TNL_PORTS0);
	KUNIT_EXPECT_EQ(test, info->tables[0].tunnel_types,
			UDP_TUNNEL_TYPE_VXLAN | UDP_TUNNEL_TYPE_GENEVE);
	KUNIT_EXPECT_EQ(test, info->tables[1].n_entries, NETCX_TEST_TNL_PORTS1);
	KUNIT_EXPECT_EQ(test, info->tables[1].tunnel_types,
			UDP_TUNNEL_TYPE_VXLAN);
	KUNIT_EXPECT_EQ(test, info->tables[2].n_entries, 0);
	KUNIT_EXPECT_EQ(test, netcx_tnl_log.ports, 0);

	/* VXLAN 4789 in table 0 entry 1, GENEVE 6081 in table 1... */
	KUNIT_EXPECT_EQ(test, netcx_tnl_utn(dev, false, 0, 1, 4789,
					    UDP_TUNNEL_TYPE_VXLAN), 0);
	KUNIT_EXPECT_EQ(test, netcx_tnl_utn(dev, false, 0, 3, 6081,
					    UDP_TUNNEL_TYPE_GENEVE), 0);
	KUNIT_EXPECT_EQ(test, netcx_tnl_utn(dev, false, 1, 1, 8472,
					    UDP_TUNNEL_TYPE_VXLAN), 0);
	KUNIT_EXPECT_EQ(test, netcx_tnl_log.ports, 3);
	netcx_tnl_expect_port(test, 0, 0, 1, 4789, NETCX_ENCAP_VXLAN);
	netcx_tnl_expect_port(test, 1, 0, 3, 6081, NETCX_ENCAP_GENEVE);
	netcx_tnl_expect_port(test, 2, 1, 1, 8472, NETCX_ENCAP_VXLAN);
	KUNIT_EXPECT_EQ(test, netcx_tunnel_port_encap(ad, htons(4789)),
			NETCX_ENCAP_VXLAN);
	KUNIT_EXPECT_EQ(test, netcx_tunnel_port_encap(ad, htons(6081)),
			NETCX_ENCAP_GENEVE);
	KUNIT_EXPECT_EQ(test, netcx_tunnel_port_encap(ad, htons(8472)),
			NETCX_ENCAP_VXLAN);
	/* a port not in the table, and 0, are not tunnels */
	KUNIT_EXPECT_EQ(test, netcx_tunnel_port_encap(ad, htons(4790)), -ENOENT);
	KUNIT_EXPECT_EQ(test, netcx_tunnel_port_encap(ad, 0), -ENOENT);

	/* removed */
	KUNIT_EXPECT_EQ(test, netcx_tnl_utn(dev, true, 0, 1, 4789,
					    UDP_TUNNEL_TYPE_VXLAN), 0);
	netcx_tnl_expect_port(test, 3, 0, 1, 0, 0);
	KUNIT_EXPECT_EQ(test, netcx_tunnel_port_encap(ad, htons(4789)), -ENOENT);
	KUNIT_EXPECT_EQ(test, netcx_tunnel_port_encap(ad, htons(6081)),
			NETCX_ENCAP_GENEVE);

	/* refused by the driver: forgotten, and the error passed on */
	netcx_tnl_log.port_err = -ENOSPC;
	KUNIT_EXPECT_EQ(test, netcx_tnl_utn(dev, false, 0, 3, 4789,
					    UDP_TUNNEL_TYPE_VXLAN), -ENOSPC);
	KUNIT_EXPECT_EQ(test, netcx_tunnel_port_encap(ad, htons(4789)), -ENOENT);
	KUNIT_EXPECT_EQ(test, netcx_tunnel_port_encap(ad, htons(6081)), -ENOENT);
	netcx_tnl_log.port_err = 0;

	/* out of the tables udp_tunnel_nic was given */
	KUNIT_EXPECT_EQ(test, netcx_tnl_utn(dev, false, 2, 0, 4789,
					    UDP_TUNNEL_TYPE_VXLAN), -EINVAL);
	KUNIT_EXPECT_EQ(test, netcx_tnl_utn(dev, false, 1, 2, 4789,
					    UDP_TUNNEL_TYPE_VXLAN), -EINVAL);
}

static void netcx_tunnel_ports_pinned(struct kunit *test)
{
	struct netcx_adapter *ad =
		netcx_tnl_dev(test, NETCX_TEST_TNL, "*VxlanUDPPortNumber=4790");
	struct net_device *dev = netcx_adapter_netdev(ad);
	const struct udp_tunnel_nic_info *info = dev->udp_tunnel_nic_info;

	/* told at commit, in entry 0 of the first VXLAN table */
	KUNIT_EXPECT_EQ(test, netcx_tnl_log.ports, 1);
	netcx_tnl_expect_port(test, 0, 0, 0, 4790, NETCX_ENCAP_VXLAN);
	KUNIT_EXPECT_EQ(test, netcx_tunnel_port_encap(ad, htons(4790)),
			NETCX_ENCAP_VXLAN);
	/* udp_tunnel_nic gets the rest of the table, shifted by one */
	KUNIT_ASSERT_PTR_EQ(test, info, &ad->tnl.utn);
	KUNIT_EXPECT_EQ(test, info->tables[0].n_entries,
			NETCX_TEST_TNL_PORTS0 - 1);
	KUNIT_EXPECT_EQ(test, info->tables[1].n_entries, NETCX_TEST_TNL_PORTS1);
	KUNIT_EXPECT_EQ(test, netcx_tnl_utn(dev, false, 0, 0, 6081,
					    UDP_TUNNEL_TYPE_GENEVE), 0);
	netcx_tnl_expect_port(test, 1, 0, 1, 6081, NETCX_ENCAP_GENEVE);
	KUNIT_EXPECT_EQ(test, netcx_tnl_utn(dev, false, 0, 2, 1,
					    UDP_TUNNEL_TYPE_VXLAN), 0);
	netcx_tnl_expect_port(test, 2, 0, 3, 1, NETCX_ENCAP_VXLAN);
	KUNIT_EXPECT_EQ(test, netcx_tnl_utn(dev, false, 0, 3, 2,
					    UDP_TUNNEL_TYPE_VXLAN), -EINVAL);
	KUNIT_EXPECT_EQ(test, netcx_tunnel_port_encap(ad, htons(4790)),
			NETCX_ENCAP_VXLAN);
}

static void netcx_tunnel_ports_small(struct kunit *test)
{
	struct netcx_adapter *ad;
	struct net_device *dev;

	/* one VXLAN entry over IPv4 only: udp_tunnel_nic gets it, IPv4 only */
	ad = netcx_tnl_dev(test, NETCX_TEST_TNL_PARTIAL, "");
	dev = netcx_adapter_netdev(ad);
	KUNIT_ASSERT_PTR_EQ(test, dev->udp_tunnel_nic_info,
			    (const struct udp_tunnel_nic_info *)&ad->tnl.utn);
	KUNIT_EXPECT_TRUE(test, dev->udp_tunnel_nic_info->flags &
			  UDP_TUNNEL_NIC_INFO_IPV4_ONLY);
	KUNIT_EXPECT_EQ(test, dev->udp_tunnel_nic_info->tables[0].n_entries, 1);
	KUNIT_EXPECT_EQ(test, dev->udp_tunnel_nic_info->tables[1].n_entries, 0);
	/* the adapter takes its table back */
	netcx_adapter_destroy(ad);
	((struct netcx_test_priv *)netdev_priv(dev))->ad = NULL;
	KUNIT_EXPECT_NULL(test, dev->udp_tunnel_nic_info);
}

static void netcx_tunnel_ports_pinned_all(struct kunit *test)
{
	struct netcx_adapter *ad =
		netcx_tnl_dev(test, NETCX_TEST_TNL_PARTIAL,
			      "*VxlanUDPPortNumber=65535");

	/* the pinned port fills the only entry: nothing for udp_tunnel_nic */
	KUNIT_EXPECT_NULL(test, netcx_adapter_netdev(ad)->udp_tunnel_nic_info);
	KUNIT_EXPECT_EQ(test, netcx_tnl_log.ports, 1);
	netcx_tnl_expect_port(test, 0, 0, 0, 65535, NETCX_ENCAP_VXLAN);
	KUNIT_EXPECT_EQ(test, netcx_tunnel_port_encap(ad, htons(65535)),
			NETCX_ENCAP_VXLAN);
}

static void netcx_tunnel_ports_keywords(struct kunit *test)
{
	struct netcx_adapter *ad;
	struct net_device *dev;

	/* VXLAN off: GENEVE alone in table 0, the VXLAN-only table dropped,
	 * the pin ignored
	 */
	ad = netcx_tnl_dev(test, NETCX_TEST_TNL,
			   "*EncapsulatedPacketTaskOffloadVxlan=0,*VxlanUDPPortNumber=4789");
	dev = netcx_adapter_netdev(ad);
	KUNIT_EXPECT_EQ(test, netcx_tnl_log.ports, 0);
	KUNIT_ASSERT_NOT_NULL(test, dev->udp_tunnel_nic_info);
	KUNIT_EXPECT_EQ(test, dev->udp_tunnel_nic_info->tables[0].tunnel_types,
			UDP_TUNNEL_TYPE_GENEVE);
	KUNIT_EXPECT_EQ(test, dev->udp_tunnel_nic_info->tables[1].n_entries, 0);
	KUNIT_EXPECT_EQ(test, netcx_tunnel_port_encap(ad, htons(4789)), -ENOENT);
	netcx_test_exit(test);

	/* every tunnel off: no table at all */
	ad = netcx_tnl_dev(test, NETCX_TEST_TNL,
			   "*EncapsulatedPacketTaskOffload=0");
	KUNIT_EXPECT_NULL(test, netcx_adapter_netdev(ad)->udp_tunnel_nic_info);
}

/* ---- keywords ---- */

struct netcx_tnl_kw {
	const char *str;
	/* expected: 0 or -EINVAL, the reason, the kinds switched off */
	const char *reason;
	u32 csum, gso;
	u16 port;
};

#define KW_ALL	(NETCX_TNL_KINDS | NETCX_TNL_CSUMS)
#define KW_GRE	(NETCX_TNL_GRE | NETCX_TNL_GRE_CSUM)

static const struct netcx_tnl_kw netcx_tnl_kws[] = {
	{ "*EncapsulatedPacketTaskOffload=0", NULL, KW_ALL, KW_ALL },
	{ "*EncapsulatedPacketTaskOffload=1", NULL },
	{ "*EncapsulatedPacketTaskOffloadVxlan=0", NULL,
	  NETCX_TNL_VXLAN, NETCX_TNL_VXLAN },
	{ "*EncapsulatedPacketTaskOffloadVxlan=1", NULL },
	{ "*EncapsulatedPacketTaskOffloadNvgre=0", NULL, KW_GRE, KW_GRE },
	{ "*encapsulatedpackettaskoffloadnvgre=1", NULL },
	{ "*VxlanUDPPortNumber=4789", NULL, 0, 0, 4789 },
	{ "*VxlanUDPPortNumber=1", NULL, 0, 0, 1 },
	{ "*VxlanUDPPortNumber=65535", NULL, 0, 0, 65535 },
	{ "*vxlanudpportnumber=8472,*EncapsulatedPacketTaskOffloadVxlan=0",
	  NULL, NETCX_TNL_VXLAN, NETCX_TNL_VXLAN, 8472 },
	{ "*LsoV2IPv4=0,*VxlanUDPPortNumber=10,*RscIPv4=0", NULL, 0, 0, 10 },
	{ "*EncapsulatedPacketTaskOffload=2", "invalid value" },
	{ "*EncapsulatedPacketTaskOffloadVxlan=10", "invalid value" },
	{ "*EncapsulatedPacketTaskOffloadNvgre=", "invalid value" },
	{ "*EncapsulatedPacketTaskOffloadGeneve=0", "unknown keyword" },
	{ "*VxlanUDPPortNumber=0", "invalid value" },
	{ "*VxlanUDPPortNumber=65536", "invalid value" },
	{ "*VxlanUDPPortNumber=99999", "invalid value" },
	{ "*VxlanUDPPortNumber=123456", "invalid value" },
	{ "*VxlanUDPPortNumber=04789", "invalid value" },
	{ "*VxlanUDPPortNumber=", "invalid value" },
	{ "*VxlanUDPPortNumber=+4789", "invalid value" },
	{ "*VxlanUDPPortNumber=-1", "invalid value" },
	{ "*VxlanUDPPortNumber=47 89", "invalid value" },
	{ "*VxlanUDPPortNumber=0x12b5", "invalid value" },
	{ "*VxlanUDPPortNumber=4789\n", "invalid value" },
	{ "*VxlanUDPPortNumber", "expected name=value" },
	{ "*VxlanUDPPortNumber=4789,*VxlanUDPPortNumber=4789",
	  "duplicate keyword" },
	{ "*EncapsulatedPacketTaskOffload=0,*EncapsulatedPacketTaskOffload=0",
	  "duplicate keyword" },
};

static void netcx_tnl_kw_desc(const struct netcx_tnl_kw *k, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "\"%*pE\"", (int)strlen(k->str),
		 k->str);
}

KUNIT_ARRAY_PARAM(netcx_tnl_kw, netcx_tnl_kws, netcx_tnl_kw_desc);

static void netcx_tunnel_keywords(struct kunit *test)
{
	const struct netcx_tnl_kw *k = test->param_value;
	struct netcx_kw_error err = { };
	u32 off[NETCX_OFFLOAD_MAX];
	struct netcx_adapter *ad;
	int ret;

	ret = netcx_keywords_parse(k->str, off, &err);
	ad = netcx_test_dev(test, NULL, NETIF_F_SG);
	if (k->reason) {
		KUNIT_EXPECT_EQ(test, ret, -EINVAL);
		KUNIT_EXPECT_STREQ(test, err.reason, k->reason);
		KUNIT_EXPECT_EQ(test, netcx_set_keywords(ad, k->str), -EINVAL);
		KUNIT_EXPECT_EQ(test, ad->tnl.kw_vxlan_port, 0);
		return;
	}
	KUNIT_ASSERT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, off[TCS], k->csum);
	KUNIT_EXPECT_EQ(test, off[TGS], k->gso);
	KUNIT_EXPECT_EQ(test, netcx_keywords_vxlan_port(k->str), k->port);
	KUNIT_EXPECT_EQ(test, netcx_set_keywords(ad, k->str), 0);
	KUNIT_EXPECT_EQ(test, ad->tnl.kw_vxlan_port, k->port);
	/* a later string without the port forgets it */
	KUNIT_EXPECT_EQ(test, netcx_set_keywords(ad, ""), 0);
	KUNIT_EXPECT_EQ(test, ad->tnl.kw_vxlan_port, 0);
}

static struct kunit_case netcx_tunnel_cases[] = {
	KUNIT_CASE_PARAM(netcx_tunnel_rules, netcx_tnl_rule_gen_params),
	KUNIT_CASE_PARAM(netcx_tunnel_deps, netcx_tnl_dep_gen_params),
	KUNIT_CASE(netcx_tunnel_declare),
	KUNIT_CASE_PARAM(netcx_tunnel_mapping, netcx_tnl_map_gen_params),
	KUNIT_CASE(netcx_tunnel_none),
	KUNIT_CASE(netcx_tunnel_ethtool),
	KUNIT_CASE(netcx_tunnel_rollback),
	KUNIT_CASE(netcx_tunnel_ports),
	KUNIT_CASE(netcx_tunnel_ports_pinned),
	KUNIT_CASE(netcx_tunnel_ports_small),
	KUNIT_CASE(netcx_tunnel_ports_pinned_all),
	KUNIT_CASE(netcx_tunnel_ports_keywords),
	KUNIT_CASE_PARAM(netcx_tunnel_keywords, netcx_tnl_kw_gen_params),
	{}
};

static struct kunit_suite netcx_tunnel_suite = {
	.name = "netcx_tunnel",
	.init = netcx_test_init,
	.exit = netcx_test_exit,
	.test_cases = netcx_tunnel_cases,
};

kunit_test_suite(netcx_tunnel_suite);

MODULE_DESCRIPTION("KUnit tests of netcx's encapsulated offloads");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(NETCX_NS);
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
