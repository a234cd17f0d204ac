"""A draft can never be published by accident (issue #15): init's placeholders stop `build`."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from noticegen.cli import app
from noticegen.pipeline import check_file

FI = {"LANG": "fi_FI.UTF-8", "LC_ALL": None, "LC_MESSAGES": None}


def _starter(tmp_path: Path) -> Path:
    target = tmp_path / "tietosuojaseloste.yaml"
    result = CliRunner().invoke(app, ["init", "--no-input", str(target)], env=FI)
    assert result.exit_code == 0, result.output
    return target


def _placeholders(path: Path) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.message) for d in check_file(str(path)).diagnostics
            if d.code == "NG704"]


def test_each_placeholder_once_at_its_own_line(tmp_path: Path) -> None:
    path = _starter(tmp_path)
    lines = path.read_text("utf-8").splitlines()
    found = _placeholders(path)
    # Every line with "TODO:" outside comments is reported once, at the column of "TODO".
    todo = [(n, line.index("TODO:") + 1) for n, line in enumerate(lines, 1)
            if "TODO:" in line and not line.lstrip().startswith("#")]
    assert sorted((line, col) for line, col, _ in found) == todo
    assert all(not lines[line - 1].rstrip().endswith(">-") for line, _, _ in found)


def test_a_remnant_of_a_placeholder_stops_build(tmp_path: Path) -> None:
    path = _starter(tmp_path)
    text = path.read_text("utf-8")
    for key, value in [("name", "Testi Oy"), ("street", "Katu 1"), ("postal_code", '"00530"'),
                       ("city", "Helsinki")]:
        text = re.sub(rf'(\n *{key}: )"TODO: [^"]*"', rf"\g<1>{value}", text, count=1)
    # The owner deletes only the lines that start with "TODO:" (the case).
    kept = [line for line in text.splitlines() if not line.lstrip().startswith("TODO:")]
    path.write_text("\n".join(kept) + "\n", "utf-8")
    found = _placeholders(path)
    assert [m for _, _, m in found] == [
        'a placeholder from `noticegen init` is left in the notice: "sitten tämä teksti."',
        'a placeholder from `noticegen init` is left in the notice: "delete this text."']
    for line, col, _ in found:
        assert kept[line - 1][col - 1:].split()[0] in ("sitten", "delete")
    out = tmp_path / "dist"
    result = CliRunner().invoke(app, ["build", str(path), "--out", str(out)], env=FI)
    assert result.exit_code == 1, result.output
    assert "NG704" in result.output
    assert not out.exists() or not any(out.rglob("*.html"))
