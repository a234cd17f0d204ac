"""Render a ResolvedNotice per language and format: HTML page, fragment, Markdown, text, JSON."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from noticegen import defaults
from noticegen.diagnostics import shown
from noticegen.errors import InputError, NoticegenError, UsageError
from noticegen.idprefix import check_id_prefix
from noticegen.render.sections import Planned, plan

if TYPE_CHECKING:
    from jinja2 import Environment

    from noticegen.model import Register
    from noticegen.render.tree import Node
    from noticegen.resolve import ResolvedNotice

STYLESHEET = "noticegen.css"
_BLANK_LINES = re.compile(r"\n\n\n+")  # (not \n{3,}: that is scanned far more slowly)
# Where a page's section differs from the fragment's: its heading tags. User text cannot
# produce one: its "<" is escaped.
_HEADING_TAGS = re.compile(r"(</?h)([1-6])\b")


@dataclass(frozen=True)
class RenderOptions:
    """How to render; the defaults give the built-in templates and a standalone page."""

    heading_level: int = defaults.HEADING_LEVEL
    """The fragment's top heading level (1-4), as `--heading-level`; pages always start at h1."""
    templates_dir: Path | None = None
    """A folder of template overrides: ``<lang>/`` and ``_shared/`` inside it."""
    id_prefix: str = defaults.ID_PREFIX
    """Prefix of every id and in-page link, in pages, fragments and Markdown alike; ``{lang}``
    in it is replaced by the language code, so that several languages' fragments can share a
    page (``ng-{lang}-``)."""

    def __post_init__(self) -> None:
        check_id_prefix(self.id_prefix)

    def prefix(self, lang: str) -> str:
        """The id prefix of one language."""
        return self.id_prefix.replace("{lang}", lang)
    languages: tuple[str, ...] = ()
    """The languages being built, for the page's language links (default: the notice's)."""


@dataclass(frozen=True)
class Section:
    """One rendered section: its place in the plan, its title and its HTML."""

    planned: Planned
    title: str
    html: str

    @property
    def anchor(self) -> str:
        return self.planned.anchor


@dataclass(frozen=True)
class Format:
    """An output format: where its file goes and how it is made."""

    name: str
    path: str
    """The file's path under the notice's folder; ``{lang}`` for per-language formats."""
    make: Callable[[_Renderer, str], str | dict[str, str]]
    """The file's text; or, for a format of several files per language, their paths (under the
    language's folder) and texts."""
    assets: tuple[str, ...] = ()
    """Files from ``templates/_shared`` written next to the language folders."""
    more: tuple[tuple[str, Callable[[_Renderer, str], str]], ...] = ()
    """Further files of the format: (path, how it is made)."""
    when: Callable[[ResolvedNotice], bool] | None = None
    """Whether a build that names no formats writes this one (None: always)."""

    @property
    def per_language(self) -> bool:
        return "{lang}" in self.path


class _Renderer:
    """Renders one notice; the section bodies are rendered once and shared between formats."""

    def __init__(self, resolved: ResolvedNotice, options: RenderOptions) -> None:
        self.resolved = resolved
        self.options = options
        self._bodies: dict[tuple[str, bool], tuple[str, list[Section]]] = {}
        self._trees: dict[str, Node] = {}
        self._summaries: dict[str, Any] = {}
        self.extras: dict[str, Any] = {}
        """What a format computes once for all its files (e.g. a banner configuration)."""

    @cached_property
    def languages(self) -> tuple[str, ...]:
        return self.options.languages or self.resolved.languages

    def env(self, lang: str) -> Environment:
        from noticegen.render.environment import environment

        return environment(lang, self.options.templates_dir)

    def context(self, lang: str, *, fragment: bool) -> dict[str, Any]:
        """The variables every template sees; a fragment gets prefixed ids and its own level."""
        from noticegen.model import text_in
        from noticegen.render.environment import language
        from noticegen.render.view import View

        notice = self.resolved.notice
        title = text_in(notice.notice.title, lang) or language(
            lang, self.options.templates_dir).strings.get("title", "")
        return {
            "r": self.resolved, "n": notice, "v": View(self.resolved), "doc_title": title,
            "id_prefix": self.options.prefix(lang),
            "base_level": self.options.heading_level if fragment else 1,
            # A fragment lives inside a site that has its own navigation.
            "toc": not fragment,
        }

    def body(self, lang: str, *, fragment: bool) -> tuple[str, list[Section]]:
        """(body HTML, sections) for a page (bare ids, h1) or a fragment (prefixed, chosen level)."""
        key = (lang, fragment)
        if key not in self._bodies:
            self._bodies[key] = self._render_body(lang, fragment=fragment)
        return self._bodies[key]

    def tree(self, lang: str) -> Node:
        """The page body parsed once, shared by the Markdown and text converters (read only)."""
        if lang not in self._trees:
            from noticegen.render.tree import parse

            self._trees[lang] = parse(self.body(lang, fragment=False)[0])
        return self._trees[lang]

    def _render_body(self, lang: str, *, fragment: bool) -> tuple[str, list[Section]]:
        env = self.env(lang)
        ctx = self.context(lang, fragment=fragment)
        summary = self._summary(lang, fragment=fragment)
        if fragment and self.options.templates_dir is None:
            sections = self._page_sections_as_fragment(lang)
        else:
            sections = self._render_sections(lang, env, ctx)
        html = _tidy(_guard(lambda: _template(env, "body.html").render(
            **ctx, sections=sections, summary=summary), "body.html"))
        return html, sections

    def _summary(self, lang: str, *, fragment: bool) -> Any:
        """The summary at the top, rendered once per language and shared by the body, the page
        and the fragment, as the sections are (body.html, which includes it, is rendered four
        times per language). None with templates from ``--templates``: body.html then
        includes summary.html itself."""
        if self.options.templates_dir is not None:
            return None
        if lang not in self._summaries:
            env, ctx = self.env(lang), self.context(lang, fragment=False)
            self._summaries[lang] = _markup(_guard(
                lambda: _template(env, "summary.html").render(**ctx), "summary.html"))
        return self._shifted(self._summaries[lang]) if fragment else self._summaries[lang]

    def _shifted(self, html: Any) -> Any:
        """``html`` (page heading levels) with the fragment's heading levels."""
        from markupsafe import Markup

        shift = self.options.heading_level - 1
        if shift == 0:
            return html

        def change(match: re.Match[str]) -> str:
            return f"{match[1]}{min(int(match[2]) + shift, 6)}"

        return Markup(_HEADING_TAGS.sub(change, html))

    def _render_sections(self, lang: str, env: Environment, ctx: dict[str, Any]) -> list[Section]:
        sections = []
        for planned in plan(self.resolved):
            template = _template(env, planned.section.template)
            variables = {**ctx, "anchor": planned.anchor, "item": planned.item}
            module = _guard(partial(template.make_module, variables), planned.section.template)
            title = getattr(module, "title", None)
            if title is None:
                from noticegen.config import words
                from noticegen.l10n import tr

                said = words()
                raise InputError(tr(said, "template {template} ({lang}) does not set a title",
                                    template=planned.section.template, lang=lang),
                                 hint=tr(said, "add {statement} at its top level",
                                         statement='{% set title = "…" %}'))
            sections.append(Section(planned, str(title), _markup(str(module))))
        return sections

    def _page_sections_as_fragment(self, lang: str) -> list[Section]:
        """The page's sections with the fragment's heading levels.

        The built-in templates differ between the two only there: every heading is
        ``base_level`` plus a relative level (both have the same ids). So the
        fragment's sections are made from the page's instead of being rendered a second time,
        which took about a fifth of the CPU a notice's build takes. Templates from
        ``--templates`` are always rendered twice: they may use the two variables in other
        ways. tests/test_perf_equivalence.py shows the result is byte for byte what rendering
        gives.
        """
        return [Section(s.planned, s.title, self._shifted(s.html))
                for s in self.body(lang, fragment=False)[1]]

    def wrapped(self, lang: str, name: str, *, fragment: bool) -> str:
        """The page or fragment wrapper around the notice's sections."""
        _, sections = self.body(lang, fragment=fragment)
        env = self.env(lang)
        alternates = [{"code": code, "name": _language_name(code, self.options),
                       "href": f"../{code}/index.html"} for code in self.languages]
        ctx = self.context(lang, fragment=fragment)
        summary = self._summary(lang, fragment=fragment)
        return _tidy(_guard(lambda: _template(env, name).render(
            **ctx, sections=sections, summary=summary, stylesheet=f"../{STYLESHEET}",
            alternates=alternates, others=[a for a in alternates if a["code"] != lang]), name))


def _markup(html: str) -> Any:
    from markupsafe import Markup

    return Markup(_tidy(html))


def _tidy(html: str) -> str:
    """Blank lines left by template tags are squeezed; no element keeps significant whitespace."""
    return _BLANK_LINES.sub("\n\n", html) if "\n\n\n" in html else html


def _page(renderer: _Renderer, lang: str) -> str:
    return renderer.wrapped(lang, "page.html", fragment=False)


def _fragment(renderer: _Renderer, lang: str) -> str:
    return renderer.wrapped(lang, "fragment.html", fragment=True)


def _markdown(renderer: _Renderer, lang: str) -> str:
    from noticegen.render.html_to_markdown import to_markdown

    return to_markdown(renderer.tree(lang))


def _text(renderer: _Renderer, lang: str) -> str:
    from noticegen.render.html_to_text import to_text

    return to_text(renderer.tree(lang))


def _short(renderer: _Renderer, lang: str) -> dict[str, str]:
    """Per register, the short notice for the point of collection (Art. 13(1) at the form, the
    first layer of WP260 paras. 35-38): ``<register>.html`` and ``<register>.txt``."""
    from noticegen.render.html_to_text import to_text
    from noticegen.render.tree import parse

    full = notice_address(renderer.resolved, lang)
    if full is None:
        message, hint = _no_address(lang)
        raise InputError(message, hint=hint)
    env = renderer.env(lang)
    ctx = {**renderer.context(lang, fragment=True), "full_notice": full}
    template = _template(env, "short.html")
    if renderer.options.templates_dir is None:
        # The built-in short.html is the macro short(register): its module (the macros it
        # imports, the context) is made once per language, not once per register.
        module = _guard(partial(template.make_module, ctx), "short.html")

        def one(register: Register) -> Any:
            return module.short(register)
    else:  # a template of the user's is rendered with `register`, as documented

        def one(register: Register) -> Any:
            return template.render(**ctx, register=register)
    files: dict[str, str] = {}
    for register in renderer.resolved.notice.registers:
        html = _tidy(str(_guard(partial(one, register), "short.html")))
        files[f"{register.id}.html"] = html
        files[f"{register.id}.txt"] = to_text(parse(html))
    return files


def notice_address(resolved: ResolvedNotice, lang: str) -> str | None:
    """Where the notice's ``lang`` version is published (``notice.url``), if it says."""
    url: Any = resolved.notice.notice.url
    if isinstance(url, Mapping):
        return url.get(lang) or None
    return str(url) if url else None


def _has_address(resolved: ResolvedNotice) -> bool:
    return resolved.notice.notice.url is not None


def _no_address(lang: str) -> tuple[str, str]:
    from noticegen.l10n import message_language, tr

    shown = message_language()
    return (tr(shown, "the short notices ({lang}) link to the full notice, but `notice.url` "
                      "gives no address for its {lang} version", lang=lang),
            tr(shown, "Add the address where the full notice is published: `notice: url: "
                      "{{{lang}: https://…}}`, or build without `--format short`.", lang=lang))


def _json(renderer: _Renderer, lang: str) -> str:
    from noticegen.render.jsondoc import to_json

    return to_json(renderer.resolved)


def _consent(manager: str, *, js: bool) -> Callable[[_Renderer, str], str]:
    """A banner configuration (noticegen/render/consent.py) for every language being built, as
    JSON or as JavaScript; built and serialised once for both files."""
    def make(renderer: _Renderer, lang: str) -> str:
        from noticegen.render import consent

        key = f"consent:{manager}"
        if key not in renderer.extras:
            config = getattr(consent, manager)(
                renderer.resolved, renderer.languages, renderer.options.templates_dir,
                renderer.options.id_prefix)
            renderer.extras[key] = consent.to_json(config)
        text = str(renderer.extras[key])
        return str(getattr(consent, f"{manager}_js")(text)) if js else text

    return make


def _needs_consent(resolved: ResolvedNotice) -> bool:
    from noticegen.render.consent import needed

    return needed(resolved)


# Every output format, in the order `--format` lists them: the one list there is.
FORMATS: Mapping[str, Format] = {
    "page": Format("page", "{lang}/index.html", _page, assets=(STYLESHEET,)),
    "fragment": Format("fragment", "{lang}/fragment.html", _fragment),
    "md": Format("md", "{lang}/notice.md", _markdown),
    "txt": Format("txt", "{lang}/notice.txt", _text),
    "json": Format("json", "notice.json", _json),
    "short": Format("short", "{lang}/short/", _short, when=_has_address),
    "cookieconsent": Format(
        "cookieconsent", "consent/cookieconsent.json", _consent("cookieconsent", js=False),
        more=(("consent/cookieconsent.js", _consent("cookieconsent", js=True)),),
        when=_needs_consent),
    "klaro": Format(
        "klaro", "consent/klaro.json", _consent("klaro", js=False),
        more=(("consent/klaro.js", _consent("klaro", js=True)),), when=_needs_consent),
}


def chosen_formats(resolved: ResolvedNotice, formats: Sequence[str]) -> list[str]:
    """The formats asked for; none asked: every format that this notice calls for."""
    if formats:
        return list(formats)
    return [name for name, fmt in FORMATS.items() if fmt.when is None or fmt.when(resolved)]


def render(resolved: ResolvedNotice, *, lang: str, fmt: str,
           options: RenderOptions | None = None) -> str:
    """One format of one notice in one language (``lang`` is ignored for ``json``)."""
    if fmt not in FORMATS:
        from noticegen.config import words
        from noticegen.l10n import tr

        said = words()
        raise UsageError(tr(said, "unknown format {formats}", formats=repr(fmt)),
                         hint=tr(said, "use one or more of {formats}, comma-separated",
                                 formats=", ".join(FORMATS)))
    made = FORMATS[fmt].make(_Renderer(resolved, options or RenderOptions()), lang)
    return made if isinstance(made, str) else "\n".join(made.values())


def render_all(resolved: ResolvedNotice, *, languages: Sequence[str], formats: Sequence[str],
               options: RenderOptions | None = None) -> dict[str, bytes]:
    """Every requested file of one notice, in memory: relative path → UTF-8 bytes; no formats
    requested: those :func:`chosen_formats` picks."""
    files: dict[str, bytes] = {}
    for _, made in render_each(resolved, languages=languages, formats=formats, options=options):
        files.update(made)
    return dict(sorted(files.items()))


def render_each(resolved: ResolvedNotice, *, languages: Sequence[str], formats: Sequence[str],
                options: RenderOptions | None = None) -> Iterator[tuple[str, dict[str, bytes]]]:
    """The files of :func:`render_all` as they are made: format by format in the order of
    :data:`FORMATS` (the page first), and a format language by language (its assets with the
    first language). `preview` serves the first language's page before the rest is made.
    Later formats reuse what earlier ones rendered (a language's sections, its parsed page), so
    the pieces cost together what :func:`render_all` costs."""
    opts = options or RenderOptions()
    if not opts.languages:
        opts = dataclasses.replace(opts, languages=tuple(languages))
    renderer = _Renderer(resolved, opts)
    for name in chosen_formats(resolved, formats):
        fmt = FORMATS[name]
        files = {asset: _asset(asset, opts.templates_dir) for asset in fmt.assets}
        for lang in languages if fmt.per_language else languages[:1]:
            made = fmt.make(renderer, lang)
            where = fmt.path.format(lang=lang)
            if isinstance(made, str):
                files[where] = made.encode("utf-8")
            else:  # several files: their paths are under the format's folder
                files.update((where + rel, text.encode("utf-8")) for rel, text in made.items())
            for path, make in fmt.more:
                files[path.format(lang=lang)] = make(renderer, lang).encode("utf-8")
            yield name, files
            files = {}


def _asset(name: str, user_dir: Path | None) -> bytes:
    from noticegen.resources import templates_dir

    for folder in ([user_dir / "_shared"] if user_dir else []) + [templates_dir() / "_shared"]:
        path = folder / name
        if path.is_file():
            return path.read_bytes()
    from noticegen.config import words
    from noticegen.l10n import tr

    raise InputError(tr(words(), "the stylesheet {name} is missing from the templates", name=name))


def _language_name(code: str, options: RenderOptions) -> str:
    from noticegen.render.environment import language

    return language(code, options.templates_dir).name


def _template(env: Environment, name: str) -> Any:
    try:
        return _guard(lambda: env.get_template(name), name)
    except InputError as exc:
        raise (_undecodable(env, name) or exc) from None


def _undecodable(env: Environment, name: str) -> InputError | None:
    """The message for a template file that is not UTF-8, with its path and line; None when
    the template's problem is another."""
    for folder in getattr(env.loader, "searchpath", ()):
        path = Path(folder) / name
        if path.is_file():
            data = path.read_bytes()
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as exc:
                line = data[: exc.start].count(b"\n") + 1
                from noticegen.config import words
                from noticegen.l10n import tr

                said = words()
                return InputError(tr(said, "template error in {place}: {error}",
                                     place=f"{path}:{line}",
                                     error=tr(said, "the file is not UTF-8 text")),
                                  hint=tr(said, "save the template as UTF-8"))
            return None
    return None


def _guard(fn: Callable[[], Any], name: str) -> Any:
    """Run template code; a template mistake becomes a message with the template's file and
    line. Besides Jinja's own errors, a user's template can divide by zero, include itself
    for ever, hold bytes that are not UTF-8 or hand a filter a value it cannot take: each of
    those is the template's mistake, not noticegen's, and gets the same message."""
    from jinja2 import TemplateError

    try:
        return fn()
    except NoticegenError:
        raise
    except (TemplateError, ArithmeticError, LookupError, RecursionError, TypeError,
            ValueError, AttributeError) as exc:  # ValueError: UnicodeDecodeError too
        raise _template_error(exc, name) from None


def _template_error(exc: Exception, name: str) -> InputError:
    from jinja2 import TemplateError

    from noticegen.config import words
    from noticegen.l10n import tr

    said = words()
    where, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if where is None:  # a runtime error: the innermost template frame tells where
        tb = exc.__traceback__
        while tb is not None:
            template = tb.tb_frame.f_globals.get("__jinja_template__")
            if template is not None:
                where = template.filename
                line = template.get_corresponding_lineno(tb.tb_lineno)
            tb = tb.tb_next
    place = f"{where or name}:{line}" if line else str(where or name)
    # Jinja's and Python's own words (English) for the template's mistake, quoted as they are
    what = str(exc) if isinstance(exc, TemplateError) else f"{type(exc).__name__}: {exc}"
    if isinstance(exc, RecursionError):
        what = tr(said, "templates include or call each other without end")
    elif isinstance(exc, UnicodeDecodeError):
        what = tr(said, "the file is not UTF-8 text")
    return InputError(tr(said, "template error in {place}: {error}", place=place,
                         error=shown(what, 300)),
                      hint=tr(said, "fix the template (see docs/templates.md)"))


__all__ = ["FORMATS", "STYLESHEET", "Format", "RenderOptions", "Section", "chosen_formats", "render",
           "render_all", "render_each"]
