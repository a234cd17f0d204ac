"""Browser-side checks for rendered HTML: vnu + axe-core (tests/audit/audit) and the script probe.

Tests that use these are marked ``@pytest.mark.browser`` and call :func:`require_browser` first::

    @pytest.mark.browser
    def test_page_is_valid(tmp_path: Path) -> None:
        browser.require_browser()
        (result,) = browser.audit([page])
        assert result["passed"], browser.describe(result)

Pass many files to one :func:`audit` / :func:`probe_scripts` call: they share one JVM and one
Chromium, which start in about 2-3 s. ``bash scripts/test.sh`` installs the tools
(``tests/audit/install.sh``). Outside CI a missing tool skips the test; with ``CI`` set it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

AUDIT_DIR = Path(__file__).resolve().parent / "audit"
AUDIT_SCRIPT = AUDIT_DIR / "audit"
PROBE_SCRIPT = AUDIT_DIR / "script_probe.cjs"
RENDER_SCRIPT = AUDIT_DIR / "render_probe.cjs"
PREVIEW_SCRIPT = AUDIT_DIR / "preview_probe.cjs"
HOSTS_DIR = Path(__file__).resolve().parent / "data" / "hosts"
HOSTS = ("light", "dark", "aggressive")
"""Host pages a fragment is embedded in: a light site, a dark one, one with aggressive element rules."""
NODE_MODULES = AUDIT_DIR / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = Path(os.environ.get("AUDIT_CHROMIUM", "/usr/bin/chromium"))
INSTALL_HINT = "run `bash tests/audit/install.sh` (or `bash scripts/test.sh`)"


def tools_available() -> str | None:
    """None when Chromium, Java, node and tests/audit/node_modules are ready, else why not."""
    missing = []
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        missing.append(f"chromium ({CHROMIUM})")
    if shutil.which("java") is None:
        missing.append("java")
    if shutil.which("node") is None:
        missing.append("node")
    modules = [
        NODE_MODULES / "axe-core" / "axe.min.js",
        NODE_MODULES / "playwright-core" / "package.json",
        VNU_JAR,
    ]
    if not all(p.is_file() for p in modules):
        missing.append(f"node modules in {NODE_MODULES}")
    if not missing:
        return None
    return f"browser tools missing: {', '.join(missing)}; {INSTALL_HINT}"


def require_browser() -> None:
    """Skips the test when the browser tools are missing; fails it under CI (CI must not skip)."""
    reason = tools_available()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


def _paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    out = [Path(p).resolve() for p in paths]
    if not out:
        raise ValueError("no files given")
    for p in out:
        if not p.is_file():
            raise FileNotFoundError(p)
    return out


def audit(
    paths: Iterable[str | os.PathLike[str]],
    *,
    fragment: bool = False,
    screenshot_dir: str | os.PathLike[str] | None = None,
) -> list[dict[str, Any]]:
    """Runs vnu and axe-core (1280 and 390 px wide) on the files, in one JVM and one browser.

    Returns one dict per file, in the order given:

    - ``file``: absolute path; ``passed``: no vnu error and no serious/critical axe violation;
      ``verdict``: "PASS" or "FAIL".
    - ``vnu_errors``, ``vnu_warnings``: vnu messages (dicts with ``message``, ``extract`` and ``line``,
      the line in the file given, None when it is in the fragment wrapper).
    - ``axe_violations``: dicts with ``id``, ``impact``, ``help``, ``nodes`` (count), ``targets``,
      ``summary``, ``viewports``; ``axe_incomplete``: "needs review" results (they don't fail).
    - ``blocked``: external requests that were blocked; ``failed``: local resources that didn't load;
      ``screenshots``: PNG paths; ``raw``: the audit tool's own JSON for the file.

    A tool failure (vnu or Chromium did not run) raises RuntimeError.
    """
    files = _paths(paths)
    with tempfile.TemporaryDirectory(prefix="noticegen-audit-") as tmp:
        report_path = Path(tmp) / "report.json"
        cmd = [sys.executable, str(AUDIT_SCRIPT), "--json", str(report_path)]
        if fragment:
            cmd.append("--fragment")
        if screenshot_dir is not None:
            cmd += ["--screenshot-dir", str(Path(screenshot_dir).resolve())]
        cmd += ["--", *map(str, files)]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300 + 60 * len(files), check=False)
        if proc.returncode not in (0, 1) or not report_path.is_file():
            raise RuntimeError(
                f"tests/audit/audit failed (exit {proc.returncode}):\n{proc.stderr}\n{proc.stdout[-4000:]}"
            )
        report = json.loads(report_path.read_text(encoding="utf-8"))
    results = []
    for path, raw in zip(files, report["files"], strict=True):
        offset = raw.get("line_offset", 0)
        msgs = []
        for m in raw["vnu"]:
            line = m.get("lastLine")
            msgs.append({**m, "line": None if line is None or line <= offset else line - offset})
        axe = raw.get("axe") or {}
        results.append(
            {
                "file": str(path),
                "verdict": raw["verdict"],
                "passed": raw["verdict"] == "PASS",
                "vnu_errors": [m for m in msgs if m.get("type") == "error"],
                "vnu_warnings": [
                    m for m in msgs if m.get("type") == "info" and m.get("subType") == "warning"
                ],
                "axe_violations": axe.get("violations", []),
                "axe_incomplete": axe.get("incomplete", []),
                "blocked": axe.get("blocked", []),
                "failed": axe.get("failed", []),
                "screenshots": axe.get("screenshots", []),
                "raw": raw,
            }
        )
    return results


def describe(result: dict[str, Any]) -> str:
    """A readable account of one :func:`audit` result, for assertion messages."""
    lines = [f"{result['file']}: {result['verdict']}"]
    for m in result["vnu_errors"] + result["vnu_warnings"]:
        kind = "error" if m.get("type") == "error" else "warning"
        where = "wrapper" if m["line"] is None else f"L{m['line']}"
        extract = " ".join((m.get("extract") or "").split())[:120]
        lines.append(
            f"  vnu {kind} {where}: {m.get('message', '').strip()}" + (f"  > {extract}" if extract else "")
        )
    for v in result["axe_violations"]:
        lines.append(
            f"  axe [{v.get('impact')}] {v['id']} x{v['nodes']}: {v['help']} at {' | '.join(v['targets'])}"
        )
    lines += [f"  blocked request: {u}" for u in result["blocked"]]
    lines += [f"  did not load: {u}" for u in result["failed"]]
    return "\n".join(lines)


PROBE_EVIDENCE = ("scripts", "dialogs", "console", "errors", "requests", "navigations")


def probe_scripts(paths: Iterable[str | os.PathLike[str]]) -> list[dict[str, Any]]:
    """Loads each file in headless Chromium and records any sign of script execution.

    Returns one dict per file, in order: ``{file, url, scripts, dialogs, console, errors, requests,
    navigations}`` (see tests/audit/script_probe.cjs). An inert page has every list empty; use
    :func:`probe_evidence` to get the non-empty ones.
    """
    files = _paths(paths)
    return _node_list(PROBE_SCRIPT, list(map(str, files)), len(files), AUDIT_DIR,
                      timeout=120 + 30 * len(files))


def _node_list(script: Path, args: list[str], count: int, cwd: Path, *, timeout: int) -> list[Any]:
    """Runs a node script that prints a JSON list of ``count`` results; RuntimeError if not."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node not found")
    proc = subprocess.run([node, str(script), *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd, check=False)
    try:
        data = json.loads(proc.stdout)
    except ValueError:
        data = None
    if proc.returncode != 0 or not isinstance(data, list) or len(data) != count:
        raise RuntimeError(
            f"{script.name} failed (exit {proc.returncode}):\n{proc.stderr}\n{proc.stdout[-4000:]}"
        )
    return data


def probe_evidence(result: dict[str, Any]) -> dict[str, list[Any]]:
    """The non-empty evidence lists of one :func:`probe_scripts` result ({} for an inert page)."""
    return {k: result[k] for k in PROBE_EVIDENCE if result.get(k)}


def host_page(host: str, fragments: Iterable[str | os.PathLike[str]], stylesheet: str | os.PathLike[str],
              out: str | os.PathLike[str], *, lang: str = "en") -> Path:
    """Writes ``out``: the host page ``tests/data/hosts/<host>.html`` with the fragments in its
    main content and noticegen.css linked (by a path relative to ``out``)."""
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = (HOSTS_DIR / f"{host}.html").read_text(encoding="utf-8")
    body = "\n".join(Path(f).read_text(encoding="utf-8") for f in fragments)
    href = os.path.relpath(Path(stylesheet).resolve(), target.parent.resolve())
    page = text.replace("{lang}", lang).replace("{stylesheet}", href).replace("{fragments}", body)
    target.write_text(page, encoding="utf-8")
    return target


def render_probe(jobs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Loads pages in headless Chromium (tests/audit/render_probe.cjs) and, per job, evaluates a
    script, takes a screenshot or prints to PDF (A4). Each job: ``file`` and any of ``width``,
    ``height``, ``colorScheme``, ``media`` ("print"), ``evaluate`` (a JS expression), ``axeRules``,
    ``screenshot`` (with ``fullPage``, ``scrollTo``), ``pdf`` (paths).
    Returns one dict per job: ``value``, ``screenshot``, ``pdf``, ``pdfPages``, ``error``."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node not found")
    with tempfile.TemporaryDirectory(prefix="noticegen-probe-") as tmp:
        job_file = Path(tmp) / "job.json"
        job_file.write_text(json.dumps({"pages": [
            {**job, **{k: str(Path(job[k]).resolve()) for k in ("file", "screenshot", "pdf") if k in job}}
            for job in jobs]}), encoding="utf-8")
        proc = subprocess.run([node, str(RENDER_SCRIPT), str(job_file)], capture_output=True, text=True,
                              timeout=120 + 30 * len(jobs), cwd=AUDIT_DIR, check=False)
    try:
        data = json.loads(proc.stdout)
    except ValueError:
        data = None
    if proc.returncode != 0 or not isinstance(data, list) or len(data) != len(jobs):
        raise RuntimeError(
            f"render_probe.cjs failed (exit {proc.returncode}):\n{proc.stderr}\n{proc.stdout[-4000:]}")
    errors = [r["error"] for r in data if r.get("error")]
    if errors:
        raise RuntimeError("render_probe.cjs: " + "\n".join(errors))
    return data

def preview_reloads(url: str, notice: str | os.PathLike[str], *, anchor: str, replacement: str,
                    shown: str, saves: int, warmup: int = 0) -> list[float]:
    """A page of a running `noticegen preview` open in headless Chromium while the notice is
    saved ``warmup + saves`` times (tests/audit/preview_probe.cjs): per counted save, the
    milliseconds until the browser has loaded the new page (``anchor`` replaced by
    ``replacement`` in the notice, ``shown`` in the page; ``{i}`` in them the save's number)."""
    with tempfile.TemporaryDirectory(prefix="noticegen-probe-") as tmp:
        job_file = Path(tmp) / "job.json"
        job_file.write_text(json.dumps({
            "url": url, "notice": str(Path(notice).resolve()), "anchor": anchor,
            "replacement": replacement, "shown": shown, "saves": saves, "warmup": warmup}),
            encoding="utf-8")
        times = _node_list(PREVIEW_SCRIPT, [str(job_file)], saves, AUDIT_DIR,
                           timeout=120 + 30 * (saves + warmup))
    return [float(t) for t in times]


# --- consent managers (tests/consent: vanilla-cookieconsent, Klaro, tsc) ----------------------

CONSENT_DIR = Path(__file__).resolve().parent / "consent"
CONSENT_MODULES = CONSENT_DIR / "node_modules"
BANNER_PROBE = CONSENT_DIR / "banner_probe.cjs"
CONSENT_LIBRARIES = {
    "cookieconsent": [CONSENT_MODULES / "vanilla-cookieconsent" / "dist" / "cookieconsent.umd.js",
                      CONSENT_MODULES / "vanilla-cookieconsent" / "dist" / "cookieconsent.css"],
    "klaro": [CONSENT_MODULES / "klaro" / "dist" / "klaro.js"],
}
TSC = CONSENT_MODULES / "typescript" / "bin" / "tsc"
CONSENT_HINT = "run `bash tests/consent/install.sh` (or `bash scripts/test.sh`)"


def require_consent_tools(*, browser: bool = True) -> None:
    """Like :func:`require_browser`, for tests that need the consent managers (and tsc)."""
    if browser:
        require_browser()
    missing = [p for files in CONSENT_LIBRARIES.values() for p in files if not p.is_file()]
    if not TSC.is_file():
        missing.append(TSC)
    if shutil.which("node") is None or missing:
        reason = f"consent managers missing ({', '.join(map(str, missing)) or 'node'}); {CONSENT_HINT}"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)", pytrace=False)
        pytest.skip(reason)


def typecheck_cookieconsent(module: Path) -> subprocess.CompletedProcess[str]:
    """tsc --checkJs on a generated cookieconsent.js, against vanilla-cookieconsent's own types
    (its ``@type`` comment names ``CookieConsentConfig``); returncode 0 when it conforms."""
    with tempfile.TemporaryDirectory(prefix="noticegen-tsc-") as tmp:
        target = Path(tmp) / "cookieconsent.js"
        shutil.copyfile(module, target)
        types = CONSENT_MODULES / "vanilla-cookieconsent" / "types" / "index.d.ts"
        (Path(tmp) / "tsconfig.json").write_text(json.dumps({
            "compilerOptions": {
                "allowJs": True, "checkJs": True, "noEmit": True, "strict": True,
                "module": "es2022", "target": "es2022", "moduleResolution": "bundler",
                "types": [], "paths": {"vanilla-cookieconsent": [str(types)]},
            },
            "files": ["cookieconsent.js"],
        }), "utf-8")
        return subprocess.run([shutil.which("node") or "node", str(TSC), "-p", tmp],
                              capture_output=True, text=True, timeout=300, check=False)


def node_eval(script: str, *args: str) -> Any:
    """Runs a node script (CommonJS, in tests/consent) and returns the JSON it prints."""
    proc = subprocess.run([shutil.which("node") or "node", "-e", script, "--", *args],
                          capture_output=True, text=True, timeout=120, cwd=CONSENT_DIR, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"node failed (exit {proc.returncode}):\n{proc.stderr}")
    return json.loads(proc.stdout)


def probe_banners(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Runs tests/consent/banner_probe.cjs on the cases (one Chromium for all of them)."""
    with tempfile.TemporaryDirectory(prefix="noticegen-banner-") as tmp:
        path = Path(tmp) / "cases.json"
        path.write_text(json.dumps(cases), "utf-8")
        return _node_list(BANNER_PROBE, [str(path)], len(cases), CONSENT_DIR,
                          timeout=120 + 60 * len(cases))
