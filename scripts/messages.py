"""Keep the message catalogues in step with the code: pybabel extract, update and compile.

    python scripts/messages.py update    # after adding or changing a message in the code
    python scripts/messages.py compile   # after editing a .po file (translators do this)
    python scripts/messages.py init xx   # a new message language: locale/xx/ from the template

`update` extracts every message from noticegen/ (``tr(lang, "…")``, ``ntr(lang, "…", "…", n)``,
``N_("…")``) into noticegen/locale/noticegen.pot, merges it into each language's .po (a changed
message becomes fuzzy and needs a translator's look), copies the English ones into en's .po
where it has none yet, and compiles. The same steps by hand are in docs/translating.md.

It does the same for the YAML reference's catalogue (domain ``reference``: the models' and
fields' documentation and the page's phrases, from ``noticegen.docs_gen.reference_messages``)
in each language that has a ``reference.po``; ``init-reference xx`` starts one.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "noticegen" / "locale"
TEMPLATE = LOCALE / "noticegen.pot"
KEYWORDS = ["-k", "tr:2", "-k", "ntr:2,3", "-k", "N_", "-k", "C_:1c,2"]
"""``tr(lang, message)``: the message is the second argument; ``N_`` marks a table's entry."""
EXTRACT = ["extract", "-F", str(ROOT / "babel.cfg"), *KEYWORDS, "--no-default-keywords",
           "--sort-output", "--add-location=file", "--no-wrap", "-c", "TRANSLATORS:",
           "--project=noticegen", "--copyright-holder=noticegen developers",
           "-o", str(TEMPLATE), "noticegen"]
# Sorted by message and located by file only: a moved line changes nothing, and two branches
# that add messages conflict only where they add the same one.
FIXED_DATE = datetime(2026, 12, 1, tzinfo=UTC)


def pybabel(*args: str) -> None:
    os.chdir(ROOT)  # the catalogues name files relative to the repository
    CommandLineInterface().run(["pybabel", "-q", *args])


def languages() -> list[str]:
    return sorted(p.parent.parent.name for p in LOCALE.glob("*/LC_MESSAGES/noticegen.po"))


def normalise(lang: str) -> None:
    """Fixed header dates (a run that changes no message changes no file, .po or .mo), and
    en's catalogue filled with the messages themselves: an editor may reword them there."""
    path = LOCALE / lang / "LC_MESSAGES" / "noticegen.po"
    with path.open("rb") as file:
        catalog = read_po(file, locale=lang)
    catalog.creation_date = catalog.revision_date = FIXED_DATE
    catalog.last_translator = catalog.language_team = "noticegen developers"
    for message in catalog:
        message.user_comments = [c for c in message.user_comments if not c.startswith("|")]
        # (a fuzzy English entry is another message's text, matched by pybabel update)
        if lang == "en" and message.id and (not any(message.string or ()) or message.fuzzy):
            message.string = message.id
            message.flags.discard("fuzzy")
            message.previous_id = []
    with path.open("wb") as file:
        write_po(file, catalog, width=0, sort_output=True, include_previous=False)


def update() -> None:
    pybabel(*EXTRACT)
    pybabel("update", "-D", "noticegen", "-i", str(TEMPLATE), "-d", str(LOCALE),
            "--no-wrap", "--ignore-obsolete")
    for lang in languages():
        normalise(lang)
    update_reference()
    compile_all()


def compile_all() -> None:
    pybabel("compile", "-D", "noticegen", "-d", str(LOCALE), "--statistics")
    for path in LOCALE.glob(f"*/LC_MESSAGES/{REFERENCE}.po"):
        with path.open("rb") as file:
            catalog = read_po(file, locale=path.parent.parent.name)
        with path.with_suffix(".mo").open("wb") as file:
            write_mo(file, catalog)


REFERENCE = "reference"


def reference_template() -> Catalog:
    """The reference's messages, as pybabel extract would give them (sorted, no locations)."""
    sys.path.insert(0, str(ROOT))
    from noticegen.docs_gen import reference_messages

    template = Catalog(project="noticegen", copyright_holder="noticegen developers",
                       creation_date=FIXED_DATE, fuzzy=False)
    for text in sorted(reference_messages()):
        template.add(text)
    return template


def update_reference() -> None:
    """Merge the reference's messages into each language's reference.po (a changed one
    becomes fuzzy, with the closest old translation)."""
    template = reference_template()
    for path in sorted(LOCALE.glob(f"*/LC_MESSAGES/{REFERENCE}.po")):
        lang = path.parent.parent.name
        with path.open("rb") as file:
            catalog = read_po(file, locale=lang, domain=REFERENCE)
        catalog.update(template, update_creation_date=False)
        catalog.creation_date = catalog.revision_date = FIXED_DATE
        catalog.last_translator = catalog.language_team = "noticegen developers"
        with path.open("wb") as file:
            write_po(file, catalog, width=0, sort_output=True, ignore_obsolete=True,
                     include_previous=False)


def init_reference(lang: str) -> None:
    """A new language's reference catalogue, every message untranslated."""
    path = LOCALE / lang / "LC_MESSAGES" / f"{REFERENCE}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog = reference_template()
    catalog.locale = lang  # type: ignore[assignment]
    with path.open("wb") as file:
        write_po(file, catalog, width=0, sort_output=True)


def init(lang: str) -> None:
    pybabel(*EXTRACT)
    pybabel("init", "-D", "noticegen", "-i", str(TEMPLATE), "-d", str(LOCALE), "-l", lang,
            "--no-wrap")
    normalise(lang)


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update()
    elif argv[:1] == ["compile"]:
        compile_all()
    elif argv[:1] == ["init"] and len(argv) == 2:
        init(argv[1])
    elif argv[:1] == ["init-reference"] and len(argv) == 2:
        init_reference(argv[1])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
