// SPDX-License-Identifier: GPL-2.0
/*
 * e1000cx offloads, all through netcx: what the 82540EM declares, the
 * context and data descriptor fields filled from netcx's per-packet
 * descriptor, which receive status bits report which checksum, and
 * netcx's change callback (RXCSUM and CTRL.VME).
 *
 * The silicon: one transmit context (IPCSS/IPCSO/IPCSE, TUCSS/TUCSO/TUCSE,
 * TSE with HDRLEN, MSS and PAYLEN) that data descriptors use until the next
 * context descriptor; a generic checksum engine (sum from TUCSS to the end,
 * store at TUCSO) whose offsets are one byte each; TCP segmentation of
 * IPv4 (and, by the manual, IPv6); 802.1Q insertion (VLE) and stripping,
 * both switched by the one bit CTRL.VME; receive checksums of IPv4 and
 * TCP/UDP over IPv4, one status bit for TCP and UDP together.
 */
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/moduleparam.h>
#include <linux/netdevice.h>

#include <netcx/netcx.h>

#include "e1000cx.h"

/*
 * QEMU 7.2's model writes, for an IPv6 segment, "frame length - IPCSS"
 * into the payload length: 40 bytes more than the truth, so every segment
 * is dropped by the receiver. The manual's silicon does IPv6 TSO; declare
 * it only where it works.
 */
static bool lso_ipv6;
module_param(lso_ipv6, bool, 0444);
MODULE_PARM_DESC(lso_ipv6, "declare TCP segmentation over IPv6 (default off: QEMU's model gets it wrong)");

/* The longest TCP header: HDRLEN is one byte, so L2 + L3 <= 255 - 60. */
#define E1000CX_LSO_L4_LIMIT	(E1000CX_CTX_OFFSET_MAX - 60)
/*
 * TUCSS and TUCSO are one byte each: the TCP checksum (16 bytes into its
 * header, the farthest of TCP's and UDP's) must sit within 255 bytes too.
 */
#define E1000CX_CSUM_L4_LIMIT	(E1000CX_CTX_OFFSET_MAX - 16)

/**
 * e1000cx_offload_declare() - declare the 82540EM's offloads to netcx
 * @e: the adapter; e->ad created, not committed.
 * @keywords: netcx keywords (the module parameter), or NULL.
 *
 * Return: 0, or netcx's error (its message names the rule).
 */
int e1000cx_offload_declare(struct e1000cx *e, const char *keywords)
{
	static const struct netcx_tx_csum_caps tx = {
		.l3 = NETCX_L3_ALL,
		.l4 = NETCX_L4_ALL,
		.generic = true,
		.l4_offset_limit = E1000CX_CSUM_L4_LIMIT,
	};
	/* the status word: status byte, errors byte above it (rx.c) */
	static const struct netcx_rx_csum_caps rx = {
		.kinds = NETCX_IPV4_HDR | NETCX_TCP4 | NETCX_UDP4,
		.status = {
			.ignore = E1000CX_RXD_STA_IXSM,
			.ipv4 = { E1000CX_RXD_STA_IPCS,
				  E1000CX_RXD_ERR_IPE << 8 },
			.tcp = { E1000CX_RXD_STA_TCPCS,
				 E1000CX_RXD_ERR_TCPE << 8 },
			/* one pair for both: netcx keeps the active kind's */
			.udp = { E1000CX_RXD_STA_TCPCS,
				 E1000CX_RXD_ERR_TCPE << 8 },
		},
	};
	static const struct netcx_ieee8021q_caps tag = {
		.kinds = NETCX_TAG_PRIO | NETCX_TAG_VLAN,
	};
	struct netcx_gso_caps lso = {
		.l3 = NETCX_L3_IPV4 | NETCX_L3_IPV4_OPTS,
		.l4 = NETCX_L4_TCP | NETCX_L4_TCP_OPTS,
		.l4_offset_limit = E1000CX_LSO_L4_LIMIT,
		.max_size = GSO_LEGACY_MAX_SIZE,
		.min_segs = 2,
		.seed = NETCX_GSO_SEED_NO_LEN | NETCX_GSO_SEED_IPV4_CSUM0,
	};
	int err;

	if (lso_ipv6)
		lso.l3 |= NETCX_L3_IPV6 | NETCX_L3_IPV6_EXT;
	err = netcx_set_tx_csum_caps(e->ad, &tx);
	if (!err)
		err = netcx_set_rx_csum_caps(e->ad, &rx);
	if (!err)
		err = netcx_set_lso_caps(e->ad, &lso);
	if (!err)
		err = netcx_set_ieee8021q_caps(e->ad, &tag);
	if (!err && keywords && *keywords)
		err = netcx_set_keywords(e->ad, keywords);
	return err;
}

/**
 * e1000cx_offload_ctx() - the context descriptor a packet needs
 * @d: netcx's descriptor for the packet.
 * @len: the packet's length.
 * @cd: filled with the context descriptor.
 *
 * Return: 1 when the packet needs a context (a checksum or segmentation),
 * 0 when it needs none, -ERANGE when a field would not fit its byte
 * (netcx's limits keep every packet it hands over within them).
 */
int e1000cx_offload_ctx(const struct netcx_tx_desc *d, u32 len,
			struct e1000cx_ctx_desc *cd)
{
	u32 tucso = d->l4_offset + d->csum_offset;
	u32 ipcso = d->l3_offset + offsetof(struct iphdr, check);
	u32 cmd = E1000CX_TXD_DEXT;

	if (!(d->flags & (NETCX_TXD_L4_CSUM | NETCX_TXD_IPV4_CSUM |
			  NETCX_TXD_LSO)))
		return 0;
	if (tucso > E1000CX_CTX_OFFSET_MAX || ipcso > E1000CX_CTX_OFFSET_MAX ||
	    d->hdr_len > E1000CX_CTX_OFFSET_MAX)
		return -ERANGE;

	if (d->l4_proto == IPPROTO_TCP)
		cmd |= E1000CX_TXD_TCP;
	if (!(d->flags & NETCX_TXD_IPV6))
		cmd |= E1000CX_TXD_IP;
	*cd = (struct e1000cx_ctx_desc){
		.ipcss = d->l3_offset,
		.ipcso = ipcso,
		.ipcse = cpu_to_le16(d->l4_offset ? d->l4_offset - 1 : 0),
		.tucss = d->l4_offset,
		.tucso = tucso,
	};
	if (d->flags & NETCX_TXD_LSO) {
		if (len - d->hdr_len > E1000CX_TSO_PAYLEN_MAX)
			return -ERANGE;
		cmd |= E1000CX_TXD_TSE | (len - d->hdr_len);
		cd->hdr_len = d->hdr_len;
		cd->mss = cpu_to_le16(d->mss);
	}
	cd->cmd_len = cpu_to_le32(cmd);
	return 1;
}

/**
 * e1000cx_offload_data() - the offload bits of a packet's data descriptors
 * @d: netcx's descriptor for the packet.
 * @upper: set to the upper word (POPTS, and the tag in SPECIAL).
 *
 * Return: the DCMD bits (TSE, VLE) for the third word.
 */
u32 e1000cx_offload_data(const struct netcx_tx_desc *d, u32 *upper)
{
	u32 cmd = 0, up = 0;

	if (d->flags & NETCX_TXD_L4_CSUM)
		up |= E1000CX_TXD_POPTS_TXSM;
	if (d->flags & NETCX_TXD_IPV4_CSUM)
		up |= E1000CX_TXD_POPTS_IXSM;
	if (d->flags & NETCX_TXD_LSO)
		cmd |= E1000CX_TXD_TSE;
	if (d->flags & NETCX_TXD_VLAN) {
		cmd |= E1000CX_TXD_VLE;
		up |= (u32)d->vlan_tci << E1000CX_TXD_SPECIAL_SHIFT;
	}
	*upper = up;
	return cmd;
}

/*
 * netcx's change callback, RTNL held, for each offload with a register
 * behind it: RXCSUM and CTRL.VME rewritten from netcx_active(), which
 * answers the state being applied (the old one when netcx rolls back).
 */
static int e1000cx_offload_changed(struct net_device *dev, u32 active)
{
	struct e1000cx *e = netdev_priv(dev);

	if (netif_running(dev)) {
		e1000cx_hw_set_rxcsum(e);
		e1000cx_hw_set_vme(e);
	}
	return 0;
}

/* Checksum and segmentation are per descriptor: nothing to program. */
const struct netcx_adapter_ops e1000cx_netcx_ops = {
	.changed = {
		[NETCX_OFFLOAD_RX_CSUM] = e1000cx_offload_changed,
		[NETCX_OFFLOAD_VLAN_RX] = e1000cx_offload_changed,
		[NETCX_OFFLOAD_VLAN_TX] = e1000cx_offload_changed,
	},
};
