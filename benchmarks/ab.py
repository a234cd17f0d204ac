"""Compare two source trees of noticegen on the figures of run.py, alternating run by run.

    python benchmarks/ab.py /tmp/main /tmp/branch                   # every figure
    python benchmarks/ab.py /tmp/main /tmp/branch --only startup --repeat 20
    python benchmarks/ab.py /tmp/main /tmp/branch --only batch --batch 200 --repeat 5

A and B are checkouts (``git worktree add``); each command runs as ``python -m noticegen`` with
the checkout first on PYTHONPATH, from a folder outside both, with a noticegen cache of its own
(filled by a warm-up run). Every figure is measured A, B, B, A, A, B, … so that the machine's
drift and other load fall on both alike. Prints median and minimum per side and B's change
against A; ``--json`` keeps every run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate
import run

SECTIONS = ("startup", "batch", "scaling", "preview")


@dataclass
class Side:
    name: str
    src: Path
    tmp: Path
    build_args: tuple[str, ...] = ()
    """Appended to every `build` (``--build-args``): the same work on both sides, e.g. the
    formats an older checkout makes."""
    times: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, list[float]] = field(default_factory=dict)
    peaks: dict[str, float] = field(default_factory=dict)

    @property
    def env(self) -> dict[str, str]:
        return {"PYTHONPATH": str(self.src), "NOTICEGEN_CACHE_DIR": str(self.tmp / "cache")}

    def run(self, args: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
        """Run noticegen once: (wall seconds, CPU seconds of it and its workers, peak MiB)."""
        argv = [sys.executable, "-m", "noticegen", *args,
                *(self.build_args if "build" in args else ())]
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL, cwd=self.tmp,
                                env={**run.CHILD_ENV, **self.env, **(env or {})})
        assert proc.stderr is not None
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise run.CommandFailed(f"{run.shown(argv)} exited {proc.returncode}\n"
                                    f"{err.decode('utf-8', 'replace')[-3000:]}")
        return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


@dataclass
class Figure:
    """One number of run.py: the arguments of one run, what to do before it, its environment."""

    section: str
    name: str
    args: Callable[[Side], list[str]]
    before: Callable[[Side], None] | None = None
    env: dict[str, str] | None = None
    setup: Callable[[Side], None] | None = None


def figures(tmp: Path, count: int, presets: tuple[str, ...]) -> list[Figure]:
    example = tmp / "qualitydesk.yaml"
    shutil.copy(run.EXAMPLE, example)

    def fresh(folder: str) -> Callable[[Side], None]:
        return lambda side: shutil.rmtree(side.tmp / folder, ignore_errors=True)

    def batch_files(side: Side) -> list[str]:
        return sorted(str(p) for p in (side.tmp / "batch").glob("*.yaml"))

    def copy_batch(side: Side) -> None:
        if not (side.tmp / "batch").exists():
            shutil.copytree(tmp / "batch", side.tmp / "batch")

    generations = {"A": 0, "B": 0}

    def edit(side: Side) -> None:  # ten notices spread over the batch get a new comment
        generations[side.name] += 1
        files = batch_files(side)
        for name in files[:: max(1, len(files) // 10)][:10]:
            path = Path(name)
            path.write_text(path.read_text("utf-8") + f"# edit {generations[side.name]}\n", "utf-8")

    def build_batch(out: str, *jobs: str) -> Callable[[Side], list[str]]:
        return lambda side: ["--quiet", "build", *batch_files(side), "--out", str(side.tmp / out),
                             *jobs]

    out: list[Figure] = [
        Figure("startup", "--help", lambda side: ["--help"]),
        Figure("startup", "check", lambda side: ["check", str(example)]),
        Figure("startup", "build", lambda side: ["--quiet", "build", str(example), "--out",
                                                 str(side.tmp / "one")], fresh("one")),
        Figure("startup", "check, no cache", lambda side: ["check", str(example)],
               env={"NOTICEGEN_NO_CACHE": "1"}),
        Figure("startup", "build, no cache", lambda side: ["--quiet", "build", str(example),
                                                           "--out", str(side.tmp / "one")],
               fresh("one"), env={"NOTICEGEN_NO_CACHE": "1"}),
        Figure("startup", "build, up to date", lambda side: ["--quiet", "build", str(example),
                                                             "--out", str(side.tmp / "same")],
               setup=lambda side: side.run(["--quiet", "build", str(example), "--out",
                                            str(side.tmp / "same")]) and None),
    ]
    if count:
        generate.write_batch(generate.PRESETS["typical"], count, tmp / "batch")
        out += [
            Figure("batch", f"build {count}, --jobs 1", build_batch("seq", "--jobs", "1"),
                   fresh("seq"), setup=copy_batch),
            Figure("batch", f"build {count}, --jobs 2", build_batch("par", "--jobs", "2"),
                   fresh("par"), setup=copy_batch),
            Figure("batch", "built again, nothing changed", build_batch("par", "--jobs", "2")),
            Figure("batch", "built again, 10 changed", build_batch("par", "--jobs", "2"), edit),
            Figure("batch", f"check {count}, --jobs 1",
                   lambda side: ["--quiet", "check", "--format", "json", *batch_files(side),
                                 "--jobs", "1"]),
            Figure("batch", f"check {count}, --jobs 2",
                   lambda side: ["--quiet", "check", "--format", "json", *batch_files(side),
                                 "--jobs", "2"]),
        ]
    for preset in presets:
        path = tmp / f"{preset}.yaml"
        path.write_text(generate.dump(generate.notice(generate.PRESETS[preset])), encoding="utf-8")
        out += [Figure("scaling", f"check {preset}", _fixed(["--quiet", "check", str(path)])),
                Figure("scaling", f"build {preset}", _build_into(path, f"out-{preset}"),
                       fresh(f"out-{preset}"))]
    return out


def _fixed(args: list[str]) -> Callable[[Side], list[str]]:
    return lambda side: args


def _build_into(path: Path, folder: str) -> Callable[[Side], list[str]]:
    return lambda side: ["--quiet", "build", str(path), "--out", str(side.tmp / folder)]


def measure(figure: Figure, sides: tuple[Side, Side], repeat: int) -> None:
    for side in sides:
        if figure.setup is not None:
            figure.setup(side)
        if figure.before is not None:
            figure.before(side)
        side.run(figure.args(side), figure.env)  # warm-up: caches filled, files in the page cache
    for i in range(repeat):
        for side in (sides if i % 2 == 0 else sides[::-1]):
            if figure.before is not None:
                figure.before(side)
            elapsed, cpu, peak = side.run(figure.args(side), figure.env)
            side.times.setdefault(figure.name, []).append(elapsed)
            side.cpu.setdefault(figure.name, []).append(cpu)
            side.peaks[figure.name] = max(side.peaks.get(figure.name, 0.0), peak)
    report(figure.name, sides)


def measure_preview(sides: tuple[Side, Side], repeat: int, saves: int) -> None:
    for i in range(repeat):
        for side in (sides if i % 2 == 0 else sides[::-1]):
            got = run.preview_latencies([sys.executable, "-m", "noticegen"], saves, side.tmp,
                                        env=side.env)
            for key in ("server", "browser"):
                side.times.setdefault(f"preview: save → {key}", []).extend(got[key])
    for key in ("server", "browser"):
        report(f"preview: save → {key}", sides, peak=False)


def report(name: str, sides: tuple[Side, Side], peak: bool = True) -> None:
    _line(name, [side.times[name] for side in sides],
          f" | {sides[0].peaks[name]:4.0f} → {sides[1].peaks[name]:4.0f} MiB" if peak else "")
    if name in sides[0].cpu:
        _line("  CPU", [side.cpu[name] for side in sides], "")


def _line(name: str, runs: list[list[float]], tail: str) -> None:
    a, b = runs
    line = (f"{name:32} A {run.fmt_s(statistics.median(a))} {run.fmt_s(min(a))} | "
            f"B {run.fmt_s(statistics.median(b))} {run.fmt_s(min(b))} | "
            f"{statistics.median(b) / statistics.median(a) - 1:+6.1%} {min(b) / min(a) - 1:+6.1%}")
    print(line + tail, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", type=Path, help="checkout A (the baseline)")
    parser.add_argument("b", type=Path, help="checkout B")
    parser.add_argument("--only", action="append", choices=SECTIONS)
    parser.add_argument("--figure", action="append", default=[],
                        help="only figures whose name contains this (repeatable)")
    parser.add_argument("--repeat", type=int, default=10, help="runs per side of each figure")
    parser.add_argument("--batch", type=int, default=1000, help="notices in the batch")
    parser.add_argument("--saves", type=int, default=10, help="preview: saves per run")
    parser.add_argument("--build-args", default="",
                        help="appended to every build, on both sides (e.g. "
                             "'--format page,fragment,md,txt,json': the same outputs)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    only = set(args.only or SECTIONS)
    with tempfile.TemporaryDirectory(prefix="noticegen-ab-") as name:
        tmp = Path(name)
        run.use_bytecode_cache(tmp / "pycache")
        sides = []
        for label, src in (("A", args.a), ("B", args.b)):
            (tmp / label).mkdir()
            sides.append(Side(label, src.resolve(), tmp / label,
                              tuple(args.build_args.split())))
        pair = (sides[0], sides[1])
        print(f"A = {pair[0].src}\nB = {pair[1].src}\n{args.repeat} runs per side, alternating; "
              "median and minimum per side, then B against A (median, minimum)", flush=True)
        todo = figures(tmp, args.batch if "batch" in only else 0,
                       ("typical", "large", "large2x") if "scaling" in only else ())
        for figure in todo:
            if figure.section in only and (not args.figure or any(part in figure.name
                                                                  for part in args.figure)):
                measure(figure, pair, args.repeat)
        if "preview" in only and (not args.figure or "preview" in args.figure):
            measure_preview(pair, max(1, args.repeat // 5), args.saves)
    if args.json is not None:
        kept = {side.name: {"src": str(side.src), "times": side.times, "cpu": side.cpu,
                            "peak_mib": side.peaks} for side in pair}
        args.json.write_text(json.dumps(kept, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
