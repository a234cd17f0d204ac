"""The known-services catalogue: facts about common third-party services, as data."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from noticegen.cache import read_yaml

SERVICES_DIR = Path(__file__).resolve().parent / "services"


@cache
def ids() -> frozenset[str]:
    """The ids of every service in the catalogue (file stems)."""
    return frozenset(p.stem for p in SERVICES_DIR.glob("*.yaml"))


@cache
def service(service_id: str) -> dict[str, Any]:
    """One service's raw catalogue entry; KeyError when unknown."""
    if service_id not in ids():
        raise KeyError(service_id)
    data: dict[str, Any] = read_yaml(SERVICES_DIR / f"{service_id}.yaml")
    return data


def services() -> list[dict[str, Any]]:
    """Every service, sorted by id."""
    return [service(i) for i in sorted(ids())]
