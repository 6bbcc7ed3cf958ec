"""Data an office can change without touching code: catalogs, tariffs, surveys, voices."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """A file or folder under ``resources/`` (works from a source tree and a bundle)."""
    return ROOT.joinpath(*parts)
