// SPDX-License-Identifier: GPL-2.0
/*
 * An ncsim device's bring-up and tear-down (the probe and remove of its
 * driver on the ncsim bus, bus.c), and its devlink instance,
 * ncsim/ncsim<ID>.
 *
 * The instance has netcx's driverinit parameter "keywords" (<netcx/devlink.h>),
 * its initial value the device's keywords (new_device's keywords=, else
 * the module's), and reloads (DRIVER_REINIT): reload_down quiesces both
 * ports (detached, their engines down), reload_up applies the parameter's
 * value to both adapters (netcx_devlink_apply()) and brings them back. The
 * ports keep their net_devices across a reload: names, namespaces,
 * addresses and up or down. devlink runs both with its instance lock held
 * (6.12); they take RTNL inside it, as netdevsim's do.
 *
 * devlink holds strings of %NETCX_DEVLINK_KEYWORDS_MAX characters at
 * most: a device with longer keywords gets them as the module parameter
 * always gave them (netcx_set_keywords()), for its life, and no "keywords"
 * parameter; it still reloads.
 */
#include <linux/device.h>
#include <linux/err.h>
#include <linux/rtnetlink.h>
#include <linux/string.h>
#include <net/devlink.h>

#include <compat/compat.h>
#include <netcx/devlink.h>
#include <netcx/netcx.h>

#include "ncsim.h"

static struct ncsim_dev *ncsim_devlink_dev(struct devlink *devlink)
{
	return *(struct ncsim_dev **)devlink_priv(devlink);
}

static int ncsim_reload_down(struct devlink *devlink, bool netns_change,
			     enum devlink_reload_action action,
			     enum devlink_reload_limit limit,
			     struct netlink_ext_ack *extack)
{
	struct ncsim_dev *nd = ncsim_devlink_dev(devlink);
	int i;

	if (netns_change) {
		NL_SET_ERR_MSG_MOD(extack,
				   "the ports stay in their network namespaces: no netns");
		return -EOPNOTSUPP;
	}
	rtnl_lock();
	for (i = 0; i < ARRAY_SIZE(nd->port); i++)
		ncsim_port_quiesce(nd->port[i]);
	rtnl_unlock();
	return 0;
}

static int ncsim_reload_up(struct devlink *devlink,
			   enum devlink_reload_action action,
			   enum devlink_reload_limit limit,
			   u32 *actions_performed,
			   struct netlink_ext_ack *extack)
{
	struct ncsim_dev *nd = ncsim_devlink_dev(devlink);
	int i, err = 0;

	rtnl_lock();
	/* the ports quiesced: netcx may change their features and plans */
	for (i = 0; i < ARRAY_SIZE(nd->port) && nd->dl_keywords && !err; i++)
		err = netcx_devlink_apply(nd->port[i]->ad, devlink, extack);
	/* back, whatever happened: with the keywords they had on failure */
	for (i = 0; i < ARRAY_SIZE(nd->port); i++)
		ncsim_port_resume(nd->port[i]);
	rtnl_unlock();
	*actions_performed = BIT(DEVLINK_RELOAD_ACTION_DRIVER_REINIT);
	return err;
}

static const struct devlink_ops ncsim_devlink_ops = {
	.reload_actions	= BIT(DEVLINK_RELOAD_ACTION_DRIVER_REINIT),
	.reload_down	= ncsim_reload_down,
	.reload_up	= ncsim_reload_up,
};

/* Creates, links and registers the device's two ports. */
static int ncsim_dev_ports_create(struct ncsim_dev *nd)
{
	struct devlink *devlink = nd->dl_keywords ? nd->devlink : NULL;
	const char *keywords = devlink ? NULL : nd->keywords;
	struct ncsim_port *a, *b;
	int err;

	a = ncsim_port_create(&nd->dev, nd->profile, &nd->caps, keywords,
			      devlink);
	if (IS_ERR(a))
		return PTR_ERR(a);
	b = ncsim_port_create(&nd->dev, nd->profile, &nd->caps, keywords,
			      devlink);
	if (IS_ERR(b)) {
		err = PTR_ERR(b);
		goto err_destroy_a;
	}
	ncsim_port_link(a, b);
	err = ncsim_port_register(a, nd->threaded);
	if (err)
		goto err_destroy_b;
	err = ncsim_port_register(b, nd->threaded);
	if (err)
		goto err_destroy_b;
	nd->port[0] = a;
	nd->port[1] = b;
	return 0;

err_destroy_b:
	ncsim_port_destroy(b);
err_destroy_a:
	ncsim_port_destroy(a);
	return err;
}

/**
 * ncsim_dev_probe() - bring a device up: its devlink instance and ports
 * @nd: the device, added to the bus.
 *
 * netcx's parameters are registered before the instance (6.1 wants it),
 * the instance last, once the ports are there to reload.
 *
 * Return: 0 or the error of netcx (bad keywords, limits netcx refuses) or
 * of an allocation.
 */
int ncsim_dev_probe(struct ncsim_dev *nd)
{
	struct devlink *devlink;
	int err;

	devlink = devlink_alloc(&ncsim_devlink_ops, sizeof(nd), &nd->dev);
	if (!devlink)
		return -ENOMEM;
	*(struct ncsim_dev **)devlink_priv(devlink) = nd;
	nd->devlink = devlink;

	nd->dl_keywords = strlen(nd->keywords) <= NETCX_DEVLINK_KEYWORDS_MAX;
	if (nd->dl_keywords) {
		err = netcx_devlink_params_register(devlink, nd->keywords);
		if (err)
			goto err_devlink_free;
	} else {
		dev_info(&nd->dev,
			 "keywords longer than devlink's %d characters: fixed, no devlink parameter\n",
			 NETCX_DEVLINK_KEYWORDS_MAX);
	}
	err = ncsim_dev_ports_create(nd);
	if (err)
		goto err_params_unregister;
	/* also without the keywords parameter (netcx enables it with it) */
	netcx_devlink_enable_reload(devlink);
	devlink_register(devlink);
	return 0;

err_params_unregister:
	if (nd->dl_keywords)
		netcx_devlink_params_unregister(devlink);
err_devlink_free:
	devlink_free(devlink);
	nd->devlink = NULL;
	return err;
}

/**
 * ncsim_dev_remove() - take a device down: its devlink instance and ports
 * @nd: the device, probed.
 *
 * Unregistering the instance waits for a reload in progress.
 */
void ncsim_dev_remove(struct ncsim_dev *nd)
{
	devlink_unregister(nd->devlink);
	ncsim_port_destroy(nd->port[1]);
	ncsim_port_destroy(nd->port[0]);
	nd->port[0] = NULL;
	nd->port[1] = NULL;
	if (nd->dl_keywords)
		netcx_devlink_params_unregister(nd->devlink);
	devlink_free(nd->devlink);
	nd->devlink = NULL;
}
