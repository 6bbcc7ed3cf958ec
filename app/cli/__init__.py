"""The ``loket`` command line: administrators' and scripts' entry point onto the same services
as the stations, and the one layer that launches a station (imports ``ui``).

- :mod:`app.cli.program` builds the parser from the explicit list of areas and runs one
  command (:func:`main`);
- :mod:`app.cli.common` is what every command shares: ``--json`` output, opening the store,
  exit statuses, one line for a refusal;
- :mod:`app.cli.login` is who acts (``loket login`` or ``--as NAME --password-stdin``);
- one module per area (``db``, ``catalog``, ``queue``, ``samsat``, ...), each with
  ``register(sub, parents)`` and its ``cmd_*`` functions.

Imports inside functions are the rule here, not an accident: an area module imports only
argparse and :mod:`app.cli.common` at the top, and a command imports its services when it
runs. ``loket --help`` then loads the parser alone (no SQLAlchemy, Qt or reportlab) and a
small command only what it uses (``bench/cli_start.py`` measures it).
"""

from __future__ import annotations

from app.cli.common import log_path
from app.cli.program import build_parser, main

__all__ = ["build_parser", "log_path", "main"]
