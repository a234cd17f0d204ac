"""The shortcuts taken for speed give exactly what the slow, obvious way gives.

- tree.parse reads our own HTML with a regex tokenizer and falls back to html.parser for
  anything else: both must build the same tree.
- resolve merges catalogue services without re-validating the whole notice: the result must be
  what validating the merged data gives.
- The Jinja environments share compiled templates: rendering must not depend on which language
  was compiled first.
- notice.json is written by pydantic-core: the bytes json.dumps gives with the same settings.
- With the built-in templates, a fragment's sections are made from the page's (ids prefixed,
  headings moved): the fragment must be what rendering it with the same templates gives.
- With the built-in templates, the short notices of a language come from one module of
  short.html (its macro per register): they must be what rendering short.html once per
  register, as a user's template is, gives.
- A notice string filled in with values (`t("key", name=value)`) whose fields are bare names is
  formatted with str.format on escaped values: the Markup that Markup.format gives.
- lint.facts keeps a notice's texts with the notice for every rule after the first: each notice
  gets its own.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_fuzz_render import renderable

from noticegen.model import Notice
from noticegen.pipeline import check_file, check_text
from noticegen.render import RenderOptions, _Renderer
from noticegen.render.tree import Node, _Builder, _parse_plain, parse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402  (benchmarks/ is not a package)


def slow_parse(html: str) -> Node:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def notices() -> list[str]:
    texts = [(ROOT / "examples" / "qualitydesk.yaml").read_text("utf-8")]
    for seed, preset in enumerate(["tiny", "typical", "small", "typical", "tiny", "typical"]):
        texts.append(generate.dump(generate.notice(generate.PRESETS[preset], seed)))
    return texts


@pytest.mark.parametrize("index", range(len(notices())))
def test_fast_parse_builds_the_html_parser_tree_of_every_body(index: int) -> None:
    checked = check_text(notices()[index], "notice.yaml", lint=False)
    assert checked.resolved is not None
    renderer = _Renderer(checked.resolved, RenderOptions(heading_level=2))
    for lang in checked.resolved.languages:
        for fragment in (False, True):
            html = renderer.body(lang, fragment=fragment)[0]
            fast = _parse_plain(html)
            assert fast is not None, "our own HTML should take the fast path"
            assert fast == slow_parse(html)


@pytest.mark.parametrize("html", [
    '<p class="a" id=\'b\' data-x=c hidden>x &amp; y &lt;z&gt; &#228; &auml;</p>',
    '<P CLASS="Up">Mixed <B>case</B></P>',
    '<p>unclosed <em>inline<br>line<br/>break <img src="a.png" alt="&quot;q&quot;"></p>',
    '<ul><li>one<li>two</ul></ol>stray end',
    '<a href="https://x.fi/?a=1&amp;b=2">link</a> & loose ampersand &',
    "<div\n  class='multi'\n  id=\"line\"\n>text</div>",
    '<p>no end',
    '<td data-label="">empty</td><p a="" b>x</p>',
])
def test_fast_parse_matches_on_handwritten_html(html: str) -> None:
    assert _parse_plain(html) == slow_parse(html)
    assert parse(html) == slow_parse(html)


@pytest.mark.parametrize("html", [
    "<!DOCTYPE html><p>x</p>", "<p>a <!-- note --> b</p>", "<p>1 < 2</p>",
    "<script>if (a < b) {}</script>", "<my-tag>x</my-tag>", "<p>x</p <br>", "<?php ?>",
    # Our attribute values have "<" and ">" escaped; a raw one is left to html.parser.
    '<p title="a > b">quoted greater-than</p>', "<p title='a<b'>x</p>",
])
def test_anything_else_goes_to_html_parser(html: str) -> None:
    assert _parse_plain(html) is None
    assert parse(html) == slow_parse(html)


_PIECES = st.sampled_from([
    "<p>", "</p>", "<ul>", "</ul>", "<li>", "</li>", "<br>", "<br/>", "<em>", "</em>", "<td>",
    '<a href="https://e.fi/a?b=1&amp;c">', "</a>", '<p class="ng-x" id="y">', "<dl>", "</dl>",
    "text", " ", "\n", "&amp;", "&lt;", "&#x27;", "ä", "&", ";", "<", ">", "=", '"', "'", "/",
    "<!-- c -->", "</div >", "<div\tid=x>", "<P>", "</LI>",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_fast_parse_agrees_with_html_parser_on_fuzzed_markup(html: str) -> None:
    assert parse(html) == slow_parse(html)


def test_expanded_notice_is_what_validation_of_its_data_gives() -> None:
    for text in notices():
        checked = check_text(text, "notice.yaml", lint=False)
        assert checked.resolved is not None
        expanded = checked.resolved.notice
        again = Notice.model_validate(expanded.model_dump(exclude_unset=True))
        assert again == expanded
        assert again.model_fields_set == expanded.model_fields_set
        assert again.model_dump_json() == expanded.model_dump_json()


def test_rendering_does_not_depend_on_which_language_compiled_first() -> None:
    from noticegen.render import render_all
    from noticegen.render.environment import _shared_bytecode, environment

    checked = check_file(str(ROOT / "examples" / "qualitydesk.yaml"), lint=False)
    assert checked.resolved is not None
    options = RenderOptions(heading_level=2, languages=("fi", "en"))
    formats = ["page", "fragment", "md", "txt"]
    first = render_all(checked.resolved, languages=["fi", "en"], formats=formats, options=options)
    environment.cache_clear()
    _shared_bytecode.cache_clear()
    second = render_all(checked.resolved, languages=["en", "fi"], formats=formats,
                        options=options)
    assert first == second


_TEXT = st.lists(st.sampled_from([*"ab cd-é/\t\n\x0b\x0c\r\xa0\u2009.:", "word", "  ",
                                   "https://x.fi/a/rather/long/path/that/never/breaks"]),
                 max_size=60).map("".join)


@settings(max_examples=600, deadline=None)
@given(_TEXT, st.integers(min_value=10, max_value=90),
       st.sampled_from(["", "- ", "Label: ", "   "]), st.sampled_from(["", "  ", "| "]))
def test_text_wrap_shortcut_is_what_textwrap_gives(text: str, width: int, first: str,
                                                   rest: str) -> None:
    import textwrap

    from noticegen.render.html_to_text import _wrap

    expected: list[str] = []
    for number, hard in enumerate(text.split("\n")):
        prefix = first if number == 0 else rest
        expected.extend(textwrap.wrap(
            hard, width=max(width, len(prefix) + 20), initial_indent=prefix,
            subsequent_indent=rest, break_long_words=False, break_on_hyphens=False,
        ) or [prefix.rstrip()])
    assert _wrap(text, width, first, rest) == expected


def test_walk_is_document_order() -> None:
    root = parse('<div id="a"><p id="b">x<em id="c">y</em></p><ul id="d"><li id="e">z</li></ul>'
                 '</div><p id="f"></p>')

    def recursive(node: Node) -> list[Node]:
        return [node, *(n for c in node.children if isinstance(c, Node) for n in recursive(c))]

    assert [n.attrs.get("id") for n in root.walk()] == [None, "a", "b", "c", "d", "e", "f"]
    assert list(root.walk()) == recursive(root)


def _fragments_both_ways(text: str, tmp_path: Path, level: int, prefix: str) -> None:
    """The fragment made from the page's sections against the fragment rendered on its own.

    An empty --templates folder sends rendering down the general path with the same templates.
    """
    from noticegen.render import render_all

    checked = check_text(text, "notice.yaml", lint=False)
    assert checked.resolved is not None
    languages = list(checked.resolved.languages)
    derived = render_all(checked.resolved, languages=languages, formats=["fragment"],
                         options=RenderOptions(heading_level=level, id_prefix=prefix))
    rendered = render_all(checked.resolved, languages=languages, formats=["fragment"],
                          options=RenderOptions(heading_level=level, id_prefix=prefix,
                                                templates_dir=tmp_path))
    assert derived == rendered


@pytest.mark.parametrize("index", range(len(notices())))
@pytest.mark.parametrize(("level", "prefix"), [(1, "ng-"), (2, "ng-"), (3, "x_"), (4, "")])
def test_fragment_from_page_sections_is_the_rendered_fragment(
        index: int, level: int, prefix: str, tmp_path: Path) -> None:
    _fragments_both_ways(notices()[index], tmp_path, level, prefix)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(data=renderable(), level=st.integers(min_value=1, max_value=4),
       prefix=st.sampled_from(["ng-", "a-b_"]))
def test_fragment_from_page_sections_is_the_rendered_fragment_for_drawn_notices(
        data: dict[str, object], level: int, prefix: str, tmp_path: Path) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    _fragments_both_ways(text, tmp_path, level, prefix)


def _shorts_both_ways(text: str, tmp_path: Path, prefix: str) -> None:
    """The short notices from the template's module against short.html rendered per register
    (an empty --templates folder sends rendering down the general path)."""
    from noticegen.render import render_all

    checked = check_text(text, "notice.yaml", lint=False)
    assert checked.resolved is not None
    languages = list(checked.resolved.languages)
    from_module = render_all(checked.resolved, languages=languages, formats=["short"],
                             options=RenderOptions(id_prefix=prefix))
    rendered = render_all(checked.resolved, languages=languages, formats=["short"],
                          options=RenderOptions(id_prefix=prefix, templates_dir=tmp_path))
    assert from_module and from_module == rendered


@pytest.mark.parametrize("index", range(len(notices())))
def test_short_notices_from_the_module_are_the_rendered_ones(index: int, tmp_path: Path) -> None:
    _shorts_both_ways(notices()[index], tmp_path, "ng-")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(data=renderable(), prefix=st.sampled_from(["ng-", "ng-{lang}-"]))
def test_short_notices_from_the_module_are_the_rendered_ones_for_drawn_notices(
        data: dict[str, object], prefix: str, tmp_path: Path) -> None:
    data["notice"]["url"] = "https://example.fi/privacy"  # type: ignore[index]
    _shorts_both_ways(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), tmp_path, prefix)


@pytest.mark.parametrize("code", ["fi", "sv", "en"])
def test_strings_filled_in_are_what_markup_format_gives(code: str) -> None:
    from markupsafe import Markup

    from noticegen.render.environment import environment, language
    from noticegen.render.helpers import _FORMATTER, _plain_fields

    message = environment(code).globals["t"]
    texts = language(code).messages
    filled = 0
    for key, text in texts.items():
        names = [name for _, name, _, _ in _FORMATTER.parse(text) if name]
        if not names:
            continue
        for value in ("<b>&'\"x</b>", Markup("<a href='#x'>&amp;</a>"), 7):
            values = {name: value for name in names}
            assert message(key, **values) == Markup(text).format(**values), key
        filled += _plain_fields(text)
    assert filled > 20  # the fast path is the one taken


@pytest.mark.parametrize("text", ["{a.b}", "{a[0]}", "{a!r}", "{a:>5}", "{}", "{0}", "{{a}}",
                                  "{a", "a}"])
def test_only_bare_fields_take_the_fast_path(text: str) -> None:
    from noticegen.render.helpers import _plain_fields

    assert _plain_fields(text) is (text == "{{a}}")


def _json_both_ways(text: str) -> None:
    from noticegen.render.jsondoc import document, to_json

    checked = check_text(text, "notice.yaml", lint=False)
    assert checked.resolved is not None
    expected = json.dumps(document(checked.resolved), ensure_ascii=False, indent=2,
                          sort_keys=True) + "\n"
    assert to_json(checked.resolved) == expected


@pytest.mark.parametrize("index", range(len(notices())))
def test_notice_json_is_what_json_dumps_gives(index: int) -> None:
    _json_both_ways(notices()[index])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=renderable())
def test_notice_json_is_what_json_dumps_gives_for_drawn_notices(data: dict[str, object]) -> None:
    _json_both_ways(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


@pytest.mark.parametrize("value", [
    'quote " backslash \\ slash /', "\x00\x01\x1f\x7f\x80 \n\r\t\b\f", "ä € 😀 \u2028\u2029 \ufeff",
    "</script>", 12345678901234567890, -5, True, None, [], {}, 1.5, 1e16,
    {"b": [{"d": 1, "c": {}}], "a": "x", "ä": 1, "Z": 2},
])
def test_pydantic_core_json_is_json_dumps_on_awkward_values(value: object) -> None:
    from pydantic_core import to_json

    from noticegen.render.jsondoc import _sorted

    expected = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
    assert to_json(_sorted(value), indent=2).decode("utf-8") == expected


def test_texts_kept_with_a_notice_are_its_own() -> None:
    """lint.facts keeps a notice's texts (and those a pattern may match) with the notice for the
    rules after the first: each notice gets what walking it gives, never another notice's."""
    from noticegen.lint import facts
    from noticegen.lint.patterns import may_match

    checked = [check_text(text, "notice.yaml", lint=False).resolved for text in notices()[:3]]
    for resolved in [*checked, *reversed(checked)]:
        assert resolved is not None
        walked = list(facts._texts(resolved, ()))
        assert list(facts.texts(resolved)) == walked
        assert facts._suspect_texts(resolved) == [v for v in walked if may_match(v.lang, v.text)]
    assert len({len(list(facts.texts(resolved))) for resolved in checked if resolved}) == 3
