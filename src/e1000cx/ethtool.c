// SPDX-License-Identifier: GPL-2.0
/*
 * e1000cx ethtool operations: driver information, rings (-g/-G) and the
 * statistics (-S): netcx's per-packet counters first, then the driver's.
 * Offload settings (-k/-K) are netcx's, through ndo_set_features.
 */
#include <linux/ethtool.h>
#include <linux/log2.h>
#include <linux/netdevice.h>

#include <compat/compat.h>
#include <netcx/netcx.h>

#include "e1000cx.h"

static void e1000cx_get_drvinfo(struct net_device *dev,
				struct ethtool_drvinfo *info)
{
	struct e1000cx *e = netdev_priv(dev);

	strscpy(info->driver, E1000CX_DRV_NAME, sizeof(info->driver));
	strscpy(info->bus_info, pci_name(e->pdev), sizeof(info->bus_info));
}

static void e1000cx_get_ringparam(struct net_device *dev,
				  struct ethtool_ringparam *ring,
				  struct kernel_ethtool_ringparam *kring,
				  struct netlink_ext_ack *extack)
{
	struct e1000cx *e = netdev_priv(dev);

	ring->rx_max_pending = E1000CX_RING_MAX;
	ring->tx_max_pending = E1000CX_RING_MAX;
	ring->rx_pending = e->rx_count_req;
	ring->tx_pending = e->tx_count_req;
}

/* A ring size the device and the free-running indexes take: 2^n, 64-4096. */
static u32 e1000cx_ring_size(u32 n)
{
	return roundup_pow_of_two(clamp_t(u32, n, E1000CX_RING_MIN,
					  E1000CX_RING_MAX));
}

/*
 * Under traffic too: the device goes down (the queue stopped, what is on
 * the rings freed), the rings are allocated anew, and it comes up again.
 * If the new rings cannot be had, it comes up with the old sizes.
 */
static int e1000cx_set_ringparam(struct net_device *dev,
				 struct ethtool_ringparam *ring,
				 struct kernel_ethtool_ringparam *kring,
				 struct netlink_ext_ack *extack)
{
	struct e1000cx *e = netdev_priv(dev);
	u32 old_tx = e->tx_count_req, old_rx = e->rx_count_req;
	u32 tx, rx;
	int err;

	if (ring->rx_mini_pending || ring->rx_jumbo_pending)
		return -EINVAL;
	tx = e1000cx_ring_size(ring->tx_pending);
	rx = e1000cx_ring_size(ring->rx_pending);
	if (tx == old_tx && rx == old_rx)
		return 0;
	if (!netif_running(dev)) {
		e->tx_count_req = tx;
		e->rx_count_req = rx;
		return 0;
	}
	e1000cx_down(e);
	e->tx_count_req = tx;
	e->rx_count_req = rx;
	err = e1000cx_up(e);
	if (!err)
		return 0;
	NL_SET_ERR_MSG_MOD(extack, "no memory for the new rings");
	e->tx_count_req = old_tx;
	e->rx_count_req = old_rx;
	if (e1000cx_up(e))
		netdev_err(dev, "cannot come up again\n");
	return err;
}

static int e1000cx_get_sset_count(struct net_device *dev, int sset)
{
	struct e1000cx *e = netdev_priv(dev);

	if (sset != ETH_SS_STATS)
		return -EOPNOTSUPP;
	return netcx_stats_count(e->ad) + E1000CX_NSTATS;
}

static void e1000cx_get_strings(struct net_device *dev, u32 sset, u8 *data)
{
	struct e1000cx *e = netdev_priv(dev);
	unsigned int i;

	if (sset != ETH_SS_STATS)
		return;
	netcx_stats_strings(e->ad, &data);
	for (i = 0; i < E1000CX_NSTATS; i++)
		ethtool_puts(&data, e1000cx_stat_names[i]);
}

static void e1000cx_get_ethtool_stats(struct net_device *dev,
				      struct ethtool_stats *stats, u64 *data)
{
	struct e1000cx *e = netdev_priv(dev);

	netcx_stats_fill(e->ad, &data);
	e1000cx_read_stats(e, data);
}

const struct ethtool_ops e1000cx_ethtool_ops = {
	.get_drvinfo		= e1000cx_get_drvinfo,
	.get_link		= ethtool_op_get_link,
	.get_ringparam		= e1000cx_get_ringparam,
	.set_ringparam		= e1000cx_set_ringparam,
	.get_sset_count		= e1000cx_get_sset_count,
	.get_strings		= e1000cx_get_strings,
	.get_ethtool_stats	= e1000cx_get_ethtool_stats,
};
