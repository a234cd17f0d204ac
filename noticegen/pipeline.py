"""The compiler's stages joined up: check = load → validate → resolve → lint."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from noticegen.config import Settings, settings_for
from noticegen.diagnostics import Diagnostic, Severity
from noticegen.errors import InputError, UsageError
from noticegen.l10n import N_, message_language, tr
from noticegen.lint import run_lint
from noticegen.lint.registry import Rule, lookup
from noticegen.notes import note, rules_skipped
from noticegen.resolve import ResolvedNotice, resolve
from noticegen.source import Loaded, SourceMap, load_path, load_text
from noticegen.validate import validate, validate_partial

if TYPE_CHECKING:
    from noticegen.model import Notice


@dataclass
class Checked:
    """The result of checking one file."""
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    notice: Notice | None = None
    resolved: ResolvedNotice | None = None
    source_map: SourceMap | None = None
    strict: bool = False
    """The project settings ask for warnings to fail too."""
    digest: str = ""
    """SHA-256 of the bytes checked (empty for text checked from memory)."""
    notes: list[str] = field(default_factory=list)
    """What the check could not do (rules skipped), in the message language
    (noticegen/notes.py): not problems, shown by `check` as notes."""
    defaults: list[str] = field(default_factory=list)
    """The defaults filled in, in the message language: shown by `check --verbose`."""
    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]

    def without_models(self) -> Checked:
        """This result without the notice, its resolved form and its source map (about
        0.3 MB for a typical notice): what a report or another process needs."""
        return Checked(self.path, self.diagnostics, strict=self.strict, digest=self.digest,
                       notes=self.notes, defaults=self.defaults)

    def fails(self, strict: bool = False) -> bool:
        """Whether this file stops a check or a build: errors, or warnings when strict (by
        ``--strict`` or the project settings)."""
        return bool(self.errors or ((strict or self.strict) and self.warnings))


def check_file(path: str, *, lint: bool = True, lang: str | None = None,
               settings: Settings | None = None) -> Checked:
    """Run every check on one notice file; never raises for problems in the file itself.

    ``settings`` default to the project settings found from the file's folder upwards (a
    broken settings file raises ConfigError); ``lang`` (fi/en) overrides their language.
    """
    if settings is None:
        settings = settings_for(path)
    try:
        loaded = load_path(path, lang=message_language(lang, settings.lang))
    except InputError as exc:
        name = "<stdin>" if path == "-" else path
        return _named(Checked(path, [_file_error(name, path, exc)], strict=settings.strict))
    return _named(_check_loaded(path, loaded, lint=lint, lang=lang, settings=settings))


def check_files(files: list[str], *, lang: str | None = None,
                progress: bool = False) -> Iterator[Checked]:
    """check_file on each file in turn, with a progress bar on standard error if asked. The
    results come without their models, which a report does not need: memory stays flat."""
    from noticegen.progress import bar

    with bar(len(files), N_("Checking"), progress, lang) as advance:
        for path in files:
            try:
                yield check_file(path, lang=lang).without_models()
            finally:
                advance(1)


def check_text(text: str, name: str, *, lint: bool = True, lang: str | None = None,
               settings: Settings | None = None) -> Checked:
    """Like check_file, for YAML text already in memory (default settings unless given)."""
    settings = settings or Settings()
    loaded = load_text(text, name, lang=message_language(lang, settings.lang))
    return _named(_check_loaded(name, loaded, lint=lint, lang=lang, settings=settings))


def _check_loaded(path: str, loaded: Loaded, *, lint: bool, lang: str | None,
                  settings: Settings) -> Checked:
    result = Checked(path, list(loaded.diagnostics), source_map=loaded.source_map,
                     strict=settings.strict, digest=loaded.digest)
    if loaded.data is None:
        return result
    messages = message_language(lang, settings.lang)
    notice, diags = validate(loaded.data, loaded.source_map, lang=messages)
    result.diagnostics.extend(diags)
    if notice is None:
        if diags and lint:
            _check_draft(result, loaded, messages=messages, settings=settings)
        return result

    result.notice = notice
    result.resolved = resolve(notice)
    result.defaults.extend(_defaults(result.resolved, messages))
    if lint:
        result.diagnostics.extend(run_lint(
            result.resolved, loaded.source_map, disable=settings.disable, lang=messages))
    result.diagnostics.sort()
    return result


def _check_draft(result: Checked, loaded: Loaded, *, messages: str, settings: Settings) -> None:
    """The rest of the checks on a notice that failed validation: every cross-check and rule
    that its valid parts allow (noticegen.lenient), and a note naming the rules that stopped at
    a missing or invalid value. ``result`` keeps no model: a draft is never rendered."""
    draft, diags = validate_partial(loaded.data, loaded.source_map, lang=messages)
    result.diagnostics.extend(diags)
    if draft is None:
        return
    skipped: list[Rule] = []
    result.diagnostics.extend(run_lint(resolve(draft), loaded.source_map, lang=messages,
                                       disable=settings.disable, skipped=skipped))
    seen = {(d.file, d.line, d.column, d.code, d.message) for d in result.diagnostics}
    result.diagnostics[:] = sorted(d for d in result.diagnostics if _once(d, seen))
    if skipped:
        result.notes.append(rules_skipped(messages, len(skipped), ", ".join(
            f"{rule.code} {rule.name}" for rule in skipped)))


def _once(d: Diagnostic, seen: set[tuple[str, int, int, str, str]]) -> bool:
    """Whether ``d`` is the first of its kind (``seen`` starts full and empties as they come)."""
    key = (d.file, d.line, d.column, d.code, d.message)
    if key in seen:
        seen.discard(key)
        return True
    return False


def _defaults(resolved: ResolvedNotice, lang: str) -> list[str]:
    """The defaults that resolve filled in, as notes: what the notice says that its YAML
    does not (today the supervisory authority)."""
    if resolved.authority_id is None:
        return []
    authority = resolved.authority

    def text(value: str | Mapping[str, str] | None) -> str:
        if value is None or isinstance(value, str):
            return value or ""
        return value.get(lang) or value.get("en") or ""

    return [note("authority_default", lang, name=text(authority.name),
                 address=text(authority.visiting_address), website=text(authority.website))]

def check_consent_config(result: Checked, path: str, *, lang: str | None = None,
                         settings: Settings | None = None) -> Checked:
    """Compare a consent-banner configuration (JSON or YAML) with a checked notice: its
    diagnostics (NG8xx, and NG0xx for a file that cannot be read) are added to ``result``, at
    their positions in the configuration. A notice with errors is not compared.

    Raises UsageError for a file that is neither manager's configuration, or JavaScript."""
    from noticegen.lint.banner import NotABanner, diagnostics, read

    settings = settings or settings_for(result.path)
    words = message_language(lang, settings.lang)
    if path.endswith((".js", ".mjs", ".cjs")):
        raise UsageError(tr(words, "{file} is JavaScript, which noticegen does not run", file=path),
                         hint=tr(words, "give the configuration as JSON (the .json file "
                                 "`noticegen build` writes beside the .js, or your own)"))
    if result.resolved is None:
        return result
    try:
        loaded = load_path(path)
    except InputError as exc:
        result.diagnostics.append(_file_error(path, path, exc))
        return _named(result)
    result.diagnostics.extend(loaded.diagnostics)
    if loaded.data is not None:
        try:
            banner = read(loaded.data)
        except NotABanner:
            raise UsageError(tr(words, "{file} is not a consent-banner configuration: it has "
                                "neither `categories` (vanilla-cookieconsent) nor `services` "
                                "(Klaro)", file=path),
                             hint=tr(words, "give the JSON of vanilla-cookieconsent 3.x or Klaro "
                                     "0.7.x (docs/embedding.md)")) from None
        off = {*settings.disable, *(d.rule for d in (result.resolved.notice.lint.disable
                                                     if result.resolved.notice.lint else ()))}
        result.diagnostics.extend(diagnostics(
            result.resolved, banner, loaded.source_map, disable=off,
            lang=words))
    result.diagnostics.sort()
    return _named(result)


def _named(result: Checked) -> Checked:
    """Give the core checks' diagnostics their rule names, as lint diagnostics have."""
    for i, d in enumerate(result.diagnostics):
        rule = None if d.name else lookup(d.code)
        if rule is not None:
            result.diagnostics[i] = replace(d, name=rule.name)
    return result


def _file_error(name: str, path: str, exc: InputError) -> Diagnostic:
    """The file's error as a diagnostic of the file: its message without the file name that
    starts it, which the report already prints in front ("a.yaml: error NG000 no such file")."""
    message = exc.message.removeprefix(f"{path}: ")
    return Diagnostic(name, 0, 0, Severity.ERROR, "NG000", message, exc.hint)
