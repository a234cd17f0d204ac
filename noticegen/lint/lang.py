"""Which language messages are written in: one rule for every command (now in noticegen.l10n,
which reads every localized text; imported from here by older code)."""

from __future__ import annotations

from noticegen.l10n import (
    DEFAULT,
    ENV_VARIABLE,
    from_environment,
    from_variable,
    locale_language,
    message_language,
)

__all__ = ["DEFAULT", "ENV_VARIABLE", "from_environment", "from_variable", "locale_language",
           "message_language"]
