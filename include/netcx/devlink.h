/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-device keywords through devlink: netcx's driverinit parameters on a
 * client driver's devlink instance, applied at devlink dev reload.
 *
 *   devlink = devlink_alloc(&ops, ...);    (ops with reload_down/reload_up)
 *   netcx_devlink_params_register(devlink, keywords_module_param);
 *   ...create the adapter, declare capabilities...
 *   netcx_devlink_apply(ad, devlink, NULL);    (before commit)
 *   netcx_adapter_commit(ad); register_netdev(dev);
 *   devlink_register(devlink);
 *
 *   reload_down: rtnl_lock(); netif_device_detach(dev); ...stop the rings...
 *   reload_up:   netcx_devlink_apply(ad, devlink, extack) under the RTNL,
 *                then netif_device_attach(dev); rtnl_unlock();
 *
 *   devlink_unregister(devlink); ...unregister_netdev(dev)...
 *   netcx_devlink_params_unregister(devlink); devlink_free(devlink);
 *
 * See "DOC: per-device keywords (devlink)" in src/core/devlink.c.
 */
#ifndef _NETCX_DEVLINK_H
#define _NETCX_DEVLINK_H

struct devlink;
struct netlink_ext_ack;
struct netcx_adapter;

/**
 * NETCX_DEVLINK_PARAM_ID_KEYWORDS - the devlink parameter id of "keywords"
 *
 * Driver-specific parameter ids share one space per devlink instance: a
 * client driver gives its own parameters other ids.
 */
#define NETCX_DEVLINK_PARAM_ID_KEYWORDS	0x4e435801

/**
 * NETCX_DEVLINK_KEYWORDS_MAX - the longest keyword string devlink holds
 *
 * devlink strings are __DEVLINK_PARAM_MAX_STRING_VALUE (32) bytes with the
 * NUL; the devlink core refuses longer ones itself, without a message.
 */
#define NETCX_DEVLINK_KEYWORDS_MAX	31

int netcx_devlink_params_register(struct devlink *devlink,
				  const char *keywords);
void netcx_devlink_params_unregister(struct devlink *devlink);
int netcx_devlink_apply(struct netcx_adapter *ad, struct devlink *devlink,
			struct netlink_ext_ack *extack);

#endif /* _NETCX_DEVLINK_H */
