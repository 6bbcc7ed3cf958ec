"""The ``loket`` command speaks one language: Indonesian by default, English with
``LOKET_LANG=en`` -- its help (app/cli/language.py with resources/translations/cli_id.json),
argparse's own words and its errors, each said in one line; and a refusal of an unknown
office, service or counter names the valid ones (app/cli/choices.py)."""

from __future__ import annotations

import argparse
import ast
import re
from pathlib import Path

import pytest

from app.cli import build_parser, main
from app.cli import language as cli_language
from app.cli.launcher import launcher_parser
from app.store import Store
from tests.helpers import snapshot

# texts that are the same in both languages: a format, not words
SAME_IN_BOTH = {"YYYY-MM-DD"}

# words that give an English sentence away (lower case; what is typed -- option names,
# sub-command names, positional names, metavars -- is taken out first)
ENGLISH = {"the", "of", "and", "or", "to", "for", "with", "this", "that", "is", "are", "an",
           "show", "help", "message", "exit", "usage", "arguments", "argument", "options",
           "positional", "required", "default", "from", "by", "its", "not", "one", "each",
           "when", "else", "only", "after", "if", "in", "be", "it", "invalid", "choice",
           "choose", "expected", "value", "unrecognized", "error", "date", "write"}
# and an Indonesian one
INDONESIAN = {"argumen", "tidak", "valid", "pilihan", "pilih", "wajib", "diisi", "nilai",
              "harus", "perintah", "dikenal", "berikut", "dari", "tanggal", "tulis", "bulat",
              "bilangan", "opsi", "cara", "pakai", "bantuan", "keluar", "dan", "atau"}


def _parser(monkeypatch: pytest.MonkeyPatch, lang: str) -> argparse.ArgumentParser:
    monkeypatch.setenv("LOKET_LANG", lang)
    return build_parser()


def _texts(parser: argparse.ArgumentParser) -> list[str]:
    return [getattr(holder, attribute) for holder, attribute in cli_language.texts(parser)]


def _typed_words(parser: argparse.ArgumentParser) -> set[str]:
    """What the user types and the help shows as it is: sub-command and positional names."""
    words: set[str] = set()
    for each in cli_language.parsers(parser):
        for action in each._actions:
            if isinstance(action, argparse._SubParsersAction):
                words.update(action.choices)
            elif not action.option_strings:
                words.add(action.dest)
    return {part for word in words for part in re.split(r"[-_]", word)} | words


def _words(text: str, typed: set[str]) -> set[str]:
    """The words of ``text`` left once option names, choice lists, metavars, quoted values
    and typed names are taken out."""
    text = re.sub(r"\{[^}]*\}", " ", text)  # {db,user,...}
    text = re.sub(r"'[^']*'", " ", text)  # 'frobnicate', choices as argparse quotes them
    text = re.sub(r"(?<![\w-])-{1,2}[\w-]+", " ", text)  # --office, -h
    text = re.sub(r"\b[A-Z][A-Z0-9_]+\b", " ", text)  # URL, CODE, NAME
    return {w for w in re.findall(r"[A-Za-z]+", text) if w not in typed}


def _argparse_messages() -> set[str]:
    """Every text argparse says through ``_`` or ``ngettext`` (read from its source)."""
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "ngettext")):
            found.update(arg.value for arg in node.args
                         if isinstance(arg, ast.Constant) and isinstance(arg.value, str))
    found.add("subcommands")  # add_subparsers' default title, given to _ as a variable
    return found


# --- the help --------------------------------------------------------------------------


def test_every_text_of_every_parser_is_translated(monkeypatch: pytest.MonkeyPatch) -> None:
    english = _texts(_parser(monkeypatch, "en"))
    indonesian = _texts(_parser(monkeypatch, "id"))
    assert len(english) == len(indonesian) > 250  # the same tree, walked the same way
    table = cli_language.translations()
    untranslated = sorted({en for en, id_ in zip(english, indonesian, strict=True)
                           if en == id_ and en not in SAME_IN_BOTH})
    assert untranslated == []
    assert all(table[en] == id_ for en, id_ in zip(english, indonesian, strict=True))


def test_the_table_has_no_stale_entry_and_covers_argparse(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every entry translates a text the parser has today or one argparse says; and every
    text argparse says has its translation."""
    table = cli_language.translations()
    english = set(_texts(_parser(monkeypatch, "en"))) | set(_texts(launcher_parser()))
    argparse_says = _argparse_messages()
    assert sorted(set(table) - english - argparse_says) == []  # stale: remove them
    assert sorted(argparse_says - set(table)) == []


def test_the_loket_station_program_speaks_the_same_language(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOKET_LANG", "en")
    english = _texts(launcher_parser())
    monkeypatch.setenv("LOKET_LANG", "id")
    indonesian = _texts(launcher_parser())
    assert len(english) == len(indonesian) >= 3
    assert [en for en, id_ in zip(english, indonesian, strict=True) if en == id_] == []


def test_a_translation_keeps_what_is_typed_and_the_placeholders() -> None:
    """Option names, $VARIABLES, %-placeholders, paths, addresses and codes are the same
    in both texts (argparse fills the placeholders in; the user types the rest)."""
    token = re.compile(r"%\(\w+\)[sdr]|%[sdr]|(?<![\w-])--[\w-]+|\$\w+|[\w.+-]+://\S*"
                       r"|\b[\w-]+\.(?:yaml|csv|bin)\b"
                       r"|\b[A-Z][A-Z0-9]+(?=s\b|-nya\b|\b)")  # PDFs, NPWPD-nya: PDF, NPWPD
    wrong = {en: id_ for en, id_ in cli_language.translations().items()
             if sorted(token.findall(en)) != sorted(token.findall(id_))}
    assert wrong == {}


def _help(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


@pytest.mark.parametrize("argv", [[], ["ticket", "issue"], ["samsat", "pay"]])
def test_help_has_no_english_sentence(capsys, monkeypatch: pytest.MonkeyPatch,
                                      argv: list[str]) -> None:
    typed = _typed_words(_parser(monkeypatch, "en"))
    english_help = _help(capsys, argv)
    assert _words(english_help, typed) & ENGLISH  # the check does see English

    monkeypatch.setenv("LOKET_LANG", "id")
    text = _help(capsys, argv)
    assert text.startswith("cara pakai: loket")
    assert "\nopsi:\n" in text
    assert "tampilkan bantuan ini lalu keluar" in text
    assert sorted(_words(text, typed) & ENGLISH) == []


def test_help_in_english_stays_english(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    typed = _typed_words(_parser(monkeypatch, "en"))
    text = _help(capsys, ["ticket", "issue"])
    assert text.startswith("usage: loket ticket issue")
    assert "show this help message and exit" in text
    assert sorted(_words(text, typed) & INDONESIAN) == []


# --- errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(("argv", "indonesian", "english"), [
    (["ticket"], "argumen berikut wajib diisi: perintah",
     "the following arguments are required: command"),
    (["frobnicate"], "argumen perintah: pilihan 'frobnicate' tidak valid (pilih dari 'db', ",
     "argument command: invalid choice: 'frobnicate' (choose from 'db', "),
    (["ticket", "issue"], "argumen berikut wajib diisi: service",
     "the following arguments are required: service"),
    (["ticket", "issue", "A", "--bogus"], "argumen tidak dikenal: --bogus",
     "unrecognized arguments: --bogus"),
    (["queue", "recover", "--after", "x"],
     "argumen --after: nilai 'x' tidak valid: harus bilangan bulat",
     "argument --after: invalid int value: 'x'"),
    (["queue", "recover", "--after"], "argumen --after: harus diberi satu nilai",
     "argument --after: expected one argument"),
    (["report", "daily", "--date", "x"], "tanggal 'x' tidak valid", "invalid date 'x'"),
])
def test_an_argument_error_is_one_line_in_one_language(
        capsys, monkeypatch: pytest.MonkeyPatch, home: Path, argv: list[str],
        indonesian: str, english: str) -> None:
    typed = _typed_words(_parser(monkeypatch, "en"))
    for lang, needle, foreign in (("id", indonesian, ENGLISH), ("en", english, INDONESIAN)):
        monkeypatch.setenv("LOKET_LANG", lang)
        code = main(argv)
        out, err = capsys.readouterr()
        assert code == 2
        assert out == ""
        assert err.startswith("loket: ") and err.count("\n") == 1, err
        assert needle in err
        assert sorted(_words(err, typed) & foreign) == [], err


# --- unknown values --------------------------------------------------------------------


def _offices(url: str) -> list[str]:
    from app.catalog.service import known_offices

    with Store.open(url) as store, store.uow(read_only=True) as uow:
        return sorted(known_offices(uow))


@pytest.mark.parametrize(("argv", "refusal", "listed"), [
    (["catalog", "list", "--office", "NOWHERE"], "kantor 'NOWHERE' tidak ditemukan", None),
    (["ticket", "issue", "NOPE", "--office", "SAMSAT-PTK1"],
     "layanan 'NOPE' tidak ada di kantor SAMSAT-PTK1", ["STNK-PERPANJANGAN", "STNK-HILANG"]),
    (["ticket", "call-next", "--counter", "ZZ", "--office", "SAMSAT-PTK1"],
     "loket 'ZZ' tidak ada di kantor SAMSAT-PTK1", ["CF", "L1", "L2", "L3"]),
])
def test_an_unknown_value_lists_the_valid_ones(
        capsys, monkeypatch: pytest.MonkeyPatch, url: str, argv: list[str], refusal: str,
        listed: list[str] | None) -> None:
    codes = listed or _offices(url)
    assert len(codes) > 1
    before = snapshot(url)
    code = main(["--db", url, *argv])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err == f"loket: {refusal} (pilihan: {', '.join(codes)})\n"
    assert snapshot(url) == before

    monkeypatch.setenv("LOKET_LANG", "en")
    assert main(["--db", url, *argv]) == 2
    _, err = capsys.readouterr()
    assert err.endswith(f" (choices: {', '.join(codes)})\n") and err.count("\n") == 1


def test_an_unknown_station_kind_lists_the_kinds(capsys, home: Path) -> None:
    code = main(["station", "nope"])
    _, err = capsys.readouterr()
    assert code == 2
    assert err == ("loket: stasiun 'nope' belum tersedia; pilih: kiosk, counter, display, "
                   "supervisor, survey\n")
