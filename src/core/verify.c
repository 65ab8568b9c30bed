// SPDX-License-Identifier: GPL-2.0
/*
 * The capability verifier: the rules a client driver's declared
 * capabilities must follow, each check returning NULL or the message of
 * the first rule broken.
 */
#include <linux/build_bug.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/netdevice.h>

#include <kunit/visibility.h>
#include <netcx/netcx.h>

#include "core.h"

/**
 * DOC: verifier rules
 *
 * netcx refuses capabilities that are inconsistent, or that the Linux stack
 * would silently undo, with -EINVAL and a netdev_err() naming the rule.
 * The rules of one offload are checked by its netcx_set_*_caps() call, in
 * this order:
 *
 * Layer flags (TX checksum, LSO, USO):
 *  - no flag outside %NETCX_L3_ALL or %NETCX_L4_ALL;
 *  - not all flags clear;
 *  - a "with options" or "with extension headers" flag needs its plain flag;
 *  - layer-4 flags need a layer-3 flag.
 *
 * TX checksum: a non-zero layer-3 offset limit is at least %ETH_HLEN; a
 * non-zero layer-4 offset limit is at least %ETH_HLEN plus an IPv4 header.
 *
 * RX checksum: kinds only among %NETCX_KINDS_V4 and %NETCX_KINDS_V6, and
 * at least one. The status bits (&netcx_rx_csum_caps.status), when
 * declared: a layer with "bad" bits has "checked" bits too; a layer with
 * bits has a kind declared (IPv4 header: %NETCX_IPV4_HDR; TCP: %NETCX_TCP4
 * or %NETCX_TCP6; UDP: %NETCX_UDP4 or %NETCX_UDP6; inner: a TCP or UDP
 * kind); no bit means two
 * things: "ignore" and a result, or "checked" and "bad", in one layer or
 * across layers (one bit may mean the same thing for several layers, as
 * the 8254x's TCPCS for TCP and UDP).
 *
 * LSO and USO: LSO has the TCP flag and not the UDP one, USO the reverse;
 * the maximum offload size and the minimum segment count are not 0; the
 * size is at most %GSO_MAX_SIZE (the segment count cannot exceed
 * %GSO_MAX_SEGS: it is a u16); the minimum segment count is at most the
 * maximum; a non-zero layer-4 offset limit is at least %ETH_HLEN plus an
 * IPv4 header.
 *
 * RSC: layer-3 flags only among %NETCX_L3_ALL, at least one, and neither
 * IPv4 options nor IPv6 extension headers (RSC never coalesces them); a
 * maximum segment count of 0 (the default) or at least 2.
 *
 * 802.1Q: kinds only among %NETCX_TAG_PRIO and %NETCX_TAG_VLAN, and at
 * least one.
 *
 * The rules spanning offloads, or the driver's own features, are checked by
 * netcx_adapter_commit():
 *  - LSO needs %NETIF_F_SG in the device's hw_features (the stack drops
 *    TSO without it);
 *  - LSO over IPv4 (IPv6) needs the TX checksum of TCP over IPv4 (IPv6);
 *  - USO over IPv4 (IPv6) needs the TX checksum of UDP over IPv4 (IPv6);
 *  - USO with a protocol-aware TX checksum needs it for UDP over both IPv4
 *    and IPv6: netdev_fix_features() drops %NETIF_F_GSO_UDP_L4 unless both
 *    %NETIF_F_IP_CSUM and %NETIF_F_IPV6_CSUM, or %NETIF_F_HW_CSUM, are on;
 *  - RSC over IPv4 (IPv6) needs the RX checksum of TCP over IPv4 (IPv6);
 *  - tunnel offloads need the TX checksum, their segmentation LSO or USO
 *    ("DOC: tunnel rules").
 */

/* The shortest header prefix a non-zero offset limit may allow. */
#define NETCX_MIN_L3_OFFSET	ETH_HLEN
#define NETCX_MIN_L4_OFFSET	(ETH_HLEN + sizeof(struct iphdr))

static_assert(sizeof_field(struct netcx_gso_caps, max_segs) == sizeof(u16) &&
	      GSO_MAX_SEGS == U16_MAX,
	      "netcx_gso_caps.max_segs must not be able to exceed GSO_MAX_SEGS");

static const char *netcx_check_flags(u8 l3, u8 l4)
{
	if (l3 & ~NETCX_L3_ALL)
		return "unknown layer-3 flag";
	if (l4 & ~NETCX_L4_ALL)
		return "unknown layer-4 flag";
	if (!l3 && !l4)
		return "all flags clear";
	if ((l3 & NETCX_L3_IPV4_OPTS) && !(l3 & NETCX_L3_IPV4))
		return "IPv4-with-options flag without the IPv4 flag";
	if ((l3 & NETCX_L3_IPV6_EXT) && !(l3 & NETCX_L3_IPV6))
		return "IPv6-with-extension-headers flag without the IPv6 flag";
	if ((l4 & NETCX_L4_TCP_OPTS) && !(l4 & NETCX_L4_TCP))
		return "TCP-with-options flag without the TCP flag";
	if (l4 && !l3)
		return "layer-4 flags without a layer-3 flag";
	return NULL;
}

static const char *netcx_check_l4_offset(u16 limit)
{
	if (limit && limit < NETCX_MIN_L4_OFFSET)
		return "layer-4 header offset limit below Ethernet and IPv4 headers";
	return NULL;
}

/**
 * netcx_check_tx_csum() - the rules of the transmit checksum capabilities
 * @caps: the capabilities.
 *
 * Return: NULL, or the message of the first rule @caps break.
 */
const char *netcx_check_tx_csum(const struct netcx_tx_csum_caps *caps)
{
	const char *why;

	why = netcx_check_flags(caps->l3, caps->l4);
	if (why)
		return why;
	if (caps->l3_offset_limit &&
	    caps->l3_offset_limit < NETCX_MIN_L3_OFFSET)
		return "layer-3 header offset limit below the Ethernet header";
	return netcx_check_l4_offset(caps->l4_offset_limit);
}
EXPORT_SYMBOL_IF_KUNIT(netcx_check_tx_csum);

/**
 * netcx_check_rx_csum() - the rules of the receive checksum capabilities
 * @caps: the capabilities.
 *
 * Return: NULL, or the message of the first rule @caps break.
 */
const char *netcx_check_rx_csum(const struct netcx_rx_csum_caps *caps)
{
	const struct netcx_rx_status_map *map = &caps->status;
	const struct {
		const struct netcx_rx_csum_bits *bits;
		u32 kinds;
		const char *bad_alone;
		const char *no_kind;
	} layer[] = {
		{ &map->ipv4, NETCX_IPV4_HDR,
		  "IPv4 header status: a bad bit without a checked bit",
		  "IPv4 header status bits without the IPv4 header kind" },
		{ &map->tcp, NETCX_TCP4 | NETCX_TCP6,
		  "TCP status: a bad bit without a checked bit",
		  "TCP status bits without a TCP kind" },
		{ &map->udp, NETCX_UDP4 | NETCX_UDP6,
		  "UDP status: a bad bit without a checked bit",
		  "UDP status bits without a UDP kind" },
		{ &map->inner,
		  NETCX_TCP4 | NETCX_TCP6 | NETCX_UDP4 | NETCX_UDP6,
		  "inner status: a bad bit without a checked bit",
		  "inner status bits without a TCP or UDP kind" },
	};
	u32 checked = 0, bad = 0;
	unsigned int i;

	if (caps->kinds & ~(NETCX_KINDS_V4 | NETCX_KINDS_V6))
		return "unknown receive checksum kind";
	if (!caps->kinds)
		return "no receive checksum kind";
	for (i = 0; i < ARRAY_SIZE(layer); i++) {
		const struct netcx_rx_csum_bits *b = layer[i].bits;

		if (b->bad && !b->checked)
			return layer[i].bad_alone;
		if (b->checked && !(caps->kinds & layer[i].kinds))
			return layer[i].no_kind;
		checked |= b->checked;
		bad |= b->bad;
	}
	if (checked & bad)
		return "a status bit both checked and bad";
	if (map->ignore & (checked | bad))
		return "a status bit both ignore and a checksum result";
	return NULL;
}
EXPORT_SYMBOL_IF_KUNIT(netcx_check_rx_csum);

/* The rules LSO and USO share, after their layer-4 protocol rule. */
static const char *netcx_check_gso(const struct netcx_gso_caps *caps)
{
	u32 max_segs = netcx_gso_max_segs(caps);

	if (!caps->max_size)
		return "maximum offload size is 0";
	if (!caps->min_segs)
		return "minimum segment count is 0";
	if (caps->max_size > GSO_MAX_SIZE)
		return "maximum offload size above GSO_MAX_SIZE";
	if (caps->min_segs > max_segs)
		return "minimum segment count above the maximum";
	if (caps->seed & ~NETCX_GSO_SEED_ALL)
		return "unknown segmentation seed flag";
	return netcx_check_l4_offset(caps->l4_offset_limit);
}

/**
 * netcx_check_lso() - the rules of the TCP segmentation capabilities
 * @caps: the capabilities.
 *
 * Return: NULL, or the message of the first rule @caps break.
 */
const char *netcx_check_lso(const struct netcx_gso_caps *caps)
{
	const char *why;

	why = netcx_check_flags(caps->l3, caps->l4);
	if (why)
		return why;
	if (!(caps->l4 & NETCX_L4_TCP) || (caps->l4 & NETCX_L4_UDP))
		return "LSO needs the TCP flag and no UDP flag";
	return netcx_check_gso(caps);
}
EXPORT_SYMBOL_IF_KUNIT(netcx_check_lso);

/**
 * netcx_check_uso() - the rules of the UDP segmentation capabilities
 * @caps: the capabilities.
 *
 * Return: NULL, or the message of the first rule @caps break.
 */
const char *netcx_check_uso(const struct netcx_gso_caps *caps)
{
	const char *why;

	why = netcx_check_flags(caps->l3, caps->l4);
	if (why)
		return why;
	if (!(caps->l4 & NETCX_L4_UDP) ||
	    (caps->l4 & (NETCX_L4_TCP | NETCX_L4_TCP_OPTS)))
		return "USO needs the UDP flag and no TCP flag";
	return netcx_check_gso(caps);
}
EXPORT_SYMBOL_IF_KUNIT(netcx_check_uso);

/**
 * netcx_check_rsc() - the rules of the receive coalescing capabilities
 * @caps: the capabilities.
 *
 * Return: NULL, or the message of the first rule @caps break.
 */
const char *netcx_check_rsc(const struct netcx_rsc_caps *caps)
{
	if (caps->l3 & ~NETCX_L3_ALL)
		return "unknown layer-3 flag";
	if (!caps->l3)
		return "all flags clear";
	if (caps->l3 & (NETCX_L3_IPV4_OPTS | NETCX_L3_IPV6_EXT))
		return "RSC never coalesces IPv4 options or IPv6 extension headers";
	if (caps->max_segs == 1)
		return "RSC maximum segment count is 1 (0 takes the default)";
	return NULL;
}
EXPORT_SYMBOL_IF_KUNIT(netcx_check_rsc);

/**
 * netcx_check_ieee8021q() - the rules of the 802.1Q tagging capabilities
 * @caps: the capabilities.
 *
 * Return: NULL, or the message of the first rule @caps break.
 */
const char *netcx_check_ieee8021q(const struct netcx_ieee8021q_caps *caps)
{
	if (caps->kinds & ~(NETCX_TAG_PRIO | NETCX_TAG_VLAN))
		return "unknown 802.1Q kind";
	if (!caps->kinds)
		return "no 802.1Q kind";
	return NULL;
}
EXPORT_SYMBOL_IF_KUNIT(netcx_check_ieee8021q);

static const char *netcx_check_lso_deps(const struct netcx_adapter *ad,
					u32 tx)
{
	u32 lso = netcx_hw_kinds(ad, NETCX_OFFLOAD_LSO);

	if (!(ad->declared & BIT(NETCX_OFFLOAD_LSO)))
		return NULL;
	if (!(ad->dev->hw_features & NETIF_F_SG))
		return "LSO needs NETIF_F_SG in hw_features";
	if ((lso & NETCX_TCP4) && !(tx & NETCX_TCP4))
		return "LSO over IPv4 needs the TX checksum of TCP over IPv4";
	if ((lso & NETCX_TCP6) && !(tx & NETCX_TCP6))
		return "LSO over IPv6 needs the TX checksum of TCP over IPv6";
	return NULL;
}

static const char *netcx_check_uso_deps(const struct netcx_adapter *ad,
					u32 tx)
{
	u32 uso = netcx_hw_kinds(ad, NETCX_OFFLOAD_USO);

	if (!(ad->declared & BIT(NETCX_OFFLOAD_USO)))
		return NULL;
	if ((uso & NETCX_UDP4) && !(tx & NETCX_UDP4))
		return "USO over IPv4 needs the TX checksum of UDP over IPv4";
	if ((uso & NETCX_UDP6) && !(tx & NETCX_UDP6))
		return "USO over IPv6 needs the TX checksum of UDP over IPv6";
	if (!ad->tx_csum.generic &&
	    (tx & (NETCX_UDP4 | NETCX_UDP6)) != (NETCX_UDP4 | NETCX_UDP6))
		return "USO needs a generic TX checksum or one of UDP over both IPv4 and IPv6";
	return NULL;
}

static const char *netcx_check_rsc_deps(const struct netcx_adapter *ad)
{
	u32 rsc = netcx_hw_kinds(ad, NETCX_OFFLOAD_RSC);
	u32 rx = netcx_hw_kinds(ad, NETCX_OFFLOAD_RX_CSUM);

	if ((rsc & NETCX_TCP4) && !(rx & NETCX_TCP4))
		return "RSC over IPv4 needs the RX checksum of TCP over IPv4";
	if ((rsc & NETCX_TCP6) && !(rx & NETCX_TCP6))
		return "RSC over IPv6 needs the RX checksum of TCP over IPv6";
	return NULL;
}

/**
 * netcx_check_adapter() - the rules spanning offloads
 * @ad: the adapter, its capabilities declared.
 *
 * Return: NULL, or the message of the first rule the capabilities break.
 */
const char *netcx_check_adapter(const struct netcx_adapter *ad)
{
	u32 tx = netcx_hw_kinds(ad, NETCX_OFFLOAD_TX_CSUM);

	return netcx_check_lso_deps(ad, tx) ?:
	       netcx_check_uso_deps(ad, tx) ?:
	       netcx_check_rsc_deps(ad) ?:
	       netcx_check_tunnel_deps(ad);
}
EXPORT_SYMBOL_IF_KUNIT(netcx_check_adapter);
