// SPDX-License-Identifier: GPL-2.0
/*
 * ncsim ports: the net_device, its transmit and receive paths over the
 * simulated hardware, and the wire between the two ports of a pair.
 *
 * ndo_start_xmit asks netcx what the hardware may do for each packet
 * (netcx_tx_prepare()), copies the answer into an ncsim transmit descriptor
 * and rings the doorbell: the port's NAPI. NAPI runs the transmit engine,
 * whose frames go over the wire into the peer's receive engine (and
 * schedule the peer's NAPI), reaps the completions (BQL, queue wake-up),
 * then receives: descriptors become skbs, netcx_rx_csum_status() turns the
 * descriptor's per-layer checksum bits into ip_summed, GRO takes them.
 *
 * The peer pointer is RCU, as in veth: a port going away clears both ends
 * under RTNL, and unregistering it waits a grace period (synchronize_net())
 * before it is freed. A port going down stops the wire into its receive
 * ring the same way before it frees the buffers.
 */
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <linux/slab.h>

#include <netcx/netcx.h>

#include "ncsim.h"

/* Frames the engine puts on the wire in one poll: the peer's NAPI weight. */
#define NCSIM_TX_BUDGET		NAPI_POLL_WEIGHT
/* Room kept for a GSO packet segmented in software (64 KiB / 1448: 46). */
#define NCSIM_TX_STOP		64
#define NCSIM_TX_WAKE		(2 * NCSIM_TX_STOP)

const char ncsim_drv_stat_names[NCSIM_DRV_NSTATS][ETH_GSTRING_LEN] = {
	[NCSIM_DRV_RX_PACKETS]		= "rx_packets",
	[NCSIM_DRV_RX_BYTES]		= "rx_bytes",
	[NCSIM_DRV_TX_PACKETS]		= "tx_packets",
	[NCSIM_DRV_TX_BYTES]		= "tx_bytes",
	[NCSIM_DRV_RX_ALLOC_FAIL]	= "rx_alloc_fail",
	[NCSIM_DRV_TX_RING_FULL]	= "tx_ring_full",
	[NCSIM_DRV_TX_STOPS]		= "tx_queue_stops",
};

static void ncsim_count(struct ncsim_port *port, enum ncsim_drv_stat s,
			unsigned long n)
{
	struct u64_stats_sync *syncp = s < NCSIM_DRV_NAPI_STATS ?
				       &port->napi_syncp : &port->tx_syncp;

	u64_stats_update_begin(syncp);
	u64_stats_add(&port->stats[s], n);
	u64_stats_update_end(syncp);
}

/**
 * ncsim_port_read_stats() - read the driver's counters
 * @port: the port.
 * @vals: room for %NCSIM_DRV_NSTATS values, in &enum ncsim_drv_stat order.
 */
void ncsim_port_read_stats(const struct ncsim_port *port, u64 *vals)
{
	unsigned int start, i;

	do {
		start = u64_stats_fetch_begin(&port->napi_syncp);
		for (i = 0; i < NCSIM_DRV_NAPI_STATS; i++)
			vals[i] = u64_stats_read(&port->stats[i]);
	} while (u64_stats_fetch_retry(&port->napi_syncp, start));
	do {
		start = u64_stats_fetch_begin(&port->tx_syncp);
		for (i = NCSIM_DRV_NAPI_STATS; i < NCSIM_DRV_NSTATS; i++)
			vals[i] = u64_stats_read(&port->stats[i]);
	} while (u64_stats_fetch_retry(&port->tx_syncp, start));
}

/*
 * The wire: a frame from @priv's transmit engine into its peer's receive
 * engine, its payload straight from the packet's buffers (cut-through).
 */
static int ncsim_wire(void *priv, const struct ncsim_hw_frame *fr)
{
	struct ncsim_port *port = priv, *peer;
	int err;

	peer = rcu_dereference(port->peer);
	/* pairs with the release in ncsim_up(): the peer's ring is set up */
	if (!peer || !smp_load_acquire(&peer->rx_up))
		return -ENOLINK;
	err = ncsim_hw_rx_gather(&peer->hw_rx, fr);
	napi_schedule(&peer->napi);
	return err;
}

/*
 * 802.3x flow control on the wire: the frames the peer's receive ring takes
 * now. No PAUSE (UINT_MAX) when either end has it off, when nobody is there,
 * or when the peer's NAPI has nothing to reap: waiting would free nothing.
 */
static unsigned int ncsim_wire_room(void *priv)
{
	struct ncsim_port *port = priv, *peer;
	struct ncsim_rx_ring *ring;
	u32 head;

	peer = rcu_dereference(port->peer);
	if (!peer || !READ_ONCE(port->rx_pause) || !READ_ONCE(peer->tx_pause))
		return UINT_MAX;
	/* pairs with the release in ncsim_up(): the peer's ring is set up */
	if (!smp_load_acquire(&peer->rx_up))
		return UINT_MAX;
	ring = &peer->hw_rx.ring;
	head = READ_ONCE(ring->head);
	if (head == READ_ONCE(peer->rx_clean))
		return UINT_MAX;
	/* pairs with the release of the tail in ncsim_rx_refill() */
	return smp_load_acquire(&ring->tail) - head;
}

/**
 * ncsim_port_kick() - run a port's NAPI, from any context
 * @port: the port.
 */
void ncsim_port_kick(struct ncsim_port *port)
{
	local_bh_disable();
	napi_schedule(&port->napi);
	local_bh_enable();
}

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

/* Transmit */

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

static netdev_tx_t ncsim_start_xmit(struct sk_buff *skb, struct net_device *dev)
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
static void ncsim_tx_clean(struct ncsim_port *port, int budget)
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
static void ncsim_tx_drain(struct ncsim_port *port)
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

/* Posts receive buffers up to a full ring: from NAPI, or with NAPI off. */
static void ncsim_rx_refill(struct ncsim_port *port, bool napi)
{
	struct ncsim_rx_ring *ring = &port->hw_rx.ring;
	u32 tail = port->rx_tail, i;
	struct ncsim_rxd *d;
	struct sk_buff *skb;

	while (tail - port->rx_clean < NCSIM_RX_RING) {
		if (napi)
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

static int ncsim_rx(struct ncsim_port *port, int budget)
{
	struct ncsim_rx_ring *ring = &port->hw_rx.ring;
	unsigned int bytes = 0;
	struct ncsim_rxd *d;
	struct sk_buff *skb;
	int done = 0;
	u8 sta, csum;
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
		bytes += d->len;
		csum = d->csum;
		if (sta & NCSIM_RXD_STA_VP)
			skb = netcx_rx_vlan(port->ad, skb, d->vlan);
		d->sta = 0;
		done++;
		if (!skb)	/* the tag could not be put back: dropped */
			continue;
		skb->protocol = eth_type_trans(skb, port->dev);
		/* the csum byte, as ncsim_profile_declare() maps it */
		netcx_rx_csum_status(port->ad, skb, csum);
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

static void ncsim_rx_drain(struct ncsim_port *port)
{
	unsigned int i;

	for (i = 0; i < NCSIM_RX_RING; i++) {
		dev_kfree_skb_any(port->rx_skb[i]);
		port->rx_skb[i] = NULL;
	}
}

static int ncsim_poll(struct napi_struct *napi, int budget)
{
	struct ncsim_port *port = container_of(napi, struct ncsim_port, napi);
	bool tx_more;
	int done = 0;

	/* the engine puts frames on the wire: its far end is RCU */
	rcu_read_lock();
	ncsim_hw_tx_process(&port->hw_tx, NCSIM_TX_BUDGET);
	rcu_read_unlock();
	ncsim_tx_clean(port, budget);
	/* paused: the peer's NAPI runs ours again when it has room */
	tx_more = ncsim_hw_tx_pending(&port->hw_tx) &&
		  !READ_ONCE(port->hw_tx.paused);

	if (budget)
		done = ncsim_rx(port, budget);
	if (tx_more || done == budget)
		return budget;
	napi_complete_done(napi, done);
	return done;
}

/* Up and down: the rings, NAPI, the wire into this port. */

static void ncsim_up(struct ncsim_port *port)
{
	struct net_device *dev = port->dev;

	ncsim_hw_tx_reset(&port->hw_tx);
	port->tx_tail = 0;
	port->tx_clean = 0;
	netdev_reset_queue(dev);

	ncsim_hw_rx_reset(&port->hw_rx);
	port->rx_tail = 0;
	port->rx_clean = 0;
	/* up to two tags: the MTU does not count them */
	port->rx_buf_len = VLAN_ETH_HLEN + VLAN_HLEN + dev->mtu;
	/* short of buffers, the ring fills as frames arrive and NAPI runs */
	ncsim_rx_refill(port, false);

	napi_enable(&port->napi);
	/* the ring before the wire delivers into it */
	smp_store_release(&port->rx_up, true);
}

static void ncsim_down(struct ncsim_port *port)
{
	struct ncsim_port *peer = rtnl_dereference(port->peer);

	WRITE_ONCE(port->rx_up, false);
	/* the peer's engine (under RCU) is out of the receive ring after this */
	synchronize_net();
	/* and no longer paused by it: its frames go, to be dropped */
	if (peer)
		ncsim_port_kick(peer);
	napi_disable(&port->napi);
	ncsim_tx_drain(port);
	ncsim_rx_drain(port);
}

static int ncsim_open(struct net_device *dev)
{
	struct ncsim_port *port = netdev_priv(dev);
	struct ncsim_port *peer = rtnl_dereference(port->peer);

	ncsim_up(port);
	/* the link is up while both ends are */
	if (peer && netif_running(peer->dev)) {
		netif_carrier_on(dev);
		netif_carrier_on(peer->dev);
	}
	netif_start_queue(dev);
	return 0;
}

static int ncsim_stop(struct net_device *dev)
{
	struct ncsim_port *port = netdev_priv(dev);
	struct ncsim_port *peer = rtnl_dereference(port->peer);

	netif_carrier_off(dev);
	if (peer)
		netif_carrier_off(peer->dev);
	netif_tx_disable(dev);
	ncsim_down(port);
	return 0;
}

static int ncsim_change_mtu(struct net_device *dev, int mtu)
{
	struct ncsim_port *port = netdev_priv(dev);
	bool running = netif_running(dev);

	/* the receive buffers are sized for the MTU: post new ones */
	if (running) {
		netif_tx_disable(dev);
		ncsim_down(port);
	}
	WRITE_ONCE(dev->mtu, mtu);
	WRITE_ONCE(port->hw_tx.mtu, mtu);
	if (running) {
		ncsim_up(port);
		netif_wake_queue(dev);
	}
	return 0;
}

static void ncsim_get_stats64(struct net_device *dev,
			      struct rtnl_link_stats64 *s)
{
	struct ncsim_port *port = netdev_priv(dev);
	u64 tx[NCSIM_HW_TX_NSTATS], rx[NCSIM_HW_RX_NSTATS];
	u64 drv[NCSIM_DRV_NSTATS];

	ncsim_port_read_stats(port, drv);
	ncsim_hw_tx_read_stats(&port->hw_tx, tx);
	ncsim_hw_rx_read_stats(&port->hw_rx, rx);

	s->rx_packets = drv[NCSIM_DRV_RX_PACKETS];
	s->rx_bytes = drv[NCSIM_DRV_RX_BYTES];
	s->tx_packets = drv[NCSIM_DRV_TX_PACKETS];
	s->tx_bytes = drv[NCSIM_DRV_TX_BYTES];
	s->rx_missed_errors = rx[NCSIM_HW_RX_RING_FULL];
	s->rx_length_errors = rx[NCSIM_HW_RX_OVERSIZE] + rx[NCSIM_HW_RX_RUNT];
	s->rx_errors = s->rx_length_errors;
	s->tx_carrier_errors = tx[NCSIM_HW_TX_NO_CARRIER];
	s->tx_errors = tx[NCSIM_HW_TX_MTU_DROPS] + tx[NCSIM_HW_TX_DESC_ERRORS] +
		       tx[NCSIM_HW_TX_NO_CARRIER];
	/* tx_dropped and rx_dropped: the core's counters, added by the core */
}

static const struct net_device_ops ncsim_netdev_ops = {
	.ndo_open		= ncsim_open,
	.ndo_stop		= ncsim_stop,
	.ndo_start_xmit		= ncsim_start_xmit,
	.ndo_features_check	= netcx_ndo_features_check,
	.ndo_fix_features	= netcx_ndo_fix_features,
	.ndo_set_features	= netcx_ndo_set_features,
	.ndo_get_stats64	= ncsim_get_stats64,
	.ndo_change_mtu		= ncsim_change_mtu,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_validate_addr	= eth_validate_addr,
};

/* The receive engine's registers, from what netcx says is active. */
static void ncsim_port_program(struct ncsim_port *port)
{
	WRITE_ONCE(port->hw_rx.csum_kinds,
		   netcx_active(port->ad, NETCX_OFFLOAD_RX_CSUM));
	WRITE_ONCE(port->hw_rx.strip_kinds,
		   netcx_active(port->ad, NETCX_OFFLOAD_VLAN_RX));
}

/*
 * netcx's change callback, for both offloads with a register: in it
 * netcx_active() answers the state being applied (or restored).
 */
static int ncsim_offload_changed(struct net_device *dev, u32 active)
{
	ncsim_port_program(netdev_priv(dev));
	return 0;
}

/* Transmit offloads are per descriptor: nothing to program. */
static const struct netcx_adapter_ops ncsim_netcx_ops = {
	.changed = {
		[NETCX_OFFLOAD_RX_CSUM] = ncsim_offload_changed,
		[NETCX_OFFLOAD_VLAN_RX] = ncsim_offload_changed,
	},
};

/* Frees what ncsim_port_create() allocated, the net_device last. */
static void ncsim_port_free(struct ncsim_port *port)
{
	struct net_device *dev = port->dev;

	if (!IS_ERR_OR_NULL(port->ad))
		netcx_adapter_destroy(port->ad);
	netif_napi_del(&port->napi);
	kfree(port->rx_skb);
	kfree(port->tx_skb);
	ncsim_hw_rx_uninit(&port->hw_rx);
	ncsim_hw_tx_uninit(&port->hw_tx);
	free_netdev(dev);
}

/**
 * ncsim_port_create() - create one port, not yet registered
 * @profile: the hardware the port models.
 * @caps: its silicon (the profile's, with the module's overrides); must
 *	outlive the port.
 * @keywords: netcx configuration keywords, or NULL.
 *
 * Builds the simulated hardware and declares its capabilities to netcx.
 *
 * Return: the port, or an ERR_PTR().
 */
struct ncsim_port *ncsim_port_create(const struct ncsim_profile *profile,
				     const struct ncsim_hw_caps *caps,
				     const char *keywords)
{
	struct ncsim_port *port;
	struct net_device *dev;
	int err;

	dev = alloc_etherdev(sizeof(*port));
	if (!dev)
		return ERR_PTR(-ENOMEM);
	strscpy(dev->name, "ncsim%d", sizeof(dev->name));
	dev->netdev_ops = &ncsim_netdev_ops;
	dev->ethtool_ops = &ncsim_ethtool_ops;
	dev->hw_features = NETIF_F_SG | NETIF_F_HIGHDMA;
	dev->features = dev->hw_features;
	/*
	 * VLAN devices on top take their features from these: without SG
	 * they lose SG, and with it TSO and GSO, whatever netcx adds here.
	 */
	dev->vlan_features = dev->hw_features;
	dev->max_mtu = caps->max_mtu;
	eth_hw_addr_random(dev);
	netif_carrier_off(dev);

	port = netdev_priv(dev);
	port->dev = dev;
	port->profile = profile;
	INIT_LIST_HEAD(&port->list);
	u64_stats_init(&port->napi_syncp);
	u64_stats_init(&port->tx_syncp);
	netif_napi_add(dev, &port->napi, ncsim_poll);

	port->rx_pause = true;
	port->tx_pause = true;
	err = ncsim_hw_tx_init(&port->hw_tx, caps, NCSIM_TX_RING, ncsim_wire,
			       ncsim_wire_room, port);
	if (err)
		goto err_free;
	err = ncsim_hw_rx_init(&port->hw_rx, caps, NCSIM_RX_RING);
	if (err)
		goto err_free;
	port->tx_skb = kcalloc(NCSIM_TX_RING, sizeof(*port->tx_skb), GFP_KERNEL);
	port->rx_skb = kcalloc(NCSIM_RX_RING, sizeof(*port->rx_skb), GFP_KERNEL);
	if (!port->tx_skb || !port->rx_skb) {
		err = -ENOMEM;
		goto err_free;
	}
	port->hw_tx.mtu = dev->mtu;

	port->ad = netcx_adapter_create(dev, &ncsim_netcx_ops);
	if (IS_ERR(port->ad)) {
		err = PTR_ERR(port->ad);
		goto err_free;
	}
	err = ncsim_profile_declare(caps, port->ad);
	if (!err && keywords && *keywords)
		err = netcx_set_keywords(port->ad, keywords);
	if (!err)
		err = netcx_adapter_commit(port->ad);
	if (err)
		goto err_free;
	/* the receive engine's registers, as netcx starts them */
	ncsim_port_program(port);
	return port;

err_free:
	ncsim_port_free(port);
	return ERR_PTR(err);
}

/**
 * ncsim_port_register() - register a port created and linked
 * @port: the port.
 * @threaded: run its NAPI in a kernel thread of its own
 *	(/sys/class/net/DEV/threaded switches it either way later).
 *
 * NAPI runs in softirq by default, as every driver's does unless the user
 * asks. Threaded, the simulated DMA engine runs in a thread that has to
 * be scheduled: on one CPU without preemption, a sender that never sleeps
 * (pktgen) keeps it off the CPU until the next tick, and the ring's worth
 * of frames it sent meanwhile is all that goes per tick.
 *
 * Return: 0 or the error of register_netdev().
 */
int ncsim_port_register(struct ncsim_port *port, bool threaded)
{
	int err;

	err = register_netdev(port->dev);
	if (err || !threaded)
		return err;
	rtnl_lock();
	err = dev_set_threaded(port->dev, true);
	rtnl_unlock();
	if (err)
		netdev_warn(port->dev, "NAPI stays in softirq: %d\n", err);
	return 0;
}

/**
 * ncsim_port_link() - join two ports with a wire
 * @a: one end, not yet registered.
 * @b: the other end, not yet registered.
 */
void ncsim_port_link(struct ncsim_port *a, struct ncsim_port *b)
{
	RCU_INIT_POINTER(a->peer, b);
	RCU_INIT_POINTER(b->peer, a);
}

/**
 * ncsim_port_destroy() - cut a port from its peer, unregister and free it
 * @port: the port, registered or not.
 *
 * The peer stays, with no carrier; frames it sends are dropped on the wire.
 */
void ncsim_port_destroy(struct ncsim_port *port)
{
	struct ncsim_port *peer;

	rtnl_lock();
	peer = rtnl_dereference(port->peer);
	if (peer) {
		RCU_INIT_POINTER(peer->peer, NULL);
		RCU_INIT_POINTER(port->peer, NULL);
		netif_carrier_off(peer->dev);
	}
	if (port->dev->reg_state == NETREG_REGISTERED)
		unregister_netdevice(port->dev);
	rtnl_unlock();
	/* the peer's engine may still hold the pointer it read under RCU */
	synchronize_net();
	ncsim_port_free(port);
}
