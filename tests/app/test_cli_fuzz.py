"""Issue 15 part 4, as a property: whatever is typed, ``loket`` ends with 0, 1 or 2; on a
non-zero exit it says one line and no table changed.

The argument lists are built from the real parser (every sub-command, its positionals, its
options and their choices) with values that are either plausible (the seed office's codes,
today-ish dates, small numbers) or mutated (empty, huge, negative, NaN, NUL and other
control characters, far dates, unknown codes, long text, a file that is not what it
should be), and sometimes the list itself mutated (an element dropped, an unknown option).
Seeded and derandomized, so CI sees the same inputs every run; bounded to about half a
minute per database.
"""

from __future__ import annotations

import argparse
import io
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

import resources
from app.cli import build_parser, main
from tests.helpers import snapshot

# Sub-commands that run until stopped, open windows, listen on ports or talk to devices:
# not for a property test of the command line's input handling.
SKIP = {("queue", "watch"), ("print", "spool"), ("print", "ticket"), ("devices", "simulate"),
        ("devices", "check"), ("station",), ("setup",), ("demo",), ("config", "test")}
# Options the harness sets itself.
FIXED = {"--db", "--json", "--help", "--password-stdin"}

OFFICE = "SAMSAT-PTK1"
GOOD: dict[str, list[str]] = {
    "office": [OFFICE],
    "counter": ["CF", "L1", "L2", "L3"],
    "to_counter": ["L1", "L2"],
    "service": ["STNK-HILANG", "STNK-PERPANJANGAN"],
    "ticket": ["A-001", "B-001", "A-002"],
    "to_stage": ["loket-1", "loket-2"],
    "outcome": ["done", "incomplete", "cancelled"],
    "priority": ["lansia", "anak"],
    "reason": ["lansia", "salah input"],
    "role": ["officer", "supervisor", "admin"],
    "name": ["budi", "Budi Santoso"],
    "as_user": ["petugas1"],
    "plate": ["KB 1234 AB"],
    "nik": ["6171014505900002"],
    "npwpd": ["P.1.0000001.01.01"],
    "code": ["K1", "A-001"],
}
DATES = ["2026-11-23", "2026-11-30"]
MOMENTS = ["2026-11-23T09:00+07:00"]
NUMBERS = ["1", "15", "2026"]
MUTATED = ["", " ", "0", "-5", "-1", "99999999999999999999", "1e308", "nan", "inf",
           "x\x00y", "\x00", "a\x1b[31mb", "baris\nkedua", "\x7f", "9999-12-31",
           "0001-01-01", "1999-12-31", "2101-01-01", "2026-02-30", "9999-12-31T23:59+14:00",
           "TIDAK-ADA", "Z-999", "ü" * 300, "x" * 5000, "'; DROP TABLE visits; --",
           "--json", "-", "SAMSAT-PTK1 "]


@dataclass(frozen=True)
class Command:
    words: tuple[str, ...]
    positionals: tuple[argparse.Action, ...]
    options: tuple[argparse.Action, ...]


def _commands() -> list[Command]:
    out: list[Command] = []

    def walk(parser: argparse.ArgumentParser, words: tuple[str, ...]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, (*words, name))
                return
        if words in SKIP or words[:1] in SKIP:
            return
        actions = [a for a in parser._actions
                   if not isinstance(a, argparse._HelpAction | argparse._VersionAction)
                   and not set(a.option_strings) & FIXED]
        out.append(Command(words, tuple(a for a in actions if not a.option_strings),
                           tuple(a for a in actions if a.option_strings)))

    walk(build_parser(), ())
    return out


COMMANDS = _commands()


def _plausible(action: argparse.Action, files: list[str]) -> list[str]:
    if action.choices:
        return [str(c) for c in action.choices]
    dest = action.dest
    if dest in GOOD:
        return GOOD[dest]
    if dest in ("files", "file", "answers", "dir") or "file" in (action.metavar or "").lower():
        return files
    if dest == "at" or dest.endswith("_at"):
        return MOMENTS + DATES
    if dest in ("date", "to", "date_from", "date_to", "on", "due", "issued", "as_of") or \
            dest.endswith(("_on", "_until")):
        return DATES
    if action.type in (int, float) or getattr(action.type, "__name__", "") in ("int", "float"):
        return NUMBERS
    return ["A-001", "uji", "15"]


def _value(action: argparse.Action, files: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(_plausible(action, files)),
        st.sampled_from(MUTATED),
        st.text(st.characters(codec="utf-8"), max_size=12),
    )


@st.composite
def argvs(draw: st.DrawFn, files: list[str]) -> list[str]:
    command = draw(st.sampled_from(COMMANDS))
    argv = list(command.words)
    for action in command.positionals:
        count = 1 if action.nargs in (None, 1) else draw(st.integers(1, 2))
        argv += [draw(_value(action, files)) for _ in range(count)]
    for action in command.options:
        if not (action.required or draw(st.booleans())):
            continue
        flag = draw(st.sampled_from(action.option_strings))
        if action.nargs == 0:
            argv.append(flag)
        elif action.dest == "office" and draw(st.integers(0, 3)):
            argv += [flag, OFFICE]  # mostly the right office, so commands get further
        else:
            argv += [flag, draw(_value(action, files))]
    mutation = draw(st.sampled_from(["none"] * 6 + ["drop", "unknown", "repeat"]))
    if mutation == "drop" and argv:
        del argv[draw(st.integers(0, len(argv) - 1))]
    elif mutation == "unknown":
        argv.insert(draw(st.integers(0, len(argv))), "--tidak-ada")
    elif mutation == "repeat" and argv:
        argv.append(argv[draw(st.integers(0, len(argv) - 1))])
    return argv


@pytest.fixture
def fuzz_files(tmp_path: Path) -> list[str]:
    """Files for the sub-commands that read one: a real catalog, broken ones, nothing."""
    samsat = resources.path("catalog", "samsat-kalbar-pontianak-1.yaml")
    nul = tmp_path / "nul.yaml"
    nul.write_text(samsat.read_text(encoding="utf-8").replace(
        "name: ", 'name: "\\0" #', 1), encoding="utf-8")
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\x00\xff\xfe" * 50)
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    return [str(samsat), str(resources.path("demo", "stations.yaml")), str(nul), str(binary),
            str(empty), str(tmp_path / "tidak-ada.yaml"), str(tmp_path)]


@pytest.fixture
def office_at_work(capsys, url: str, home: Path, tmp_path: Path, monkeypatch) -> str:
    """The seed office with two visits waiting and one called, so that commands on tickets
    and counters have something to act on; files written go to the test's folder."""
    monkeypatch.chdir(tmp_path)
    for argv in (["ticket", "issue", "STNK-PERPANJANGAN"], ["ticket", "issue", "STNK-HILANG"],
                 ["ticket", "call-next", "--counter", "CF"]):
        assert main(["--db", url, *argv, "--office", OFFICE]) == 0
    capsys.readouterr()
    return url


def test_any_input_exits_0_1_or_2_with_one_line_and_nothing_half_written(
        capsys, office_at_work: str, fuzz_files: list[str], monkeypatch) -> None:
    url = office_at_work
    failures: list[list[str]] = []
    outcomes: list[str] = []

    @seed(15)
    @settings(max_examples=100, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture,
                                     HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(argv=argvs(fuzz_files))
    def run(argv: list[str]) -> None:
        monkeypatch.setattr(sys, "stdin", io.StringIO("sandi-rahasia-uji\n"))
        before = snapshot(url)
        code = main(["--db", url, *argv])
        _, err = capsys.readouterr()
        assert code in (0, 1, 2), (argv, code, err)
        if code:
            assert err.count("\n") <= 1, (argv, err)
            assert snapshot(url) == before, (argv, code, err)
        if code == 1:
            failures.append(argv)
        outcomes.append("usage" if "argumen tidak valid" in err else str(code))

    run()
    # the inputs reach the services, not only the argument parser
    assert outcomes.count("0") >= 5 and outcomes.count("2") >= 30, outcomes
    print(f"exit 1 (unexpected failures, logged): {len(failures)}", failures[:5])
