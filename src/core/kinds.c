// SPDX-License-Identifier: GPL-2.0
/*
 * The offloads' names and the packet kinds the hardware declared: what the
 * verifier, the feature map and the plan all start from.
 */
#include <netcx/netcx.h>

#include "core.h"

static const char * const netcx_offload_names[NETCX_OFFLOAD_MAX] = {
	[NETCX_OFFLOAD_TX_CSUM]	= "TX checksum",
	[NETCX_OFFLOAD_RX_CSUM]	= "RX checksum",
	[NETCX_OFFLOAD_LSO]	= "LSO",
	[NETCX_OFFLOAD_USO]	= "USO",
	[NETCX_OFFLOAD_RSC]	= "RSC",
	[NETCX_OFFLOAD_VLAN_TX]	= "802.1Q TX",
	[NETCX_OFFLOAD_VLAN_RX]	= "802.1Q RX",
	[NETCX_OFFLOAD_TNL_CSUM] = "tunnel checksum",
	[NETCX_OFFLOAD_TNL_GSO]	= "tunnel segmentation",
};

/* The offload's name, for messages. */
const char *netcx_offload_name(enum netcx_offload off)
{
	return off < NETCX_OFFLOAD_MAX ? netcx_offload_names[off] : "?";
}

/* The packet kinds of layer flags, for layer-4 protocols @l4. */
static u32 netcx_flag_kinds(u8 l3, u8 l4)
{
	u32 kinds = 0;

	if (l3 & NETCX_L3_IPV4) {
		kinds |= NETCX_IPV4_HDR;
		if (l4 & NETCX_L4_TCP)
			kinds |= NETCX_TCP4;
		if (l4 & NETCX_L4_UDP)
			kinds |= NETCX_UDP4;
	}
	if (l3 & NETCX_L3_IPV6) {
		if (l4 & NETCX_L4_TCP)
			kinds |= NETCX_TCP6;
		if (l4 & NETCX_L4_UDP)
			kinds |= NETCX_UDP6;
	}
	return kinds;
}

/**
 * netcx_hw_kinds() - the packet kinds the hardware declared for an offload
 * @ad: the adapter.
 * @off: the offload.
 *
 * Return: the kinds, before keywords and dependencies; 0 when the hardware
 * declared no capabilities for @off.
 */
u32 netcx_hw_kinds(const struct netcx_adapter *ad, enum netcx_offload off)
{
	if (!(ad->declared & BIT(off)))
		return 0;
	switch (off) {
	case NETCX_OFFLOAD_TX_CSUM:
		return netcx_flag_kinds(ad->tx_csum.l3, ad->tx_csum.l4);
	case NETCX_OFFLOAD_RX_CSUM:
		return ad->rx_csum.kinds;
	case NETCX_OFFLOAD_LSO:
		return netcx_flag_kinds(ad->lso.l3, ad->lso.l4) &
		       (NETCX_TCP4 | NETCX_TCP6);
	case NETCX_OFFLOAD_USO:
		return netcx_flag_kinds(ad->uso.l3, ad->uso.l4) &
		       (NETCX_UDP4 | NETCX_UDP6);
	case NETCX_OFFLOAD_RSC:
		return netcx_flag_kinds(ad->rsc.l3, NETCX_L4_TCP) &
		       (NETCX_TCP4 | NETCX_TCP6);
	case NETCX_OFFLOAD_VLAN_TX:
	case NETCX_OFFLOAD_VLAN_RX:
		return ad->tag.kinds;
	case NETCX_OFFLOAD_TNL_CSUM:
	case NETCX_OFFLOAD_TNL_GSO:
		return netcx_tnl_hw_kinds(ad, off);
	default:
		return 0;
	}
}

