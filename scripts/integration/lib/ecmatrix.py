#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The traffic matrix over e1000cx (nic0, netns a) and its peer (nic1, netns
b, the in-tree e1000): run by e1000cx_matrix.sh in the QEMU guest, with the
pair up (lib/e1000cx.sh) and VLAN 5 over both ports (vl5).

    ecmatrix.py DEV [--keywords] STATE...     DEV: e1000cx's port in a

A STATE is the ethtool -K state of e1000cx, five letters for tx-checksumming,
tso, rx-checksumming, rxvlan and txvlan, each 1 (on) or 0 (off): "11111" is
everything on, "0-111" tx off (and with it tso: "-"). Every state is set
with one ethtool -K and read back (ethtool -k). Then 16 transfers: {a to b
(e1000cx sends), b to a (e1000cx receives)} x {plain, VLAN 5} x {TCP, UDP}
x {IPv4, IPv6}, each of one of the send sizes 1, 1400, 1500, 9000 and
65536 bytes (UDP: datagrams of that much data, 65000 at most), rotating
over the states so that every combination meets every size; a state
written with a "+" after it ("11111+") sends every size in each of the 16.
TCP: the sends with TCP_NODELAY, the receiver answers the SHA-256 of the
stream; UDP: 8 datagrams, each answered with its digest (lost ones sent
again).

Each transfer checks, from the deltas of e1000cx's ethtool -S and of nstat
in both namespaces:

  intact        the digests match
  no error      Tcp/Udp/Udp6 InCsumErrors at both ends, rx_csum_invalid
                and tx_offload_dropped at e1000cx stay 0
  a to b:
  checksum      hw (tx_csum_hw moved, tx_csum_sw did not), sw with the
                reason (tx_csum_sw and tx_fallback_<reason>, no hw), or
                stack (netcx counted neither: a UDP datagram longer than
                the MTU, which the stack sums and fragments; with tx off,
                UDP, which sums itself, and TCP over the VLAN, which the
                VLAN device's validate_xmit_skb() sums; plain TCP still
                reaches netcx CHECKSUM_PARTIAL then: sw (inactive))
  LSO           for sends of 9000 and 65536 bytes over TCP: hw, sw (reason)
                or stack, as for the checksum; 1-byte sends: none at all
  tag           VLAN: tx_vlan_hw (txvlan on) or tx_vlan_sw (off) moved and
                not the other; tags off by keyword: no tx_vlan_hw
  b to a:
  rx checksum   rx on: rx_csum_not_checked moved (QEMU's model sets
                "ignore checksum indication" on every frame), no
                rx_csum_valid; rx off: rx_csum_inactive moved, no valid
  tag           VLAN: with CTRL.VME on (rxvlan or txvlan on, tags not off
                by keyword) the device strips every tag: netcx's rx_vlan_hw
                moves while rxvlan is on, rx_vlan_sw (put back into the
                frame) while it is off, never both; with CTRL.VME off,
                neither

The model of e1000cx (src/e1000cx/offload.c): a generic checksum engine
(NETIF_F_HW_CSUM, any L3 and L4); TSO of TCP over IPv4 only (lso_ipv6=0),
IPv6 segmented by netcx in software (tx_fallback_unsupported); 802.1Q both
ways through CTRL.VME; RX checksums of IPv4, TCP4 and UDP4 declared.
With --keywords (the module loaded with KEYWORDS below): TX checksum of TCP
over IPv6 and of UDP over IPv4 off, TSO of IPv4 off, tags off, and the RX
checksum of TCP over IPv4 off.

Prints "ok - " / "not ok - " lines and "ecmatrix: N passed, N failed".
"""
import hashlib
import os
import re
import socket
import struct
import sys
import threading

from checks import Checks, ethtool_counters
from netns import netns, run, snmp
from xfer import family, recv_all, serve_tcp_conn

KEYWORDS = ("*TCPChecksumOffloadIPv6=2,*UDPChecksumOffloadIPv4=2,"
            "*LsoV2IPv4=0,*PriorityVLANTag=0,*TCPChecksumOffloadIPv4=1")
# what KEYWORDS switch off for transmit (kinds) and for segmentation
KW_TX_OFF = {"tcp6", "udp4"}
KW_LSO_OFF = {"tcp4"}
PORT = 5301
SIZES = (1, 1400, 1500, 9000, 65536)
UDP_MAX = 65000
UDP_HDR = struct.Struct("!II")
MTU = 1500
ADDR = {("b", 4, False): "198.18.0.2", ("b", 6, False): "2001:2::2",
        ("a", 4, False): "198.18.0.1", ("a", 6, False): "2001:2::1",
        ("b", 4, True): "198.18.1.2", ("b", 6, True): "2001:2:0:1::2",
        ("a", 4, True): "198.18.1.1", ("a", 6, True): "2001:2:0:1::1"}
FEATS = ("tx", "tso", "rx", "rxvlan", "txvlan")
# ethtool -k's lines for them
KNAMES = {"tx": "tx-checksumming", "tso": "tcp-segmentation-offload",
          "rx": "rx-checksumming", "rxvlan": "rx-vlan-offload",
          "txvlan": "tx-vlan-offload"}
TIMEOUT = 30.0

# -- the transfers --------------------------------------------------------

def serve_tcp(s):
    while True:
        c, _ = s.accept()
        threading.Thread(target=serve_tcp_conn, args=(c, TIMEOUT),
                         daemon=True).start()


def serve_udp(s):
    while True:
        data, peer = s.recvfrom(1 << 16)
        if len(data) < UDP_HDR.size:
            continue
        s.sendto(data[:UDP_HDR.size] +
                 hashlib.sha256(data[UDP_HDR.size:]).digest(), peer)


def servers(ns):
    with netns(ns):
        t = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        u = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    for s in (t, u):
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("::", PORT))
    t.listen(16)
    threading.Thread(target=serve_tcp, args=(t,), daemon=True).start()
    threading.Thread(target=serve_udp, args=(u,), daemon=True).start()


def send_tcp(ns, addr, size):
    """Sends of SIZE bytes (256 KiB in all, 32 sends at most, 4 at least)."""
    count = max(4, min(32, (256 << 10) // size))
    data = os.urandom(size * count)
    fam = family(addr)
    with netns(ns):
        s = socket.socket(fam, socket.SOCK_STREAM)
    with s:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        s.settimeout(TIMEOUT)
        s.connect((addr, PORT))
        for i in range(count):
            s.sendall(data[i * size:(i + 1) * size])
        s.shutdown(socket.SHUT_WR)
        reply = recv_all(s)
    n, digest = reply.split()
    want = hashlib.sha256(data).hexdigest()
    if int(n) != len(data) or digest.decode() != want:
        return "sent %d bytes %s, received %s bytes %s" % (
            len(data), want, n.decode(), digest.decode())
    return None


def send_udp(ns, addr, size):
    """8 datagrams of SIZE bytes of data (UDP_MAX at most), each answered
    with its digest; one not answered within 0.5 s is sent again (5 times)."""
    size = min(size, UDP_MAX)
    fam = family(addr)
    xid = struct.unpack("!I", os.urandom(4))[0]
    with netns(ns):
        s = socket.socket(fam, socket.SOCK_DGRAM)
    with s:
        s.connect((addr, PORT))
        s.settimeout(0.5)
        for seq in range(8):
            body = os.urandom(size)
            gram = UDP_HDR.pack(xid, seq) + body
            want = gram[:UDP_HDR.size] + hashlib.sha256(body).digest()
            for _ in range(6):
                s.send(gram)
                try:
                    while True:
                        r = s.recv(256)
                        if r[:UDP_HDR.size] == want[:UDP_HDR.size]:
                            break
                except socket.timeout:
                    continue
                if r != want:
                    return "datagram %d of %d bytes: wrong digest" % (seq,
                                                                     size)
                break
            else:
                return "datagram %d of %d bytes never answered" % (seq, size)
    return None


# -- the counters ---------------------------------------------------------

def ethtool_s(dev):
    return ethtool_counters(run("a", "ethtool", "-S", dev).stdout)


def features(dev):
    out = run("a", "ethtool", "-k", dev).stdout
    return {m[1]: m[2] for m in re.finditer(r"^([a-z0-9-]+): (on|off)", out,
                                            re.M)}


# -- the matrix ------------------------------------------------------------

class Matrix(Checks):
    def __init__(self, dev, keywords):
        super().__init__()
        self.dev = dev
        self.kw = keywords
        self.n = 0

    def set_state(self, state):
        want = dict(zip(FEATS, state))
        args = []
        for f in FEATS:
            if want[f] != "-":
                args += [f, "on" if want[f] == "1" else "off"]
        r = run("a", "ethtool", "-K", self.dev, *args)
        now = features(self.dev)
        got = {}
        for f in FEATS:
            v = now.get(KNAMES[f])
            on = v == "on"
            exp = want[f] == "1"
            if self.kw and f in ("tso", "rxvlan", "txvlan"):
                exp = False     # fixed off by the keywords
            if f == "tso" and want["tx"] == "0":
                exp = False     # TSO needs a TX checksum
            if on != exp:
                got[f] = v
        self.check("%s: ethtool -K %s, ethtool -k shows it" % (
            state, " ".join(args)), not got,
            "%s (ethtool -K said: %s)" % (got, r.stdout.strip()))
        return {f: (want[f] == "1") for f in FEATS}

    # the expected paths at e1000cx as the sender
    def csum_path(self, st, proto, ver, vlan, size):
        if proto == "udp":
            ip = 20 if ver == 4 else 40
            if min(size, UDP_MAX) + UDP_HDR.size + 8 + ip > MTU:
                return ("stack", None)  # fragmented: summed by the stack
        if not st["tx"]:
            # UDP sums itself when the device has no checksum feature
            # (__ip_append_data()), the VLAN device's validate_xmit_skb()
            # sums what reaches it; plain TCP still comes CHECKSUM_PARTIAL
            # to netcx, which sums it in software: the kind is inactive
            if proto == "udp" or vlan:
                return ("stack", None)
            return ("sw", "inactive")
        if self.kw and "%s%d" % (proto, ver) in KW_TX_OFF:
            return ("sw", "kind_disabled")
        return ("hw", None)

    def lso_path(self, st, ver, vlan):
        if not st["tx"] and vlan:
            return ("stack", None)
        if ver == 6:
            return ("sw", "unsupported")
        if self.kw and "tcp4" in KW_LSO_OFF:
            return ("sw", "kind_disabled")
        if not st["tx"] or not st["tso"]:
            return ("sw", "inactive")
        return ("hw", None)

    def path_check(self, tag, what, path, why, d, hw, sw):
        seen = {hw: d(hw), sw: d(sw)}
        if path == "hw":
            ok = seen[hw] > 0 and seen[sw] == 0
        elif path == "sw":
            seen["tx_fallback_" + why] = d("tx_fallback_" + why)
            ok = seen[hw] == 0 and seen[sw] > 0 and \
                seen["tx_fallback_" + why] > 0
        else:
            ok = seen[hw] == 0 and seen[sw] == 0
        self.check("%s: %s %s%s" % (tag, what, path,
                                    " (%s)" % why if why else ""), ok,
                   str(seen))

    def transfer(self, name, st, src, proto, ver, vlan, size):
        dst = "b" if src == "a" else "a"
        tag = "%s: %s %s/IPv%d%s %d%s" % (
            name, "a>b" if src == "a" else "b>a", proto.upper(), ver,
            " vlan" if vlan else "", min(size, UDP_MAX) if proto == "udp"
            else size, " B sends" if proto == "tcp" else " B datagrams")
        before = (ethtool_s(self.dev), snmp("a"), snmp("b"))
        try:
            fn = send_tcp if proto == "tcp" else send_udp
            err = fn(src, ADDR[(dst, ver, vlan)], size)
        except (OSError, ValueError) as e:
            err = str(e)
        after = (ethtool_s(self.dev), snmp("a"), snmp("b"))

        def d(n, i=0):
            return after[i].get(n, 0) - before[i].get(n, 0)

        moved = {n: d(n) for n in after[0] if d(n) and
                 not n.endswith(("bytes", "packets"))}
        self.check(tag + ": intact", err is None, "%s %s" % (err, moved))
        errs = {"%s %s" % (ns, n): d(n, i) for i, ns in ((1, "a"), (2, "b"))
                for n in ("TcpInCsumErrors", "UdpInCsumErrors",
                          "Udp6InCsumErrors")}
        errs.update({n: d(n) for n in ("rx_csum_invalid",
                                       "tx_offload_dropped")})
        bad = {k: v for k, v in errs.items() if v}
        self.check(tag + ": no checksum error, no offload drop", not bad,
                   str(bad))
        if src == "a":
            path, why = self.csum_path(st, proto, ver, vlan, size)
            self.path_check(tag, "checksum", path, why, d, "tx_csum_hw",
                            "tx_csum_sw")
            if proto == "tcp" and size >= 9000:
                path, why = self.lso_path(st, ver, vlan)
                self.path_check(tag, "LSO", path, why, d, "tx_lso_hw",
                                "tx_lso_sw")
            elif proto == "tcp" and size == 1:
                self.path_check(tag, "LSO", "none", None, d, "tx_lso_hw",
                                "tx_lso_sw")
            # (no check on plain transfers: vl5's own neighbour probes
            # may go out tagged meanwhile)
            if not vlan:
                pass
            elif self.kw:
                path = "off"
            else:
                path = "hw" if st["txvlan"] else "sw"
            if vlan:
                seen = {n: d(n) for n in ("tx_vlan_hw", "tx_vlan_sw")}
                ok = {"off": seen["tx_vlan_hw"] == 0,
                      "hw": seen["tx_vlan_hw"] > 0 and
                      seen["tx_vlan_sw"] == 0,
                      "sw": seen["tx_vlan_sw"] > 0 and
                      seen["tx_vlan_hw"] == 0}[path]
                self.check("%s: tag %s" % (tag, path), ok, str(seen))
        else:
            seen = {n: d(n) for n in ("rx_csum_valid", "rx_csum_not_checked",
                                      "rx_csum_inactive")}
            if st["rx"]:
                path = "not checked"
                ok = seen["rx_csum_not_checked"] > 0 and \
                    seen["rx_csum_valid"] == 0 and \
                    seen["rx_csum_inactive"] == 0
            else:
                path = "inactive"
                ok = seen["rx_csum_inactive"] > 0 and \
                    seen["rx_csum_valid"] == 0
            self.check("%s: rx checksum %s" % (tag, path), ok, str(seen))
            if vlan:
                vme = not self.kw and (st["rxvlan"] or st["txvlan"])
                seen = {n: d(n) for n in ("rx_vlan_hw", "rx_vlan_sw")}
                if not vme:
                    path, moved = "left in the frame", None
                elif st["rxvlan"]:
                    path, moved = "stripped, out of band", "rx_vlan_hw"
                else:
                    path, moved = "stripped and put back", "rx_vlan_sw"
                ok = all((v > 0) == (n == moved) for n, v in seen.items())
                self.check("%s: tag %s" % (tag, path), ok, str(seen))

    def state(self, state):
        every = state.endswith("+")
        state = state.rstrip("+")
        name = state + (" kw" if self.kw else "")
        st = self.set_state(state)
        for src in ("a", "b"):
            for vlan in (False, True):
                for proto in ("tcp", "udp"):
                    for ver in (4, 6):
                        # the four TCP transfers from a take four sizes in
                        # a row (one of them 9000 or 65536: segmentation);
                        # every transfer takes the next size a state later
                        j = vlan * 2 + (ver == 6) + (proto == "udp") * 2 + \
                            (src == "b")
                        for size in SIZES if every else \
                                [SIZES[(self.n + j) % len(SIZES)]]:
                            self.transfer(name, st, src, proto, ver, vlan,
                                          size)
        self.n += 1


def main(argv):
    args = argv[1:]
    kw = "--keywords" in args
    args = [a for a in args if a != "--keywords"]
    if len(args) < 2 or any(not re.fullmatch(r"[01][01-][01]{3}\+?", s)
                            for s in args[1:]):
        print(__doc__, file=sys.stderr)
        return 2
    m = Matrix(args[0], kw)
    for ns in ("a", "b"):
        servers(ns)
    for state in args[1:]:
        m.state(state)
    return m.end("ecmatrix")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
