"""Fetching pages from a real local server: limits, refusals, canonical URLs, `add URL`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from index.errors import FetchError
from index.fetch import FetchConfig, Fetcher, fetch_source, page_url
from index.library import Library
from index.sources import HTML
from index.urls import canonical_url, check_url, same_site
from tests.index.httpserver import LocalServer, article_page, serve

# Generous: a loaded machine must not time out a local answer; hanging routes never
# answer, so their tests wait exactly `timeout`.
FAST = FetchConfig(timeout=2.0, deadline=30.0, max_bytes=1 * 2**20, max_redirects=4)

FERRY = (
    "The island ferry will run a second evening crossing from May, the operator said on "
    "Monday, after months of complaints from commuters who missed the last boat home.",
    "Councillors had asked for the extra sailing since the autumn, when a timetable change "
    "moved the final departure forward by forty minutes to save fuel.",
    "The operator said the new crossing would be reviewed after the summer, and that fares "
    "would not change before the end of the year.",
)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with serve() as running:
        yield running


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FAST) as f:
        yield f


def test_canonical_url_drops_tracking_sorts_and_lowercases() -> None:
    url = ("HTTPS://News.Example.COM:443/World/Story?utm_source=rss&b=2&fbclid=x&a=1"
           "&at_medium=feed&ref=home&gclid=9#comments")
    assert canonical_url(url) == "https://news.example.com/World/Story?a=1&b=2"
    assert canonical_url("http://example.com") == "http://example.com/"
    assert canonical_url("http://example.com:8080/x") == "http://example.com:8080/x"


def test_only_http_and_https() -> None:
    for bad in ("ftp://example.com/file", "file:///etc/passwd", "javascript:alert(1)"):
        with pytest.raises(FetchError, match="only http and https"):
            check_url(bad)


def test_same_site() -> None:
    assert same_site("https://www.example.co.uk/a", "https://news.example.co.uk/b")
    assert not same_site("https://example.com/a", "https://other.com/a")
    assert not same_site("http://127.0.0.1/a", "http://10.0.0.1/a")


def test_fetches_a_page_with_an_honest_user_agent(server: LocalServer, fetcher: Fetcher) -> None:
    url = server.route("/news/ferry", article_page("Second evening ferry for islanders", *FERRY))
    source = fetcher.page(url + "?utm_campaign=spring")
    assert source.kind is HTML and b"second evening crossing" in source.raw
    assert source.url == url
    assert server.hits("/news/ferry")[0].headers["User-Agent"].startswith("newsdesk/0.1 (+")


def test_final_url_after_redirects_is_stored(server: LocalServer, fetcher: Fetcher) -> None:
    url = server.route("/news/ferry", article_page("Ferry", *FERRY))
    server.redirect("/short/f", "/news/ferry?utm_medium=x")
    assert fetcher.page(server.url("/short/f")).url == url


def test_same_site_canonical_link_wins_other_sites_do_not() -> None:
    html = article_page("Ferry", *FERRY, canonical="/news/ferry-story?ocid=1").encode()
    assert page_url("https://www.example.com/amp/ferry", html) == (
        "https://www.example.com/news/ferry-story")
    foreign = article_page("Ferry", *FERRY, canonical="https://elsewhere.org/ferry").encode()
    assert page_url("https://example.com/ferry", foreign) == "https://example.com/ferry"


def test_404_is_a_fetch_error(server: LocalServer, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match="HTTP 404"):
        fetcher.page(server.url("/missing"))


def test_slow_page_times_out(server: LocalServer, fetcher: Fetcher) -> None:
    url = server.route("/slow", article_page("Slow", *FERRY), hang=True)
    with pytest.raises(FetchError, match="no answer within 2 s"):
        fetcher.page(url)


def test_huge_page_is_cut_off_while_streaming(server: LocalServer, fetcher: Fetcher) -> None:
    url = server.route("/huge", stream=20 * 2**20)
    with pytest.raises(FetchError, match="larger than 1 MB"):
        fetcher.page(url)


def test_declared_huge_page_is_refused_before_reading(
        server: LocalServer, fetcher: Fetcher) -> None:
    url = server.route("/big", b"x" * (2 * 2**20))
    with pytest.raises(FetchError, match="larger than 1 MB"):
        fetcher.page(url)


@pytest.mark.parametrize(("ctype", "body"), [
    ("application/pdf", b"%PDF-1.4 fake"),
    ("image/png", b"\x89PNG fake"),
    ("application/json", b'{"not": "a page"}'),
])
def test_non_html_is_refused(server: LocalServer, fetcher: Fetcher, ctype: str,
                             body: bytes) -> None:
    url = server.route("/thing", body, content_type=ctype)
    with pytest.raises(FetchError, match=f"is {ctype}, not a web page"):
        fetcher.page(url)


def test_redirect_loop(server: LocalServer, fetcher: Fetcher) -> None:
    server.redirect("/a", "/b")
    server.redirect("/b", "/a")
    with pytest.raises(FetchError, match="redirect loop"):
        fetcher.page(server.url("/a"))


def test_redirect_to_another_scheme(server: LocalServer, fetcher: Fetcher) -> None:
    server.redirect("/ftp", "ftp://127.0.0.1/file")
    with pytest.raises(FetchError, match="not http or https"):
        fetcher.page(server.url("/ftp"))


def test_nobody_listening(fetcher: Fetcher) -> None:
    with serve() as gone:
        url = gone.url("/x")
    with pytest.raises(FetchError, match="cannot fetch"):
        fetcher.page(url)


def test_latin1_page_is_stored_as_utf8(server: LocalServer, fetcher: Fetcher) -> None:
    html = article_page("Café reopens", *FERRY).encode("latin-1")
    url = server.route("/cafe", html, content_type="text/html; charset=iso-8859-1")
    assert "Café".encode() in fetcher.page(url).raw


def test_add_url_stores_text_and_metadata(server: LocalServer, library: Library,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("index.fetch.DEFAULT_CONFIG", FAST)
    page = article_page("Second evening ferry for islanders", *FERRY, author="Ines Walter")
    url = server.route("/news/ferry", page)
    [result] = library.add([url + "?utm_source=newsletter&fbclid=abc"])
    assert result.status == "added", result.error
    article = library.get(result.id)
    assert article.title == "Second evening ferry for islanders"
    assert "second evening crossing" in article.body and "Copyright" not in article.body
    assert article.url == url
    assert article.author == "Ines Walter"
    assert article.outlet == "Harbour Gazette"
    assert article.published is not None and article.published.year == 2024


def test_same_page_with_other_tracking_params_is_a_duplicate(
        server: LocalServer, library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("index.fetch.DEFAULT_CONFIG", FAST)
    url = server.route("/news/ferry", article_page("Ferry", *FERRY))
    first, second = library.add([url + "?utm_source=a", url + "?gclid=1&utm_medium=b#top"])
    assert first.status == "added"
    assert second.status == "duplicate" and second.duplicate_of == first.id


def test_add_url_errors_are_reported_not_raised(
        server: LocalServer, library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("index.fetch.DEFAULT_CONFIG", FAST)
    pdf = server.route("/report.pdf", b"%PDF-1.4", content_type="application/pdf")
    results = list(library.add([pdf, server.url("/gone")]))
    assert [r.status for r in results] == ["error", "error"]
    assert "application/pdf" in results[0].error and "404" in results[1].error


def test_fetch_source_default_config_has_limits() -> None:
    with pytest.raises(FetchError):
        fetch_source("gopher://127.0.0.1/x")
