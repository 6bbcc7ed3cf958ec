"""``loket ...`` commands of the perforation work: thin wrappers over its services."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser,
             reporting: argparse.ArgumentParser, office: argparse.ArgumentParser) -> None:
    """Add this area's sub-commands to the ``loket`` parser."""
