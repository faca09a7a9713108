"""The reader in a real pseudo-terminal: what Pilot's headless driver cannot show (suspending
for a terminal program, escape sequences such as OSC 52 reaching the terminal)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time

# Only ends a hung test: a loaded CI machine may take many seconds to start the reader.
LIMIT = 120.0


class Terminal:
    """`newsdesk` (the reader) running in a pty of a given size, driven through its master."""

    def __init__(self, env: dict[str, str], size: tuple[int, int] = (80, 24)) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: the pty is its controlling terminal
            os.execve(sys.executable, [sys.executable, "-c", "from tui.cli import main; main()"],
                      env)
        self.pid, self.fd = pid, fd
        columns, rows = size
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.output = b""
        self.ended = False

    def wait_for(self, text: bytes, after: int = 0) -> None:
        """Read what the program draws until `text` appears, past `after` bytes of output
        (AssertionError after LIMIT)."""
        deadline = time.monotonic() + LIMIT
        while text not in self.output[after:]:
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared; last output: "
                                     f"{self.output[-400:]!r}")
            self._read(0.2)

    def _read(self, timeout: float) -> None:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if ready:
            try:
                self.output += os.read(self.fd, 65536)
            except OSError:  # the program ended and closed the terminal
                time.sleep(timeout)

    def type(self, keys: str) -> None:
        """Type keys as a user would (they reach whoever reads the terminal)."""
        os.write(self.fd, keys.encode())

    def wait_exit(self) -> int:
        """Wait for the program to end (reading its output meanwhile); its exit status."""
        deadline = time.monotonic() + LIMIT
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.ended = True
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
            self._read(0.2)
        self.close()
        raise AssertionError("the reader never quit")

    def close(self) -> None:
        """End the program if it still runs (a failed test)."""
        if self.ended:
            return
        self.ended = True
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)
