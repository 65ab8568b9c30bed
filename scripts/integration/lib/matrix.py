#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The traffic matrix over one ncsim pair: run by ncsim_matrix.sh, in the
guest, with the pair up in namespaces a and b (lib/ncsim.sh).

    matrix.py PROFILE [--keywords] STATE...

For every STATE (default, allon, txoff, tsooff, rxoff, sgoff; or kw, for a
module loaded with the keywords below) set on both ports with ethtool -K,
and every case ({TCP, UDP} x {IPv4, IPv6} x {plain, IPv4 options or IPv6
destination options, TCP options}), sends from a to b, end to end checked
(xfer.py), and then checks, from the counters' deltas:

  intact       the receiver's digest of what arrived is the sender's
  no csum err  nstat's Tcp/Udp/Udp6 InCsumErrors at both ends, ncsim's
               hw_rx_csum_bad and netcx's rx_csum_invalid stay 0
  caps kept    hw_caps_violation and hw_tx_desc_errors stay 0
  gso path     LSO/USO: hardware, software with the expected reason, or
               done by the stack before netcx saw the packet
  csum path    the TX checksum of the data packets, the same way
  rx path      netcx's receive checksum at b: valid, or inactive

The expected paths come from the profile's declared capabilities (the
same as src/ncsim/profile.c), the keywords, the ethtool state and the two
rules of Linux 6.12 that act before netcx (see docs/per-packet.md).
Prints TAP-like "ok - " / "not ok - " lines and "matrix: N passed, N
failed".
"""
import os
import re
import subprocess
import sys
import time

import xfer
from checks import Checks, ethtool_counters
from netns import netns, run, snmp

LIB = os.path.dirname(os.path.abspath(__file__))
NS = {"a": "ncsim0", "b": "ncsim1"}
ADDR = {4: "198.18.0.2", 6: "2001:2::2"}
PORT = 5101
SIZE = {"tcp": 256 << 10, "udp": 128 << 10}
KEYWORDS = ("*LsoV2IPv4=0,*TCPChecksumOffloadIPv6=2,*UsoIPv6=0,"
            "*UDPChecksumOffloadIPv4=1")
ALL4 = {"tcp4", "udp4", "tcp6", "udp6"}

# What each profile declares (src/ncsim/profile.c), per engine:
# kinds, and the packet shapes it takes beyond the plain one.
PROFILES = {
    "full": {
        "csum": {"kinds": ALL4, "generic": False,
                 "v4opts": True, "v6ext": True, "tcpopts": True},
        "lso": {"kinds": {"tcp4", "tcp6"},
                "v4opts": True, "v6ext": True, "tcpopts": True},
        "uso": {"kinds": {"udp4", "udp6"}, "v4opts": True, "v6ext": True},
        "rx": ALL4,
    },
    "e1000": {
        # generic engine: any shape, layer-4 offset limit 255
        "csum": {"kinds": ALL4, "generic": True},
        "lso": {"kinds": {"tcp4"}, "v4opts": True, "v6ext": False,
                "tcpopts": True},
        "uso": None,
        "rx": {"tcp4", "udp4"},
    },
    "basic": {
        # limits 18 / 58: no shape of the matrix exceeds them
        "csum": {"kinds": ALL4, "generic": False,
                 "v4opts": False, "v6ext": False, "tcpopts": False},
        "lso": None,
        "uso": None,
        "rx": ALL4,
    },
    "none": {"csum": None, "lso": None, "uso": None, "rx": set()},
}
# What KEYWORDS switch off: TX checksum of TCP6 (and so LSO of TCP6, a
# dependency), LSO of TCP4, USO of UDP6, RX checksum of UDP4.
KW_OFF = {"csum": {"tcp6"}, "lso": {"tcp4", "tcp6"}, "uso": {"udp6"},
          "rx": {"udp4"}}
# What each ethtool state makes inactive.
INACTIVE = {
    "default": set(), "allon": set(), "kw": set(),
    "txoff": {"csum", "lso", "uso"},   # TSO and USO need a TX checksum
    "tsooff": {"lso"},
    "sgoff": {"lso"},                  # TSO needs SG
    "rxoff": {"rx"},
}
# ethtool -K arguments for each state (and to undo it)
TOGGLE = {"txoff": "tx", "tsooff": "tso", "rxoff": "rx", "sgoff": "sg"}
# ethtool -k's top-level names for single features, and their names in
# the kernel (what ethtool -K takes as well); its other top-level lines
# (tx-checksumming, scatter-gather, tcp-segmentation-offload) name groups
# whose features are listed under them.
ALIASES = {"rx-checksumming": "rx-checksum",
           "generic-segmentation-offload": "tx-generic-segmentation",
           "generic-receive-offload": "rx-gro",
           "large-receive-offload": "rx-lro",
           "rx-vlan-offload": "rx-vlan-hw-parse",
           "tx-vlan-offload": "tx-vlan-hw-insert",
           "ntuple-filters": "rx-ntuple-filter",
           "receive-hashing": "rx-hashing"}
GROUPS = {"tx-checksumming", "scatter-gather", "tcp-segmentation-offload"}

CASES = [(p, v, s) for p in ("tcp", "udp") for v in (4, 6)
         for s in ("plain", "l3opt", "tcpopt") if p == "tcp" or s != "tcpopt"]


def nsrun(ns, *cmd, check=True):
    r = run(ns, *cmd)
    if check and r.returncode:
        raise RuntimeError("%s: %s" % (" ".join(cmd), r.stdout.strip()))
    return r


def ethtool_s(ns):
    return ethtool_counters(nsrun(ns, "ethtool", "-S", NS[ns]).stdout)


def tcp_timestamps(ns, on):
    with netns(ns):
        with open("/proc/sys/net/ipv4/tcp_timestamps", "w") as f:
            f.write("1" if on else "0")


def features(ns):
    out = nsrun(ns, "ethtool", "-k", NS[ns]).stdout
    feats = {}
    for m in re.finditer(r"^\s*([a-z0-9-]+): (on|off)( \[fixed\])?", out,
                         re.M):
        if m[1] not in GROUPS:
            feats[ALIASES.get(m[1], m[1])] = (m[2], bool(m[3]))
    return feats


class Matrix(Checks):
    def __init__(self, profile, keywords):
        super().__init__()
        self.p = PROFILES[profile]
        self.name = profile
        self.keywords = keywords

    def check(self, what, ok, detail=""):
        if not ok and detail and hasattr(self, "moved"):
            detail += self.moved
        super().check(what, ok, detail)

    # -- the expected paths -------------------------------------------

    def reason(self, engine, kind, state):
        """None when the engine does KIND now, else netcx's kind reason."""
        caps = self.p[engine]
        kinds = caps if engine == "rx" else (caps or {}).get("kinds", set())
        if kind not in kinds:
            return "unsupported"
        if self.keywords and kind in KW_OFF[engine]:
            return "kind_disabled"
        if engine in INACTIVE[state]:
            return "inactive"
        return None

    def shape_reason(self, caps, proto, ver, shape):
        if shape == "l3opt":
            if ver == 4 and not caps.get("v4opts", True):
                return "ipv4_options"
            if ver == 6 and not caps.get("v6ext", True):
                return "ipv6_exthdr"
        if shape == "tcpopt" and proto == "tcp" and \
                not caps.get("tcpopts", True):
            return "tcp_options"
        return None

    def stack_first(self, proto, ver, shape, state):
        """Linux 6.12 before netcx: with NETIF_F_IPV6_CSUM (a protocol-aware
        engine) an IPv6 packet with extension headers loses IPV6_CSUM, TSO6
        and GSO_UDP_L4 in gso_features_check() and is checksummed by
        skb_csum_hwoffload_help(): the stack does both in software."""
        csum = self.p["csum"]
        return (ver == 6 and shape == "l3opt" and csum and
                not csum["generic"] and
                self.reason("csum", proto + "6", state) is None)

    def udp_whole(self, proto, ver, shape, state):
        """Linux 6.12's UDP (__ip_append_data(), __ip6_append_data()) makes
        a CHECKSUM_PARTIAL skb only when the device has a checksum feature
        on for the IP version (NETIF_F_IP_CSUM or NETIF_F_IPV6_CSUM, or
        NETIF_F_HW_CSUM) and, over IPv6, no extension header; otherwise it
        sums each datagram itself, and a UDP_SEGMENT skb that is not
        CHECKSUM_PARTIAL is segmented by the stack (its segments summed)
        before netcx sees a packet that asks for anything."""
        if proto != "udp":
            return False
        if ver == 6 and shape == "l3opt":
            return True
        csum = self.p["csum"]
        if not csum:
            return True
        kinds = {"tcp%d" % ver, "udp%d" % ver}
        if csum["generic"]:
            kinds = ALL4
        return all(self.reason("csum", k, state) for k in kinds)

    def csum_path(self, proto, ver, shape, state):
        kind = "%s%d" % (proto, ver)
        if self.udp_whole(proto, ver, shape, state):
            return ("stack", None)
        why = self.reason("csum", kind, state)
        if why:
            return ("sw", why)
        caps = self.p["csum"]
        if not caps["generic"]:
            why = self.shape_reason(caps, proto, ver, shape)
            if why:
                return ("sw", why)
        if self.stack_first(proto, ver, shape, state):
            return ("stack", None)
        return ("hw", None)

    def gso_path(self, proto, ver, shape, state):
        engine = "lso" if proto == "tcp" else "uso"
        kind = "%s%d" % (proto, ver)
        if self.udp_whole(proto, ver, shape, state):
            return ("stack", None)
        why = self.reason(engine, kind, state) or \
            self.shape_reason(self.p[engine], proto, ver, shape)
        if why:
            return ("sw", why)
        if self.stack_first(proto, ver, shape, state):
            return ("stack", None)
        return ("hw", None)

    # -- one state ----------------------------------------------------

    def set_state(self, state, start):
        """Applies STATE on both ports (START: their features before)."""
        for ns, dev in NS.items():
            if state == "allon":
                for f, (v, fixed) in start[ns].items():
                    if v == "off" and not fixed:
                        nsrun(ns, "ethtool", "-K", dev, f, "on",
                              check=False)
            elif state in TOGGLE:
                nsrun(ns, "ethtool", "-K", dev, TOGGLE[state], "off",
                      check=False)

    def restore(self, start):
        """Sets every changeable feature back to its value in START.

        "ethtool -K DEV tso on" turns on every TSO feature, the ones that
        were off before "tso off" too, and "rx on" leaves rx-gro-hw off:
        undoing a state is setting each feature, by name, to what it was,
        in one request (rx-gro-hw needs rx-checksum)."""
        for ns, dev in NS.items():
            now = features(ns)
            args = []
            for f, (v, fixed) in start[ns].items():
                if not fixed and now.get(f, (v,))[0] != v:
                    args += [f, v]
            if args:
                nsrun(ns, "ethtool", "-K", dev, *args, check=False)

    def case(self, state, proto, ver, shape):
        tag = "%s %s: %s/IPv%d %s" % (self.name, state, proto.upper(), ver,
                                      shape)
        for ns in NS:
            tcp_timestamps(ns, shape == "tcpopt")
        before = {ns: (ethtool_s(ns), snmp(ns)) for ns in NS}
        with netns("a"):
            status, line = xfer.transfer(
                proto, ADDR[ver], PORT, SIZE[proto],
                "plain" if shape == "tcpopt" else shape)
        after = {ns: (ethtool_s(ns), snmp(ns)) for ns in NS}

        def d(ns, name, i=0):
            return after[ns][i].get(name, 0) - before[ns][i].get(name, 0)

        def tx(name):
            return d("a", name)

        moved = {n: d("a", n) for n in after["a"][0] if d("a", n)}
        self.moved = " [a moved: %s]" % moved

        self.check(tag + ": intact", status == 0, line)
        errs = {"%s %s" % (ns, n): d(ns, n, 1) for ns in NS for n in
                ("TcpInCsumErrors", "UdpInCsumErrors", "Udp6InCsumErrors")}
        errs.update({"%s %s" % (ns, n): d(ns, n) for ns in NS for n in
                     ("hw_rx_csum_bad", "rx_csum_invalid")})
        bad = {k: v for k, v in errs.items() if v}
        self.check(tag + ": no checksum error", not bad, str(bad))
        viol = {"%s %s" % (ns, n): d(ns, n) for ns in NS for n in
                ("hw_caps_violation", "hw_tx_desc_errors")}
        bad = {k: v for k, v in viol.items() if v}
        self.check(tag + ": the hardware never asked beyond its caps",
                   not bad, str(bad))

        # segmentation
        off = "lso" if proto == "tcp" else "uso"
        path, why = self.gso_path(proto, ver, shape, state)
        seen = {n: tx(n) for n in ("tx_%s_hw" % off, "tx_%s_sw" % off,
                                   "hw_tx_" + off)}
        if path == "hw":
            ok = seen["tx_%s_hw" % off] > 0 and seen["hw_tx_" + off] > 0
        elif path == "sw":
            seen["tx_fallback_" + why] = tx("tx_fallback_" + why)
            ok = (seen["tx_%s_sw" % off] > 0 and
                  seen["tx_fallback_" + why] > 0 and
                  seen["tx_%s_hw" % off] == 0 and seen["hw_tx_" + off] == 0)
        else:
            ok = not any(seen.values())
        self.check("%s: %s %s%s" % (tag, off.upper(), path,
                                    " (%s)" % why if why else ""), ok,
                   str(seen))

        # checksum of the data packets
        path, why = self.csum_path(proto, ver, shape, state)
        seen = {n: tx(n) for n in ("tx_csum_hw", "tx_csum_sw",
                                   "hw_tx_l4_csum")}
        if path == "hw":
            ok = seen["tx_csum_hw"] > 0
        elif path == "sw":
            seen["tx_fallback_" + why] = tx("tx_fallback_" + why)
            ok = seen["tx_csum_sw"] > 0 and seen["tx_fallback_" + why] > 0
            # every packet of these flows has that shape (a plain TCP
            # flow still has its SYN's options)
            if why not in ("tcp_options",) or shape == "tcpopt":
                ok = ok and seen["tx_csum_hw"] == 0
        else:
            ok = seen["tx_csum_hw"] == 0 and seen["tx_csum_sw"] == 0
        self.check("%s: checksum %s%s" % (tag, path,
                                          " (%s)" % why if why else ""),
                   ok, str(seen))

        # receive checksum at b
        why = self.reason("rx", "%s%d" % (proto, ver), state)
        seen = {n: d("b", n) for n in ("rx_csum_valid", "rx_csum_inactive",
                                       "rx_csum_not_checked")}
        if why:
            # off by ethtool: netcx reports nothing (inactive); a kind
            # never declared or off by keyword: the engine, told so by
            # netcx, does not verify it (not checked)
            ok = seen["rx_csum_valid"] == 0 and \
                seen["rx_csum_inactive"] + seen["rx_csum_not_checked"] > 0
        else:
            ok = seen["rx_csum_valid"] > 0
        self.check("%s: receive checksum %s" % (
            tag, "not verified (%s)" % why if why else "valid"), ok,
            str(seen))

    def state(self, state):
        start = {ns: features(ns) for ns in NS}
        self.set_state(state, start)
        for proto, ver, shape in CASES:
            self.case(state, proto, ver, shape)
        self.restore(start)
        end = {ns: features(ns) for ns in NS}
        self.check("%s %s: features back as they were" % (self.name, state),
                   start == end, "" if start == end else
                   str({ns: {f: (start[ns].get(f), end[ns].get(f))
                             for f in set(start[ns]) | set(end[ns])
                             if start[ns].get(f) != end[ns].get(f)}
                        for ns in NS}))


def main(argv):
    if len(argv) < 3 or argv[1] not in PROFILES:
        print(__doc__, file=sys.stderr)
        return 2
    kw = "--keywords" in argv
    m = Matrix(argv[1], kw)
    with netns("b"):
        server = subprocess.Popen(["python3", os.path.join(LIB, "xfer.py"),
                                   "serve", str(PORT)])
    try:
        for _ in range(300):
            if nsrun("b", "ss", "-Hltn", "sport = :%d" % PORT).stdout:
                break
            time.sleep(0.1)
        for state in argv[2:]:
            if state == "--keywords":
                continue
            m.state(state)
    finally:
        server.kill()
        server.wait()
    return m.end("matrix")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
