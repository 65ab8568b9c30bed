#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Transfers checked end to end, shaped as the traffic matrix needs.

    xfer.py serve PORT          receive on TCP and UDP PORT (IPv4 and IPv6)
                                until killed, and answer every transfer
                                with the SHA-256 of what arrived
    xfer.py send PROTO ADDR PORT SIZE SHAPE
                                send SIZE random bytes over PROTO (tcp or
                                udp: UDP_SEGMENT, 32 datagrams per send)
                                and compare the receiver's digest

SHAPE is "plain" or "l3opt": an IPv4 option (8 bytes of NOP,
IP_OPTIONS) or an IPv6 destination options header (8 bytes, PadN,
IPV6_DSTOPTS) on every packet of the flow. TCP options are the
timestamps the namespace's net.ipv4.tcp_timestamps asks for (the caller
sets it). Prints one line, "ok SIZE DIGEST" or "FAIL why", exits 0 or 1.

A UDP transfer is datagrams of a 12-byte header (transfer id, sequence
number, count) and payload; the receiver answers the datagram that says
"end" with "count missing digest" of the payloads in sequence order (when
some are missing, only the second "end": a datagram may come late), and
the sender repeats "end" every 0.5 s until the answer comes (5 s).
"""
import hashlib
import os
import socket
import struct
import sys
import threading

UDP_SEGMENT = 103
IPV6_DSTOPTS = 59
IP_OPTIONS = 4
END = 0xFFFFFFFF
HDR = struct.Struct("!III")
TIMEOUT = 60.0
# 8 bytes of IPv4 options: NOP NOP NOP NOP NOP NOP NOP EOL
IPV4_OPTS = b"\x01" * 7 + b"\x00"
# 8 bytes of IPv6 destination options: next header and length (the kernel
# fills them), then PadN over the remaining six bytes
IPV6_OPTS = b"\x00\x00\x01\x04\x00\x00\x00\x00"


def family(addr):
    return socket.AF_INET6 if ":" in addr else socket.AF_INET


def shape(s, fam, what):
    if what == "plain":
        return
    if what != "l3opt":
        raise ValueError("unknown shape %s" % what)
    if fam == socket.AF_INET:
        s.setsockopt(socket.IPPROTO_IP, IP_OPTIONS, IPV4_OPTS)
    else:
        s.setsockopt(socket.IPPROTO_IPV6, IPV6_DSTOPTS, IPV6_OPTS)


def recv_all(s):
    """What S receives up to the peer's FIN."""
    reply = b""
    while True:
        b = s.recv(256)
        if not b:
            return reply
        reply += b


def serve_tcp_conn(c, timeout=TIMEOUT):
    """Reads connection C (TIMEOUT at most between two reads) to its end
    and answers "BYTES DIGEST", the SHA-256 of what came; the digest code
    of xfer.py's and ecmatrix.py's receivers."""
    h = hashlib.sha256()
    n = 0
    with c:
        c.settimeout(timeout)
        try:
            while True:
                b = c.recv(1 << 16)
                if not b:
                    break
                h.update(b)
                n += len(b)
            c.sendall(b"%d %s\n" % (n, h.hexdigest().encode()))
        except OSError:
            pass


def serve_tcp(port):
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("::", port))
        s.listen(16)
        while True:
            c, _ = s.accept()
            threading.Thread(target=serve_tcp_conn, args=(c,),
                             daemon=True).start()


def serve_udp(port):
    flows = {}
    ended = set()
    with socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as s:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        s.setsockopt(socket.SOL_SOCKET, getattr(socket, "SO_RCVBUFFORCE", 33),
                     32 << 20)
        s.bind(("::", port))
        while True:
            data, peer = s.recvfrom(1 << 16)
            if len(data) < HDR.size:
                continue
            xid, seq, count = HDR.unpack_from(data)
            got = flows.setdefault(xid, {})
            if seq != END:
                got[seq] = data[HDR.size:]
                continue
            missing = sum(1 for i in range(count) if i not in got)
            # UDP may reorder: with rx-gro-list a short datagram overtakes
            # the ones GRO holds. The first "end" with datagrams missing
            # waits for the sender's next one, 0.5 s later.
            if missing and xid not in ended:
                ended.add(xid)
                continue
            h = hashlib.sha256()
            for i in range(count):
                h.update(got.get(i, b""))
            s.sendto(b"%d %d %s" % (count, missing, h.hexdigest().encode()),
                     peer)


def serve(port):
    threading.Thread(target=serve_udp, args=(port,), daemon=True).start()
    serve_tcp(port)


def send_tcp(addr, port, data, what):
    fam = family(addr)
    with socket.socket(fam, socket.SOCK_STREAM) as s:
        shape(s, fam, what)
        s.settimeout(TIMEOUT)
        s.connect((addr, port))
        s.sendall(data)
        s.shutdown(socket.SHUT_WR)
        # read to the receiver's FIN: closing before it would leave the
        # last ACK to the time-wait socket, which sends it without the
        # socket's IP options or extension headers
        reply = recv_all(s)
    n, digest = reply.split()
    return int(n), digest.decode(), 0


def send_udp(addr, port, data, what):
    fam = family(addr)
    size = 1400 if fam == socket.AF_INET else 1200
    payload = size - HDR.size
    xid = struct.unpack("!I", os.urandom(4))[0]
    chunks = [data[off:off + payload] for off in range(0, len(data), payload)]
    count = len(chunks)
    grams = [HDR.pack(xid, i, count) + c for i, c in enumerate(chunks)]
    with socket.socket(fam, socket.SOCK_DGRAM) as s:
        shape(s, fam, what)
        s.connect((addr, port))
        s.setsockopt(socket.SOL_UDP, UDP_SEGMENT, size)
        i = 0
        while i < count:
            n = 1   # full-size datagrams together; a short one alone
            while (n < 32 and i + n < count and len(grams[i]) == size and
                   len(grams[i + n]) == size):
                n += 1
            s.send(b"".join(grams[i:i + n]))
            i += n
        s.setsockopt(socket.SOL_UDP, UDP_SEGMENT, 0)
        s.settimeout(0.5)
        for _ in range(10):
            s.send(HDR.pack(xid, END, count))
            try:
                reply = s.recv(256)
                break
            except socket.timeout:
                continue
        else:
            raise OSError("no answer to the end of the transfer")
    got, missing, digest = reply.split()
    return len(data) if int(got) == count else -1, digest.decode(), \
        int(missing)


def transfer(proto, addr, port, size, what):
    """send's transfer, in the calling thread's namespace: (0, "ok SIZE
    DIGEST") or (1, "FAIL why")."""
    data = os.urandom(size)
    want = hashlib.sha256(data).hexdigest()
    try:
        fn = send_tcp if proto == "tcp" else send_udp
        n, digest, missing = fn(addr, port, data, what)
    except (OSError, ValueError) as e:
        return 1, "FAIL %s" % e
    if missing:
        return 1, "FAIL %d of the datagrams never arrived" % missing
    if n != size or digest != want:
        return 1, "FAIL sent %d bytes %s, received %d bytes %s" % (
            size, want, n, digest)
    return 0, "ok %d %s" % (size, digest)


def send(proto, addr, port, size, what):
    status, line = transfer(proto, addr, port, size, what)
    print(line)
    return status


def main(argv):
    if len(argv) == 3 and argv[1] == "serve":
        serve(int(argv[2]))
        return 0
    if len(argv) == 7 and argv[1] == "send" and argv[2] in ("tcp", "udp"):
        return send(argv[2], argv[3], int(argv[4]), int(argv[5]), argv[6])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
