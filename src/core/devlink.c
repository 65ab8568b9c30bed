// SPDX-License-Identifier: GPL-2.0
/*
 * Per-device keywords through devlink: the driverinit "keywords" parameter
 * netcx registers on a client driver's devlink instance, and its value
 * applied to the adapter at probe or at devlink dev reload.
 */
#include <linux/device.h>
#include <linux/export.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/string.h>
#include <net/devlink.h>

#include <kunit/visibility.h>

#include <compat/compat.h>
#include <netcx/netcx.h>

#include "core.h"
#include "keywords.h"

/**
 * DOC: per-device keywords (devlink)
 *
 * A client driver with a devlink instance gives its users one keyword
 * string per device, changed without reloading the module:
 *
 *   devlink dev param set DEV name keywords value "*LsoV2IPv6=0" cmode driverinit
 *   devlink dev reload DEV
 *
 * netcx_devlink_params_register() registers "keywords" (a string,
 * driverinit configuration mode only) with the driver's default, its
 * module parameter for instance. ``devlink dev param set`` parses the
 * value with the keyword parser and refuses a bad one with an extack
 * message naming the token ("DOC: keywords"); nothing is stored then. A
 * good value waits for the reload: the driver's reload_up calls
 * netcx_devlink_apply(), which replaces the adapter's keywords with it
 * (netcx_update_keywords(), "DOC: keywords after commit"). At probe, the
 * same call before netcx_adapter_commit() applies the default.
 *
 * Values are at most %NETCX_DEVLINK_KEYWORDS_MAX (31) characters: devlink
 * stores strings in __DEVLINK_PARAM_MAX_STRING_VALUE (32) bytes and its
 * core refuses longer ones itself, with -EINVAL and no message. That is
 * two or three keywords ("*LsoV2IPv4=0,*LsoV2IPv6=0" is 25); a longer
 * default (module parameter) is refused by
 * netcx_devlink_params_register(), and stays usable through
 * netcx_set_keywords().
 *
 * Calling context, the same on 6.1 and 6.12:
 *
 * - netcx_devlink_params_register(): after devlink_alloc(), before
 *   devlink_register() (6.1 requires it), the instance lock not held
 *   (netcx takes it: 6.12 registers under it).
 * - netcx_devlink_params_unregister(): after devlink_unregister(), before
 *   devlink_free(), the instance lock not held.
 * - netcx_devlink_apply(): before commit, anywhere the adapter is the
 *   caller's; after commit, in reload_up (the devlink core holds the
 *   instance lock on 6.12; nothing else reloads meanwhile), with the RTNL
 *   held and the device detached in reload_down (netif_device_detach(),
 *   rings stopped) or down.
 *
 * When a value set becomes the driverinit value differs: 6.12 keeps it
 * aside until the reload (``param show`` shows it, netcx_devlink_apply()
 * reads the previous one until then); 6.1 stores it at once. Either way
 * it takes effect at the reload. If netcx_devlink_apply() fails in
 * reload_up (a change callback refused), nothing changed: the driver
 * restarts the device as it was and returns the error, which devlink
 * gives the user with the extack.
 *
 * devlink reads the driverinit value only for instances whose ops have
 * reload_down and reload_up; without them netcx_devlink_apply() fails
 * (-EOPNOTSUPP, and 6.12 warns). A kernel without CONFIG_NET_DEVLINK gets
 * -EOPNOTSUPP from all three.
 */

#if IS_ENABLED(CONFIG_NET_DEVLINK)

/**
 * netcx_devlink_keywords_validate() - devlink's validate callback of "keywords"
 * @devlink: the instance.
 * @id: %NETCX_DEVLINK_PARAM_ID_KEYWORDS.
 * @val: the string ``devlink dev param set`` gives.
 * @extack: the request's extack.
 *
 * Return: 0, or -EINVAL with the bad token named (nothing is stored).
 */
VISIBLE_IF_KUNIT int
netcx_devlink_keywords_validate(struct devlink *devlink, u32 id,
				union devlink_param_value val,
				struct netlink_ext_ack *extack)
{
	u32 kw_off[NETCX_OFFLOAD_MAX];
	struct netcx_kw_error err;

	/* the devlink core ends the string within vstr */
	if (!netcx_keywords_parse(val.vstr, kw_off, &err))
		return 0;
	netcx_keywords_refused(&err, NULL, devlink_to_dev(devlink), extack);
	return -EINVAL;
}
EXPORT_SYMBOL_IF_KUNIT(netcx_devlink_keywords_validate);

static const struct devlink_param netcx_devlink_params[] = {
	DEVLINK_PARAM_DRIVER(NETCX_DEVLINK_PARAM_ID_KEYWORDS, "keywords",
			     DEVLINK_PARAM_TYPE_STRING,
			     BIT(DEVLINK_PARAM_CMODE_DRIVERINIT), NULL, NULL,
			     netcx_devlink_keywords_validate),
};

/**
 * netcx_devlink_params_register() - register netcx's driverinit parameters
 * @devlink: the client driver's devlink instance, allocated, not yet
 *	registered (devlink_register()).
 * @keywords: the initial driverinit value of "keywords", the driver's
 *	default (e.g. its module parameter); NULL or "" for none.
 *
 * Registers "keywords" (string, driverinit), parsed by its validate
 * callback, with @keywords as its value. See "DOC: per-device keywords
 * (devlink)" for the commands and the calling context.
 *
 * Context: process context, may sleep; before devlink_register(); takes
 * the devlink instance lock (the caller must not hold it).
 * Return: 0; -EINVAL when @keywords has a bad token or is longer than
 * %NETCX_DEVLINK_KEYWORDS_MAX characters (logged, naming the token or the
 * length), nothing registered; the devlink core's error (-EEXIST: a
 * parameter of the same id or name is there).
 */
int netcx_devlink_params_register(struct devlink *devlink,
				  const char *keywords)
{
	union devlink_param_value val = {};
	struct device *dev = devlink_to_dev(devlink);
	u32 kw_off[NETCX_OFFLOAD_MAX];
	struct netcx_kw_error kerr;
	size_t len;
	int err;

	BUILD_BUG_ON(NETCX_DEVLINK_PARAM_ID_KEYWORDS <=
		     DEVLINK_PARAM_GENERIC_ID_MAX);
	BUILD_BUG_ON(NETCX_DEVLINK_KEYWORDS_MAX + 1 != sizeof(val.vstr));

	keywords = keywords ?: "";
	len = strlen(keywords);
	if (len > NETCX_DEVLINK_KEYWORDS_MAX) {
		dev_err(dev, "netcx: keywords '%s' are %zu characters, devlink holds %d at most\n",
			keywords, len, NETCX_DEVLINK_KEYWORDS_MAX);
		return -EINVAL;
	}
	if (netcx_keywords_parse(keywords, kw_off, &kerr)) {
		netcx_keywords_refused(&kerr, NULL, dev, NULL);
		return -EINVAL;
	}
	memcpy(val.vstr, keywords, len);

	devl_lock(devlink);
	err = netcx_devl_params_register(devlink, netcx_devlink_params,
					 ARRAY_SIZE(netcx_devlink_params));
	if (!err)
		netcx_devl_param_driverinit_value_set(devlink,
						      NETCX_DEVLINK_PARAM_ID_KEYWORDS,
						      val);
	devl_unlock(devlink);
	return err;
}
EXPORT_SYMBOL_NS_GPL(netcx_devlink_params_register, NETCX_NS);

/**
 * netcx_devlink_params_unregister() - unregister netcx's driverinit parameters
 * @devlink: the instance netcx_devlink_params_register() registered them
 *	on, unregistered again (devlink_unregister()), not yet freed.
 *
 * Context: process context, may sleep; after devlink_unregister(); takes
 * the devlink instance lock (the caller must not hold it).
 */
void netcx_devlink_params_unregister(struct devlink *devlink)
{
	devl_lock(devlink);
	netcx_devl_params_unregister(devlink, netcx_devlink_params,
				     ARRAY_SIZE(netcx_devlink_params));
	devl_unlock(devlink);
}
EXPORT_SYMBOL_NS_GPL(netcx_devlink_params_unregister, NETCX_NS);

/**
 * netcx_devlink_apply() - apply the instance's driverinit keywords
 * @ad: the adapter.
 * @devlink: the instance netcx's parameters are registered on; its ops
 *	have reload_down and reload_up.
 * @extack: the reload's extack, or NULL.
 *
 * Reads the driverinit value of "keywords" (at a reload, the one ``devlink
 * dev param set`` left: the devlink core makes it current between
 * reload_down and reload_up) and applies it with netcx_update_keywords():
 * before commit as netcx_set_keywords() does, after commit by recomputing
 * the permitted offloads, features and plan.
 *
 * Context: process context, may sleep. After commit: RTNL held, the device
 * down or detached with its rings stopped, as between reload_down and
 * reload_up; the devlink instance lock may be held (devlink holds it
 * around reload_up on 6.12).
 * Return: 0, or netcx_update_keywords()'s error; -EOPNOTSUPP (with an
 * extack message) when the instance has no driverinit "keywords" value.
 */
int netcx_devlink_apply(struct netcx_adapter *ad, struct devlink *devlink,
			struct netlink_ext_ack *extack)
{
	union devlink_param_value val;
	int err;

	err = netcx_devl_param_driverinit_value_get(devlink,
						    NETCX_DEVLINK_PARAM_ID_KEYWORDS,
						    &val);
	if (err) {
		NL_SET_ERR_MSG_MOD(extack, "no driverinit keywords on this devlink instance");
		netdev_err(netcx_adapter_netdev(ad),
			   "netcx: devlink keywords unreadable (%d)\n", err);
		return err == -EINVAL ? -EOPNOTSUPP : err;
	}
	val.vstr[sizeof(val.vstr) - 1] = '\0';
	return netcx_update_keywords(ad, val.vstr, extack);
}
EXPORT_SYMBOL_NS_GPL(netcx_devlink_apply, NETCX_NS);

#else /* !CONFIG_NET_DEVLINK */

int netcx_devlink_params_register(struct devlink *devlink,
				  const char *keywords)
{
	return -EOPNOTSUPP;
}
EXPORT_SYMBOL_NS_GPL(netcx_devlink_params_register, NETCX_NS);

void netcx_devlink_params_unregister(struct devlink *devlink)
{
}
EXPORT_SYMBOL_NS_GPL(netcx_devlink_params_unregister, NETCX_NS);

int netcx_devlink_apply(struct netcx_adapter *ad, struct devlink *devlink,
			struct netlink_ext_ack *extack)
{
	return -EOPNOTSUPP;
}
EXPORT_SYMBOL_NS_GPL(netcx_devlink_apply, NETCX_NS);

#endif /* CONFIG_NET_DEVLINK */
