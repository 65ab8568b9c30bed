// SPDX-License-Identifier: GPL-2.0
/*
 * ncsim ports: net_device creation, the netdev and ethtool ops, and the
 * netcx adapter behind each port.
 */
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>

#include <netcx/netcx.h>

#include "ncsim.h"

static int ncsim_open(struct net_device *dev)
{
	struct ncsim_port *port = netdev_priv(dev);

	/* The link is up while both ends are. */
	if (port->peer && netif_running(port->peer->dev)) {
		netif_carrier_on(dev);
		netif_carrier_on(port->peer->dev);
	}
	netif_start_queue(dev);
	return 0;
}

static int ncsim_stop(struct net_device *dev)
{
	struct ncsim_port *port = netdev_priv(dev);

	netif_stop_queue(dev);
	netif_carrier_off(dev);
	if (port->peer)
		netif_carrier_off(port->peer->dev);
	return 0;
}

/* Until the hardware model exists, frames are dropped and counted. */
static netdev_tx_t ncsim_start_xmit(struct sk_buff *skb, struct net_device *dev)
{
	dev_core_stats_tx_dropped_inc(dev);
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static netdev_features_t ncsim_fix_features(struct net_device *dev,
					    netdev_features_t features)
{
	struct ncsim_port *port = netdev_priv(dev);

	return netcx_fix_features(port->ad, features);
}

static int ncsim_set_features(struct net_device *dev,
			      netdev_features_t features)
{
	struct ncsim_port *port = netdev_priv(dev);

	return netcx_set_features(port->ad, features);
}

static const struct net_device_ops ncsim_netdev_ops = {
	.ndo_open		= ncsim_open,
	.ndo_stop		= ncsim_stop,
	.ndo_start_xmit		= ncsim_start_xmit,
	.ndo_fix_features	= ncsim_fix_features,
	.ndo_set_features	= ncsim_set_features,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_validate_addr	= eth_validate_addr,
};

static void ncsim_get_drvinfo(struct net_device *dev,
			      struct ethtool_drvinfo *info)
{
	struct ncsim_port *port = netdev_priv(dev);

	strscpy(info->driver, "ncsim", sizeof(info->driver));
	strscpy(info->bus_info, port->profile->name, sizeof(info->bus_info));
}

static const struct ethtool_ops ncsim_ethtool_ops = {
	.get_drvinfo	= ncsim_get_drvinfo,
	.get_link	= ethtool_op_get_link,
};

/* The simulated hardware reprograms nothing yet: every change is accepted. */
static const struct netcx_adapter_ops ncsim_netcx_ops = {
};

/**
 * ncsim_port_create() - create and register one port
 * @profile: the hardware the port models.
 * @keywords: netcx configuration keywords, or NULL.
 *
 * Return: the port, or an ERR_PTR().
 */
struct ncsim_port *ncsim_port_create(const struct ncsim_profile *profile,
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
	eth_hw_addr_random(dev);
	netif_carrier_off(dev);

	port = netdev_priv(dev);
	port->dev = dev;
	port->profile = profile;
	INIT_LIST_HEAD(&port->list);

	port->ad = netcx_adapter_create(dev, &ncsim_netcx_ops);
	if (IS_ERR(port->ad)) {
		err = PTR_ERR(port->ad);
		goto err_free_netdev;
	}
	err = profile->declare(port->ad);
	if (err)
		goto err_destroy_adapter;
	if (keywords && *keywords) {
		err = netcx_set_keywords(port->ad, keywords);
		if (err)
			goto err_destroy_adapter;
	}
	err = netcx_adapter_commit(port->ad);
	if (err)
		goto err_destroy_adapter;
	err = register_netdev(dev);
	if (err)
		goto err_destroy_adapter;
	return port;

err_destroy_adapter:
	netcx_adapter_destroy(port->ad);
err_free_netdev:
	free_netdev(dev);
	return ERR_PTR(err);
}

/**
 * ncsim_port_link() - join two ports with a wire
 * @a: one end.
 * @b: the other end.
 */
void ncsim_port_link(struct ncsim_port *a, struct ncsim_port *b)
{
	a->peer = b;
	b->peer = a;
}

/**
 * ncsim_port_destroy() - unregister and free a port
 * @port: the port; its peer must be destroyed in the same RTNL-free context.
 */
void ncsim_port_destroy(struct ncsim_port *port)
{
	struct net_device *dev = port->dev;

	unregister_netdev(dev);
	if (port->peer)
		port->peer->peer = NULL;
	netcx_adapter_destroy(port->ad);
	free_netdev(dev);
}
