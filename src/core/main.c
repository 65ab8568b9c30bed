// SPDX-License-Identifier: GPL-2.0
/*
 * netcx module init and exit.
 */
#include <linux/module.h>

#include <netcx/netcx.h>

static int __init netcx_init(void)
{
	return 0;
}

static void __exit netcx_exit(void)
{
}

module_init(netcx_init);
module_exit(netcx_exit);

MODULE_DESCRIPTION("netcx: hardware offload framework for NIC drivers");
MODULE_LICENSE("GPL");
