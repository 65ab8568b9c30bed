// SPDX-License-Identifier: GPL-2.0
/*
 * ncsim ports: the net_device's life cycle, its NAPI, and the wire between
 * the two ports of a pair; transmit is tx.c, receive rx.c.
 *
 * ndo_start_xmit (tx.c) fills the transmit ring and rings the doorbell:
 * the port's NAPI. NAPI runs the transmit engine, whose frames go over the
 * wire into the peer's receive engine (and schedule the peer's NAPI),
 * reaps the completions, then receives (rx.c).
 *
 * The wire can drop, reorder or corrupt frames on request, for tests
 * (debugfs.c); the change callbacks can fail on request too.
 * The frames the engine puts on it in one poll are one receive pass of the
 * peer's engine: the poll ends it (ncsim_hw_rx_flush()), so that the
 * coalesce the peer's engine holds open goes to its ring.
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

#include <netcx/devlink.h>
#include <netcx/netcx.h>

#include "footprint.h"
#include "ncsim.h"

/* Frames the engine puts on the wire in one poll: the peer's NAPI weight. */
#define NCSIM_TX_BUDGET		NAPI_POLL_WEIGHT

const char ncsim_drv_stat_names[NCSIM_DRV_NSTATS][ETH_GSTRING_LEN] = {
	[NCSIM_DRV_RX_PACKETS]		= "rx_packets",
	[NCSIM_DRV_RX_BYTES]		= "rx_bytes",
	[NCSIM_DRV_TX_PACKETS]		= "tx_packets",
	[NCSIM_DRV_TX_BYTES]		= "tx_bytes",
	[NCSIM_DRV_RX_ALLOC_FAIL]	= "rx_alloc_fail",
	[NCSIM_DRV_WIRE_DROPS]		= "wire_fault_drops",
	[NCSIM_DRV_WIRE_REORDERS]	= "wire_fault_reorders",
	[NCSIM_DRV_WIRE_CORRUPTS]	= "wire_fault_corrupts",
	[NCSIM_DRV_TX_RING_FULL]	= "tx_ring_full",
	[NCSIM_DRV_TX_STOPS]		= "tx_queue_stops",
	[NCSIM_DRV_FAULT_CHANGED]	= "fault_changed_fails",
};

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
		for (i = NCSIM_DRV_NAPI_STATS; i < NCSIM_DRV_TX_STATS_END; i++)
			vals[i] = u64_stats_read(&port->stats[i]);
	} while (u64_stats_fetch_retry(&port->tx_syncp, start));
	do {
		start = u64_stats_fetch_begin(&port->ctl_syncp);
		for (i = NCSIM_DRV_TX_STATS_END; i < NCSIM_DRV_NSTATS; i++)
			vals[i] = u64_stats_read(&port->stats[i]);
	} while (u64_stats_fetch_retry(&port->ctl_syncp, start));
}

/*
 * The wire: a frame from @port's transmit engine into its peer's receive
 * engine, its payload straight from the packet's buffers (cut-through).
 */
static int ncsim_wire_deliver(struct ncsim_port *port,
			      const struct ncsim_hw_frame *fr)
{
	struct ncsim_port *peer;
	int err;

	peer = rcu_dereference(port->peer);
	/* pairs with the release in ncsim_up(): the peer's ring is set up */
	if (!peer || !smp_load_acquire(&peer->rx_up))
		return -ENOLINK;
	err = ncsim_hw_rx_gather(&peer->hw_rx, fr);
	napi_schedule(&peer->napi);
	return err;
}

/* The frame held back by wire_reorder goes now. */
static void ncsim_wire_release(struct ncsim_port *port)
{
	const struct ncsim_hw_frame fr = {
		.hdr = port->wire_held, .hlen = port->wire_held_len,
	};

	port->wire_held_len = 0;
	ncsim_wire_deliver(port, &fr);
}

/* Holds the frame @fr back, a copy, to go after the next one. */
static int ncsim_wire_hold(struct ncsim_port *port,
			   const struct ncsim_hw_frame *fr)
{
	if (fr->hlen + fr->plen > port->wire_held_size)
		return ncsim_wire_deliver(port, fr);
	memcpy(port->wire_held, fr->hdr, fr->hlen);
	if (fr->plen && skb_copy_bits(fr->pkt, fr->off,
				      port->wire_held + fr->hlen, fr->plen))
		return -EFAULT;
	port->wire_held_len = fr->hlen + fr->plen;
	ncsim_count(port, NCSIM_DRV_WIRE_REORDERS, 1);
	return 0;
}

/*
 * The frame @fr, corrupted: a copy in @port->wire_copy, one bit flipped
 * where the receiver's checksums cover it (ncsim_hw_wire_corrupt()), into
 * @copy. The sender's buffers stay as they are: TCP retransmits from them.
 * Return: 1 when @copy holds the frame corrupted, 0 when it carries nothing
 * to corrupt (not an IP datagram, or longer than the copy) and goes as it
 * is, -EFAULT when its payload could not be read.
 */
static int ncsim_wire_corrupt(struct ncsim_port *port,
			      const struct ncsim_hw_frame *fr,
			      struct ncsim_hw_frame *copy)
{
	unsigned int len = fr->hlen + fr->plen;
	u8 *f = port->wire_copy;

	if (len > port->wire_held_size)
		return 0;
	memcpy(f, fr->hdr, fr->hlen);
	if (fr->plen && skb_copy_bits(fr->pkt, fr->off, f + fr->hlen, fr->plen))
		return -EFAULT;
	if (ncsim_hw_wire_corrupt(f, len) < 0)
		return 0;
	*copy = (struct ncsim_hw_frame){ .hdr = f, .hlen = len };
	ncsim_count(port, NCSIM_DRV_WIRE_CORRUPTS, 1);
	return 1;
}

/*
 * The wire, with the faults debugfs asks for: every Nth frame dropped,
 * else corrupted, then held back behind the next one (each counts the
 * frames the port puts on the wire from the same count).
 */
static int ncsim_wire(void *priv, const struct ncsim_hw_frame *fr)
{
	u32 drop, reorder, corrupt, n;
	struct ncsim_port *port = priv;
	struct ncsim_hw_frame copy;
	int err;

	drop = READ_ONCE(port->wire_drop);
	reorder = READ_ONCE(port->wire_reorder);
	corrupt = READ_ONCE(port->wire_corrupt);
	if (!drop && !reorder && !corrupt && !port->wire_held_len)
		return ncsim_wire_deliver(port, fr);

	n = ++port->wire_frames;
	if (drop && !(n % drop)) {
		ncsim_count(port, NCSIM_DRV_WIRE_DROPS, 1);
		return 0;
	}
	if (corrupt && !(n % corrupt)) {
		err = ncsim_wire_corrupt(port, fr, &copy);
		if (err < 0)
			return err;
		if (err)
			fr = &copy;
	}
	if (port->wire_held_len) {
		err = ncsim_wire_deliver(port, fr);
		ncsim_wire_release(port);
		return err;
	}
	if (reorder && !(n % reorder))
		return ncsim_wire_hold(port, fr);
	return ncsim_wire_deliver(port, fr);
}

/*
 * The end of a poll's frames: a frame still held back goes, and the peer's
 * receive pass ends.
 */
static void ncsim_wire_end(struct ncsim_port *port)
{
	struct ncsim_port *peer;

	if (port->wire_held_len)
		ncsim_wire_release(port);
	peer = rcu_dereference(port->peer);
	/* what it holds belongs to buffers it posted: up, or under RCU */
	if (peer && ncsim_hw_rx_flush(&peer->hw_rx))
		napi_schedule(&peer->napi);
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

static int ncsim_poll(struct napi_struct *napi, int budget)
{
	struct ncsim_port *port = container_of(napi, struct ncsim_port, napi);
	bool tx_more;
	int done = 0;

	/* the engine puts frames on the wire: its far end is RCU */
	rcu_read_lock();
	ncsim_hw_tx_process(&port->hw_tx, NCSIM_TX_BUDGET);
	ncsim_wire_end(port);
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

/**
 * ncsim_port_set_paused() - netcx_pause() or netcx_resume() a port
 * @port: the port, registered.
 * @paused: pause, else resume.
 *
 * What a driver does around a reset that takes its offloads away for a
 * while; here the debugfs ``pause`` file asks for it. Takes the RTNL.
 *
 * Return: 0, or netcx's error (a change callback's: the offloads then stay
 * as they were).
 */
int ncsim_port_set_paused(struct ncsim_port *port, bool paused)
{
	int err;

	rtnl_lock();
	err = paused ? netcx_pause(port->ad) : netcx_resume(port->ad);
	if (!err)
		port->paused = paused;
	rtnl_unlock();
	return err;
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
	port->rx_buf_len = NCSIM_RX_BUF_LEN(dev->mtu);
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
	/* a reload took the engines down already */
	if (!port->quiesced)
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

/**
 * ncsim_port_quiesce() - stop a port for a devlink reload
 * @port: the port, registered.
 *
 * Detaches the net_device (the stack neither transmits nor reconfigures
 * it: open, MTU and ethtool are refused meanwhile), waits for a transmit
 * in flight, and takes the engines down when it runs: its NAPI disabled,
 * its rings drained, the wire into it closed (the peer's frames are
 * dropped there). The net_device keeps its name, namespace, addresses and
 * state. Under RTNL.
 */
void ncsim_port_quiesce(struct ncsim_port *port)
{
	struct net_device *dev = port->dev;

	ASSERT_RTNL();
	if (port->quiesced)
		return;
	netif_device_detach(dev);
	if (netif_running(dev)) {
		netif_tx_disable(dev);
		ncsim_down(port);
	}
	port->quiesced = true;
}

/**
 * ncsim_port_resume() - restart a port ncsim_port_quiesce() stopped
 * @port: the port.
 *
 * The engines come up again if the port runs (it may have been closed
 * meanwhile), and the net_device is attached: its queue wakes. Under RTNL.
 */
void ncsim_port_resume(struct ncsim_port *port)
{
	struct net_device *dev = port->dev;

	ASSERT_RTNL();
	if (!port->quiesced)
		return;
	if (netif_running(dev))
		ncsim_up(port);
	port->quiesced = false;
	netif_device_attach(dev);
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
	WRITE_ONCE(port->hw_rx.rsc_kinds,
		   netcx_active(port->ad, NETCX_OFFLOAD_RSC));
}

/*
 * fail_changed: -EIO for the next N change callbacks, once fail_changed_skip
 * more have gone through; else 0.
 */
static int ncsim_fault_changed(struct ncsim_port *port)
{
	ASSERT_RTNL();

	if (!port->fail_changed)
		return 0;
	if (port->fail_changed_skip) {
		port->fail_changed_skip--;
		return 0;
	}
	port->fail_changed--;
	ncsim_count(port, NCSIM_DRV_FAULT_CHANGED, 1);
	netdev_warn(port->dev,
		    "change callback failed on request (fail_changed, %u more)\n",
		    port->fail_changed);
	return -EIO;
}

/*
 * netcx's change callback, for the offloads with a register: in it
 * netcx_active() answers the state being applied (or restored). A failure
 * asked for through debugfs leaves the registers as they were.
 */
static int ncsim_offload_changed(struct net_device *dev, u32 active)
{
	struct ncsim_port *port = netdev_priv(dev);
	int err;

	err = ncsim_fault_changed(port);
	if (err)
		return err;
	ncsim_port_program(port);
	return 0;
}

/*
 * An entry of a UDP tunnel port table changed: written into the device's
 * tables, which keep it while the port is down. The engines read each
 * entry whole: a packet in flight meets the old entry or the new one.
 */
static int ncsim_tunnel_port(struct net_device *dev, unsigned int table,
			     unsigned int entry, __be16 port,
			     enum netcx_encap encap)
{
	struct ncsim_port *p = netdev_priv(dev);

	if (table >= NETCX_TNL_PORT_TABLES || entry >= NETCX_TNL_PORTS_MAX ||
	    (port && encap != NETCX_ENCAP_VXLAN &&
	     encap != NETCX_ENCAP_GENEVE)) {
		netdev_err(dev, "tunnel port table %u entry %u: no such entry or encapsulation\n",
			   table, entry);
		return -EINVAL;
	}
	ncsim_hw_tnl_port_set(&p->tnl_ports, table, entry, port, encap);
	return 0;
}

/* Transmit offloads are per descriptor: nothing to program. */
static const struct netcx_adapter_ops ncsim_netcx_ops = {
	.changed = {
		[NETCX_OFFLOAD_RX_CSUM] = ncsim_offload_changed,
		[NETCX_OFFLOAD_VLAN_RX] = ncsim_offload_changed,
		[NETCX_OFFLOAD_RSC] = ncsim_offload_changed,
	},
	.tunnel_port = ncsim_tunnel_port,
};

/*
 * Frees what ncsim_port_create() allocated, in the reverse order, the
 * net_device last.
 */
static void ncsim_port_free(struct ncsim_port *port)
{
	struct net_device *dev = port->dev;

	netcx_adapter_destroy(port->ad);
	netif_napi_del(&port->napi);
	kfree(port->wire_copy);
	kfree(port->wire_held);
	kfree(port->rx_skb);
	kfree(port->tx_skb);
	ncsim_hw_rx_uninit(&port->hw_rx);
	ncsim_hw_tx_uninit(&port->hw_tx);
	free_netdev(dev);
}

/**
 * ncsim_port_create() - create one port, not yet registered
 * @parent: its device on the ncsim bus.
 * @profile: the hardware the port models.
 * @caps: its silicon (the profile's, with the device's overrides); must
 *	outlive the port.
 * @keywords: netcx configuration keywords, or NULL.
 * @devlink: the devlink instance whose "keywords" parameter gives them
 *	instead (netcx_devlink_apply()), or NULL.
 *
 * Builds the simulated hardware and declares its capabilities to netcx.
 *
 * Return: the port, or an ERR_PTR().
 */
struct ncsim_port *ncsim_port_create(struct device *parent,
				     const struct ncsim_profile *profile,
				     const struct ncsim_hw_caps *caps,
				     const char *keywords,
				     struct devlink *devlink)
{
	struct ncsim_port *port;
	struct net_device *dev;
	int err;

	dev = alloc_etherdev(sizeof(*port));
	if (!dev)
		return ERR_PTR(-ENOMEM);
	strscpy(dev->name, "ncsim%d", sizeof(dev->name));
	SET_NETDEV_DEV(dev, parent);
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
	u64_stats_init(&port->ctl_syncp);
	netif_napi_add(dev, &port->napi, ncsim_poll);

	port->rx_pause = true;
	port->tx_pause = true;
	err = ncsim_hw_tx_init(&port->hw_tx, caps, NCSIM_TX_RING, ncsim_wire,
			       ncsim_wire_room, port);
	if (err)
		goto err_napi;
	err = ncsim_hw_rx_init(&port->hw_rx, caps, NCSIM_RX_RING);
	if (err)
		goto err_hw_tx;
	port->hw_tx.ports = &port->tnl_ports;
	port->hw_rx.ports = &port->tnl_ports;
	err = -ENOMEM;
	port->tx_skb = kcalloc(NCSIM_TX_RING, sizeof(*port->tx_skb), GFP_KERNEL);
	if (!port->tx_skb)
		goto err_hw_rx;
	port->rx_skb = kcalloc(NCSIM_RX_RING, sizeof(*port->rx_skb), GFP_KERNEL);
	if (!port->rx_skb)
		goto err_tx_skb;
	/* the longest frame: the MTU, the Ethernet header, two tags */
	port->wire_held_size = VLAN_ETH_HLEN + VLAN_HLEN + caps->max_mtu;
	port->wire_held = kmalloc(port->wire_held_size, GFP_KERNEL);
	if (!port->wire_held)
		goto err_rx_skb;
	port->wire_copy = kmalloc(port->wire_held_size, GFP_KERNEL);
	if (!port->wire_copy)
		goto err_wire_held;
	port->hw_tx.mtu = dev->mtu;

	port->ad = netcx_adapter_create(dev, &ncsim_netcx_ops);
	if (IS_ERR(port->ad)) {
		err = PTR_ERR(port->ad);
		goto err_wire_copy;
	}
	err = ncsim_profile_declare(caps, port->ad);
	if (err)
		goto err_adapter;
	if (devlink)
		err = netcx_devlink_apply(port->ad, devlink, NULL);
	else if (keywords && *keywords)
		err = netcx_set_keywords(port->ad, keywords);
	if (err)
		goto err_adapter;
	err = netcx_adapter_commit(port->ad);
	if (err)
		goto err_adapter;
	/* the receive engine's registers, as netcx starts them */
	ncsim_port_program(port);
	return port;

err_adapter:
	netcx_adapter_destroy(port->ad);
err_wire_copy:
	kfree(port->wire_copy);
err_wire_held:
	kfree(port->wire_held);
err_rx_skb:
	kfree(port->rx_skb);
err_tx_skb:
	kfree(port->tx_skb);
err_hw_rx:
	ncsim_hw_rx_uninit(&port->hw_rx);
err_hw_tx:
	ncsim_hw_tx_uninit(&port->hw_tx);
err_napi:
	netif_napi_del(&port->napi);
	free_netdev(dev);
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
	if (err)
		return err;
	ncsim_debugfs_port_add(port);
	if (!threaded)
		return 0;
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

	ncsim_debugfs_port_remove(port);
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

/**
 * ncsim_footprint() - the memory an ncsim port keeps
 * @fp: filled with the sizes of this build's structures and allocations
 *	(&struct ncsim_footprint); netcx's own are netcx_footprint()'s.
 *
 * What ncsim_port_create() allocates (alloc_etherdev() makes the
 * net_device and the port one allocation), and the receive buffers
 * ncsim_up() posts; not the kernel's queues of a net_device, nor the
 * model's two frame buffers.
 */
void ncsim_footprint(struct ncsim_footprint *fp)
{
	fp->net_device = sizeof(struct net_device);
	fp->port = sizeof(struct ncsim_port);
	fp->netdev_slab = kmalloc_size_roundup(fp->net_device + fp->port);
	fp->txd = sizeof(struct ncsim_txd);
	fp->rxd = sizeof(struct ncsim_rxd);
	fp->tx_ring = NCSIM_TX_RING;
	fp->rx_ring = NCSIM_RX_RING;
	fp->tx_entry = fp->txd + sizeof(struct sk_buff *);
	fp->rx_entry = fp->rxd + sizeof(struct sk_buff *);
	fp->rings_slab =
		kmalloc_size_roundup(NCSIM_TX_RING * fp->txd) +
		kmalloc_size_roundup(NCSIM_TX_RING * sizeof(struct sk_buff *)) +
		kmalloc_size_roundup(NCSIM_RX_RING * fp->rxd) +
		kmalloc_size_roundup(NCSIM_RX_RING * sizeof(struct sk_buff *));
	fp->rx_buf_len = NCSIM_RX_BUF_LEN(ETH_DATA_LEN);
}
EXPORT_SYMBOL_NS_GPL(ncsim_footprint, NCSIM_NS);
