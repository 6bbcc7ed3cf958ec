"""Regenerate the spoken-call segments in ``resources/voice/id/`` with espeak-ng.

    python resources/voice/generate.py [--out DIR] [--call-name "ruang arsip" ...]

Every segment of ``app.stations.voice.segments_needed()`` (plus any ``--call-name``) is written as
``<segment>.wav``: mono, 16-bit, 22050 Hz, silence trimmed. Speech comes from espeak-ng's
Indonesian voice (Debian package ``espeak-ng``, needed only here, never at run time); the
chime is synthesised in Python. Nothing else is required.

An office can replace any file with a recording of a human voice under the same name (same
format is best; any WAV QMediaPlayer can play will do), or point the display at a folder of
its own recordings. Recordings should be trimmed of silence: the segments are played back to
back, and the pauses come from the recordings themselves.
"""

from __future__ import annotations

import argparse
import math
import shutil
import subprocess
import sys
import tempfile
import wave
from array import array
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))  # run as a script from a source tree

from app.stations.voice import segment_name, segments_needed, spoken_text  # noqa: E402

RATE = 22050
VOICE = "id"
SPEED_WPM = 150  # a little slower than espeak's 175: a waiting room is noisy
PAD_MS = 40  # kept before and after the speech so consonants are not clipped
GAP_MS = 120  # silence appended at the end: the pause between segments of a call
THRESHOLD = 500  # of 32767: below this a sample counts as silence


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "id", help="folder for the WAVs")
    parser.add_argument("--call-name", action="append", default=[],
                        help="an extra destination phrase, e.g. 'ruang arsip'")
    args = parser.parse_args(argv)
    if shutil.which("espeak-ng") is None:
        parser.error("espeak-ng is not installed (Debian: apt-get install espeak-ng)")
    args.out.mkdir(parents=True, exist_ok=True)
    extra = {segment_name(name.lower()): name.lower() for name in args.call_name}
    for segment in sorted(segments_needed() | set(extra)):
        target = args.out / f"{segment}.wav"
        if segment == "chime":
            write_wav(target, chime())
        else:
            write_wav(target, speak(extra.get(segment) or spoken_text(segment)))
        print(target)
    return 0


def speak(text: str) -> array:
    """``text`` in espeak-ng's Indonesian voice, trimmed, with a short pause after it."""
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.wav"
        subprocess.run(["espeak-ng", "-v", VOICE, "-s", str(SPEED_WPM), "-w", str(raw), text],
                       check=True, capture_output=True)
        with wave.open(str(raw), "rb") as w:
            if (w.getnchannels(), w.getsampwidth(), w.getframerate()) != (1, 2, RATE):
                raise RuntimeError(f"unexpected espeak-ng format: {w.getparams()}")
            samples = array("h", w.readframes(w.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()
    return trim(samples) + array("h", bytes(2 * RATE * GAP_MS // 1000))


def trim(samples: array) -> array:
    """Drop leading and trailing silence, keeping ``PAD_MS`` around the sound."""
    loud = [i for i, s in enumerate(samples) if abs(s) > THRESHOLD]
    if not loud:
        return samples[:0]
    pad = RATE * PAD_MS // 1000
    return samples[max(0, loud[0] - pad):loud[-1] + pad]


def chime() -> array:
    """A two-tone "ding-dong" (E5 then C5, bell-like decay), about one second."""
    out = array("h")
    for freq, seconds in ((659.25, 0.45), (523.25, 0.65)):
        n = int(RATE * seconds)
        for i in range(n):
            t = i / RATE
            tone = (math.sin(2 * math.pi * freq * t) + 0.3 * math.sin(4 * math.pi * freq * t)
                    + 0.1 * math.sin(6 * math.pi * freq * t)) / 1.4
            envelope = min(1.0, i / (0.005 * RATE)) * math.exp(-4.0 * t)
            out.append(int(0.6 * 32767 * tone * envelope))
    return out + array("h", bytes(2 * RATE * GAP_MS // 1000))


def write_wav(path: Path, samples: array) -> None:
    data = array("h", samples)
    if sys.byteorder == "big":
        data.byteswap()
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(data.tobytes())


if __name__ == "__main__":
    raise SystemExit(main())
