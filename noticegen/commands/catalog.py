"""`noticegen catalog list|show`: the known services a notice can bring in with `uses:`."""

from enum import Enum
from typing import Annotated

import typer

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
    from noticegen.catalog import show

    show.list_services(format.value)


@catalog_app.command("show", help=N_("Show one service's facts and cookies as YAML, ready to "
                                     "copy or override."),
                     epilog=N_("Example:\n\n  noticegen catalog show hotjar"))
def show_service(
    # TRANSLATORS: a metavar, in lower case as it is shown: the id of a service.
    name: Annotated[str, typer.Argument(help=N_("The service's id, e.g. hotjar."),
                                        metavar=N_("name"))],
) -> None:
    """`noticegen catalog show`."""
    from noticegen.catalog import show

    show.show_service(name)


def register(app: typer.Typer) -> None:
    app.add_typer(catalog_app, name="catalog")
