"""A large notice's languages rendered in forked processes: the same bytes (the build and its
errors: tests/test_jobs.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from noticegen.pipeline import check_file
from noticegen.render import RenderOptions, apart, render_all
from noticegen.resolve import ResolvedNotice

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qualitydesk.yaml"
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402  (benchmarks/ is not a package)

pytestmark = pytest.mark.skipif(not apart.can_fork(), reason="processes are forked on Linux only")


def resolved(path: Path) -> ResolvedNotice:
    result = check_file(str(path))
    assert result.resolved is not None, [str(d) for d in result.errors]
    return result.resolved


@pytest.mark.parametrize(("languages", "formats"), [
    (["fi", "en"], ["page", "fragment", "md", "txt", "json", "short"]),
    (["en", "fi"], ["json", "md"]),
    (["fi", "en"], ["page"]),
])
def test_apart_gives_the_bytes_of_render_all(languages: list[str], formats: list[str]) -> None:
    notice = resolved(EXAMPLE)
    options = RenderOptions(languages=tuple(languages))
    expected = render_all(notice, languages=languages, formats=formats, options=options)
    got = apart.render_apart(notice, languages=languages, formats=formats, options=options,
                             processes=2)
    assert list(got) == list(expected)
    assert got == expected


def test_only_large_notices_with_spare_cores_and_two_languages_are_split(tmp_path: Path) -> None:
    small = resolved(EXAMPLE)
    assert not apart.worth_splitting(small, ["fi", "en"], 2)
    path = tmp_path / "large.yaml"
    size = generate.Size(registers=3, purposes=12, processors=6, cookies=apart.SPLIT_MIN_ITEMS)
    path.write_text(generate.dump(generate.notice(size, seed=1)), "utf-8")
    large = resolved(path)
    assert apart.worth_splitting(large, ["fi", "en"], 2)
    assert not apart.worth_splitting(large, ["fi", "en"], 1), "no spare core"
    assert not apart.worth_splitting(large, ["fi"], 2), "one language"
