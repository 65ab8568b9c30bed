#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Say one command to QEMU's human monitor from inside a QEMU guest
# (scripts/qemu-run.sh wires the monitor to a virtio-serial port of the
# guest, NETCX_MONITOR, /dev/vportNpM) and print its answer; a guest script
# only.
#
#   scripts/guest/qemu-monitor.sh [--timeout S] "COMMAND ARGS..."
#
#   qemu-monitor.sh "set_link nic0 off"    the link of nic0 goes down
#   qemu-monitor.sh "device_del nic1"      hot-unplug nic1 (ACPI eject)
#   qemu-monitor.sh "info network"
#
# Waits for the monitor's "(qemu) " prompt after the command (default up to
# 10 s) and fails when it does not come or the monitor answers with an
# error (an answer starting "Error:" or "unknown command"). One caller at
# a time: the port is taken with flock.
set -euo pipefail

timeout=10
if [ "${1:-}" = --timeout ]; then
	timeout=$2
	shift 2
fi
[ $# -eq 1 ] || { echo "usage: $0 [--timeout S] \"COMMAND ARGS...\"" >&2; exit 2; }
tty=${NETCX_MONITOR:-}
[ -c "$tty" ] || { echo "qemu-monitor: no monitor port ('$tty')" >&2; exit 2; }

exec 8>/run/netcx-qemu-monitor.lock
flock 8
exec python3 - "$tty" "$timeout" "$1" <<'PY'
import os, re, select, sys, termios, time, tty

path, limit, cmd = sys.argv[1], float(sys.argv[2]), sys.argv[3]
fd = os.open(path, os.O_RDWR | os.O_NOCTTY)
if os.isatty(fd):	# a serial port: raw, no echo
    tty.setraw(fd)
    attr = termios.tcgetattr(fd)
    attr[3] &= ~termios.ECHO
    attr[4] = attr[5] = termios.B115200
    termios.tcsetattr(fd, termios.TCSANOW, attr)
PROMPT = b"(qemu) "
deadline = time.monotonic() + limit


def read_until_prompt(quiet, until=None):
    """What arrives until it ends with the prompt and then nothing more
    comes for QUIET seconds; None at the deadline (or UNTIL, if sooner)."""
    buf = b""
    end = deadline if until is None else min(until, deadline)
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return None
        wait = min(left, quiet) if buf.endswith(PROMPT) else left
        r, _, _ = select.select([fd], [], [], wait)
        if r:
            buf += os.read(fd, 4096)
        elif buf.endswith(PROMPT):
            return buf


def say(line):
    os.write(fd, line.encode() + b"\r")


# Whatever is left over (the banner, an earlier prompt, text the port
# echoed back before it was raw): drain it; an empty line then gets a
# fresh prompt, and the line is quiet once nothing follows that prompt.
# An unanswered line is said again every 2 s.
if os.isatty(fd):
    termios.tcflush(fd, termios.TCIFLUSH)
while True:
    say("")
    if read_until_prompt(0.5, time.monotonic() + 2) is not None:
        break
    if time.monotonic() >= deadline:
        sys.exit("qemu-monitor: no prompt from the monitor on " + path)
say(cmd)
out = read_until_prompt(0.2)
if out is None:
    sys.exit("qemu-monitor: no answer to '%s' within %gs" % (cmd, limit))
# The readline monitor echoes the command, with terminal escapes.
text = re.sub(rb"\x1b\[[0-9;]*[A-Za-z]", b"", out[: -len(PROMPT)])
text = text.replace(b"\r", b"").decode(errors="replace")
lines = text.split("\n")
if lines and lines[0].strip().endswith(cmd.strip()):
    lines = lines[1:]
answer = "\n".join(lines).strip("\n")
if answer:
    print(answer)
if re.search(r"^(Error:|unknown command)", answer, re.M):
    sys.exit(1)
PY
