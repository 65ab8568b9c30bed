// SPDX-License-Identifier: GPL-2.0
/*
 * ncsim receive: buffers posted to the receive ring, descriptors turned
 * into skbs (netcx_rx_vlan(), then netcx_rx_csum_status() from the
 * descriptor's per-layer checksum bits, then netcx_rx_rsc() for a frame
 * the engine coalesced), GRO; and XON to the peer's engine when the ring
 * has room again.
 *
 * A frame the engine coalesced spans a chain of descriptors, one segment's
 * payload in each but the first: the buffers after the first become its
 * page fragments, one segment each, as GRO merges segments, so that the
 * packet can leave again by a device's TSO, or skb_segment() cut it at
 * the same bounds (ncsim's profiles coalesce at most MAX_SKB_FRAGS + 1
 * segments, so that they always fit).
 */
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#include <netcx/netcx.h>

#include "ncsim.h"

/* The peer's engine waits for room in our receive ring: XON. */
static void ncsim_rx_xon(struct ncsim_port *port)
{
	struct ncsim_port *peer;

	/* pairs with the barrier in the engine's pause: room, then paused */
	smp_mb();
	rcu_read_lock();
	peer = rcu_dereference(port->peer);
	if (peer && READ_ONCE(peer->hw_tx.paused))
		napi_schedule(&peer->napi);
	rcu_read_unlock();
}

/* rx_alloc_fail: whether the next allocation is to fail. */
static bool ncsim_rx_alloc_fault(struct ncsim_port *port)
{
	u32 fail = READ_ONCE(port->rx_alloc_fail);

	return fail && !(++port->rx_allocs % fail);
}

/*
 * Posts receive buffers up to a full ring: from NAPI, or with NAPI off.
 * An allocation that fails (or that debugfs's rx_alloc_fail makes fail)
 * ends the refill, counted: the next poll tries again, and a frame that
 * arrives meanwhile schedules it, whether or not a buffer was there.
 */
void ncsim_rx_refill(struct ncsim_port *port, bool napi)
{
	struct ncsim_rx_ring *ring = &port->hw_rx.ring;
	u32 tail = port->rx_tail, i;
	struct ncsim_rxd *d;
	struct sk_buff *skb;

	while (tail - port->rx_clean < NCSIM_RX_RING) {
		if (ncsim_rx_alloc_fault(port))
			skb = NULL;
		else if (napi)
			skb = napi_alloc_skb(&port->napi, port->rx_buf_len);
		else
			skb = __netdev_alloc_skb_ip_align(port->dev,
							  port->rx_buf_len,
							  GFP_KERNEL);
		if (!skb) {
			ncsim_count(port, NCSIM_DRV_RX_ALLOC_FAIL, 1);
			break;
		}
		i = tail & ring->mask;
		d = &ring->desc[i];
		port->rx_skb[i] = skb;
		d->addr = skb->data;
		d->buf_len = port->rx_buf_len;
		d->sta = 0;
		tail++;
	}
	if (tail == port->rx_tail)
		return;
	port->rx_tail = tail;
	/* the buffers before the tail that hands them to the device */
	smp_store_release(&ring->tail, tail);
}

/*
 * Takes the rest of the chain that starts at @skb (the first descriptor's,
 * without EOP): each buffer after it, up to the one with EOP, becomes a
 * page fragment of @skb, as GRO merges segments (skb_try_coalesce()
 * steals the buffer's page-fragment head); past MAX_SKB_FRAGS, or for a
 * buffer that cannot be stolen, the rest go to its frag_list. The engine
 * wrote the chain before the first descriptor's DD.
 */
static void ncsim_rx_chain(struct ncsim_port *port, struct sk_buff *skb)
{
	struct ncsim_rx_ring *ring = &port->hw_rx.ring;
	struct sk_buff *seg, **next = &skb_shinfo(skb)->frag_list;
	struct ncsim_rxd *d;
	bool stolen;
	int delta;
	u8 sta;
	u32 i;

	do {
		i = port->rx_clean & ring->mask;
		d = &ring->desc[i];
		sta = READ_ONCE(d->sta);
		seg = port->rx_skb[i];
		port->rx_skb[i] = NULL;
		port->rx_clean++;
		skb_put(seg, d->len);
		d->sta = 0;
		if (!skb_has_frag_list(skb) &&
		    skb_try_coalesce(skb, seg, &stolen, &delta)) {
			kfree_skb_partial(seg, stolen);
			continue;
		}
		*next = seg;
		next = &seg->next;
		skb->len += seg->len;
		skb->data_len += seg->len;
		skb->truesize += seg->truesize;
	} while (!(sta & NCSIM_RXD_STA_EOP));
}

int ncsim_rx(struct ncsim_port *port, int budget)
{
	struct ncsim_rx_ring *ring = &port->hw_rx.ring;
	unsigned int bytes = 0;
	u16 rsc_segs, rsc_mss;
	struct ncsim_rxd *d;
	struct sk_buff *skb;
	int done = 0;
	u16 csum;
	u8 sta;
	u32 i;

	while (done < budget) {
		i = port->rx_clean & ring->mask;
		d = &ring->desc[i];
		/* pairs with the engine's release: the frame is written */
		sta = smp_load_acquire(&d->sta);
		if (!(sta & NCSIM_RXD_STA_DD))
			break;
		skb = port->rx_skb[i];
		port->rx_skb[i] = NULL;
		port->rx_clean++;

		skb_put(skb, d->len);
		csum = d->csum;
		rsc_segs = d->rsc_segs;
		rsc_mss = d->rsc_mss;
		if (!(sta & NCSIM_RXD_STA_EOP))
			ncsim_rx_chain(port, skb);
		bytes += skb->len;
		if (sta & NCSIM_RXD_STA_VP)
			skb = netcx_rx_vlan(port->ad, skb, d->vlan);
		d->sta = 0;
		done++;
		if (!skb)	/* the tag could not be put back: dropped */
			continue;
		skb->protocol = eth_type_trans(skb, port->dev);
		/* the csum word, as ncsim_profile_declare() maps it */
		netcx_rx_csum_status(port->ad, skb, csum);
		/* coalesced: what the stack needs of a hardware GRO packet */
		if (rsc_segs >= 2)
			netcx_rx_rsc(port->ad, skb, rsc_segs, rsc_mss);
		napi_gro_receive(&port->napi, skb);
	}
	if (done) {
		ncsim_count(port, NCSIM_DRV_RX_PACKETS, done);
		ncsim_count(port, NCSIM_DRV_RX_BYTES, bytes);
	}
	ncsim_rx_refill(port, true);
	if (done)
		ncsim_rx_xon(port);
	return done;
}

void ncsim_rx_drain(struct ncsim_port *port)
{
	unsigned int i;

	for (i = 0; i < NCSIM_RX_RING; i++) {
		dev_kfree_skb_any(port->rx_skb[i]);
		port->rx_skb[i] = NULL;
	}
}
