"""The preview's web server on 127.0.0.1: the built files, each page with a script that reloads
it when a newer build is served (Server-Sent Events), and the error page."""

import errno
import html
from collections.abc import Callable
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote

from noticegen.console import State
from noticegen.errors import NoticegenError
from noticegen.l10n import tr
from noticegen.preview.site import Site

EVENTS_PATH = "/__noticegen__/events"
"""The pages hold a request open here (Server-Sent Events); it answers with the new build
number as soon as a rebuild is served, and the page reloads."""
VERSION_PATH = "/__noticegen__/version"
"""The build number, for tools (the pages are told by :data:`EVENTS_PATH`)."""
KEEPALIVE_SECONDS = 15.0
"""A comment line sent on a quiet event stream: a page closed without a word is noticed then,
and its thread ends."""


def reload_script(version: int) -> str:
    """The pages' one script: reload as soon as the preview serves a build newer than
    ``version``, the build the page was served from. The browser's ``EventSource`` keeps the
    request open and opens it again after a broken connection, from the same ``since``."""
    return (f'<script>new EventSource("{EVENTS_PATH}?since={version}").onmessage = '
            "function () { location.reload(); };</script>\n")


def serve(site: Site, port: int) -> ThreadingHTTPServer:
    """An HTTP server for ``site`` on 127.0.0.1 (only this computer can see the preview)."""
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
