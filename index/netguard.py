"""Where newsdesk may connect, checked before connecting, and one deadline per request.

A feed is untrusted: its item links and the redirects of any page may point at the
machine's own services (127.0.0.1:6379), the local network (10.0.0.1) or a cloud metadata
endpoint (169.254.169.254). Only the host the user named is trusted whatever its address;
any other host is resolved here, every address it resolves to is checked, and the
connection goes to a checked address (so a name cannot resolve differently a second time).

The same hook bounds a whole request by a deadline, headers included: a server that
trickles one header a second is cut off when the deadline passes, not when it stops.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpcore
from httpcore._backends.sync import SyncBackend

_local = threading.local()  # the request this thread is making: see `request_scope`


class AddressRefused(Exception):
    """A connection to a private, loopback, link-local or otherwise internal address."""


@dataclass(slots=True)
class Scope:
    """What one request may do: hosts trusted as named, private addresses, its deadlines."""

    trusted: frozenset[str]
    allow_private: bool
    deadline: float  # time.monotonic() after which nothing more is read
    timeout: float  # for each response's head (status and headers) to arrive in full
    head_by: float = 0.0  # when the head now awaited is due; 0 once it has arrived

    def awaiting_head(self) -> None:
        """A request (or a redirect's next one) was sent: its head is due within timeout."""
        self.head_by = time.monotonic() + self.timeout

    def head_arrived(self) -> None:
        self.head_by = 0.0

    def left(self) -> float:
        """Seconds before the next deadline: the head's while awaited, else the request's."""
        due = min(self.deadline, self.head_by) if self.head_by else self.deadline
        return due - time.monotonic()


@contextmanager
def request_scope(trusted: Iterable[str], allow_private: bool, seconds: float,
                  timeout: float) -> Iterator[Scope]:
    """Make the requests of this block in this thread follow these rules."""
    scope = Scope(frozenset(h.lower().strip("[]") for h in trusted if h), allow_private,
                  time.monotonic() + seconds, timeout)
    previous = getattr(_local, "scope", None)
    _local.scope = scope
    try:
        yield scope
    finally:
        _local.scope = previous


def current_scope() -> Scope | None:
    """The rules of the request this thread is making, if any."""
    return getattr(_local, "scope", None)


def internal(address: str) -> bool:
    """Whether an IP address is not a public one (loopback, private, link-local, ...)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def checked_addresses(host: str, port: int, scope: Scope | None) -> list[str]:
    """The addresses to connect to for host; AddressRefused if any of them is internal."""
    name = host.lower().strip("[]")
    if scope is None or name in scope.trusted or scope.allow_private:
        return [name]
    try:
        infos = socket.getaddrinfo(name, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc.strerror}") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    bad = [a for a in addresses if internal(a)]
    if bad:
        raise AddressRefused(f"{host} is an internal address ({bad[0]})")
    return addresses


class GuardedBackend(SyncBackend):
    """httpcore's socket backend with the address check and the deadline added.

    A proxy's backend connects only to the proxy, the user's own setting, as named: the
    request's own host was resolved and checked before it was sent (see fetch), so a proxy
    is never asked for an internal address.
    """

    def __init__(self, proxy_host: str = "") -> None:
        self.proxy_host = proxy_host.lower().strip("[]")

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[object] | None = None) -> httpcore.NetworkStream:
        scope: Scope | None = getattr(_local, "scope", None)
        if self.proxy_host and host.lower().strip("[]") == self.proxy_host:
            addresses = [host]
        else:
            addresses = checked_addresses(host, port, scope)
        error: Exception | None = None
        for address in addresses:
            try:
                stream = super().connect_tcp(address, port, _bounded(timeout, scope),
                                             local_address, socket_options)  # type: ignore[arg-type]
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
                continue
            return DeadlineStream(stream)
        assert error is not None
        raise error


def _bounded(timeout: float | None, scope: Scope | None) -> float | None:
    """A socket timeout that never runs past the request's deadline."""
    scope = scope or getattr(_local, "scope", None)
    if scope is None:
        return timeout
    left = scope.left()
    if left <= 0:
        raise httpcore.ReadTimeout("past the request's deadline")
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read and write ends by the request's deadline."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _bounded(timeout, None))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _bounded(timeout, None))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: object, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return DeadlineStream(self._stream.start_tls(
            ssl_context, server_hostname, _bounded(timeout, None)))  # type: ignore[arg-type]

    def get_extra_info(self, info: str) -> object:
        return self._stream.get_extra_info(info)
