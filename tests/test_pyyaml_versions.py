"""NG006 is the same diagnostic, at the same place, on every PyYAML release the project supports.

PyYAML 6.0.4's wheels bundle a libyaml that refuses nesting past 1,000 levels by itself
("exceeded maximum nesting depth"), reading ahead of the event noticegen is at; the releases
before it (pyproject.toml allows >= 6.0) do not. noticegen.source must give NG006 at the value
that passes its own limit on both. The test run's own PyYAML is the locked one (or the newest,
with `scripts/test.sh --latest`); the older ones are installed, by hash from
requirements/pyyaml-*.txt, into a throwaway folder, and a child interpreter that sees no
site-packages loads noticegen.source from this checkout with them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from noticegen.source import load_text

ROOT = Path(__file__).resolve().parents[1]
OLDER = sorted(p.name.removeprefix("pyyaml-").removesuffix(".txt")
               for p in (ROOT / "requirements").glob("pyyaml-*.txt"))

BRACKETS = "A notice is only a few levels deep; check the brackets [ ] and { }."
INDENTATION = "A notice is only a few levels deep; check the indentation."
DEEP = "the document is nested more than 64 levels deep"


def block(depth: int) -> str:
    return "".join(" " * i + f"k{i}:\n" for i in range(depth))


# name: (text, expected (code, line, column, message, hint))
CASES: dict[str, tuple[str, tuple[str, int, int, str, str]]] = {
    "flow-70": ("notice: " + "[" * 70 + "]" * 70 + "\n", ("NG006", 1, 73, DEEP, INDENTATION)),
    "flow-1001": ("notice: " + "[" * 1001 + "]" * 1001 + "\n", ("NG006", 1, 73, DEEP, BRACKETS)),
    "flow-100000": ("notice: " + "[" * 100_000 + "]" * 100_000 + "\n", ("NG006", 1, 73, DEEP, BRACKETS)),
    "unclosed-lists": ("notice: " + "[" * 1_000_000 + "\n", ("NG006", 1, 73, DEEP, BRACKETS)),
    "mappings": ("notice: " + "{a: " * 5_000 + "}" * 5_000 + "\n", ("NG006", 1, 4 * 64 + 9, DEEP, BRACKETS)),
    "scalar-at-65": ("notice: " + "[" * 64 + "x" + "]" * 64 + "\n", ("NG006", 1, 73, DEEP, INDENTATION)),
    # Block style passes libyaml's 1,000 levels within noticegen's 8 MiB too (about 3 MB here).
    "block-70": (block(70), ("NG006", 66, 66, DEEP, INDENTATION)),
    "block-1200": (block(1_200), ("NG006", 66, 66, DEEP, INDENTATION)),
    # A syntax error before the deep part: the error is reported where it is, not libyaml's limit.
    "error-first": ("a: [b\nc: d\n" + "x: " + "[" * 2_000 + "\n",
                    ("NG001", 2, 2, "invalid YAML: did not find expected ',' or ']'", "")),
}

CHILD = """
import json, sys
sys.path[:0] = sys.argv[1:3]
import yaml
from noticegen.source import load_text
cases = json.load(sys.stdin)
out = {"version": yaml.__version__, "libyaml": yaml.__with_libyaml__, "yaml": yaml.__file__}
for name, text in cases.items():
    d = load_text(text, "n.yaml").diagnostics
    out[name] = [[x.code, x.line, x.column, x.message, x.hint] for x in d]
print(json.dumps(out))
"""


def summary(text: str) -> list[tuple[str, int, int, str, str]]:
    return [(d.code, d.line, d.column, d.message, d.hint) for d in load_text(text, "n.yaml").diagnostics]


def matches(got: list[tuple[str, int, int, str, str]], expected: tuple[str, int, int, str, str]) -> bool:
    (code, line, column, message, hint), = got
    return (code, line, column, message) == expected[:4] and (not expected[4] or hint == expected[4])


@pytest.mark.parametrize("name", sorted(CASES))
def test_nesting_with_this_runs_pyyaml(name: str) -> None:
    text, expected = CASES[name]
    got = summary(text)
    assert len(got) == 1 and matches(got, expected), got


def test_this_runs_pyyaml_has_libyaml() -> None:
    assert yaml.__with_libyaml__  # the C loader is the path that crashed and that 6.0.4 changed


@pytest.fixture(scope="module", params=OLDER)
def older(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    version = request.param
    target = tmp_path_factory.mktemp(f"pyyaml-{version}")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    "--no-deps", "--only-binary=:all:", "--require-hashes", "--target", str(target),
                    "-r", str(ROOT / "requirements" / f"pyyaml-{version}.txt")],
                   check=True, capture_output=True)
    texts = {name: text for name, (text, _) in CASES.items()}
    # -S: no site-packages at all, so `import yaml` can only find the folder just filled.
    proc = subprocess.run([sys.executable, "-S", "-c", CHILD, str(target), str(ROOT)],
                          input=json.dumps(texts), capture_output=True, text=True, check=True,
                          timeout=300)
    result: dict[str, object] = json.loads(proc.stdout)
    assert result["version"] == version and result["libyaml"] is True
    assert str(result["yaml"]).startswith(str(target))
    return result


def test_older_pyyaml_gives_the_same_diagnostics(older: dict[str, object]) -> None:
    for name, (text, expected) in CASES.items():
        got = [tuple(d) for d in older[name]]  # type: ignore[attr-defined]
        assert len(got) == 1 and matches(got, expected), (older["version"], name, got)  # type: ignore[arg-type]
        assert got == summary(text), (older["version"], name)


def test_the_lock_holds_a_release_that_has_libyamls_own_limit() -> None:
    """The case the fallback exists for must be the one tested by default, not only by --latest."""
    with pytest.raises(yaml.YAMLError, match="exceeded maximum nesting depth"):
        list(yaml.parse("a: " + "[" * 1_001, Loader=yaml.CSafeLoader))
