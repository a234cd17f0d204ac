"""`noticegen build`: check notices, render every language and format, write atomically."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from noticegen import defaults
from noticegen.commands import FILE, FILES_HELP
from noticegen.l10n import N_
from noticegen.render import FORMATS
from noticegen.usage import filled

EXAMPLES = N_("""
Examples:

  noticegen build examples/qualitydesk.yaml

  noticegen build notices/*.yaml --out site/privacy --lang fi,en

  noticegen build notice.yaml --format fragment --heading-level 2

  noticegen build notice.yaml --format fragment --id-prefix ng-{lang}-

  noticegen build notice.yaml --templates my-templates    # see docs/templates.md
""")

DEFAULT_FORMATS = tuple(name for name, fmt in FORMATS.items() if fmt.when is None)


HELP = N_("""Check the notices, then write HTML pages, fragments, Markdown, text and JSON.

Nothing is written when any notice has errors (exit 1). Each file is replaced atomically,
and files whose content did not change are left untouched. A notice already built into
OUT from the same input and options, whose files are still as they were left, is not built
again (--force builds it). Exit 2 on a bad option.""")


# TRANSLATORS: a metavar: one language code or several, comma-separated.
LANGS = N_("LANG[,LANG...]")
# TRANSLATORS: a metavar: one output format or several, comma-separated.
FORMATS_METAVAR = N_("FORMAT[,FORMAT...]")
# TRANSLATORS: a metavar: the text put in front of every id.
PREFIX = N_("PREFIX")
OPTIONS = {
    "out": N_("Output folder; each notice goes to OUT/<file name>/ (default: the project's "
              "[build] out, else dist)."),
    "lang": N_("Languages to build, comma-separated (default: every language the notice "
               "declares)."),
    "format": filled(N_(
        "Formats, comma-separated: {formats} (default: {defaults}; short, the short notices for "
        "forms, when the notice gives its address (notice.url); and the consent-banner "
        "configurations cookieconsent, klaro when the notice has cookies that need consent)."),
        formats=", ".join(FORMATS), defaults=", ".join(DEFAULT_FORMATS)),
    "templates": N_("A folder of template overrides (<lang>/ and _shared/ inside), searched "
                    "before the built-in templates."),
    "heading_level": filled(N_(
        "Top heading level of the fragment (its title is <hN>); pages always start at <h1> "
        "(default: the project's [build] heading_level, else {level})."),
        level=defaults.HEADING_LEVEL),
    "id_prefix": filled(N_(
        "Prefix of every id and in-page link, the same in pages, fragments and Markdown; {lang} "
        "stands for the language code, so that ng-{lang}- lets the fragments of several "
        "languages share one page (default: the project's [build] id_prefix, else {prefix})."),
        lang="{lang}", prefix=defaults.ID_PREFIX),
    "strict": N_("Warnings stop the build too."),
    "check": N_("Write nothing; exit 1 and name the files in OUT that differ from what the "
                "notices build now, and those no notice given builds (for CI and pre-commit)."),
    "jobs": N_("Notices built at once, each worker a process of its own (default: the number of "
               "CPU cores); a single large notice has its languages rendered at once instead. "
               "The output is the same for any number; 1 builds in this process."),
    "force": N_("Rebuild every notice, also those already built into OUT from the same input, "
                "options, settings and noticegen (which are otherwise skipped)."),
}
"""The options' help. Outside the signature: this module's annotations are strings (``from
__future__ import annotations``), which typer evaluates again for every run of every command,
and a text in them is parsed each time (benchmarks/README.md)."""


def register(app: typer.Typer) -> None:
    app.command(help=HELP, epilog=EXAMPLES)(build)


def build(
    files: Annotated[list[str], typer.Argument(help=FILES_HELP, metavar=FILE)],
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", help=OPTIONS["out"], file_okay=False, show_default=False)] = None,
    lang: Annotated[list[str] | None, typer.Option(
        "--lang", "-l", help=OPTIONS["lang"], metavar=LANGS, show_default=False)] = None,
    format: Annotated[list[str] | None, typer.Option(
        "--format", "-f", help=OPTIONS["format"], metavar=FORMATS_METAVAR,
        show_default=False)] = None,
    templates: Annotated[Path | None, typer.Option(
        "--templates", "-t", help=OPTIONS["templates"], file_okay=False,
        show_default=False)] = None,
    heading_level: Annotated[int | None, typer.Option(
        "--heading-level", min=1, max=4, metavar="N", help=OPTIONS["heading_level"],
        show_default=False)] = None,
    id_prefix: Annotated[str | None, typer.Option(
        "--id-prefix", metavar=PREFIX, help=OPTIONS["id_prefix"], show_default=False)] = None,
    strict: Annotated[bool, typer.Option("--strict", help=OPTIONS["strict"])] = False,
    check: Annotated[bool, typer.Option("--check", help=OPTIONS["check"])] = False,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, metavar="N", help=OPTIONS["jobs"], show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help=OPTIONS["force"])] = False,
) -> None:
    """`noticegen build`; its help is HELP."""
    from noticegen.builder.build import build_notices

    build_notices(files, out=out, lang=lang, format=format, templates=templates,
                  heading_level=heading_level, id_prefix=id_prefix, strict=strict, check=check,
                  jobs=jobs, force=force)


__all__ = ["build", "register"]
