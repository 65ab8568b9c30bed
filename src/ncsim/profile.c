// SPDX-License-Identifier: GPL-2.0
/*
 * ncsim hardware profiles: the kinds of NIC ncsim models, each the silicon
 * its engines enforce and the driver declares to netcx, as is. Module
 * parameters override a profile's limits, so tests reach every fallback.
 */
#include <kunit/visibility.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/string.h>

#include <netcx/netcx.h>

#include "ncsim.h"

static const struct ncsim_profile ncsim_profiles[] = {
	{
		.name = "full",
		.desc = "every netcx offload",
		.caps = {
			.tx_csum = { .l3 = NETCX_L3_ALL, .l4 = NETCX_L4_ALL },
			.rx_csum = { .kinds = NETCX_KINDS_V4 | NETCX_KINDS_V6 },
			.lso = {
				.l3 = NETCX_L3_ALL,
				.l4 = NETCX_L4_TCP | NETCX_L4_TCP_OPTS,
				.max_size = 65536,
				.min_segs = 2,
			},
			.uso = {
				.l3 = NETCX_L3_ALL,
				.l4 = NETCX_L4_UDP,
				.max_size = 65536,
				.min_segs = 2,
			},
			.rsc = {
				.l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6,
				.tcp_timestamp = true,
				/* one buffer each: the driver's fragments */
				.max_segs = MAX_SKB_FRAGS + 1,
			},
			.tag = { .kinds = NETCX_TAG_PRIO | NETCX_TAG_VLAN },
			.max_mtu = 9000,
		},
	},
	{
		/* Intel 8254x: a generic checksum engine (8-bit CSS), IPv4 TSO */
		.name = "e1000",
		.desc = "generic checksum and IPv4 TSO, like e1000",
		.caps = {
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
			.max_mtu = 16110,
		},
	},
	{
		/* a low-end NIC: plain TCP/UDP checksums, short headers */
		.name = "basic",
		.desc = "TCP/UDP checksum without options, short headers",
		.caps = {
			.tx_csum = {
				.l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6,
				.l4 = NETCX_L4_TCP | NETCX_L4_UDP,
				.l3_offset_limit = 18,
				.l4_offset_limit = 58,
			},
			.rx_csum = { .kinds = NETCX_KINDS_V4 | NETCX_KINDS_V6 },
			.max_mtu = ETH_DATA_LEN,
		},
	},
	{
		.name = "none",
		.desc = "no offloads",
		.caps = { .max_mtu = ETH_DATA_LEN },
	},
};

/* Limit overrides: -1 keeps the profile's value. */
static int csum_l3_offset_limit = -1;
module_param(csum_l3_offset_limit, int, 0444);
MODULE_PARM_DESC(csum_l3_offset_limit,
		 "TX checksum: longest layer-2 header (0: no limit; -1: the profile's)");

static int csum_l4_offset_limit = -1;
module_param(csum_l4_offset_limit, int, 0444);
MODULE_PARM_DESC(csum_l4_offset_limit,
		 "TX checksum: longest layer-2+3 header (0: no limit; -1: the profile's)");

static int lso_max_size = -1;
module_param(lso_max_size, int, 0444);
MODULE_PARM_DESC(lso_max_size, "LSO: largest packet, headers included (-1: the profile's)");

static int lso_min_segs = -1;
module_param(lso_min_segs, int, 0444);
MODULE_PARM_DESC(lso_min_segs, "LSO: fewest segments (-1: the profile's)");

static int lso_max_segs = -1;
module_param(lso_max_segs, int, 0444);
MODULE_PARM_DESC(lso_max_segs, "LSO: most segments (0: the kernel's; -1: the profile's)");

static int lso_offset_limit = -1;
module_param(lso_offset_limit, int, 0444);
MODULE_PARM_DESC(lso_offset_limit,
		 "LSO: longest layer-2+3 header (0: no limit; -1: the profile's)");

static int uso_max_size = -1;
module_param(uso_max_size, int, 0444);
MODULE_PARM_DESC(uso_max_size, "USO: largest packet, headers included (-1: the profile's)");

static int uso_min_segs = -1;
module_param(uso_min_segs, int, 0444);
MODULE_PARM_DESC(uso_min_segs, "USO: fewest segments (-1: the profile's)");

static int uso_max_segs = -1;
module_param(uso_max_segs, int, 0444);
MODULE_PARM_DESC(uso_max_segs, "USO: most segments (0: the kernel's; -1: the profile's)");

static int uso_offset_limit = -1;
module_param(uso_offset_limit, int, 0444);
MODULE_PARM_DESC(uso_offset_limit,
		 "USO: longest layer-2+3 header (0: no limit; -1: the profile's)");

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
EXPORT_SYMBOL_IF_KUNIT(ncsim_profile_find);

/*
 * Applies one override: 0, or -EINVAL when the value does not fit the
 * field or the engine is absent (@present false).
 */
static int ncsim_override(const char *what, int val, bool present, u32 max,
			  u32 *field)
{
	if (val < 0)
		return 0;
	if (!present) {
		pr_err("ncsim: %s does not apply: the profile has no such engine\n",
		       what);
		return -EINVAL;
	}
	if ((u32)val > max) {
		pr_err("ncsim: %s=%d is out of range (0-%u)\n", what, val, max);
		return -EINVAL;
	}
	*field = val;
	return 0;
}

static int ncsim_override16(const char *what, int val, bool present,
			    u16 *field)
{
	u32 v = *field;
	int err = ncsim_override(what, val, present, U16_MAX, &v);

	*field = v;
	return err;
}

/**
 * ncsim_profile_caps() - the silicon a profile models, overrides applied
 * @profile: the profile.
 * @caps: filled with its capabilities and the module parameters' limits.
 *
 * The limits are not checked against each other: netcx's verifier does
 * that when the capabilities are declared.
 *
 * Return: 0, or -EINVAL for an override out of range or without an engine.
 */
int ncsim_profile_caps(const struct ncsim_profile *profile,
		       struct ncsim_hw_caps *caps)
{
	bool csum, lso, uso;

	*caps = profile->caps;
	csum = caps->tx_csum.l3 || caps->tx_csum.l4;
	lso = caps->lso.l4;
	uso = caps->uso.l4;

	return ncsim_override16("csum_l3_offset_limit", csum_l3_offset_limit,
				csum, &caps->tx_csum.l3_offset_limit) ?:
	       ncsim_override16("csum_l4_offset_limit", csum_l4_offset_limit,
				csum, &caps->tx_csum.l4_offset_limit) ?:
	       ncsim_override("lso_max_size", lso_max_size, lso, U32_MAX,
			      &caps->lso.max_size) ?:
	       ncsim_override16("lso_min_segs", lso_min_segs, lso,
				&caps->lso.min_segs) ?:
	       ncsim_override16("lso_max_segs", lso_max_segs, lso,
				&caps->lso.max_segs) ?:
	       ncsim_override16("lso_offset_limit", lso_offset_limit, lso,
				&caps->lso.l4_offset_limit) ?:
	       ncsim_override("uso_max_size", uso_max_size, uso, U32_MAX,
			      &caps->uso.max_size) ?:
	       ncsim_override16("uso_min_segs", uso_min_segs, uso,
				&caps->uso.min_segs) ?:
	       ncsim_override16("uso_max_segs", uso_max_segs, uso,
				&caps->uso.max_segs) ?:
	       ncsim_override16("uso_offset_limit", uso_offset_limit, uso,
				&caps->uso.l4_offset_limit);
}

/**
 * ncsim_profile_declare() - declare the silicon's capabilities to netcx
 * @caps: the silicon.
 * @ad: the port's adapter, not yet committed.
 *
 * Declares each engine the silicon has, exactly as the engines enforce it,
 * and where the receive descriptor reports each checksum it verifies.
 *
 * Return: 0, or the first error of netcx_set_*_caps().
 */
int ncsim_profile_declare(const struct ncsim_hw_caps *caps,
			  struct netcx_adapter *ad)
{
	struct netcx_rx_csum_caps rx = caps->rx_csum;
	int err = 0;

	/* the descriptor's csum byte, for each layer the engine verifies */
	if (rx.kinds & NETCX_IPV4_HDR)
		rx.status.ipv4 = (struct netcx_rx_csum_bits){
			NCSIM_RXD_CS_IPCS, NCSIM_RXD_CS_IPE };
	if (rx.kinds & (NETCX_TCP4 | NETCX_TCP6))
		rx.status.tcp = (struct netcx_rx_csum_bits){
			NCSIM_RXD_CS_TCPCS, NCSIM_RXD_CS_L4E };
	if (rx.kinds & (NETCX_UDP4 | NETCX_UDP6))
		rx.status.udp = (struct netcx_rx_csum_bits){
			NCSIM_RXD_CS_UDPCS, NCSIM_RXD_CS_L4E };

	if (caps->tx_csum.l3 || caps->tx_csum.l4)
		err = netcx_set_tx_csum_caps(ad, &caps->tx_csum);
	if (!err && rx.kinds)
		err = netcx_set_rx_csum_caps(ad, &rx);
	if (!err && caps->lso.l4)
		err = netcx_set_lso_caps(ad, &caps->lso);
	if (!err && caps->uso.l4)
		err = netcx_set_uso_caps(ad, &caps->uso);
	if (!err && caps->rsc.l3)
		err = netcx_set_rsc_caps(ad, &caps->rsc);
	if (!err && caps->tag.kinds)
		err = netcx_set_ieee8021q_caps(ad, &caps->tag);
	return err;
}
