/* SPDX-License-Identifier: GPL-2.0 */
/*
 * e1000cx: a netcx driver for the Intel 82540EM (PCI 8086:100e).
 *
 * One adapter per PCI function: one transmit and one receive ring of
 * legacy-format descriptors, one interrupt (MSI where the function offers
 * it, else INTx), one NAPI context that reaps both rings.
 */
#ifndef _E1000CX_H
#define _E1000CX_H

#include <linux/ethtool.h>
#include <linux/io.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/u64_stats_sync.h>

#include "regs.h"

struct devlink;
struct netcx_adapter;
struct netcx_tx_desc;

#define E1000CX_DRV_NAME	"e1000cx"

/* Ring sizes: multiples of 8 descriptors (RDLEN/TDLEN: 128-byte units) */
#define E1000CX_RING_MIN	64
#define E1000CX_RING_MAX	4096
#define E1000CX_RING_DEFAULT	256
#define E1000CX_RING_ALIGN	8

/* Bytes one data descriptor carries at most (DTALEN holds more). */
#define E1000CX_TX_MAX_BUF	SZ_16K
/* Room kept for a large packet: context, head, frags of up to 32 KiB */
#define E1000CX_TX_STOP		(2 * MAX_SKB_FRAGS + 4)
#define E1000CX_TX_WAKE		(2 * E1000CX_TX_STOP)

/*
 * Receive: a page fragment per descriptor (BSIZE 2048), headroom before the
 * buffer and room for the skb's shared info after it, so that the skb is
 * built around the buffer, nothing copied.
 */
#define E1000CX_RX_BUF		2048
#define E1000CX_RX_PAD		(NET_SKB_PAD + NET_IP_ALIGN)
#define E1000CX_RX_FRAG		(SKB_DATA_ALIGN(E1000CX_RX_PAD + E1000CX_RX_BUF) + \
				 SKB_DATA_ALIGN(sizeof(struct skb_shared_info)))
#define E1000CX_RX_HDR		256	/* frames this short are copied whole */

/* A transmit slot: what to unmap, and on a packet's first slot, the packet. */
struct e1000cx_tx_buf {
	struct sk_buff *skb;	/* on the first slot of a packet */
	dma_addr_t dma;
	u32 len;		/* 0: a context descriptor, nothing mapped */
	u32 bytes;		/* first slot: bytes for BQL */
	u16 eop;		/* first slot: the slot whose DD ends the packet */
	bool page;		/* mapped with skb_frag_dma_map() */
};

/* A receive slot: its fragment (E1000CX_RX_FRAG bytes) and the buffer's address. */
struct e1000cx_rx_buf {
	void *frag;
	dma_addr_t dma;
};

/* e1000cx.flags: a receive overrun seen in ICR, MPC and RNBC to read */
#define E1000CX_FLAG_RXO	0

/* Driver counters, for ethtool -S and ndo_get_stats64 */
enum e1000cx_stat {
	/* NAPI side: rx_syncp */
	E1000CX_RX_PACKETS,
	E1000CX_RX_BYTES,
	E1000CX_RX_FRAME_ERRORS,
	E1000CX_RX_ALLOC_FAIL,
	E1000CX_RX_MISSED,
	E1000CX_RX_NO_BUFFER,
	E1000CX_TX_PACKETS,
	E1000CX_TX_BYTES,
	E1000CX_NAPI_STATS,
	/* transmit side: tx_syncp */
	E1000CX_TX_CONTEXTS = E1000CX_NAPI_STATS,
	E1000CX_TX_RING_FULL,
	E1000CX_TX_MAP_ERRORS,
	E1000CX_TX_DESC_LIMIT,
	E1000CX_TX_STOPS,
	E1000CX_NSTATS,
};

extern const char e1000cx_stat_names[E1000CX_NSTATS][ETH_GSTRING_LEN];

struct e1000cx {
	struct net_device *dev;
	struct pci_dev *pdev;
	u8 __iomem *hw;
	struct netcx_adapter *ad;
	struct devlink *devlink;
	bool dl_keywords;	/* the devlink instance has "keywords" */
	struct napi_struct napi;
	int irq;

	/* transmit ring: ndo_start_xmit fills, NAPI reaps */
	struct e1000cx_tx_desc *tx_ring;
	dma_addr_t tx_ring_dma;
	struct e1000cx_tx_buf *tx_buf;
	u32 tx_count;
	u32 tx_tail;		/* next slot to fill, free-running */
	u32 tx_clean;		/* next slot to reap, free-running */
	/*
	 * The last context descriptor written: what the device's context
	 * holds (all zero: none yet; a real one has DEXT). A packet that needs
	 * the same one reuses it.
	 */
	struct e1000cx_ctx_desc ctx;

	/* receive ring: NAPI only */
	struct e1000cx_rx_desc *rx_ring;
	dma_addr_t rx_ring_dma;
	struct e1000cx_rx_buf *rx_buf;
	u32 rx_count;
	u32 rx_tail;		/* next slot to refill, free-running */
	u32 rx_clean;		/* next slot to receive, free-running */
	struct sk_buff *rx_skb;	/* a frame spanning descriptors, so far */

	/* sizes asked with ethtool -G, applied on the next up */
	u32 tx_count_req, rx_count_req;

	u32 rctl;		/* RCTL as last written */
	/* E1000CX_FLAG_*: set by the interrupt handler, taken by NAPI */
	unsigned long flags;

	struct u64_stats_sync rx_syncp;
	struct u64_stats_sync tx_syncp;
	u64_stats_t stats[E1000CX_NSTATS];
};

static inline u32 e1000cx_rd(const struct e1000cx *e, u32 reg)
{
	return readl(e->hw + reg);
}

static inline void e1000cx_wr(struct e1000cx *e, u32 reg, u32 val)
{
	writel(val, e->hw + reg);
}

/* Posted writes reach the device. */
static inline void e1000cx_flush(struct e1000cx *e)
{
	e1000cx_rd(e, E1000CX_STATUS);
}

/**
 * e1000cx_count() - add to a driver counter
 * @e: the adapter.
 * @s: the counter: NAPI's below %E1000CX_NAPI_STATS, the transmit path's
 *	from there on.
 * @n: how much.
 */
static inline void e1000cx_count(struct e1000cx *e, enum e1000cx_stat s,
				 u64 n)
{
	struct u64_stats_sync *syncp = s < E1000CX_NAPI_STATS ?
				       &e->rx_syncp : &e->tx_syncp;

	u64_stats_update_begin(syncp);
	u64_stats_add(&e->stats[s], n);
	u64_stats_update_end(syncp);
}

void e1000cx_read_stats(struct e1000cx *e, u64 *vals);

/* hw.c */
int e1000cx_hw_reset(struct e1000cx *e);
int e1000cx_hw_read_mac(struct e1000cx *e, u8 *mac);
void e1000cx_hw_set_mac(struct e1000cx *e, const u8 *mac);
void e1000cx_hw_init(struct e1000cx *e);
void e1000cx_hw_set_rx_mode(struct e1000cx *e);
void e1000cx_hw_set_vme(struct e1000cx *e);
void e1000cx_hw_set_rxcsum(struct e1000cx *e);
void e1000cx_hw_irq_enable(struct e1000cx *e);
void e1000cx_hw_irq_disable(struct e1000cx *e);
bool e1000cx_hw_link_up(struct e1000cx *e);
void e1000cx_hw_count_missed(struct e1000cx *e);
void e1000cx_hw_link_report(struct e1000cx *e);

/* tx.c */
int e1000cx_tx_alloc(struct e1000cx *e, u32 count);
void e1000cx_tx_free(struct e1000cx *e);
void e1000cx_tx_start(struct e1000cx *e);
void e1000cx_tx_drain(struct e1000cx *e);
netdev_tx_t e1000cx_xmit(struct sk_buff *skb, struct net_device *dev);
void e1000cx_tx_clean(struct e1000cx *e, int budget);

/* rx.c */
int e1000cx_rx_alloc(struct e1000cx *e, u32 count);
void e1000cx_rx_free(struct e1000cx *e);
void e1000cx_rx_start(struct e1000cx *e);
void e1000cx_rx_drain(struct e1000cx *e);
int e1000cx_rx(struct e1000cx *e, int budget);

/* offload.c */
extern const struct netcx_adapter_ops e1000cx_netcx_ops;
int e1000cx_offload_declare(struct e1000cx *e, const char *keywords);

/* devlink.c */
int e1000cx_devlink_create(struct e1000cx *e, const char *keywords);
void e1000cx_devlink_register(struct e1000cx *e);
void e1000cx_devlink_unregister(struct e1000cx *e);
void e1000cx_devlink_destroy(struct e1000cx *e);
int e1000cx_offload_ctx(const struct netcx_tx_desc *d, u32 len,
			struct e1000cx_ctx_desc *cd);
u32 e1000cx_offload_data(const struct netcx_tx_desc *d, u32 *upper);

/* main.c */
int e1000cx_up(struct e1000cx *e);
void e1000cx_down(struct e1000cx *e);

/* ethtool.c */
extern const struct ethtool_ops e1000cx_ethtool_ops;

#endif /* _E1000CX_H */
