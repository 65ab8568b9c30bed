/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ncsim: a simulated NIC on netcx. Ports come in pairs joined by a wire.
 */
#ifndef _NCSIM_H
#define _NCSIM_H

#include <linux/list.h>
#include <linux/types.h>

struct net_device;
struct netcx_adapter;
struct ncsim_profile;

/**
 * struct ncsim_port - one simulated port (the net_device's private data)
 * @dev: the port's net_device.
 * @ad: its netcx adapter.
 * @profile: the hardware it models.
 * @peer: the port at the other end of the wire.
 * @list: entry in the module's list of ports.
 */
struct ncsim_port {
	struct net_device *dev;
	struct netcx_adapter *ad;
	const struct ncsim_profile *profile;
	struct ncsim_port *peer;
	struct list_head list;
};

/**
 * struct ncsim_profile - a kind of NIC that ncsim models
 * @name: the value of the profile= module parameter.
 * @desc: what it models, for the log.
 * @declare: advertise the profile's capabilities to netcx.
 */
struct ncsim_profile {
	const char *name;
	const char *desc;
	int (*declare)(struct netcx_adapter *ad);
};

const struct ncsim_profile *ncsim_profile_find(const char *name);

struct ncsim_port *ncsim_port_create(const struct ncsim_profile *profile,
				     const char *keywords);
void ncsim_port_destroy(struct ncsim_port *port);
void ncsim_port_link(struct ncsim_port *a, struct ncsim_port *b);

#endif /* _NCSIM_H */
