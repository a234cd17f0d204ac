"""`noticegen preview`: a real server in a real process, rebuilt on save, stopped with Ctrl-C."""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import pytest
from typer.testing import CliRunner

from noticegen.cli import app
from noticegen.commands.preview import RELOAD_SCRIPT, error_page, with_reload

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qualitydesk.yaml"
TIMEOUT = 20.0


class Preview:
    """A running `noticegen preview` process and the lines it has printed so far."""

    def __init__(self, notice: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "noticegen", "preview", str(notice), "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=notice.parent,
            env={**os.environ, "NO_COLOR": "1"})
        self.out: queue.Queue[str] = queue.Queue()
        self.err: list[str] = []
        assert self.proc.stdout is not None and self.proc.stderr is not None
        self.readers = [
            threading.Thread(target=self._pump, args=(self.proc.stdout, self.out.put)),
            threading.Thread(target=self._pump, args=(self.proc.stderr, self.err.append)),
        ]
        for reader in self.readers:
            reader.start()

    @staticmethod
    def _pump(stream: IO[str], put: Callable[[str], None]) -> None:
        for line in stream:
            put(line)

    def url(self) -> str:
        line = self.out.get(timeout=TIMEOUT)
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert match, line
        return match.group(0)

    def folder(self) -> Path:
        """The temporary folder it builds in (stderr is read by another thread: wait for it)."""
        deadline = time.monotonic() + TIMEOUT
        while not (match := re.search(r"built in (\S+)", "".join(self.err))):
            assert time.monotonic() < deadline, self.err
            time.sleep(0.05)
        return Path(match.group(1))

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGINT)
        code = self.proc.wait(timeout=TIMEOUT)
        self.close()
        return code

    def close(self) -> None:
        """Stop the process if it still runs (Ctrl-C first, so that it cleans up), and wait
        for its output to be read."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.proc.wait(timeout=TIMEOUT)
        for reader in self.readers:
            reader.join(timeout=TIMEOUT)
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Preview, Path]]:
    notice = tmp_path / "tietosuojaseloste.yaml"
    shutil.copy(EXAMPLE, notice)
    running = Preview(notice)
    try:
        yield running, notice
    finally:
        running.close()


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def eventually(url: str, predicate: Callable[[int, str], bool]) -> tuple[int, str]:
    deadline = time.monotonic() + TIMEOUT
    while True:
        status, body = get(url)
        if predicate(status, body) or time.monotonic() > deadline:
            return status, body
        time.sleep(0.2)


def save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    # Some file systems keep mtimes to the second; make the change visible at once.
    later = time.time() + 2
    os.utime(path, (later, later))


@pytest.mark.slow
def test_serves_rebuilds_shows_errors_and_stops_cleanly(preview: tuple[Preview, Path]) -> None:
    running, notice = preview
    url = running.url()

    status, page = get(url)  # follows the redirect to the main language
    assert status == 200
    assert '<html lang="fi"' in page
    assert "QualityDesk Oy" in page
    assert "/__noticegen__/version" in page  # pages reload themselves after a rebuild
    assert get(url + "en/index.html")[0] == 200
    assert get(url + "noticegen.css")[0] == 200
    version = get(url + "__noticegen__/version")[1]

    original = notice.read_text(encoding="utf-8")
    save(notice, original.replace("name: QualityDesk Oy", "name: QualityDesk Plus Oy"))
    status, page = eventually(url + "fi/index.html", lambda s, b: "QualityDesk Plus Oy" in b)
    assert status == 200 and "QualityDesk Plus Oy" in page
    # The version is bumped just after the files are written: the pages' script sees it soon.
    assert eventually(url + "__noticegen__/version", lambda s, b: b != version)[1] != version

    save(notice, original + "\nbroken: [\n")
    status, page = eventually(url + "fi/index.html", lambda s, b: s == 500)
    assert status == 500
    assert "The notice could not be built" in page
    assert "NG001" in page

    save(notice, original)
    status, page = eventually(url + "fi/index.html", lambda s, b: s == 200)
    assert status == 200 and "QualityDesk Oy" in page

    folder = running.folder()
    assert folder.is_dir()
    assert running.stop() == 0
    stderr = "".join(running.err)
    assert "Traceback" not in stderr
    assert "Stopping the preview." in stderr
    assert not folder.exists()


@pytest.mark.slow
def test_sigterm_stops_it_cleanly_too(preview: tuple[Preview, Path]) -> None:
    running, _ = preview
    running.url()
    folder = running.folder()
    running.proc.send_signal(signal.SIGTERM)
    assert running.proc.wait(timeout=TIMEOUT) == 0
    running.close()
    assert "Traceback" not in "".join(running.err)
    assert not folder.exists()


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["preview", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_a_missing_templates_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["preview", str(EXAMPLE), "--templates",
                                      str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_a_port_in_use_is_a_clear_error() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(app, ["preview", str(EXAMPLE), "--port", str(port)])
    assert result.exit_code == 1
    assert f"port {port} is already in use" in result.output
    assert "--port 0" in result.output


def test_bad_ports_are_refused() -> None:
    assert CliRunner().invoke(app, ["preview", str(EXAMPLE), "--port", "70000"]).exit_code == 2


def test_the_reload_script_goes_before_the_end_of_the_body() -> None:
    page = b"<html><body><p>x</p></body></html>"
    assert with_reload(page) == (b"<html><body><p>x</p>" + RELOAD_SCRIPT.encode()
                                 + b"</body></html>")
    assert with_reload(b"<p>fragment</p>").endswith(RELOAD_SCRIPT.encode())


def test_the_error_page_escapes_the_message() -> None:
    page = error_page("n.yaml:1:1: error <script>alert(1)</script>").decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert" not in page
