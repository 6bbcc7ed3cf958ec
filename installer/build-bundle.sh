#!/usr/bin/env bash
# Build Loket as one folder, dist/loket/ (programs `loket` and `loket-station`), with
# PyInstaller in the project's virtual environment (.venv, as installer/setup-env.sh makes
# it). The same spec builds the Windows folder that installer/loket.iss packs.
# Usage: bash installer/build-bundle.sh [--clean]
# Then: bash installer/smoke-bundle.sh
set -euo pipefail
source "$(dirname "$0")/setup-env.sh"
loket_system_packages
loket_venv ""
cd "$loket_root"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check "pyinstaller>=6.10"
clean=()
[ "${1:-}" = "--clean" ] && clean=(--clean)
# translations are compiled from the .ts sources only when lrelease is at hand; the .qm
# files in resources/translations are the ones shipped
start=$(date +%s)
"$VENV/bin/pyinstaller" --noconfirm "${clean[@]}" --log-level WARN \
  --distpath "$loket_root/dist" --workpath "$loket_root/build" installer/loket.spec
echo "loket: built $loket_root/dist/loket in $(( $(date +%s) - start )) s," \
     "$(du -sh "$loket_root/dist/loket" | cut -f1)"
