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

/* The silicon of the full profile, less its tunnel unit. */
#define NCSIM_FULL_CAPS							\
	.tx_csum = { .l3 = NETCX_L3_ALL, .l4 = NETCX_L4_ALL },		\
	.rx_csum = { .kinds = NETCX_KINDS_V4 | NETCX_KINDS_V6 },		\
	.lso = {							\
		.l3 = NETCX_L3_ALL,					\
		.l4 = NETCX_L4_TCP | NETCX_L4_TCP_OPTS,			\
		.max_size = 65536,					\
		.min_segs = 2,						\
	},								\
	.uso = {							\
		.l3 = NETCX_L3_ALL,					\
		.l4 = NETCX_L4_UDP,					\
		.max_size = 65536,					\
		.min_segs = 2,						\
	},								\
	.rsc = {							\
		.l3 = NETCX_L3_IPV4 | NETCX_L3_IPV6,			\
		.tcp_timestamp = true,					\
		/* one buffer each: the driver's fragments */		\
		.max_segs = MAX_SKB_FRAGS + 1,				\
	},								\
	.tag = { .kinds = NETCX_TAG_PRIO | NETCX_TAG_VLAN },		\
	.max_mtu = 9000

/* Every encapsulation over outer IPv4 and IPv6, options included. */
#define NCSIM_TNL_OUTER {						\
	[NETCX_ENCAP_VXLAN] = NETCX_L3_ALL,				\
	[NETCX_ENCAP_GENEVE] = NETCX_L3_ALL,				\
	[NETCX_ENCAP_GRE] = NETCX_L3_ALL,				\
	[NETCX_ENCAP_IPXIP] = NETCX_L3_ALL,				\
}

/* The UDP tunnel port tables: 4 VXLAN or GENEVE ports, 2 VXLAN ones. */
#define NCSIM_TNL_PORTS {						\
	{ 4, BIT(NETCX_ENCAP_VXLAN) | BIT(NETCX_ENCAP_GENEVE) },	\
	{ 2, BIT(NETCX_ENCAP_VXLAN) },					\
}

/*
 * The tunnel capabilities of full and its two variants: every
 * encapsulation, inner IPv4/IPv6 TCP/UDP checksums; segmentation of the
 * inner transports @gso, the outer checksums fixed per segment with @ocs.
 */
#define NCSIM_TNL_CAPS(gso, ocs) {					\
	.outer = NCSIM_TNL_OUTER,					\
	.inner_l3 = NETCX_L3_ALL,					\
	.inner_l4 = NETCX_L4_ALL,					\
	.gso_l4 = (gso),						\
	.outer_csum = (ocs),						\
	.ports = NCSIM_TNL_PORTS,					\
}

static const struct ncsim_profile ncsim_profiles[] = {
	{
		.name = "full",
		.desc = "every netcx offload",
		.caps = {
			NCSIM_FULL_CAPS,
			.tnl = NCSIM_TNL_CAPS(NETCX_L4_ALL, true),
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
	{
		/* inner checksums on both paths; the stack segments tunnels */
		.name = "tnlcsum",
		.desc = "full, tunnel checksums without tunnel segmentation",
		.caps = {
			NCSIM_FULL_CAPS,
			.tnl = NCSIM_TNL_CAPS(0, false),
		},
	},
	{
		/* the outer UDP and GRE checksums stay the stack's */
		.name = "tnlpartial",
		.desc = "full, tunnel segmentation without outer checksums (GSO_PARTIAL)",
		.caps = {
			NCSIM_FULL_CAPS,
			.tnl = NCSIM_TNL_CAPS(NETCX_L4_ALL, false),
		},
	},
};

/*
 * Limit overrides: the module's, defaults of every device; -1 keeps the
 * profile's value. new_device takes the same names (bus.c).
 */
static struct ncsim_limits ncsim_module_limits = {
	.val = { [0 ... NCSIM_NLIMITS - 1] = -1 },
};

module_param_named(csum_l3_offset_limit, ncsim_module_limits.val[NCSIM_CSUM_L3_OFFSET_LIMIT], int,
		   0444);
MODULE_PARM_DESC(csum_l3_offset_limit,
		 "TX checksum: longest layer-2 header (0: no limit; -1: the profile's)");

module_param_named(csum_l4_offset_limit, ncsim_module_limits.val[NCSIM_CSUM_L4_OFFSET_LIMIT], int,
		   0444);
MODULE_PARM_DESC(csum_l4_offset_limit,
		 "TX checksum: longest layer-2+3 header (0: no limit; -1: the profile's)");

module_param_named(lso_max_size, ncsim_module_limits.val[NCSIM_LSO_MAX_SIZE], int,
		   0444);
MODULE_PARM_DESC(lso_max_size,
		 "LSO: largest packet, headers included (-1: the profile's)");

module_param_named(lso_min_segs, ncsim_module_limits.val[NCSIM_LSO_MIN_SEGS], int,
		   0444);
MODULE_PARM_DESC(lso_min_segs,
		 "LSO: fewest segments (-1: the profile's)");

module_param_named(lso_max_segs, ncsim_module_limits.val[NCSIM_LSO_MAX_SEGS], int,
		   0444);
MODULE_PARM_DESC(lso_max_segs,
		 "LSO: most segments (0: the kernel's; -1: the profile's)");

module_param_named(lso_offset_limit, ncsim_module_limits.val[NCSIM_LSO_OFFSET_LIMIT], int,
		   0444);
MODULE_PARM_DESC(lso_offset_limit,
		 "LSO: longest layer-2+3 header (0: no limit; -1: the profile's)");

module_param_named(uso_max_size, ncsim_module_limits.val[NCSIM_USO_MAX_SIZE], int,
		   0444);
MODULE_PARM_DESC(uso_max_size,
		 "USO: largest packet, headers included (-1: the profile's)");

module_param_named(uso_min_segs, ncsim_module_limits.val[NCSIM_USO_MIN_SEGS], int,
		   0444);
MODULE_PARM_DESC(uso_min_segs,
		 "USO: fewest segments (-1: the profile's)");

module_param_named(uso_max_segs, ncsim_module_limits.val[NCSIM_USO_MAX_SEGS], int,
		   0444);
MODULE_PARM_DESC(uso_max_segs,
		 "USO: most segments (0: the kernel's; -1: the profile's)");

module_param_named(uso_offset_limit, ncsim_module_limits.val[NCSIM_USO_OFFSET_LIMIT], int,
		   0444);
MODULE_PARM_DESC(uso_offset_limit,
		 "USO: longest layer-2+3 header (0: no limit; -1: the profile's)");

/* The overrides' names, as the module parameters and new_device spell them. */
static const char * const ncsim_limit_names[NCSIM_NLIMITS] = {
	[NCSIM_CSUM_L3_OFFSET_LIMIT]	= "csum_l3_offset_limit",
	[NCSIM_CSUM_L4_OFFSET_LIMIT]	= "csum_l4_offset_limit",
	[NCSIM_LSO_MAX_SIZE]		= "lso_max_size",
	[NCSIM_LSO_MIN_SEGS]		= "lso_min_segs",
	[NCSIM_LSO_MAX_SEGS]		= "lso_max_segs",
	[NCSIM_LSO_OFFSET_LIMIT]	= "lso_offset_limit",
	[NCSIM_USO_MAX_SIZE]		= "uso_max_size",
	[NCSIM_USO_MIN_SEGS]		= "uso_min_segs",
	[NCSIM_USO_MAX_SEGS]		= "uso_max_segs",
	[NCSIM_USO_OFFSET_LIMIT]	= "uso_offset_limit",
};

/**
 * ncsim_limits_init() - a device's limit overrides: the module's
 * @lim: filled with the module parameters' values.
 * @given: true: they were given for this device (the module's own
 *	devices), and one that does not apply to its profile is refused;
 *	false: defaults, skipped where they do not apply.
 */
void ncsim_limits_init(struct ncsim_limits *lim, bool given)
{
	int i;

	*lim = ncsim_module_limits;
	lim->given = 0;
	if (!given)
		return;
	for (i = 0; i < NCSIM_NLIMITS; i++)
		if (lim->val[i] >= 0)
			lim->given |= BIT(i);
}

/**
 * ncsim_limits_set() - set one limit override by name
 * @lim: the device's overrides.
 * @name: the module parameter's name.
 * @value: a decimal integer; negative: the profile's value.
 *
 * Return: 0; -ENOENT when there is no override of that name, -EINVAL
 * when @value is not an integer (both with a message).
 */
int ncsim_limits_set(struct ncsim_limits *lim, const char *name,
		     const char *value)
{
	int i, err;

	for (i = 0; i < NCSIM_NLIMITS; i++)
		if (!strcmp(ncsim_limit_names[i], name))
			break;
	if (i == NCSIM_NLIMITS) {
		pr_err("ncsim: unknown parameter \"%s\"\n", name);
		return -ENOENT;
	}
	err = kstrtoint(value, 10, &lim->val[i]);
	if (err) {
		pr_err("ncsim: %s=%s is not an integer\n", name, value);
		return -EINVAL;
	}
	lim->given |= BIT(i);
	return 0;
}

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
 * field, or the engine is absent (@present false) and the override was
 * given for the device.
 */
static int ncsim_override(const struct ncsim_limits *lim, enum ncsim_limit l,
			  bool present, u32 max, u32 *field)
{
	const char *what = ncsim_limit_names[l];
	int val = lim->val[l];

	if (val < 0)
		return 0;
	if (!present) {
		/* a module default for another profile's engine */
		if (!(lim->given & BIT(l)))
			return 0;
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

static int ncsim_override16(const struct ncsim_limits *lim,
			    enum ncsim_limit l, bool present, u16 *field)
{
	u32 v = *field;
	int err = ncsim_override(lim, l, present, U16_MAX, &v);

	*field = v;
	return err;
}

/**
 * ncsim_profile_caps() - the silicon a profile models, overrides applied
 * @profile: the profile.
 * @lim: the limit overrides (ncsim_limits_init(), ncsim_limits_set()).
 * @caps: filled with its capabilities, the overrides applied.
 *
 * The limits are not checked against each other: netcx's verifier does
 * that when the capabilities are declared.
 *
 * Return: 0, or -EINVAL for an override out of range or without an engine.
 */
int ncsim_profile_caps(const struct ncsim_profile *profile,
		       const struct ncsim_limits *lim,
		       struct ncsim_hw_caps *caps)
{
	bool csum, lso, uso;

	*caps = profile->caps;
	csum = caps->tx_csum.l3 || caps->tx_csum.l4;
	lso = caps->lso.l4;
	uso = caps->uso.l4;

	return ncsim_override16(lim, NCSIM_CSUM_L3_OFFSET_LIMIT, csum,
				&caps->tx_csum.l3_offset_limit) ?:
	       ncsim_override16(lim, NCSIM_CSUM_L4_OFFSET_LIMIT, csum,
				&caps->tx_csum.l4_offset_limit) ?:
	       ncsim_override(lim, NCSIM_LSO_MAX_SIZE, lso, U32_MAX,
			      &caps->lso.max_size) ?:
	       ncsim_override16(lim, NCSIM_LSO_MIN_SEGS, lso,
				&caps->lso.min_segs) ?:
	       ncsim_override16(lim, NCSIM_LSO_MAX_SEGS, lso,
				&caps->lso.max_segs) ?:
	       ncsim_override16(lim, NCSIM_LSO_OFFSET_LIMIT, lso,
				&caps->lso.l4_offset_limit) ?:
	       ncsim_override(lim, NCSIM_USO_MAX_SIZE, uso, U32_MAX,
			      &caps->uso.max_size) ?:
	       ncsim_override16(lim, NCSIM_USO_MIN_SEGS, uso,
				&caps->uso.min_segs) ?:
	       ncsim_override16(lim, NCSIM_USO_MAX_SEGS, uso,
				&caps->uso.max_segs) ?:
	       ncsim_override16(lim, NCSIM_USO_OFFSET_LIMIT, uso,
				&caps->uso.l4_offset_limit);
}

/**
 * ncsim_profile_declare() - declare the silicon's capabilities to netcx
 * @caps: the silicon.
 * @ad: the port's adapter, not yet committed.
 *
 * Declares each engine the silicon has, exactly as the engines enforce it,
 * and where the receive descriptor reports each checksum it verifies, an
 * encapsulated frame's inner one included.
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
	/* and the inner one of an encapsulated frame */
	if (caps->tnl.inner_l4 && rx.kinds &
	    (NETCX_TCP4 | NETCX_UDP4 | NETCX_TCP6 | NETCX_UDP6)) {
		rx.status.inner = (struct netcx_rx_csum_bits){
			NCSIM_RXD_CS_ITCPCS | NCSIM_RXD_CS_IUDPCS,
			NCSIM_RXD_CS_IL4E };
		rx.status.inner_tcp = NCSIM_RXD_CS_ITCPCS;
		rx.status.inner_ipv6 = NCSIM_RXD_CS_IIP6;
		rx.status.inner_level = NCSIM_RXD_CS_ILVL;
	}

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
	if (!err && caps->tnl.inner_l4)
		err = netcx_set_tunnel_caps(ad, &caps->tnl);
	return err;
}
