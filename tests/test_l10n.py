"""One place per language: every message of the code is in every message catalogue, the compiled
catalogues are those of the .po files, and every notice text and label is in every language."""

from __future__ import annotations

import io
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from noticegen import docs_gen, l10n, vocab
from noticegen.cli import app

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "fi", "sv")
KEYWORDS = {"tr": (2,), "ntr": (2, 3), "N_": None, "C_": ((1, "c"), 2)}
"""As scripts/messages.py gives them to `pybabel extract`."""
EXAMPLE = ROOT / "examples" / "qualitydesk.yaml"


def _extracted() -> dict[tuple[str | None, str], tuple[str, ...]]:
    """Every message the code marks, by its context and id: its forms (one, or singular and
    plural)."""
    found: dict[tuple[str | None, str], tuple[str, ...]] = {}
    for _file, _line, message, _comments, context in extract_from_dir(
            str(ROOT / "noticegen"), method_map=[("**.py", "python")], keywords=KEYWORDS):
        forms = message if isinstance(message, tuple) else (message,)
        found[context, forms[0]] = forms
    return found


def _catalogue(lang: str) -> object:
    with (l10n.LOCALE_DIR / lang / "LC_MESSAGES" / "noticegen.po").open("rb") as file:
        return read_po(file, locale=lang)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_message_languages_are_the_catalogues() -> None:
    assert l10n.message_languages() == LANGUAGES


def test_the_code_has_messages() -> None:
    assert len(_extracted()) > 20  # a broken extraction would prove nothing below


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_of_the_code_is_translated_in_every_language(lang: str) -> None:
    catalog = _catalogue(lang)
    wanted = _extracted()
    have = {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id): m for m in catalog if m.id}
    missing = sorted(set(wanted) - set(have))
    assert not missing, f"{lang}: not in the catalogue (python scripts/messages.py update): {missing}"
    assert not sorted(set(have) - set(wanted)), f"{lang}: messages the code no longer has"
    for msgid, forms in wanted.items():
        message = have[msgid]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert "fuzzy" not in message.flags, f"{lang}: {msgid!r} is fuzzy (changed in the code)"
        assert all(strings), f"{lang}: {msgid!r} is not translated"
        assert len(strings) == len(forms) or len(forms) == 2, msgid
        # The translator comment may offer another form of a placeholder ({E} for {e}).
        offered = set().union(*map(_fields, message.auto_comments))
        for text in strings:  # a translation may leave out a count the form already says
            assert _fields(text) <= set().union(*map(_fields, forms)) | {"count"} | offered, \
                (lang, text)
        if len(forms) == 1:
            assert _fields(strings[0]) - offered == _fields(forms[0]) - offered, \
                f"{lang}: {msgid!r} → {strings[0]!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compiled_catalogue_is_the_po_file(lang: str) -> None:
    """The wheel ships the committed .mo (scripts/messages.py compile): it must say what the .po
    file says, so a translator's edit cannot be left out of a release."""
    compiled = io.BytesIO()
    write_mo(compiled, _catalogue(lang))
    committed = (l10n.LOCALE_DIR / lang / "LC_MESSAGES" / "noticegen.mo").read_bytes()
    assert committed == compiled.getvalue(), f"run: python scripts/messages.py compile ({lang})"


@pytest.mark.parametrize("lang", l10n.notice_languages())
def test_every_notice_string_is_in_every_notice_language(lang: str) -> None:
    english = l10n.notice_language("en")
    data = l10n.notice_language(lang)
    assert set(data.strings) == set(english.strings)
    assert set(data.messages) == set(english.messages)


@pytest.mark.parametrize("name", [n for n in vocab.names() if n != "countries"])
def test_every_vocabulary_label_is_in_every_notice_language(name: str) -> None:
    # (countries: only English names are data; the others come from Babel's CLDR at render time)
    for term in l10n.vocabulary(name).values():
        missing = [lang for lang in l10n.notice_languages() if not term.label.get(lang)]
        assert not missing, f"{name}.{term.id}: no label in {', '.join(missing)}"


def test_translated_texts_read_like_the_registry_s() -> None:
    text = l10n.Translated("error")
    assert (text["en"], text["fi"], text["sv"]) == ("error", "virhe", "fel")
    assert text.get("de") is None
    assert list(text) == list(LANGUAGES)


@pytest.mark.parametrize(("locale", "words"), [
    ("fi_FI.UTF-8", ("virhe NG012", "korjaus:", "2 tiedostosta 1 ei", "Tarkistettiin 1 tiedosto:")),
    ("sv_FI.UTF-8", ("fel NG012", "åtgärd:", "filer klarade inte kontrollen", "kontrollerad")),
    ("C.UTF-8", ("error NG012", "fix:", "1 of 2 file(s) failed", "1 file(s) checked")),
])
def test_check_reports_in_the_message_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               locale: str, words: tuple[str, ...]) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("NOTICEGEN_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", locale)
    bad = tmp_path / "bad.yaml"
    bad.write_text("notice:\n  languages: [fi]\n", encoding="utf-8")
    failed = CliRunner().invoke(app, ["check", str(bad), str(EXAMPLE)])
    passed = CliRunner().invoke(app, ["check", str(EXAMPLE)])
    assert failed.exit_code == 1 and passed.exit_code == 0
    output = failed.output + passed.output
    for word in words:
        assert word in output, output


def test_check_reads_no_babel_to_translate() -> None:
    """The catalogues are read with the standard library's gettext."""
    code = ("import sys; from noticegen import l10n; l10n.tr('fi', 'error'); "
            "print(sorted(m for m in ('babel', 'jinja2', 'markdown_it') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


DETECTION_TABLES = {("lint/rules/cookie_text.py", "_ASKED")}
"""Per-language tables that are not texts shown to anyone: the phrases a rule looks for in a
notice's own text, in each language it reads (like lint/patterns.py's regexes)."""


def test_no_text_of_a_language_is_written_in_the_code() -> None:
    """One place per language (#17): no module holds a table of texts by language
    (``{"fi": …, "en": …}``); the texts are in the catalogues, notice strings and vocabularies."""
    import ast

    found = []
    package = ROOT / "noticegen"
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {id(node.value): target.id for node in ast.walk(tree)
                 if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None
                 for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
                 if isinstance(target, ast.Name)}
        where = path.relative_to(package).as_posix()
        for node in ast.walk(tree):
            if not isinstance(node, ast.Dict):
                continue
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            texts = all(isinstance(v, ast.Constant | ast.JoinedStr) for v in node.values)
            if len(keys & {"fi", "en", "sv"}) >= 2 and texts \
                    and (where, names.get(id(node))) not in DETECTION_TABLES:
                found.append(f"{where}:{node.lineno}")
    assert not found, f"texts by language in the code: {found}"


REFERENCE_LANGUAGES = [lang for lang in docs_gen.page_languages() if lang != "en"]


@pytest.mark.parametrize("lang", REFERENCE_LANGUAGES)
def test_the_reference_catalogue_translates_every_text_of_the_reference(lang: str) -> None:
    """docs/reference.<lang>.md (#17) is generated from the models' documentation and the
    reference catalogue: every text is translated, none is fuzzy or left over, the placeholders
    are kept, and the committed .mo is what the .po compiles to."""
    path = l10n.LOCALE_DIR / lang / "LC_MESSAGES" / f"{docs_gen.DOMAIN}.po"
    with path.open("rb") as file:
        catalog = read_po(file, locale=lang, domain=docs_gen.DOMAIN)
    have = {m.id: m for m in catalog if m.id}
    wanted = docs_gen.reference_messages()
    assert sorted(set(wanted) - set(have)) == [], "run: python scripts/messages.py update"
    assert sorted(set(have) - set(wanted)) == [], "texts the models no longer have"
    for text in wanted:
        message = have[text]
        assert message.string and "fuzzy" not in message.flags, f"{lang}: {text!r}"
        assert _fields(message.string) == _fields(text), f"{lang}: {text!r}"
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    assert path.with_suffix(".mo").read_bytes() == compiled.getvalue(), \
        "run: python scripts/messages.py compile"
