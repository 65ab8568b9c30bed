/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What differs between the kernels netcx builds for, decided from the
 * NETCX_HAVE_* macros that src/compat/probe.mk defines. Every source file
 * includes this header first, through <netcx/ns.h>.
 */
#ifndef _NETCX_COMPAT_H
#define _NETCX_COMPAT_H

#include <linux/ethtool.h>
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

#endif /* _NETCX_COMPAT_H */
