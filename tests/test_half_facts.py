"""Facts an old notice states only half: the YAML can say exactly that, and `check` says what is
missing (the rules' YAML cases are in tests/data/rules; these test the wiring around them)."""

from __future__ import annotations

from pathlib import Path

from strategies import BASE_NOTICE
from typer.testing import CliRunner

from noticegen.cli import app
from noticegen.pipeline import check_text

TRANSFER = BASE_NOTICE.replace("""\
      - countries: [US]
        sub_processors: true
        mechanism: standard_clauses
        link: https://mailer.example/dpa
""", """\
      - description:
          fi: Tietoja voidaan siirtää EU:n/ETA:n ulkopuolelle.
          en: Data may be transferred outside the EU/EEA.
""")


def test_a_transfer_without_countries_or_mechanism_can_be_written_and_is_an_error() -> None:
    result = check_text(TRANSFER, "n.yaml")
    codes = [d.code for d in result.diagnostics]
    assert not [c for c in codes if c.startswith("NG0")], codes  # valid YAML: it can be written
    assert "NG315" in codes and "NG301" in codes  # the countries and the mechanism are missing
    assert all(d.hint for d in result.errors)
    assert result.resolved is not None and len(result.resolved.transfers) == 1


def test_a_cookie_without_a_name_can_be_written_and_is_an_error() -> None:
    text = BASE_NOTICE.replace("  - name: _mlr\n", "  - type: local_storage\n")
    assert text != BASE_NOTICE
    codes = [d.code for d in check_text(text, "n.yaml").diagnostics]
    assert "NG416" in codes and not [c for c in codes if c.startswith("NG0")], codes


def _check(tmp_path: Path, text: str, *args: str) -> str:
    path = tmp_path / "n.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, [*args, "check", str(path)])
    assert "Traceback" not in result.output
    return str(result.stderr)


def test_the_default_authority_is_shown_by_check_verbose(tmp_path: Path) -> None:
    assert "supervisory_authority" not in BASE_NOTICE
    shown = _check(tmp_path, BASE_NOTICE, "--verbose")
    assert "note: no `supervisory_authority:` is given, so the notice names the default: " \
           "Office of the Data Protection Ombudsman, Lintulahdenkuja 4, 00530 Helsinki" in shown
    assert "Office of the Data Protection Ombudsman" not in _check(tmp_path, BASE_NOTICE)
    finnish = str(CliRunner().invoke(
        app, ["--verbose", "check", "--lang", "fi", str(tmp_path / "n.yaml")]).stderr)
    assert "lisätään oletuksena Tietosuojavaltuutetun toimisto" in finnish
    named = BASE_NOTICE + """\
supervisory_authority:
  name: Tietosuojavaltuutettu
  visiting_address: Lintulahdenkuja 4, 00530 Helsinki
"""
    assert "note:" not in _check(tmp_path, named, "--verbose")
