"""Hostile inputs: how long `noticegen check` takes on each, and its peak memory.

Each case is a file made to cost as much as possible (issue #22): a 1 MB text aliased 300
times, a sexagesimal number of a million groups, an 8 MiB list of zeros, a billion laughs.
Every command runs in a fresh process, as a user runs it, startup included; the times are the
child's CPU time (user + system, from os.wait4: what the case costs, whatever else the machine
is doing) and wall-clock from start to exit; the memory is the child's peak RSS (ru_maxrss).
The bound is the issue's: under 1 s and 100 MB for the amplification and sexagesimal cases
(and the billion laughs); the lists are printed for comparison. Exit status 1 when a bounded
case passes its bound (CPU time or memory).

    python benchmarks/hostile.py                # every case, 3 runs each
    python benchmarks/hostile.py --repeat 5 --only amplification
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from strategies import BASE_NOTICE  # noqa: E402  (tests/ is not a package)

SECONDS = 1.0
MIB = 100.0
FIRST_CHANGE = "changes: [{date: 2026-12-01, summary: {fi: Ensimmäinen versio., en: First version.}}]"


def amplification(size: int = 1_000_000, aliases: int = 300) -> str:
    """One change with a 1 MB summary, aliased 300 times: 300 MB once expanded (today 226 s)."""
    change = f"    - &c {{date: 2026-12-01, summary: {{fi: '{'x' * size}', en: First.}}}}\n"
    return BASE_NOTICE.replace(FIRST_CHANGE, "changes:\n" + change + "    - *c\n" * aliases)


def amplification_2mb() -> str:
    return amplification(2_000_000, 300)


def sexagesimal() -> str:
    """`version: 1:30:30:…` with a million groups (today 242 s)."""
    value = ":".join(["1"] + ["30"] * 1_000_000)
    return BASE_NOTICE.replace('version: "1.0"', f"version: {value}")


def flow_list() -> str:
    return "a: [" + "0," * (4 * 1024 * 1024 - 4) + "0]\n"


def block_list() -> str:
    return "a:\n" + "- 0\n" * (2 * 1024 * 1024 - 2)


def laughs() -> str:
    lines = ['lol0: &lol0 "lol"']
    lines += [f"lol{i}: &lol{i} [" + ", ".join([f"*lol{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


CASES: dict[str, tuple[Callable[[], str], bool]] = {
    # name: (make the text, bounded by SECONDS and MIB)
    "amplification": (amplification, True),
    "amplification-2mb": (amplification_2mb, True),
    "sexagesimal": (sexagesimal, True),
    "billion-laughs": (laughs, True),
    "flow-list-8mib": (flow_list, False),
    "block-list-8mib": (block_list, False),
}


def run(argv: list[str]) -> tuple[float, float, float, int]:
    """(CPU seconds, wall seconds, peak RSS in MiB, exit code) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return (usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024,
            os.waitstatus_to_exitcode(status))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", action="append", choices=sorted(CASES))
    args = parser.parse_args(argv)
    failed = False
    print(f"| Case | Size | CPU median | CPU max | Wall median | Peak memory | Exit "
          f"| Bound ({SECONDS:g} s, {MIB:g} MB) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only or CASES:
            make, bounded = CASES[name]
            path = Path(tmp) / f"{name}.yaml"
            path.write_text(make(), encoding="utf-8")
            command = [sys.executable, "-m", "noticegen", "check", "--lang", "en", str(path)]
            runs = [run(command) for _ in range(args.repeat)]
            cpu = sorted(r[0] for r in runs)
            wall = sorted(r[1] for r in runs)
            peak = max(r[2] for r in runs)
            codes = {r[3] for r in runs}
            ok = cpu[-1] < SECONDS and peak < MIB
            verdict = ("ok" if ok else "OVER") if bounded else "(not bounded)"
            failed |= bounded and not ok
            mid = len(runs) // 2
            print(f"| {name} | {path.stat().st_size / 1e6:.1f} MB | {cpu[mid]:.2f} s | {cpu[-1]:.2f} s "
                  f"| {wall[mid]:.2f} s | {peak:.0f} MiB | {','.join(map(str, sorted(codes)))} "
                  f"| {verdict} |", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
