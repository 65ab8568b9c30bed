/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ncsim's memory per port, for the benchmarks: the one thing of ncsim's
 * they read, without its private structures. Exported always (the bench
 * is built for Debian's kernels too, which have no KUnit).
 */
#ifndef _NCSIM_FOOTPRINT_H
#define _NCSIM_FOOTPRINT_H

#include <linux/types.h>

/*
 * The namespace ncsim_footprint() is exported into (MODULE_IMPORT_NS), a
 * bare token or a string literal as the kernel wants (src/compat/probe.mk).
 */
#ifdef NETCX_HAVE_NS_TOKEN
#define NCSIM_NS NCSIM
#else
#define NCSIM_NS "NCSIM"
#endif

/**
 * struct ncsim_footprint - the memory an ncsim port keeps
 * @net_device: the size of &struct net_device in this kernel.
 * @port: the size of the port, the net_device's private area.
 * @netdev_slab: the one allocation the two take.
 * @txd: the size of a transmit descriptor.
 * @rxd: the size of a receive descriptor.
 * @tx_ring: transmit descriptors per port.
 * @rx_ring: receive descriptors per port.
 * @tx_entry: a transmit ring entry: its descriptor and skb pointer.
 * @rx_entry: a receive ring entry: its descriptor and skb pointer.
 * @rings_slab: the rings' allocations (descriptors and skb pointers).
 * @rx_buf_len: the length of a receive buffer posted at MTU 1500.
 */
struct ncsim_footprint {
	size_t net_device;
	size_t port;
	size_t netdev_slab;
	size_t txd;
	size_t rxd;
	unsigned int tx_ring;
	unsigned int rx_ring;
	size_t tx_entry;
	size_t rx_entry;
	size_t rings_slab;
	unsigned int rx_buf_len;
};

void ncsim_footprint(struct ncsim_footprint *fp);

#endif /* _NCSIM_FOOTPRINT_H */
