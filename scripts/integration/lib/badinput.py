#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Bad input from user space on an ncsim port, for ncsim_badinput.sh.

    badinput.py PROFILE MAC0 MAC1 [--explore]

Runs in netns a (ncsim0); ncsim1 is in netns b (/run/netns/b). Sends each
crafted frame through AF_PACKET SOCK_RAW on ncsim0, plain (the frame as it
is: ncsim1's receive engine and netcx_rx_csum() parse it) or after a struct
virtio_net_hdr (PACKET_VNET_HDR: CHECKSUM_PARTIAL and GSO skbs that netcx
walks on transmit), waits for both ports' counters to settle and checks
the outcome: refused at send() with the errno expected, or exactly the
counter growth expected on ncsim0 (transmit) and ncsim1 (receive), every
other watched counter unchanged. Prints "ok - ..." / "not ok - ..." per
check and "badinput: N passed, N failed" last. --explore prints what each
frame did instead of checking it.
"""
import ctypes
import errno
import fcntl
import os
import random
import socket
import struct
import sys
import time

PROFILE, MAC0, MAC1 = sys.argv[1], sys.argv[2], sys.argv[3]
EXPLORE = "--explore" in sys.argv[4:]
DEV0, DEV1 = "ncsim0", "ncsim1"
IP4 = (socket.inet_aton("198.18.0.1"), socket.inet_aton("198.18.0.2"))
IP6 = (socket.inet_pton(socket.AF_INET6, "2001:2::1"),
       socket.inet_pton(socket.AF_INET6, "2001:2::2"))
SPORT, DPORT = 40000, 9

# --- ethtool -S through SIOCETHTOOL -------------------------------------

SIOCETHTOOL = 0x8946
ETHTOOL_GSSET_INFO, ETHTOOL_GSTRINGS, ETHTOOL_GSTATS = 0x37, 0x1B, 0x1D
ETH_SS_STATS = 1
CLONE_NEWNET = 0x40000000
SOL_PACKET, PACKET_VNET_HDR = 263, 15


def ethtool(sock, dev, buf):
    ifr = struct.pack("16sP", dev.encode(), ctypes.addressof(buf))
    fcntl.ioctl(sock.fileno(), SIOCETHTOOL, ifr + bytes(40 - len(ifr)))


class Stats:
    """ethtool -S of one port, through a socket in the port's netns."""

    def __init__(self, sock, dev):
        self.sock, self.dev = sock, dev
        info = ctypes.create_string_buffer(struct.pack(
            "IIQI", ETHTOOL_GSSET_INFO, 0, 1 << ETH_SS_STATS, 0))
        ethtool(sock, dev, info)
        self.n = struct.unpack_from("I", info, 16)[0]
        strs = ctypes.create_string_buffer(
            struct.pack("III", ETHTOOL_GSTRINGS, ETH_SS_STATS, 0) +
            bytes(32 * self.n))
        ethtool(sock, dev, strs)
        self.names = [strs.raw[12 + 32 * i:12 + 32 * (i + 1)].split(b"\0")[0]
                      .decode() for i in range(self.n)]

    def read(self):
        buf = ctypes.create_string_buffer(
            struct.pack("II", ETHTOOL_GSTATS, self.n) + bytes(8 * self.n))
        ethtool(self.sock, self.dev, buf)
        vals = struct.unpack_from("%dQ" % self.n, buf, 8)
        return dict(zip(self.names, vals))


def socket_in_netns(path):
    libc = ctypes.CDLL(None, use_errno=True)
    own = os.open("/proc/self/ns/net", os.O_RDONLY)
    other = os.open(path, os.O_RDONLY)
    try:
        if libc.setns(other, CLONE_NEWNET):
            raise OSError(ctypes.get_errno(), "setns " + path)
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    finally:
        libc.setns(own, CLONE_NEWNET)
        os.close(own)
        os.close(other)
    return s


# --- frames ---------------------------------------------------------------

def csum16(data, start=0):
    if len(data) % 2:
        data += b"\0"
    s = start + sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return s


def fold(s):
    return ~s & 0xFFFF


def eth(etype, tags=()):
    h = bytes.fromhex(MAC1.replace(":", "")) + bytes.fromhex(MAC0.replace(":", ""))
    for tpid, tci in tags:
        h += struct.pack("!HH", tpid, tci)
    return h + struct.pack("!H", etype)


def ipv4(proto, payload, ihl=5, tot_len=None, opts=b"", frag=0):
    hl = ihl * 4
    if tot_len is None:
        tot_len = 20 + len(opts) + len(payload)
    h = struct.pack("!BBHHHBBH4s4s", 0x40 | ihl, 0, tot_len & 0xFFFF, 1,
                    frag, 64, proto, 0, IP4[0], IP4[1]) + opts
    c = fold(csum16(h[:min(hl, len(h))]))
    return h[:10] + struct.pack("!H", c) + h[12:] + payload


def ipv6(nexthdr, payload, plen=None):
    if plen is None:
        plen = len(payload)
    return struct.pack("!IHBB16s16s", 6 << 28, plen & 0xFFFF, nexthdr, 64,
                       IP6[0], IP6[1]) + payload


def pseudo(v6, proto, length):
    if v6:
        return csum16(IP6[0] + IP6[1] + struct.pack("!IxxxB", length, proto))
    # a 32-bit length, as the kernel's csum_tcpudp_magic() adds it
    return csum16(IP4[0] + IP4[1] + struct.pack("!xB", proto),
                  (length >> 16) + (length & 0xFFFF))


def tcp(payload=b"x" * 100, doff=5, v6=False, seed=False, flags=0x18):
    """A TCP segment: checksum right, or the pseudo-header seed (seed=True)."""
    h = struct.pack("!HHIIBBHHH", SPORT, DPORT, 1, 0, (doff & 0xF) << 4,
                    flags, 8192, 0, 0)
    seg = h + payload
    ps = pseudo(v6, 6, len(seg))
    c = (ps & 0xFFFF) if seed else fold(csum16(seg, ps))
    return seg[:16] + struct.pack("!H", c) + seg[18:]


def udp(payload=b"u" * 100, v6=False, seed=False, length=None, check=None):
    ulen = 8 + len(payload) if length is None else length
    seg = struct.pack("!HHHH", SPORT, DPORT, ulen & 0xFFFF, 0) + payload
    ps = pseudo(v6, 17, len(seg))
    if check is None:
        check = (ps & 0xFFFF) if seed else (fold(csum16(seg, ps)) or 0xFFFF)
    return seg[:6] + struct.pack("!H", check) + seg[8:]


def vnet(start, off, gso_type=0, gso_size=0, hdr_len=0, needs_csum=True):
    """struct virtio_net_hdr, little-endian (PACKET_VNET_HDR)."""
    return struct.pack("<BBHHHH", 1 if needs_csum else 0, gso_type, hdr_len,
                       gso_size, start, off)


GSO_TCPV4, GSO_UDP, GSO_TCPV6, GSO_UDP_L4, GSO_ECN = 1, 3, 4, 5, 0x80
E4, E6, E8021Q, E8021AD = 0x0800, 0x86DD, 0x8100, 0x88A8
L4_4, L4_6 = 14 + 20, 14 + 40
T4 = eth(E4) + ipv4(6, tcp())
U4 = eth(E4) + ipv4(17, udp())
T6 = eth(E6) + ipv6(6, tcp(v6=True))
U6 = eth(E6) + ipv6(17, udp(v6=True))


def tcp4_seed(payload=b"x" * 100, **kw):
    return eth(E4) + ipv4(6, tcp(payload, seed=True), **kw)


def tcp6_seed(payload=b"x" * 100):
    return eth(E6) + ipv6(6, tcp(payload, v6=True, seed=True))


def udp4_seed(payload=b"u" * 100, **kw):
    return eth(E4) + ipv4(17, udp(payload, seed=True), **kw)


def ext(nexthdr, hdrlen, body=None):
    """An IPv6 extension header (hop-by-hop, routing, destination)."""
    n = (hdrlen + 1) * 8
    if body is None:
        body = bytes([1, n - 4]) + bytes(n - 4) if n > 4 else b""
    return bytes([nexthdr, hdrlen]) + body[:n - 2]


# --- the cases ------------------------------------------------------------
#
# case(class, name, frame, virtio_net_hdr or None, expectation): the
# expectation is an errno name (refused at send()), (errno, counters) for
# a frame refused after it was counted, or the growth of the
# watched counters, every other one unchanged. Names hw_rx_* and rx_csum_*
# are ncsim1's, the others ncsim0's; tx_dropped is ncsim0's device counter
# (sysfs: netcx's drops and the stack's own). A value (lo, hi) is a range.
#
# The expectations follow from the profile (src/ncsim/profile.c), the
# header walk (src/lib/layout.c), the policy (src/core/policy.c), the
# counting (src/core/xmit.c, src/core/rx.c) and what 6.12 does first:
# virtio_net_hdr_to_skb() refuses what it can prove wrong (EINVAL); for a
# device with protocol-aware checksums (IP_CSUM/IPV6_CSUM: full, basic)
# skb_csum_hwoffload_help() sums IPv6 packets with extension headers and
# multi-tagged packets in software before netcx sees them; for one
# without TX checksums (none) it sums every CHECKSUM_PARTIAL packet; a GSO
# skb from PF_PACKET is SKB_GSO_DODGY, its headers checked by the stack's
# own GSO code, which segments it in software where the device cannot.

P = PROFILE
PA = P in ("full", "basic")	# protocol-aware TX checksum engine
GEN = P == "e1000"		# generic (csum_start/csum_offset) engine
NONE = P == "none"		# no TX or RX checksum at all
LSO4 = P in ("full", "e1000")	# hardware TCP/IPv4 segmentation
USO = P == "full"		# hardware UDP segmentation


def add(*ds):
    out = {}
    for d in ds:
        for k, v in d.items():
            out[k] = v if isinstance(v, tuple) else out.get(k, 0) + v
    return {k: v for k, v in out.items() if v}


def rx(v, n=1, v6=False, tag=False):
    """What ncsim1's engine and netcx_rx_csum() count for n frames whose
    transport checksum is v: ok, bad, or none (not verifiable)."""
    d = {"hw_rx_frames": n}
    if tag and P == "full":	# the only profile that strips tags
        d["hw_rx_vlan_strip"] = n
    if NONE:			# RX checksum inactive
        return add(d, {"rx_csum_inactive": n})
    if v == "none" or (GEN and v6):	# e1000 verifies TCP4/UDP4 only
        return add(d, {"rx_csum_not_checked": n})
    if v == "ok":
        return add(d, {"rx_csum_valid": n, "hw_rx_csum_ok": n})
    return add(d, {"rx_csum_invalid": n, "hw_rx_csum_bad": n})


def wire(v, n=1, v6=False, tag=False, desc=None):
    """n frames (desc descriptors) went over the wire, nothing offloaded."""
    return add({"hw_tx_packets": n if desc is None else desc,
                "hw_tx_frames": n}, rx(v, n, v6, tag))


def csum_hw(n=1, v6=False, read=True):
    """CHECKSUM_PARTIAL, the walk fine, the checksum at the TCP/UDP
    header: the hardware sums (none: the stack, counted unsupported).
    read: the engine read the frame (not longer than any MTU it has)."""
    if NONE:
        return {"tx_csum_sw": n, "tx_fallback_unsupported": n}
    d = {"tx_csum_hw": n}
    if read:
        d["hw_tx_l4_csum"] = n
        if PA and not v6:	# the IPv4 header too (IPV4_HDR kind on)
            d["hw_tx_ip_csum"] = n
    return d


def csum_other(reason="unknown_l4", n=1):
    """A checksum not at the walked TCP/UDP header: a protocol-aware
    engine cannot (software, counted), the generic one can."""
    if GEN:
        return {"tx_csum_hw": n, "hw_tx_l4_csum": n}
    return {"tx_csum_sw": n, "tx_fallback_" + reason: n}


def malformed(v="none", v6=False):
    """netcx_pkt_walk() fails: netcx_tx_prepare() drops it, counted; on
    none the stack has summed it already and it goes out as it is."""
    if NONE:
        return wire(v, v6=v6)
    return {"tx_offload_dropped": 1, "tx_fallback_malformed": 1,
            "tx_dropped": 1}


def stack_sums(v="none", v6=False):
    """A malformed packet the stack sums in software before netcx sees it
    (protocol-aware devices: IPv6 extension headers, two tags): sent as
    it is; the generic engine gets it CHECKSUM_PARTIAL: malformed."""
    return malformed(v, v6) if GEN else wire(v, v6=v6)


def gso_sw(kind, why, segs, v6=False, read=True):
    """Segmented by the stack at netcx's word (tx_lso_sw/tx_uso_sw), each
    segment's checksum then as csum_hw()."""
    d = {"tx_%s_sw" % kind: 1, "tx_fallback_" + why: 1}
    return add(d, csum_hw(segs, v6, read))


def lso_hw(segs, v="ok", tag=False):
    return add({"tx_lso_hw": 1, "tx_lso_hw_segs": segs, "hw_tx_lso": 1,
                "hw_tx_lso_segs": segs,
                "hw_tx_ip_csum": segs, "hw_tx_l4_csum": segs},
               wire(v, segs, desc=1, tag=tag))


def lso(segs):
    """A TCP/IPv4 GSO skb the stack passes on (DODGY, headers checked)."""
    if LSO4:
        return lso_hw(segs)
    return add(gso_sw("lso", "unsupported", segs), wire("ok", segs))


CASES = []


def case(cls, name, frame, vh, expect, dev=DEV0):
    CASES.append((cls, name, frame, vh, expect, dev))


def cut(frame, n):
    return frame[:n]


# Truncated headers. A frame shorter than 60 bytes goes out padded with
# zeros: the receiver sees the headers cut short, then zeros.
case("truncated", "IPv4 header cut at 10 bytes, plain",
     cut(U4, 14 + 10), None, wire("none"))
case("truncated", "IPv4 header cut at 10 bytes, NEEDS_CSUM", cut(U4, 14 + 10),
     vnet(L4_4, 6), "EINVAL")
case("truncated", "IPv6 header cut at 30 bytes, plain",
     cut(U6, 14 + 30), None, wire("none", v6=True))
case("truncated", "IPv6 header cut at 30 bytes, NEEDS_CSUM",
     cut(U6, 14 + 30), vnet(L4_6, 6), "EINVAL")
case("truncated", "TCP/IPv4 header 12 of 20 bytes, plain",
     eth(E4) + ipv4(6, tcp()[:12]), None, wire("none"))
case("truncated", "TCP/IPv4 header 18 of 20 bytes, NEEDS_CSUM (field inside)",
     eth(E4) + ipv4(6, tcp(seed=True)[:18]), vnet(L4_4, 16), malformed())
case("truncated", "TCP/IPv6 header 12 of 20 bytes, plain",
     eth(E6) + ipv6(6, tcp(v6=True)[:12]), None, wire("none", v6=True))
case("truncated", "TCP/IPv6 header 18 of 20 bytes, NEEDS_CSUM",
     eth(E6) + ipv6(6, tcp(v6=True, seed=True)[:18]), vnet(L4_6, 16),
     malformed(v6=True))
case("truncated", "UDP/IPv4 header 6 of 8 bytes, plain",
     eth(E4) + ipv4(17, udp()[:6]), None, wire("none"))
case("truncated", "UDP/IPv4 header 6 of 8 bytes, NEEDS_CSUM",
     eth(E4) + ipv4(17, udp()[:6]), vnet(L4_4, 6), "EINVAL")
case("truncated", "UDP/IPv6 header 6 of 8 bytes, plain",
     eth(E6) + ipv6(17, udp(v6=True)[:6]), None, wire("none", v6=True))
case("truncated", "Ethernet header only (IPv4 type), plain",
     eth(E4), None, wire("none"))
case("truncated", "10 bytes: less than an Ethernet header",
     eth(E4)[:10], None, "EINVAL")

# Lengths that lie.
case("lengths", "IPv4 tot_len 400 > frame, plain",
     eth(E4) + ipv4(17, udp(), tot_len=400), None, wire("none"))
case("lengths", "IPv4 tot_len 400 > frame, NEEDS_CSUM",
     udp4_seed(tot_len=400), vnet(L4_4, 6), malformed())
case("lengths", "IPv4 tot_len 10 < its header, NEEDS_CSUM",
     udp4_seed(tot_len=10), vnet(L4_4, 6), malformed())
# bytes after the IP packet are Ethernet padding to the walk; the engine
# sums to the end of the frame, the receiver to tot_len: a bad checksum
case("lengths", "IPv4 tot_len 28 < frame (100 bytes after it), NEEDS_CSUM",
     udp4_seed(tot_len=28), vnet(L4_4, 6), add(csum_hw(), wire("bad")))
case("lengths", "IPv4 tot_len 28 < frame (100 bytes after it), plain",
     eth(E4) + ipv4(17, udp(), tot_len=28), None, wire("bad"))
case("lengths", "IPv4 IHL 15: the UDP header taken for options, plain",
     eth(E4) + ipv4(17, udp(), ihl=15), None, wire("bad"))
case("lengths", "IPv4 IHL 15: the UDP header taken for options, NEEDS_CSUM",
     udp4_seed(ihl=15), vnet(L4_4, 6), add(csum_other(), wire("bad")))
case("lengths", "IPv4 IHL 15 > tot_len 40, plain",
     udp4_seed(ihl=15, tot_len=40), None, wire("none"))
case("lengths", "IPv4 IHL 15 > tot_len 40, NEEDS_CSUM",
     udp4_seed(ihl=15, tot_len=40), vnet(L4_4, 6), malformed())
case("lengths", "IPv4 IHL 3 < 5, NEEDS_CSUM",
     udp4_seed(ihl=3), vnet(L4_4, 6), malformed())
case("lengths", "IPv4 version 6 under EtherType IPv4, NEEDS_CSUM",
     eth(E4) + ipv6(17, udp(v6=True, seed=True)), vnet(L4_6, 6), malformed())
# the receive engine sums TCP without reading doff; the stack drops it
case("lengths", "TCP doff 15 past the end, plain",
     eth(E4) + ipv4(6, tcp(doff=15)), None, wire("ok"))
case("lengths", "TCP doff 15 past the end, NEEDS_CSUM",
     eth(E4) + ipv4(6, tcp(b"x" * 20, doff=15, seed=True)), vnet(L4_4, 16),
     malformed())
case("lengths", "TCP doff 2 < 5, NEEDS_CSUM",
     eth(E4) + ipv4(6, tcp(doff=2, seed=True)), vnet(L4_4, 16), malformed())
# the UDP length is not the walk's business: summed over the IP payload
case("lengths", "UDP length 1000 > datagram, NEEDS_CSUM",
     eth(E4) + ipv4(17, udp(length=1000, seed=True)), vnet(L4_4, 6),
     add(csum_hw(), wire("ok")))
case("lengths", "UDP length 4 < its header, NEEDS_CSUM",
     eth(E4) + ipv4(17, udp(length=4, seed=True)), vnet(L4_4, 6),
     add(csum_hw(), wire("ok")))
case("lengths", "UDP length 1000 > datagram, plain",
     eth(E4) + ipv4(17, udp(length=1000)), None, wire("ok"))
case("lengths", "IPv6 payload_len 1000 > frame, plain",
     eth(E6) + ipv6(17, udp(v6=True), plen=1000), None, wire("none", v6=True))
case("lengths", "IPv6 payload_len 1000 > frame, NEEDS_CSUM",
     eth(E6) + ipv6(17, udp(v6=True, seed=True), plen=1000), vnet(L4_6, 6),
     malformed(v6=True))
case("lengths", "UDP/IPv6 checksum 0 (forbidden), plain",
     eth(E6) + ipv6(17, udp(v6=True, check=0)), None, wire("bad", v6=True))
case("lengths", "frame longer than the MTU, plain",
     eth(E4) + ipv4(17, udp(b"u" * 1600)), None, "EMSGSIZE")

# IPv6 extension header chains that run off the packet.
case("ipv6-ext", "hop-by-hop claims 48 bytes, 8 there, plain",
     eth(E6) + ipv6(0, ext(17, 5)[:8]), None, wire("none", v6=True))
case("ipv6-ext", "hop-by-hop claims 48 bytes, 20 there, NEEDS_CSUM",
     eth(E6) + ipv6(0, ext(17, 5)[:8] + udp(b"u" * 4, v6=True, seed=True)),
     vnet(L4_6 + 8, 6), stack_sums(v6=True))
case("ipv6-ext", "hop-by-hop of 48 bytes eats the UDP header, NEEDS_CSUM",
     eth(E6) + ipv6(0, ext(17, 5)[:8] + udp(v6=True, seed=True)),
     vnet(L4_6 + 8, 6), add(csum_other(), wire("bad", v6=True)))
case("ipv6-ext", "hop-by-hop, routing, destination: chain past payload_len, NEEDS_CSUM",
     eth(E6) + ipv6(0, ext(43, 0) + ext(60, 0) + ext(17, 2)[:8] +
                    udp(v6=True, seed=True), plen=24),
     vnet(L4_6 + 24, 6), stack_sums(v6=True))
case("ipv6-ext", "hop-by-hop then no next header, NEEDS_CSUM",
     eth(E6) + ipv6(0, ext(59, 0) + udp(v6=True, seed=True)),
     vnet(L4_6 + 8, 6), stack_sums(v6=True))
case("ipv6-ext", "routing header, 255 segments left, 8 bytes, plain",
     eth(E6) + ipv6(43, bytes([17, 0, 0, 255, 0, 0, 0, 0]) + udp(v6=True)),
     None, wire("ok", v6=True))
case("ipv6-ext", "fragment header (MF) then UDP, NEEDS_CSUM",
     eth(E6) + ipv6(44, struct.pack("!BBHI", 17, 0, 1, 7) +
                    udp(v6=True, seed=True)), vnet(L4_6 + 8, 6),
     add(csum_other(), wire("none", v6=True)))
case("ipv6-ext", "destination options chain of 8 headers ending off the packet, plain",
     eth(E6) + ipv6(60, b"".join(ext(60, 0) for _ in range(8)) +
                    bytes([60, 40])), None, wire("none", v6=True))

# 802.1Q / QinQ tags with nothing behind them.
case("tags", "802.1Q tag, IPv4 type, nothing behind, plain",
     eth(E4, [(E8021Q, 5)]), None, wire("none", tag=True))
case("tags", "QinQ (802.1ad + 802.1Q), IPv6 type, nothing behind, plain",
     eth(E6, [(E8021AD, 5), (E8021Q, 6)]), None, wire("none"))
case("tags", "three tags, nothing behind, plain",
     eth(E4, [(E8021AD, 1), (E8021Q, 2), (E8021Q, 3)]), None, wire("none"))
case("tags", "802.1Q tag, 12 bytes of IPv4 behind, NEEDS_CSUM",
     eth(E4, [(E8021Q, 5)]) + udp4_seed()[14:26], vnet(20, 6), malformed())
case("tags", "QinQ, IPv4 header cut at 16 bytes, NEEDS_CSUM",
     eth(E4, [(E8021AD, 5), (E8021Q, 6)]) + udp4_seed()[14:30],
     vnet(22, 6), stack_sums())
case("tags", "802.1Q tag, UDP/IPv4 tot_len past the end, NEEDS_CSUM",
     eth(E4, [(E8021Q, 5)]) + ipv4(17, udp(seed=True), tot_len=600),
     vnet(L4_4 + 4, 6), malformed())

# GSO through PACKET_VNET_HDR: nonsense gso_size, gso_type, csum fields.
PAY = b"g" * 1000
G4 = tcp4_seed(PAY)
G6 = tcp6_seed(PAY)
GU4 = udp4_seed(PAY)
BIG = tcp4_seed(b"g" * 60000)
case("gso", "TCPV4 gso_size 0", G4, vnet(L4_4, 16, GSO_TCPV4, 0), "EINVAL")
case("gso", "TCPV4 gso_size 1 (raised to 8: 125 segments)", G4,
     vnet(L4_4, 16, GSO_TCPV4, 1), lso(125))
case("gso", "UDP_L4 gso_size 1 (1000 segments > 128)", GU4,
     vnet(L4_4, 6, GSO_UDP_L4, 1), "EINVAL")
case("gso", "UDP_L4 gso_size 1, 100 bytes (100 segments)", udp4_seed(),
     vnet(L4_4, 6, GSO_UDP_L4, 1),
     add({"tx_uso_hw": 1, "tx_uso_hw_segs": 100, "hw_tx_uso": 1,
          "hw_tx_uso_segs": 100,
          "hw_tx_ip_csum": 100, "hw_tx_l4_csum": 100}, wire("ok", 100, desc=1))
     if USO else add(gso_sw("uso", "unsupported", 100), wire("ok", 100)))
case("gso", "TCPV4 gso_size 2000 > payload (not GSO)", G4,
     vnet(L4_4, 16, GSO_TCPV4, 2000), add(csum_hw(), wire("ok")))
# not GSO, so no MTU check at send(): dropped on the wire (basic's MAC
# drops a frame longer than any MTU before reading it)
case("gso", "TCPV4 gso_size 4000 > payload, frame 3054 > MTU",
     tcp4_seed(b"g" * 3000), vnet(L4_4, 16, GSO_TCPV4, 4000),
     add(csum_hw(read=P != "basic"),
         {"hw_tx_packets": 1, "hw_wire_mtu_drops": 1}))
case("gso", "TCPV4 gso_size 2000 > MTU, 2 segments of 2054 bytes",
     tcp4_seed(b"g" * 4000), vnet(L4_4, 16, GSO_TCPV4, 2000),
     {"tx_lso_hw": 1, "tx_lso_hw_segs": 2, "hw_tx_lso": 1,
      "hw_tx_lso_segs": 2, "hw_tx_packets": 1, "hw_wire_mtu_drops": 2}
     if LSO4 else
     add(gso_sw("lso", "unsupported", 2, read=False),
         {"hw_tx_packets": 2, "hw_wire_mtu_drops": 2}))
# one descriptor of 7500 frames: more than the far end's ring, which
# takes what it can (flow control cannot wait for room that never comes)
case("gso", "TCPV4 gso_size 1 on 60000 bytes (7500 segments)", BIG,
     vnet(L4_4, 16, GSO_TCPV4, 1),
     add({"tx_lso_hw": 1, "tx_lso_hw_segs": 7500, "hw_tx_lso": 1,
          "hw_tx_lso_segs": 7500,
          "hw_tx_ip_csum": 7500, "hw_tx_l4_csum": 7500, "hw_tx_packets": 1,
          "hw_tx_frames": 7500},
         {"hw_rx_frames": (1, 7500), "hw_rx_ring_full": (0, 7499),
          "rx_csum_valid": (1, 7500), "hw_rx_csum_ok": (1, 7500)})
     if LSO4 else add(gso_sw("lso", "unsupported", 7500), wire("ok", 7500)))
case("gso", "TCPV4 70000 bytes, gso_size 1448 (over 64 KiB)",
     tcp4_seed(b"g" * 70000, tot_len=0), vnet(L4_4, 16, GSO_TCPV4, 1448),
     add(gso_sw("lso", "too_large" if LSO4 else "unsupported", 49),
         wire("ok", 49)))
case("gso", "TCPV4 gso_size 65535 (GSO_BY_FRAGS)", G4,
     vnet(L4_4, 16, GSO_TCPV4, 65535), "EINVAL")
case("gso", "TCPV4 gso_size 65534, payload 1000", G4,
     vnet(L4_4, 16, GSO_TCPV4, 65534), add(csum_hw(), wire("ok")))
# a GSO type that is not the headers': handed to the stack, whose own
# segmentation refuses it and drops it (tx_dropped); what netcx counted
# for the segments (tx_csum_sw where their checksum is not the walked
# header's) never reached the wire
case("gso", "TCPV4 on a TCP/IPv6 packet", G6,
     vnet(L4_6, 16, GSO_TCPV4, 500),
     add({"tx_lso_sw": 1, "tx_fallback_unknown_l4": 1, "tx_dropped": 1},
         csum_hw(2, v6=True) if NONE else {}))
case("gso", "TCPV6 on a TCP/IPv4 packet", G4,
     vnet(L4_4, 16, GSO_TCPV6, 500), "EINVAL")
case("gso", "TCPV4 on a UDP/IPv4 packet (csum_offset 16)",
     udp4_seed(PAY), vnet(L4_4, 16, GSO_TCPV4, 500),
     add({"tx_lso_sw": 1, "tx_fallback_unknown_l4": 1, "tx_dropped": 1},
         {} if GEN else {"tx_csum_sw": 2, "tx_fallback_unknown_l4": 2}))
case("gso", "TCPV4 on a UDP/IPv4 packet (csum_offset 6)",
     udp4_seed(PAY), vnet(L4_4, 6, GSO_TCPV4, 500), "EINVAL")
case("gso", "UDP_L4 on a TCP/IPv4 packet (csum_offset 6)", G4,
     vnet(L4_4, 6, GSO_UDP_L4, 500),
     add({"tx_uso_sw": 1, "tx_fallback_unknown_l4": 1, "tx_dropped": 1},
         {} if GEN else {"tx_csum_sw": 2, "tx_fallback_unknown_l4": 2}))
# UFO: IP fragments made and summed by the stack, not netcx's business
case("gso", "UDP (UFO) on a UDP/IPv4 packet", GU4,
     vnet(L4_4, 6, GSO_UDP, 500), wire("none", 3))
case("gso", "TCPV4|ECN with CWR",
     eth(E4) + ipv4(6, tcp(PAY, seed=True, flags=0x98)),
     vnet(L4_4, 16, GSO_TCPV4 | GSO_ECN, 500),
     add(gso_sw("lso", "inactive" if LSO4 else "unsupported", 2),
         wire("ok", 2)))
# tcp4_gso_segment() makes it CHECKSUM_PARTIAL; segmented in software
# where the device has no TSO, without netcx's word
case("gso", "TCPV4 without NEEDS_CSUM", G4,
     vnet(0, 0, GSO_TCPV4, 500, needs_csum=False),
     lso_hw(2) if LSO4 else add({} if NONE else csum_hw(2), wire("ok", 2)))
# with TSO the stack passes it on and netcx drops it; without, the
# stack's software GSO rewrites the lengths and the segments are fine
case("gso", "TCPV4, IPv4 tot_len past the end", tcp4_seed(PAY, tot_len=3000),
     vnet(L4_4, 16, GSO_TCPV4, 500),
     malformed() if LSO4 else add({} if NONE else csum_hw(2), wire("ok", 2)))
# past virtio_net_hdr_to_skb(), refused by the stack's own GSO code on
# the way to the device (validate_xmit_skb(): the device's tx_dropped),
# whose error send() returns
case("gso", "TCPV4, doff 15 past the payload",
     eth(E4) + ipv4(6, tcp(b"g" * 30, doff=15, seed=True)),
     vnet(L4_4, 16, GSO_TCPV4, 8), ("EINVAL", {"tx_dropped": 1}))
case("csum-fields", "csum_start 2000 past the packet", U4, vnet(2000, 6), "EINVAL")
case("csum-fields", "csum_offset 65535", U4, vnet(L4_4, 65535), "EINVAL")
case("csum-fields", "csum_start 10, in the Ethernet header", U4, vnet(10, 6), "EINVAL")
case("csum-fields", "csum_start 20, in the IPv4 header", U4, vnet(20, 6),
     add(csum_other(), wire("bad")))
case("csum-fields", "checksum field the last 2 bytes", U4, vnet(len(U4) - 2, 0),
     add(csum_other(), wire("bad")))
case("csum-fields", "csum_start at the TCP header, csum_offset 0 (a port)", T4,
     vnet(L4_4, 0), add(csum_other(), wire("bad")))
case("csum-fields", "hdr_len 5000 > packet", U4, vnet(L4_4, 6, hdr_len=5000), "EINVAL")

# Out-of-band tags: the same kind of frames through VLAN devices on ncsim0
# (ncsim0.5: 802.1Q id 5; ncsim0.ad: 802.1ad id 7), which hand ncsim0 skbs
# with the tag in skb->vlan_tci; without hardware tag insertion the stack
# pushes it into the packet (netcx counted tx_vlan_sw), and every offset
# after it moves by 4.
VQ, VAD = "ncsim0.5", "ncsim0.ad"


def tag(ad=False, n=1, frames=None):
    """n skbs with an out-of-band tag: inserted by the hardware (full,
    802.1Q: one per frame), or pushed by the stack, counted unsupported."""
    if P == "full" and not ad:
        return {"tx_vlan_hw": n, "hw_tx_vlan_insert": frames or n}
    return {"tx_vlan_sw": n, "tx_fallback_unsupported": n}


# Without TX checksums (none) the VLAN device itself sums and segments:
# ncsim0 gets tagged packets that ask for nothing but the tag.
case("vlan-dev", "802.1Q: UDP/IPv4, NEEDS_CSUM", udp4_seed(), vnet(L4_4, 6),
     add(tag(), {} if NONE else csum_hw(), wire("ok", tag=True)), VQ)
case("vlan-dev", "802.1Q: UDP/IPv4 tot_len 400 > frame, NEEDS_CSUM",
     udp4_seed(tot_len=400), vnet(L4_4, 6),
     add(tag(), wire("none", tag=True)) if NONE else malformed(), VQ)
case("vlan-dev", "802.1Q: TCP/IPv6 header 18 of 20 bytes, NEEDS_CSUM",
     eth(E6) + ipv6(6, tcp(v6=True, seed=True)[:18]), vnet(L4_6, 16),
     add(tag(), wire("none", v6=True, tag=True)) if NONE else
     malformed(v6=True), VQ)
case("vlan-dev", "802.1Q: IPv4 header cut at 10 bytes, plain",
     cut(U4, 14 + 10), None, add(tag(), wire("none", tag=True)), VQ)
case("vlan-dev", "802.1Q: Ethernet header only, plain", eth(E4), None,
     add(tag(), wire("none", tag=True)), VQ)
# two tags: only a generic engine may sum (multi_tag, as the stack's
# vlan_features_check())
case("vlan-dev", "802.1Q over an in-band 802.1Q tag: UDP/IPv4, NEEDS_CSUM",
     eth(E4, [(E8021Q, 9)]) + udp4_seed()[14:], vnet(L4_4 + 4, 6),
     add(tag(), {} if NONE else csum_hw() if GEN else
         {"tx_csum_sw": 1, "tx_fallback_multi_tag": 1},
         wire("ok", tag=True)), VQ)
case("vlan-dev", "802.1Q over an in-band tag with nothing behind, plain",
     eth(E4, [(E8021Q, 9)]), None, add(tag(), wire("none", tag=True)), VQ)
case("vlan-dev", "802.1Q: TCPV4 GSO, gso_size 500", G4,
     vnet(L4_4, 16, GSO_TCPV4, 500),
     add(tag(frames=2), lso_hw(2, tag=True)) if LSO4 else
     add(tag(n=2), wire("ok", 2, tag=True)) if NONE else
     add(tag(), gso_sw("lso", "unsupported", 2), wire("ok", 2, tag=True)), VQ)
case("vlan-dev", "802.1Q: TCPV4 GSO, IPv4 tot_len past the end",
     tcp4_seed(PAY, tot_len=3000), vnet(L4_4, 16, GSO_TCPV4, 500),
     malformed() if LSO4 else
     add(tag(n=2), wire("ok", 2, tag=True)) if NONE else
     add(csum_hw(2), wire("ok", 2, tag=True)), VQ)
# refused by the VLAN device's own GSO code: its drop, and send()'s error
case("vlan-dev", "802.1Q: UDP_L4 on a TCP/IPv4 packet", G4,
     vnet(L4_4, 6, GSO_UDP_L4, 500), "ENOMEM", VQ)
case("vlan-dev", "802.1ad: UDP/IPv4, NEEDS_CSUM", udp4_seed(), vnet(L4_4, 6),
     add(tag(ad=True), {} if NONE else csum_hw(), wire("ok")), VAD)
case("vlan-dev", "802.1ad: IPv6 payload_len 1000 > frame, NEEDS_CSUM",
     eth(E6) + ipv6(17, udp(v6=True, seed=True), plen=1000), vnet(L4_6, 6),
     add(tag(ad=True), wire("none", v6=True)) if NONE else
     malformed(v6=True), VAD)
case("vlan-dev", "802.1ad: TCPV4 GSO, gso_size 1", G4,
     vnet(L4_4, 16, GSO_TCPV4, 1),
     add(tag(ad=True), lso_hw(125)) if LSO4 else
     add(tag(ad=True, n=125), wire("ok", 125)) if NONE else
     add(tag(ad=True), gso_sw("lso", "unsupported", 125), wire("ok", 125)),
     VAD)

# --- running them -------------------------------------------------------

def tx_dropped():
    with open("/sys/class/net/%s/statistics/tx_dropped" % DEV0) as f:
        return int(f.read())


def snapshot(s0, s1):
    d = {}
    for k, v in s0.read().items():
        d["0:" + k] = v
    for k, v in s1.read().items():
        d["1:" + k] = v
    d["0:tx_dropped"] = tx_dropped()
    return d


def settle(s0, s1):
    """Reads until nothing changes for 0.2 s (5 s at most)."""
    t0 = time.monotonic()
    last = snapshot(s0, s1)
    stable = 0
    while time.monotonic() - t0 < 5:
        time.sleep(0.05)
        cur = snapshot(s0, s1)
        stable = stable + 1 if cur == last else 0
        last = cur
        if stable >= 4:
            break
    return last


def watched(name):
    side, n = name.split(":", 1)
    if n.endswith("_bytes") or n == "hw_tx_paused":	# sizes, timing
        return False
    if side == "0":
        return n.startswith(("tx_csum", "tx_lso", "tx_uso", "tx_vlan",
                             "tx_fallback_", "tx_offload_", "hw_tx_",
                             "hw_wire_", "hw_caps_")) or \
            n in ("tx_dropped", "tx_ring_full")
    return n.startswith(("hw_rx_", "rx_csum_"))


def growth(before, after):
    g = {}
    for k, v in after.items():
        if watched(k) and v != before.get(k, 0):
            side, n = k.split(":", 1)
            g[n] = v - before.get(k, 0)
    return g


FUZZ_SEED = int(os.environ.get("NETCX_FUZZ_SEED", "20261201"))
FUZZ_N = 500
BASES = [
    T4, U4, T6, U6,
    eth(E4, [(E8021Q, 5)]) + T4[14:],
    eth(E6, [(E8021AD, 5), (E8021Q, 6)]) + U6[14:],
    eth(E6) + ipv6(0, ext(17, 0) + udp(v6=True)),
    eth(E6) + ipv6(43, ext(60, 2) + ext(6, 0) + tcp(v6=True)),
    eth(E4) + ipv4(6, tcp(), ihl=6, opts=bytes([1, 1, 1, 0])),
]


def mutate(rng, f):
    f = bytearray(f)
    for _ in range(rng.randint(1, 4)):
        what = rng.randrange(3)
        if what == 0:	# a byte of a header
            f[rng.randrange(12, min(len(f), 90))] = rng.randrange(256)
        elif what == 1:	# a 16-bit field, a length maybe
            at = rng.randrange(12, min(len(f), 90) - 1)
            f[at:at + 2] = struct.pack("!H", rng.choice(
                [0, 1, 4, 8, 20, 40, 60, 0xFFFF, rng.randrange(65536)]))
        else:		# cut short
            del f[rng.randint(14, len(f)):]
    return bytes(f)


def fuzz(s0, s1, plain, vsock):
    """Mutated frames, plain then with random virtio_net_hdrs: invariants."""
    rng = random.Random(FUZZ_SEED)
    res = []
    for kind in ("plain", "vnet"):
        before = settle(s0, s1)
        sent_ok, errs = 0, {}
        for _ in range(FUZZ_N):
            f = mutate(rng, rng.choice(BASES))
            try:
                if kind == "plain":
                    plain.sendto(f, (DEV0, 0))
                else:
                    # mostly what virtio_net_hdr_to_skb() lets through
                    vh = vnet(rng.choice([34, 38, 42, 54, 58, 62, 20,
                                          rng.randrange(20, len(f) + 8),
                                          rng.randrange(len(f) + 8)]),
                              rng.choice([6, 16, 6, 16, 0,
                                          rng.randrange(64), 65535]),
                              rng.choice([0, 0, 0, GSO_TCPV4, GSO_TCPV4,
                                          GSO_TCPV6, GSO_UDP, GSO_UDP_L4,
                                          GSO_UDP_L4, GSO_TCPV4 | GSO_ECN,
                                          rng.randrange(256)]),
                              rng.choice([0, 1, 8, 9, 100, 500, 1400, 65535,
                                          rng.randrange(65536)]),
                              rng.choice([0, 0, rng.randrange(len(f) + 16)]),
                              needs_csum=rng.random() < 0.85)
                    vsock.sendto(vh + f, (DEV0, 0))
                sent_ok += 1
            except OSError as e:
                n = errno.errorcode.get(e.errno, str(e.errno))
                errs[n] = errs.get(n, 0) + 1
        after = settle(s0, s1)
        g = growth(before, after)
        rx = sum(g.get(n, 0) for n in ("rx_csum_valid", "rx_csum_invalid",
                                        "rx_csum_not_checked",
                                        "rx_csum_inactive"))
        what = "%s: fuzz: %d mutated frames, %s (seed %d): sent %d, refused %r" % (
            PROFILE, FUZZ_N, kind, FUZZ_SEED, sent_ok, errs)
        print("# %s -> %r" % (what, g))
        checks = [
            ("refused only with EINVAL or EMSGSIZE",
             not set(errs) - {"EINVAL", "EMSGSIZE"}),
            ("no hw_caps_violation, no hw_tx_desc_errors",
             not g.get("hw_caps_violation") and not g.get("hw_tx_desc_errors")),
            ("netcx_rx_csum() counted each frame ncsim1 received once",
             rx == g.get("hw_rx_frames", 0)),
            ("netcx's rx_csum_valid/invalid agree with the engine's hw_rx_csum_ok/bad",
             g.get("rx_csum_valid", 0) == g.get("hw_rx_csum_ok", 0) and
             g.get("rx_csum_invalid", 0) == g.get("hw_rx_csum_bad", 0)),
            ("tx_offload_dropped counts every tx_fallback_malformed",
             g.get("tx_offload_dropped", 0) >= g.get("tx_fallback_malformed", 0)),
            ("the tx_fallback_* reasons add up to tx_csum_sw + tx_lso_sw + tx_uso_sw + tx_vlan_sw",
             sum(v for n, v in g.items() if n.startswith("tx_fallback_") and
                 n != "tx_fallback_malformed") ==
             sum(g.get(n, 0) for n in ("tx_csum_sw", "tx_lso_sw",
                                       "tx_uso_sw", "tx_vlan_sw"))),
        ]
        if kind == "plain":
            checks.append(("every plain frame sent reached ncsim1",
                           g.get("hw_rx_frames", 0) == sent_ok and
                           g.get("hw_tx_packets", 0) == sent_ok))
        for name, ok in checks:
            res.append((ok, "%s: %s" % (what, name)))
    return res


def matches(got, expect):
    for k in set(got) | set(expect):
        want, g = expect.get(k, 0), got.get(k, 0)
        if isinstance(want, tuple):
            if not want[0] <= g <= want[1]:
                return False
        elif g != want:
            return False
    return True


def main():
    s0 = Stats(socket.socket(socket.AF_INET, socket.SOCK_DGRAM), DEV0)
    s1 = Stats(socket_in_netns("/run/netns/b"), DEV1)
    plain = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, 0)
    vsock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, 0)
    vsock.setsockopt(SOL_PACKET, PACKET_VNET_HDR, 1)
    npass = nfail = 0
    for cls, name, frame, vh, expect, dev in CASES:
        if isinstance(expect, dict) and "*" in expect:
            expect = expect.get(PROFILE, expect["*"])
        what = "%s: %s: %s" % (PROFILE, cls, name)
        before = settle(s0, s1)
        err = None
        try:
            if vh is None:
                plain.sendto(frame, (dev, 0))
            else:
                vsock.sendto(vh + frame, (dev, 0))
        except OSError as e:
            err = errno.errorcode.get(e.errno, str(e.errno))
        after = settle(s0, s1)
        got = growth(before, after)
        seen = err if err else got
        if EXPLORE:
            print("# %s -> %r" % (what, seen))
            continue
        if isinstance(expect, tuple):	# refused, and counted
            ok = err == expect[0] and matches(got, expect[1])
            want = "refused with %s, counters %r" % expect
        elif isinstance(expect, str):
            ok = err == expect and not got
            want = "refused with %s" % expect
        else:
            ok = err is None and matches(got, expect)
            want = repr(expect)
        if ok:
            npass += 1
            print("ok - %s: %s" % (what, want if err else "counters %r" % got))
        else:
            nfail += 1
            print("not ok - %s: expected %s, got %r%s" % (
                what, want, seen, " and %r" % got if err and got else ""))
    for ok, what in fuzz(s0, s1, plain, vsock):
        if ok:
            npass += 1
        else:
            nfail += 1
        print("%s - %s" % ("ok" if ok else "not ok", what))
    print("badinput: %d passed, %d failed" % (npass, nfail))
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main())
