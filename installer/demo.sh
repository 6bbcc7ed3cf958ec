#!/usr/bin/env bash
# Set up Loket and open the demo office: a SQLite database in the user data folder, the
# catalogs of the seed offices, demo users and simulated devices.
# Usage: bash installer/demo.sh [loket demo arguments]
set -euo pipefail
source "$(dirname "$0")/setup-env.sh"
loket_system_packages
loket_venv ""
exec "$VENV/bin/loket" demo "$@"
