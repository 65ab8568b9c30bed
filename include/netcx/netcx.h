/* SPDX-License-Identifier: GPL-2.0 */
/*
 * netcx: a hardware offload framework for Linux NIC drivers.
 *
 * The one header a client driver includes. Drivers that use only the helper
 * library (header walk, software fallbacks) include <netcx/pkt.h> alone.
 */
#ifndef _NETCX_NETCX_H
#define _NETCX_NETCX_H

#include <netcx/ns.h>
#include <netcx/caps.h>
#include <netcx/adapter.h>
#include <netcx/xmit.h>
#include <netcx/devlink.h>

#endif /* _NETCX_NETCX_H */
