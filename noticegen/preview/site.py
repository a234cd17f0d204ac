"""The preview's notice: built into a folder on demand, the last failure kept as a page, and
the watcher that rebuilds it when the notice or a template is saved."""

import io
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from noticegen import pipeline
from noticegen.builder.batch import Job
from noticegen.builder.write import inside, write_all
from noticegen.console import say
from noticegen.errors import NoticegenError
from noticegen.l10n import tr
from noticegen.report import report

WATCH_SECONDS = 0.01
"""How often the notice's ``stat`` is compared with the last one: a save is seen within 10 ms
(5 ms on average), at a cost too small to measure (benchmarks/README.md, section 4)."""
TEMPLATE_POLLS = 10
"""The templates folder is walked every 10th look (every 100 ms): a walk reads every file's
``stat``, and a template is saved less often than the notice."""
RELOAD_WAIT_SECONDS = 0.3
"""How long the rest of a build waits, once the page is announced, for an open page to fetch
it again (:meth:`Site.await_reload`)."""

Stamp = tuple[int, int, int, int] | None
"""A file's modification time, size, inode and change time; None when it cannot be read."""


def stamp(path: Path) -> Stamp:
    """What the watcher compares: an editor that saves by writing a new file and renaming it
    onto the old one changes the inode even within one tick of the file system's clock."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns


class Site:
    """The built notice in a folder, rebuilt on demand; the last failure is kept as a page.

    ``version`` counts the builds served; the pages' event streams wait for it to change
    (:meth:`wait`). A build is served in two parts: the first language's page
    (``<lang>/index.html``, what the browser opens) as soon as it is made, then the rest; until
    that is written, a request for any of it waits (:meth:`settled`), so that no file is served
    from an older build than the one announced. ``lang`` is the language of the messages, in the console and
    on the error page.
    """

    def __init__(self, file: Path, folder: Path, templates: Path | None,
                 lang: str = "en") -> None:
        self.file = file
        self.folder = folder
        self.templates = templates.resolve() if templates is not None else None
        self.lang = lang
        self.version = 0
        self.error: str | None = None
        self.start = "/"
        self.closed = False
        self._partial: set[str] | None = None  # while the rest is made: the files written already
        self._streams = 0  # pages holding an event stream open
        self._reloaded = False  # a page was served since the last announcement
        self._lock = threading.Lock()  # one rebuild at a time
        self._changed = threading.Condition()  # a new version, a build finished, the end

    def rebuild(self, seen: Stamp = None) -> None:
        """Check and render the notice; on failure keep the reason for the error page.

        ``seen``: the notice's :func:`stamp` when the watcher saw it change. A file that no
        longer has it once the page is made (it changed while it was read: half saved) is
        not shown; the watcher, which sees the change, builds it again.
        """
        words = self.lang
        with self._lock:
            result = pipeline.check_file(str(self.file), lang=words)
            listing = io.StringIO()
            report(result.diagnostics, "text", listing, lang=words)
            error: str | None = None
            pages: dict[str, bytes] = {}
            formats: Iterator[tuple[str, dict[str, bytes]]] = iter(())
            if result.errors or result.resolved is None:
                error = tr(words, "The notice has errors:") + "\n\n" + listing.getvalue()
            else:
                try:
                    formats = Job(templates=self.templates).render_each(result)
                    pages = next(formats, ("", {}))[1]  # the first language's page
                except Exception as exc:  # a bug must not stop the preview either: shown
                    error = self._failure(exc)
            if seen is not None and stamp(self.file) != seen:
                return
            typer.echo(listing.getvalue(), err=True, nl=False)
            if error is None:
                assert result.resolved is not None  # rendered, so it resolved
                error = self._publish(pages, f"/{result.resolved.languages[0]}/index.html")
            if error is None:
                self.await_reload()
                try:
                    files = dict(pages)
                    for _, more in formats:
                        files.update(more)
                    self._write(files, every=True)
                except Exception as exc:
                    error = self._failure(exc)
            with self._changed:
                if error is not None:
                    self.error = error
                    self.version += 1  # the pages reload, to the error page
                self._partial = None
                self._changed.notify_all()
            say(tr(words, "Built {file}.", file=self.file) if error is None else
                tr(words, "Build failed: {reason}", reason=error.splitlines()[0].rstrip(":")))

    def _publish(self, pages: dict[str, bytes], start: str) -> str | None:
        """Write the first language's page and announce it (the rest follows); why not, if it
        could not be written."""
        try:
            self._write(pages, every=False)
        except Exception as exc:
            return self._failure(exc)
        with self._changed:
            self.error = None
            self.start = start
            self._partial = set(pages)
            self._reloaded = False
            self.version += 1
            self._changed.notify_all()
        return None

    def _failure(self, exc: Exception) -> str:
        """What the error page says about a build that stopped with ``exc``."""
        if isinstance(exc, NoticegenError):
            return exc.message + (f"\n    {tr(self.lang, 'fix:')} {exc.hint}" if exc.hint else "")
        return tr(self.lang, "noticegen failed unexpectedly:") + "\n\n" + traceback.format_exc()

    def _write(self, files: dict[str, bytes], *, every: bool) -> None:
        """Write ``files`` into the folder; ``every``: they are the whole build, and any other
        file there (a language or format that is gone) is removed."""
        targets = {inside(self.folder, rel): data for rel, data in files.items()}
        write_all(targets, durable=False)  # a temporary folder: nothing to keep after a crash
        if every:
            for old in self.folder.rglob("*"):
                if old.is_file() and old.resolve() not in targets:
                    old.unlink()

    def await_reload(self, timeout: float = RELOAD_WAIT_SECONDS) -> None:
        """Wait, while a page holds an event stream open, until a page has been served since
        the announcement (or ``timeout`` seconds). Made meanwhile, the rest of the build would
        hold the interpreter every time the server's thread needs it, and the page would
        arrive about 55 ms later (benchmarks/README.md, section 4)."""
        with self._changed:
            if self._streams:
                self._changed.wait_for(lambda: self._reloaded or self.closed, timeout)

    @contextmanager
    def streaming(self) -> Iterator[None]:
        """While a page holds its event stream open."""
        with self._changed:
            self._streams += 1
        try:
            yield
        finally:
            with self._changed:
                self._streams -= 1

    def served(self) -> None:
        """A page has been served: the rest of the build may go on (:meth:`await_reload`)."""
        with self._changed:
            self._reloaded = True
            self._changed.notify_all()

    def settled(self, path: str, timeout: float = 30.0) -> None:
        """Wait until the file ``path`` (relative to the folder) is that of the last build
        announced: while the other formats are made, one the pages did not include."""
        with self._changed:
            self._changed.wait_for(
                lambda: self._partial is None or path in self._partial or self.closed, timeout)

    def wait(self, since: int, timeout: float) -> int:
        """The build number, once it is not ``since``, the preview stops, or ``timeout``
        seconds have passed."""
        with self._changed:
            self._changed.wait_for(lambda: self.version != since or self.closed, timeout)
            return self.version

    def close(self) -> None:
        """The preview stops: every :meth:`wait` returns."""
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def templates_stamp(self) -> tuple[tuple[str, Stamp], ...]:
        """Every template's :func:`stamp` (none without a templates folder)."""
        if self.templates is None:
            return ()
        return tuple((str(path), stamp(path))
                     for path in sorted(p for p in self.templates.rglob("*") if p.is_file()))


def watch(site: Site, stop: threading.Event, interval: float = WATCH_SECONDS) -> None:
    """Rebuild as soon as the notice or a template changes, until ``stop`` is set.

    While the notice is missing (an editor that saves by renaming has removed the old file and
    not yet put the new one in its place), the last build stays: the new file is built when
    it is there. An empty notice is looked at once more before it is built: a save empties the
    file before it writes it, and an empty file is checked faster than a busy editor writes
    (the preview showed "the file is empty" for one build in about 40 saves).
    """
    notice, templates = stamp(site.file), site.templates_stamp()
    empty: Stamp = None  # an empty notice seen once
    polls = 0
    while not stop.wait(interval):
        polls += 1
        now = stamp(site.file)
        later = site.templates_stamp() if polls % TEMPLATE_POLLS == 0 else templates
        if now is None or (now == notice and later == templates):
            continue
        if now[1] == 0 and now != empty:
            empty = now
            continue
        notice, templates = now, later
        site.rebuild(seen=now)
