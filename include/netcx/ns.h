/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The symbol namespace netcx exports into. A client module says
 * MODULE_IMPORT_NS(NETCX_NS). Whether the kernel wants a bare token or a
 * string literal is probed by src/compat/probe.mk (NETCX_HAVE_NS_TOKEN).
 */
#ifndef _NETCX_NS_H
#define _NETCX_NS_H

#ifdef NETCX_HAVE_NS_TOKEN
#define NETCX_NS NETCX
#else
#define NETCX_NS "NETCX"
#endif

#endif /* _NETCX_NS_H */
