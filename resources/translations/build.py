"""Refresh the translation files from the UI's source strings and compile them.

UI text is written in Indonesian in the code (``self.tr("...")``); English and any other
language live in ``loket_<lang>.ts`` (edit them with Qt Linguist: ``pyside6-linguist``).

    python resources/translations/build.py          # lupdate (keeps translations) + lrelease

``lupdate`` adds new strings as unfinished and marks vanished ones obsolete; ``lrelease``
writes the ``.qm`` files the application loads (``ui/application.py``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGUAGES = ("en",)


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def main() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    for lang in LANGUAGES:
        ts = HERE / f"loket_{lang}.ts"
        subprocess.run([_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)],
                       cwd=ROOT, check=True)
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm",
                        str(ts.with_suffix(".qm"))], cwd=ROOT, check=True)


if __name__ == "__main__":
    main()
