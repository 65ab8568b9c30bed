/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What differs between the kernels netcx builds for, decided from the
 * NETCX_HAVE_* macros that src/compat/probe.mk defines. Every source file
 * includes this header first, through <netcx/ns.h>.
 */
#ifndef _NETCX_COMPAT_H
#define _NETCX_COMPAT_H

#include <linux/ethtool.h>
#include <linux/netlink.h>
#include <net/devlink.h>
#ifdef NETCX_HAVE_NET_GSO_H
#include <net/gso.h>
#endif

#ifndef NETCX_HAVE_ETHTOOL_PUTS
static inline void ethtool_puts(u8 **data, const char *str)
{
	strscpy(*data, str, ETH_GSTRING_LEN);
	*data += ETH_GSTRING_LEN;
}
#endif

#ifndef NETCX_HAVE_PCI_IRQ_INTX
#define PCI_IRQ_INTX	PCI_IRQ_LEGACY
#endif

/* The udp_tunnel_nic flags netcx's port table callbacks need. */
#ifdef NETCX_HAVE_UTN_MAY_SLEEP
#define NETCX_UTN_FLAGS	UDP_TUNNEL_NIC_INFO_MAY_SLEEP
#else
#define NETCX_UTN_FLAGS	0
#endif

/*
 * An extack message naming a refused token: "<why> '<token>'". Before 6.2
 * the extack holds static strings only: it then says @why alone (a
 * string that outlives the request), and the caller names the token in
 * the kernel log. NL_SET_ERR_MSG() of 6.1 takes a literal only, so the
 * field is set as it sets it.
 */
static inline void netcx_extack_token(struct netlink_ext_ack *extack,
				      const char *why, const char *token,
				      int len)
{
#ifdef NETCX_HAVE_EXTACK_FMT
	NL_SET_ERR_MSG_FMT_MOD(extack, "%s '%.*s'", why, len, token);
#else
	if (extack)
		extack->_msg = why;
#endif
}

/*
 * devlink parameters, called with the instance lock held (devl_lock()):
 * 6.12 asserts it; 6.1's devlink_*() take no lock, and registration must
 * come before devlink_register(), unregistration after
 * devlink_unregister() (they WARN otherwise).
 */
#ifdef NETCX_HAVE_DEVL_PARAMS
#define netcx_devl_params_register	devl_params_register
#define netcx_devl_params_unregister	devl_params_unregister
#define netcx_devl_param_driverinit_value_get devl_param_driverinit_value_get
#define netcx_devl_param_driverinit_value_set devl_param_driverinit_value_set
#else
#define netcx_devl_params_register	devlink_params_register
#define netcx_devl_params_unregister	devlink_params_unregister
#define netcx_devl_param_driverinit_value_get devlink_param_driverinit_value_get
static inline void
netcx_devl_param_driverinit_value_set(struct devlink *devlink, u32 id,
				      union devlink_param_value val)
{
	devlink_param_driverinit_value_set(devlink, id, val);
}
#endif

/*
 * Reloads enabled on an instance whose ops have reload_down and reload_up:
 * before 6.3 devlink refused them until the driver said so, before
 * devlink_register(); since, the ops say it.
 */
static inline void netcx_devlink_enable_reload(struct devlink *devlink)
{
#ifdef NETCX_HAVE_DEVLINK_SET_FEATURES
	devlink_set_features(devlink, DEVLINK_F_RELOAD);
#endif
}

/*
 * A bus type, as struct device points to it: const since 6.4, when
 * bus_register() stopped writing into it; bus attributes' show and store
 * get the same.
 */
#define netcx_bus_type typeof(*((struct device *)NULL)->bus)

#endif /* _NETCX_COMPAT_H */
