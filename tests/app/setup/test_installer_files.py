"""installer/loket.iss (Inno Setup 6) and installer/loket.spec (PyInstaller), read carefully:
they cannot be compiled here (no Windows) and the bundle build is too slow for the suite."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from ui.station import KINDS

ROOT = Path(__file__).resolve().parents[3]
ISS = ROOT / "installer" / "loket.iss"
SPEC = ROOT / "installer" / "loket.spec"


def _split_params(line: str) -> dict[str, str]:
    """``Name: "x"; Flags: a b`` -> {"Name": "x", "Flags": "a b"} (quotes doubled inside)."""
    out: dict[str, str] = {}
    for match in re.finditer(r'\s*(\w+):\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)', line):
        key, value = match.group(1), match.group(2).strip()
        if value.startswith('"'):
            value = value[1:-1].replace('""', '"')
        out[key] = value
    return out


def parse_iss(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            sections.setdefault(current, [])
        elif current is not None:
            sections[current].append(line)
    return sections


@pytest.fixture(scope="module")
def iss() -> dict[str, list[str]]:
    return parse_iss(ISS.read_text(encoding="utf-8"))


def _setup(iss: dict[str, list[str]]) -> dict[str, str]:
    return dict(line.split("=", 1) for line in iss["Setup"])


def _spec_programs() -> set[str]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "EXE":
            for kw in node.keywords:
                if kw.arg == "name":
                    names.add(ast.literal_eval(kw.value))
    return names


def test_sections(iss) -> None:
    for section in ("Setup", "Languages", "Tasks", "Dirs", "Files", "Icons", "Run",
                    "UninstallDelete", "Code", "CustomMessages"):
        assert section in iss, section


def test_per_machine_install_into_program_files(iss) -> None:
    setup = _setup(iss)
    assert setup["DefaultDirName"] == r"{autopf}\Loket"
    assert setup["PrivilegesRequired"] == "admin"
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"])
    assert setup["ArchitecturesInstallIn64BitMode"] == "x64compatible"
    assert setup["UninstallDisplayIcon"] == r"{app}\loket-station.exe"


def test_data_folder_is_common_app_data_writable_and_never_uninstalled(iss) -> None:
    dirs = [_split_params(line) for line in iss["Dirs"]]
    data = [d for d in dirs if d["Name"] == r"{commonappdata}\Loket"]
    assert len(data) == 1
    assert data[0]["Permissions"] == "users-modify"
    assert "uninsneveruninstall" in data[0]["Flags"].split()
    for line in iss["UninstallDelete"]:
        assert "{commonappdata}" not in line and "{app}" in line
    assert "InstallDelete" not in iss
    code = "\n".join(iss["Code"])
    assert "usPostUninstall" in code and "{commonappdata}\\Loket" in code
    assert any(line.startswith("english.DataKept=") and "kept" in line
               for line in iss["CustomMessages"])


def test_every_referenced_file_exists_in_the_bundle_layout(iss) -> None:
    """[Files] sources exist (the bundle folder is the one the spec builds); [Icons] and
    [Run] programs are the spec's programs or files [Files] installs."""
    programs = _spec_programs()
    assert programs == {"loket", "loket-station"}
    installed = set()
    for line in iss["Files"]:
        entry = _split_params(line)
        source = entry["Source"].replace("\\", "/")
        if source.endswith("/*"):
            assert source == "../dist/loket/*"
            assert "recursesubdirs" in entry["Flags"]
            # the spec's COLLECT(name="loket") into installer/build-bundle.sh's --distpath dist
            assert 'name="loket",\n)' in SPEC.read_text() or 'name="loket"' in SPEC.read_text()
            assert "--distpath \"$loket_root/dist\"" in (
                ROOT / "installer" / "build-bundle.sh").read_text()
            installed |= {rf"{{app}}\{p}.exe" for p in programs}
            built = ROOT / "dist" / "loket"
            if built.exists():  # after bash installer/build-bundle.sh
                for program in programs:
                    assert (built / program).exists() or (built / f"{program}.exe").exists()
                assert (built / "_internal" / "resources" / "catalog").is_dir()
        else:
            assert (ISS.parent / source).resolve().is_file(), source
            installed.add(entry["DestDir"] + "\\" + Path(source).name)
    for section in ("Icons", "Run"):
        for line in iss[section]:
            entry = _split_params(line)
            target = entry["Filename"]
            if target.startswith("{app}"):
                assert target in installed, target
            else:
                assert target in ("{cmd}", "{uninstallexe}", r"{win}\notepad.exe"), target
            for path in re.findall(r"\{app\}\\[\w\\.-]+", entry.get("Parameters", "")):
                assert path in installed, path


def test_a_shortcut_per_station_role(iss) -> None:
    icons = [_split_params(line) for line in iss["Icons"]]
    station = {i["Parameters"]: i["Name"] for i in icons
               if i["Filename"] == r"{app}\loket-station.exe" and i.get("Parameters")}
    assert set(station) == {*KINDS, "demo", "setup"}
    assert station["kiosk"] == r"{group}\Kiosk"
    assert station["counter"] == r"{group}\Loket (counter)"
    assert station["display"] == r"{group}\Layar antrian (display)"
    assert station["supervisor"] == r"{group}\Supervisor"
    assert station["survey"] == r"{group}\Survei"
    assert station["demo"] == r"{group}\Demo"
    for icon in icons:
        if icon["Filename"].endswith("loket-station.exe"):
            assert icon["WorkingDir"] == r"{commonappdata}\Loket"
    tasks = {_split_params(line)["Name"] for line in iss["Tasks"]}
    for icon in icons:
        if "Tasks" in icon:
            assert icon["Tasks"] in tasks


def test_the_launcher_accepts_every_shortcut_parameter() -> None:
    from app.cli.launcher import _launcher_args

    for kind in (*KINDS, "demo", "setup"):
        assert _launcher_args([kind]).kind == kind
    assert _launcher_args([]).kind is None


def test_spec_bundles_the_data_and_leaves_out_what_loket_does_not_use() -> None:
    text = SPEC.read_text(encoding="utf-8")
    compile(text, str(SPEC), "exec")  # valid Python
    for needed in ('tree("resources")', 'tree("db/migrations")', '"capabilities.json"',
                   'collect_submodules(package)'):
        assert needed in text, needed
    for excluded in ("PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore",
                     "PySide6.Qt3DCore"):
        assert f'"{excluded}"' in text
    assert '"PySide6.QtMultimedia"' not in text  # ui/announcer.py speaks the calls
    used = set()
    for path in (ROOT / "ui").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    for module in used:
        assert f'"PySide6.{module}"' not in text, f"{module} is used by ui/ but excluded"
