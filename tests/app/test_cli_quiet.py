"""The command line leaves nothing it was not asked for: a command on a SQLite file that is
not there makes no file, a closed pipe ends quietly, a missing input file is said without a
line number."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("argv", [["db", "status"], ["catalog", "list"], ["whoami"],
                                  ["queue", "status", "--office", "SAMSAT-PTK1"]])
def test_a_command_on_a_missing_sqlite_file_makes_nothing(capsys, tmp_path: Path,
                                                          argv: list[str]) -> None:
    path = tmp_path / "nowhere" / "loket.sqlite3"
    code = main(["--db", f"sqlite:///{path}", *argv])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert f"{path} tidak ditemukan" in err and "db upgrade" in err
    assert not path.parent.exists()


def test_db_upgrade_makes_the_file(capsys, tmp_path: Path) -> None:
    path = tmp_path / "new" / "loket.sqlite3"
    assert main(["--db", f"sqlite:///{path}", "db", "upgrade"]) == 0
    assert path.exists()
    assert main(["--db", f"sqlite:///{path}", "db", "status", "--json"]) == 0
    assert '"status": "current"' in capsys.readouterr().out


def test_a_reader_that_goes_away_ends_the_command_quietly(catalog_db_url: str) -> None:
    """``loket catalog list | head -1``: exit 0, nothing on stderr (no traceback, no
    'unexpected error' line)."""
    done = subprocess.run(
        [sys.executable, "-c",
         "import os, sys\n"
         "from app.cli import main\n"
         "r, w = os.pipe()\n"
         "os.close(r)\n"  # the reader is gone before the first line
         "os.dup2(w, 1)\n"
         f"sys.exit(main(['--db', {catalog_db_url!r}, 'catalog', 'list']))\n"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    assert done.stderr == ""


def test_a_missing_catalog_file_is_said_without_a_line(capsys, tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    assert main(["catalog", "check", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err == f"loket: {missing}: berkas tidak ditemukan\n"
