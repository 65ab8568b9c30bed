#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot one of Debian's own kernels in QEMU (software emulation, TCG: there
# is no KVM here) with the host's files as root, run one guest script and
# exit with its status: scripts/guest-run.sh's contract, on a distro kernel.
#
#   scripts/qemu-run.sh --kernel 6.12|6.1 [options] SCRIPT [ARGS...]
#   scripts/qemu-run.sh --kernel 6.12|6.1 [options] --shell
#
#   --kernel 6.12|6.1    which Debian kernel: the release scripts/headers.sh
#                        picks (scripts/qemu-kernel.sh fetches it); required
#   --timeout SECONDS    kill the guest after this long (default 900)
#   --mem SIZE           guest memory (default 1G)
#   --smp N              guest CPUs (default 1; TCG runs one host thread each)
#   --nics N             82540EM NICs, 0 to 2 (default 2)
#   --kmemleak           accepted and ignored, with a note: Debian's kernels
#                        are built without DEBUG_KMEMLEAK
#   --shell              an interactive shell instead of a script
#   --out DIR            where the run's logs go (default: a new folder
#                        .scratch/guest/<id>, also linked as .scratch/guest/latest)
#
# What the guest sees:
#   /                    the host's root through virtio-9p, read-only
#   NETCX_OUT            the run's output folder, a second 9p share, writable,
#                        mounted at the same path as on the host
#   /run, /tmp, /dev     guest-private (tmpfs, devtmpfs)
#   /lib/modules         the Debian kernel's modules (bound over the host's),
#                        so modprobe finds the in-tree ones; no udev, nothing
#                        binds a driver by itself
#   nic0, nic1           Intel 82540EM (QEMU's e1000) at PCI 0000:00:04.0
#                        (MAC 52:54:00:12:34:01) and 0000:00:05.0
#                        (52:54:00:12:34:02), joined by a hub inside QEMU
#                        and nothing else: a frame one sends, the other gets
#   NETCX_MONITOR        QEMU's human monitor (HMP), a virtio-serial port
#                        named netcx.monitor (/dev/vportNpM); say
#                        scripts/guest/qemu-monitor.sh "set_link nic0 off"
#                        or "device_del nic1"
# SCRIPT runs with NETCX_TOP, NETCX_OUT, NETCX_KVER (6.12 or 6.1) and
# NETCX_MONITOR exported. The console is kept in NETCX_OUT/console.log, the
# whole kernel log in dmesg.log.
#
# The run fails when SCRIPT fails, when the guest dies or times out, or when
# the kernel logged an oops, WARN, BUG or hung task: the command line sets
# panic_on_warn=1, oops=panic, hung_task_panic=1 and softlockup_panic=1,
# and the logs are searched as guest-run.sh does. There is no kmemleak
# scan: Debian does not build it.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

usage="$0 --kernel 6.12|6.1 [options] SCRIPT [ARGS...] | --shell"
kernel='' timeout=900 mem=1G smp=1 nics=2 kmemleak=0 shell=0 out=
guest_options "$usage" "smp nics" "$@"
series=$kernel
deb_series "$usage" "$series"
[ "$kmemleak" -eq 0 ] || log "--kmemleak ignored: Debian's kernels have no kmemleak"
case $nics in
0|1|2) ;;
*) die "--nics takes 0, 1 or 2" ;;
esac

guest_out
kern=$("$NETCX_TOP/scripts/qemu-kernel.sh" "$series")
command -v qemu-system-x86_64 >/dev/null || "$NETCX_TOP/scripts/deps.sh" qemu
"$NETCX_TOP/scripts/deps.sh" guest
q=$out/qemu
rm -rf "$q"
mkdir -p "$q"
guest_job "NETCX_KVER=$series" "NETCX_MONITOR_PORT=netcx.monitor"

# The monitor, wired to a virtio-serial port of the guest ("netcx.monitor")
# through two FIFOs in this run's own folder (no socket, no port: runs go
# in parallel). A pipe chardev at P reads P.in and writes P.out. A virtio
# port, not a second 16550: QEMU's UART model once stopped passing the
# monitor's answers for a whole boot (Debian's 6.1 under load), where
# virtio's queues tell QEMU each time the guest takes more.
mkfifo "$q/mon.in" "$q/mon.out"
ln -s mon.out "$q/ser.in"
ln -s mon.in "$q/ser.out"

# loglevel=5: the console shows the script's output and every kernel message
# of warning level or worse; dmesg.log has everything.
cmdline=(console=ttyS0 loglevel=5 panic_on_warn=1 oops=panic panic=-1
	 hung_task_panic=1 softlockup_panic=1 rdinit=/init
	 netcx_init="$NETCX_TOP/scripts/guest/qemu-init.sh"
	 netcx_top="$NETCX_TOP" netcx_out="$out"
	 netcx_modules="$kern/root/lib/modules")
for word in "${cmdline[@]}"; do
	case $word in
	*[[:space:]]*) die "a path with white space cannot go on the kernel command line: $word" ;;
	esac
done

# qboot, QEMU's minimal firmware, reaches the kernel in a fraction of
# SeaBIOS's time under TCG (10 to 15 s less with the machine loaded); the
# ACPI tables, hotplug included, are QEMU's own either way.
bios=()
[ -f /usr/share/qemu/qboot.rom ] && bios=(-bios /usr/share/qemu/qboot.rom)
# shellcheck disable=SC2054 # commas inside QEMU options
qemu=(qemu-system-x86_64 -accel tcg -machine pc -m "$mem" -smp "$smp"
      "${bios[@]}"
      -nographic -no-reboot -nodefaults -vga none
      -kernel "$kern/vmlinuz" -initrd "$kern/initramfs.cpio"
      -append "${cmdline[*]}"
      -chardev stdio,id=con,signal=off -serial chardev:con
      -device virtio-serial-pci,addr=0xb
      -chardev "pipe,id=ser1,path=$q/ser"
      -device virtserialport,chardev=ser1,name=netcx.monitor
      -chardev "pipe,id=mon,path=$q/mon" -mon chardev=mon,mode=readline
      -fsdev local,id=rootfs,path=/,security_model=none,readonly=on,multidevs=remap
      -device virtio-9p-pci,fsdev=rootfs,mount_tag=root,addr=0x8
      -fsdev "local,id=outfs,path=$out,security_model=none"
      -device virtio-9p-pci,fsdev=outfs,mount_tag=out,addr=0x9)
case $NETCX_TOP in
/tmp/*|/run/*)
	# shellcheck disable=SC2054
	qemu+=(-fsdev "local,id=topfs,path=$NETCX_TOP,security_model=none,readonly=on"
	       -device virtio-9p-pci,fsdev=topfs,mount_tag=top,addr=0xa) ;;
esac
for ((i = 0; i < nics; i++)); do
	qemu+=(-netdev "hubport,id=n$i,hubid=0"
	       -device "e1000,netdev=n$i,id=nic$i,mac=52:54:00:12:34:0$((i + 1)),addr=0x$((i + 4)),romfile=")
done

if [ $shell -eq 1 ]; then
	"${qemu[@]}" || true
	exit 0
fi

rc=0
start=$(date +%s)
guest_console "${qemu[@]}" || rc=$?
log "qemu $series: ${rc:+status $rc, }$(( $(date +%s) - start ))s"

guest_verdict "$out" "$timeout"
