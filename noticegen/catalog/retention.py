"""Cookie lifetimes in the Open Cookie Database's free-text spelling, turned into ISO 8601.

The Open Cookie Database (OCD) writes retention periods as free text: "2 years", "13 Months",
"30 mins", "End of session (browser)", "180 days after last activity". The catalogue stores a
cookie's lifetime as an ISO 8601 duration or the word ``session``. :func:`normalise_retention`
converts one into the other and refuses anything it cannot read with certainty, so that a
catalogue entry never carries a guessed lifetime.

The unit is kept as written: "365 days" becomes ``P365D``, not ``P1Y``, and "24 hours" becomes
``PT24H``, so that the catalogue says what the source says.
"""

from __future__ import annotations

import re

__all__ = ["SESSION", "normalise_retention"]

SESSION = "session"
"""The value used for cookies deleted when the browser session ends."""

_SESSION_SPELLINGS = frozenset({
    "session",
    "sessions",
    "seesion",  # a typo in the OCD
    "session cookie",
    "end of session",
    "end of session (browser)",
})

# unit spelling -> (ISO designator, part of the time section?)
_UNITS: dict[str, tuple[str, bool]] = {}
for _spellings, _designator, _is_time in (
    (("sec", "secs", "second", "seconds"), "S", True),
    (("min", "mins", "minute", "minutes"), "M", True),
    (("hour", "hours"), "H", True),
    (("day", "days"), "D", False),
    (("week", "weeks"), "W", False),
    (("month", "months"), "M", False),
    (("year", "years"), "Y", False),
):
    for _spelling in _spellings:
        _UNITS[_spelling] = (_designator, _is_time)

# Qualifiers that do not change the length: they say when the clock starts ("after last
# activity": the cookie is rewritten on each visit) or that the value is the provider's default.
_NEUTRAL_QUALIFIERS = (
    "after last activity",
    "from set/ update",
    "from set/update",
    "by default, modifiable",
)

_AMOUNT_RE = re.compile(r"^(?P<n>\d+)\s*(?P<unit>[a-z]+)$")


def normalise_retention(text: str) -> str:
    """An OCD retention period as an ISO 8601 duration, or ``"session"``.

    >>> normalise_retention("2 years"), normalise_retention("30 minutes")
    ('P2Y', 'PT30M')
    >>> normalise_retention("End of session (browser)")
    'session'

    Raises ``ValueError`` for text that does not state one definite lifetime: ranges ("30
    seconds till 1 year"), lower bounds ("1 hour or longer"), open ends ("forever", "Unknown"),
    dates, zero lengths and anything else it does not recognise.
    """
    if not isinstance(text, str):
        raise ValueError(f"expected text, got {type(text).__name__}")
    cleaned = " ".join(text.split()).lower()
    if not cleaned:
        raise ValueError("the retention period is empty")
    if cleaned in _SESSION_SPELLINGS:
        return SESSION
    for qualifier in _NEUTRAL_QUALIFIERS:
        if cleaned.endswith(qualifier):
            cleaned = cleaned[: -len(qualifier)].rstrip(" ,")
            break
    match = _AMOUNT_RE.match(cleaned)
    if not match or match["unit"] not in _UNITS:
        raise ValueError(f"cannot read {text!r} as one retention period")
    amount = int(match["n"])
    if amount == 0:
        raise ValueError(f"{text!r} is a zero-length period, not a cookie lifetime")
    designator, is_time = _UNITS[match["unit"]]
    return f"PT{amount}{designator}" if is_time else f"P{amount}{designator}"
