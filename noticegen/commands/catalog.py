"""`noticegen catalog list|show`: the known services a notice can bring in with `uses:`."""

from enum import Enum
from typing import Annotated

import typer

from noticegen.errors import UsageError
from noticegen.l10n import N_


class ListFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


catalog_app = typer.Typer(
    help=N_("The built-in catalogue of known services (Google Analytics, Hotjar, "
            "Mailchimp…).\n\nWrite `uses: [hotjar]` in a notice to bring in a service's legal "
            "entity, transfers and cookies."),
    no_args_is_help=True,
)


@catalog_app.command("list", help=N_("List every service in the catalogue."),
                     epilog=N_("Examples:\n\n  noticegen catalog list\n\n"
                               "  noticegen catalog list --format json"))
def list_services(
    format: Annotated[ListFormat, typer.Option(
        "--format", "-f",
        help=N_("text, json or markdown (the docs/catalog.md page)."))] = ListFormat.text,
) -> None:
    """`noticegen catalog list`."""
    from noticegen import catalog

    services = catalog.services()
    if format is ListFormat.json:
        import json

        typer.echo(json.dumps(services, ensure_ascii=False, indent=2, sort_keys=True, default=str))
        return
    if format is ListFormat.markdown:
        from noticegen.catalog.docs import catalog_markdown

        typer.echo(catalog_markdown(), nl=False)
        return
    width = max(len(s["id"]) for s in services)
    for s in services:
        typer.echo(f"{s['id']:<{width}}  {s['name']} — {s['entity']['name']} ({s['country']}), "
                   f"{len(s.get('cookies', []))} cookie(s)")


@catalog_app.command("show", help=N_("Show one service's facts and cookies as YAML, ready to "
                                     "copy or override."),
                     epilog=N_("Example:\n\n  noticegen catalog show hotjar"))
def show_service(
    # TRANSLATORS: a metavar, in lower case as it is shown: the id of a service.
    name: Annotated[str, typer.Argument(help=N_("The service's id, e.g. hotjar."),
                                        metavar=N_("name"))],
) -> None:
    """`noticegen catalog show`."""
    import difflib

    import yaml

    from noticegen import catalog

    if name not in catalog.ids():
        from noticegen.config import words
        from noticegen.l10n import tr

        lang = words()
        close = difflib.get_close_matches(name, sorted(catalog.ids()), n=1)
        listed = tr(lang, "`noticegen catalog list` shows every service.")
        raise UsageError(tr(lang, "'{name}' is not in the catalogue", name=name),
                         hint=tr(lang, "Did you mean '{service}'? {listed}", service=close[0],
                                 listed=listed) if close else listed)
    entry = {k: v for k, v in catalog.service(name).items()}
    typer.echo(yaml.safe_dump(entry, allow_unicode=True, sort_keys=False, width=100), nl=False)


def register(app: typer.Typer) -> None:
    app.add_typer(catalog_app, name="catalog")
