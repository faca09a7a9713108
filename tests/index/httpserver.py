"""A real HTTP server on 127.0.0.1 for fetch and feed tests: routes in, requests recorded."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """What the server answers on one path."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    hang: bool = False  # never answer (until the server stops): a client must time out
    trickle: float = 0.0  # if set, send one more header every this many seconds, forever
    stream: int = 0  # if set, send this many bytes in chunks, without Content-Length
    etag: str = ""  # if set, answer a matching If-None-Match with 304
    last_modified: float = 0.0  # likewise for If-Modified-Since (a Unix time)


@dataclass(frozen=True)
class Seen:
    """One request the server received."""

    path: str
    headers: dict[str, str]


class LocalServer:
    """A threaded HTTP server with a route table; `url(path)` gives addresses on it."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self.stopping = threading.Event()  # releases hanging requests at shutdown
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def base(self) -> str:
        """http://127.0.0.1:PORT"""
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        """The address of a path on this server."""
        return self.base + path

    def route(self, path: str, body: bytes | str = b"", **options: object) -> str:
        """Serve body (and options, see Route) on path; returns its URL."""
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = Route(data, **options)  # type: ignore[arg-type]
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        """Answer path with a redirect to `to`; returns its URL."""
        return self.route(path, status=status, headers={"Location": to})

    def hits(self, path: str) -> list[Seen]:
        """Requests for a path (query string ignored)."""
        return [r for r in self.requests if r.path.split("?", 1)[0] == path]


def _handler(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server.requests.append(Seen(self.path, dict(self.headers.items())))
            route = server.routes.get(self.path.split("?", 1)[0])
            if route is None:
                self._send(404, b"<h1>Not found</h1>", "text/html")
                return
            if route.hang:
                server.stopping.wait()
                return
            if route.trickle:
                self._trickle(route.trickle)
                return
            if _not_modified(route, self.headers):
                self.send_response(304)
                self.end_headers()
            elif route.stream:
                self._stream(route)
            else:
                self._send(route.status, route.body, route.content_type, _validators(route),
                           route.headers)

        def _send(self, status: int, body: bytes, ctype: str, *extra: dict[str, str]) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for headers in extra:
                for key, value in headers.items():
                    self.send_header(key, value)
            self.end_headers()
            # The client may give up first (a refused type, a timeout): that is expected.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def _trickle(self, every: float) -> None:
            # Each header comes well within any read timeout; only a deadline ends it.
            try:
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                while not server.stopping.wait(every):
                    self.wfile.write(b"X-Trickle: still here\r\n")
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should
            self.close_connection = True

        def _stream(self, route: Route) -> None:
            self.send_response(200)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + b"filler text " * 5000 + b"</p>\n"
            try:
                for _ in range(route.stream // len(chunk) + 1):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading at its size cap, as it should
            self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean

    return Handler


def _validators(route: Route) -> dict[str, str]:
    headers = {}
    if route.etag:
        headers["ETag"] = route.etag
    if route.last_modified:
        headers["Last-Modified"] = formatdate(route.last_modified, usegmt=True)
    return headers


def _not_modified(route: Route, headers: object) -> bool:
    get: Callable[[str], str | None] = headers.get  # type: ignore[attr-defined]
    if route.etag and get("If-None-Match") == route.etag:
        return True
    return bool(route.last_modified) and get("If-Modified-Since") == formatdate(
        route.last_modified, usegmt=True)


@contextmanager
def serve() -> Iterator[LocalServer]:
    """Run a LocalServer for the duration of a with-block."""
    server = LocalServer()
    server.thread.start()
    try:
        yield server
    finally:
        server.stopping.set()
        server.httpd.shutdown()
        server.httpd.server_close()


def rss(title: str, items: list[dict[str, str]]) -> str:
    """A small RSS 2.0 document; items take title, link, guid, description, pubDate."""
    entries = "".join(
        "<item>" + "".join(f"<{k}>{v}</{k}>" for k, v in item.items()) + "</item>"
        for item in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>http://127.0.0.1/</link>"
            f"<description>test feed</description>{entries}</channel></rss>")


def atom(title: str, entries: list[dict[str, str]]) -> str:
    """A small Atom document; entries take id, title, link, summary, updated, author."""
    parts = []
    for e in entries:
        parts.append(
            f"<entry><id>{e['id']}</id><title>{e['title']}</title>"
            f'<link rel="alternate" href="{e["link"]}"/>'
            f"<updated>{e.get('updated', '2024-03-05T08:00:00Z')}</updated>"
            f"<author><name>{e.get('author', 'Desk')}</name></author>"
            f"<summary>{e.get('summary', '')}</summary></entry>")
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{title}</title><id>urn:test:{title}</id>"
            f"<updated>2024-03-05T08:00:00Z</updated>{''.join(parts)}</feed>")


def article_page(title: str, *paragraphs: str, canonical: str = "", author: str = "") -> str:
    """A plausible news page: navigation, an article with a byline, a footer."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    byline = f'<meta name="author" content="{author}">' if author else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{title} | Harbour Gazette</title>{link}"
            f'{byline}<meta property="og:site_name" content="Harbour Gazette">'
            '<meta property="article:published_time" content="2024-03-05T08:00:00Z"></head>'
            '<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>'
            f"<article><h1>{title}</h1>{body}</article>"
            "<footer>Copyright Harbour Gazette. All rights reserved.</footer></body></html>")
