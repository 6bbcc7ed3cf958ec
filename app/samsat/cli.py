"""``loket ...`` commands of the samsat work: thin wrappers over the services of this package."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser,
             reporting: argparse.ArgumentParser, office: argparse.ArgumentParser) -> None:
    """Add this area's sub-commands to the ``loket`` parser."""
