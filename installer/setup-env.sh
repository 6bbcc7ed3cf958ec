# Shared by installer/demo.sh and installer/test.sh: system packages (when root), a venv, Loket.
# Sourced, not run. Leaves VENV pointing at the environment.

# Libraries the Qt wheels load on a bare Debian/Ubuntu (offscreen and on a desktop), a
# monospaced font for ticket previews, and libusb for escpos+usb:// printers.
RUNTIME_PACKAGES="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6
  libdbus-1-3 libglib2.0-0 libpulse0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0
  libxcb-xkb1 fonts-dejavu-core libusb-1.0-0"

loket_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${LOKET_VENV:-$loket_root/.venv}

loket_pick_python() {
  for candidate in ${PYTHON:-} python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "loket: Python 3.11 or newer is needed (Debian/Ubuntu: apt-get install python3 python3-venv)" >&2
  return 1
}

loket_missing_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  echo "${missing[@]:-}"
}

loket_system_packages() {
  # $@: extra packages beyond Qt's
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian/Ubuntu: see README
  local missing
  # shellcheck disable=SC2086
  missing=$(loket_missing_packages $RUNTIME_PACKAGES "$@")
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    # no default cluster from the postgresql package: tests start their own
    mkdir -p /etc/postgresql-common
    [ -f /etc/postgresql-common/createcluster.conf ] ||
      echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
    echo "loket: installing system packages: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "loket: missing system packages (install them as root): $missing" >&2
  fi
}

loket_venv() {
  local py
  py=$(loket_pick_python) || return 1
  if [ ! -x "$VENV/bin/python" ]; then
    if ! "$py" -m venv "$VENV" 2>/dev/null; then
      if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
        rm -rf "$VENV"
        "$py" -m venv "$VENV"
      else
        echo "loket: cannot create a virtual environment (Debian/Ubuntu: apt-get install python3-venv)" >&2
        return 1
      fi
    fi
  fi
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$loket_root$1"
}
