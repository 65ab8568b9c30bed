# SPDX-License-Identifier: GPL-2.0
#
# The one place where netcx probes the target kernel. Each probe looks in
# the kernel's own headers for what it provides and defines a NETCX_HAVE_*
# macro; src/compat/compat.h and <netcx/ns.h> turn those into what the
# sources use. Sources never compare LINUX_VERSION_CODE.

netcx_hdr = $(firstword $(wildcard $(srctree)/include/$(1) $(objtree)/include/$(1)))
# $(call netcx_probe,HEADER,EXTENDED-REGEX): y when HEADER matches. Keep
# each regex in a variable: make counts parentheses inside $(call).
netcx_probe = $(shell grep -qE '$(2)' $(call netcx_hdr,$(1)) 2>/dev/null && echo y)

# Until 6.13, symbol namespaces were bare tokens, not string literals.
netcx_ns_token := import_ns, __stringify[(]ns[)]
ifeq ($(call netcx_probe,linux/module.h,$(netcx_ns_token)),y)
NETCX_COMPAT_FLAGS += -DNETCX_HAVE_NS_TOKEN
endif

# ethtool_puts() arrived in 6.8.
netcx_ethtool_puts := void ethtool_puts[(]
ifeq ($(call netcx_probe,linux/ethtool.h,$(netcx_ethtool_puts)),y)
NETCX_COMPAT_FLAGS += -DNETCX_HAVE_ETHTOOL_PUTS
endif

# skb_gso_segment() moved from linux/netdevice.h to net/gso.h in 6.5.
netcx_gso_segment := skb_gso_segment[(]
ifeq ($(call netcx_probe,net/gso.h,$(netcx_gso_segment)),y)
NETCX_COMPAT_FLAGS += -DNETCX_HAVE_NET_GSO_H
endif

# PCI_IRQ_INTX arrived in 6.8 (PCI_IRQ_LEGACY before).
netcx_pci_irq_intx := define PCI_IRQ_INTX
ifeq ($(call netcx_probe,linux/pci.h,$(netcx_pci_irq_intx)),y)
NETCX_COMPAT_FLAGS += -DNETCX_HAVE_PCI_IRQ_INTX
endif

# The netdev family's queue statistics with the offload counters
# (csum-*, hw-gso-*, hw-gro-*) arrived in 6.10 (6.9 had bytes and packets).
netcx_qstats := u64 hw_gso_wire_packets;
ifeq ($(call netcx_probe,net/netdev_queues.h,$(netcx_qstats)),y)
NETCX_COMPAT_FLAGS += -DNETCX_HAVE_QSTATS
endif

# udp_tunnel_nic calls the driver in atomic context unless told its
# callbacks may sleep (UDP_TUNNEL_NIC_INFO_MAY_SLEEP, 6.1); later kernels
# (6.12) always call them where they may sleep and dropped the flag.
netcx_utn_may_sleep := UDP_TUNNEL_NIC_INFO_MAY_SLEEP
ifeq ($(call netcx_probe,net/udp_tunnel.h,$(netcx_utn_may_sleep)),y)
NETCX_COMPAT_FLAGS += -DNETCX_HAVE_UTN_MAY_SLEEP
endif

# NL_SET_ERR_MSG_FMT() (a formatted extack message) arrived in 6.2.
netcx_extack_fmt := define NL_SET_ERR_MSG_FMT[(]
ifeq ($(call netcx_probe,linux/netlink.h,$(netcx_extack_fmt)),y)
NETCX_COMPAT_FLAGS += -DNETCX_HAVE_EXTACK_FMT
endif

# devlink's parameters became devl_*() in 6.3/6.4: registration under the
# instance lock (and allowed after devlink_register()), the driverinit
# value set under it; 6.1 has devlink_*() only, registration before
# devlink_register() and no lock taken.
netcx_devl_params := int devl_params_register[(]
ifeq ($(call netcx_probe,net/devlink.h,$(netcx_devl_params)),y)
NETCX_COMPAT_FLAGS += -DNETCX_HAVE_DEVL_PARAMS
endif

# Until 6.3 an instance took reloads only once its driver had called
# devlink_set_features(devlink, DEVLINK_F_RELOAD) (-EOPNOTSUPP otherwise).
netcx_devlink_features := void devlink_set_features[(]
ifeq ($(call netcx_probe,net/devlink.h,$(netcx_devlink_features)),y)
NETCX_COMPAT_FLAGS += -DNETCX_HAVE_DEVLINK_SET_FEATURES
endif
