"""Output files: paths stay inside --out, failures leave earlier output intact, writes are atomic.

- Odd file names (``..``, `` ``, ``CON``, unicode, ``../x.yaml``) become safe folder names, and a
  build creates files only under ``--out``; symlinks pointing out of it are refused.
- A read-only or full output folder: exit 1, a clear message without a traceback, earlier files
  byte-identical, no temp files (simulated by failing ``tempfile.mkstemp``, ``os.fsync`` and
  ``os.replace``; also for real when the tests do not run as root, who ignores permissions).
- Interrupting a build at every step of writing (an exception in process), with SIGINT (exit 130)
  and with SIGKILL at random moments leaves every output file complete: the old or the new one.
  SIGKILL gives no chance to clean up: it may leave a temp file, which is always a hidden
  ``.<name>.<random>.tmp`` beside its target, never a file with an output's name.
- Two builds running at once into the same folder both succeed and leave complete files.
"""

from __future__ import annotations

import errno
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from noticegen.builder import write
from noticegen.cli import app
from noticegen.errors import OutputError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qualitydesk.yaml"
OUTPUT_NAMES = {"index.html", "fragment.html", "notice.md", "notice.txt", "notice.json", "noticegen.css",
                "cookieconsent.js", "cookieconsent.json", "klaro.js", "klaro.json"}
_SEGMENT_CHARS = set("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789._-".replace(" ", ""))


# --- helpers ---------------------------------------------------------------------------------

def files_under(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (relative POSIX path → bytes); symlinks are not followed."""
    out: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            out[path.relative_to(folder).as_posix()] = path.read_bytes()
    return out


def is_output(path: Path) -> bool:
    """Whether a path names an output file (the short notices are named after their register)."""
    return path.name in OUTPUT_NAMES or (path.parent.name == "short"
                                         and path.suffix in (".html", ".txt"))


def temp_files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file() and not is_output(p))


def version_of(text: str, version: str) -> str:
    """The example with another version number: every per-language file and the JSON change."""
    data = yaml.safe_load(text)
    data["notice"]["version"] = version
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def run(args: list[str]) -> Any:
    """`noticegen ARGS` in process; returns the CliRunner result."""
    return CliRunner().invoke(app, args, catch_exceptions=False)


def cli(*args: str, env: dict[str, str] | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "noticegen", *args], capture_output=True, text=True,
                          timeout=120, env=env, cwd=cwd, check=False)


@pytest.fixture(scope="module")
def references(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The output of two versions of the example (A: 2.0, B: 2.1), built once."""
    tmp = tmp_path_factory.mktemp("references")
    source = tmp / "notice.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    refs = []
    for version in ("2.0", "2.1"):
        source.write_text(version_of(text, version), encoding="utf-8")
        out = tmp / f"ref-{version}"
        result = run(["build", str(source), "--out", str(out)])
        assert result.exit_code == 0, result.output
        refs.append(files_under(out / "notice"))
    assert refs[0].keys() == refs[1].keys()
    assert sum(refs[0][k] != refs[1][k] for k in refs[0]) >= 9, "every file but the stylesheet differs"
    return refs[0], refs[1]


@pytest.fixture
def two_versions(tmp_path: Path, references: tuple[dict[str, bytes], dict[str, bytes]],
                 ) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """notice.yaml (version A) in tmp_path, and the reference output of versions A and B."""
    source = tmp_path / "notice.yaml"
    source.write_text(version_of(EXAMPLE.read_text(encoding="utf-8"), "2.0"), encoding="utf-8")
    return source, *references


def assert_complete(folder: Path, *versions: dict[str, bytes]) -> None:
    """Every output file in ``folder`` is exactly one of the versions' files."""
    for rel, data in files_under(folder).items():
        if not is_output(Path(rel)):
            continue
        assert any(v.get(rel) == data for v in versions), f"{rel} is partial or mixed ({len(data)} bytes)"


# --- paths stay inside --out -----------------------------------------------------------------

@pytest.mark.parametrize("name", ["../evil", "a/b", "..", ".", "", " ", "CON", "nul.txt", ".hidden",
                                  "a\\b", "tietosuoja-ä", "日本語", "x" * 300, "-rf", "\u202eexe.txt",
                                  "a\x00b", "~root"])
def test_safe_segment_is_one_plain_folder_name(name: str) -> None:
    segment = write.safe_segment(name)
    assert segment and segment not in (".", "..")
    assert set(segment) <= _SEGMENT_CHARS, segment
    assert not segment.startswith((".", "-")) and len(segment) <= 100


@pytest.mark.parametrize("relative", ["../x", "a/../../x", "/etc/passwd", "a/../..", "..\\..\\x/../../y"])
def test_inside_refuses_paths_that_leave_the_root(tmp_path: Path, relative: str) -> None:
    with pytest.raises(OutputError, match="refusing to write outside"):
        write.inside(tmp_path / "out", relative)
    assert write.inside(tmp_path / "out", "a/b.html") == (tmp_path / "out" / "a" / "b.html").resolve()


ODD_FILES = ["...yaml", " .yaml", "CON.yaml", ".yaml", "a b.yaml", "ä-ö.yaml", "日本語.yaml",
             "-.yaml", "x\u202eyaml.yaml", "%2e%2e.yaml"]


def test_odd_file_names_write_only_under_out(tmp_path: Path) -> None:
    """Each odd name is built on its own (several collide on purpose); nothing lands outside --out."""
    src = tmp_path / "src" / "deeper"
    src.mkdir(parents=True)
    text = EXAMPLE.read_text(encoding="utf-8")
    for name in [*ODD_FILES, "evil.yaml"]:
        (src / name).write_text(text, encoding="utf-8")
    (tmp_path / "src" / "evil.yaml").write_text(text, encoding="utf-8")
    before = set(files_under(tmp_path))
    out = tmp_path / "work" / "out"
    stems = set()
    old = Path.cwd()
    try:
        os.chdir(src)  # "../evil.yaml" names a file outside the current folder
        for name in [*(f"./{n}" for n in ODD_FILES), "../evil.yaml"]:
            result = run(["build", name, "--out", str(out), "--format", "json,txt"])
            assert result.exit_code == 0, (name, result.output)
            assert "Traceback" not in result.output
            stems |= {p.name for p in out.iterdir()}
    finally:
        os.chdir(old)
    created = set(files_under(tmp_path)) - before
    outside = [p for p in created if not p.startswith("work/out/")]
    assert outside == [], outside
    for stem in stems:
        assert set(stem) <= _SEGMENT_CHARS and stem not in (".", "..") and not stem.startswith("."), stem
    assert "evil" in stems and "CON" in stems and "notice" in stems


def test_two_files_that_would_share_a_folder_are_a_usage_error(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    for name in ("日本.yaml", "中文.yaml"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = run(["build", str(tmp_path / "日本.yaml"), str(tmp_path / "中文.yaml"),
                  "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "would both be written to" in result.output
    assert not (tmp_path / "o").exists()


def test_symlinks_out_of_the_output_folder_are_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("keep", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "qualitydesk").symlink_to(outside, target_is_directory=True)
    result = run(["build", str(EXAMPLE), "--out", str(out)])
    assert result.exit_code == 1
    assert "refusing to write outside" in result.output and "Traceback" not in result.output
    assert files_under(outside) == {"keep.txt": b"keep"}

    # A file symlinked to somewhere else is not written through either.
    (out / "qualitydesk").unlink()
    (out / "qualitydesk" / "fi").mkdir(parents=True)
    (out / "qualitydesk" / "fi" / "index.html").symlink_to(outside / "keep.txt")
    result = run(["build", str(EXAMPLE), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert (outside / "keep.txt").read_text(encoding="utf-8") == "keep"


# --- failures leave earlier output intact ----------------------------------------------------

def _fail_on_call(n: int, exc: OSError, real: Callable[..., Any]) -> Callable[..., Any]:
    """``real``, except that call ``n`` fails with ``exc`` naming its file as the OS would."""
    calls = {"n": 0}

    def fake(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == n:
            if real is _REAL_REPLACE:
                raise type(exc)(exc.errno, exc.strerror, str(args[0]), None, str(args[1]))
            if real is _REAL_MKSTEMP:
                raise type(exc)(exc.errno, exc.strerror, str(kwargs.get("dir")))
            raise exc
        return real(*args, **kwargs)

    return fake


_REAL_REPLACE = os.replace
_REAL_MKSTEMP = tempfile.mkstemp
FAILURES = [
    ("tempfile.mkstemp", 1, PermissionError(errno.EACCES, "Permission denied"), "permission denied"),
    ("tempfile.mkstemp", 4, OSError(errno.EROFS, "Read-only file system"), "read-only file system"),
    ("os.fsync", 3, OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
    ("os.fsync", 1, OSError(errno.EDQUOT, "Disk quota exceeded"), "the disk is full"),
    ("os.replace", 1, PermissionError(errno.EACCES, "Permission denied"), "permission denied"),
    ("os.replace", 1, OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
]


@pytest.mark.parametrize(("target", "nth", "exc", "message"), FAILURES,
                         ids=[f"{t}#{n}-{errno.errorcode[e.errno or 0]}" for t, n, e, _ in FAILURES])
def test_a_write_failure_is_a_message_and_changes_nothing(
    two_versions: tuple[Path, dict[str, bytes], dict[str, bytes]], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, target: str, nth: int, exc: OSError, message: str,
) -> None:
    source, ref_a, _ = two_versions
    out = tmp_path / "out"
    source.write_text(version_of(source.read_text(encoding="utf-8"), "2.0"), encoding="utf-8")
    assert run(["build", str(source), "--out", str(out)]).exit_code == 0
    assert files_under(out / "notice") == ref_a

    source.write_text(version_of(source.read_text(encoding="utf-8"), "2.1"), encoding="utf-8")
    module, name = target.split(".")
    owner: Any = tempfile if module == "tempfile" else os
    monkeypatch.setattr(owner, name, _fail_on_call(nth, exc, getattr(owner, name)))
    result = run(["build", str(source), "--out", str(out)])
    monkeypatch.undo()

    assert result.exit_code == 1
    assert f"noticegen: error: cannot write {out}" in result.output and message in result.output
    assert "fix:" in result.output and "Traceback" not in result.output
    assert files_under(out / "notice") == ref_a, "earlier output must be byte-identical"
    assert temp_files(out) == []


def test_a_failure_while_moving_files_into_place_leaves_only_complete_files(
    two_versions: tuple[Path, dict[str, bytes], dict[str, bytes]], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Renames are atomic one by one, not as a group: a failure after some of them leaves each
    file whole, old or new (a rename failing after others succeeded is rare: no space is needed)."""
    source, ref_a, ref_b = two_versions
    out = tmp_path / "out"
    source.write_text(version_of(source.read_text(encoding="utf-8"), "2.0"), encoding="utf-8")
    assert run(["build", str(source), "--out", str(out)]).exit_code == 0
    source.write_text(version_of(source.read_text(encoding="utf-8"), "2.1"), encoding="utf-8")
    monkeypatch.setattr(os, "replace", _fail_on_call(5, OSError(errno.EIO, "I/O error"), os.replace))
    result = run(["build", str(source), "--out", str(out)])
    monkeypatch.undo()
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert files_under(out / "notice").keys() == ref_a.keys()
    assert_complete(out / "notice", ref_a, ref_b)
    assert temp_files(out) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_read_only_output_folder_for_real(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run(["build", str(EXAMPLE), "--out", str(out)]).exit_code == 0
    before = files_under(out)
    folders = [p for p in [out, *out.rglob("*")] if p.is_dir()]
    for folder in folders:
        folder.chmod(0o555)
    try:
        probe = out / "qualitydesk" / "probe"
        try:
            probe.write_text("x", encoding="utf-8")
        except PermissionError:
            pass
        else:
            probe.unlink()
            pytest.skip("permissions are not enforced here (root); the simulated failures cover it")
        source = tmp_path / "qualitydesk.yaml"
        source.write_text(version_of(EXAMPLE.read_text(encoding="utf-8"), "9.9"), encoding="utf-8")
        result = cli("build", str(source), "--out", str(out))
        assert result.returncode == 1
        assert "permission denied" in result.stderr and "Traceback" not in result.stderr
        assert files_under(out) == before
    finally:
        for folder in folders:
            folder.chmod(0o755)


def _targets(folder: Path, files: dict[str, bytes]) -> dict[Path, bytes]:
    return {folder / rel: data for rel, data in files.items()}


def _failing_at(n: int, exc: BaseException, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Raise ``exc`` at the n-th of all write steps: temp file, fsync, chmod, rename, folder sync."""
    seen = {"n": 0}

    def wrap(owner: Any, name: str) -> None:
        real = getattr(owner, name)

        def step(*args: Any, **kwargs: Any) -> Any:
            seen["n"] += 1
            if seen["n"] == n:
                raise exc
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, step)

    wrap(tempfile, "mkstemp")
    wrap(os, "fsync")
    wrap(os, "chmod")
    wrap(os, "replace")
    wrap(os, "open")
    return seen


@pytest.mark.parametrize("exc", [KeyboardInterrupt(), OSError(errno.ENOSPC, "No space left on device")],
                         ids=["KeyboardInterrupt", "ENOSPC"])
def test_a_failure_at_any_write_step_leaves_complete_files(
    two_versions: tuple[Path, dict[str, bytes], dict[str, bytes]], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, exc: BaseException,
) -> None:
    """write_all interrupted at each of its steps in turn (KeyboardInterrupt is what SIGINT raises).

    Before the first rename nothing has changed; after it, each file is whole, old or new. No
    temp file is ever left behind.
    """
    _, ref_a, ref_b = two_versions
    folder = tmp_path / "out" / "notice"
    step = 0
    while True:
        step += 1
        write.write_all(_targets(folder, ref_a))
        seen = _failing_at(step, exc, monkeypatch)
        try:
            write.write_all(_targets(folder, ref_b))
            finished = True
        except (KeyboardInterrupt, OutputError) as caught:
            assert isinstance(caught, KeyboardInterrupt) == isinstance(exc, KeyboardInterrupt)
            finished = False
        monkeypatch.undo()
        assert temp_files(folder) == [], f"step {step}"
        assert files_under(folder).keys() == ref_a.keys()
        assert_complete(folder, ref_a, ref_b)
        if finished:  # past the last step, or an error syncing a folder (best effort, ignored)
            assert files_under(folder) == ref_b
            if seen["n"] < step:
                break
    changed = sum(ref_a[k] != ref_b[k] for k in ref_a)
    assert step > 4 * changed, "each changed file has a temp file, fsync, chmod and rename"


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signals")
@pytest.mark.parametrize("threads", [1, 2], ids=["one-thread", "another-thread-running"])
def test_ctrl_c_right_after_a_temp_file_is_made_strands_nothing(
    references: tuple[dict[str, bytes], dict[str, bytes]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    threads: int,
) -> None:
    """A real SIGINT at the worst moment: the temp file exists, but nobody has its name yet.

    Signals are held while writing, so the interrupt lands after every file is in place. With
    another thread running (a ``--jobs`` build's pool has some), the kernel hands the signal to
    that thread instead of holding it, and Python runs its handler in the main thread at once:
    regression, the full suite once left a temp file or lost the interrupt this way.
    """
    import threading

    stop = threading.Event()
    others = [threading.Thread(target=stop.wait, daemon=True) for _ in range(threads - 1)]
    for other in others:
        other.start()
    try:
        _ctrl_c_right_after_mkstemp(references, tmp_path, monkeypatch)
    finally:
        stop.set()
        for other in others:
            other.join()


def _ctrl_c_right_after_mkstemp(
    references: tuple[dict[str, bytes], dict[str, bytes]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    ref_a, ref_b = references
    folder = tmp_path / "out" / "notice"
    write.write_all(_targets(folder, ref_a))

    def mkstemp_then_ctrl_c(*args: Any, **kwargs: Any) -> Any:
        made = _REAL_MKSTEMP(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGINT)
        return made

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp_then_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        write.write_all(_targets(folder, ref_b))
    monkeypatch.undo()
    assert temp_files(folder) == []
    assert files_under(folder) == ref_b


# --- processes: SIGINT, SIGKILL, two at once -------------------------------------------------

_READY = """\
import sys
import noticegen.cli
print("ready", flush=True)
sys.argv = ["noticegen", *sys.argv[1:]]
noticegen.cli.main()
"""


def _start(source: Path, out: Path) -> subprocess.Popen[str]:
    """A build in a child process, started once its imports are done (it prints "ready")."""
    proc = subprocess.Popen([sys.executable, "-c", _READY, "build", str(source), "--out", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    return proc


def _scan_for_temps(out: Path, proc: subprocess.Popen[str], deadline: float) -> bool:
    """Wait until a temp file shows up under ``out`` (the build is writing); False if none did."""
    while time.monotonic() < deadline and proc.poll() is None:
        for _folder, _, names in os.walk(out):
            if any(n.endswith(".tmp") for n in names):
                return True
    return False


def _flip(source: Path, out: Path, ref_a: dict[str, bytes]) -> None:
    """Make ``source`` the version whose notice.json is not the one in ``out``: a build changes files."""
    text = EXAMPLE.read_text(encoding="utf-8")
    on_disk = (out / "notice" / "notice.json").read_bytes()
    source.write_text(version_of(text, "2.1" if on_disk == ref_a["notice.json"] else "2.0"), encoding="utf-8")


@pytest.mark.slow
def test_sigint_exits_130_and_leaves_complete_files(
    two_versions: tuple[Path, dict[str, bytes], dict[str, bytes]], tmp_path: Path,
) -> None:
    source, ref_a, ref_b = two_versions
    out = tmp_path / "out"
    assert run(["build", str(source), "--out", str(out)]).exit_code == 0
    rng = random.Random(130)
    codes, writing = [], []
    for i in range(4):
        _flip(source, out, ref_a)
        proc = _start(source, out)
        if i % 2:
            time.sleep(rng.uniform(0, 0.3))
        else:
            writing.append(_scan_for_temps(out, proc, time.monotonic() + 30))
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        codes.append(proc.returncode)
        assert proc.returncode in (0, 130), err
        assert "Traceback" not in err
        assert temp_files(out) == []
        assert files_under(out / "notice").keys() == ref_a.keys()
        assert_complete(out / "notice", ref_a, ref_b)
    assert 130 in codes
    assert any(writing), "at least one interrupt came while the build was writing"


class _CtrlCInSetName:
    def __set_name__(self, owner: type, name: str) -> None:
        raise KeyboardInterrupt


def _define_a_class(*args: object, **kwargs: object) -> object:
    """What a lazy import does when Ctrl-C lands while it defines a dataclass."""
    type("Late", (), {"field": _CtrlCInSetName()})
    raise AssertionError("unreachable")


@pytest.mark.parametrize("wrapped", [True, False], ids=["in-set-name", "plain"])
def test_ctrl_c_during_a_lazy_import_exits_130_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path, wrapped: bool,
) -> None:
    """Regression (CI, 0262a3b): Python 3.11 reraises the interrupt as a RuntimeError from a class
    body's ``__set_name__``; the build printed a traceback and exited 1 instead of 130."""
    import noticegen.pipeline
    from noticegen.cli import main

    def interrupt(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(noticegen.pipeline, "check_file", _define_a_class if wrapped else interrupt)
    monkeypatch.setattr(sys, "argv", ["noticegen", "build", str(EXAMPLE), "--out", str(tmp_path / "out")])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 130
    assert capsys.readouterr().err.strip().endswith("noticegen: interrupted")
    assert not (tmp_path / "out").exists()


def test_ctrl_c_while_the_libraries_load_exits_130_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    """Importing the command line takes a tenth of a second; the console script guards it."""
    from importlib.metadata import entry_points

    import noticegen.__main__

    class CtrlCOnImport:
        @staticmethod
        def find_spec(name: str, *args: object) -> None:
            if name == "noticegen.cli":
                raise KeyboardInterrupt

    (script,) = entry_points(group="console_scripts", name="noticegen")
    assert script.value == "noticegen.__main__:run"
    monkeypatch.delitem(sys.modules, "noticegen.cli")
    monkeypatch.setattr(sys, "meta_path", [CtrlCOnImport(), *sys.meta_path])
    with pytest.raises(SystemExit) as exit_:
        noticegen.__main__.run()
    assert exit_.value.code == 130
    assert capsys.readouterr().err == "noticegen: interrupted\n"


def test_a_bug_is_not_mistaken_for_ctrl_c(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import noticegen.pipeline
    from noticegen.cli import main

    def bug(*args: object, **kwargs: object) -> object:
        raise RuntimeError("a bug")

    monkeypatch.setattr(noticegen.pipeline, "check_file", bug)
    monkeypatch.setattr(sys, "argv", ["noticegen", "build", str(EXAMPLE), "--out", str(tmp_path / "out")])
    with pytest.raises(RuntimeError, match="a bug"):
        main()


@pytest.mark.slow
def test_sigkill_at_random_moments_leaves_complete_files(
    two_versions: tuple[Path, dict[str, bytes], dict[str, bytes]], tmp_path: Path,
) -> None:
    """Half the kills come at a random 0-300 ms, half right when the build starts writing."""
    source, ref_a, ref_b = two_versions
    out = tmp_path / "out"
    assert run(["build", str(source), "--out", str(out)]).exit_code == 0
    rng = random.Random(9)
    writing = []
    for i in range(6):
        _flip(source, out, ref_a)
        proc = _start(source, out)
        if i % 2:
            time.sleep(rng.uniform(0, 0.3))
        else:
            writing.append(_scan_for_temps(out, proc, time.monotonic() + 30))
            time.sleep(rng.uniform(0, 0.005))
        proc.kill()
        proc.communicate(timeout=60)
        # Every file with an output's name is complete; only hidden temp files may be left over.
        assert _outputs(out / "notice").keys() == ref_a.keys()
        assert_complete(out / "notice", ref_a, ref_b)
        for leftover in temp_files(out):
            assert TEMP_NAME.fullmatch(Path(leftover).name), leftover
    assert any(writing), "at least one kill came while the build was writing"
    # A build after all that still gives exactly the reference files (stale temps stay).
    source.write_text(version_of(EXAMPLE.read_text(encoding="utf-8"), "2.1"), encoding="utf-8")
    assert run(["build", str(source), "--out", str(out)]).exit_code == 0
    assert _outputs(out / "notice") == ref_b


TEMP_NAME = re.compile(r"\.(?:{}|[A-Za-z0-9_-]+\.(?:html|txt))\.[A-Za-z0-9_]+\.tmp".format(
    "|".join(map(re.escape, sorted(OUTPUT_NAMES)))))
"""How write.py names its temp files: hidden, beside the target, never an output's name."""


def _outputs(folder: Path) -> dict[str, bytes]:
    return {k: v for k, v in files_under(folder).items() if is_output(Path(k))}


@pytest.mark.slow
def test_two_builds_at_once_into_the_same_folder(
    two_versions: tuple[Path, dict[str, bytes], dict[str, bytes]], tmp_path: Path,
) -> None:
    source, ref_a, ref_b = two_versions
    text = source.read_text(encoding="utf-8")
    other = tmp_path / "other" / "notice.yaml"  # the same stem: the same output folder
    other.parent.mkdir()
    source.write_text(version_of(text, "2.0"), encoding="utf-8")
    other.write_text(version_of(text, "2.0"), encoding="utf-8")

    # The same notice twice: both succeed, and the result is the sequential build's.
    for round_no in range(1):
        out = tmp_path / f"same-{round_no}"
        procs = [_start(source, out), _start(other, out)]
        for proc in procs:
            _, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err
        assert files_under(out / "notice") == ref_a
        assert temp_files(out) == []

    # Two versions at once: each file is one build's, whole.
    other.write_text(version_of(text, "2.1"), encoding="utf-8")
    for round_no in range(1):
        out = tmp_path / f"mixed-{round_no}"
        procs = [_start(source, out), _start(other, out)]
        for proc in procs:
            _, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err
        assert files_under(out / "notice").keys() == ref_a.keys()
        assert_complete(out / "notice", ref_a, ref_b)
        assert temp_files(out) == []
