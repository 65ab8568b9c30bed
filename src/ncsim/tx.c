// SPDX-License-Identifier: GPL-2.0
/*
 * ncsim transmit: ndo_start_xmit asks netcx what the hardware may do for
 * each packet (netcx_tx_prepare()), copies the answer into an ncsim
 * transmit descriptor and rings the doorbell, the port's NAPI; NAPI reaps
 * the completions (BQL, queue wake-up).
 */
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#include <netcx/netcx.h>

#include "ncsim.h"

/* Room kept for a GSO packet segmented in software (64 KiB / 1448: 46). */
#define NCSIM_TX_STOP		64
#define NCSIM_TX_WAKE		(2 * NCSIM_TX_STOP)

static u32 ncsim_tx_free(const struct ncsim_port *port)
{
	/* pairs with the release in ncsim_tx_clean(): the slots are free */
	return NCSIM_TX_RING - (port->tx_tail - smp_load_acquire(&port->tx_clean));
}

/* Stops the queue unless @need descriptors are free: true if it stays stopped. */
static bool ncsim_tx_maybe_stop(struct ncsim_port *port, u32 need)
{
	if (likely(ncsim_tx_free(port) >= need))
		return false;
	netif_stop_queue(port->dev);
	ncsim_count(port, NCSIM_DRV_TX_STOPS, 1);
	/* pairs with the barrier in ncsim_tx_clean(): see its completions */
	smp_mb();
	if (ncsim_tx_free(port) < need)
		return true;
	netif_start_queue(port->dev);
	return false;
}

static u16 ncsim_txd_cmd(const struct netcx_tx_desc *desc)
{
	u16 f = desc->flags, cmd = 0;

	if (f & NETCX_TXD_IPV4_CSUM)
		cmd |= NCSIM_TXD_CMD_IPCS;
	if (f & NETCX_TXD_L4_CSUM)
		cmd |= NCSIM_TXD_CMD_L4CS;
	if (f & NETCX_TXD_LSO)
		cmd |= NCSIM_TXD_CMD_TSE;
	if (f & NETCX_TXD_USO)
		cmd |= NCSIM_TXD_CMD_USE;
	if (f & NETCX_TXD_VLAN)
		cmd |= NCSIM_TXD_CMD_VLE;
	if (f & NETCX_TXD_IPV6)
		cmd |= NCSIM_TXD_CMD_IP6;
	if (f & NETCX_TXD_TNL)
		cmd |= NCSIM_TXD_CMD_TNL;
	if (f & NETCX_TXD_IIPV6)
		cmd |= NCSIM_TXD_CMD_IIP6;
	if (f & NETCX_TXD_OUTER_CSUM)
		cmd |= NCSIM_TXD_CMD_OCS;
	if (f & NETCX_TXD_OUTER_IPV4_CSUM)
		cmd |= NCSIM_TXD_CMD_OIPCS;
	if (desc->l4_proto == IPPROTO_TCP)
		cmd |= NCSIM_TXD_CMD_TCP;
	else if (desc->l4_proto == IPPROTO_UDP)
		cmd |= NCSIM_TXD_CMD_UDP;
	return cmd;
}

/* Fills a transmit descriptor for @skb from netcx's @desc and posts it. */
static void ncsim_tx_post(struct ncsim_port *port, struct sk_buff *skb,
			  const struct netcx_tx_desc *desc)
{
	struct ncsim_tx_ring *ring = &port->hw_tx.ring;
	u32 i = port->tx_tail & ring->mask;
	struct ncsim_txd *d = &ring->desc[i];

	if (unlikely(!ncsim_tx_free(port))) {
		ncsim_count(port, NCSIM_DRV_TX_RING_FULL, 1);
		dev_core_stats_tx_dropped_inc(port->dev);
		dev_kfree_skb_any(skb);
		return;
	}
	d->buf = skb;
	d->len = skb->len;
	d->cmd = ncsim_txd_cmd(desc);
	d->maclen = desc->l3_offset;
	d->l4_off = desc->l4_offset;
	d->cso = desc->csum_offset;
	d->hdr_len = desc->hdr_len;
	d->mss = desc->mss;
	d->vlan = desc->vlan_tci;
	d->tnl = desc->tnl;
	d->il3_off = desc->il3_offset;
	d->il4_off = desc->il4_offset;
	d->sta = 0;
	port->tx_skb[i] = skb;
	netdev_sent_queue(port->dev, skb->len);
	skb_tx_timestamp(skb);

	/* the descriptor before the tail that hands it to the device */
	smp_store_release(&ring->tail, ++port->tx_tail);
}

/* The doorbell: the device's DMA engine is the port's NAPI. */
static void ncsim_tx_kick(struct ncsim_port *port)
{
	napi_schedule(&port->napi);
}

netdev_tx_t ncsim_start_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct ncsim_port *port = netdev_priv(dev);
	struct netcx_tx_desc desc;
	struct sk_buff *seg, *next;
	u32 need = 1;
	int ret;

	/* room for every segment, should netcx segment in software */
	if (skb_is_gso(skb))
		need = max_t(u32, skb_shinfo(skb)->gso_segs, 1);
	if (need < NCSIM_TX_RING && ncsim_tx_maybe_stop(port, need)) {
		ncsim_tx_kick(port);
		return NETDEV_TX_BUSY;
	}

	ret = netcx_tx_prepare(port->ad, &skb, &desc);
	if (!ret) {
		ncsim_tx_post(port, skb, &desc);
	} else if (ret == NETCX_TX_SEGMENTED) {
		skb_list_walk_safe(skb, seg, next) {
			skb_mark_not_on_list(seg);
			ret = netcx_tx_prepare(port->ad, &seg, &desc);
			if (!ret)
				ncsim_tx_post(port, seg, &desc);
			else if (ret > 0)	/* never: segments are not GSO */
				kfree_skb_list(seg);
		}
	}

	ncsim_tx_maybe_stop(port, NCSIM_TX_STOP);
	if (!netdev_xmit_more() || netif_queue_stopped(dev) ||
	    netif_xmit_stopped(netdev_get_tx_queue(dev, 0)))
		ncsim_tx_kick(port);
	return NETDEV_TX_OK;
}

/* Reaps the descriptors the engine executed; wakes the queue. */
void ncsim_tx_clean(struct ncsim_port *port, int budget)
{
	struct ncsim_tx_ring *ring = &port->hw_tx.ring;
	u32 head = READ_ONCE(ring->head), i = port->tx_clean;
	unsigned int pkts = 0, bytes = 0;
	struct sk_buff *skb;

	for (; i != head; i++) {
		/* pairs with the engine's release: done with the buffers */
		if (!(smp_load_acquire(&ring->desc[i & ring->mask].sta) &
		      NCSIM_TXD_STA_DD))
			break;
		skb = port->tx_skb[i & ring->mask];
		port->tx_skb[i & ring->mask] = NULL;
		pkts++;
		bytes += skb->len;
		napi_consume_skb(skb, budget);
	}
	if (!pkts)
		return;
	/* the slots are ndo_start_xmit's from here on */
	smp_store_release(&port->tx_clean, i);
	ncsim_count(port, NCSIM_DRV_TX_PACKETS, pkts);
	ncsim_count(port, NCSIM_DRV_TX_BYTES, bytes);
	netdev_completed_queue(port->dev, pkts, bytes);

	/* pairs with the barrier in ncsim_tx_maybe_stop() */
	smp_mb();
	if (netif_queue_stopped(port->dev) &&
	    ncsim_tx_free(port) >= NCSIM_TX_WAKE)
		netif_wake_queue(port->dev);
}

/* Frees what is still on the transmit ring of a port going down. */
void ncsim_tx_drain(struct ncsim_port *port)
{
	struct ncsim_tx_ring *ring = &port->hw_tx.ring;
	struct sk_buff *skb;
	u32 i;

	for (i = port->tx_clean; i != port->tx_tail; i++) {
		skb = port->tx_skb[i & ring->mask];
		port->tx_skb[i & ring->mask] = NULL;
		if ((s32)(i - ring->head) < 0) {
			dev_consume_skb_any(skb);	/* it was sent */
		} else {
			dev_core_stats_tx_dropped_inc(port->dev);
			dev_kfree_skb_any(skb);
		}
	}
	netdev_reset_queue(port->dev);
}

/* Receive */
