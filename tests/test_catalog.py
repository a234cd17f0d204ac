"""The catalogue: every entry is a valid recipient, `uses:` expands it, local fields override it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from noticegen import catalog
from noticegen.catalog.docs import catalog_markdown
from noticegen.cli import app
from noticegen.model import Cookie, Recipient
from noticegen.pipeline import check_file
from noticegen.resolve import _catalogue_cookies, _catalogue_recipient

ROOT = Path(__file__).resolve().parent.parent

BASE = """\
notice: {languages: [en], version: "1", effective: 2026-01-01}
controller:
  name: Example Ltd
  address: {street: Street 1, postal_code: "00100", city: Helsinki}
  email: privacy@example.com
registers:
  - id: visitors
    name: Website visitors
    data_categories: [online_identifiers]
    sources: [service_usage]
    purposes:
      - id: analytics
        description: Website analytics
        legal_basis: [consent]
        withdrawal: From the cookie settings link.
        retention: {period: P1Y}
        recipients: [hotjar]
"""


def _check(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "n.yaml"
    path.write_text(text, encoding="utf-8")
    return check_file(str(path), lint=False)


def test_catalogue_has_the_services_small_businesses_use() -> None:
    assert len(catalog.ids()) >= 30
    assert {"google-analytics-4", "hotjar", "mailchimp", "paytrail", "giosg"} <= catalog.ids()


@pytest.mark.parametrize("service_id", sorted(catalog.ids()))
def test_every_entry_is_a_valid_recipient_with_valid_cookies(service_id: str) -> None:
    Recipient.model_validate(_catalogue_recipient(service_id, {"id": service_id}))
    every = [str(c["name"]) for c in catalog.service(service_id).get("cookies", [])]
    for cookie in _catalogue_cookies(service_id, service_id, every):
        Cookie.model_validate(cookie)


def test_uses_brings_in_the_recipient_and_its_cookies(tmp_path: Path) -> None:
    result = _check(tmp_path, BASE + "uses: [hotjar]\n")
    assert result.errors == []
    assert result.resolved is not None
    hotjar = result.resolved.recipients["hotjar"]
    assert hotjar.name == "Hotjar Ltd"
    assert hotjar.country == "MT"
    names = {c.name for c in result.resolved.notice.cookies if c.provider == "hotjar"}
    assert "_hjSessionUser_" in names
    # a cookie that came from `uses:` points back at the `uses:` line
    index = next(i for i, c in enumerate(result.resolved.notice.cookies) if c.provider == "hotjar")
    assert result.resolved.source_loc(("cookies", index, "duration")) == ("uses", 0)


def test_local_fields_override_the_catalogue(tmp_path: Path) -> None:
    text = BASE + """\
recipients:
  - id: hotjar
    service: hotjar
    description: Heatmaps of our landing pages only.
cookies:
  - name: _hjSessionUser_
    prefix: true
    provider: hotjar
    party: first
    category: statistics
    duration: P30D
    purpose: Our own description.
"""
    result = _check(tmp_path, text)
    assert result.errors == []
    assert result.resolved is not None
    hotjar = result.resolved.recipients["hotjar"]
    assert hotjar.description == "Heatmaps of our landing pages only."
    assert hotjar.name == "Hotjar Ltd"  # not overridden: still from the catalogue
    user = [c for c in result.resolved.notice.cookies if c.name == "_hjSessionUser_"]
    assert len(user) == 1 and user[0].duration == "P30D"


def test_unknown_service_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    result = _check(tmp_path, BASE + "uses: [hotjr]\n")
    (diag,) = [d for d in result.errors if d.code == "NG025"]
    assert (diag.line, diag.column) == (18, 8)  # the `hotjr` in `uses: [hotjr]`
    assert "Did you mean 'hotjar'?" in diag.hint


def test_catalog_list_and_show() -> None:
    runner = CliRunner()
    listed = runner.invoke(app, ["catalog", "list"])
    assert listed.exit_code == 0
    assert "hotjar" in listed.output and "Hotjar Ltd" in listed.output
    as_json = runner.invoke(app, ["catalog", "list", "--format", "json"])
    assert {s["id"] for s in json.loads(as_json.output)} == set(catalog.ids())
    shown = runner.invoke(app, ["catalog", "show", "hotjar"])
    assert shown.exit_code == 0 and "_hjSessionUser_" in shown.output
    missing = runner.invoke(app, ["catalog", "show", "hotjr"])
    assert missing.exit_code == 2
    assert "Did you mean 'hotjar'?" in missing.output


def test_docs_catalog_page_is_current() -> None:
    # Regenerate with: noticegen catalog list --format markdown > docs/catalog.md
    assert (ROOT / "docs" / "catalog.md").read_text(encoding="utf-8") == catalog_markdown()
