/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ncsim: a simulated NIC on netcx. Ports come in pairs joined by a wire;
 * each port is a net_device driving its own simulated hardware (hw.h).
 */
#ifndef _NCSIM_H
#define _NCSIM_H

#include <linux/device.h>
#include <linux/if_vlan.h>
#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <linux/types.h>
#include <linux/u64_stats_sync.h>

#include "hw.h"

struct devlink;
struct netcx_adapter;
struct ncsim_profile;

/* Descriptors per ring: powers of 2. */
#define NCSIM_TX_RING	256
#define NCSIM_RX_RING	256

/* A receive buffer: a frame of @mtu with two 802.1Q tags. */
#define NCSIM_RX_BUF_LEN(mtu)	(VLAN_ETH_HLEN + VLAN_HLEN + (mtu))

/**
 * enum ncsim_drv_stat - the driver's own counters
 * @NCSIM_DRV_RX_PACKETS: packets handed to the stack.
 * @NCSIM_DRV_RX_BYTES: their bytes, Ethernet header included.
 * @NCSIM_DRV_TX_PACKETS: descriptors completed.
 * @NCSIM_DRV_TX_BYTES: their bytes.
 * @NCSIM_DRV_RX_ALLOC_FAIL: receive buffers that could not be allocated.
 * @NCSIM_DRV_WIRE_DROPS: frames the wire dropped on request (wire_drop).
 * @NCSIM_DRV_WIRE_REORDERS: frames it held back behind the next one on
 *	request (wire_reorder).
 * @NCSIM_DRV_WIRE_CORRUPTS: frames it corrupted on request (wire_corrupt).
 * @NCSIM_DRV_NAPI_STATS: the counters written by NAPI.
 * @NCSIM_DRV_TX_RING_FULL: packets dropped for want of a descriptor.
 * @NCSIM_DRV_TX_STOPS: times the queue was stopped on a full ring.
 * @NCSIM_DRV_TX_STATS_END: the end of the counters ndo_start_xmit writes.
 * @NCSIM_DRV_FAULT_CHANGED: change callbacks failed on request
 *	(fail_changed); written under RTNL.
 * @NCSIM_DRV_NSTATS: the number of counters.
 */
enum ncsim_drv_stat {
	NCSIM_DRV_RX_PACKETS,
	NCSIM_DRV_RX_BYTES,
	NCSIM_DRV_TX_PACKETS,
	NCSIM_DRV_TX_BYTES,
	NCSIM_DRV_RX_ALLOC_FAIL,
	NCSIM_DRV_WIRE_DROPS,
	NCSIM_DRV_WIRE_REORDERS,
	NCSIM_DRV_WIRE_CORRUPTS,
	NCSIM_DRV_NAPI_STATS,
	NCSIM_DRV_TX_RING_FULL = NCSIM_DRV_NAPI_STATS,
	NCSIM_DRV_TX_STOPS,
	NCSIM_DRV_TX_STATS_END,
	NCSIM_DRV_FAULT_CHANGED = NCSIM_DRV_TX_STATS_END,
	NCSIM_DRV_NSTATS,
};

extern const char ncsim_drv_stat_names[NCSIM_DRV_NSTATS][ETH_GSTRING_LEN];

/**
 * struct ncsim_port - one simulated port (the net_device's private data)
 * @dev: the port's net_device.
 * @ad: its netcx adapter.
 * @profile: the hardware it models.
 * @peer: the port at the other end of the wire; RCU, written under RTNL.
 * @list: entry in the module's list of ports.
 * @napi: runs the transmit engine, reaps its completions, receives.
 * @hw_tx: the simulated transmit engine and its ring.
 * @hw_rx: the simulated receive engine and its ring.
 * @tnl_ports: the device's UDP tunnel port tables, which both engines read;
 *	written by ops->tunnel_port under RTNL.
 * @tx_skb: the skb behind each transmit descriptor.
 * @tx_tail: transmit descriptors filled (ndo_start_xmit).
 * @tx_clean: transmit descriptors reaped (NAPI).
 * @rx_skb: the buffer behind each receive descriptor.
 * @rx_buf_len: the size of the receive buffers posted.
 * @rx_tail: receive buffers posted.
 * @rx_clean: receive descriptors reaped.
 * @rx_up: receive buffers are posted: the wire may deliver.
 * @quiesced: stopped by a devlink reload (devlink.c), its engines down
 *	until it resumes; RTNL.
 * @rx_pause: 802.3x: the transmit engine obeys PAUSE from the peer.
 * @tx_pause: 802.3x: the port sends PAUSE while its receive ring is full.
 * @wire_drop: debugfs: the wire drops every Nth frame this port puts on
 *	it; 0: none.
 * @wire_reorder: debugfs: the wire sends every Nth frame this port puts
 *	on it after the one that follows in the same pass; 0: none.
 * @wire_corrupt: debugfs: the wire flips a bit in every Nth frame this
 *	port puts on it, where the receiver's checksums cover it; 0: none.
 * @wire_frames: frames this port put on the wire while any was set.
 * @wire_held: the frame held back by @wire_reorder, @wire_held_len bytes
 *	(0: none); NAPI's, and empty between two polls.
 * @wire_held_len: its length.
 * @wire_held_size: the size of @wire_held and @wire_copy: the longest frame.
 * @wire_copy: the copy of a frame @wire_corrupt corrupts (NAPI's): the
 *	sender's buffers stay intact, for TCP to retransmit from.
 * @rx_alloc_fail: debugfs: every Nth receive buffer allocation fails; 0:
 *	none.
 * @rx_allocs: receive buffer allocations tried while it was set.
 * @fail_changed: debugfs: the next N change callbacks fail with -EIO;
 *	RTNL's.
 * @fail_changed_skip: debugfs: the change callbacks that still succeed
 *	before those of @fail_changed fail; RTNL's.
 * @paused: debugfs: netcx_pause() is in force (the ``pause`` file);
 *	RTNL's.
 * @debugfs: the port's debugfs directory (debugfs.c).
 * @stats: &enum ncsim_drv_stat counters.
 * @napi_syncp: guards the counters NAPI writes.
 * @tx_syncp: guards the counters ndo_start_xmit writes.
 * @ctl_syncp: guards the counters written under RTNL.
 */
struct ncsim_port {
	struct net_device *dev;
	struct netcx_adapter *ad;
	const struct ncsim_profile *profile;
	struct ncsim_port __rcu *peer;
	struct list_head list;
	struct napi_struct napi;
	struct ncsim_hw_tx hw_tx;
	struct ncsim_hw_rx hw_rx;
	struct ncsim_hw_tnl_ports tnl_ports;
	struct sk_buff **tx_skb;
	u32 tx_tail;
	u32 tx_clean;
	struct sk_buff **rx_skb;
	unsigned int rx_buf_len;
	u32 rx_tail;
	u32 rx_clean;
	bool rx_up;
	bool quiesced;
	bool rx_pause;
	bool tx_pause;
	u32 wire_drop;
	u32 wire_reorder;
	u32 wire_corrupt;
	u32 wire_frames;
	u8 *wire_held;
	unsigned int wire_held_len;
	unsigned int wire_held_size;
	u8 *wire_copy;
	u32 rx_alloc_fail;
	u32 rx_allocs;
	u32 fail_changed;
	u32 fail_changed_skip;
	bool paused;
	struct dentry *debugfs;
	u64_stats_t stats[NCSIM_DRV_NSTATS];
	struct u64_stats_sync napi_syncp;
	struct u64_stats_sync tx_syncp;
	struct u64_stats_sync ctl_syncp;
};

/**
 * struct ncsim_profile - a kind of NIC that ncsim models
 * @name: the value of the profile= module parameter.
 * @desc: what it models, for the log.
 * @caps: its silicon, before the module parameters' overrides.
 */
struct ncsim_profile {
	const char *name;
	const char *desc;
	struct ncsim_hw_caps caps;
};

/**
 * enum ncsim_limit - the limit overrides of a profile
 * @NCSIM_CSUM_L3_OFFSET_LIMIT: TX checksum: longest layer-2 header.
 * @NCSIM_CSUM_L4_OFFSET_LIMIT: TX checksum: longest layer-2+3 header.
 * @NCSIM_LSO_MAX_SIZE: LSO: largest packet.
 * @NCSIM_LSO_MIN_SEGS: LSO: fewest segments.
 * @NCSIM_LSO_MAX_SEGS: LSO: most segments.
 * @NCSIM_LSO_OFFSET_LIMIT: LSO: longest layer-2+3 header.
 * @NCSIM_USO_MAX_SIZE: USO: largest packet.
 * @NCSIM_USO_MIN_SEGS: USO: fewest segments.
 * @NCSIM_USO_MAX_SEGS: USO: most segments.
 * @NCSIM_USO_OFFSET_LIMIT: USO: longest layer-2+3 header.
 * @NCSIM_NLIMITS: the number of overrides.
 */
enum ncsim_limit {
	NCSIM_CSUM_L3_OFFSET_LIMIT,
	NCSIM_CSUM_L4_OFFSET_LIMIT,
	NCSIM_LSO_MAX_SIZE,
	NCSIM_LSO_MIN_SEGS,
	NCSIM_LSO_MAX_SEGS,
	NCSIM_LSO_OFFSET_LIMIT,
	NCSIM_USO_MAX_SIZE,
	NCSIM_USO_MIN_SEGS,
	NCSIM_USO_MAX_SEGS,
	NCSIM_USO_OFFSET_LIMIT,
	NCSIM_NLIMITS,
};

/**
 * struct ncsim_limits - a device's limit overrides
 * @val: each &enum ncsim_limit's value; negative: the profile's.
 * @given: the overrides given for the device (BIT() of &enum
 *	ncsim_limit): refused when the profile has no such engine; the
 *	others are the module's defaults, skipped then.
 */
struct ncsim_limits {
	int val[NCSIM_NLIMITS];
	unsigned long given;
};

/**
 * struct ncsim_dev - one ncsim device: a pair of ports joined by their
 *	wire, on the ncsim bus, with a devlink instance
 * @dev: the device, ncsim<id> on the bus; the ports' parent.
 * @list: entry in the bus's list of devices (bus.c).
 * @profile: the hardware its ports model.
 * @caps: their silicon: the profile's, with the limit overrides.
 * @keywords: the initial value of the devlink parameter keywords.
 * @dl_keywords: the instance has it: @keywords fit in a devlink string.
 * @threaded: NAPI in a kernel thread per port.
 * @probe_err: what probing it returned.
 * @devlink: its devlink instance, while bound.
 * @port: its two ports, while bound.
 */
struct ncsim_dev {
	struct device dev;
	struct list_head list;
	const struct ncsim_profile *profile;
	struct ncsim_hw_caps caps;
	char *keywords;
	bool dl_keywords;
	bool threaded;
	int probe_err;
	struct devlink *devlink;
	struct ncsim_port *port[2];
};

/*
 * Counts @n under @s: from NAPI, from ndo_start_xmit (tx_syncp), or under
 * RTNL (ctl_syncp).
 */
static inline void ncsim_count(struct ncsim_port *port,
			       enum ncsim_drv_stat s, unsigned long n)
{
	struct u64_stats_sync *syncp;

	if (s < NCSIM_DRV_NAPI_STATS)
		syncp = &port->napi_syncp;
	else if (s < NCSIM_DRV_TX_STATS_END)
		syncp = &port->tx_syncp;
	else
		syncp = &port->ctl_syncp;

	u64_stats_update_begin(syncp);
	u64_stats_add(&port->stats[s], n);
	u64_stats_update_end(syncp);
}

/* main.c: the module parameters, every device's defaults */
extern char *ncsim_param_profile;
extern char *ncsim_param_keywords;
extern bool ncsim_param_threaded;

/* bus.c */
int ncsim_bus_init(void);
void ncsim_bus_exit(void);
int ncsim_dev_new(unsigned int id, const struct ncsim_profile *profile,
		  const struct ncsim_limits *lim, const char *keywords);

/* devlink.c */
int ncsim_dev_probe(struct ncsim_dev *nd);
void ncsim_dev_remove(struct ncsim_dev *nd);

/* profile.c */
const struct ncsim_profile *ncsim_profile_find(const char *name);
void ncsim_limits_init(struct ncsim_limits *lim, bool given);
int ncsim_limits_set(struct ncsim_limits *lim, const char *name,
		     const char *value);
int ncsim_profile_caps(const struct ncsim_profile *profile,
		       const struct ncsim_limits *lim,
		       struct ncsim_hw_caps *caps);
int ncsim_profile_declare(const struct ncsim_hw_caps *caps,
			  struct netcx_adapter *ad);

/* netdev.c */
struct ncsim_port *ncsim_port_create(struct device *parent,
				     const struct ncsim_profile *profile,
				     const struct ncsim_hw_caps *caps,
				     const char *keywords,
				     struct devlink *devlink);
int ncsim_port_register(struct ncsim_port *port, bool threaded);
void ncsim_port_link(struct ncsim_port *a, struct ncsim_port *b);
void ncsim_port_destroy(struct ncsim_port *port);
void ncsim_port_read_stats(const struct ncsim_port *port, u64 *vals);
void ncsim_port_kick(struct ncsim_port *port);
int ncsim_port_set_paused(struct ncsim_port *port, bool paused);
void ncsim_port_quiesce(struct ncsim_port *port);
void ncsim_port_resume(struct ncsim_port *port);

/* tx.c */
netdev_tx_t ncsim_start_xmit(struct sk_buff *skb, struct net_device *dev);
void ncsim_tx_clean(struct ncsim_port *port, int budget);
void ncsim_tx_drain(struct ncsim_port *port);

/* rx.c */
void ncsim_rx_refill(struct ncsim_port *port, bool napi);
int ncsim_rx(struct ncsim_port *port, int budget);
void ncsim_rx_drain(struct ncsim_port *port);

/* debugfs.c */
void ncsim_debugfs_init(void);
void ncsim_debugfs_exit(void);
void ncsim_debugfs_port_add(struct ncsim_port *port);
void ncsim_debugfs_port_remove(struct ncsim_port *port);

/* ethtool.c */
extern const struct ethtool_ops ncsim_ethtool_ops;

#endif /* _NCSIM_H */
