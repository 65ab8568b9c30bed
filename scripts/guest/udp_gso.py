#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""UDP sender with or without UDP_SEGMENT (USO), for make bench.

  udp_gso.py send ADDR PORT SECONDS GSO  GSO = segment size, 0 for none
  udp_gso.py recv PORT SECONDS          prints bytes received, as JSON

iperf3 in Debian 12 cannot send with UDP_SEGMENT, hence this. make bench
counts what arrives at the receiving device rather than running "recv":
under UML, a user-space receiver measures its own system calls.
"""
import json
import socket
import sys
import time

UDP_SEGMENT = 103
SOL_UDP = 17


def family(addr):
    return socket.AF_INET6 if ":" in addr else socket.AF_INET


def recv(port, seconds):
    total = 0
    with socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as s:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
        s.bind(("::", port))
        s.settimeout(1.0)
        start = None
        deadline = time.monotonic() + seconds + 10
        while time.monotonic() < deadline:
            try:
                data = s.recv(65536)
            except socket.timeout:
                if start is not None:
                    break
                continue
            if data == b"END":
                break
            if start is None:
                start = time.monotonic()
            total += len(data)
        elapsed = time.monotonic() - start if start else 0
    print(json.dumps({"bytes": total, "seconds": elapsed}))


def send(addr, port, seconds, gso):
    payload = b"\xa5" * (gso * 40 if gso else 1400)
    sent = 0
    with socket.socket(family(addr), socket.SOCK_DGRAM) as s:
        if gso:
            s.setsockopt(SOL_UDP, UDP_SEGMENT, gso)
        s.connect((addr, port))
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                sent += s.send(payload)
            except (BlockingIOError, ConnectionRefusedError):
                pass
        time.sleep(0.5)
        if gso:
            s.setsockopt(SOL_UDP, UDP_SEGMENT, 0)
        for _ in range(3):
            try:
                s.send(b"END")
            except ConnectionRefusedError:
                pass
    print(json.dumps({"sent": sent}))


if __name__ == "__main__":
    if sys.argv[1] == "recv":
        recv(int(sys.argv[2]), float(sys.argv[3]))
    else:
        send(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]))
