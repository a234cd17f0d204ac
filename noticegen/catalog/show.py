"""The work of `noticegen catalog list|show`: the catalogue as people and tools read it."""

import difflib
import json

import typer
import yaml

from noticegen import catalog
from noticegen.catalog.docs import catalog_markdown
from noticegen.config import words
from noticegen.errors import UsageError
from noticegen.l10n import tr


def list_services(format: str) -> None:
    """Print every service: ``text`` one line each, ``json`` their entries, ``markdown`` the
    docs/catalog.md page."""
    services = catalog.services()
    if format == "json":
        typer.echo(json.dumps(services, ensure_ascii=False, indent=2, sort_keys=True, default=str))
        return
    if format == "markdown":
        typer.echo(catalog_markdown(), nl=False)
        return
    width = max(len(s["id"]) for s in services)
    for s in services:
        typer.echo(f"{s['id']:<{width}}  {s['name']} — {s['entity']['name']} ({s['country']}), "
                   f"{len(s.get('cookies', []))} cookie(s)")


def show_service(name: str) -> None:
    """Print one service's entry as YAML; a usage error, with the closest id, for an unknown one."""
    if name not in catalog.ids():
        lang = words()
        close = difflib.get_close_matches(name, sorted(catalog.ids()), n=1)
        listed = tr(lang, "`noticegen catalog list` shows every service.")
        raise UsageError(tr(lang, "'{name}' is not in the catalogue", name=name),
                         hint=tr(lang, "Did you mean '{service}'? {listed}", service=close[0],
                                 listed=listed) if close else listed)
    entry = {k: v for k, v in catalog.service(name).items()}
    typer.echo(yaml.safe_dump(entry, allow_unicode=True, sort_keys=False, width=100), nl=False)
