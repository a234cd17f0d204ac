"""`noticegen preview`: build into a temporary folder, serve it locally, rebuild on every save."""

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from http.server import ThreadingHTTPServer

EXAMPLES = """
Examples:

  noticegen preview tietosuojaseloste.yaml

  noticegen preview notice.yaml --port 8080 --templates my-templates
"""

POLL_SECONDS = 0.5
"""How often the notice (and the templates folder) are looked at for changes."""
VERSION_PATH = "/__noticegen__/version"
"""The pages ask this address for the build number and reload when it changes."""
RELOAD_SCRIPT = f"""<script>
(function () {{
  var seen = null;
  setInterval(function () {{
    fetch("{VERSION_PATH}").then(function (r) {{ return r.text(); }}).then(function (v) {{
      if (seen !== null && v !== seen) {{ location.reload(); }}
      seen = v;
    }}).catch(function () {{}});
  }}, 1000);
}})();
</script>
"""


def register(app: typer.Typer) -> None:
    app.command(epilog=EXAMPLES)(preview)


def preview(
    file: Annotated[Path, typer.Argument(help="The notice YAML file.", metavar="FILE",
                                         dir_okay=False)],
    port: Annotated[int, typer.Option(
        "--port", "-p", min=0, max=65535,
        help="Port on 127.0.0.1; 0 picks a free one.")] = 8000,
    templates: Annotated[Path | None, typer.Option(
        "--templates", "-t", file_okay=False, help="A folder of template overrides "
        "(<lang>/ and _shared/ inside); changes to it are picked up too.",
        show_default=False)] = None,
) -> None:
    """Build the notice into a temporary folder and serve it on http://127.0.0.1:PORT/.

    The notice is rebuilt whenever the file (or the templates folder) changes, and open
    pages reload themselves. When the notice has errors, the pages show them. Ctrl-C stops
    the server and deletes the temporary folder (exit 0).
    """
    import shutil
    import tempfile

    from noticegen.cli import say
    from noticegen.errors import UsageError
    from noticegen.interrupts import as_ctrl_c

    if not file.is_file():
        raise UsageError(f"{file}: no such file", hint="`noticegen init` writes a new notice.")
    if templates is not None and not templates.is_dir():
        raise UsageError(f"the templates folder {templates} does not exist")
    folder = Path(tempfile.mkdtemp(prefix="noticegen-preview-"))
    site = Site(file, folder, templates)
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(site, stop), daemon=True)
    try:
        server = serve(site, port)
        try:
            with as_ctrl_c():  # also when the shell started us with SIGINT ignored
                say(f"Preview of {file}, built in {folder}")
                site.rebuild()
                typer.echo(f"Serving http://127.0.0.1:{server.server_address[1]}/ "
                           "(press Ctrl-C to stop)")
                watcher.start()
                server.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            say("Stopping the preview.")
        finally:
            stop.set()
            server.server_close()
            if watcher.is_alive():
                watcher.join(timeout=5)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class Site:
    """The built notice in a folder, rebuilt on demand; the last failure is kept as a page."""

    def __init__(self, file: Path, folder: Path, templates: Path | None) -> None:
        self.file = file
        self.folder = folder
        self.templates = templates.resolve() if templates is not None else None
        self.version = 0
        self.error: str | None = None
        self.start = "/"
        self._lock = threading.Lock()

    def rebuild(self) -> None:
        """Check and render the notice; on failure keep the reason for the error page."""
        import io
        import traceback

        from noticegen.builder.batch import Job
        from noticegen.cli import say
        from noticegen.errors import NoticegenError
        from noticegen.pipeline import check_file
        from noticegen.report import report

        with self._lock:
            result = check_file(str(self.file))
            listing = io.StringIO()
            report(result.diagnostics, "text", listing)
            typer.echo(listing.getvalue(), err=True, nl=False)
            if result.errors or result.resolved is None:
                self.error = "The notice has errors:\n\n" + listing.getvalue()
            else:
                try:
                    self._write(Job(templates=self.templates).render(result))
                except NoticegenError as exc:
                    self.error = exc.message + (f"\n    fix: {exc.hint}" if exc.hint else "")
                except Exception:  # a bug must not stop the preview: show it instead
                    self.error = "noticegen failed unexpectedly:\n\n" + traceback.format_exc()
                else:
                    self.error = None
                    self.start = f"/{result.resolved.languages[0]}/index.html"
            say(f"Built {self.file}." if self.error is None else
                f"Build failed: {self.error.splitlines()[0]}")
            self.version += 1

    def _write(self, files: dict[str, bytes]) -> None:
        from noticegen.builder.write import inside, write_all

        targets = {inside(self.folder, rel): data for rel, data in files.items()}
        write_all(targets)
        for old in self.folder.rglob("*"):  # a language or format that is gone
            if old.is_file() and old.resolve() not in targets:
                old.unlink()

    def fingerprint(self) -> tuple[Any, ...]:
        """What the watcher compares: the notice's and every template's mtime and size."""
        paths = [self.file]
        if self.templates is not None:
            paths += sorted(p for p in self.templates.rglob("*") if p.is_file())
        out: list[Any] = []
        for path in paths:
            try:
                st = path.stat()
            except OSError:
                out.append((str(path), None))
            else:
                out.append((str(path), st.st_mtime_ns, st.st_size))
        return tuple(out)


def watch(site: Site, stop: threading.Event, interval: float = POLL_SECONDS) -> None:
    """Rebuild whenever the notice or a template changes, until ``stop`` is set."""
    seen = site.fingerprint()
    while not stop.wait(interval):
        now = site.fingerprint()
        if now != seen:
            seen = now
            site.rebuild()


def serve(site: "Site", port: int) -> "ThreadingHTTPServer":
    """An HTTP server for ``site`` on 127.0.0.1 (only this computer can see the preview)."""
    import errno
    from http.server import ThreadingHTTPServer

    from noticegen.errors import NoticegenError

    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), _handler(site))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise NoticegenError(f"port {port} is already in use",
                                 hint="choose another with --port, or --port 0 for any free "
                                 "port") from None
        raise NoticegenError(f"cannot serve on 127.0.0.1:{port}: {exc.strerror}") from None
    server.daemon_threads = True
    return server


def _handler(site: Site) -> Callable[..., Any]:
    from functools import partial
    from http import HTTPStatus
    from http.server import SimpleHTTPRequestHandler
    from urllib.parse import unquote

    class Handler(SimpleHTTPRequestHandler):
        def do_GET(self) -> None:
            if self._refused():
                return
            path = self.path.split("?", 1)[0]
            if path == VERSION_PATH:
                self._send(HTTPStatus.OK, str(site.version).encode(), "text/plain")
            elif site.error is not None and (path == "/" or path.endswith((".html", "/"))):
                self._send(HTTPStatus.INTERNAL_SERVER_ERROR, error_page(site.error),
                           "text/html; charset=utf-8")
            elif path == "/":
                self.send_response(HTTPStatus.FOUND)
                self.send_header("Location", site.start)
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif path.endswith(".html"):
                self._send_html()
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

        def _send_html(self) -> None:
            target = Path(self.translate_path(self.path))
            try:
                body = target.read_bytes()
            except OSError:
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            self._send(HTTPStatus.OK, with_reload(body), "text/html; charset=utf-8")

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


def with_reload(html: bytes) -> bytes:
    """The page with the reload script before </body> (the built files stay as they are)."""
    marker = b"</body>"
    at = html.rfind(marker)
    script = RELOAD_SCRIPT.encode()
    return html[:at] + script + html[at:] if at >= 0 else html + script


def error_page(message: str) -> bytes:
    """A plain page showing why the last build failed; it reloads once the notice is fixed."""
    import html

    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>noticegen preview: build failed</title>\n"
        "<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem}"
        "pre{white-space:pre-wrap;background:#fff4f4;border-left:4px solid #c00;"
        "padding:1rem}</style>\n</head>\n<body>\n"
        "<h1>The notice could not be built</h1>\n"
        f"<pre>{html.escape(message)}</pre>\n"
        "<p>Fix the file and save it: this page reloads by itself.</p>\n"
        f"{RELOAD_SCRIPT}</body>\n</html>\n"
    ).encode()
