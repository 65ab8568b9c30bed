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

/* what bus attributes' show and store get: const since 6.4 */
#ifdef NETCX_HAVE_CONST_BUS_TYPE
#define NETCX_BUS_CONST const
#else
#define NETCX_BUS_CONST
#endif

#endif /* _NETCX_COMPAT_H */
