/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hardware profiles the netcx KUnit suites and the bench share: each
 * declares its capabilities on an adapter, like a client driver's probe
 * would.
 */
#ifndef _NETCX_TEST_H
#define _NETCX_TEST_H

#include <netcx/netcx.h>

enum netcx_test_profile {
	NETCX_TEST_NONE,	/* no offloads */
	NETCX_TEST_CSUM,	/* TCP/UDP checksums over IPv4/IPv6, no GSO */
	NETCX_TEST_E1000,	/* generic checksum, IPv4 TSO */
	NETCX_TEST_FULL,	/* every offload, every flag */
};

#define NETCX_TEST_L4_KINDS	(NETCX_TCP4 | NETCX_UDP4 | NETCX_TCP6 | \
				 NETCX_UDP6)
#define NETCX_TEST_ALL_KINDS	(NETCX_KINDS_V4 | NETCX_KINDS_V6)
#define NETCX_TEST_TCP		(NETCX_TCP4 | NETCX_TCP6)
#define NETCX_TEST_UDP		(NETCX_UDP4 | NETCX_UDP6)
#define NETCX_TEST_TAGS		(NETCX_TAG_PRIO | NETCX_TAG_VLAN)

/* What NETCX_TEST_FULL permits without keywords, per offload. */
#define NETCX_TEST_FULL_PERMITTED {					\
	[NETCX_OFFLOAD_TX_CSUM] = NETCX_TEST_ALL_KINDS,			\
	[NETCX_OFFLOAD_RX_CSUM] = NETCX_TEST_ALL_KINDS,			\
	[NETCX_OFFLOAD_LSO] = NETCX_TEST_TCP,				\
	[NETCX_OFFLOAD_USO] = NETCX_TEST_UDP,				\
	[NETCX_OFFLOAD_RSC] = NETCX_TEST_TCP,				\
	[NETCX_OFFLOAD_VLAN_TX] = NETCX_TEST_TAGS,			\
	[NETCX_OFFLOAD_VLAN_RX] = NETCX_TEST_TAGS,			\
}

#define NETCX_TEST_FULL_LSO_SIZE	65536
#define NETCX_TEST_FULL_LSO_SEGS	100
#define NETCX_TEST_FULL_USO_SIZE	131072
#define NETCX_TEST_FULL_USO_SEGS	64

static inline int netcx_test_declare_csum(struct netcx_adapter *ad)
{
	static const struct netcx_tx_csum_caps tx = {
		.l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6,
		.l4 = NETCX_L4_TCP | NETCX_L4_UDP,
	};
	static const struct netcx_rx_csum_caps rx = {
		.kinds = NETCX_TEST_ALL_KINDS,
	};

	return netcx_set_tx_csum_caps(ad, &tx) ?:
	       netcx_set_rx_csum_caps(ad, &rx);
}

static inline int netcx_test_declare_e1000(struct netcx_adapter *ad)
{
	static const struct netcx_tx_csum_caps tx = {
		.l3 = NETCX_L3_ALL,
		.l4 = NETCX_L4_ALL,
		.generic = true,
		.l4_offset_limit = 255,
	};
	static const struct netcx_rx_csum_caps rx = {
		.kinds = NETCX_TCP4 | NETCX_UDP4,
	};
	static const struct netcx_gso_caps lso = {
		.l3 = NETCX_L3_IPV4 | NETCX_L3_IPV4_OPTS,
		.l4 = NETCX_L4_TCP | NETCX_L4_TCP_OPTS,
		.max_size = 65536,
		.min_segs = 2,
	};

	return netcx_set_tx_csum_caps(ad, &tx) ?:
	       netcx_set_rx_csum_caps(ad, &rx) ?:
	       netcx_set_lso_caps(ad, &lso);
}

static inline int netcx_test_declare_full(struct netcx_adapter *ad)
{
	static const struct netcx_tx_csum_caps tx = {
		.l3 = NETCX_L3_ALL,
		.l4 = NETCX_L4_ALL,
	};
	static const struct netcx_rx_csum_caps rx = {
		.kinds = NETCX_TEST_ALL_KINDS,
	};
	static const struct netcx_gso_caps lso = {
		.l3 = NETCX_L3_ALL,
		.l4 = NETCX_L4_TCP | NETCX_L4_TCP_OPTS,
		.max_size = NETCX_TEST_FULL_LSO_SIZE,
		.min_segs = 2,
		.max_segs = NETCX_TEST_FULL_LSO_SEGS,
	};
	static const struct netcx_gso_caps uso = {
		.l3 = NETCX_L3_ALL,
		.l4 = NETCX_L4_UDP,
		.max_size = NETCX_TEST_FULL_USO_SIZE,
		.min_segs = 2,
		.max_segs = NETCX_TEST_FULL_USO_SEGS,
	};
	static const struct netcx_rsc_caps rsc = {
		.l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6,
	};
	static const struct netcx_ieee8021q_caps tag = {
		.kinds = NETCX_TEST_TAGS,
	};

	return netcx_set_tx_csum_caps(ad, &tx) ?:
	       netcx_set_rx_csum_caps(ad, &rx) ?:
	       netcx_set_lso_caps(ad, &lso) ?:
	       netcx_set_uso_caps(ad, &uso) ?:
	       netcx_set_rsc_caps(ad, &rsc) ?:
	       netcx_set_ieee8021q_caps(ad, &tag);
}

/* Declare @profile's capabilities on @ad: 0 or the first error. */
static inline int netcx_test_declare(struct netcx_adapter *ad,
				     enum netcx_test_profile profile)
{
	switch (profile) {
	case NETCX_TEST_CSUM:
		return netcx_test_declare_csum(ad);
	case NETCX_TEST_E1000:
		return netcx_test_declare_e1000(ad);
	case NETCX_TEST_FULL:
		return netcx_test_declare_full(ad);
	default:
		return 0;
	}
}

#endif /* _NETCX_TEST_H */
