// SPDX-License-Identifier: GPL-2.0
/*
 * e1000cx transmit: the descriptor ring, ndo_start_xmit and completion.
 *
 * Each packet takes a context descriptor when its offloads need a context
 * other than the one the device holds (the context stays loaded across
 * packets, so a flow of like packets takes one context), then one data
 * descriptor per buffer piece (E1000CX_TX_MAX_BUF bytes at most). RS is set
 * on the last data descriptor only: its DD says the whole packet is done.
 * Byte queue limits count skb->len as posted.
 */
#include <linux/dma-mapping.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#include <netcx/netcx.h>

#include "e1000cx.h"

static u32 e1000cx_tx_room(const struct e1000cx *e)
{
	/* pairs with the release in e1000cx_tx_clean(): the slots are free */
	return e->tx_count - (e->tx_tail - smp_load_acquire(&e->tx_clean));
}

/**
 * e1000cx_tx_alloc() - allocate the transmit ring
 * @e: the adapter.
 * @count: descriptors, a multiple of 8.
 *
 * Return: 0 or -ENOMEM.
 */
int e1000cx_tx_alloc(struct e1000cx *e, u32 count)
{
	e->tx_buf = kcalloc(count, sizeof(*e->tx_buf), GFP_KERNEL);
	if (!e->tx_buf)
		return -ENOMEM;
	e->tx_ring = dma_alloc_coherent(&e->pdev->dev,
					count * sizeof(*e->tx_ring),
					&e->tx_ring_dma, GFP_KERNEL);
	if (!e->tx_ring) {
		kfree(e->tx_buf);
		e->tx_buf = NULL;
		return -ENOMEM;
	}
	e->tx_count = count;
	return 0;
}

/**
 * e1000cx_tx_free() - free the transmit ring, drained
 * @e: the adapter.
 */
void e1000cx_tx_free(struct e1000cx *e)
{
	if (e->tx_ring)
		dma_free_coherent(&e->pdev->dev,
				  e->tx_count * sizeof(*e->tx_ring),
				  e->tx_ring, e->tx_ring_dma);
	e->tx_ring = NULL;
	kfree(e->tx_buf);
	e->tx_buf = NULL;
}

/**
 * e1000cx_tx_start() - hand the empty ring to the device and enable it
 * @e: the adapter, after reset.
 */
void e1000cx_tx_start(struct e1000cx *e)
{
	e->tx_tail = 0;
	e->tx_clean = 0;
	memset(&e->ctx, 0, sizeof(e->ctx));
	memset(e->tx_ring, 0, e->tx_count * sizeof(*e->tx_ring));
	netdev_reset_queue(e->dev);

	e1000cx_wr(e, E1000CX_TDBAL, lower_32_bits(e->tx_ring_dma));
	e1000cx_wr(e, E1000CX_TDBAH, upper_32_bits(e->tx_ring_dma));
	e1000cx_wr(e, E1000CX_TDLEN, e->tx_count * sizeof(*e->tx_ring));
	e1000cx_wr(e, E1000CX_TDH, 0);
	e1000cx_wr(e, E1000CX_TDT, 0);
	e1000cx_wr(e, E1000CX_TIDV, 0);
	e1000cx_wr(e, E1000CX_TADV, 0);
	e1000cx_wr(e, E1000CX_TIPG, E1000CX_TIPG_COPPER);
	e1000cx_wr(e, E1000CX_TCTL, E1000CX_TCTL_EN | E1000CX_TCTL_PSP |
				    E1000CX_TCTL_CT | E1000CX_TCTL_COLD);
	e1000cx_flush(e);
}

static void e1000cx_tx_unmap(struct e1000cx *e, struct e1000cx_tx_buf *b)
{
	if (!b->len)
		return;
	if (b->page)
		dma_unmap_page(&e->pdev->dev, b->dma, b->len, DMA_TO_DEVICE);
	else
		dma_unmap_single(&e->pdev->dev, b->dma, b->len, DMA_TO_DEVICE);
	b->len = 0;
}

/**
 * e1000cx_tx_drain() - free what is left on the ring of a stopped device
 * @e: the adapter: transmit disabled, NAPI off.
 */
void e1000cx_tx_drain(struct e1000cx *e)
{
	struct e1000cx_tx_buf *b;
	u32 i;

	for (i = e->tx_clean; i != e->tx_tail; i++) {
		b = &e->tx_buf[i % e->tx_count];
		e1000cx_tx_unmap(e, b);
		if (b->skb) {
			dev_core_stats_tx_dropped_inc(e->dev);
			dev_kfree_skb_any(b->skb);
			b->skb = NULL;
		}
	}
	e->tx_clean = e->tx_tail;
	netdev_reset_queue(e->dev);
}

/* Descriptors @len bytes take, E1000CX_TX_MAX_BUF at most each. */
static u32 e1000cx_tx_pieces(u32 len)
{
	return DIV_ROUND_UP(len, E1000CX_TX_MAX_BUF);
}

/* Descriptors the packet takes at most: a context, the head, the frags. */
static u32 e1000cx_tx_need(const struct sk_buff *skb)
{
	u32 n = 1 + e1000cx_tx_pieces(skb_headlen(skb));
	unsigned int f;

	for (f = 0; f < skb_shinfo(skb)->nr_frags; f++)
		n += e1000cx_tx_pieces(skb_frag_size(&skb_shinfo(skb)->frags[f]));
	return n;
}

/* One buffer, cut into data descriptors from slot *@i on. */
static void e1000cx_tx_piece(struct e1000cx *e, u32 *i, dma_addr_t dma,
			     u32 len, u32 cmd, u32 upper)
{
	struct e1000cx_tx_desc *d;
	u32 n;

	while (len) {
		n = min_t(u32, len, E1000CX_TX_MAX_BUF);
		d = &e->tx_ring[*i % e->tx_count];
		d->addr = cpu_to_le64(dma);
		d->lower = cpu_to_le32(cmd | n);
		d->upper = cpu_to_le32(upper);
		dma += n;
		len -= n;
		++*i;
	}
}

/*
 * Maps and posts @skb with netcx's @nd; false when it was dropped. The
 * packet's first slot (its context descriptor, if it has one) holds the
 * skb and the slot of its last descriptor; every slot, what to unmap. The
 * tail register is not written: the caller rings the doorbell.
 */
static bool e1000cx_tx_post(struct e1000cx *e, struct sk_buff *skb,
			    const struct netcx_tx_desc *nd)
{
	struct device *dmadev = &e->pdev->dev;
	u32 first = e->tx_tail, i = first, cmd, upper, last, f;
	struct e1000cx_ctx_desc ctx;
	struct e1000cx_tx_buf *b;
	bool new_ctx = false;
	dma_addr_t dma;
	int ret;

	if (unlikely(e1000cx_tx_room(e) < e1000cx_tx_need(skb))) {
		e1000cx_count(e, E1000CX_TX_RING_FULL, 1);
		goto drop;
	}
	ret = e1000cx_offload_ctx(nd, skb->len, &ctx);
	if (unlikely(ret < 0)) {
		e1000cx_count(e, E1000CX_TX_DESC_LIMIT, 1);
		goto drop;
	}
	if (ret && memcmp(&ctx, &e->ctx, sizeof(ctx))) {
		*(struct e1000cx_ctx_desc *)&e->tx_ring[i++ % e->tx_count] = ctx;
		new_ctx = true;
	}

	cmd = E1000CX_TXD_DEXT | E1000CX_TXD_DTYP_D | E1000CX_TXD_IFCS |
	      e1000cx_offload_data(nd, &upper);

	if (skb_headlen(skb)) {
		b = &e->tx_buf[i % e->tx_count];
		dma = dma_map_single(dmadev, skb->data, skb_headlen(skb),
				     DMA_TO_DEVICE);
		if (dma_mapping_error(dmadev, dma))
			goto unmap;
		b->dma = dma;
		b->len = skb_headlen(skb);
		b->page = false;
		e1000cx_tx_piece(e, &i, dma, b->len, cmd, upper);
	}
	for (f = 0; f < skb_shinfo(skb)->nr_frags; f++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[f];

		b = &e->tx_buf[i % e->tx_count];
		dma = skb_frag_dma_map(dmadev, frag, 0, skb_frag_size(frag),
				       DMA_TO_DEVICE);
		if (dma_mapping_error(dmadev, dma))
			goto unmap;
		b->dma = dma;
		b->len = skb_frag_size(frag);
		b->page = true;
		e1000cx_tx_piece(e, &i, dma, b->len, cmd, upper);
	}
	if (unlikely(i == first + new_ctx))	/* an empty packet */
		goto unmap;

	last = (i - 1) % e->tx_count;
	e->tx_ring[last].lower |= cpu_to_le32(E1000CX_TXD_EOP | E1000CX_TXD_RS);
	b = &e->tx_buf[first % e->tx_count];
	b->skb = skb;
	b->eop = last;
	b->bytes = skb->len;
	if (new_ctx) {
		e->ctx = ctx;
		e1000cx_count(e, E1000CX_TX_CONTEXTS, 1);
	}
	netdev_sent_queue(e->dev, skb->len);
	skb_tx_timestamp(skb);
	/* the slots before the tail that NAPI reaps by */
	smp_store_release(&e->tx_tail, i);
	return true;

unmap:
	e1000cx_count(e, E1000CX_TX_MAP_ERRORS, 1);
	for (; first != i; first++)
		e1000cx_tx_unmap(e, &e->tx_buf[first % e->tx_count]);
	/* a context written but not handed over: the device keeps its own */
drop:
	dev_core_stats_tx_dropped_inc(e->dev);
	dev_kfree_skb_any(skb);
	return false;
}

/* Stops the queue unless @need descriptors are free: true if it stays stopped. */
static bool e1000cx_tx_maybe_stop(struct e1000cx *e, u32 need)
{
	if (likely(e1000cx_tx_room(e) >= need))
		return false;
	netif_stop_queue(e->dev);
	e1000cx_count(e, E1000CX_TX_STOPS, 1);
	/* pairs with the barrier in e1000cx_tx_clean(): see its completions */
	smp_mb();
	if (e1000cx_tx_room(e) < need)
		return true;
	netif_start_queue(e->dev);
	return false;
}

/**
 * e1000cx_xmit() - ndo_start_xmit
 * @skb: the packet.
 * @dev: the device.
 *
 * netcx_tx_prepare() says what the hardware does for the packet (or does
 * it in software: a list of segments then comes back, each prepared
 * again); the descriptors are filled from its answer only.
 *
 * Return: %NETDEV_TX_OK, or %NETDEV_TX_BUSY when the ring is short.
 */
netdev_tx_t e1000cx_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct e1000cx *e = netdev_priv(dev);
	struct netcx_tx_desc nd;
	struct sk_buff *seg, *next;
	u32 need;
	int ret;

	/*
	 * Room for the packet as the hardware takes it. What the hardware
	 * cannot segment the stack has segmented already (netcx's
	 * features_check); a GSO skb netcx still cuts here (pktgen, features
	 * changed since) posts the segments that fit, the others are dropped
	 * and counted (tx_ring_full).
	 */
	need = min(e1000cx_tx_need(skb), e->tx_count - 1);
	if (e1000cx_tx_maybe_stop(e, need)) {
		/* what earlier calls left for the doorbell goes now */
		e1000cx_wr(e, E1000CX_TDT, e->tx_tail % e->tx_count);
		return NETDEV_TX_BUSY;
	}

	ret = netcx_tx_prepare(e->ad, &skb, &nd);
	if (!ret) {
		e1000cx_tx_post(e, skb, &nd);
	} else if (ret == NETCX_TX_SEGMENTED) {
		skb_list_walk_safe(skb, seg, next) {
			skb_mark_not_on_list(seg);
			ret = netcx_tx_prepare(e->ad, &seg, &nd);
			if (!ret)
				e1000cx_tx_post(e, seg, &nd);
			else if (ret > 0)	/* never: segments are not GSO */
				kfree_skb_list(seg);
		}
	}

	e1000cx_tx_maybe_stop(e, E1000CX_TX_STOP);
	if (!netdev_xmit_more() || netif_queue_stopped(dev)) {
		/* the descriptors before the tail that hands them over */
		wmb();
		e1000cx_wr(e, E1000CX_TDT, e->tx_tail % e->tx_count);
	}
	return NETDEV_TX_OK;
}

/**
 * e1000cx_tx_clean() - reap the packets the device has sent
 * @e: the adapter.
 * @budget: NAPI's budget (0 from netpoll).
 */
void e1000cx_tx_clean(struct e1000cx *e, int budget)
{
	unsigned int pkts = 0, bytes = 0;
	struct e1000cx_tx_buf *head;
	u32 i = e->tx_clean, tail;

	/* pairs with the release in e1000cx_tx_post(): the slots are filled */
	tail = smp_load_acquire(&e->tx_tail);

	while (i != tail) {
		head = &e->tx_buf[i % e->tx_count];
		if (WARN_ON_ONCE(!head->skb))
			break;
		if (!(le32_to_cpu(READ_ONCE(e->tx_ring[head->eop].upper)) &
		      E1000CX_TXD_STA_DD))
			break;
		/* the buffers after DD is seen */
		dma_rmb();
		pkts++;
		bytes += head->bytes;
		napi_consume_skb(head->skb, budget);
		head->skb = NULL;
		for (;;) {
			e1000cx_tx_unmap(e, &e->tx_buf[i % e->tx_count]);
			if (i++ % e->tx_count == head->eop)
				break;
		}
	}
	if (!pkts)
		return;
	/* the slots are ndo_start_xmit's from here on */
	smp_store_release(&e->tx_clean, i);
	e1000cx_count(e, E1000CX_TX_PACKETS, pkts);
	e1000cx_count(e, E1000CX_TX_BYTES, bytes);
	netdev_completed_queue(e->dev, pkts, bytes);

	/* pairs with the barrier in e1000cx_tx_maybe_stop() */
	smp_mb();
	if (netif_queue_stopped(e->dev) && netif_carrier_ok(e->dev) &&
	    e1000cx_tx_room(e) >= E1000CX_TX_WAKE)
		netif_wake_queue(e->dev);
}
