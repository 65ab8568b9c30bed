#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""A file over UDP, sent with UDP_SEGMENT (USO), for the ncsim guest suites.

    udp.py recv PORT OUT             write what arrives to OUT, in order
    udp.py send ADDR PORT FILE GSO   send FILE in GSO-byte datagrams, up
                                     to 32 per send() (GSO 0: no USO,
                                     1400-byte datagrams one at a time)

Each datagram carries a 4-byte sequence number and the file's next bytes;
three datagrams without payload end the transfer. recv stops at the end,
or after 10 s without a datagram, writes the payloads in sequence order,
and exits 1 when some are missing.
"""
import socket
import struct
import sys

UDP_SEGMENT = 103
END = 0xFFFFFFFF


def family(addr):
    return socket.AF_INET6 if ":" in addr else socket.AF_INET


def recv(port, out):
    got = {}
    last = -1
    with socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as s:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        # SO_RCVBUFFORCE (33): room for the whole file, as root
        s.setsockopt(socket.SOL_SOCKET, getattr(socket, "SO_RCVBUFFORCE", 33),
                     32 << 20)
        s.bind(("::", port))
        s.settimeout(10.0)
        while True:
            try:
                data = s.recv(65536)
            except socket.timeout:
                break
            (seq,) = struct.unpack("!I", data[:4])
            if seq == END:
                last = struct.unpack("!I", data[4:8])[0]
                break
            got[seq] = data[4:]
    with open(out, "wb") as f:
        for seq in sorted(got):
            f.write(got[seq])
    missing = (last + 1 if last >= 0 else max(got, default=-1) + 1) - len(got)
    print("%d datagrams received, %d missing" % (len(got), missing))
    return 0 if last >= 0 and missing == 0 else 1


def send(addr, port, path, gso):
    size = gso or 1400
    payload = size - 4
    with open(path, "rb") as f:
        data = f.read()
    grams = [struct.pack("!I", i) + data[off:off + payload]
             for i, off in enumerate(range(0, len(data), payload))]
    with socket.socket(family(addr), socket.SOCK_DGRAM) as s:
        s.connect((addr, port))
        if gso:
            s.setsockopt(socket.SOL_UDP, UDP_SEGMENT, gso)
        i = 0
        while i < len(grams):
            n = 1
            if gso:  # full-size datagrams together; a short one alone
                while (n < 32 and i + n < len(grams) and
                       len(grams[i + n]) == size and len(grams[i]) == size):
                    n += 1
            s.send(b"".join(grams[i:i + n]))
            i += n
        end = struct.pack("!II", END, len(grams) - 1)
        for _ in range(3):
            try:
                s.send(end)
            except ConnectionRefusedError:
                break  # the receiver had the first one and is gone
    print("%d datagrams sent" % len(grams))
    return 0


def main(argv):
    if len(argv) == 4 and argv[1] == "recv":
        return recv(int(argv[2]), argv[3])
    if len(argv) == 6 and argv[1] == "send":
        return send(argv[2], int(argv[3]), argv[4], int(argv[5]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
