#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Lines of offload code: e1000cx's glue against the in-tree e1000's.

  scripts/offload-lines.py [--target] NETCX_TOP KERNEL_SRC

Counts, from the sources, the lines of code (not blank, not comment) of
the functions named below, whole or in part: a part is every statement of
the function whose text mentions one of the given words (an if, for,
while or switch whose condition mentions one is taken whole, body and
else included; otherwise the search goes into its body). The in-tree side
is drivers/net/ethernet/intel/e1000/e1000_main.c of KERNEL_SRC; e1000cx's
is src/e1000cx/ of NETCX_TOP, offload.c whole, file-level lines included.
A function that is not found is an error: the lists follow the sources.
Prints a table per driver; with --target, also the line
"target: e1000cx offload glue <= 1/3 of e1000's offload code ... met|missed".
Used by scripts/bench-e1000cx.sh (make bench) and docs/benchmarks.md.
"""
import os
import re
import sys

E1000 = "drivers/net/ethernet/intel/e1000/e1000_main.c"

# (file, function, None for the whole function or a regex for its parts,
#  what it is)
IN_TREE = [
    (E1000, "e1000_tso", None, "TSO context descriptor"),
    (E1000, "e1000_tx_csum", None, "checksum context descriptor"),
    (E1000, "e1000_tx_map", r"\bmss\b|last_tx_tso", "TSO errata (sentinel, premature write-back)"),
    (E1000, "e1000_xmit_frame", r"\bmss\b|\btso\b|last_tx_tso|CHECKSUM_PARTIAL|"
     r"protocol|vlan|TX_FLAGS_(VLAN|IPV4|TSO|CSUM)", "offload flags, TSO errata"),
    (E1000, "e1000_tx_queue", r"TX_FLAGS_(TSO|CSUM|VLAN|IPV4)|POPTS", "data descriptor offload bits"),
    (E1000, "e1000_rx_checksum", None, "RX checksum"),
    (E1000, "e1000_clean_rx_irq", r"e1000_rx_checksum", "RX checksum call"),
    (E1000, "e1000_clean_jumbo_rx_irq", r"e1000_rx_checksum", "RX checksum call"),
    (E1000, "e1000_receive_skb", r"STAT_VP|vlan", "RX VLAN tag"),
    (E1000, "e1000_configure_rx", r"rx_csum|RXCSUM", "RXCSUM register"),
    (E1000, "e1000_probe", r"NETIF_F_(TSO|HW_CSUM|HW_VLAN|RXCSUM)", "features declared"),
    (E1000, "e1000_fix_features", None, "ethtool -K: VLAN RX/TX tied"),
    (E1000, "e1000_set_features", None, "ethtool -K"),
    (E1000, "__e1000_vlan_mode", None, "CTRL.VME"),
    (E1000, "e1000_vlan_mode", None, "CTRL.VME, interrupts off"),
]

EC = "src/e1000cx/"
E1000CX = [
    (EC + "offload.c", "*", None, "declaration, descriptor fields, RX status bits, change callback"),
    (EC + "main.c", "e1000cx_probe", r"netcx_|offload|err_destroy_adapter",
     "adapter, declaration, commit"),
    (EC + "main.c", "e1000cx_remove", r"netcx_", "adapter destroyed"),
    (EC + "tx.c", "e1000cx_tx_start", r"ctx", "context forgotten"),
    (EC + "tx.c", "e1000cx_tx_post", r"ctx|offload", "context reuse, context and data descriptor fill"),
    (EC + "tx.c", "e1000cx_xmit", r"netcx_|\bnd\b|SEGMENTED|gso", "netcx_tx_prepare(), segments"),
    (EC + "rx.c", "e1000cx_rx", r"offload|netcx_|STA_VP", "RX checksum and tag calls"),
    (EC + "hw.c", "e1000cx_hw_set_vme", None, "CTRL.VME"),
    (EC + "hw.c", "e1000cx_hw_set_rxcsum", None, "RXCSUM register"),
    (EC + "hw.c", "e1000cx_hw_init", r"VME|VET|rxcsum|set_vme", "VLAN and checksum registers"),
    (EC + "ethtool.c", "e1000cx_get_sset_count", r"netcx_", "stats hook"),
    (EC + "ethtool.c", "e1000cx_get_strings", r"netcx_", "stats hook"),
    (EC + "ethtool.c", "e1000cx_get_ethtool_stats", r"netcx_", "stats hook"),
]


def strip(text):
    """Comments, strings and character constants blanked, newlines kept."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(c + re.sub(r"[^\n]", " ", text[i + 1:j]) + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def match(s, i, open_, close):
    """Index of the bracket closing the one at s[i]."""
    depth = 0
    for j in range(i, len(s)):
        if s[j] == open_:
            depth += 1
        elif s[j] == close:
            depth -= 1
            if depth == 0:
                return j
    raise ValueError("unbalanced " + open_)


def skip_ws(s, i):
    while i < len(s) and s[i].isspace():
        i += 1
    return i


class Stmt:
    def __init__(self, start, end, head, children):
        self.start, self.end, self.head, self.children = start, end, head, children


WORD = re.compile(r"[A-Za-z_]\w*")
LABEL = re.compile(r"(case\b[^:;]*|default|[A-Za-z_]\w*)\s*:(?!:)")


def parse_stmt(s, i):
    i = skip_ws(s, i)
    if s[i] == "#":	# a preprocessor line inside a function
        j = i
        while True:
            j = s.find("\n", j)
            if j < 0 or s[j - 1] != "\\":
                break
            j += 1
        j = len(s) if j < 0 else j
        return Stmt(i, j, s[i:j], [])
    if s[i] == "{":
        j = match(s, i, "{", "}")
        return Stmt(i, j + 1, "", parse_block(s, i + 1, j))
    m = WORD.match(s, i)
    w = m.group(0) if m else ""
    if w in ("if", "while", "for", "switch"):
        p = skip_ws(s, m.end())
        q = match(s, p, "(", ")")
        body = parse_stmt(s, q + 1)
        kids, end = [body], body.end
        if w == "if":
            k = skip_ws(s, end)
            if s.startswith("else", k) and not (s[k + 4:k + 5].isalnum() or s[k + 4:k + 5] == "_"):
                other = parse_stmt(s, k + 4)
                kids.append(other)
                end = other.end
        return Stmt(i, end, s[i:q + 1], kids)
    if w == "do":
        body = parse_stmt(s, m.end())
        k = skip_ws(s, body.end)
        q = match(s, s.index("(", k), "(", ")")
        end = s.index(";", q) + 1
        return Stmt(i, end, s[k:q + 1], [body])
    lab = LABEL.match(s, i)
    if lab and w not in ("return", "goto", "break", "continue"):
        return Stmt(i, lab.end(), s[i:lab.end()], [])
    # a simple statement, a declaration, or a loop macro "name(...) {"
    depth, j = 0, i
    while j < len(s):
        c = s[j]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == ";" and depth == 0:
            return Stmt(i, j + 1, s[i:j + 1], [])
        elif c == "{" and depth == 0:
            before = s[i:j].rstrip()
            if before.endswith(")"):
                body = parse_stmt(s, j)
                return Stmt(i, body.end, before, [body])
            j = match(s, j, "{", "}")
        j += 1
    raise ValueError("statement without end")


def parse_block(s, i, end):
    out = []
    while True:
        i = skip_ws(s, i)
        if i >= end:
            return out
        st = parse_stmt(s, i)
        out.append(st)
        i = st.end


def select(st, rx, s):
    """Ranges of st taken by rx."""
    if not st.children:
        return [(st.start, st.end)] if rx.search(s[st.start:st.end]) else []
    if st.head and rx.search(st.head):
        return [(st.start, st.end)]
    return [r for k in st.children for r in select(k, rx, s)]


def find_function(s, name):
    """(start of its line, index of its opening brace, index of its closing one)."""
    depth = 0
    pat = re.compile(r"(?<![\w.>])" + re.escape(name) + r"\s*\(")
    i = 0
    while True:
        m = pat.search(s, i)
        if not m:
            raise LookupError(name)
        depth = s.count("{", 0, m.start()) - s.count("}", 0, m.start())
        q = match(s, m.end() - 1, "(", ")")
        k = skip_ws(s, q + 1)
        if depth == 0 and k < len(s) and s[k] == "{":
            return s.rfind("\n", 0, m.start()) + 1, k, match(s, k, "{", "}")
        i = m.end()


def lines_of(s, ranges):
    """Line numbers, not blank once comments are gone, that the ranges touch."""
    out = set()
    for a, b in ranges:
        first = s.count("\n", 0, a)
        for n, text in enumerate(s[a:b].split("\n")):
            if text.strip():
                out.add(first + n)
    return out


def count(root, spec):
    cache, rows, total = {}, [], set()
    for path, func, rx, what in spec:
        full = os.path.join(root, path)
        if full not in cache:
            with open(full, encoding="utf-8", errors="replace") as f:
                cache[full] = strip(f.read())
        s = cache[full]
        if func == "*":
            got = lines_of(s, [(0, len(s))])
            names = sorted(set(m.group(1) for m in re.finditer(
                r"^[^\s#][^;{}]*?\b(\w+)\s*\([^;]*?\)\s*\{", s, re.M)))
            func = "all of it: " + ", ".join(names)
        else:
            try:
                start, lb, rb = find_function(s, func)
            except LookupError:
                sys.exit(f"offload-lines: no function {func}() in {path}")
            if rx is None:
                got = lines_of(s, [(start, rb + 1)])
            else:
                body = Stmt(lb, rb + 1, "", parse_block(s, lb + 1, rb))
                got = lines_of(s, select(body, re.compile(rx), s))
                func += "(), part"
        got = {(full, n) for n in got}
        rows.append((path, func, what, len(got)))
        total |= got
    return rows, len(total)


def main():
    args = sys.argv[1:]
    target = bool(args) and args[0] == "--target"
    if target:
        args = args[1:]
    if len(args) != 2:
        sys.exit(__doc__)
    top, ksrc = args
    ours, n_ours = count(top, E1000CX)
    theirs, n_theirs = count(ksrc, IN_TREE)
    print()
    print("lines of offload code (not blank, not comment; scripts/offload-lines.py)")
    for label, rows, n in (("in-tree e1000", theirs, n_theirs), ("e1000cx", ours, n_ours)):
        print(f"{label}: {n} lines")
        for path, func, what, k in rows:
            fn = func if "(" in func or func.startswith("all") else func + "()"
            print(f"  {k:4}  {os.path.basename(path)}: {fn}: {what}")
    if target:
        r = n_ours / n_theirs if n_theirs else 0
        print(f"target: e1000cx offload glue <= 1/3 of e1000's offload code: "
              f"{n_ours} / {n_theirs} lines = {r:.2f} "
              f"{'met' if n_theirs and r <= 1 / 3 else 'missed'}")


if __name__ == "__main__":
    main()
