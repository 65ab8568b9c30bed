// SPDX-License-Identifier: GPL-2.0
/*
 * ncsim hardware profiles: the kinds of NIC ncsim can model, each described
 * by the capabilities it advertises to netcx.
 */
#include <linux/string.h>

#include <netcx/netcx.h>

#include "ncsim.h"

/* Every offload netcx knows, options and extension headers included. */
static int ncsim_full_declare(struct netcx_adapter *ad)
{
	static const struct netcx_tx_csum_caps tx = {
		.l3 = NETCX_L3_ALL,
		.l4 = NETCX_L4_ALL,
	};
	static const struct netcx_rx_csum_caps rx = {
		.kinds = NETCX_KINDS_V4 | NETCX_KINDS_V6,
	};
	static const struct netcx_gso_caps lso = {
		.l3 = NETCX_L3_ALL,
		.l4 = NETCX_L4_TCP | NETCX_L4_TCP_OPTS,
		.max_size = 65536,
		.min_segs = 2,
	};
	static const struct netcx_gso_caps uso = {
		.l3 = NETCX_L3_ALL,
		.l4 = NETCX_L4_UDP,
		.max_size = 65536,
		.min_segs = 2,
	};
	static const struct netcx_rsc_caps rsc = {
		.l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6,
		.tcp_timestamp = true,
	};
	static const struct netcx_ieee8021q_caps tag = {
		.kinds = NETCX_TAG_PRIO | NETCX_TAG_VLAN,
	};

	return netcx_set_tx_csum_caps(ad, &tx) ?:
	       netcx_set_rx_csum_caps(ad, &rx) ?:
	       netcx_set_lso_caps(ad, &lso) ?:
	       netcx_set_uso_caps(ad, &uso) ?:
	       netcx_set_rsc_caps(ad, &rsc) ?:
	       netcx_set_ieee8021q_caps(ad, &tag);
}

/* Intel 8254x: a generic checksum engine (8-bit offsets), IPv4 TSO. */
static int ncsim_e1000_declare(struct netcx_adapter *ad)
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

/* A low-end NIC: plain IPv4/IPv6 TCP/UDP checksums, short headers, no LSO. */
static int ncsim_basic_declare(struct netcx_adapter *ad)
{
	static const struct netcx_tx_csum_caps tx = {
		.l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6,
		.l4 = NETCX_L4_TCP | NETCX_L4_UDP,
		.l3_offset_limit = 18,
		.l4_offset_limit = 58,
	};
	static const struct netcx_rx_csum_caps rx = {
		.kinds = NETCX_KINDS_V4 | NETCX_KINDS_V6,
	};

	return netcx_set_tx_csum_caps(ad, &tx) ?:
	       netcx_set_rx_csum_caps(ad, &rx);
}

static int ncsim_none_declare(struct netcx_adapter *ad)
{
	return 0;
}

static const struct ncsim_profile ncsim_profiles[] = {
	{ "full", "every netcx offload", ncsim_full_declare },
	{ "e1000", "generic checksum and IPv4 TSO, like e1000", ncsim_e1000_declare },
	{ "basic", "TCP/UDP checksum without options, short headers", ncsim_basic_declare },
	{ "none", "no offloads", ncsim_none_declare },
};

/**
 * ncsim_profile_find() - look a hardware profile up by name
 * @name: the profile= module parameter.
 *
 * Return: the profile, or NULL when there is none of that name.
 */
const struct ncsim_profile *ncsim_profile_find(const char *name)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(ncsim_profiles); i++)
		if (!strcmp(ncsim_profiles[i].name, name))
			return &ncsim_profiles[i];
	return NULL;
}
