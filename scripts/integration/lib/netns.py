# SPDX-License-Identifier: GPL-2.0
"""Named network namespaces (ip netns add's, under /run/netns) entered from
Python, for the traffic matrices (matrix.py over ncsim, ecmatrix.py over
e1000cx): lib/netns.sh's in Python. Imported, never run.

    netns(NAME)         a context manager: the calling thread in namespace
                        NAME while inside; the sockets made there stay in it
    run(NAME, CMD...)   CMD run in namespace NAME, its output captured (a
                        CompletedProcess, stderr into stdout)
    snmp(NAME)          namespace NAME's /proc/net/snmp and snmp6 as
                        checks.snmp_counters() reads them

Unlike "ip netns exec", entering is one setns(2) of the calling thread: no
process, no mount namespace, no sysfs mounted again. That is what the
matrices need (sockets, ethtool, /proc/net, /proc/sys/net, all per network
namespace), and it costs a fraction: ip netns exec remounts /sys for each
command, which in the KASAN UML guest took a good part of a matrix run.
"""
import ctypes
import os
import subprocess

from checks import snmp_counters

CLONE_NEWNET = 0x40000000
libc = ctypes.CDLL(None, use_errno=True)
HOME = os.open("/proc/self/ns/net", os.O_RDONLY)


class netns:
    """The calling thread in namespace NAME while inside: the sockets made
    there stay in it."""

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        fd = os.open("/run/netns/" + self.name, os.O_RDONLY)
        try:
            if libc.setns(fd, CLONE_NEWNET):
                e = ctypes.get_errno()
                raise OSError(e, "setns %s: %s" % (self.name, os.strerror(e)))
        finally:
            os.close(fd)

    def __exit__(self, *exc):
        libc.setns(HOME, CLONE_NEWNET)


def run(ns, *cmd):
    with netns(ns):
        return subprocess.run(cmd, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)


def snmp(ns):
    lines = []
    with netns(ns):
        for name in ("snmp", "snmp6"):
            with open("/proc/thread-self/net/" + name) as f:
                lines += f.read().splitlines()
    return snmp_counters(lines)
