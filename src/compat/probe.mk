# SPDX-License-Identifier: GPL-2.0
#
# The one place where netcx probes the target kernel. Each probe looks for
# what a kernel provides in its own headers and defines a NETCX_HAVE_* or
# NETCX_NEED_* macro; src/compat/compat.h turns those into what the sources
# use. Sources never compare LINUX_VERSION_CODE.

netcx_hdr = $(firstword $(wildcard $(srctree)/include/$(1) $(objtree)/include/$(1)))
netcx_grep = $(shell grep -qE '$(2)' $(call netcx_hdr,$(1)) 2>/dev/null && echo y)

# 6.13 turned symbol namespaces from bare tokens into string literals.
ifeq ($(call netcx_grep,linux/module.h,import_ns, __stringify\(ns\)),y)
NETCX_COMPAT_FLAGS += -DNETCX_HAVE_NS_TOKEN
endif

# ethtool_puts() arrived in 6.8.
ifeq ($(call netcx_grep,linux/ethtool.h,void ethtool_puts\(),y)
NETCX_COMPAT_FLAGS += -DNETCX_HAVE_ETHTOOL_PUTS
endif
