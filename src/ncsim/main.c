// SPDX-License-Identifier: GPL-2.0
/*
 * ncsim: a simulated NIC built on netcx. Module parameters, init and exit.
 */
#include <linux/err.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

#include <netcx/netcx.h>

#include "ncsim.h"

#define NCSIM_MAX_PAIRS 16

static unsigned int pairs = 1;
module_param(pairs, uint, 0444);
MODULE_PARM_DESC(pairs, "Number of port pairs to create (1-16, default 1)");

static char *profile = "full";
module_param(profile, charp, 0444);
MODULE_PARM_DESC(profile, "Hardware profile: full, e1000, basic or none (default full)");

static char *keywords = "";
module_param(keywords, charp, 0444);
MODULE_PARM_DESC(keywords,
		 "netcx keywords, e.g. \"*LsoV2IPv6=0,*TCPChecksumOffloadIPv4=2\"");

static bool threaded;
module_param(threaded, bool, 0444);
MODULE_PARM_DESC(threaded,
		 "NAPI in a kernel thread per port, as /sys/class/net/DEV/threaded (default 0: softirq)");

static LIST_HEAD(ncsim_ports);
/* The silicon of every port: the profile's, with the limit overrides. */
static struct ncsim_hw_caps ncsim_caps;

static void ncsim_destroy_all(void)
{
	struct ncsim_port *port, *tmp;

	list_for_each_entry_safe_reverse(port, tmp, &ncsim_ports, list) {
		list_del(&port->list);
		ncsim_port_destroy(port);
	}
}

/* Creates, links and registers one pair of ports. */
static int ncsim_pair_create(const struct ncsim_profile *prof)
{
	struct ncsim_port *a, *b;

	a = ncsim_port_create(prof, &ncsim_caps, keywords);
	if (IS_ERR(a))
		return PTR_ERR(a);
	list_add_tail(&a->list, &ncsim_ports);
	b = ncsim_port_create(prof, &ncsim_caps, keywords);
	if (IS_ERR(b))
		return PTR_ERR(b);
	list_add_tail(&b->list, &ncsim_ports);
	ncsim_port_link(a, b);
	return ncsim_port_register(a, threaded) ?:
	       ncsim_port_register(b, threaded);
}

static int __init ncsim_init(void)
{
	const struct ncsim_profile *prof;
	unsigned int i;
	int err;

	if (!pairs || pairs > NCSIM_MAX_PAIRS) {
		pr_err("ncsim: pairs=%u is out of range (1-%d)\n", pairs,
		       NCSIM_MAX_PAIRS);
		return -EINVAL;
	}
	prof = ncsim_profile_find(profile);
	if (!prof) {
		pr_err("ncsim: unknown profile \"%s\" (full, e1000, basic, none)\n",
		       profile);
		return -EINVAL;
	}
	err = ncsim_profile_caps(prof, &ncsim_caps);
	if (err)
		return err;

	ncsim_debugfs_init();
	for (i = 0; i < pairs; i++) {
		err = ncsim_pair_create(prof);
		if (err)
			goto err_destroy_ports;
	}
	pr_info("ncsim: %u pair(s) of %s ports (%s)\n", pairs, prof->name,
		prof->desc);
	return 0;

err_destroy_ports:
	ncsim_destroy_all();
	ncsim_debugfs_exit();
	return err;
}

static void __exit ncsim_exit(void)
{
	ncsim_destroy_all();
	ncsim_debugfs_exit();
}

module_init(ncsim_init);
module_exit(ncsim_exit);

MODULE_DESCRIPTION("ncsim: simulated NIC pairs on the netcx framework");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(NETCX_NS);
