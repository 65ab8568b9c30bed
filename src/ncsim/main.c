// SPDX-License-Identifier: GPL-2.0
/*
 * ncsim: a simulated NIC built on netcx. Module parameters, init and exit.
 *
 * The module parameters create the first devices, ncsim0 to
 * ncsim<pairs - 1> on the ncsim bus, a pair of ports each; more come and go
 * at run time through /sys/bus/ncsim/new_device and del_device (bus.c),
 * with the parameters as their defaults.
 */
#include <linux/err.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

#include <netcx/netcx.h>

#include "ncsim.h"

#define NCSIM_MAX_PAIRS 16

static unsigned int pairs = 1;
module_param(pairs, uint, 0444);
MODULE_PARM_DESC(pairs, "Number of port pairs to create at load (1-16, default 1)");

char *ncsim_param_profile = "full";
module_param_named(profile, ncsim_param_profile, charp, 0444);
MODULE_PARM_DESC(profile, "Hardware profile: full, e1000, basic, none, tnlcsum or tnlpartial (default full)");

char *ncsim_param_keywords = "";
module_param_named(keywords, ncsim_param_keywords, charp, 0444);
MODULE_PARM_DESC(keywords,
		 "netcx keywords, e.g. \"*LsoV2IPv6=0,*TCPChecksumOffloadIPv4=2\"");

bool ncsim_param_threaded;
module_param_named(threaded, ncsim_param_threaded, bool, 0444);
MODULE_PARM_DESC(threaded,
		 "NAPI in a kernel thread per port, as /sys/class/net/DEV/threaded (default 0: softirq)");

static int __init ncsim_init(void)
{
	const struct ncsim_profile *prof;
	struct ncsim_limits lim;
	unsigned int i;
	int err;

	if (!pairs || pairs > NCSIM_MAX_PAIRS) {
		pr_err("ncsim: pairs=%u is out of range (1-%d)\n", pairs,
		       NCSIM_MAX_PAIRS);
		return -EINVAL;
	}
	prof = ncsim_profile_find(ncsim_param_profile);
	if (!prof) {
		pr_err("ncsim: unknown profile \"%s\" (full, e1000, basic, none, tnlcsum, tnlpartial)\n",
		       ncsim_param_profile);
		return -EINVAL;
	}
	/* the module's overrides are given for its own devices */
	ncsim_limits_init(&lim, true);

	ncsim_debugfs_init();
	err = ncsim_bus_init();
	if (err)
		goto err_debugfs;
	for (i = 0; i < pairs; i++) {
		err = ncsim_dev_new(i, prof, &lim, ncsim_param_keywords);
		if (err)
			goto err_bus;
	}
	pr_info("ncsim: %u pair(s) of %s ports (%s)\n", pairs, prof->name,
		prof->desc);
	return 0;

err_bus:
	ncsim_bus_exit();
err_debugfs:
	ncsim_debugfs_exit();
	return err;
}

static void __exit ncsim_exit(void)
{
	ncsim_bus_exit();
	ncsim_debugfs_exit();
}

module_init(ncsim_init);
module_exit(ncsim_exit);

MODULE_DESCRIPTION("ncsim: simulated NIC pairs on the netcx framework");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(NETCX_NS);
