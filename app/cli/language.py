"""The ``loket`` command in the user's language (``LOKET_LANG``: ``id`` by default, ``en``).

The parser's texts are written in English in app/cli/*.py; in Indonesian they are replaced,
once the whole parser is built, from ``resources/translations/cli_id.json`` (English text ->
Indonesian text): every parser's description and epilog, every argument group's title, every
action's help and every sub-command's help in its parent's list. Metavars, option names,
sub-command names and choices are left as they are: they are what is typed.

argparse's own words ("usage:", "the following arguments are required: %s", ...) come from
the same file: argparse looks its ``_`` and ``ngettext`` up as module globals when it speaks,
so this module installs translating ones there, once. A text with no translation stays
English; in English everything stays as argparse and the code say it.

Cheap on purpose: ``loket --help`` reads one small JSON file, nothing else.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

import resources
from app.i18n import language, register, tr

TRANSLATIONS = resources.path("translations", "cli_id.json")

register({
    # how an error names a missing or wrong sub-command (argparse would say its dest,
    # e.g. "ticket_cmd")
    "cli.command": ("perintah", "command"),
})

# argparse's "invalid %(type)s value" names the type by its Python name
TYPE_NAMES = {"int": "bilangan bulat", "float": "angka"}

_table: dict[str, str] | None = None
_installed = False


def translations() -> dict[str, str]:
    """English -> Indonesian, read once from :data:`TRANSLATIONS`."""
    global _table
    if _table is None:
        with TRANSLATIONS.open(encoding="utf-8") as file:
            _table = json.load(file)
    return _table


def translate(text: Any) -> Any:
    """``text`` in the user's language: its Indonesian when the language is ``id`` and the
    table has it, else ``text`` itself (also for None and ``argparse.SUPPRESS``)."""
    if not isinstance(text, str) or language() != "id":
        return text
    return translations().get(text, text)


class _TypedMessage(str):
    """argparse's "invalid %(type)s value" in Indonesian: the type's Python name said in
    words when it is filled in."""

    def __mod__(self, values: Any) -> str:
        if isinstance(values, dict) and values.get("type") in TYPE_NAMES:
            values = {**values, "type": TYPE_NAMES[values["type"]]}
        return str.__mod__(self, values)


def _gettext(message: Any) -> Any:
    translated = translate(message)
    if message == "invalid %(type)s value: %(value)r" and translated != message:
        return _TypedMessage(translated)
    return translated


def _ngettext(singular: str, plural: str, n: int) -> str:
    return translate(singular if n == 1 else plural)


ActionNamer = Callable[[argparse.Action | None], str | None]


def _action_namer(original: ActionNamer) -> ActionNamer:
    """argparse names a sub-command argument by its dest ("ticket_cmd") in its errors;
    here it is the word for a command, in the user's language."""

    def name(argument: argparse.Action | None) -> str | None:
        if (isinstance(argument, argparse._SubParsersAction) and not argument.option_strings
                and argument.metavar is None):
            return tr("cli.command")
        return original(argument)

    return name


def install() -> None:
    """Make argparse speak the user's language (looked up each time it speaks); once."""
    global _installed
    if _installed:
        return
    said = vars(argparse)  # the module's globals, which argparse looks up when it speaks
    said.update(_=_gettext, ngettext=_ngettext)
    if "_get_action_name" in said:
        said["_get_action_name"] = _action_namer(said["_get_action_name"])
    _installed = True


def parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """``parser`` and every sub-parser under it, each once, parents before children."""
    found: list[argparse.ArgumentParser] = []
    seen: set[int] = set()
    todo = [parser]
    while todo:
        current = todo.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        found.append(current)
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                todo.extend(action.choices.values())
    return found


def texts(parser: argparse.ArgumentParser) -> list[tuple[object, str]]:
    """Every translatable text of the parser tree, as (the object holding it, attribute):
    descriptions, epilogs, group titles and descriptions, actions' help (an action shared
    by several parsers through ``parents=`` once) and sub-commands' help in their parent's
    list. Only those set to a text."""
    found: list[tuple[object, str]] = []
    seen: set[int] = set()

    def add(holder: object, attribute: str) -> None:
        value = getattr(holder, attribute, None)
        if isinstance(value, str) and value != argparse.SUPPRESS:
            found.append((holder, attribute))

    for current in parsers(parser):
        add(current, "description")
        add(current, "epilog")
        for group in current._action_groups:
            add(group, "title")
            add(group, "description")
        for action in current._actions:
            if id(action) in seen:
                continue
            seen.add(id(action))
            add(action, "help")
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    add(choice, "help")
    return found


def localize(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Put the whole parser tree (and argparse's own messages) in the user's language;
    called once :func:`app.cli.program.build_parser` has built it. Returns ``parser``."""
    install()
    if language() == "id":
        table = translations()
        for holder, attribute in texts(parser):
            text = getattr(holder, attribute)
            setattr(holder, attribute, table.get(text, text))
    return parser
