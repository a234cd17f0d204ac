"""Time each stage of the compiler in one process, per notice: load, validate, resolve, lint, render.

    python benchmarks/stages.py --preset typical --count 50
    python benchmarks/stages.py --preset large --count 3
    python benchmarks/stages.py examples/qualitydesk.yaml

Startup (imports, vocabularies, templates) is paid by a warm-up notice first and is not counted,
so the numbers show the work that grows with notices and their size. CPU time of this process
(time.process_time) is reported by default, which other load on the machine disturbs far less
than wall time; --wall switches to time.perf_counter. Useful for before/after comparisons of one
change; the end-to-end numbers come from run.py.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate

FORMATS = ("page", "fragment", "md", "txt", "json")


def _timed(fn: Callable[[], Any], repeat: int, clock: Callable[[], float]) -> tuple[float, Any]:
    best, value = float("inf"), None
    for _ in range(repeat):
        start = clock()
        value = fn()
        best = min(best, clock() - start)
    return best, value


def one(path: Path, repeat: int, clock: Callable[[], float], render: bool) -> dict[str, float]:
    """Seconds per stage for one notice (best of ``repeat`` runs of each stage)."""
    from functools import partial

    from noticegen.config import Settings
    from noticegen.lint import run_lint
    from noticegen.resolve import resolve
    from noticegen.source import load_path
    from noticegen.validate import validate

    times: dict[str, float] = {}
    times["load"], loaded = _timed(partial(load_path, str(path)), repeat, clock)
    times["validate"], (notice, diags) = _timed(
        partial(validate, loaded.data, loaded.source_map), repeat, clock)
    if notice is None:
        raise SystemExit(f"{path}: not valid: {diags[:3]}")
    times["resolve"], resolved = _timed(partial(resolve, notice), repeat, clock)
    times["lint"], _ = _timed(partial(run_lint, resolved, loaded.source_map,
                                      disable=Settings().disable), repeat, clock)
    if render:
        from noticegen.render import RenderOptions, render_all

        langs = list(resolved.languages)
        opts = RenderOptions(heading_level=2, languages=tuple(langs))
        for fmt in FORMATS:
            times[fmt], _ = _timed(partial(render_all, resolved, languages=langs, formats=[fmt],
                                           options=opts), repeat, clock)
        times["render_all"], _ = _timed(partial(render_all, resolved, languages=langs,
                                                formats=list(FORMATS), options=opts), repeat, clock)
        if resolved.notice.notice.url is not None:  # a build writes the short notices too
            times["short"], _ = _timed(partial(render_all, resolved, languages=langs,
                                               formats=["short"], options=opts), repeat, clock)
    return times


def stages(paths: list[Path], repeat: int, clock: Callable[[], float],
           render: bool = True) -> dict[str, list[float]]:
    """Seconds per stage, one value per notice; a warm-up notice first is not counted."""
    one(paths[0], 1, clock, render)
    out: dict[str, list[float]] = {}
    for path in paths:
        for key, value in one(path, repeat, clock, render).items():
            out.setdefault(key, []).append(value)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="notice files (default: generated)")
    parser.add_argument("--preset", choices=sorted(generate.PRESETS), default="typical")
    parser.add_argument("--count", type=int, default=20, help="generated notices (seeds 0…)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per stage, best counted")
    parser.add_argument("--wall", action="store_true", help="wall time instead of CPU time")
    parser.add_argument("--check-only", action="store_true", help="skip the render stages")
    parser.add_argument("--default-gc", action="store_true",
                        help="keep Python's garbage collector thresholds (default: those the "
                        "noticegen command sets, if it sets any)")
    args = parser.parse_args(argv)
    clock = time.perf_counter if args.wall else time.process_time
    threshold = getattr(importlib.import_module("noticegen.cli"), "GC_THRESHOLD", None)
    if threshold is not None and not args.default_gc:
        gc.set_threshold(*threshold)
    with tempfile.TemporaryDirectory() as tmp:
        paths = args.files or generate.write_batch(generate.PRESETS[args.preset], args.count,
                                                   Path(tmp))
        what = ", ".join(map(str, args.files)) if args.files else f"{args.count} x {args.preset}"
        result = stages(paths, args.repeat, clock, render=not args.check_only)
    print(f"{what}: {'wall' if args.wall else 'CPU'} ms per notice (median, min)")
    check = [sum(v) for v in zip(*(result[k] for k in ("load", "validate", "resolve", "lint")),
                                 strict=True)]
    rows = [*result.items(), ("check (sum)", check)]
    if "render_all" in result:
        rows.append(("check + render_all",
                     [a + b for a, b in zip(check, result["render_all"], strict=True)]))
    if "short" in result and len(result["short"]) == len(check):
        rows.append(("check + all + short", [a + b + c for a, b, c in zip(
            check, result["render_all"], result["short"], strict=True)]))
    for key, values in rows:
        print(f"  {key:20} {statistics.median(values) * 1000:9.2f} {min(values) * 1000:9.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
