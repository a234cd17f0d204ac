"""The rule families; importing this package registers every rule."""

from noticegen.lint.rules import (  # noqa: F401
    banner,
    completeness,
    contradictions,
    controller,
    cookie_basis,
    cookie_text,
    cookies,
    data,
    dpf,
    i18n,
    marketing,
    meta,
    provision,
    rights_text,
    text,
    tracking,
    transfers,
)
