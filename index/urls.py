"""Canonical page URLs: one spelling per page, so the same story is never stored twice."""

from __future__ import annotations

import ipaddress
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from index.errors import FetchError
from index.extract_meta import registrable_domain
from index.textsafe import clean_line, visible

SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}

# Query parameters that only say where a reader came from, never which page it is.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "twclid", "igshid", "mc_cid",
    "mc_eid", "ocid", "cmpid", "ref", "ref_src", "ref_url", "_hsenc", "_hsmi", "mkt_tok",
    "spm", "smid", "smtyp", "ncid", "guccounter", "guce_referrer", "guce_referrer_sig",
    "cmp", "s_cid", "sr_share", "vero_id", "wt_mc", "wt.mc_id", "oly_enc_id", "oly_anon_id",
    "rss", "cid_rss", "xtor",
})
TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_", "hsa_", "__twitter_impression")


def check_url(url: str) -> str:
    """The URL stripped of spaces; FetchError unless it is an absolute http(s) URL."""
    url = url.strip()
    if clean_line(url) != url or any(ch.isspace() for ch in url):
        raise FetchError(f"{visible(url)}: spaces or control characters in the address",
                         hint="copy the address again from the browser's address bar")
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise FetchError(
            f"{url}: only http and https pages can be fetched",
            hint="give a web address such as https://example.com/news/story",
        )
    if not parts.hostname:
        raise FetchError(f"{url}: no host name in the address")
    return url


def is_tracking(name: str) -> bool:
    """Whether a query parameter only tracks the reader (utm_source, fbclid, ...)."""
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """One spelling of a page's address.

    Scheme and host lowercased, the default port, fragment and tracking parameters dropped,
    the remaining query parameters sorted. Path case is kept: servers may care.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if ":" in host:
        host = f"[{host}]"  # an IPv6 literal keeps its brackets
    port = parts.port
    netloc = host if port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not is_tracking(k))
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def same_site(a: str, b: str) -> bool:
    """Whether two URLs belong to the same registered site (www.x.com and news.x.com do)."""
    host_a, host_b = urlsplit(a).hostname or "", urlsplit(b).hostname or ""
    if _is_ip(host_a) or _is_ip(host_b):
        return host_a == host_b  # "127.0.0.1" has no registered domain to share
    site = registrable_domain(a)
    return bool(site) and site == registrable_domain(b)


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
