"""Entry point for the ``noticegen`` command and ``python -m noticegen``."""

from collections.abc import Callable

from noticegen.interrupts import guarded, install


def run() -> None:
    """Import the command line and run it; Ctrl-C or SIGTERM while the libraries load ends it
    cleanly too."""
    install()
    guarded(_cli)()


def _cli() -> Callable[[], None]:
    from noticegen.cli import main

    return main


if __name__ == "__main__":
    run()
