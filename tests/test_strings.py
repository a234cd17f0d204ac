"""The prose of the notice: one set of shared section templates, one strings.yaml per language."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from jinja2 import UndefinedError
from markupsafe import Markup

from noticegen.errors import InputError
from noticegen.pipeline import check_file
from noticegen.render import RenderOptions, consent, render
from noticegen.render.environment import STRINGS_FILE, Language, available_languages, environment
from noticegen.render.helpers import helpers
from noticegen.resolve import ResolvedNotice
from noticegen.resources import templates_dir

ROOT = Path(__file__).resolve().parent.parent
BUILTIN = templates_dir()


def keys(lang: str) -> set[str]:
    data = yaml.safe_load((BUILTIN / lang / STRINGS_FILE).read_text("utf-8"))
    assert isinstance(data, dict) and all(isinstance(v, str) for v in data.values()), lang
    return set(data)


@pytest.fixture(scope="module")
def example() -> ResolvedNotice:
    checked = check_file(str(ROOT / "examples" / "qualitydesk.yaml"), lint=False)
    assert checked.resolved is not None
    return checked.resolved


@pytest.mark.parametrize("lang", available_languages())
def test_every_language_has_exactly_the_keys_of_english(lang: str) -> None:
    missing, extra = keys("en") - keys(lang), keys(lang) - keys("en")
    assert not missing and not extra, f"{lang}/{STRINGS_FILE}: missing {missing}, extra {extra}"


def test_the_shared_templates_use_exactly_the_english_keys() -> None:
    """...and the consent-banner configurations (noticegen/render/consent.py) the rest."""
    used = {m for path in (BUILTIN / "_shared").rglob("*.html")
            for m in re.findall(r"""\bt\(["'](\w+)["']""", path.read_text("utf-8"))}
    # (and the helpers that write a message themselves, such as a retention period)
    helpers_py = Path(__file__).resolve().parent.parent / "noticegen" / "render" / "helpers.py"
    used |= set(re.findall(r"""\bmessage\(\s*["'](\w+)["']""", helpers_py.read_text("utf-8")))

    used |= set(consent.STRINGS)
    assert used == keys("en"), (used - keys("en"), keys("en") - used)


def test_the_languages_hold_no_markup() -> None:
    """Sections and their order are defined once: a language folder is data only."""
    for lang in ("fi", "en"):
        assert sorted(p.name for p in (BUILTIN / lang).iterdir()) == ["language.yaml", "strings.yaml"]


def test_messages_are_trusted_and_values_escaped() -> None:
    lang = Language(code="xx", name="X", locale="en_GB", date_format="d.M.y", strings={},
                    articles={}, messages={"k": "<em>{x}</em> {{literal}}", "plain": "A & B"})
    message = helpers(lang)[1]["t"]
    assert message("k", x="<b>") == Markup("<em>&lt;b&gt;</em> {literal}")
    assert message("k", x=Markup("<b>")) == Markup("<em><b></em> {literal}")
    assert message("plain") == Markup("A & B")


def test_a_missing_string_names_the_key_and_the_language(example: ResolvedNotice,
                                                         tmp_path: Path) -> None:
    user = tmp_path / "templates"
    shutil.copytree(BUILTIN / "en", user / "da")
    strings = (user / "da" / STRINGS_FILE).read_text("utf-8")
    (user / "da" / STRINGS_FILE).write_text(
        re.sub(r"^rights_title:.*\n", "", strings, flags=re.M), "utf-8")
    with pytest.raises(InputError) as err:
        render(example, lang="da", fmt="page", options=RenderOptions(templates_dir=user))
    assert "'rights_title'" in str(err.value) and "'da'" in str(err.value)


def test_a_missing_value_is_an_error_too(tmp_path: Path) -> None:
    user = tmp_path / "templates"
    (user / "en").mkdir(parents=True)
    (user / "en" / STRINGS_FILE).write_text('header_version: "Version {number}"\n', "utf-8")
    env = environment("en", user)
    with pytest.raises(UndefinedError, match="header_version"):
        env.from_string('{{ t("header_version", version=1) }}').render()


def test_a_user_strings_file_changes_one_string(example: ResolvedNotice, tmp_path: Path) -> None:
    user = tmp_path / "templates"
    (user / "fi").mkdir(parents=True)
    (user / "fi" / STRINGS_FILE).write_text(
        'rights_free_of_charge: "Oikeuksien käyttäminen on <strong>maksutonta</strong>."\n', "utf-8")
    options = RenderOptions(templates_dir=user)
    fi = render(example, lang="fi", fmt="page", options=options)
    assert "<p>Oikeuksien käyttäminen on <strong>maksutonta</strong>.</p>" in fi
    assert "Rekisteröidyn oikeudet" in fi          # every other string stays built-in
    assert "Exercising your rights is, as a rule, free of charge." in render(
        example, lang="en", fmt="page", options=options)


def test_a_string_that_is_not_text_is_an_input_error(example: ResolvedNotice,
                                                     tmp_path: Path) -> None:
    user = tmp_path / "templates"
    (user / "fi").mkdir(parents=True)
    (user / "fi" / STRINGS_FILE).write_text("rights_title: [a, b]\n", "utf-8")
    with pytest.raises(InputError, match="rights_title"):
        render(example, lang="fi", fmt="page", options=RenderOptions(templates_dir=user))


def test_a_section_can_be_overridden_for_all_or_for_one_language(example: ResolvedNotice,
                                                                  tmp_path: Path) -> None:
    user = tmp_path / "templates"
    for folder, text in (("_shared", "Shared custom"), ("fi", "Finnish custom")):
        (user / folder / "sections").mkdir(parents=True)
        (user / folder / "sections" / "security.html").write_text(
            '{% import "macros.html" as m with context %}\n{% set title = t("security_title") %}\n'
            f'<section class="ng-section">\n{{{{ m.heading(1, title, anchor) }}}}\n<p>{text}</p>\n'
            "</section>\n", "utf-8")
    options = RenderOptions(templates_dir=user)
    fi = render(example, lang="fi", fmt="page", options=options)
    en = render(example, lang="en", fmt="page", options=options)
    assert "Finnish custom" in fi and "Shared custom" not in fi   # DIR/fi before DIR/_shared
    assert "Shared custom" in en and "Security of personal data" in en
