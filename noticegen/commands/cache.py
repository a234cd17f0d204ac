"""`noticegen cache path|clear`: the folder where noticegen keeps parsed data and templates.

The messages' modules are imported at the top: every run has loaded them already (cli)."""

import typer

from noticegen.config import words
from noticegen.console import say
from noticegen.l10n import N_, ntr, tr

cache_app = typer.Typer(
    help=N_("noticegen's cache of parsed data files and compiled templates (never "
            "notices).\n\nIt makes every run after the first faster; deleting it is always "
            "safe. Set NOTICEGEN_CACHE_DIR to move it, NOTICEGEN_NO_CACHE=1 to turn it off."),
    no_args_is_help=True,
)


@cache_app.command("path", help=N_("Print the cache folder (it may not exist yet)."),
                   epilog=N_("Example:\n\n  noticegen cache path"))
def show_path() -> None:
    """`noticegen cache path`."""
    from noticegen import cache

    typer.echo(str(cache.cache_dir()))
    if not cache.enabled():
        say(tr(words(), "The cache is turned off ({variable} is set).", variable=cache.ENV_OFF))


@cache_app.command("clear", help=N_("Delete everything in the cache; the next run fills it "
                                    "again."),
                   epilog=N_("Example:\n\n  noticegen cache clear"))
def clear() -> None:
    """`noticegen cache clear`."""
    from noticegen import cache

    removed = cache.clear()
    say(ntr(words(), "{folder}: {count} cached file(s) deleted.",
            "{folder}: {count} cached file(s) deleted.", removed, folder=cache.cache_dir()))


def register(app: typer.Typer) -> None:
    app.add_typer(cache_app, name="cache")
