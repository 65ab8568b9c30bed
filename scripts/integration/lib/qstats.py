#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""netcx's netdev queue statistics against ethtool -S.

    qstats.py YNL DEV

YNL: a folder with the kernel's ynl library (lib/) and the netdev family's
spec (netdev.yaml), as the suite's --prepare copies them from the kernel
source. Dumps qstats-get for DEV (the device-wide row) through ynl, reads
DEV's ethtool -S and statistics, and compares each standard name netcx
fills with the counters it comes from. Prints every comparison; exits 0
when all agree. Run it in DEV's namespace, with no traffic flowing (it
reads three times before it gives up on a counter that moved).
"""
import os
import subprocess
import sys
import time


def ethtool_s(dev):
    out = subprocess.run(["ethtool", "-S", dev], check=True,
                         capture_output=True, text=True).stdout
    stats = {}
    for line in out.splitlines()[1:]:
        name, _, value = line.partition(":")
        stats[name.strip()] = int(value)
    return stats


def sysfs(dev, name):
    with open("/sys/class/net/%s/statistics/%s" % (dev, name)) as f:
        return int(f.read())


def compare(ynl, dev):
    ifindex = int(open("/sys/class/net/%s/ifindex" % dev).read())
    rows = [r for r in ynl.dump("qstats-get", {})
            if r.get("ifindex") == ifindex]
    if len(rows) != 1:
        print("no device-wide qstats row for %s (ifindex %d)" % (dev, ifindex))
        return False
    q, s = rows[0], ethtool_s(dev)
    want = {
        "rx-csum-unnecessary": s["rx_csum_valid"],
        "rx-csum-bad": s["rx_csum_invalid"],
        "rx-csum-none": s["rx_csum_not_checked"] + s["rx_csum_inactive"],
        "rx-hw-gro-packets": s["rx_rsc_packets"],
        "rx-hw-gro-bytes": s["rx_rsc_bytes"],
        "rx-hw-gro-wire-packets": s["rx_rsc_segments"],
        "tx-needs-csum": s["tx_csum_hw"] + s["tx_lso_hw_segs"] +
                         s["tx_uso_hw_segs"] + s["tx_tnl_csum_hw"] +
                         s["tx_tnl_gso_hw_segs"],
        "tx-hw-gso-packets": s["tx_lso_hw"] + s["tx_uso_hw"] +
                             s["tx_tnl_gso_hw"],
        "tx-hw-gso-wire-packets": s["tx_lso_hw_segs"] + s["tx_uso_hw_segs"] +
                                  s["tx_tnl_gso_hw_segs"],
        "rx-packets": sysfs(dev, "rx_packets"),
        "rx-bytes": sysfs(dev, "rx_bytes"),
        "tx-packets": sysfs(dev, "tx_packets"),
        "tx-bytes": sysfs(dev, "tx_bytes"),
    }
    ok = True
    for name, value in want.items():
        got = q.get(name)
        same = got == value
        ok = ok and same
        print("%s %s: qstats %s, ethtool/sysfs %d" %
              ("ok" if same else "DIFFERENT", name, got, value))
    unexpected = [n for n in ("tx-hw-gso-bytes", "rx-hw-drops", "tx-csum-none")
                  if n in q]
    if unexpected:
        print("reported, though netcx does not count them: %s" % unexpected)
        ok = False
    return ok


def main():
    ynl_dir, dev = sys.argv[1], sys.argv[2]
    sys.path.insert(0, ynl_dir)
    from lib import YnlFamily  # noqa: E402, the kernel's ynl
    # no schema check: the spec is the kernel's own (and jsonschema optional)
    ynl = YnlFamily(os.path.join(ynl_dir, "netdev.yaml"), "")
    for attempt in range(3):
        if compare(ynl, dev):
            return 0
        print("# attempt %d: a counter moved or differs; again" % (attempt + 1))
        time.sleep(1)
    return 1


if __name__ == "__main__":
    sys.exit(main())
