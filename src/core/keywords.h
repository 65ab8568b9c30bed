/* SPDX-License-Identifier: GPL-2.0 */
/*
 * netcx's keyword parser (keywords.c): the error it reports, and the
 * parser itself for the KUnit suite.
 */
#ifndef _NETCX_CORE_KEYWORDS_H
#define _NETCX_CORE_KEYWORDS_H

#include <linux/kconfig.h>
#include <linux/types.h>

#include <netcx/adapter.h>

/**
 * struct netcx_kw_error - why a keyword string was refused
 * @reason: the rule the token broke.
 * @token: where the token starts, inside the string parsed.
 * @len: the token's length.
 */
struct netcx_kw_error {
	const char *reason;
	const char *token;
	int len;
};

struct netlink_ext_ack;

struct device;
struct net_device;
struct netlink_ext_ack;

int netcx_keywords_parse(const char *str, u32 kw_off[NETCX_OFFLOAD_MAX],
			 struct netcx_kw_error *err);
void netcx_keywords_refused(const struct netcx_kw_error *err,
			    struct net_device *ndev, struct device *dev,
			    struct netlink_ext_ack *extack);

#if IS_ENABLED(CONFIG_KUNIT) && IS_ENABLED(CONFIG_NET_DEVLINK)
#include <net/devlink.h>

/* devlink.c, the validate callback of "keywords" */
int netcx_devlink_keywords_validate(struct devlink *devlink, u32 id,
				    union devlink_param_value val,
				    struct netlink_ext_ack *extack);
#endif

#endif /* _NETCX_CORE_KEYWORDS_H */
