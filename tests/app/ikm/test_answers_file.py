"""Paper answers from CSV and XLSX: every row checked, one bad row and nothing is used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.cli import main
from app.errors import LoketError
from app.ikm.answers_file import read_answers
from app.ikm.survey import load_survey

SKM = load_survey("skm-2017")
# the columns in another order than the survey's, as an office might type them
COLUMNS = ["date", "sarana", *SKM.ids[:-1], "sex"]


def _csv(path: Path, rows: list[list[object]], sep: str = ",") -> Path:
    lines = [sep.join(COLUMNS)] + [sep.join(str(c) for c in row) for row in rows]
    path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_csv_with_bom_semicolons_and_any_column_order(tmp_path: Path) -> None:
    rows = [["01-12-2026", 4, *[3] * 8, "P"], ["2026-12-02", 2, *[4] * 8, ""]]
    answers = read_answers(_csv(tmp_path / "a.csv", rows, ";"), SKM)
    assert [a.line for a in answers] == [2, 3]
    assert answers[0].answers["sarana"] == 4 and answers[1].answers["sarana"] == 2
    assert answers[0].answers["persyaratan"] == 3
    assert str(answers[0].day) == "2026-12-01" and answers[0].respondent == {"sex": "P"}


def test_every_bad_row_is_named_and_nothing_is_returned(tmp_path: Path) -> None:
    rows = [["", 4, *[3] * 8, ""], ["", 5, *[3] * 8, ""], ["31-02-2026", 4, *[3] * 8, ""],
            ["", "", *[3] * 8, ""]]
    with pytest.raises(LoketError) as err:
        read_answers(_csv(tmp_path / "bad.csv", rows), SKM)
    assert err.value.key == "ikm.file_rows" and err.value.params["count"] == 3
    text = err.value.message("id")
    assert "baris 3: sarana" in text and "baris 4: tanggal" in text


def test_xlsx_numbers_and_dates(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(list(SKM.ids))
    sheet.append([4.0] * 9)
    sheet.append([1] * 9)
    book.save(tmp_path / "a.xlsx")
    answers = read_answers(tmp_path / "a.xlsx", SKM)
    assert [sum(a.answers.values()) for a in answers] == [36, 9]


def test_missing_element_column_and_unknown_column(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("persyaratan,waktu\n3,3\n", encoding="utf-8")
    with pytest.raises(LoketError) as err:
        read_answers(path, SKM)
    assert err.value.key == "ikm.file_header" and "sarana" in err.value.params["missing"]
    path.write_text(",".join([*SKM.ids, "umur"]) + "\n" + ",".join(["3"] * 10) + "\n")
    with pytest.raises(LoketError) as err:
        read_answers(path, SKM)
    assert err.value.key == "ikm.file_unknown_column" and err.value.params["column"] == "umur"


def test_cli_compute_prints_the_index(tmp_path: Path, capsys) -> None:
    path = _csv(tmp_path / "a.csv", [["", 4, *[4] * 8, ""]] * 3)
    assert main(["ikm", "compute", "--answers", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["respondents"] == 3 and data["ikm"] == 100.0 and data["grade"] == "A"
    assert data["label"] == "Sangat Baik" and data["weight"] == "1/9"
    assert set(data["nrr"]) == set(SKM.ids)
    assert main(["ikm", "compute", "--answers", str(path), "--weight", "rounded",
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ikm"] == 99.9
    assert main(["ikm", "compute", "--answers", str(tmp_path / "none.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("loket: ") and err.count("\n") == 1


def test_a_control_character_in_a_cell_refuses_its_row(tmp_path: Path) -> None:
    """A NUL or an escape in a respondent's field (stored as text) names its row and
    column; nothing of the file is used."""
    rows = [["01-12-2026", 4, *[3] * 8, "P"], ["02-12-2026", 4, *[3] * 8, "L\x00"],
            ["03-12-2026", 4, *[3] * 8, "\x1b[31m"]]
    with pytest.raises(LoketError) as err:
        read_answers(_csv(tmp_path / "kendali.csv", rows), SKM)
    assert err.value.key == "ikm.file_rows" and err.value.params["count"] == 2
    text = err.value.message("id")
    assert "baris 3: sex berisi karakter kendali U+0000" in text
    assert "baris 4: sex berisi karakter kendali U+001B" in text
