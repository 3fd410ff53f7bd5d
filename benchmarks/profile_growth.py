#!/usr/bin/env python3
"""Which functions grow faster than the corpus: compare two cProfile dumps of `tracuu build`.

    python benchmarks/profile_growth.py /tmp/prof500.out 500 /tmp/prof1000.out 1000 [--top 30] [--filter tracuu]

For every function of the package it prints the call-count exponent and the
cumulative-time exponent between the two sizes (log(b/a)/log(Nb/Na); 1 =
linear, 2 = quadratic) and its share of the whole run at the larger size,
sorted by time at the larger size. Call counts do not depend on the machine's
load; times do (cProfile reads a wall clock), so read time exponents with the
load in mind and trust a high call-count exponent.
"""

from __future__ import annotations

import argparse
import math
import pstats
import sys


def load(path: str) -> tuple[dict[str, tuple[int, float, float]], float]:
    st = pstats.Stats(path)
    out: dict[str, tuple[int, float, float]] = {}
    for (file, line, name), (_cc, nc, tt, ct, _callers) in st.stats.items():  # type: ignore[attr-defined]
        key = f"{file.split('/scripts/')[-1]}:{line}({name})"
        out[key] = (nc, tt, ct)
    return out, st.total_tt  # type: ignore[attr-defined]


def exp(a: float, b: float, ratio: float) -> float:
    return math.log(b / a) / math.log(ratio) if a > 0 and b > 0 else float("nan")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("a")
    ap.add_argument("na", type=int)
    ap.add_argument("b")
    ap.add_argument("nb", type=int)
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--filter", default="tracuu/")
    ap.add_argument("--sort", choices=["cum", "tot"], default="cum")
    args = ap.parse_args(argv)
    pa, ta = load(args.a)
    pb, tb = load(args.b)
    r = args.nb / args.na
    print(f"total {ta:.1f} s at N={args.na}, {tb:.1f} s at N={args.nb}: exponent {exp(ta, tb, r):.2f}")
    print(f"{'calls exp':>9} {'cum exp':>7} {'tot exp':>7} {'cum s':>8} {'share':>6} {'tot s':>7} {'calls':>10}  function")
    idx = 2 if args.sort == "cum" else 1
    rows = sorted((k for k in pb if args.filter in k and k in pa), key=lambda k: -pb[k][idx])
    for k in rows[: args.top]:
        (na_, tta, cta), (nb_, ttb, ctb) = pa[k], pb[k]
        print(f"{exp(na_, nb_, r):9.2f} {exp(cta, ctb, r):7.2f} {exp(tta, ttb, r):7.2f} {ctb:8.1f} "
              f"{ctb / tb:6.1%} {ttb:7.1f} {nb_:10d}  {k}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
