/* SPDX-License-Identifier: GPL-2.0 */
/*
 * netcx's two transmit calls as the stack makes them, with BH disabled
 * (the per-CPU counters assume it), for the KUnit suites that call them
 * from process context.
 */
#ifndef _NETCX_TX_CALL_H
#define _NETCX_TX_CALL_H

#include <linux/bottom_half.h>
#include <linux/netdev_features.h>

#include <netcx/netcx.h>

static inline netdev_features_t
netcx_test_features_check(struct netcx_adapter *ad, struct sk_buff *skb,
			  netdev_features_t features)
{
	local_bh_disable();
	features = netcx_features_check(ad, skb, features);
	local_bh_enable();
	return features;
}

static inline int netcx_test_tx_prepare(struct netcx_adapter *ad,
					struct sk_buff **pskb,
					struct netcx_tx_desc *desc)
{
	int ret;

	local_bh_disable();
	ret = netcx_tx_prepare(ad, pskb, desc);
	local_bh_enable();
	return ret;
}

#endif /* _NETCX_TX_CALL_H */
