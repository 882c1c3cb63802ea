"""Theme files are read and checked here: every fault names the file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from networkday.paths import resource
from networkday.storage.problems import ProblemError
from networkday.storage.themes import MAX_THEME_BYTES, read_theme_file, read_theme_folder


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def test_the_built_in_themes_are_a_dark_a_light_and_an_ansi_one():
    themes, problems = read_theme_folder(resource("themes"))
    assert problems == []
    by_name = {theme.values["name"]: theme.values for theme in themes}
    assert set(by_name) == {"networkday-dark", "networkday-light", "networkday-ansi"}
    assert by_name["networkday-dark"]["dark"] is True
    assert by_name["networkday-light"]["dark"] is False
    ansi = by_name["networkday-ansi"]
    assert ansi["ansi"] is True
    colours = [value for key, value in ansi.items() if isinstance(value, str) and key != "name"]
    colours += list(ansi["variables"].values())
    assert all(value.startswith("ansi_") or value in {"reverse", "reverse bold"} for value in colours)


def test_a_toml_error_names_the_file_line_and_column(tmp_path: Path):
    path = write(tmp_path, "mine.toml", 'name = "mine"\nprimary = "#112233\n')
    themes, problems = read_theme_folder(tmp_path)
    assert themes == []
    assert len(problems) == 1
    assert problems[0].path == path
    assert (problems[0].line, problems[0].column) == (2, 19)  # where the string meets the end of the line
    assert "invalid TOML" in problems[0].message


def test_an_unknown_key_is_located(tmp_path: Path):
    write(tmp_path, "typo.toml", 'name = "typo"\nprimary = "#112233"\nprimery = "#000000"\n')
    with pytest.raises(ProblemError) as caught:
        read_theme_file(tmp_path / "typo.toml")
    assert (caught.value.problem.line, caught.value.problem.column) == (3, 1)
    assert "unknown key 'primery'" in caught.value.problem.message


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ('primary = "#112233"\n', "'name' is required", 1),
        ('name = "no primary"\n', "may hold only letters", 1),
        ('name = "dark\\n"\nprimary = "#112233"\n', "may hold only letters", 1),
        ('name = "x"\n', "'primary' is required", 1),
        ('name = "x"\nprimary = "#112233"\ndark = "yes"\n', "'dark' must be true or false", 3),
        ('name = "x"\nprimary = "#112233"\ntext_alpha = 3\n', "between 0 and 1", 3),
        ('name = "x"\nprimary = "#112233"\n[variables]\nborder = 1\n', "'border' must be a string", 4),
    ],
)
def test_wrong_values_are_reported(tmp_path: Path, text: str, message: str, line: int):
    write(tmp_path, "bad.toml", text)
    with pytest.raises(ProblemError) as caught:
        read_theme_file(tmp_path / "bad.toml")
    assert message in caught.value.problem.message
    assert caught.value.problem.line == line


def test_a_missing_folder_has_no_themes_and_no_problems(tmp_path: Path):
    assert read_theme_folder(tmp_path / "nowhere") == ([], [])


def test_a_huge_file_is_refused_without_reading_it_all(tmp_path: Path):
    write(tmp_path, "huge.toml", "# " + "x" * MAX_THEME_BYTES + '\nname = "huge"\n')
    _, problems = read_theme_folder(tmp_path)
    assert "under 64 KB" in problems[0].message


def test_other_files_in_the_folder_are_ignored(tmp_path: Path):
    write(tmp_path, "notes.txt", "not a theme")
    write(tmp_path, "ok.toml", 'name = "ok"\nprimary = "#112233"\n')
    themes, problems = read_theme_folder(tmp_path)
    assert [theme.values["name"] for theme in themes] == ["ok"]
    assert problems == []
