#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Tunnel devices over one ncsim pair and the transfers through them: run
by ncsim_tunnel.sh, in the guest, with the pair up in namespaces a and b
(lib/ncsim.sh) and the module loaded as SCENARIO says.

    tunnel.py SCENARIO

SCENARIO is one of the SCENARIOS below: the tunnel devices it creates on
both sides (each end of a tunnel in a and b, the inner addresses
10.N.0.1/24 and fd00:N::1/64 in a, .2 and ::2 in b), the ethtool -K
states it goes through on the sender's port (ncsim0, in a), and in each
state the transfers from a to b, TCP and UDP (UDP_SEGMENT) over the inner
IP versions of each device (xfer.py, checked by digest). For each
transfer, from the counters' deltas:

  intact        the receiver's digest of what arrived is the sender's
  no csum err   nstat's Tcp/Udp/Udp6 InCsumErrors at both ends, ncsim's
                hw_rx_csum_bad and netcx's rx_csum_invalid stay 0
  caps kept     hw_caps_violation and hw_tx_desc_errors stay 0
  gso path      the tunnel segmentation: hardware (tx_tnl_gso_hw and its
                segments) or software with the expected reason
                (tx_tnl_gso_sw, tx_fallback_REASON), tx_tnl_gso_hw unmoved
  csum path     the inner checksum the same way (tx_tnl_csum_hw, or
                tx_tnl_csum_sw and the reason, tx_tnl_csum_hw unmoved)
  rx inner      the receiver verified the inner checksums (RX_INNER)

The expected paths come from the profile's tunnel capabilities (the same
as src/ncsim/profile.c declares), the keywords the module was loaded with
and the ethtool state, in the order of netcx's decision (docs/tunnels.md):
unknown port, then the kind (unsupported, kind_disabled, inactive). Beside
the transfers: ethtool -k shows the tunnel features as the profile
declares them, and ethtool --show-tunnels the port tables with the ports
of the VXLAN and GENEVE devices, which ncsim's own tables (debugfs
tunnel_ports) hold too, with the pinned port of *VxlanUDPPortNumber. Counters are read with the ethtool ioctl
from this process (no ethtool process per reading). Prints "ok - " /
"not ok - " lines and "tunnel: N passed, N failed".
"""
import ctypes
import fcntl
import os
import re
import socket
import struct
import subprocess
import sys
import time

import xfer
from checks import Checks
from matrix import ALIASES, GROUPS
from netns import netns, run, snmp

LIB = os.path.dirname(os.path.abspath(__file__))
DEV = {"a": "ncsim0", "b": "ncsim1"}
OUTER = {"a": {4: "198.18.0.1", 6: "2001:2::1"},
         "b": {4: "198.18.0.2", 6: "2001:2::2"}}
PORT = 5101
SIZE = {"tcp": 96 << 10, "udp": 48 << 10}
VXLAN_PORT, GENEVE_PORT, OTHER_PORT = 4789, 6081, 4790
# ncsim's port tables: "TABLE ENTRY PORT ENCAP" a line, "0 -" when empty
DEBUGFS = "/sys/kernel/debug/ncsim/%s/tunnel_ports"

# The tunnels: encapsulation, outer IP version, outer checksum (UDP or
# GRE: GSO_*_CSUM), the inner IP versions, the inner subnets' number, and
# the "ip link add NAME" arguments for side a and b (LOCAL and REMOTE
# filled in).
TUNNELS = {
    "vx4": ("vxlan", 4, False, (4, 6), 1,
            "mtu 1450 type vxlan id 4 dstport 4789 local {l} remote {r} "
            "noudpcsum"),
    "vx6": ("vxlan", 6, True, (4, 6), 2,
            "mtu 1430 type vxlan id 6 dstport 4789 local {l} remote {r}"),
    "gn4": ("geneve", 4, True, (4, 6), 3,
            "mtu 1450 type geneve id 4 remote {r} udpcsum"),
    "gn6": ("geneve", 6, True, (4, 6), 4,
            "mtu 1430 type geneve id 6 remote {r}"),
    # A VXLAN device on the table's port whose frames go to OTHER_PORT
    # (its default forwarding entry, bridge fdb below), a port no VXLAN
    # device of a listens on: not in a's table (b's end listens there).
    "vxp": ("vxlan", 4, False, (4,), 5, None),
    "gre4": ("gre", 4, False, (4, 6), 11,
             "type gre local {l} remote {r}"),
    "gtap4": ("gre", 4, True, (4, 6), 12,
              "type gretap local {l} remote {r} key 12 csum"),
    "gre6": ("gre", 6, False, (4, 6), 13,
             "type ip6gre local {l} remote {r} encaplimit none"),
    "ipip4": ("ipxip", 4, False, (4,), 14,
              "type ipip local {l} remote {r}"),
    "sit4": ("ipxip", 4, False, (6,), 15,
             "type sit local {l} remote {r}"),
    "ip6t6": ("ipxip", 6, False, (4, 6), 16,
              "type ip6tnl mode any local {l} remote {r} encaplimit none"),
}

# What each profile declares for tunnels (src/ncsim/profile.c): the
# encapsulations, the inner transports segmented inside tunnels, and the
# UDP port tables (size, types).
ALL_ENCAPS = {"vxlan", "geneve", "gre", "ipxip"}
PROFILES = {
    "full": {"encaps": ALL_ENCAPS, "gso": {"tcp", "udp"},
             "tables": [(4, {"vxlan", "geneve"}), (2, {"vxlan"})]},
    "tnlcsum": {"encaps": ALL_ENCAPS, "gso": set(),
                "tables": [(4, {"vxlan", "geneve"}), (2, {"vxlan"})]},
}

# The keywords of the scenarios: the encapsulations they clear
KW_CLEARS = {
    "*EncapsulatedPacketTaskOffload=0": ALL_ENCAPS,
    "*EncapsulatedPacketTaskOffloadVxlan=0": {"vxlan"},
    "*EncapsulatedPacketTaskOffloadNvgre=0": {"gre"},
    "*VxlanUDPPortNumber=%d" % OTHER_PORT: set(),
}

# The segmentation feature of each tunnel (encapsulation, outer version,
# outer checksum)
def gso_feature(encap, over, ocsum):
    if encap in ("vxlan", "geneve"):
        return "tx-udp_tnl-csum-segmentation" if ocsum else \
            "tx-udp_tnl-segmentation"
    if encap == "gre":
        return "tx-gre-csum-segmentation" if ocsum else "tx-gre-segmentation"
    return "tx-ipxip%d-segmentation" % over


# Each tunnel segmentation feature and the encapsulations of its kinds
FEATURE_ENCAPS = {
    "tx-udp_tnl-segmentation": {"vxlan", "geneve"},
    "tx-udp_tnl-csum-segmentation": {"vxlan", "geneve"},
    "tx-gre-segmentation": {"gre"},
    "tx-gre-csum-segmentation": {"gre"},
    "tx-ipxip4-segmentation": {"ipxip"},
    "tx-ipxip6-segmentation": {"ipxip"},
}

# The receiver's count of packets whose inner checksum netcx reported
# verified (csum_level 1); the model's own is hw_rx_tnl_csum_ok
RX_INNER = "rx_csum_inner_valid"

# Scenarios: (profile, keywords, tunnels, [(state, tunnels, cases)]).
# A state is "on" (nothing changed) or the ethtool -K features turned off
# on ncsim0; cases "all" (TCP and UDP over every inner version) or "two"
# (TCP over the first inner version, UDP over the last).
UDP = ["vx4", "vx6", "gn4", "gn6", "vxp"]
IP = ["gre4", "gtap4", "gre6", "ipip4", "sit4", "ip6t6"]
SCENARIOS = {
    "udp": ("full", "", UDP, [
        ("on", ["vx4", "vx6", "gn4", "gn6", "vxp"], "all"),
        ("tx-udp_tnl-segmentation", ["vx4", "vx6"], "two"),
        ("tx-udp_tnl-csum-segmentation", ["vx4", "gn4"], "two"),
        ("tx-checksumming", ["vx6", "gn4"], "two"),
    ]),
    "udp-kw": ("full", "*EncapsulatedPacketTaskOffloadVxlan=0", UDP, [
        ("on", ["vx4", "vx6", "gn4", "gn6"], "two"),
    ]),
    "udp-pin": ("full", "*VxlanUDPPortNumber=%d" % OTHER_PORT, UDP, [
        ("on", ["vxp", "vx4"], "all"),
    ]),
    "ip": ("full", "", IP, [
        ("on", IP, "all"),
        ("tx-gre-segmentation", ["gre4", "gtap4", "ipip4"], "two"),
        ("tx-gre-csum-segmentation", ["gtap4", "gre6"], "two"),
        ("tx-ipxip4-segmentation", ["ipip4", "sit4", "ip6t6"], "two"),
        ("tx-ipxip6-segmentation", ["ip6t6", "gre6"], "two"),
    ]),
    "ip-kw-nvgre": ("full", "*EncapsulatedPacketTaskOffloadNvgre=0",
                    ["gre4", "gre6", "ipip4"], [
        ("on", ["gre4", "gre6", "ipip4"], "two"),
    ]),
    "ip-kw-all": ("full", "*EncapsulatedPacketTaskOffload=0",
                  ["gre4", "ip6t6"], [
        ("on", ["gre4", "ip6t6"], "two"),
    ]),
    "ip-tnlcsum": ("tnlcsum", "", ["gre4", "ipip4", "ip6t6"], [
        ("on", ["gre4", "ipip4", "ip6t6"], "two"),
    ]),
    "udp-tnlcsum": ("tnlcsum", "", ["vx4", "gn6"], [
        ("on", ["vx4", "gn6"], "two"),
    ]),
}


# -- ethtool -S without a process: the ethtool ioctl ------------------

SIOCETHTOOL = 0x8946
ETHTOOL_GSSET_INFO = 0x37
ETHTOOL_GSTRINGS = 0x1b
ETHTOOL_GSTATS = 0x1d
ETH_SS_STATS = 1
ETH_GSTRING_LEN = 32


class Stats:
    """A device's ethtool -S, read from a socket of its namespace."""

    def __init__(self, ns, dev):
        with netns(ns):
            self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.dev = dev
        self.names = None

    def ioctl(self, buf):
        ifr = struct.pack("16sP16x", self.dev.encode(),
                          ctypes.addressof(buf))
        fcntl.ioctl(self.sock.fileno(), SIOCETHTOOL, ifr)

    def count(self):
        buf = ctypes.create_string_buffer(
            struct.pack("IIQI", ETHTOOL_GSSET_INFO, 0, 1 << ETH_SS_STATS, 0))
        self.ioctl(buf)
        return struct.unpack_from("IIQI", buf.raw)[3]

    def read(self):
        n = self.count()
        if self.names is None or len(self.names) != n:
            buf = ctypes.create_string_buffer(
                struct.pack("III", ETHTOOL_GSTRINGS, ETH_SS_STATS, n) +
                bytes(n * ETH_GSTRING_LEN))
            self.ioctl(buf)
            raw = buf.raw[12:]
            self.names = [raw[i * ETH_GSTRING_LEN:(i + 1) * ETH_GSTRING_LEN]
                          .split(b"\0")[0].decode() for i in range(n)]
        buf = ctypes.create_string_buffer(
            struct.pack("II", ETHTOOL_GSTATS, n) + bytes(8 * n))
        self.ioctl(buf)
        vals = struct.unpack_from("%dQ" % n, buf.raw, 8)
        return dict(zip(self.names, vals))


def nsrun(ns, *cmd, check=True, stdin=None):
    with netns(ns):
        r = subprocess.run(cmd, input=stdin, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
    if check and r.returncode:
        raise RuntimeError("%s: %s" % (" ".join(cmd), r.stdout.strip()))
    return r


def features(ns):
    """ethtool -k's single features by their kernel names (matrix.py's
    ALIASES; its group lines left out: "tcp-segmentation-offload on"
    would turn on every TSO feature)."""
    out = nsrun(ns, "ethtool", "-k", DEV[ns]).stdout
    return {ALIASES.get(m[1], m[1]): (m[2], bool(m[3])) for m in
            re.finditer(r"^\s*([a-z0-9_-]+): (on|off)( \[fixed\])?", out,
                        re.M) if m[1] not in GROUPS}


def show_tunnels(ns):
    """ethtool --show-tunnels: [(size, {types}, {port: type})] per table,
    and the raw output."""
    out = nsrun(ns, "ethtool", "--show-tunnels", DEV[ns], check=False).stdout
    tables = []
    for line in out.splitlines():
        if re.match(r"\s*UDP port table \d+", line):
            tables.append([0, set(), {}])
        elif not tables:
            continue
        elif m := re.match(r"\s*Size: (\d+)", line):
            tables[-1][0] = int(m[1])
        elif m := re.match(r"\s*Types: (.*)", line):
            tables[-1][1] = {t.strip() for t in m[1].split(",") if t.strip()}
        elif m := re.match(r"\s*port (\d+), (\S+)", line):
            tables[-1][2][int(m[1])] = m[2]
    return [tuple(t) for t in tables], out


# -- the tunnel devices -----------------------------------------------

def inner_addr(side, idx, ver):
    host = 1 if side == "a" else 2
    return "10.%d.0.%d" % (idx, host) if ver == 4 else \
        "fd00:%d::%d" % (idx, host)


def tunnels_up(names):
    """Both ends of each tunnel in NAMES, one ip -batch per namespace."""
    for side in ("a", "b"):
        other = "b" if side == "a" else "a"
        cmds, fdb = [], []
        for name in names:
            _, over, _, inner, idx, spec = TUNNELS[name]
            loc, rem = OUTER[side][over], OUTER[other][over]
            if spec is None:
                # vxp: a listens on the table's port and sends to
                # OTHER_PORT; b listens on OTHER_PORT and answers to the
                # table's port
                listen = VXLAN_PORT if side == "a" else OTHER_PORT
                to = OTHER_PORT if side == "a" else VXLAN_PORT
                spec = ("mtu 1450 type vxlan id 9 dstport %d local {l} "
                        "nolearning" % listen)
                fdb.append("fdb append 00:00:00:00:00:00 dev %s dst %s "
                           "port %d" % (name, rem, to))
            cmds.append("link add %s %s" % (name, spec.format(
                l=loc, r=rem, d=DEV[side])))
            for v in inner:
                cmds.append("addr add %s/%d dev %s%s" % (
                    inner_addr(side, idx, v), 24 if v == 4 else 64, name,
                    "" if v == 4 else " nodad"))
            cmds.append("link set %s up" % name)
        nsrun(side, "ip", "-batch", "-", stdin="\n".join(cmds) + "\n")
        if fdb:
            nsrun(side, "bridge", "-batch", "-", stdin="\n".join(fdb) + "\n")


def ports_up():
    """ncsim0 into a, ncsim1 into b (the namespaces there already),
    addressed and up (lib/ncsim.sh's ncsim_pair_up), after the VXLAN
    devices: Linux 6.12.118's vxlan tells udp_tunnel_nic a new port under
    its socket spinlock, and udp_tunnel_nic takes a mutex (sleeping in
    atomic context); a port that joins the namespace gets the ports
    replayed without that lock. ncsim_tunnel.sh moves them out before
    the namespaces go, for the same reason."""
    for side, i in (("a", 0), ("b", 1)):
        with netns(side):
            with open("/proc/sys/net/ipv6/conf/all/keep_addr_on_down",
                      "w") as f:
                f.write("1")
        subprocess.run(["ip", "link", "set", DEV[side], "netns", side],
                       check=True)
        nsrun(side, "ip", "-batch", "-", stdin="\n".join([
            "link set lo up",
            "addr add %s/24 dev %s" % (OUTER[side][4], DEV[side]),
            "addr add %s/64 dev %s nodad" % (OUTER[side][6], DEV[side]),
            "link set %s up" % DEV[side]]) + "\n")
    for side in DEV:
        for _ in range(50):
            if nsrun(side, "cat", "/sys/class/net/%s/carrier" % DEV[side],
                     check=False).stdout.strip() == "1":
                break
            time.sleep(0.1)


# -- the expectations and the checks ----------------------------------

class Tunnels(Checks):
    def __init__(self, scenario):
        super().__init__()
        self.name = scenario
        prof, kw, self.devs, self.states = SCENARIOS[scenario]
        self.prof_name = prof
        self.prof = PROFILES[prof]
        self.kw = kw
        self.cleared = set().union(*(KW_CLEARS[k] for k in kw.split(",")
                                     if k))
        self.pin = OTHER_PORT if kw.startswith("*VxlanUDPPortNumber") \
            else None
        self.stats = {ns: Stats(ns, DEV[ns]) for ns in DEV}

    def check(self, what, ok, detail=""):
        super().check("%s: %s" % (self.name, what), ok, detail)

    def port_known(self, dev):
        """Whether the sender's table holds the destination port of DEV's
        frames (VXLAN, GENEVE), as that encapsulation."""
        encap = TUNNELS[dev][0]
        if encap not in ("vxlan", "geneve"):
            return True
        if encap in self.cleared:
            # the tables udp_tunnel_nic gets are those of the permitted
            # encapsulations: the ports of a cleared one are not there
            return False
        if dev == "vxp":
            return self.pin == OTHER_PORT
        return True

    def csum_why(self, dev, off):
        """None (hardware) or the reasons the inner checksum is not
        offloaded, any of which is right."""
        encap = TUNNELS[dev][0]
        if encap not in self.prof["encaps"]:
            return ("unsupported",)
        if not self.port_known(dev):
            if encap in self.cleared:
                return ("unknown_port", "kind_disabled")
            return ("unknown_port",)
        if encap in self.cleared:
            return ("kind_disabled",)
        if "tx-checksumming" in off:
            return ("inactive",)
        return None

    def gso_why(self, dev, proto, off):
        why = self.csum_why(dev, off)
        if why:
            return why
        encap, over, ocsum = TUNNELS[dev][:3]
        if proto not in self.prof["gso"]:
            return ("unsupported",)
        # a packet with the outer checksum needs the encapsulation's kind
        # and the _CSUM one: both features
        if gso_feature(encap, over, False) in off or \
                gso_feature(encap, over, ocsum) in off:
            return ("inactive",)
        return None

    def rx_inner(self, dev):
        """Whether b verifies the inner checksums of DEV's frames: its
        engine knows the encapsulation (VXLAN and GENEVE by the ports in
        its table, which holds those of b's devices when the encapsulation
        is permitted; GRE and IP in IP by protocol)."""
        encap = TUNNELS[dev][0]
        if encap in ("vxlan", "geneve"):
            return encap not in self.cleared
        return True

    def transfer(self, state, off, dev, proto, ver):
        tag = "%s %s: %s %s/IPv%d" % (self.name, state, dev, proto.upper(),
                                      ver)
        idx = TUNNELS[dev][4]
        before = {ns: (self.stats[ns].read(), snmp(ns)) for ns in DEV}
        with netns("a"):
            status, line = xfer.transfer(proto, inner_addr("b", idx, ver),
                                         PORT, SIZE[proto], "plain")
        after = {ns: (self.stats[ns].read(), snmp(ns)) for ns in DEV}

        def d(ns, name, i=0):
            return after[ns][i].get(name, 0) - before[ns][i].get(name, 0)

        moved = {n: d("a", n) for n in after["a"][0]
                 if d("a", n) and n.startswith(("tx_tnl", "tx_fallback",
                                                "hw_tx_"))}
        note = " [a moved: %s]" % moved
        Checks.check(self, tag + ": intact", status == 0, line)
        errs = {"%s %s" % (ns, n): d(ns, n, 1) for ns in DEV for n in
                ("TcpInCsumErrors", "UdpInCsumErrors", "Udp6InCsumErrors")}
        errs.update({"%s %s" % (ns, n): d(ns, n) for ns in DEV for n in
                     ("hw_rx_csum_bad", "hw_rx_tnl_csum_bad",
                      "rx_csum_invalid")})
        bad = {k: v for k, v in errs.items() if v}
        Checks.check(self, tag + ": no checksum error", not bad, str(bad))
        viol = {"%s %s" % (ns, n): d(ns, n) for ns in DEV for n in
                ("hw_caps_violation", "hw_tx_desc_errors")}
        bad = {k: v for k, v in viol.items() if v}
        Checks.check(self, tag + ": the hardware never asked beyond its caps",
                     not bad, str(bad))

        why = self.gso_why(dev, proto, off)
        seen = {n: d("a", n) for n in ("tx_tnl_gso_hw", "tx_tnl_gso_sw",
                                       "tx_tnl_gso_hw_segs", "hw_tx_tnl_gso")}
        if why is None:
            ok = seen["tx_tnl_gso_hw"] > 0 and seen["hw_tx_tnl_gso"] > 0 \
                and seen["tx_tnl_gso_hw_segs"] > seen["tx_tnl_gso_hw"]
            what = "tunnel segmentation hw"
        else:
            for w in why:
                seen["tx_fallback_" + w] = d("a", "tx_fallback_" + w)
            ok = seen["tx_tnl_gso_sw"] > 0 and seen["tx_tnl_gso_hw"] == 0 \
                and seen["hw_tx_tnl_gso"] == 0 \
                and any(seen["tx_fallback_" + w] > 0 for w in why)
            what = "tunnel segmentation sw (%s)" % " or ".join(why)
        Checks.check(self, "%s: %s" % (tag, what), ok, str(seen) + note)

        why = self.csum_why(dev, off)
        seen = {n: d("a", n) for n in ("tx_tnl_csum_hw", "tx_tnl_csum_sw",
                                       "hw_tx_tnl_csum")}
        if why is None:
            ok = seen["tx_tnl_csum_hw"] > 0 and seen["hw_tx_tnl_csum"] > 0
            what = "inner checksum hw"
        else:
            for w in why:
                seen["tx_fallback_" + w] = d("a", "tx_fallback_" + w)
            ok = seen["tx_tnl_csum_sw"] > 0 and seen["tx_tnl_csum_hw"] == 0 \
                and any(seen["tx_fallback_" + w] > 0 for w in why)
            what = "inner checksum sw (%s)" % " or ".join(why)
        Checks.check(self, "%s: %s" % (tag, what), ok, str(seen) + note)

        seen = {n: d("b", n) for n in (RX_INNER, "hw_rx_tnl_csum_ok")}
        if self.rx_inner(dev):
            Checks.check(self, "%s: receiver verified the inner checksum"
                         % tag, seen[RX_INNER] > 0 and
                         seen["hw_rx_tnl_csum_ok"] > 0, str(seen))
        else:
            Checks.check(self, "%s: receiver did not verify the inner "
                         "checksum (port not in its table)" % tag,
                         not any(seen.values()), str(seen))

    def cases(self, dev, which):
        inner = TUNNELS[dev][3]
        if which == "all":
            return [(p, v) for p in ("tcp", "udp") for v in inner]
        return [("tcp", inner[0]), ("udp", inner[-1])]

    def state(self, state, devs, which):
        off = set() if state == "on" else {state}
        start = features("a")
        if off:
            arg = "tx" if state == "tx-checksumming" else state
            nsrun("a", "ethtool", "-K", DEV["a"], arg, "off")
        for dev in devs:
            for proto, ver in self.cases(dev, which):
                self.transfer(state, off, dev, proto, ver)
        if off:
            args = []
            now = features("a")
            for f, (v, fixed) in start.items():
                if not fixed and now.get(f, (v,))[0] != v:
                    args += [f, v]
            if args:
                nsrun("a", "ethtool", "-K", DEV["a"], *args, check=False)
            end = features("a")
            self.check("%s: features back as they were" % state,
                       start == end, str({f: (start.get(f), end.get(f))
                                          for f in set(start) | set(end)
                                          if start.get(f) != end.get(f)}))

    def feature_checks(self):
        """ethtool -k: each tunnel segmentation feature on when the
        profile segments inside tunnels and a kind it maps to is
        permitted, else off [fixed]; the TX checksum on."""
        feats = features("a")
        for f, encaps in FEATURE_ENCAPS.items():
            declared = bool(self.prof["gso"]) and \
                bool(encaps & self.prof["encaps"] - self.cleared)
            want = ("on", False) if declared else ("off", True)
            got = feats.get(f)
            self.check("ethtool -k: %s %s%s" % (
                f, want[0], " [fixed]" if want[1] else ""), got == want,
                str(got))
        for f in ("tx-checksum-ipv4", "tx-checksum-ipv6"):
            self.check("ethtool -k: %s on" % f,
                       feats.get(f, ("?",))[0] == "on", str(feats.get(f)))

    def table_checks(self):
        """ethtool --show-tunnels on both ports against the profile's
        tables and the ports of the namespace's VXLAN and GENEVE
        devices."""
        for ns in DEV:
            tables, out = show_tunnels(ns)
            want = []
            for i, (size, types) in enumerate(self.prof["tables"]):
                types = types - self.cleared
                if not types:
                    continue
                if i == 0 and self.pin and "vxlan" in types:
                    # the pinned port takes entry 0 of the first VXLAN
                    # table: udp_tunnel_nic gets one entry fewer
                    size -= 1
                if size:
                    want.append((size, types))
            got = [(s, t) for s, t, _ in tables]
            self.check("%s: ethtool --show-tunnels: tables %s" % (
                DEV[ns], want), got == want, out.strip().replace("\n", " | "))
            ports = {}
            for _, _, e in tables:
                ports.update(e)
            expect = {}
            for dev in self.devs:
                encap = TUNNELS[dev][0]
                if encap not in ("vxlan", "geneve") or encap in self.cleared:
                    continue
                if dev == "vxp":
                    port = VXLAN_PORT if ns == "a" else OTHER_PORT
                else:
                    port = VXLAN_PORT if encap == "vxlan" else GENEVE_PORT
                expect[port] = encap
            self.check("%s: ethtool --show-tunnels: ports %s" % (
                DEV[ns], expect), ports == expect, str(ports))
            # the device's own tables, as its engines read them: the
            # same ports, and the pinned one in entry 0 of the first
            model = {}
            try:
                with open(DEBUGFS % DEV[ns]) as f:
                    rows = [line.split() for line in f]
            except OSError as e:
                rows = [["?", "?", "0", str(e)]]
            for _, _, port, encap in rows:
                if encap != "-":
                    model[int(port)] = encap
            if self.pin:
                expect[self.pin] = "vxlan"
                self.check("%s: tunnel_ports: %d pinned in table 0, entry 0"
                           % (DEV[ns], self.pin),
                           ["0", "0", str(self.pin), "vxlan"] in rows,
                           str(rows))
            self.check("%s: tunnel_ports: ports %s" % (DEV[ns], expect),
                       model == expect, str(rows))

    def loaded(self):
        """ncsim's module parameters are the scenario's."""
        got = []
        for p in ("profile", "keywords"):
            with open("/sys/module/ncsim/parameters/" + p) as f:
                v = f.read().strip()
            got.append("" if v == "(null)" else v)
        want = [self.prof_name, self.kw]
        self.check("ncsim loaded with profile=%s keywords=%s" % tuple(want),
                   got == want, str(got))

    def run(self):
        self.loaded()
        udp = [d for d in self.devs if TUNNELS[d][0] in ("vxlan", "geneve")]
        # VXLAN and GENEVE devices up before the ports join: see ports_up()
        tunnels_up(udp)
        ports_up()
        self.feature_checks()
        tunnels_up([d for d in self.devs if d not in udp])
        if any(TUNNELS[d][0] in ("vxlan", "geneve") for d in self.devs):
            self.table_checks()
        for state, devs, which in self.states:
            self.state(state, devs, which)


def main(argv):
    if len(argv) != 2 or argv[1] not in SCENARIOS:
        print(__doc__, file=sys.stderr)
        return 2
    t = Tunnels(argv[1])
    with netns("b"):
        server = subprocess.Popen(["python3", os.path.join(LIB, "xfer.py"),
                                   "serve", str(PORT)])
    try:
        for _ in range(300):
            if run("b", "ss", "-Hltn", "sport = :%d" % PORT).stdout:
                break
            time.sleep(0.1)
        t.run()
    except (OSError, RuntimeError) as e:
        Checks.check(t, "%s: the scenario ran to its end" % t.name, False,
                     str(e))
    finally:
        server.kill()
        server.wait()
    return t.end("tunnel")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
