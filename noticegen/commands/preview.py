"""`noticegen preview`: build into a temporary folder, serve it locally, rebuild on every save."""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from noticegen.commands import FILE
from noticegen.l10n import N_

if TYPE_CHECKING:
    from http.server import ThreadingHTTPServer

HELP = N_("""Build the notice into a temporary folder and serve it on http://127.0.0.1:PORT/.

The notice is rebuilt as soon as the file (or the templates folder) changes, and open
pages reload themselves. When the notice has errors, the pages show them. Ctrl-C stops
the server and deletes the temporary folder (exit 0).""")

EXAMPLES = N_("""
Examples:

  noticegen preview tietosuojaseloste.yaml

  noticegen preview notice.yaml --port 8080 --templates my-templates
""")

WATCH_SECONDS = 0.01
"""How often the notice's ``stat`` is compared with the last one: a save is seen within 10 ms
(5 ms on average), at a cost too small to measure (benchmarks/README.md, section 4)."""
TEMPLATE_POLLS = 10
"""The templates folder is walked every 10th look (every 100 ms): a walk reads every file's
``stat``, and a template is saved less often than the notice."""
EVENTS_PATH = "/__noticegen__/events"
"""The pages hold a request open here (Server-Sent Events); it answers with the new build
number as soon as a rebuild is served, and the page reloads."""
VERSION_PATH = "/__noticegen__/version"
"""The build number, for tools (the pages are told by :data:`EVENTS_PATH`)."""
RELOAD_WAIT_SECONDS = 0.3
"""How long the rest of a build waits, once the page is announced, for an open page to fetch
it again (:meth:`Site.await_reload`)."""
KEEPALIVE_SECONDS = 15.0
"""A comment line sent on a quiet event stream: a page closed without a word is noticed then,
and its thread ends."""


def reload_script(version: int) -> str:
    """The pages' one script: reload as soon as the preview serves a build newer than
    ``version``, the build the page was served from. The browser's ``EventSource`` keeps the
    request open and opens it again after a broken connection, from the same ``since``."""
    return (f'<script>new EventSource("{EVENTS_PATH}?since={version}").onmessage = '
            "function () { location.reload(); };</script>\n")


def register(app: typer.Typer) -> None:
    app.command(help=HELP, epilog=EXAMPLES)(preview)


def preview(
    file: Annotated[Path, typer.Argument(help=N_("The notice YAML file."), metavar=FILE,
                                         dir_okay=False)],
    port: Annotated[int, typer.Option(
        "--port", "-p", min=0, max=65535,
        help=N_("Port on 127.0.0.1; 0 picks a free one."))] = 8000,
    templates: Annotated[Path | None, typer.Option(
        "--templates", "-t", file_okay=False, help=N_(
            "A folder of template overrides (<lang>/ and _shared/ inside); changes to it are "
            "picked up too."), show_default=False)] = None,
) -> None:
    """`noticegen preview`; its help is HELP."""
    import shutil
    import tempfile

    from noticegen.cli import say
    from noticegen.config import settings_for
    from noticegen.errors import UsageError
    from noticegen.interrupts import as_ctrl_c
    from noticegen.l10n import message_language, tr

    words = message_language(None, settings_for(str(file)).lang)
    if not file.is_file():
        raise UsageError(tr(words, "{path}: no such file", path=file),
                         hint=tr(words, "Check the file name; `noticegen init` creates a new "
                                 "notice."))
    if templates is not None and not templates.is_dir():
        raise UsageError(tr(words, "the templates folder {folder} does not exist",
                            folder=templates))
    folder = Path(tempfile.mkdtemp(prefix="noticegen-preview-"))
    site = Site(file, folder, templates, words)
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(site, stop), daemon=True)
    try:
        server = serve(site, port)
        try:
            with as_ctrl_c():  # also when the shell started us with SIGINT ignored
                say(tr(words, "Preview of {file}, built in {folder}", file=file, folder=folder))
                site.rebuild()
                address = f"http://127.0.0.1:{server.server_address[1]}/"
                typer.echo(tr(words, "Serving {address} (press Ctrl-C to stop)", address=address))
                watcher.start()
                server.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            say(tr(words, "Stopping the preview."))
        finally:
            stop.set()
            site.close()  # the pages' open event streams end
            server.server_close()
            if watcher.is_alive():
                watcher.join(timeout=5)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


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
        import io

        from noticegen.builder.batch import Job
        from noticegen.cli import say
        from noticegen.l10n import tr
        from noticegen.pipeline import check_file
        from noticegen.report import report

        words = self.lang
        with self._lock:
            result = check_file(str(self.file), lang=words)
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
        import traceback

        from noticegen.errors import NoticegenError
        from noticegen.l10n import tr

        if isinstance(exc, NoticegenError):
            return exc.message + (f"\n    {tr(self.lang, 'fix:')} {exc.hint}" if exc.hint else "")
        return tr(self.lang, "noticegen failed unexpectedly:") + "\n\n" + traceback.format_exc()

    def _write(self, files: dict[str, bytes], *, every: bool) -> None:
        """Write ``files`` into the folder; ``every``: they are the whole build, and any other
        file there (a language or format that is gone) is removed."""
        from noticegen.builder.write import inside, write_all

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


def serve(site: "Site", port: int) -> "ThreadingHTTPServer":
    """An HTTP server for ``site`` on 127.0.0.1 (only this computer can see the preview)."""
    import errno
    from http.server import ThreadingHTTPServer

    from noticegen.errors import NoticegenError
    from noticegen.l10n import tr

    words = site.lang
    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), _handler(site))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise NoticegenError(tr(words, "port {port} is already in use", port=port),
                                 hint=tr(words, "choose another with --port, or --port 0 for "
                                         "any free port")) from None
        raise NoticegenError(tr(words, "cannot serve on 127.0.0.1:{port}: {reason}", port=port,
                                reason=exc.strerror)) from None
    server.daemon_threads = True  # a page's open event stream does not hold up the exit
    return server


def _handler(site: Site) -> Callable[..., Any]:
    from functools import partial
    from http import HTTPStatus
    from http.server import SimpleHTTPRequestHandler
    from urllib.parse import parse_qs, unquote

    class Handler(SimpleHTTPRequestHandler):
        def do_GET(self) -> None:
            if self._refused():
                return
            path, _, query = self.path.partition("?")
            if path not in (EVENTS_PATH, VERSION_PATH):
                site.settled(unquote(path).lstrip("/"))
            version = site.version  # before the page is read: a build landing in between
            # makes the page reload once more, never miss a build
            if path == EVENTS_PATH:
                self._send_events(parse_qs(query).get("since", [""])[0])
            elif path == VERSION_PATH:
                self._send(HTTPStatus.OK, str(version).encode(), "text/plain")
            elif site.error is not None and (path == "/" or path.endswith((".html", "/"))):
                self._send(HTTPStatus.INTERNAL_SERVER_ERROR,
                           error_page(site.error, version, site.lang), "text/html; charset=utf-8")
            elif path == "/":
                self.send_response(HTTPStatus.FOUND)
                self.send_header("Location", site.start)
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif path.endswith(".html"):
                self._send_html(version)
            else:
                super().do_GET()

        def do_HEAD(self) -> None:
            if not self._refused():
                super().do_HEAD()

        def _refused(self) -> bool:
            """Answer a request the preview must not serve, and say so.

            403 for a Host header that is not this computer's: a web page that makes its own
            name resolve to 127.0.0.1 (DNS rebinding) could otherwise read the preview. 400
            for a path that cannot be a file name (`/%00` made the handler raise ValueError,
            drop the connection and print a traceback).
            """
            port = self.server.server_address[1]  # type: ignore[index]  # an (address, port) pair
            if not _local_host(self.headers.get("Host"), port):
                self.send_error(HTTPStatus.FORBIDDEN)
                return True
            path = unquote(self.path.split("?", 1)[0].split("#", 1)[0])
            if any(ord(c) < 32 or ord(c) == 127 for c in path) or not path.startswith("/"):
                self.send_error(HTTPStatus.BAD_REQUEST)
                return True
            return False

        def _send_events(self, since: str) -> None:
            """Server-Sent Events: the build number each time a newer build is served than
            the page's (``since``; none or not a number: the current one). The stream stays
            open until the page goes away or the preview stops."""
            seen = int(since) if since.isdigit() else site.version
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            with site.streaming():
                try:
                    self.wfile.write(b"retry: 1000\n\n")  # reconnect after 1 s, not 3 (a restart)
                    while not site.closed:
                        version = site.wait(seen, KEEPALIVE_SECONDS)
                        if site.closed:
                            break
                        if version == seen:
                            self.wfile.write(b": still here\n\n")
                        else:
                            self.wfile.write(f"data: {version}\n\n".encode())
                            seen = version
                except OSError:  # the page was closed or reloaded
                    pass

        def _send_html(self, version: int) -> None:
            target = Path(self.translate_path(self.path))
            try:
                body = target.read_bytes()
            except OSError:
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            self._send(HTTPStatus.OK, with_reload(body, version), "text/html; charset=utf-8")
            site.served()

        def _send(self, status: HTTPStatus, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            from noticegen.cli import State

            if State.verbose:
                super().log_message(format, *args)

    return partial(Handler, directory=str(site.folder))


LOCAL_HOSTS = ("127.0.0.1", "localhost")
"""The names a browser on this computer uses for the preview (it listens on 127.0.0.1 only)."""


def _local_host(host: str | None, port: int | str) -> bool:
    """Whether a request's Host header names this computer (with the server's port, or none).
    No header at all (HTTP/1.0 tools) is allowed: browsers always send one."""
    if host is None:
        return True
    value = host.strip().lower()
    name, _, given = value.rpartition(":") if ":" in value else (value, "", "")
    return name in LOCAL_HOSTS and given in ("", str(port))


def with_reload(html: bytes, version: int = 0) -> bytes:
    """The page with the reload script (:func:`reload_script`) before </body>; the built files
    stay as they are."""
    marker = b"</body>"
    at = html.rfind(marker)
    script = reload_script(version).encode()
    return html[:at] + script + html[at:] if at >= 0 else html + script


def error_page(message: str, version: int = 0, lang: str = "en") -> bytes:
    """A plain page showing why the last build failed, in the language of the messages; it
    reloads once the notice is fixed."""
    import html

    from noticegen.l10n import tr

    title = tr(lang, "noticegen preview: the notice could not be built")
    heading = tr(lang, "The notice could not be built")
    advice = tr(lang, "Fix the file and save it: this page reloads by itself.")
    return (
        f"<!DOCTYPE html>\n<html lang=\"{html.escape(lang)}\">\n<head>\n"
        f"<meta charset=\"utf-8\">\n<title>{html.escape(title)}</title>\n"
        "<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem}"
        "pre{white-space:pre-wrap;background:#fff4f4;border-left:4px solid #c00;"
        "padding:1rem}</style>\n</head>\n<body>\n"
        f"<h1>{html.escape(heading)}</h1>\n"
        f"<pre>{html.escape(message)}</pre>\n"
        f"<p>{html.escape(advice)}</p>\n"
        f"{reload_script(version)}</body>\n</html>\n"
    ).encode()
