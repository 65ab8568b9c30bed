// SPDX-License-Identifier: GPL-2.0
/*
 * e1000cx: the devlink instance of a PCI function, for netcx's per-device
 * keywords (driverinit "keywords", applied at devlink dev reload).
 *
 *   devlink dev param set pci/ADDR name keywords value "*LsoV2IPv4=0" cmode driverinit
 *   devlink dev reload pci/ADDR
 *
 * Reload (driver_reinit) takes the port down and detaches it, has netcx
 * apply the keywords, then brings it up again as it was. The parameter's
 * first value is the module's keywords; keywords longer than devlink
 * holds (NETCX_DEVLINK_KEYWORDS_MAX) stay the function's for its life, and
 * its instance has no parameter then.
 */
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/string.h>
#include <net/devlink.h>

#include <compat/compat.h>
#include <netcx/netcx.h>

#include "e1000cx.h"

static struct e1000cx *e1000cx_devlink_priv(struct devlink *devlink)
{
	return *(struct e1000cx **)devlink_priv(devlink);
}

static int e1000cx_reload_down(struct devlink *devlink, bool netns_change,
			       enum devlink_reload_action action,
			       enum devlink_reload_limit limit,
			       struct netlink_ext_ack *extack)
{
	struct e1000cx *e = e1000cx_devlink_priv(devlink);

	if (netns_change) {
		NL_SET_ERR_MSG_MOD(extack, "moving to another namespace is not supported");
		return -EOPNOTSUPP;
	}
	rtnl_lock();
	/* no open, ethtool or transmit until reload_up attaches it again */
	netif_device_detach(e->dev);
	if (netif_running(e->dev))
		e1000cx_down(e);
	rtnl_unlock();
	return 0;
}

static int e1000cx_reload_up(struct devlink *devlink,
			     enum devlink_reload_action action,
			     enum devlink_reload_limit limit,
			     u32 *actions_performed,
			     struct netlink_ext_ack *extack)
{
	struct e1000cx *e = e1000cx_devlink_priv(devlink);
	int err, ret = 0;

	rtnl_lock();
	err = e->dl_keywords ? netcx_devlink_apply(e->ad, devlink, extack) : 0;
	if (netif_running(e->dev)) {
		ret = e1000cx_up(e);
		if (ret) {
			netdev_err(e->dev, "cannot come up again: %d\n", ret);
			NL_SET_ERR_MSG_MOD(extack, "the port cannot come up again");
		}
	}
	netif_device_attach(e->dev);
	rtnl_unlock();
	*actions_performed = BIT(DEVLINK_RELOAD_ACTION_DRIVER_REINIT);
	return err ?: ret;
}

static const struct devlink_ops e1000cx_devlink_ops = {
	.reload_actions	= BIT(DEVLINK_RELOAD_ACTION_DRIVER_REINIT),
	.reload_down	= e1000cx_reload_down,
	.reload_up	= e1000cx_reload_up,
};

/**
 * e1000cx_devlink_create() - the PCI function's devlink instance
 * @e: the adapter, its PCI device set.
 * @keywords: the module's keywords: the parameter's first value.
 *
 * Allocates the instance and registers netcx's parameters on it when
 * @keywords fit, before the net_device exists; e1000cx_devlink_register()
 * makes it visible.
 *
 * Return: 0, or a negative errno (nothing left allocated).
 */
int e1000cx_devlink_create(struct e1000cx *e, const char *keywords)
{
	struct devlink *devlink;
	int err;

	devlink = devlink_alloc(&e1000cx_devlink_ops, sizeof(e),
				&e->pdev->dev);
	if (!devlink)
		return -ENOMEM;
	*(struct e1000cx **)devlink_priv(devlink) = e;
	e->dl_keywords = strlen(keywords) <= NETCX_DEVLINK_KEYWORDS_MAX;
	if (e->dl_keywords) {
		err = netcx_devlink_params_register(devlink, keywords);
		if (err) {
			devlink_free(devlink);
			return err;
		}
	} else {
		dev_info(&e->pdev->dev,
			 "keywords longer than devlink holds: fixed, no devlink parameter\n");
	}
	e->devlink = devlink;
	return 0;
}

/**
 * e1000cx_devlink_register() - make the instance visible to users
 * @e: the adapter, its net_device registered.
 */
void e1000cx_devlink_register(struct e1000cx *e)
{
	/* also without the keywords parameter (netcx enables it with it) */
	netcx_devlink_enable_reload(e->devlink);
	devlink_register(e->devlink);
}

/**
 * e1000cx_devlink_unregister() - hide the instance again
 * @e: the adapter.
 *
 * Waits for a reload under way; none starts after it.
 */
void e1000cx_devlink_unregister(struct e1000cx *e)
{
	devlink_unregister(e->devlink);
}

/**
 * e1000cx_devlink_destroy() - free the devlink instance and its parameters
 * @e: the adapter, its instance not registered (or unregistered again).
 */
void e1000cx_devlink_destroy(struct e1000cx *e)
{
	if (e->dl_keywords)
		netcx_devlink_params_unregister(e->devlink);
	devlink_free(e->devlink);
	e->devlink = NULL;
}
