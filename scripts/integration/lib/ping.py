#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""ICMP echo over IPv4 or IPv6 on a raw socket, for guests without ping(8).

    ping.py [-c COUNT] [-W SECONDS] [-s SIZE] ADDRESS

Prints a line per reply, as ping(8) does, and a summary; a reply counts only
when its identifier, sequence number and payload match the request. Exits 0
when every request was answered.
"""
import argparse
import os
import select
import socket
import struct
import sys
import time


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-c", type=int, default=3, dest="count")
    ap.add_argument("-W", type=float, default=2.0, dest="timeout")
    ap.add_argument("-s", type=int, default=56, dest="size")
    ap.add_argument("address")
    args = ap.parse_args()

    fam, _, _, _, sa = socket.getaddrinfo(args.address, None)[0]
    v6 = fam == socket.AF_INET6
    proto = socket.IPPROTO_ICMPV6 if v6 else socket.IPPROTO_ICMP
    sock = socket.socket(fam, socket.SOCK_RAW, proto)
    ident = os.getpid() & 0xFFFF
    request, reply = (128, 129) if v6 else (8, 0)
    payload = bytes((i * 7 + 3) & 0xFF for i in range(args.size))
    print("PING %s: %d data bytes" % (args.address, args.size))

    received = 0
    for seq in range(1, args.count + 1):
        hdr = struct.pack("!BBHHH", request, 0, 0, ident, seq)
        if not v6:  # the kernel sums ICMPv6 itself
            hdr = struct.pack("!BBHHH", request, 0,
                              checksum(hdr + payload), ident, seq)
        start = time.monotonic()
        sock.sendto(hdr + payload, sa)
        deadline = start + args.timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([sock], [], [], left)[0]:
                print("no reply for icmp_seq=%d" % seq)
                break
            data, src = sock.recvfrom(65535)
            if not v6:  # raw IPv4 sockets see the IP header
                data = data[(data[0] & 0xF) * 4:]
            typ, _, _, rid, rseq = struct.unpack("!BBHHH", data[:8])
            if (typ, rid, rseq) == (reply, ident, seq) and data[8:] == payload:
                ms = (time.monotonic() - start) * 1000
                print("%d bytes from %s: icmp_seq=%d time=%.2f ms"
                      % (len(data), src[0], seq, ms))
                received += 1
                break
        time.sleep(0.2)
    print("%d packets transmitted, %d received" % (args.count, received))
    return 0 if received == args.count else 1


if __name__ == "__main__":
    sys.exit(main())
