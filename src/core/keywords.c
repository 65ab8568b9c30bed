// SPDX-License-Identifier: GPL-2.0
/*
 * NetAdapterCx's standard offload keywords, given to netcx as one string
 * "name=value,name=value" instead of registry values.
 */
#include <linux/bitmap.h>
#include <linux/ctype.h>
#include <linux/export.h>
#include <linux/minmax.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/string.h>

#include <compat/compat.h>
#include <kunit/visibility.h>
#include <netcx/netcx.h>

#include "core.h"
#include "keywords.h"

/**
 * DOC: keywords
 *
 * Keywords switch offloads off; they never switch on what the hardware did
 * not declare. A keyword not given counts as enabled (its highest value).
 * Each clears packet kinds from the permitted mask of the offloads it
 * governs; kinds cleared by several keywords stay cleared.
 *
 * ============================== ===== ===================================
 * keyword                        value governs
 * ============================== ===== ===================================
 * ``*IPChecksumOffloadIPv4``     0-3   IPV4_HDR of TX (bit 0), RX (bit 1)
 * ``*TCPChecksumOffloadIPv4``    0-3   TCP4 of TX (bit 0), RX (bit 1)
 * ``*TCPChecksumOffloadIPv6``    0-3   TCP6 of TX (bit 0), RX (bit 1)
 * ``*UDPChecksumOffloadIPv4``    0-3   UDP4 of TX (bit 0), RX (bit 1)
 * ``*UDPChecksumOffloadIPv6``    0-3   UDP6 of TX (bit 0), RX (bit 1)
 * ``*TCPUDPChecksumOffloadIPv4`` 0-3   TCP4 and UDP4, as above
 * ``*TCPUDPChecksumOffloadIPv6`` 0-3   TCP6 and UDP6, as above
 * ``*LsoV1IPv4``                 0-1   TCP4 of LSO
 * ``*LsoV2IPv4``                 0-1   TCP4 of LSO
 * ``*LsoV2IPv6``                 0-1   TCP6 of LSO
 * ``*UsoIPv4``                   0-1   UDP4 of USO
 * ``*UsoIPv6``                   0-1   UDP6 of USO
 * ``*RscIPv4``                   0-1   TCP4 of RSC
 * ``*RscIPv6``                   0-1   TCP6 of RSC
 * ``*PriorityVLANTag``           0-3   priority tags (bit 0), VLAN tags
 *                                      (bit 1), of 802.1Q TX and RX
 * ============================== ===== ===================================
 *
 * Tunnels (the kinds they clear are those of the tunnel checksum and the
 * tunnel segmentation):
 *
 * ======================================== ======= ======================
 * keyword                                  value   governs
 * ======================================== ======= ======================
 * ``*EncapsulatedPacketTaskOffload``       0-1     every tunnel kind
 * ``*EncapsulatedPacketTaskOffloadVxlan``  0-1     VXLAN4 and VXLAN6
 * ``*EncapsulatedPacketTaskOffloadNvgre``  0-1     GRE4, GRE6 (NVGRE is
 *                                                  GRE), GRE_CSUM
 * ``*VxlanUDPPortNumber``                  1-65535 the VXLAN port pinned
 *                                                  in the port table
 * ======================================== ======= ======================
 *
 * Checksum values: 0 off, 1 TX, 2 RX, 3 TX and RX. Where NetAdapterCx ignores
 * the grouped ``*TCPUDPChecksumOffloadIPv4/IPv6``, netcx honours them; where
 * it has one RX checksum switch, netcx clears RX kinds per protocol and IP
 * version. Switching a checksum off also switches off what depends on it
 * (LSO, USO, RSC of that kind), at commit.
 *
 * Syntax: comma-separated ``name=value`` tokens, no spaces. Names are
 * matched case-insensitively, as Windows matches registry value names;
 * values are one decimal digit, except a port: 1 to 5 decimal digits, no
 * sign and no leading zero, from 1 to 65535. An unknown name, a value out
 * of range or not of that form, a name given twice, an empty token or a
 * token without ``=`` fails the whole string: nothing is applied.
 *
 * Tunnels: GENEVE and IP in IP have no keyword of their own, and follow
 * ``*EncapsulatedPacketTaskOffload``. ``*VxlanUDPPortNumber`` is, in NDIS,
 * the one UDP port a NIC takes for VXLAN (4789 by default). Linux tells a
 * device the ports of its VXLAN devices (udp_tunnel_nic), so netcx needs no
 * default; given, the port is pinned from commit on in entry 0 of the
 * first port table for VXLAN ("DOC: UDP tunnel ports"), for VXLAN
 * senders that are not the kernel's own devices. It has no effect when
 * VXLAN is not permitted.
 */

/**
 * struct netcx_kw_switch - what one bit of a keyword's value switches
 * @offloads: BIT(&enum netcx_offload) of the offloads governed.
 * @kinds: the packet kinds cleared from them when the bit is 0.
 */
struct netcx_kw_switch {
	u16 offloads;
	u32 kinds;
};

/**
 * struct netcx_keyword - one standard keyword
 * @name: its name, with the leading ``*``.
 * @max: its highest value, which is also its default.
 * @sw: what value bits 0 and 1 switch.
 *
 * A @max above 9 is a port (%NETCX_KW_PORT): its value is a number, and
 * switches nothing.
 */
struct netcx_keyword {
	const char *name;
	u16 max;
	struct netcx_kw_switch sw[2];
};

/* The @max of a port keyword. */
#define NETCX_KW_PORT	U16_MAX

/* Value bit 0 clears @_kinds0 from @_offs0, bit 1 @_kinds1 from @_offs1. */
#define NETCX_KW(_name, _max, _offs0, _kinds0, _offs1, _kinds1)	{	\
	.name = _name, .max = _max,					\
	.sw = { { _offs0, _kinds0 }, { _offs1, _kinds1 } },		\
}

#define NETCX_KW_TX	BIT(NETCX_OFFLOAD_TX_CSUM)
#define NETCX_KW_RX	BIT(NETCX_OFFLOAD_RX_CSUM)
#define NETCX_KW_LSO	BIT(NETCX_OFFLOAD_LSO)
#define NETCX_KW_USO	BIT(NETCX_OFFLOAD_USO)
#define NETCX_KW_RSC	BIT(NETCX_OFFLOAD_RSC)
#define NETCX_KW_TAGS	(BIT(NETCX_OFFLOAD_VLAN_TX) | BIT(NETCX_OFFLOAD_VLAN_RX))
#define NETCX_KW_TCPUDP4 (NETCX_TCP4 | NETCX_UDP4)
#define NETCX_KW_TCPUDP6 (NETCX_TCP6 | NETCX_UDP6)
#define NETCX_KW_TNL	(BIT(NETCX_OFFLOAD_TNL_CSUM) | BIT(NETCX_OFFLOAD_TNL_GSO))
#define NETCX_KW_ALL_TNL (NETCX_TNL_KINDS | NETCX_TNL_CSUMS)
#define NETCX_KW_GRE	(NETCX_TNL_GRE | NETCX_TNL_GRE_CSUM)
#define NETCX_KW_VXLAN_PORT "*VxlanUDPPortNumber"

static const struct netcx_keyword netcx_keywords[] = {
	NETCX_KW("*IPChecksumOffloadIPv4", 3,
		 NETCX_KW_TX, NETCX_IPV4_HDR, NETCX_KW_RX, NETCX_IPV4_HDR),
	NETCX_KW("*TCPChecksumOffloadIPv4", 3,
		 NETCX_KW_TX, NETCX_TCP4, NETCX_KW_RX, NETCX_TCP4),
	NETCX_KW("*TCPChecksumOffloadIPv6", 3,
		 NETCX_KW_TX, NETCX_TCP6, NETCX_KW_RX, NETCX_TCP6),
	NETCX_KW("*UDPChecksumOffloadIPv4", 3,
		 NETCX_KW_TX, NETCX_UDP4, NETCX_KW_RX, NETCX_UDP4),
	NETCX_KW("*UDPChecksumOffloadIPv6", 3,
		 NETCX_KW_TX, NETCX_UDP6, NETCX_KW_RX, NETCX_UDP6),
	NETCX_KW("*TCPUDPChecksumOffloadIPv4", 3,
		 NETCX_KW_TX, NETCX_KW_TCPUDP4, NETCX_KW_RX, NETCX_KW_TCPUDP4),
	NETCX_KW("*TCPUDPChecksumOffloadIPv6", 3,
		 NETCX_KW_TX, NETCX_KW_TCPUDP6, NETCX_KW_RX, NETCX_KW_TCPUDP6),
	NETCX_KW("*LsoV1IPv4", 1, NETCX_KW_LSO, NETCX_TCP4, 0, 0),
	NETCX_KW("*LsoV2IPv4", 1, NETCX_KW_LSO, NETCX_TCP4, 0, 0),
	NETCX_KW("*LsoV2IPv6", 1, NETCX_KW_LSO, NETCX_TCP6, 0, 0),
	NETCX_KW("*UsoIPv4", 1, NETCX_KW_USO, NETCX_UDP4, 0, 0),
	NETCX_KW("*UsoIPv6", 1, NETCX_KW_USO, NETCX_UDP6, 0, 0),
	NETCX_KW("*RscIPv4", 1, NETCX_KW_RSC, NETCX_TCP4, 0, 0),
	NETCX_KW("*RscIPv6", 1, NETCX_KW_RSC, NETCX_TCP6, 0, 0),
	NETCX_KW("*PriorityVLANTag", 3,
		 NETCX_KW_TAGS, NETCX_TAG_PRIO, NETCX_KW_TAGS, NETCX_TAG_VLAN),
	/* tunnels */
	NETCX_KW("*EncapsulatedPacketTaskOffload", 1,
		 NETCX_KW_TNL, NETCX_KW_ALL_TNL, 0, 0),
	NETCX_KW("*EncapsulatedPacketTaskOffloadVxlan", 1,
		 NETCX_KW_TNL, NETCX_TNL_VXLAN, 0, 0),
	NETCX_KW("*EncapsulatedPacketTaskOffloadNvgre", 1,
		 NETCX_KW_TNL, NETCX_KW_GRE, 0, 0),
	NETCX_KW(NETCX_KW_VXLAN_PORT, NETCX_KW_PORT, 0, 0, 0, 0),
};

static int netcx_keyword_find(const char *name, size_t len)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(netcx_keywords); i++)
		if (strlen(netcx_keywords[i].name) == len &&
		    !strncasecmp(netcx_keywords[i].name, name, len))
			return i;
	return -1;
}

/*
 * The value of @len bytes at @val for @kw: one digit up to @kw->max, or
 * for a port 1 to 5 digits without a leading zero, 1 to 65535. Returns
 * the value, or -1 when it is not of that form or out of range.
 */
static int netcx_keyword_value(const struct netcx_keyword *kw,
			       const char *val, size_t len)
{
	size_t i, most = kw->max > 9 ? 5 : 1;
	int v = 0;

	if (!len || len > most || (len > 1 && *val == '0'))
		return -1;
	for (i = 0; i < len; i++) {
		if (!isdigit(val[i]))
			return -1;
		v = v * 10 + val[i] - '0';
	}
	if (v > kw->max || (kw->max == NETCX_KW_PORT && !v))
		return -1;
	return v;
}

/* Apply one "name=value" token of @len bytes; NULL or the rule it broke. */
static const char *netcx_keyword_apply(const char *tok, size_t len,
				       unsigned long *seen, u32 *kw_off)
{
	const struct netcx_keyword *kw;
	const char *eq, *val;
	int i, b, v;

	if (!len)
		return "empty keyword";
	eq = memchr(tok, '=', len);
	if (!eq)
		return "expected name=value";
	i = netcx_keyword_find(tok, eq - tok);
	if (i < 0)
		return "unknown keyword";
	kw = &netcx_keywords[i];
	val = eq + 1;
	v = netcx_keyword_value(kw, val, tok + len - val);
	if (v < 0)
		return "invalid value";
	if (__test_and_set_bit(i, seen))
		return "duplicate keyword";

	if (kw->max == NETCX_KW_PORT)
		return NULL;
	for (b = 0; b < ARRAY_SIZE(kw->sw); b++) {
		unsigned long offs = kw->sw[b].offloads;
		int off;

		if (v & BIT(b))
			continue;
		for_each_set_bit(off, &offs, NETCX_OFFLOAD_MAX)
			kw_off[off] |= kw->sw[b].kinds;
	}
	return NULL;
}

/**
 * netcx_keywords_parse() - parse a keyword string
 * @str: "name=value,name=value", or "" for none.
 * @kw_off: set to the kinds switched off, per offload, even on error.
 * @err: on error, set to the rule broken and the token that broke it.
 *
 * Return: 0, or -EINVAL.
 */
int netcx_keywords_parse(const char *str, u32 kw_off[NETCX_OFFLOAD_MAX],
			 struct netcx_kw_error *err)
{
	DECLARE_BITMAP(seen, ARRAY_SIZE(netcx_keywords)) = {};
	const char *tok = str;

	memset(kw_off, 0, sizeof(u32) * NETCX_OFFLOAD_MAX);
	if (!*str)
		return 0;
	for (;;) {
		size_t len = strchrnul(tok, ',') - tok;
		const char *why;

		why = netcx_keyword_apply(tok, len, seen, kw_off);
		if (why) {
			err->reason = why;
			err->token = tok;
			err->len = min_t(size_t, len, INT_MAX);
			return -EINVAL;
		}
		if (!tok[len])
			return 0;
		tok += len + 1;
	}
}
EXPORT_SYMBOL_IF_KUNIT(netcx_keywords_parse);

/**
 * netcx_keywords_refused() - say why a keyword string was refused
 * @err: what netcx_keywords_parse() reported.
 * @ndev: the device to name in the kernel log, or NULL...
 * @dev: ...this one then.
 * @extack: the request's extack, or NULL.
 *
 * The kernel log gets "netcx: keyword '<token>': <reason>"; the extack
 * "netcx: <reason> '<token>'", the token cut to 32 characters (devlink's
 * strings are shorter). Before 6.2 the extack holds the reason alone
 * (netcx_extack_token()).
 */
void netcx_keywords_refused(const struct netcx_kw_error *err,
			    struct net_device *ndev, struct device *dev,
			    struct netlink_ext_ack *extack)
{
	int len = min(err->len, 64);

	netcx_extack_token(extack, err->reason, err->token, min(len, 32));
	if (ndev)
		netdev_err(ndev, "netcx: keyword '%.*s': %s\n", len,
			   err->token, err->reason);
	else
		dev_err(dev, "netcx: keyword '%.*s': %s\n", len, err->token,
			err->reason);
}

/**
 * netcx_keywords_vxlan_port() - the port ``*VxlanUDPPortNumber`` gives
 * @str: a keyword string netcx_keywords_parse() accepted.
 *
 * Return: the port, host order; 0 when the string does not give it.
 */
u16 netcx_keywords_vxlan_port(const char *str)
{
	size_t n = strlen(NETCX_KW_VXLAN_PORT);
	const char *tok = str;

	while (*tok) {
		size_t len = strchrnul(tok, ',') - tok, i;
		u32 port = 0;

		if (len > n + 1 && tok[n] == '=' &&
		    !strncasecmp(tok, NETCX_KW_VXLAN_PORT, n)) {
			/* checked by netcx_keyword_value() */
			for (i = n + 1; i < len && isdigit(tok[i]); i++)
				port = port * 10 + tok[i] - '0';
			return port <= U16_MAX ? port : 0;
		}
		if (!tok[len])
			break;
		tok += len + 1;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(netcx_keywords_vxlan_port);

/**
 * netcx_set_keywords() - apply NetAdapterCx's standard offload keywords
 * @ad: the adapter, not yet committed.
 * @keywords: "name=value,name=value" (e.g. "*LsoV2IPv6=0,*RscIPv4=0"),
 *	or NULL or "" for none.
 *
 * See "DOC: keywords" for the names, values and syntax. Each call replaces
 * the keywords of the previous one; a string that fails changes nothing.
 * Keywords are read at netcx_adapter_commit(); after it, only
 * netcx_update_keywords() changes them.
 *
 * Return: 0; -EINVAL on a bad token (logged with netdev_err(), naming it);
 * -EBUSY after commit or registration.
 */
int netcx_set_keywords(struct netcx_adapter *ad, const char *keywords)
{
	u32 kw_off[NETCX_OFFLOAD_MAX];
	struct netcx_kw_error err;
	int ret;

	ret = netcx_adapter_may_change(ad, "keywords");
	if (ret)
		return ret;
	ret = netcx_keywords_parse(keywords ?: "", kw_off, &err);
	if (ret) {
		netcx_keywords_refused(&err, ad->dev, NULL, NULL);
		return ret;
	}
	memcpy(ad->kw_off, kw_off, sizeof(kw_off));
	ad->tnl.kw_vxlan_port = netcx_keywords_vxlan_port(keywords ?: "");
	return 0;
}
EXPORT_SYMBOL_NS_GPL(netcx_set_keywords, NETCX_NS);
