# SPDX-License-Identifier: GPL-2.0
#
# netcx: the user-facing Makefile. Kbuild (next to it) lists the objects.
#
#   make [KDIR=...]     build the modules out of tree for KDIR
#   make install        modules_install + depmod for KDIR (netcx, ncsim,
#                       e1000cx; NETCX_TESTS=y adds the KUnit suites and
#                       the bench module)
#   make dkms-install   register the sources with DKMS and install
#   make run            the demo, in a UML guest
#   make test           every check and test (what CI runs)
#   make check          W=1, sparse and checkpatch --strict against every tree
#   make kunit          the KUnit suites in a UML guest
#   make shell          a shell inside the UML guest, modules built
#   make qemu-shell KVER=6.12|6.1
#                       a shell in a QEMU guest on Debian's kernel, modules
#                       built, two 82540EM NICs
#   make bench          benchmarks in one boot of the bench UML kernel
#   make clean

KERNELRELEASE ?= $(shell uname -r)
KDIR ?= /lib/modules/$(KERNELRELEASE)/build
PWD := $(CURDIR)

all: modules

modules:
	@test -f "$(KDIR)/Makefile" || { \
		echo "netcx: no kernel build tree at $(KDIR)."; \
		echo "  Install the headers of the running kernel" \
		     "(apt-get install linux-headers-\$$(uname -r))"; \
		echo "  or name a tree: make KDIR=/path/to/kernel/build"; \
		echo "  (make run and make test need none: they build a UML kernel)"; \
		exit 1; }
	$(MAKE) -C "$(KDIR)" M="$(PWD)" modules

install: modules
	$(MAKE) -C "$(KDIR)" M="$(PWD)" modules_install
	depmod -a $(KERNELRELEASE)

DKMS_VERSION := $(shell sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' dkms.conf)
DKMS_SRC := /usr/src/netcx-$(DKMS_VERSION)

dkms-install:
	rm -rf "$(DKMS_SRC)"
	mkdir -p "$(DKMS_SRC)"
	cp -r Makefile Kbuild dkms.conf LICENSE src include testing kunit bench "$(DKMS_SRC)"
	dkms install netcx/$(DKMS_VERSION)

dkms-remove:
	dkms remove netcx/$(DKMS_VERSION) --all
	rm -rf "$(DKMS_SRC)"

clean:
	@if [ -f "$(KDIR)/Makefile" ]; then $(MAKE) -C "$(KDIR)" M="$(PWD)" clean; fi
	rm -rf .scratch

uml:
	scripts/uml-build.sh test

kunit:
	scripts/kunit.sh

check:
	scripts/check.sh

test:
	scripts/test.sh

run:
	scripts/run.sh

shell:
	scripts/shell.sh

qemu-shell:
	scripts/qemu-shell.sh $(or $(KVER),6.12)

bench:
	scripts/bench.sh

.PHONY: all modules install dkms-install dkms-remove clean uml kunit check test run shell \
	qemu-shell bench
