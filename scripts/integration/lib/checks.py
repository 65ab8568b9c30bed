# SPDX-License-Identifier: GPL-2.0
"""What the traffic matrices (matrix.py over ncsim, ecmatrix.py over
e1000cx) share: the check tally, lib/check.sh's in Python, and the
parsing of the counters they take deltas of. Imported, never run.

    Checks              check(WHAT, OK, DETAIL) prints "ok - WHAT" or
                        "not ok - WHAT: DETAIL" and counts it; end(SUITE)
                        prints "SUITE: N passed, N failed" and gives the
                        exit status
    ethtool_counters    ethtool -S's output as {name: value}
    snmp_counters       /proc/net/snmp and snmp6 lines as {name: value},
                        snmp's prefixed by their table ("TcpInCsumErrors")
"""
import re
import sys


class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, what, ok, detail=""):
        if ok:
            self.passed += 1
            print("ok - %s" % what)
        else:
            self.failed += 1
            print("not ok - %s%s" % (what, ": " + detail if detail else ""))
        sys.stdout.flush()

    def end(self, suite):
        print("%s: %d passed, %d failed" % (suite, self.passed, self.failed))
        return 0 if self.failed == 0 else 1


def ethtool_counters(out):
    return {m[0]: int(m[1]) for m in re.findall(r"^\s+(\w+): (\d+)$", out,
                                                  re.M)}


def snmp_counters(lines):
    c = {}
    # /proc/net/snmp: a line of names, then one of values, per table
    for names, vals in zip(lines, lines[1:]):
        n, v = names.split(), vals.split()
        if n[0].endswith(":") and n[0] == v[0] and not n[1].isdigit():
            c.update({n[0][:-1] + k: int(x) for k, x in zip(n[1:], v[1:])})
    # /proc/net/snmp6: a name and its value a line
    for line in lines:
        f = line.split()
        if len(f) == 2 and f[1].isdigit() and not f[0].endswith(":"):
            c[f[0]] = int(f[1])
    return c
