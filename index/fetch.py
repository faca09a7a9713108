"""Fetching pages and feeds politely: timeouts, a size cap, a redirect cap, HTML pages only."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import httpx
from httpx._utils import get_environment_proxies  # how httpx itself reads *_PROXY, NO_PROXY

from index.errors import FetchError
from index.ingest import Source
from index.netguard import (
    AddressRefused,
    GuardedBackend,
    checked_addresses,
    current_scope,
    request_scope,
)
from index.sources import HTML
from index.urls import DEFAULT_PORTS, SCHEMES, canonical_url, check_url, same_site

USER_AGENT = "newsdesk/0.1 (+https://github.com/newsdesk)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Feeds arrive under many types (text/xml, application/rss+xml, text/plain, even text/html),
# so for feeds only what can never be one is refused.
BINARY_PREFIXES = ("image/", "audio/", "video/", "font/")
BINARY_TYPES = frozenset({"application/pdf", "application/zip", "application/octet-stream",
                          "application/msword", "application/gzip"})


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """Limits for every request; tests shrink them to stay fast."""

    timeout: float = 20.0  # seconds to connect, and between two pieces of the body
    deadline: float = 60.0  # seconds for a whole download, so a trickling server gives up
    max_bytes: int = 10 * 2**20
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    # Follow links and redirects to internal addresses (loopback, private, link-local,
    # metadata) other than the host the user named; off unless the user opts in.
    allow_private: bool = False


DEFAULT_CONFIG = FetchConfig()


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched resource: the address it ended at, its status, headers and body."""

    url: str
    status: int
    headers: httpx.Headers
    body: bytes

    @property
    def content_type(self) -> str:
        """The media type without parameters, lowercased ("" when the server gave none)."""
        return media_type(self.headers.get("content-type", ""))


def media_type(header: str) -> str:
    """"text/html; charset=utf-8" -> "text/html"."""
    return header.split(";", 1)[0].strip().lower()


class Fetcher:
    """One HTTP client with newsdesk's limits; safe to share between worker threads."""

    def __init__(self, config: FetchConfig | None = None) -> None:
        self.config = config or DEFAULT_CONFIG
        limits = httpx.Limits(max_connections=16, max_keepalive_connections=8)
        self.client = httpx.Client(
            follow_redirects=True,
            max_redirects=self.config.max_redirects,
            timeout=httpx.Timeout(self.config.timeout),
            headers={"User-Agent": self.config.user_agent},
            transport=_guarded(httpx.HTTPTransport(limits=limits)),
            mounts=_proxy_mounts(limits),
            # Checked for every request, redirects too, even on a pooled connection, and
            # before a proxy is asked for anything.
            event_hooks={"request": [_check_request], "response": [_head_arrived]},
        )

    def close(self) -> None:
        """Close the pooled connections."""
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, headers: dict[str, str] | None = None, *,
            html_only: bool = False, trusted: Iterable[str] | None = None) -> Response:
        """GET a URL within the limits; a 304 comes back with an empty body.

        `trusted` names the hosts that may be internal addresses (default: the URL's own
        host, as the user named it); links elsewhere to internal addresses are refused.
        Raises FetchError for a bad or refused address, an HTTP error, a timeout or the
        deadline, too many redirects, a body over the size cap, or a type that cannot be
        read (any non-HTML if html_only).
        """
        url = check_url(url)
        hosts = [urlsplit(url).hostname or ""] if trusted is None else trusted
        with request_scope(hosts, self.config.allow_private, self.config.deadline,
                           self.config.timeout) as scope:
            try:
                with self.client.stream("GET", url, headers=headers) as response:
                    return self._read(url, response, html_only)
            except AddressRefused as exc:
                raise FetchError(f"{url}: not fetched: {exc}",
                                 hint="newsdesk follows links to internal addresses only "
                                      "with --allow-private") from None
            except httpx.HTTPError as exc:
                if time.monotonic() >= scope.deadline:
                    raise FetchError(f"{url}: download took over {self.config.deadline:g} s",
                                     hint="the site is slow or down; try again later"
                                     ) from None
                raise self._error(url, exc) from None
            except httpx.InvalidURL as exc:
                raise FetchError(f"{url}: not a valid address ({exc})") from None

    def _error(self, url: str, exc: httpx.HTTPError) -> FetchError:
        if isinstance(exc, httpx.TooManyRedirects):
            return FetchError(f"{url}: redirect loop (more than {self.config.max_redirects}"
                              " redirects)", hint="open it in a browser to see where it goes")
        if isinstance(exc, httpx.TimeoutException):
            return FetchError(f"{url}: no answer within {self.config.timeout:g} s",
                              hint="the site is slow or down; try again later")
        if isinstance(exc, httpx.UnsupportedProtocol):
            return FetchError(f"{url}: redirected to an address that is not http or https")
        return FetchError(f"{url}: cannot fetch ({exc or type(exc).__name__})",
                          hint="check the address and your connection")

    def _read(self, url: str, response: httpx.Response, html_only: bool) -> Response:
        final = str(response.url)
        if response.status_code == 304:
            return Response(final, 304, response.headers, b"")
        if response.status_code >= 400:
            raise FetchError(f"{url}: HTTP {response.status_code} {response.reason_phrase}")
        _check_type(url, media_type(response.headers.get("content-type", "")), html_only)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.config.max_bytes:
            raise self._too_big(url)
        return Response(final, response.status_code, response.headers, self._body(url, response))

    def _body(self, url: str, response: httpx.Response) -> bytes:
        # Enforced while streaming: a server may lie about, or omit, Content-Length.
        chunks: list[bytes] = []
        size = 0
        stop = time.monotonic() + self.config.deadline
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.config.max_bytes:
                raise self._too_big(url)
            if time.monotonic() > stop:
                raise FetchError(f"{url}: download took over {self.config.deadline:g} s")
            chunks.append(chunk)
        return b"".join(chunks)

    def _too_big(self, url: str) -> FetchError:
        limit = self.config.max_bytes / 2**20
        return FetchError(f"{url}: larger than {limit:g} MB; not an article page")

    def page(self, url: str, trusted: Iterable[str] | None = None) -> Source:
        """An HTML page as a Source for the library, with its canonical address."""
        response = self.get(url, html_only=True, trusted=trusted)
        raw = to_utf8(response.body, response.headers.get("content-type", ""))
        return Source(origin=url, raw=raw, kind=HTML, url=page_url(response.url, raw))


def fetch_source(url: str, config: FetchConfig | None = None) -> Source:
    """Fetch one web page for `newsdesk add URL` (raises FetchError)."""
    with Fetcher(config) as fetcher:
        return fetcher.page(url)


def _guarded(transport: httpx.HTTPTransport, proxy_host: str = "") -> httpx.HTTPTransport:
    # Every connection goes through the address check and the request's deadline.
    transport._pool._network_backend = GuardedBackend(proxy_host)  # type: ignore[union-attr]
    return transport


def _proxy_mounts(limits: httpx.Limits) -> dict[str, httpx.BaseTransport | None]:
    """Transports for the proxies of HTTP_PROXY, HTTPS_PROXY, ALL_PROXY (NO_PROXY hosts go
    direct), as httpx reads them; each connects to its proxy alone."""
    mounts: dict[str, httpx.BaseTransport | None] = {}
    for pattern, url in get_environment_proxies().items():
        if url is None:
            mounts[pattern] = None
            continue
        try:
            proxy = httpx.Proxy(url)
            transport = httpx.HTTPTransport(limits=limits, proxy=proxy)
        except (ValueError, ImportError, httpx.InvalidURL) as exc:
            raise FetchError(f"cannot use the proxy {url!r} ({exc})",
                             hint="newsdesk uses http:// proxies from HTTP_PROXY, HTTPS_PROXY "
                                  "and ALL_PROXY; fix or unset them") from None
        mounts[pattern] = _guarded(transport, proxy.url.host)
    return mounts


def _check_request(request: httpx.Request) -> None:
    port = request.url.port or DEFAULT_PORTS.get(request.url.scheme, 80)
    scope = current_scope()
    checked_addresses(request.url.host, port, scope)
    if scope is not None:
        scope.awaiting_head()  # the status and headers must come within the timeout


def _head_arrived(response: httpx.Response) -> None:
    if (scope := current_scope()) is not None:
        scope.head_arrived()


def _check_type(url: str, kind: str, html_only: bool) -> None:
    binary = kind in BINARY_TYPES or kind.startswith(BINARY_PREFIXES)
    if binary or (html_only and kind and kind not in HTML_TYPES):
        raise FetchError(
            f"{url} is {kind}, not a web page newsdesk can read",
            hint="newsdesk adds HTML pages; save other documents as text and add the file",
        )


def to_utf8(body: bytes, content_type: str) -> bytes:
    """Page bytes as UTF-8, when the server or the page names another charset."""
    charset = _charset(content_type) or _meta_charset(body[:4096])
    if not charset or charset in ("utf-8", "utf8", "us-ascii", "ascii"):
        return body
    try:
        return body.decode(charset, errors="replace").encode("utf-8")
    except LookupError:
        return body  # an unknown charset name: the library's own guessing takes over


def _charset(content_type: str) -> str:
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'").lower()
    return ""


def _meta_charset(head: bytes) -> str:
    text = head.decode("ascii", errors="ignore").lower()
    at = text.find("charset=")
    if at < 0:
        return ""
    value = text[at + 8 :].lstrip("\"' ")
    end = next((i for i, ch in enumerate(value) if not (ch.isalnum() or ch in "-_")), len(value))
    return value[:end]


def page_url(final_url: str, html: bytes) -> str:
    """The address to store: the page's own rel=canonical if on the same site, else the
    address the redirects ended at; either one canonicalized."""
    final = canonical_url(final_url)
    declared = _CanonicalLink.find(html[:200_000].decode("utf-8", errors="replace"))
    if declared:
        link = urljoin(final, declared)
        if link.split(":", 1)[0].lower() in SCHEMES and same_site(final, link):
            return canonical_url(link)
    return final


class _CanonicalLink(HTMLParser):
    """Finds `<link rel="canonical" href=...>` in a page's head."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.href = ""
        self.done = False

    @classmethod
    def find(cls, html: str) -> str:
        parser = cls()
        parser.feed(html)
        return parser.href

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if tag == "body":
            self.done = True
        elif tag == "link":
            values = {k.lower(): (v or "") for k, v in attrs}
            if "canonical" in values.get("rel", "").lower().split() and values.get("href"):
                self.href = values["href"].strip()
                self.done = True
