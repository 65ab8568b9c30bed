/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The device a netcx KUnit case runs on: an Ethernet net_device, never
 * registered, whose private area holds its netcx adapter; kept in
 * test->priv and freed by the suite's exit (netcx_test_exit()).
 */
#ifndef _NETCX_TEST_DEV_H
#define _NETCX_TEST_DEV_H

#include <kunit/test.h>
#include <linux/err.h>
#include <linux/etherdevice.h>
#include <linux/netdevice.h>

#include <netcx/netcx.h>

struct netcx_test_priv {
	struct netcx_adapter *ad;
};

/*
 * A device with @ops (or none) and the driver's own feature bits @bits
 * (hw_features, features, vlan_features), and its adapter, created and
 * not committed.
 */
static inline struct netcx_adapter *
netcx_test_dev(struct kunit *test, const struct net_device_ops *ops,
	       netdev_features_t bits)
{
	struct netcx_test_priv *priv;
	struct net_device *dev;

	dev = alloc_etherdev(sizeof(*priv));
	KUNIT_ASSERT_NOT_NULL(test, dev);
	test->priv = dev;
	if (ops)
		dev->netdev_ops = ops;
	dev->hw_features = bits;
	dev->features = bits;
	dev->vlan_features = bits;
	priv = netdev_priv(dev);
	priv->ad = netcx_adapter_create(dev, NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(priv->ad));
	return priv->ad;
}

static inline int netcx_test_init(struct kunit *test)
{
	test->priv = NULL;
	return 0;
}

/* The suite's exit: the case's adapter and device, if it made them. */
static inline void netcx_test_exit(struct kunit *test)
{
	struct net_device *dev = test->priv;
	struct netcx_test_priv *priv;

	if (!dev)
		return;
	priv = netdev_priv(dev);
	if (!IS_ERR_OR_NULL(priv->ad))
		netcx_adapter_destroy(priv->ad);
	free_netdev(dev);
}

#endif /* _NETCX_TEST_DEV_H */
