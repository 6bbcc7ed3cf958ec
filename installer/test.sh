#!/usr/bin/env bash
# Set up and run the whole test suite, on SQLite and on a throw-away PostgreSQL server that
# the tests start on loopback (their own data directory and port) and stop at the end.
# Usage: bash installer/test.sh [pytest arguments]
set -euo pipefail
source "$(dirname "$0")/setup-env.sh"
# poppler (pdftoppm) and zbar read the printed PDFs and QR codes back in the tests
loket_system_packages postgresql poppler-utils zbar-tools
loket_venv "[test]"
cd "$loket_root"
"$VENV/bin/ruff" check .
"$VENV/bin/mypy"  # app/ db/ devices/ printing/ and ui/'s calls into them ([tool.mypy])
export QT_QPA_PLATFORM=offscreen
exec "$VENV/bin/python" -m pytest "$@"
