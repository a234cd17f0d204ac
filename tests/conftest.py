"""Shared test options and fixtures: `--update-golden`, example notices, notice files from data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the expected files under tests/golden/ from the current output instead "
        "of comparing with them (then review the diff with `git diff tests/golden`)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was started with --update-golden."""
    return bool(request.config.getoption("--update-golden"))


NoticeFactory = Callable[..., Path]


@pytest.fixture
def notice_file(tmp_path: Path) -> NoticeFactory:
    """Write a notice YAML built from the QualityDesk example (or from ``data``) and return its path.

    ``notice_file(edit=lambda d: ..., name="x")`` loads examples/qualitydesk.yaml, lets ``edit``
    change the data in place, and writes ``tmp_path/<name>.yaml``.
    """

    def make(*, edit: Callable[[dict[str, Any]], None] | None = None,
             data: dict[str, Any] | None = None, name: str = "notice") -> Path:
        if data is None:
            data = yaml.safe_load((ROOT / "examples" / "qualitydesk.yaml").read_text("utf-8"))
        assert data is not None
        if edit is not None:
            edit(data)
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
        return path

    return make


def full_notice_data() -> dict[str, Any]:
    """The QualityDesk example with every optional part filled in, so every template branch runs."""
    data: dict[str, Any] = yaml.safe_load((ROOT / "examples" / "qualitydesk.yaml").read_text("utf-8"))
    both = lambda fi, en: {"fi": fi, "en": en}  # noqa: E731
    address = {"street": "Esimerkkikatu 1", "postal_code": "00100", "city": "Helsinki"}
    data["notice"]["title"] = both("Tietosuojaseloste", "Privacy notice")
    ctl = data["controller"]
    ctl.update({"business_id": "0737546-2", "phone": "+358 9 123 456"})
    ctl["contact"] = {"name": "Maija Meikäläinen", "title": both("Toimitusjohtaja", "Managing director"),
                      "email": "maija@qualitydesk.com", "phone": "+358 40 123 4567"}
    ctl["dpo"] = {"designated": True, "name": "Tietosuoja Palvelut Oy", "email": "dpo@example.fi",
                  "address": address}
    ctl["representative"] = {"name": "Rep GmbH", "email": "rep@example.de",
                             "address": {**address, "country": "DE"}}
    register = data["registers"][0]
    register["description"] = both("Rekisterin *kuvaus*.", "The register's *description*.")
    register["sources"].append("trade_register")
    register["sources"].append({"label": both("Kumppanit", "Partners"), "public": True,
                                "description": both("Tapahtumakumppanit.", "Event partners.")})
    register["data_categories"].append("health_data")
    register["purposes"][0].setdefault("data_categories", []).append("health_data")  # NG121
    register["special_categories"] = [{
        "category": "health_data", "condition": "explicit_consent",
        "description": both("Vain ruokavaliotiedot.", "Dietary needs only.")}]
    register["retention"] = [{"data_categories": ["health_data"], "period": "P1M",
                              "after": "end_of_event"}]
    register["automated_decisions"] = [{
        "description": both("Luottopäätös", "Credit decision"), "profiling": True,
        "logic": both("Pisteytys maksuhistorian perusteella.", "Scoring based on payment history."),
        "significance": both("Hakemus voidaan hylätä.", "The application can be refused.")}]
    data["recipients"].append({
        "id": "mailer", "name": "Mailer Inc.", "role": "processor", "country": "US",
        "description": both("Uutiskirjeiden lähettäminen", "Sending newsletters"),
        "privacy_policy": "https://mailer.example/privacy",
        "transfers": [{"countries": ["US"], "mechanism": "eu_us_dpf",
                       "link": "https://www.dataprivacyframework.gov/list", "checked": "2026-05-01",
                       "description": both("Sertifioitu yritys.", "A certified company.")},
                      {"countries": ["CA", "JP"], "mechanism": "adequacy_decision"}]})
    register["recipients"].append("mailer")
    data["cookies"].append({"name": "prefs", "category": "preferences", "party": "first",
                            "duration": "session", "type": "local_storage",
                            "purpose": both("Kielivalinta.", "Language choice."),
                            # NG408: the purpose (with a legal basis) the cookie serves.
                            "purposes": [next(p["id"] for p in register["purposes"]
                                              if "consent" in p["legal_basis"])]})
    data["cookie_consent"]["settings_url"] = "https://qualitydesk.com/cookies"
    data["rights"].update({"url": "https://qualitydesk.com/rights",
                           "how": both("Liitä pyyntöön *asiakasnumerosi*.", "Add your *customer number*.")})
    data["security"] = both("Koko palvelua koskevat suojaukset.", "Measures for the whole service.")
    return data


@pytest.fixture(scope="session")
def full_notice_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """full_notice_data() written to a file named full.yaml."""
    path = tmp_path_factory.mktemp("full") / "full.yaml"
    path.write_text(yaml.safe_dump(full_notice_data(), allow_unicode=True, sort_keys=False), "utf-8")
    return path


def pytest_configure(config: pytest.Config) -> None:
    """Keep noticegen's cache (noticegen/cache.py) out of the developer's home: one fresh folder
    per test run, shared by the processes the tests start, so runs are hermetic yet warm."""
    import os
    import tempfile

    if "NOTICEGEN_CACHE_DIR" not in os.environ:
        _made_cache.append(tempfile.mkdtemp(prefix="noticegen-test-cache-"))
        os.environ["NOTICEGEN_CACHE_DIR"] = _made_cache[0]
        # The cache's signing key lives in the user's own cache folder: that one too.
        _made_cache.append(tempfile.mkdtemp(prefix="noticegen-test-home-cache-"))
        os.environ["XDG_CACHE_HOME"] = _made_cache[-1]


def pytest_unconfigure(config: pytest.Config) -> None:
    import shutil

    for folder in _made_cache:
        shutil.rmtree(folder, ignore_errors=True)


_made_cache: list[str] = []


@pytest.fixture(autouse=True)
def _signal_handlers_restored() -> Any:
    """Tests that call ``noticegen.cli.main()`` in this process install its SIGTERM handler
    (noticegen/interrupts.py); each test gets the handlers it started with back."""
    import signal

    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    yield
    for signum, handler in handlers.items():
        if handler is not None and signal.getsignal(signum) is not handler:
            signal.signal(signum, handler)
