"""The work of `noticegen preview`: build the notice into a temporary folder, serve it on
127.0.0.1 and rebuild it on every save (noticegen/preview/site.py), the open pages reloading
themselves (noticegen/preview/server.py)."""

import shutil
import tempfile
import threading
from pathlib import Path

import typer

from noticegen.config import settings_for
from noticegen.console import say
from noticegen.errors import UsageError
from noticegen.interrupts import as_ctrl_c
from noticegen.l10n import message_language, tr
from noticegen.preview.server import serve
from noticegen.preview.site import Site, watch


def serve_notice(file: Path, port: int, templates: Path | None) -> None:
    """Build ``file`` into a temporary folder and serve it on ``port`` until Ctrl-C, rebuilt
    whenever it or the ``templates`` folder changes; the folder is deleted at the end."""
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
