"""Measure noticegen on the machine this runs on: startup against import floors, batch throughput,
and scaling with notice size. See benchmarks/README.md for the results and how to read them.

    python benchmarks/run.py            # the full run (a few minutes)
    python benchmarks/run.py --quick    # tiny sizes, one or two repeats (CI: does it still run?)

Every command runs in a fresh process (subprocess), timed with time.perf_counter around
start-to-exit; peak memory is the child's ru_maxrss from os.wait4. Each measurement is repeated
and reported as median and minimum. Nothing here asserts a time: the targets are printed next
to the numbers, marked met or MISSED.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLE = ROOT / "examples" / "qualitydesk.yaml"
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/ is not a package)

HEAVY = ("jinja2", "babel", "markdown_it")
"""Libraries that only `build` needs: `check` and `--help` must not import them."""

FLOORS = {
    "help": "import typer",
    "check": "import typer, pydantic, yaml",
    "build": "import typer, pydantic, yaml, jinja2, babel, markdown_it",
}
"""The import floor of each command: exactly the third-party libraries it needs."""

MODEL_SUFFIX = "\nclass M(pydantic.BaseModel):\n    x: int\n"
MODEL_FLOORS = {name: FLOORS[name] + MODEL_SUFFIX for name in ("check", "build")}
"""A second, stricter floor: the libraries loaded as far as the command must load them.
`import pydantic` is lazy and loads little; defining a model loads its schema machinery."""

TARGETS = {"help": 1.2, "check": 1.2, "build": 1.5}
"""Largest acceptable ratio of a command's wall time to its import floor."""

SECTIONS = ("machine", "startup", "batch", "scaling", "preview")


@dataclass
class Timing:
    """Repeated wall times (seconds) and peak resident memory (MiB) of one command."""

    label: str
    argv: list[str]
    times: list[float] = field(default_factory=list)
    peak_mib: float = 0.0

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def min(self) -> float:
        return min(self.times)


class CommandFailed(RuntimeError):
    pass


CHILD_ENV: dict[str, str] = dict(os.environ)
"""The environment of every measured process (see use_bytecode_cache)."""


def use_bytecode_cache(prefix: Path) -> None:
    """Let child processes cache bytecode under ``prefix``, as an installed noticegen would.

    With PYTHONDONTWRITEBYTECODE set (some CI and container images set it), an editable install
    recompiles every noticegen module on every start; a wheel install ships compiled files. The
    prefix keeps the cache out of the source tree; the warm-up runs fill it.
    """
    CHILD_ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    CHILD_ENV["PYTHONPYCACHEPREFIX"] = str(prefix)


def run_once(argv: Sequence[str], *, cwd: Path | None = None,
             env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Run a command to completion: (seconds, peak RSS in MiB, stderr). Raises when it fails."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(argv), stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                cwd=cwd, env={**CHILD_ENV, **(env or {})})
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        if proc.returncode != 0:
            out.seek(0)
            stdout = out.read().decode("utf-8", "replace")
            raise CommandFailed(f"{shown(argv)} exited {proc.returncode}\n{stdout[-2000:]}"
                                f"{stderr[-4000:]}")
    return elapsed, usage.ru_maxrss / 1024, stderr  # ru_maxrss is in KiB on Linux


def shown(argv: Sequence[str], most: int = 8) -> str:
    """A command line for messages: long file lists are cut short."""
    if len(argv) <= most:
        return " ".join(argv)
    return " ".join(argv[:most]) + f" … ({len(argv) - most} more arguments)"


def measure(label: str, argv: Sequence[str], repeat: int, *, warmup: int = 1,
            before: Any = None) -> Timing:
    """``repeat`` timed runs after ``warmup`` untimed ones; ``before()`` runs before each."""
    timing = Timing(label, list(argv))
    for i in range(warmup + repeat):
        if before is not None:
            before()
        elapsed, peak, _ = run_once(argv)
        if i >= warmup:
            timing.times.append(elapsed)
            timing.peak_mib = max(timing.peak_mib, peak)
    return timing


def noticegen_argv() -> list[str]:
    """How to start the installed command: its console script, run by this interpreter.

    The script beside sys.executable, not the first on PATH (a pyenv shim is a bash script).
    """
    for folder in (Path(sys.executable).parent, *map(Path, os.get_exec_path())):
        script = folder / "noticegen"
        try:
            first = script.open("rb").readline()
        except OSError:
            continue
        if first.startswith(b"#!") and b"python" in first:
            return [sys.executable, str(script)]
    return [sys.executable, "-m", "noticegen"]


def imported_modules(argv: Sequence[str]) -> set[str]:
    """Top-level names of the modules a Python command imports (python -X importtime)."""
    _, _, stderr = run_once([argv[0], "-X", "importtime", *argv[1:]])
    names = set()
    for line in stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if not name.startswith("package") and name:
                names.add(name.split(".")[0])
    return names


def fmt_s(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms" if seconds < 10 else f"{seconds:8.2f} s "


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def heading(title: str) -> None:
    print(f"\n## {title}\n", flush=True)


# --- sections ---------------------------------------------------------------------------

def machine() -> dict[str, Any]:
    heading("Machine")
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True, check=False).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "noticegen"],
                               capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        commit, dirty = "", ""
    info = {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "commit": (commit or "unknown") + (" (with uncommitted changes)" if dirty else ""),
        "load average": " ".join(f"{x:.2f}" for x in os.getloadavg()) + " (1, 5, 15 min, at start)",
        "noticegen": _noticegen_location(),
        "bytecode": ("cached in a temporary PYTHONPYCACHEPREFIX" if "PYTHONPYCACHEPREFIX" in CHILD_ENV
                     else "as the environment says"),
        "cache": "noticegen's cache in a temporary NOTICEGEN_CACHE_DIR, filled by the warm-ups",
    }
    for key, value in info.items():
        print(f"{key:13} {value}")
    return info


def _noticegen_location() -> str:
    """Where the measured processes import noticegen from (PYTHONPATH can point elsewhere)."""
    proc = subprocess.run([sys.executable, "-c", "import noticegen, os; "
                           "print(os.path.dirname(noticegen.__file__), noticegen.__version__)"],
                          capture_output=True, text=True, check=False, env=CHILD_ENV,
                          cwd=tempfile.gettempdir())
    return proc.stdout.strip() or "unknown"


def startup(ng: list[str], repeat: int, tmp: Path) -> dict[str, Any]:
    heading("1. Startup: wall time against the import floor")
    out_dir = tmp / "startup-out"
    commands = {
        "help": [*ng, "--help"],
        "check": [*ng, "check", str(EXAMPLE)],
        "build": [*ng, "--quiet", "build", str(EXAMPLE), "--out", str(out_dir)],
    }
    print(f"example: {EXAMPLE.relative_to(ROOT)}; {repeat} runs each after one warm-up, "
          "command and floors interleaved; ratio = median / floor median, (min) = min / floor min")
    print("floor: `python -c 'import <the libraries>'` as the issue defines it; model floor: the "
          "same plus one\npydantic model defined (pydantic imports its schema machinery only then, "
          "and typer's\nparameter parsing and every notice need it)\n")
    print(f"{'command':8} {'median':>11} {'min':>11} | {'floor':>11} {'ratio':>6} {'(min)':>6} "
          f"{'target':>6}  verdict | {'model floor':>11} {'ratio':>6}")
    results: dict[str, Any] = {}
    for name, argv in commands.items():
        floors = {"floor": [sys.executable, "-c", FLOORS[name]]}
        if name in MODEL_FLOORS:
            floors["model floor"] = [sys.executable, "-c", MODEL_FLOORS[name]]
        cmd = Timing(name, argv)
        floor_t = {k: Timing(k, v) for k, v in floors.items()}
        for i in range(repeat + 1):  # interleaved, so that drift hits all alike
            if name == "build":
                shutil.rmtree(out_dir, ignore_errors=True)
            t_cmd, peak, _ = run_once(argv)
            t_floors = {k: run_once(v)[0] for k, v in floors.items()}
            if i:
                cmd.times.append(t_cmd)
                cmd.peak_mib = max(cmd.peak_mib, peak)
                for k, t in t_floors.items():
                    floor_t[k].times.append(t)
        ratio = cmd.median / floor_t["floor"].median
        target = TARGETS[name]
        ratio_min = cmd.min / floor_t["floor"].min
        line = (f"{name:8} {fmt_s(cmd.median)} {fmt_s(cmd.min)} | {fmt_s(floor_t['floor'].median)} "
                f"{ratio:5.2f}x {ratio_min:5.2f}x {target:5.1f}x  {verdict(ratio <= target):7}")
        results[name] = {"command": shown(argv), "floor": FLOORS[name],
                         "median_s": cmd.median, "min_s": cmd.min,
                         "floor_median_s": floor_t["floor"].median,
                         "floor_min_s": floor_t["floor"].min,
                         "ratio_median": ratio, "ratio_min": ratio_min,
                         "target": target, "peak_mib": cmd.peak_mib}
        if "model floor" in floor_t:
            model = floor_t["model floor"]
            line += f" | {fmt_s(model.median)} {cmd.median / model.median:5.2f}x"
            results[name].update({"model_floor": MODEL_FLOORS[name],
                                  "model_floor_median_s": model.median,
                                  "model_ratio_median": cmd.median / model.median})
        print(line)
    print("\nWithout noticegen's cache (NOTICEGEN_NO_CACHE=1: every data file parsed and every "
          "template compiled again):")
    for name in ("check", "build"):
        times = []
        for _ in range(max(3, repeat // 3)):
            shutil.rmtree(out_dir, ignore_errors=True)
            times.append(run_once(commands[name], env={"NOTICEGEN_NO_CACHE": "1"})[0])
        uncached = statistics.median(times)
        results[name]["uncached_median_s"] = uncached
        print(f"  {name:6} {fmt_s(uncached)}  ({uncached / results[name]['median_s']:.2f}x the "
              "cached run)")
    if has_option(ng, "--force"):
        argv = commands["build"]
        run_once(argv)  # built once: from now on it is up to date
        up = measure("build, up to date", argv, repeat, warmup=0)
        results["build"]["up_to_date_median_s"] = up.median
        print("\nBuilt again into the same --out, where it is up to date (skipped, not rendered):")
        print(f"  build  {fmt_s(up.median)}  ({up.median / results['help']['median_s']:.2f}x "
              "`noticegen --help`)")
    print("\nfloors: " + "; ".join(f"{k}: python -c '{v}'" for k, v in FLOORS.items()))
    print("model floors: the floor + `class M(pydantic.BaseModel): x: int`")
    print("\nWhat each command imports (python -X importtime):")
    for name in ("help", "check"):
        mods = imported_modules(commands[name])
        heavy = sorted(m for m in HEAVY if m in mods)
        third = sorted(m for m in mods if m in {"typer", "click", "pydantic", "pydantic_core",
                                                 "yaml", "rich", "jinja2", "babel",
                                                 "markdown_it", "markupsafe", "shellingham"})
        print(f"  {name:6} third-party: {', '.join(third) or '-'}; "
              f"{'/'.join(HEAVY)}: {'IMPORTED ' + ', '.join(heavy) if heavy else 'absent'}")
        results[name]["third_party_imports"] = third
        results[name]["heavy_imported"] = heavy
    return results


def has_option(ng: list[str], option: str, command: str = "build") -> bool:
    """Whether `noticegen <command>` takes ``option`` (older commits lack some)."""
    proc = subprocess.run([*ng, command, "--help"], capture_output=True, text=True, check=False,
                          env={**CHILD_ENV, "COLUMNS": "200"})
    return proc.returncode == 0 and option in proc.stdout


def same_tree(a: Path, b: Path) -> bool:
    """Whether two folders hold the same files with the same bytes."""
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    if files_a != files_b:
        return False
    match, mismatch, errors = filecmp.cmpfiles(a, b, [str(p) for p in files_a], shallow=False)
    return not mismatch and not errors and len(match) == len(files_a)


def batch(ng: list[str], count: int, repeat: int, tmp: Path) -> dict[str, Any]:
    heading("2. Batch throughput: typical notices, every language and format")
    src = tmp / "batch"
    generate.write_batch(generate.PRESETS["typical"], count, src)
    files = sorted(str(p) for p in src.glob("*.yaml"))
    jobs_ok = has_option(ng, "--jobs")
    cores = os.cpu_count() or 1
    seq_out, par_out = tmp / "batch-seq", tmp / "batch-par"
    base = [*ng, "--quiet", "build", *files, "--out"]
    runs: list[tuple[str, list[str], Path, bool]] = []
    if jobs_ok:
        runs.append(("sequential (--jobs 1)", [*base, str(seq_out), "--jobs", "1"], seq_out, False))
        runs.append((f"--jobs {cores} (default)", [*base, str(par_out)], par_out, True))
    else:
        runs.append(("sequential (no --jobs yet)", [*base, str(seq_out)], seq_out, False))
    print(f"{count} generated typical notices (generate.py --preset typical --count {count}); "
          f"{repeat} runs each, fresh output folder per run\n")
    print(f"{'run':28} {'median':>11} {'min':>11} {'notices/s':>10} {'best':>7} {'peak':>9}"
          "  target >= 300/s")
    results: dict[str, Any] = {"count": count, "jobs_option": jobs_ok, "runs": {}}
    for label, argv, out, parallel in runs:
        timing = measure(label, argv, repeat, warmup=0,
                         before=lambda out=out: shutil.rmtree(out, ignore_errors=True))
        rate, best = count / timing.median, count / timing.min
        target = verdict(rate >= 300) if parallel else ""
        print(f"{label:28} {fmt_s(timing.median)} {fmt_s(timing.min)} {rate:10.0f} {best:7.0f} "
              f"{timing.peak_mib:5.0f} MiB  {target}")
        results["runs"][label] = {"median_s": timing.median, "min_s": timing.min,
                                  "per_s_median": rate, "per_s_best": best,
                                  "peak_mib": timing.peak_mib}
    if jobs_ok:
        identical = same_tree(seq_out, par_out)
        results["identical"] = identical
        print(f"\noutput of --jobs {cores} identical to sequential: "
              f"{'yes' if identical else 'NO'} ({sum(1 for p in seq_out.rglob('*') if p.is_file())}"
              " files compared byte for byte)")
    else:
        print("\n`noticegen build` has no --jobs option yet: only the sequential build is measured.")
    if has_option(ng, "--force"):
        results["rebuild"] = rebuild(base, files, par_out if jobs_ok else seq_out, repeat)
    results["check"] = check_batch(ng, files, repeat, has_option(ng, "--jobs", "check"))
    return results


def check_batch(ng: list[str], files: list[str], repeat: int, jobs_ok: bool) -> dict[str, Any]:
    """`noticegen check` of the same batch, as CI runs it on every push."""
    count, cores = len(files), os.cpu_count() or 1
    base = [*ng, "--quiet", "check", "--format", "json", *files]
    runs = [("sequential (--jobs 1)", [*base, "--jobs", "1"]),
            (f"--jobs {cores}", [*base, "--jobs", str(cores)])] if jobs_ok else [("sequential", base)]
    print(f"\nchecked (`noticegen check`, no files written), {repeat} runs each:")
    results: dict[str, Any] = {}
    for label, argv in runs:
        timing = measure(label, argv, repeat, warmup=0)
        rate = count / timing.median
        print(f"  {label:26} {fmt_s(timing.median)} {fmt_s(timing.min)} {rate:10.0f} notices/s "
              f"{timing.peak_mib:5.0f} MiB")
        results[label] = {"median_s": timing.median, "min_s": timing.min,
                          "per_s_median": rate, "peak_mib": timing.peak_mib}
    return results


def rebuild(base: list[str], files: list[str], out: Path, repeat: int) -> dict[str, Any]:
    """The same batch built again into the folder the last run filled: the notices already
    built as they would be now are skipped (noticegen.builder.uptodate)."""
    count = len(files)
    edited = files[:: max(1, count // 10)][:10]  # 10 notices spread over the batch
    print(f"\nbuilt again into the same folder (skipping what is up to date), {repeat} runs each:")
    results: dict[str, Any] = {}
    generation = [0]

    def edit() -> None:  # a new comment: new input bytes, same notice, same files
        generation[0] += 1
        for name in edited:
            path = Path(name)
            path.write_text(path.read_text("utf-8") + f"# edit {generation[0]}\n", "utf-8")

    for label, before in (("nothing changed", None), (f"{len(edited)} notices changed", edit)):
        timing = measure(label, [*base, str(out)], repeat, warmup=0, before=before)
        rate = count / timing.median
        print(f"  {label:26} {fmt_s(timing.median)} {fmt_s(timing.min)} {rate:10.0f} notices/s "
              f"{timing.peak_mib:5.0f} MiB")
        results[label] = {"median_s": timing.median, "min_s": timing.min,
                          "per_s_median": rate, "peak_mib": timing.peak_mib}
    return results


def scaling(ng: list[str], presets: Sequence[str], repeat: int, tmp: Path) -> dict[str, Any]:
    heading("3. Scaling: time and peak memory by notice size")
    results: dict[str, Any] = {}
    print(f"{repeat} runs each after one warm-up; peak = max resident set size of the process\n")
    print(f"{'notice':9} {'size':>9} {'cookies':>7} | {'check median':>12} {'peak':>8} | "
          f"{'build median':>12} {'min':>11} {'peak':>8}")
    for name in presets:
        size = generate.PRESETS[name]
        path = tmp / f"{name}.yaml"
        path.write_text(generate.dump(generate.notice(size)), encoding="utf-8")
        out = tmp / f"out-{name}"
        check = measure(f"check {name}", [*ng, "--quiet", "check", str(path)], repeat)
        build = measure(f"build {name}", [*ng, "--quiet", "build", str(path), "--out", str(out)],
                        repeat, before=lambda out=out: shutil.rmtree(out, ignore_errors=True))
        kib = path.stat().st_size / 1024
        print(f"{name:9} {kib:7.0f} KiB {size.cookies:7} | {fmt_s(check.median):>12} "
              f"{check.peak_mib:5.0f} MiB | {fmt_s(build.median):>12} {fmt_s(build.min)} "
              f"{build.peak_mib:5.0f} MiB")
        results[name] = {"size": asdict(size), "kib": kib,
                         "check_median_s": check.median, "check_min_s": check.min,
                         "check_peak_mib": check.peak_mib,
                         "build_median_s": build.median, "build_min_s": build.min,
                         "build_peak_mib": build.peak_mib}
    big, double = presets[-2], presets[-1]
    print()
    for what in ("check", "build"):
        ratio = results[double][f"{what}_median_s"] / results[big][f"{what}_median_s"]
        results[f"{what}_growth"] = ratio
        print(f"{what}: {double} / {big} = {ratio:.2f}x time for 2x input "
              f"(target <= 2.2x: {verdict(ratio <= 2.2)})")
    b = results[big]
    print(f"{big}: build {b['build_median_s']:.2f} s (target < 2 s: "
          f"{verdict(b['build_median_s'] < 2)}), peak {b['build_peak_mib']:.0f} MiB "
          f"(target < 300 MB: {verdict(b['build_peak_mib'] * 1.048576 < 300)})")
    return results


PREVIEW_TARGET = 0.100
"""Seconds from saving the notice to the browser showing the rebuilt page (issue #21)."""
VERSION_PATH = "/__noticegen__/version"
"""Where a preview without the event stream (before #21's push) gives its build number."""


def preview_latencies(ng: Sequence[str], saves: int, tmp: Path, *, env: dict[str, str] | None = None,
                      warmup: int = 3, chromium: bool = False) -> dict[str, list[float]]:
    """Save a typical notice ``saves`` times under a running ``noticegen preview``.

    For each save, measured the way a browser gets the new page: the page open in the browser
    holds the event stream its script opens (``new EventSource(".../events?since=N")``, N the
    build it was served from), connected before the save. ``server``: seconds from the save
    until the preview announces the new build on that stream; ``browser``: until the page,
    fetched again as the script's ``location.reload()`` does, has arrived with the change.
    A build that does not have the change yet (the file read half written) is waited out: the
    time is until the page with the change. ``warmup`` saves first are not counted (the
    process is warm, as when someone edits the notice).

    ``chromium``, and Chromium and tests/audit's node modules are installed: then the same
    saves again with the page open in headless Chromium (tests/audit/preview_probe.cjs), until
    its own script has reloaded it with the change (``chromium``).

    A preview whose pages poll the build number instead (before issue #21's push: `ab.py`
    against an older checkout) is measured as those pages learned of a build: ``server`` until
    the build number changes (asked every 5 ms), and ``browser`` adds the wait for the page's
    next question, which falls every ``interval`` ms from a moment of its own (a random,
    seeded point of that interval), and the fetch of the page.
    """
    import re

    folder = tmp / "preview"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "notice.yaml"
    text = generate.dump(generate.notice(generate.PRESETS["typical"]))
    anchor = "Tässä selosteessa kerromme"
    assert anchor in text, "the generated notice's introduction changed"
    path.write_text(text, encoding="utf-8")
    proc = subprocess.Popen([*ng, "preview", str(path), "--port", "0"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, cwd=folder,
                            env={**CHILD_ENV, "PYTHONUNBUFFERED": "1", **(env or {})}, text=True)
    try:
        assert proc.stdout is not None
        base = ""
        for line in proc.stdout:
            found = re.search(r"http://127\.0\.0\.1:\d+", line)
            if found:
                base = found.group(0)
                break
        if not base:
            raise CommandFailed(f"{shown(list(ng))} preview: no address printed")
        threading.Thread(target=proc.stdout.read, daemon=True).start()  # never blocks the child

        def get(url_path: str) -> tuple[str, bytes]:
            try:
                with urllib.request.urlopen(base + url_path, timeout=30) as answer:
                    return answer.geturl(), answer.read()
            except urllib.error.HTTPError as error:  # the error page of a build that failed
                return error.geturl(), error.read()

        page_url, page = get("/")
        page_path = page_url.removeprefix(base)
        pushed = re.search(rb'EventSource\("([^"?]+)\?since=\d+"\)', page)
        out: dict[str, list[float]] = {"server": [], "browser": []}
        measure = (_pushed(get, base, page_path, pushed.group(1).decode()) if pushed
                   else _polled(get, page_path, page, out))
        for i in range(warmup + saves):
            marker = f"Tässä selosteessa (muutos {i}) kerromme"
            server, browser = measure(lambda m=marker: path.write_text(text.replace(anchor, m),
                                                                       encoding="utf-8"),
                                      marker.encode("utf-8"))
            if i >= warmup:
                out["server"].append(server)
                out["browser"].append(browser)
        if chromium and chromium_probe() is not None:
            out["chromium"] = _in_chromium(base, path, text, anchor, saves, warmup)
        return out
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


AUDIT = ROOT / "tests" / "audit"
"""Headless Chromium driven by playwright-core (bash tests/audit/install.sh installs them)."""


def chromium_probe() -> list[str] | None:
    """The command that runs tests/audit/preview_probe.cjs, or None without its tools."""
    node = shutil.which("node")
    ready = (Path(os.environ.get("AUDIT_CHROMIUM", "/usr/bin/chromium")).is_file()
             and (AUDIT / "node_modules" / "playwright-core").is_dir())
    return [node, str(AUDIT / "preview_probe.cjs")] if node and ready else None


def _in_chromium(base: str, path: Path, text: str, anchor: str, saves: int,
                 warmup: int) -> list[float]:
    """Seconds from each save to the page, open in Chromium, reloaded with the change."""
    probe = chromium_probe()
    assert probe is not None
    job = path.parent / "chromium-job.json"
    replacement = "Tässä selosteessa (Chromium {i}) kerromme"
    job.write_text(json.dumps({"url": base + "/", "notice": str(path), "anchor": anchor,
                               "replacement": replacement, "shown": replacement,
                               "saves": saves, "warmup": warmup}), encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    done = subprocess.run([*probe, str(job)], capture_output=True, text=True, cwd=AUDIT,
                          timeout=120 + 30 * (saves + warmup), check=False)
    try:
        times = json.loads(done.stdout)
    except ValueError:
        times = None
    if done.returncode != 0 or not isinstance(times, list):
        raise CommandFailed(f"preview_probe.cjs failed: {done.stderr or done.stdout}"[:2000])
    return [ms / 1000 for ms in times]


Get = Callable[[str], tuple[str, bytes]]
"""A page of the preview by its path: its final address and its body."""
Measure = Callable[[Callable[[], Any], bytes], tuple[float, float]]
"""One save (the function that saves, the text that shows the change): seconds until the page is
told of the build, and until the browser has the page with the change."""


def _pushed(get: Get, base: str, page_path: str, events_path: str) -> Measure:
    """One save measured on the event stream, as the browser's EventSource receives it."""
    import re

    def measure(save: Callable[[], Any], marker: bytes) -> tuple[float, float]:
        _, page = get(page_path)  # the page as the browser has it now
        since = re.search(rb"since=(\d+)", page)
        if since is None:
            raise CommandFailed(f"preview served {page_path} without its reload script")
        with urllib.request.urlopen(f"{base}{events_path}?since={since.group(1).decode()}",
                                    timeout=30) as stream:
            stream.readline()  # "retry: …": connected, as a page's stream is long before a save
            saved = time.perf_counter()
            save()
            announced = None
            for line in stream:
                if not line.startswith(b"data: "):
                    continue
                if announced is None:
                    announced = time.perf_counter() - saved
                if marker in get(page_path)[1]:  # location.reload()
                    return announced, time.perf_counter() - saved
                if time.perf_counter() - saved > 30:
                    break
        raise CommandFailed(f"preview did not serve {page_path} with the saved change")

    return measure


def _polled(get: Get, page_path: str, page: bytes, out: dict[str, list[float]]) -> Measure:
    """One save measured as a page that asks for the build number every ``interval`` learns of
    it (a preview before issue #21's push)."""
    import random
    import re

    interval = 1.0
    polled = re.search(rb"\}\s*,\s*(\d+)\s*\)\s*;\s*\}\)\(\);", page)
    if polled:
        interval = int(polled.group(1)) / 1000
    out["interval"] = [interval]
    rng = random.Random(21)

    def measure(save: Callable[[], Any], marker: bytes) -> tuple[float, float]:
        before = get(VERSION_PATH)[1]
        phase = rng.random() * interval  # the page's next question comes this long after the save
        saved = time.perf_counter()
        save()
        while get(VERSION_PATH)[1] == before:
            if time.perf_counter() - saved > 30:
                raise CommandFailed("preview did not rebuild within 30 s of a save")
            time.sleep(0.005)
        ready = time.perf_counter() - saved
        asked = phase  # the first question at or after the new build is served
        while asked < ready:
            asked += interval
        start = time.perf_counter()
        body = get(page_path)[1]
        fetch = time.perf_counter() - start
        if marker not in body:
            raise CommandFailed(f"preview served {page_path} without the saved change")
        return ready, asked + fetch

    return measure


def preview(ng: list[str], saves: int, tmp: Path) -> dict[str, Any]:
    heading("4. Preview: from saving the notice to the rebuilt page in the browser")
    if not has_option(ng, "--port", "preview"):
        print("`noticegen preview` is missing: not measured.")
        return {}
    times = preview_latencies(ng, saves, tmp, chromium=True)
    print(f"the typical notice (generate.py --preset typical), `noticegen preview` running; {saves} "
          "saves after 3 warm-up saves\n")
    print(f"{'':40} {'median':>11} {'min':>11} {'max':>11}")
    results: dict[str, Any] = {"saves": saves}
    for key, label in (("server", "save → the page is told of the build"),
                       ("browser", "save → the browser has the new page"),
                       ("chromium", "save → Chromium has reloaded the page")):
        values = times.get(key)
        if not values:
            continue
        results[key] = {"median_s": statistics.median(values), "min_s": min(values),
                        "max_s": max(values)}
        print(f"{label:40} {fmt_s(statistics.median(values))} {fmt_s(min(values))} "
              f"{fmt_s(max(values))}")
    ok = results["browser"]["median_s"] <= PREVIEW_TARGET
    if "interval" in times:
        results["poll_interval_s"] = times["interval"][0]
        print(f"\nthe page asks for the build number every {times['interval'][0] * 1000:.0f} ms")
    else:
        print("\nthe page holds an event stream open; the preview answers on it after the rebuild")
    if "chromium" not in times:
        print("(not measured in Chromium: run bash tests/audit/install.sh for that line)")
    print(f"target: the browser has the new page within {PREVIEW_TARGET * 1000:.0f} ms of the save "
          f"(median): {verdict(ok)}")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="tiny inputs and few repeats: checks that the script runs (CI)")
    parser.add_argument("--repeat", type=int, help="timed runs per startup measurement")
    parser.add_argument("--batch", type=int, help="notices in the batch (default 1000)")
    parser.add_argument("--only", action="append", choices=SECTIONS,
                        help="run only these sections (repeatable)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument("--env-as-is", action="store_true",
                        help="keep PYTHONDONTWRITEBYTECODE if set (default: cache bytecode in a "
                        "temporary folder, as an installed noticegen does)")
    args = parser.parse_args(argv)
    quick = args.quick
    repeat = args.repeat or (2 if quick else 15)
    count = args.batch or (8 if quick else 1000)
    batch_repeat = 1 if quick else 3
    scale_repeat = 1 if quick else 3
    presets = ("tiny", "small", "small2x") if quick else ("typical", "large", "large2x")
    only = set(args.only or SECTIONS)
    ng = noticegen_argv()
    print(f"# noticegen benchmarks{' (--quick: tiny inputs, numbers not meaningful)' if quick else ''}")
    print(f"command: {' '.join(ng)}")
    results: dict[str, Any] = {"quick": quick}
    with tempfile.TemporaryDirectory(prefix="noticegen-bench-") as name:
        tmp = Path(name)
        if not args.env_as_is:
            use_bytecode_cache(tmp / "pycache")
        CHILD_ENV["NOTICEGEN_CACHE_DIR"] = str(tmp / "noticegen-cache")  # filled by warm-ups
        try:
            results["machine"] = machine()
            if "startup" in only:
                results["startup"] = startup(ng, repeat, tmp)
            if "batch" in only:
                results["batch"] = batch(ng, count, batch_repeat, tmp)
            if "scaling" in only:
                results["scaling"] = scaling(ng, presets, scale_repeat, tmp)
            if "preview" in only:
                results["preview"] = preview(ng, 3 if quick else 20, tmp)
        except CommandFailed as exc:
            print(f"\nbenchmark failed: {exc}", file=sys.stderr)
            return 1
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
