"""A file a command cannot write is a refusal with its reason, for every area alike."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run_json


def test_an_unwritable_output_path_exits_2_with_the_reason(capsys, url: str,
                                                          tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "laporan.pdf"
    code, _, err = run_json(capsys, url, "report", "daily", "--date", "2026-11-23",
                            "--office", "SAMSAT-PTK1", "--pdf", str(target))
    assert code == 2 and not target.exists()
    assert err.startswith("loket: ") and str(target) in err and err.count("\n") == 1
