#!/usr/bin/env bash
# Smoke test of the built bundle (bash installer/build-bundle.sh first): run it as an office
# PC would, with nothing from the source tree or the venv on the path, offscreen.
#   loket --version; db upgrade on a new SQLite file; catalog import from the bundled
#   resources and list; a ticket issued and printed to the simulator (python-escpos and its
#   capability file); config init/show; the display station and the loket-station launcher
#   starting and exiting by themselves.
# Prints the start-up times (best of 3): `loket --version`, and the display station from
# start to its window shown and closed again (--quit-after 0: quit at the first turn of
# the event loop, right after the window is shown).
# Usage: bash installer/smoke-bundle.sh [BUNDLE_FOLDER]   (default dist/loket)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bundle=${1:-$root/dist/loket}
exe="$bundle/loket"
[ -x "$exe" ] || { echo "smoke: no $exe (bash installer/build-bundle.sh)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"  # nothing from the source tree
export LOKET_HOME="$tmp/home" QT_QPA_PLATFORM=offscreen LOKET_LANG=id
export XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data"
unset LOKET_DB LOKET_CONFIG PYTHONPATH VIRTUAL_ENV
export PATH=/usr/bin:/bin
db="sqlite:///$tmp/x.sqlite3"
ok() { echo "smoke: ok  $*"; }

"$exe" --version | grep -q '^loket ' && ok "loket --version: $("$exe" --version)"
"$exe" --db "$db" db upgrade && ok "db upgrade on a new SQLite file"
"$exe" --db "$db" db status --json | grep -q '"status": "current"' && ok "db status: current"
"$exe" --db "$db" catalog import "$bundle"/_internal/resources/catalog/*.yaml >/dev/null
ok "catalog import of the bundled catalogs"
service=$("$exe" --db "$db" catalog list --office SAMSAT-PTK1 | awk 'NR==1 {print $3}')
[ -n "$service" ] && ok "catalog list: first service $service"
# the seed offices keep service hours: open them round the clock for the smoke test (the
# build machine's Python, only to edit the test database)
/usr/bin/python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("UPDATE offices SET settings = ?", ("{}",)); c.commit()' "$tmp/x.sqlite3"
ticket=$("$exe" --db "$db" ticket issue "$service" --office SAMSAT-PTK1 --json |
         sed -n 's/.*"ticket": "\([^"]*\)".*/\1/p')
[ -n "$ticket" ] && ok "ticket issue: $ticket"
"$exe" --db "$db" print ticket "$ticket" --office SAMSAT-PTK1 --to sim:// --json >/dev/null
ok "print ticket $ticket to the ESC/POS simulator"
"$exe" config init --role display --office SAMSAT-PTK1 --db "$db" >/dev/null
"$exe" config show --json | grep -q '"role": "display"' && ok "config init / show"
"$exe" station display --office SAMSAT-PTK1 --windowed --quit-after 3 2>"$tmp/display.err"
if grep -q "No QtMultimedia backends" "$tmp/display.err"; then
  cat "$tmp/display.err" >&2
  echo "smoke: FAILED the display cannot speak: Qt's media back end did not load" >&2
  exit 1
fi
ok "display station ran 3 s offscreen and exited cleanly (database from loket.toml)"
ok "display station: Qt's media back end loaded (the calls are spoken)"
"$bundle/loket-station" --help | grep -q "KIND|setup|demo"
"$bundle/loket-station" --windowed --quit-after 1
ok "loket-station launcher: the configured role (display), exited cleanly"
code=0
"$exe" --db "sqlite:///$tmp/x.sqlite3" station jukebox 2>/dev/null || code=$?
[ "$code" = 2 ] && ok "bad input exits 2"

best() {  # best of 3 wall-clock runs of "$@", in seconds
  local best_ms=999999 start end ms
  for _ in 1 2 3; do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    [ "$ms" -lt "$best_ms" ] && best_ms=$ms
  done
  printf '%d.%03d' $((best_ms / 1000)) $((best_ms % 1000))
}
echo "smoke: start-up  loket --version: $(best "$exe" --version) s"
echo "smoke: start-up  display station to window shown (and closed):" \
     "$(best "$exe" station display --office SAMSAT-PTK1 --windowed --quit-after 0) s"
# time to the first window really shown: on a virtual X server (Debian: xvfb, x11-utils),
# polling for the display station's top-level window to be mapped
if command -v xvfb-run >/dev/null && command -v xwininfo >/dev/null && command -v python3 >/dev/null
then
  cat > "$tmp/first_window.py" <<'PY'
"""Seconds from starting a program to its first top-level window mapped (X11), best of 3."""
import os, re, subprocess, sys, time

def first_window(cmd):
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    start = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.monotonic() - start < 60 and proc.poll() is None:
            tree = subprocess.run(["xwininfo", "-root", "-children"], capture_output=True,
                                  text=True).stdout
            for wid in re.findall(r"^\s+(0x[0-9a-f]+) \"", tree, re.M):
                info = subprocess.run(["xwininfo", "-id", wid], capture_output=True,
                                      text=True).stdout
                width = re.search(r"Width: (\d+)", info)
                if "IsViewable" in info and width and int(width.group(1)) > 100:
                    return time.monotonic() - start
            time.sleep(0.02)
        return None
    finally:
        proc.terminate()
        proc.wait(10)

runs = [first_window(sys.argv[1:]) for _ in range(3)]
good = [r for r in runs if r is not None]
print(f"{min(good):.2f} s (runs: {', '.join(f'{r:.2f}' for r in good)})" if good
      else "no window seen")
PY
  echo "smoke: start-up  display station to its first window mapped on X11 (Xvfb):" \
       "$(xvfb-run -a -s "-screen 0 1280x800x24" python3 "$tmp/first_window.py" \
          "$exe" station display --office SAMSAT-PTK1 --windowed)"
fi
echo "smoke: size      $(du -sh "$bundle" | cut -f1)  ($bundle)"
echo "smoke: passed"
