"""Start-up as a user meets it: `newsdesk --version`, `--help`, and the reader's first rows
drawn in a real terminal (a pty), on a machine kept busy by CPU-burning processes.

    python -m bench.startup_bench LIBRARY [--runs 7] [--burn 1] [--compare NEWSDESK]

Measured in the same run, round after round, so load hits them alike: the bare interpreter
(`python -c pass`, the floor any Python tool pays), a minimal Textual app's first frame (the
floor any Textual app pays), and newsdesk. Times are wall-clock from starting the process;
the reader's first rows are the moment its status line reports the list ("· N articles").
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

# The reader's status line once the list is filled: "All articles · 5,249 articles".
ROWS_SHOWN = re.compile(rb"\xc2\xb7 [\d,]+ articles?")
HELLO = """
from textual.app import App
from textual.widgets import Static
class Hello(App):
    def compose(self):
        yield Static("hello, first frame")
Hello().run()
"""
LIMIT = 120.0  # seconds: only ends a hung run


Figure = tuple[float, float]  # wall seconds, CPU seconds (user + system) of the process


def timed(args: list[str]) -> Figure:
    """Wall and CPU time of a command run to its end, output discarded."""
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise RuntimeError(f"{args} failed ({child.returncode})")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def first_draw(args: list[str], seen: Callable[[bytes], bool],
               size: tuple[int, int] = (120, 40)) -> Figure:
    """Wall seconds from starting a full-screen program in a pty to `seen(output)`, and the
    CPU seconds it used by then (it is stopped at once)."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(args[0], args, {**os.environ, "TERM": "xterm-256color"})
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    output = b""
    try:
        while not seen(output):
            if time.perf_counter() - start > LIMIT:
                raise RuntimeError(f"{args[-1]!r} never drew: {output[-300:]!r}")
            if select.select([fd], [], [], 0.5)[0]:
                output += os.read(fd, 1 << 16)
        wall = time.perf_counter() - start
    finally:
        os.kill(pid, signal.SIGKILL)
        _, _, usage = os.wait4(pid, 0)
        os.close(fd)
    return wall, usage.ru_utime + usage.ru_stime


def measure(library: Path, runs: int, compare: str | None) -> dict[str, list[Figure]]:
    python = sys.executable
    newsdesk = str(Path(python).parent / "newsdesk")
    cases: dict[str, Callable[[], Figure]] = {
        "python -c pass": lambda: timed([python, "-c", "pass"]),
        "newsdesk --version": lambda: timed([newsdesk, "--version"]),
        "newsdesk --help": lambda: timed([newsdesk, "--help"]),
        "textual hello, first frame": lambda: first_draw(
            [python, "-c", HELLO], lambda out: b"hello, first frame" in out),
        "reader, first rows": lambda: first_draw(
            [newsdesk, "--library", str(library)], lambda out: bool(ROWS_SHOWN.search(out))),
    }
    if compare:  # another build of newsdesk (before a change), in the same rounds
        cases |= {
            "compared --version": lambda: timed([compare, "--version"]),
            "compared reader, first rows": lambda: first_draw(
                [compare, "--library", str(library)],
                lambda out: bool(ROWS_SHOWN.search(out))),
        }
    times: dict[str, list[Figure]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, case in cases.items():
            times[name].append(case())
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("library", type=Path, help="a library folder (NEWSDESK_HOME)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--compare", metavar="NEWSDESK",
                        help="another newsdesk executable to measure alongside")
    parser.add_argument("--burn", type=int, default=1,
                        help="CPU-burning processes (`yes > /dev/null`) kept running meanwhile")
    args = parser.parse_args()
    burners = [subprocess.Popen(["yes"], stdout=subprocess.DEVNULL) for _ in range(args.burn)]
    try:
        load = os.getloadavg()[0]
        times = measure(args.library, args.runs, args.compare)
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()
    print(json.dumps(report(times, args.burn, load), indent=2))


def report(times: dict[str, list[Figure]], burners: int, load: float) -> dict[str, object]:
    """Medians of wall and CPU time, wall time as a multiple of the bare interpreter's, and
    every wall time."""
    wall = {k: statistics.median(w for w, _ in v) for k, v in times.items()}
    floor = wall["python -c pass"]
    return {
        "cpus": os.cpu_count(), "burners": burners, "load_1min_at_start": round(load, 1),
        "wall_s_median": {k: round(w, 3) for k, w in wall.items()},
        "cpu_s_median": {k: round(statistics.median(c for _, c in v), 3)
                         for k, v in times.items()},
        "wall_vs_interpreter": {k: round(w / floor, 1) for k, w in wall.items()},
        "wall_s_all": {k: [round(w, 3) for w, _ in v] for k, v in times.items()},
    }


if __name__ == "__main__":
    main()
