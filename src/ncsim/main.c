// SPDX-License-Identifier: GPL-2.0
/*
 * ncsim: a simulated NIC built on netcx. Module init and exit.
 */
#include <linux/module.h>

#include <netcx/netcx.h>

static int __init ncsim_init(void)
{
	return 0;
}

static void __exit ncsim_exit(void)
{
}

module_init(ncsim_init);
module_exit(ncsim_exit);

MODULE_DESCRIPTION("ncsim: simulated NIC pairs on the netcx framework");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(NETCX_NS);
