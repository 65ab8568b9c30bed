// SPDX-License-Identifier: GPL-2.0
/*
 * ncsim's debugfs: a directory per port, /sys/kernel/debug/ncsim/<port>/
 * (named as the port was when it registered), with the wire's fault knobs
 * for tests:
 *
 *   wire_drop      drop every Nth frame the port puts on the wire (0: off)
 *   wire_reorder   every Nth frame goes after the one that follows it in
 *                  the same poll (0: off)
 *
 * The frames dropped or held back count in wire_fault_drops and
 * wire_fault_reorders (ethtool -S).
 */
#include <linux/debugfs.h>
#include <linux/netdevice.h>

#include "ncsim.h"

static struct dentry *ncsim_debugfs_root;

/* Creates /sys/kernel/debug/ncsim/; without debugfs, nothing. */
void ncsim_debugfs_init(void)
{
	ncsim_debugfs_root = debugfs_create_dir("ncsim", NULL);
}

void ncsim_debugfs_exit(void)
{
	debugfs_remove_recursive(ncsim_debugfs_root);
	ncsim_debugfs_root = NULL;
}

/* The port's directory and knobs, once it has its name (registered). */
void ncsim_debugfs_port_add(struct ncsim_port *port)
{
	port->debugfs = debugfs_create_dir(netdev_name(port->dev),
					   ncsim_debugfs_root);
	debugfs_create_u32("wire_drop", 0600, port->debugfs, &port->wire_drop);
	debugfs_create_u32("wire_reorder", 0600, port->debugfs,
			   &port->wire_reorder);
}

void ncsim_debugfs_port_remove(struct ncsim_port *port)
{
	debugfs_remove_recursive(port->debugfs);
	port->debugfs = NULL;
}
