// SPDX-License-Identifier: GPL-2.0
/*
 * ncsim ethtool operations: driver information, rings, and the statistics:
 * netcx's per-packet counters first, then the hardware's (transmit and
 * receive engines), then the driver's.
 */
#include <linux/ethtool.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>

#include <compat/compat.h>
#include <netcx/netcx.h>

#include "ncsim.h"

static void ncsim_get_drvinfo(struct net_device *dev,
			      struct ethtool_drvinfo *info)
{
	struct ncsim_port *port = netdev_priv(dev);

	strscpy(info->driver, "ncsim", sizeof(info->driver));
	/* the device on the ncsim bus: the devlink handle's second half */
	strscpy(info->bus_info, dev_name(dev->dev.parent),
		sizeof(info->bus_info));
	/* the silicon it models */
	strscpy(info->fw_version, port->profile->name,
		sizeof(info->fw_version));
}

static void ncsim_get_ringparam(struct net_device *dev,
				struct ethtool_ringparam *ring,
				struct kernel_ethtool_ringparam *kring,
				struct netlink_ext_ack *extack)
{
	ring->rx_max_pending = NCSIM_RX_RING;
	ring->rx_pending = NCSIM_RX_RING;
	ring->tx_max_pending = NCSIM_TX_RING;
	ring->tx_pending = NCSIM_TX_RING;
}

static void ncsim_get_pauseparam(struct net_device *dev,
				 struct ethtool_pauseparam *pause)
{
	struct ncsim_port *port = netdev_priv(dev);

	pause->autoneg = AUTONEG_DISABLE;
	pause->rx_pause = port->rx_pause;
	pause->tx_pause = port->tx_pause;
}

static int ncsim_set_pauseparam(struct net_device *dev,
				struct ethtool_pauseparam *pause)
{
	struct ncsim_port *port = netdev_priv(dev);
	struct ncsim_port *peer = rtnl_dereference(port->peer);

	if (pause->autoneg)
		return -EINVAL;
	WRITE_ONCE(port->rx_pause, !!pause->rx_pause);
	WRITE_ONCE(port->tx_pause, !!pause->tx_pause);
	/* an engine waiting on a PAUSE no longer sent or obeyed goes on */
	if (netif_running(dev))
		ncsim_port_kick(port);
	if (peer && netif_running(peer->dev))
		ncsim_port_kick(peer);
	return 0;
}

static int ncsim_get_sset_count(struct net_device *dev, int sset)
{
	struct ncsim_port *port = netdev_priv(dev);

	if (sset != ETH_SS_STATS)
		return -EOPNOTSUPP;
	return netcx_stats_count(port->ad) + NCSIM_HW_TX_NSTATS +
	       NCSIM_HW_RX_NSTATS + NCSIM_DRV_NSTATS;
}

static void ncsim_get_strings(struct net_device *dev, u32 sset, u8 *data)
{
	struct ncsim_port *port = netdev_priv(dev);
	unsigned int i;

	if (sset != ETH_SS_STATS)
		return;
	netcx_stats_strings(port->ad, &data);
	for (i = 0; i < NCSIM_HW_TX_NSTATS; i++)
		ethtool_puts(&data, ncsim_hw_tx_stat_names[i]);
	for (i = 0; i < NCSIM_HW_RX_NSTATS; i++)
		ethtool_puts(&data, ncsim_hw_rx_stat_names[i]);
	for (i = 0; i < NCSIM_DRV_NSTATS; i++)
		ethtool_puts(&data, ncsim_drv_stat_names[i]);
}

static void ncsim_get_ethtool_stats(struct net_device *dev,
				    struct ethtool_stats *stats, u64 *data)
{
	struct ncsim_port *port = netdev_priv(dev);

	netcx_stats_fill(port->ad, &data);
	ncsim_hw_tx_read_stats(&port->hw_tx, data);
	data += NCSIM_HW_TX_NSTATS;
	ncsim_hw_rx_read_stats(&port->hw_rx, data);
	data += NCSIM_HW_RX_NSTATS;
	ncsim_port_read_stats(port, data);
}

const struct ethtool_ops ncsim_ethtool_ops = {
	.get_drvinfo		= ncsim_get_drvinfo,
	.get_link		= ethtool_op_get_link,
	.get_ringparam		= ncsim_get_ringparam,
	.get_pauseparam		= ncsim_get_pauseparam,
	.set_pauseparam		= ncsim_set_pauseparam,
	.get_sset_count		= ncsim_get_sset_count,
	.get_strings		= ncsim_get_strings,
	.get_ethtool_stats	= ncsim_get_ethtool_stats,
};
