/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The netcx adapter: the framework's object for one net_device.
 *
 * Life cycle, for a client driver:
 *
 *   ad = netcx_adapter_create(dev, &ops);
 *   netcx_set_tx_csum_caps(ad, &tx);  ...one call per offload...
 *   netcx_set_keywords(ad, keywords);  (optional)
 *   netcx_adapter_commit(ad);
 *   register_netdev(dev);
 *   ...
 *   unregister_netdev(dev);
 *   netcx_adapter_destroy(ad);
 *
 * The adapter lives in dev->ml_priv from create to destroy, so the driver
 * plugs netcx's ndos into its &struct net_device_ops as they are:
 *
 *   .ndo_features_check = netcx_ndo_features_check,
 *   .ndo_fix_features   = netcx_ndo_fix_features,
 *   .ndo_set_features   = netcx_ndo_set_features,
 *
 * A driver with fix-ups of its own (an erratum, a feature netcx does not
 * own) writes that ndo itself and calls netcx_features_check(),
 * netcx_fix_features() or netcx_set_features() from it. netcx calls the
 * driver back through &struct netcx_adapter_ops whenever an offload's
 * active state changes.
 *
 * UDP tunnel ports (VXLAN, GENEVE) need no ndo: since 5.9 the kernel's
 * tunnel drivers call udp_tunnel_nic directly (ndo_udp_tunnel_add and
 * ndo_udp_tunnel_del are gone from 6.1 and 6.12), and netcx gives the
 * device its &struct udp_tunnel_nic_info at netcx_adapter_commit() when
 * tunnel capabilities declare a port table. The driver hears of the
 * ports through &netcx_adapter_ops.tunnel_port.
 */
#ifndef _NETCX_ADAPTER_H
#define _NETCX_ADAPTER_H

#include <linux/netdev_features.h>
#include <netcx/caps.h>

struct net_device;
struct netcx_adapter;
struct netlink_ext_ack;

/**
 * NETCX_FEATURES - the &netdev_features_t bits netcx owns
 *
 * netcx sets these in ``hw_features``, ``features``, ``vlan_features`` and
 * ``hw_enc_features`` from the capabilities and keywords at
 * netcx_adapter_commit(); the client driver must not set them itself. Every
 * other bit (%NETIF_F_SG, %NETIF_F_HIGHDMA, ...) stays the driver's.
 */
#define NETCX_FEATURES	(NETIF_F_HW_CSUM | NETIF_F_IP_CSUM | \
			 NETIF_F_IPV6_CSUM | NETIF_F_RXCSUM | NETIF_F_TSO | \
			 NETIF_F_TSO6 | NETIF_F_GSO_UDP_L4 | NETIF_F_GRO_HW | \
			 NETIF_F_HW_VLAN_CTAG_TX | NETIF_F_HW_VLAN_CTAG_RX | \
			 NETCX_TNL_FEATURES)

/* The tunnel segmentation bits of %NETCX_FEATURES. */
#define NETCX_TNL_FEATURES (NETIF_F_GSO_UDP_TUNNEL | \
			    NETIF_F_GSO_UDP_TUNNEL_CSUM | NETIF_F_GSO_GRE | \
			    NETIF_F_GSO_GRE_CSUM | NETIF_F_GSO_IPXIP4 | \
			    NETIF_F_GSO_IPXIP6 | NETIF_F_GSO_PARTIAL)

/**
 * enum netcx_offload - the offloads netcx manages
 * @NETCX_OFFLOAD_TX_CSUM: transmit checksum.
 * @NETCX_OFFLOAD_RX_CSUM: receive checksum.
 * @NETCX_OFFLOAD_LSO: TCP segmentation (large send offload).
 * @NETCX_OFFLOAD_USO: UDP segmentation.
 * @NETCX_OFFLOAD_RSC: receive segment coalescing (hardware GRO).
 * @NETCX_OFFLOAD_VLAN_TX: 802.1Q tag insertion.
 * @NETCX_OFFLOAD_VLAN_RX: 802.1Q tag stripping.
 * @NETCX_OFFLOAD_TNL_CSUM: the inner checksum of encapsulated packets; its
 *	kinds are the ``NETCX_TNL_*`` of the encapsulations and outer IP
 *	versions it is active for.
 * @NETCX_OFFLOAD_TNL_GSO: the segmentation of encapsulated packets; its
 *	kinds are the ``NETCX_TNL_*`` ones, with %NETCX_TNL_UDP_CSUM and
 *	%NETCX_TNL_GRE_CSUM for packets whose outer checksum is set.
 * @NETCX_OFFLOAD_MAX: the number of offloads.
 */
enum netcx_offload {
	NETCX_OFFLOAD_TX_CSUM,
	NETCX_OFFLOAD_RX_CSUM,
	NETCX_OFFLOAD_LSO,
	NETCX_OFFLOAD_USO,
	NETCX_OFFLOAD_RSC,
	NETCX_OFFLOAD_VLAN_TX,
	NETCX_OFFLOAD_VLAN_RX,
	NETCX_OFFLOAD_TNL_CSUM,
	NETCX_OFFLOAD_TNL_GSO,
	NETCX_OFFLOAD_MAX,
};

/**
 * struct netcx_adapter_ops - the client driver's change callbacks
 * @changed: called with the RTNL held, once for each offload whose active
 *	state changes, with the new mask of packet kinds (``NETCX_TCP4``, ...;
 *	0 means off). The driver reprograms its hardware and returns 0, or
 *	returns a negative errno to refuse: netcx then restores every offload
 *	it already changed in this update and the stack keeps its previous
 *	features. Entries may be NULL. Indexed by &enum netcx_offload.
 *	During the call netcx_active() answers the state being applied (the
 *	old one while restoring), for every offload: a driver whose registers
 *	follow several offloads may give one function to all their slots and
 *	rewrite the registers from netcx_active(), ignoring @active.
 * @tunnel_port: may be NULL. Called when entry @entry of UDP tunnel port
 *	table @table (&netcx_tunnel_caps.ports) changes: @port (network
 *	order) is now the one of encapsulation @encap (%NETCX_ENCAP_VXLAN or
 *	%NETCX_ENCAP_GENEVE), or 0 when the entry is emptied. Called from
 *	udp_tunnel_nic with the RTNL held, even while the device is down
 *	(the driver keeps the table for its next open), and once from
 *	netcx_adapter_commit() for the port the ``*VxlanUDPPortNumber``
 *	keyword pins. It may sleep. Returns 0, or a negative errno: netcx
 *	then forgets the port (its packets are not offloaded) and
 *	udp_tunnel_nic retries it later.
 */
struct netcx_adapter_ops {
	int (*changed[NETCX_OFFLOAD_MAX])(struct net_device *dev, u32 active);
	int (*tunnel_port)(struct net_device *dev, unsigned int table,
			   unsigned int entry, __be16 port,
			   enum netcx_encap encap);
};

/**
 * struct netcx_footprint - the memory netcx keeps per adapter
 * @adapter: the size of the adapter structure.
 * @adapter_slab: the allocation it takes (its kmalloc bucket).
 * @pcpu_stats: the size of one CPU's counters.
 * @percpu: the counters of every possible CPU together.
 *
 * For a driver's memory accounting and for the benchmarks; filled by
 * netcx_footprint().
 */
struct netcx_footprint {
	size_t adapter;
	size_t adapter_slab;
	size_t pcpu_stats;
	size_t percpu;
};

struct netcx_adapter *netcx_adapter_create(struct net_device *dev,
					   const struct netcx_adapter_ops *ops);
void netcx_adapter_destroy(struct netcx_adapter *ad);
struct net_device *netcx_adapter_netdev(const struct netcx_adapter *ad);
void netcx_footprint(struct netcx_footprint *fp);

int netcx_set_tx_csum_caps(struct netcx_adapter *ad,
			   const struct netcx_tx_csum_caps *caps);
int netcx_set_rx_csum_caps(struct netcx_adapter *ad,
			   const struct netcx_rx_csum_caps *caps);
int netcx_set_lso_caps(struct netcx_adapter *ad,
		       const struct netcx_gso_caps *caps);
int netcx_set_uso_caps(struct netcx_adapter *ad,
		       const struct netcx_gso_caps *caps);
int netcx_set_rsc_caps(struct netcx_adapter *ad,
		       const struct netcx_rsc_caps *caps);
int netcx_set_ieee8021q_caps(struct netcx_adapter *ad,
			     const struct netcx_ieee8021q_caps *caps);
int netcx_set_tunnel_caps(struct netcx_adapter *ad,
			  const struct netcx_tunnel_caps *caps);
int netcx_set_keywords(struct netcx_adapter *ad, const char *keywords);
int netcx_update_keywords(struct netcx_adapter *ad, const char *keywords,
			  struct netlink_ext_ack *extack);
int netcx_adapter_commit(struct netcx_adapter *ad);

netdev_features_t netcx_fix_features(struct netcx_adapter *ad,
				     netdev_features_t features);
int netcx_set_features(struct netcx_adapter *ad, netdev_features_t features);
netdev_features_t netcx_ndo_fix_features(struct net_device *dev,
					 netdev_features_t features);
int netcx_ndo_set_features(struct net_device *dev, netdev_features_t features);

int netcx_pause(struct netcx_adapter *ad);
int netcx_resume(struct netcx_adapter *ad);

u32 netcx_permitted(const struct netcx_adapter *ad, enum netcx_offload off);
u32 netcx_active(const struct netcx_adapter *ad, enum netcx_offload off);
const struct netcx_gso_caps *netcx_gso_limits(const struct netcx_adapter *ad,
					      enum netcx_offload off);
int netcx_tunnel_port_encap(const struct netcx_adapter *ad, __be16 port);

#endif /* _NETCX_ADAPTER_H */
