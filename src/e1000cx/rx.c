// SPDX-License-Identifier: GPL-2.0
/*
 * e1000cx receive: the descriptor ring and NAPI's receive.
 *
 * Buffer scheme: one page fragment per descriptor (netdev_alloc_frag(),
 * E1000CX_RX_FRAG bytes), RCTL.BSIZE 2048 after E1000CX_RX_PAD bytes of
 * headroom. A frame up to 2048 bytes takes one descriptor; a jumbo frame
 * (RCTL.LPE, set for an MTU above 1500: up to 16128 bytes with the FCS
 * stripped) spans up to eight, chained until EOP. Frames of E1000CX_RX_HDR
 * bytes or less are copied into a small skb and the buffer stays on the
 * ring; a longer frame's first buffer becomes the skb's head
 * (napi_build_skb(), nothing copied) and the buffers after it its page
 * fragments, each replaced by a new one.
 */
#include <linux/dma-mapping.h>
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#include <netcx/netcx.h>

#include "e1000cx.h"

/**
 * e1000cx_rx_alloc() - allocate the receive ring (no buffers yet)
 * @e: the adapter.
 * @count: descriptors, a power of two.
 *
 * Return: 0 or -ENOMEM.
 */
int e1000cx_rx_alloc(struct e1000cx *e, u32 count)
{
	e->rx_buf = kcalloc(count, sizeof(*e->rx_buf), GFP_KERNEL);
	if (!e->rx_buf)
		return -ENOMEM;
	e->rx_ring = dma_alloc_coherent(&e->pdev->dev,
					count * sizeof(*e->rx_ring),
					&e->rx_ring_dma, GFP_KERNEL);
	if (!e->rx_ring) {
		kfree(e->rx_buf);
		e->rx_buf = NULL;
		return -ENOMEM;
	}
	e->rx_count = count;
	return 0;
}

/**
 * e1000cx_rx_free() - free the receive ring, drained
 * @e: the adapter.
 */
void e1000cx_rx_free(struct e1000cx *e)
{
	if (e->rx_ring)
		dma_free_coherent(&e->pdev->dev,
				  e->rx_count * sizeof(*e->rx_ring),
				  e->rx_ring, e->rx_ring_dma);
	e->rx_ring = NULL;
	kfree(e->rx_buf);
	e->rx_buf = NULL;
}

static bool e1000cx_rx_frag(struct e1000cx *e, struct e1000cx_rx_buf *b)
{
	void *frag = netdev_alloc_frag(E1000CX_RX_FRAG);
	dma_addr_t dma;

	if (!frag)
		return false;
	dma = dma_map_single(&e->pdev->dev, frag + E1000CX_RX_PAD,
			     E1000CX_RX_BUF, DMA_FROM_DEVICE);
	if (dma_mapping_error(&e->pdev->dev, dma)) {
		skb_free_frag(frag);
		return false;
	}
	b->frag = frag;
	b->dma = dma;
	return true;
}

static void e1000cx_rx_unmap(struct e1000cx *e, struct e1000cx_rx_buf *b)
{
	dma_unmap_single(&e->pdev->dev, b->dma, E1000CX_RX_BUF,
			 DMA_FROM_DEVICE);
}

/* Gives the device buffers up to a full ring (one slot stays empty). */
static void e1000cx_rx_refill(struct e1000cx *e)
{
	u32 tail = e->rx_tail;
	struct e1000cx_rx_buf *b;
	struct e1000cx_rx_desc *d;

	while (tail - e->rx_clean < e->rx_count - 1) {
		b = &e->rx_buf[tail % e->rx_count];
		if (!b->frag && !e1000cx_rx_frag(e, b)) {
			e1000cx_count(e, E1000CX_RX_ALLOC_FAIL, 1);
			break;
		}
		d = &e->rx_ring[tail % e->rx_count];
		d->addr = cpu_to_le64(b->dma);
		d->status = 0;
		tail++;
	}
	if (tail == e->rx_tail)
		return;
	e->rx_tail = tail;
	/* the descriptors before the tail that hands them over */
	wmb();
	e1000cx_wr(e, E1000CX_RDT, tail % e->rx_count);
}

/**
 * e1000cx_rx_start() - fill the ring, hand it to the device, enable receive
 * @e: the adapter, after reset.
 */
void e1000cx_rx_start(struct e1000cx *e)
{
	u32 rctl;

	e->rx_tail = 0;
	e->rx_clean = 0;
	e->rx_skb = NULL;
	memset(e->rx_ring, 0, e->rx_count * sizeof(*e->rx_ring));

	e1000cx_wr(e, E1000CX_RDBAL, lower_32_bits(e->rx_ring_dma));
	e1000cx_wr(e, E1000CX_RDBAH, upper_32_bits(e->rx_ring_dma));
	e1000cx_wr(e, E1000CX_RDLEN, e->rx_count * sizeof(*e->rx_ring));
	e1000cx_wr(e, E1000CX_RDH, 0);
	e1000cx_wr(e, E1000CX_RDT, 0);
	e1000cx_wr(e, E1000CX_RDTR, 0);
	e1000cx_wr(e, E1000CX_RADV, 0);

	rctl = E1000CX_RCTL_EN | E1000CX_RCTL_BAM | E1000CX_RCTL_SECRC |
	       E1000CX_RCTL_SZ_2048;
	if (e->dev->mtu > ETH_DATA_LEN)
		rctl |= E1000CX_RCTL_LPE;
	e->rctl = rctl;
	e1000cx_hw_set_rx_mode(e);
	e1000cx_rx_refill(e);
}

/**
 * e1000cx_rx_drain() - free every buffer of a stopped device's ring
 * @e: the adapter: receive disabled, NAPI off.
 */
void e1000cx_rx_drain(struct e1000cx *e)
{
	struct e1000cx_rx_buf *b;
	u32 i;

	if (!IS_ERR_OR_NULL(e->rx_skb))
		dev_kfree_skb_any(e->rx_skb);
	e->rx_skb = NULL;
	for (i = 0; i < e->rx_count; i++) {
		b = &e->rx_buf[i];
		if (!b->frag)
			continue;
		e1000cx_rx_unmap(e, b);
		skb_free_frag(b->frag);
		b->frag = NULL;
	}
}

/* The frame's buffer @b, @len bytes, added to the frame so far. */
static struct sk_buff *e1000cx_rx_add(struct e1000cx *e, struct sk_buff *skb,
				      struct e1000cx_rx_buf *b, u32 len)
{
	struct device *dmadev = &e->pdev->dev;
	void *buf = b->frag + E1000CX_RX_PAD;
	struct page *page;

	if (!skb && len <= E1000CX_RX_HDR) {
		/* copied: the buffer stays on the ring */
		skb = napi_alloc_skb(&e->napi, len);
		if (!skb)
			return NULL;
		dma_sync_single_for_cpu(dmadev, b->dma, len, DMA_FROM_DEVICE);
		skb_put_data(skb, buf, len);
		dma_sync_single_for_device(dmadev, b->dma, len,
					   DMA_FROM_DEVICE);
		return skb;
	}
	if (!skb) {
		skb = napi_build_skb(b->frag, E1000CX_RX_FRAG);
		if (!skb)
			return NULL;
		skb_reserve(skb, E1000CX_RX_PAD);
		skb_put(skb, len);
	} else if (skb_shinfo(skb)->nr_frags < MAX_SKB_FRAGS) {
		page = virt_to_head_page(buf);
		skb_add_rx_frag(skb, skb_shinfo(skb)->nr_frags, page,
				buf - page_address(page), len,
				E1000CX_RX_FRAG);
	} else {
		dev_kfree_skb_any(skb);
		return NULL;
	}
	e1000cx_rx_unmap(e, b);
	b->frag = NULL;
	return skb;
}

/**
 * e1000cx_rx() - receive up to @budget frames
 * @e: the adapter.
 * @budget: NAPI's budget.
 *
 * A frame spanning descriptors may end in a later poll: e->rx_skb keeps
 * it (an ERR_PTR() while the rest of a frame already lost is skipped).
 *
 * Return: the frames handed to the stack (or dropped).
 */
int e1000cx_rx(struct e1000cx *e, int budget)
{
	struct sk_buff *skb = e->rx_skb;
	struct e1000cx_rx_buf *b;
	struct e1000cx_rx_desc *d;
	unsigned int bytes = 0;
	u8 status, errors;
	int done = 0;
	u16 len;

	/*
	 * Only the slots handed to the device: the one the refill keeps
	 * empty (and any it could not fill) still holds the DD bit of its
	 * previous lap, and no buffer.
	 */
	while (done < budget && e->rx_clean != e->rx_tail) {
		d = &e->rx_ring[e->rx_clean % e->rx_count];
		status = READ_ONCE(d->status);
		if (!(status & E1000CX_RXD_STA_DD))
			break;
		/* the rest of the descriptor after DD */
		dma_rmb();
		len = le16_to_cpu(d->length);
		errors = d->errors;
		b = &e->rx_buf[e->rx_clean % e->rx_count];
		e->rx_clean++;

		if (!IS_ERR(skb)) {
			skb = e1000cx_rx_add(e, skb, b, len);
			if (!skb) {
				/* the rest of this frame is dropped too */
				e1000cx_count(e, E1000CX_RX_ALLOC_FAIL, 1);
				skb = ERR_PTR(-ENOMEM);
			}
		}
		if (!(status & E1000CX_RXD_STA_EOP))
			continue;
		done++;
		if (IS_ERR(skb)) {
			skb = NULL;
			continue;
		}
		if (errors & E1000CX_RXD_ERR_FRAME) {
			e1000cx_count(e, E1000CX_RX_FRAME_ERRORS, 1);
			dev_kfree_skb_any(skb);
			skb = NULL;
			continue;
		}
		bytes += skb->len;
		/* CTRL.VME strips while either tag offload is on */
		if (status & E1000CX_RXD_STA_VP) {
			skb = netcx_rx_vlan(e->ad, skb, le16_to_cpu(d->special));
			if (!skb)
				continue;
		}
		skb->protocol = eth_type_trans(skb, e->dev);
		/* the layout e1000cx_offload_declare() gave netcx */
		netcx_rx_csum_status(e->ad, skb, status | (u32)errors << 8);
		napi_gro_receive(&e->napi, skb);
		skb = NULL;
	}
	e->rx_skb = skb;
	if (done) {
		e1000cx_count(e, E1000CX_RX_PACKETS, done);
		e1000cx_count(e, E1000CX_RX_BYTES, bytes);
	}
	e1000cx_rx_refill(e);
	return done;
}
