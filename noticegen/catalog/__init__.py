"""The known-services catalogue: facts about common third-party services, as data."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

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
    with (SERVICES_DIR / f"{service_id}.yaml").open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.load(fh, Loader=_Loader)
    return data


def services() -> list[dict[str, Any]]:
    """Every service, sorted by id."""
    return [service(i) for i in sorted(ids())]
