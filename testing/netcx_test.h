/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hardware profiles the netcx KUnit suites and the bench share, defined
 * once as data (netcx_test_profiles[]); netcx_test_declare() declares one
 * on an adapter, like a client driver's probe would.
 */
#ifndef _NETCX_TEST_H
#define _NETCX_TEST_H

#include <netcx/netcx.h>

enum netcx_test_profile {
	NETCX_TEST_NONE,	/* no offloads */
	NETCX_TEST_CSUM,	/* TCP/UDP checksums over IPv4/IPv6, no GSO */
	NETCX_TEST_E1000,	/* generic checksum, IPv4 TSO */
	NETCX_TEST_FULL,	/* every offload, every flag */
	NETCX_TEST_BASIC,	/* TX checksum without options, offsets 14/34 */
	NETCX_TEST_LIMITS,	/* full checksum; LSO and USO, tight limits */
	NETCX_TEST_PRIO,	/* checksums; priority tags only */
	NETCX_TEST_VLAN,	/* checksums; VLAN tags only */
	NETCX_TEST_SEED,	/* generic checksum; LSO seeding headers */
	NETCX_TEST_TNL,		/* full, and every tunnel offload */
	NETCX_TEST_TNL_PARTIAL,	/* VXLAN, GRE over IPv4; GSO_PARTIAL */
	NETCX_TEST_TNL_CSUM,	/* full; tunnel checksum, no segmentation */
};

/* The tunnel kinds NETCX_TEST_TNL permits, per offload. */
#define NETCX_TEST_TNL_CSUM_KINDS	NETCX_TNL_KINDS
#define NETCX_TEST_TNL_GSO_KINDS	(NETCX_TNL_KINDS | NETCX_TNL_CSUMS)

#define NETCX_TEST_L4_KINDS	(NETCX_TCP4 | NETCX_UDP4 | NETCX_TCP6 | \
				 NETCX_UDP6)
#define NETCX_TEST_ALL_KINDS	(NETCX_KINDS_V4 | NETCX_KINDS_V6)
#define NETCX_TEST_TCP		(NETCX_TCP4 | NETCX_TCP6)
#define NETCX_TEST_UDP		(NETCX_UDP4 | NETCX_UDP6)
#define NETCX_TEST_TAGS		(NETCX_TAG_PRIO | NETCX_TAG_VLAN)

/*
 * What NETCX_TEST_FULL permits without keywords, per offload: every
 * offload named, so that an array it sizes ("u32 want[] = ...") has
 * NETCX_OFFLOAD_MAX entries.
 */
#define NETCX_TEST_FULL_PERMITTED {					\
	[NETCX_OFFLOAD_TX_CSUM] = NETCX_TEST_ALL_KINDS,			\
	[NETCX_OFFLOAD_RX_CSUM] = NETCX_TEST_ALL_KINDS,			\
	[NETCX_OFFLOAD_LSO] = NETCX_TEST_TCP,				\
	[NETCX_OFFLOAD_USO] = NETCX_TEST_UDP,				\
	[NETCX_OFFLOAD_RSC] = NETCX_TEST_TCP,				\
	[NETCX_OFFLOAD_VLAN_TX] = NETCX_TEST_TAGS,			\
	[NETCX_OFFLOAD_VLAN_RX] = NETCX_TEST_TAGS,			\
	[NETCX_OFFLOAD_TNL_CSUM] = 0,					\
	[NETCX_OFFLOAD_TNL_GSO] = 0,					\
}

static_assert(sizeof((u32[])NETCX_TEST_FULL_PERMITTED) ==
	      NETCX_OFFLOAD_MAX * sizeof(u32),
	      "NETCX_TEST_FULL_PERMITTED must name every offload");

#define NETCX_TEST_FULL_LSO_SIZE	65536
#define NETCX_TEST_FULL_LSO_SEGS	100
#define NETCX_TEST_FULL_USO_SIZE	131072
#define NETCX_TEST_FULL_USO_SEGS	64

/**
 * struct netcx_test_caps - a reference profile: what its hardware declares
 * @tx_csum: declared when @tx_csum.l3 is not 0.
 * @rx_csum: declared when @rx_csum.kinds is not 0.
 * @lso: declared when @lso.l3 is not 0.
 * @uso: declared when @uso.l3 is not 0.
 * @rsc: declared when @rsc.l3 is not 0.
 * @tag: declared when @tag.kinds is not 0.
 * @tnl: declared when @tnl.inner_l4 is not 0.
 */
struct netcx_test_caps {
	struct netcx_tx_csum_caps tx_csum;
	struct netcx_rx_csum_caps rx_csum;
	struct netcx_gso_caps lso;
	struct netcx_gso_caps uso;
	struct netcx_rsc_caps rsc;
	struct netcx_ieee8021q_caps tag;
	struct netcx_tunnel_caps tnl;
};

#define NETCX_TEST_TX_CSUM_V4V6 {					\
	.l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6,				\
	.l4 = NETCX_L4_TCP | NETCX_L4_UDP,				\
}

#define NETCX_TEST_FULL_CAPS						\
	.tx_csum = { .l3 = NETCX_L3_ALL, .l4 = NETCX_L4_ALL },		\
	.rx_csum = { .kinds = NETCX_TEST_ALL_KINDS },			\
	.lso = {							\
		.l3 = NETCX_L3_ALL,					\
		.l4 = NETCX_L4_TCP | NETCX_L4_TCP_OPTS,			\
		.max_size = NETCX_TEST_FULL_LSO_SIZE,			\
		.min_segs = 2,						\
		.max_segs = NETCX_TEST_FULL_LSO_SEGS,			\
	},								\
	.uso = {							\
		.l3 = NETCX_L3_ALL,					\
		.l4 = NETCX_L4_UDP,					\
		.max_size = NETCX_TEST_FULL_USO_SIZE,			\
		.min_segs = 2,						\
		.max_segs = NETCX_TEST_FULL_USO_SEGS,			\
	},								\
	.rsc = { .l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6 },		\
	.tag = { .kinds = NETCX_TEST_TAGS }

#define NETCX_TEST_TNL_ALL_OUTER {					\
	[NETCX_ENCAP_VXLAN] = NETCX_L3_ALL,				\
	[NETCX_ENCAP_GENEVE] = NETCX_L3_ALL,				\
	[NETCX_ENCAP_GRE] = NETCX_L3_ALL,				\
	[NETCX_ENCAP_IPXIP] = NETCX_L3_ALL,				\
}

/* The UDP tunnel port tables of NETCX_TEST_TNL. */
#define NETCX_TEST_TNL_PORTS0	4	/* VXLAN and GENEVE */
#define NETCX_TEST_TNL_PORTS1	2	/* VXLAN only */

/* The reference profiles, the one place the tests' hardware is defined. */
static const struct netcx_test_caps netcx_test_profiles[] = {
	[NETCX_TEST_NONE] = { },
	[NETCX_TEST_CSUM] = {
		.tx_csum = NETCX_TEST_TX_CSUM_V4V6,
		.rx_csum = { .kinds = NETCX_TEST_ALL_KINDS },
	},
	[NETCX_TEST_E1000] = {
		.tx_csum = {
			.l3 = NETCX_L3_ALL,
			.l4 = NETCX_L4_ALL,
			.generic = true,
			.l4_offset_limit = 255,
		},
		.rx_csum = { .kinds = NETCX_TCP4 | NETCX_UDP4 },
		.lso = {
			.l3 = NETCX_L3_IPV4 | NETCX_L3_IPV4_OPTS,
			.l4 = NETCX_L4_TCP | NETCX_L4_TCP_OPTS,
			.max_size = 65536,
			.min_segs = 2,
		},
	},
	[NETCX_TEST_FULL] = { NETCX_TEST_FULL_CAPS },
	[NETCX_TEST_BASIC] = {
		.tx_csum = {
			.l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6,
			.l4 = NETCX_L4_TCP | NETCX_L4_UDP,
			.l3_offset_limit = 14,
			.l4_offset_limit = 34,
		},
	},
	[NETCX_TEST_LIMITS] = {
		.tx_csum = { .l3 = NETCX_L3_ALL, .l4 = NETCX_L4_ALL },
		.lso = {
			.l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6,
			.l4 = NETCX_L4_TCP | NETCX_L4_TCP_OPTS,
			.l4_offset_limit = 54,
			.max_size = 6000,
			.min_segs = 3,
			.max_segs = 5,
		},
		.uso = {
			.l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6,
			.l4 = NETCX_L4_UDP,
			.max_size = 4000,
			.min_segs = 2,
			.max_segs = 3,
		},
	},
	[NETCX_TEST_PRIO] = {
		.tx_csum = NETCX_TEST_TX_CSUM_V4V6,
		.rx_csum = { .kinds = NETCX_TEST_ALL_KINDS },
		.tag = { .kinds = NETCX_TAG_PRIO },
	},
	[NETCX_TEST_VLAN] = {
		.tx_csum = NETCX_TEST_TX_CSUM_V4V6,
		.rx_csum = { .kinds = NETCX_TEST_ALL_KINDS },
		.tag = { .kinds = NETCX_TAG_VLAN },
	},
	[NETCX_TEST_SEED] = {
		.tx_csum = {
			.l3 = NETCX_L3_ALL,
			.l4 = NETCX_L4_ALL,
			.generic = true,
			.l4_offset_limit = 239,
		},
		.lso = {
			.l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6,
			.l4 = NETCX_L4_TCP | NETCX_L4_TCP_OPTS,
			.l4_offset_limit = 195,
			.max_size = 65536,
			.min_segs = 2,
			.seed = NETCX_GSO_SEED_NO_LEN | NETCX_GSO_SEED_IPV4_CSUM0,
		},
	},
	[NETCX_TEST_TNL] = {
		NETCX_TEST_FULL_CAPS,
		.tnl = {
			.outer = NETCX_TEST_TNL_ALL_OUTER,
			.inner_l3 = NETCX_L3_ALL,
			.inner_l4 = NETCX_L4_ALL,
			.gso_l4 = NETCX_L4_ALL,
			.outer_csum = true,
			.ports = {
				{ NETCX_TEST_TNL_PORTS0,
				  BIT(NETCX_ENCAP_VXLAN) |
				  BIT(NETCX_ENCAP_GENEVE) },
				{ NETCX_TEST_TNL_PORTS1,
				  BIT(NETCX_ENCAP_VXLAN) },
			},
		},
	},
	[NETCX_TEST_TNL_PARTIAL] = {
		.tx_csum = {
			.l3 = NETCX_L3_ALL,
			.l4 = NETCX_L4_ALL,
			.generic = true,
		},
		.lso = {
			.l3 = NETCX_L3_IPV4,
			.l4 = NETCX_L4_TCP,
			.max_size = 65536,
			.min_segs = 2,
		},
		.tnl = {
			.outer = {
				[NETCX_ENCAP_VXLAN] = NETCX_L3_IPV4,
				[NETCX_ENCAP_GRE] = NETCX_L3_IPV4,
			},
			.inner_l3 = NETCX_L3_IPV4,
			.inner_l4 = NETCX_L4_TCP | NETCX_L4_UDP,
			.inner_l3_offset_limit = 64,
			.inner_l4_offset_limit = 128,
			.gso_l4 = NETCX_L4_TCP,
			.ports = { { 1, BIT(NETCX_ENCAP_VXLAN) } },
		},
	},
	[NETCX_TEST_TNL_CSUM] = {
		NETCX_TEST_FULL_CAPS,
		.tnl = {
			.outer = NETCX_TEST_TNL_ALL_OUTER,
			.inner_l3 = NETCX_L3_ALL,
			.inner_l4 = NETCX_L4_ALL,
			.ports = {
				{ 8, BIT(NETCX_ENCAP_VXLAN) |
				     BIT(NETCX_ENCAP_GENEVE) },
			},
		},
	},
};

/* Declare @profile's capabilities on @ad: 0 or the first error. */
static inline int netcx_test_declare(struct netcx_adapter *ad,
				     enum netcx_test_profile profile)
{
	const struct netcx_test_caps *c = &netcx_test_profiles[profile];
	int err = 0;

	if (c->tx_csum.l3)
		err = netcx_set_tx_csum_caps(ad, &c->tx_csum);
	if (!err && c->rx_csum.kinds)
		err = netcx_set_rx_csum_caps(ad, &c->rx_csum);
	if (!err && c->lso.l3)
		err = netcx_set_lso_caps(ad, &c->lso);
	if (!err && c->uso.l3)
		err = netcx_set_uso_caps(ad, &c->uso);
	if (!err && c->rsc.l3)
		err = netcx_set_rsc_caps(ad, &c->rsc);
	if (!err && c->tag.kinds)
		err = netcx_set_ieee8021q_caps(ad, &c->tag);
	if (!err && c->tnl.inner_l4)
		err = netcx_set_tunnel_caps(ad, &c->tnl);
	return err;
}

#endif /* _NETCX_TEST_H */
