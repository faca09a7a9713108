"""Fetching from hostile servers and feeds: deadlines hold, internal addresses are refused.

Only 127.0.0.1 is ever connected to: every refusal is checked before connecting, and the
tests make sure no connection to anything else is even attempted.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator

import pytest

from index.errors import FetchError
from index.feed_run import MAX_ITEMS
from index.fetch import FetchConfig, Fetcher
from index.netguard import internal
from tests.hostile.helpers import cli
from tests.index.httpserver import LocalServer, article_page, rss, serve

PAGE = article_page("Harbour cranes return after the winter refit",
                    "Two of the harbour's three container cranes are back at work after a "
                    "winter refit that replaced their cables, the port authority said.",
                    "The third crane is due back in April; larger ships will be unloaded on "
                    "the night shift until then.")
INTERNAL = ["http://10.0.0.1/news", "http://192.168.1.1/", "http://169.254.169.254/latest/",
            "http://[fd00:ec2::254]/", "http://[::1]:9/", "http://127.0.0.2/", "http://0.0.0.0/",
            "http://localhost:9/"]


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with serve() as running:
        yield running


@pytest.fixture(autouse=True)
def only_local_connections(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Fail the test on any attempt to connect anywhere but 127.0.0.1 / localhost."""
    attempts: list[tuple[str, int]] = []
    real = socket.create_connection

    def guarded(address: tuple[str, int], *args: object, **kwargs: object) -> socket.socket:
        attempts.append(address)
        assert address[0] in ("127.0.0.1", "localhost"), f"a test tried to connect to {address}"
        return real(address, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "create_connection", guarded)
    return attempts


def test_internal_addresses() -> None:
    for address in ("10.1.2.3", "172.16.0.1", "192.168.0.1", "127.0.0.1", "169.254.169.254",
                    "::1", "fe80::1", "fd00:ec2::254", "::ffff:127.0.0.1", "0.0.0.0", "224.0.0.1"):
        assert internal(address), address
    for address in ("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"):
        assert not internal(address), address


def test_header_trickle_is_cut_off_by_the_timeout(server: LocalServer) -> None:
    url = server.route("/trickle", trickle=0.05)
    config = FetchConfig(timeout=1.0, deadline=60.0)
    with Fetcher(config) as fetcher, pytest.raises(FetchError, match="no answer within 1 s"):
        fetcher.get(url)


def test_header_trickle_is_cut_off_by_the_deadline(server: LocalServer) -> None:
    url = server.route("/trickle", trickle=0.05)
    config = FetchConfig(timeout=30.0, deadline=1.0)
    with Fetcher(config) as fetcher, pytest.raises(FetchError, match="took over 1 s"):
        fetcher.get(url)


def test_fetch_timeout_bounds_header_trickle_too(server: LocalServer) -> None:
    cli("feed", "add", server.route("/feed.xml", rss("Port", [])), "--name", "port")
    server.route("/feed.xml", trickle=0.05)
    result = cli("fetch", "--json", "--timeout", "1")
    line = json.loads(result.stdout)
    assert line["status"] == "error" and "no answer within 1 s" in line["error"]


@pytest.mark.parametrize("target", INTERNAL)
def test_item_links_to_internal_addresses_are_refused_before_connecting(
        server: LocalServer, target: str, only_local_connections: list[tuple[str, int]]
) -> None:
    item = {"title": "Cranes", "link": target, "guid": target,
            "description": "The cranes are back at work after a winter refit, the port said."}
    cli("feed", "add", server.route("/feed.xml", rss("Port", [item])), "--name", "port")
    result = cli("fetch")
    assert "internal address" in result.stderr, result.output
    assert all(host == "127.0.0.1" for host, _port in only_local_connections)


def test_redirects_to_internal_addresses_are_refused(server: LocalServer) -> None:
    url = server.redirect("/go", "http://169.254.169.254/latest/meta-data/")
    with Fetcher(FetchConfig(timeout=5.0)) as fetcher, \
            pytest.raises(FetchError, match="internal address"):
        fetcher.page(url)


def test_a_feed_the_user_added_on_localhost_works(server: LocalServer) -> None:
    server.route("/news/cranes", PAGE)
    item = {"title": "Cranes", "link": server.url("/news/cranes"), "guid": "c1"}
    cli("feed", "add", server.route("/feed.xml", rss("Port", [item])), "--name", "port")
    line = json.loads(cli("fetch", "--json").stdout)
    assert line["status"] == "ok" and len(line["new"]) == 1


def test_opting_in_allows_internal_links(server: LocalServer) -> None:
    page = server.route("/news/cranes", PAGE).replace("127.0.0.1", "localhost")
    config = FetchConfig(timeout=5.0)
    with Fetcher(config) as fetcher, pytest.raises(FetchError, match="internal address"):
        fetcher.page(page, trusted=["127.0.0.1"])
    # localhost resolves to 127.0.0.1 (from the hosts file, no traffic)
    with Fetcher(FetchConfig(timeout=5.0, allow_private=True)) as fetcher:
        assert b"cranes" in fetcher.page(page, trusted=[]).raw


def test_items_per_feed_are_capped(server: LocalServer) -> None:
    items = [{"title": f"Item {n}", "link": server.url(f"/none/{n}"), "guid": f"g{n}",
              "description": f"Item number {n} of the council's list of {n + 300} "
                             "decisions was approved on Thursday evening."}
             for n in range(MAX_ITEMS + 20)]
    cli("feed", "add", server.route("/feed.xml", rss("Port", items)), "--name", "port")
    first = json.loads(cli("fetch", "--json").stdout)
    assert len(first["new"]) == MAX_ITEMS
    second = json.loads(cli("fetch", "--json").stdout)
    assert len(second["new"]) == 20


PUBLIC = "http://93.184.216.34/news/cranes"  # a public address: only the proxy ever sees it


@pytest.fixture
def proxied(server: LocalServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalServer]:
    """HTTP_PROXY and HTTPS_PROXY set to a real forward proxy on 127.0.0.1: the test server,
    which answers absolute-form requests (GET http://host/path) itself, from its routes, so
    no traffic leaves the machine. A second, silent listener stands for the HTTPS proxy."""
    for name in ("no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", server.base)
    with socket.socket() as tunnel:
        tunnel.bind(("127.0.0.1", 0))
        tunnel.listen(8)
        tunnel.setblocking(False)
        monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{tunnel.getsockname()[1]}")
        yield server
        with pytest.raises(BlockingIOError):
            tunnel.accept()  # nothing ever tried to open a tunnel to an internal address


def test_through_a_proxy_internal_links_are_refused_before_sending(proxied: LocalServer) -> None:
    feed = "http://feeds.example/port.xml"  # the user's feed: its host is trusted as named
    proxied.routes[PUBLIC] = proxied.routes[proxied.route("/x", PAGE).removeprefix(
        proxied.base)]
    proxied.redirect("http://93.184.216.34/go", "http://169.254.169.254/latest/meta-data/")
    links = [PUBLIC, "http://93.184.216.34/go", "http://10.0.0.1/news",
             "https://10.0.0.1/news", "http://localhost:9/"]
    items = [{"title": f"Cranes {n}", "link": link, "guid": link,
              "description": f"Crane number {n} is back at work after a winter refit of "
                             f"{n + 3} weeks, the port authority said on Friday."}
             for n, link in enumerate(links)]
    proxied.routes[feed] = proxied.routes[proxied.route("/feed.xml", rss("Port", items))
                                          .removeprefix(proxied.base)]
    cli("feed", "add", feed, "--name", "port")
    result = cli("fetch")
    assert result.exit_code == 0 and "Traceback" not in result.output
    # Through the proxy went the feed, the public page and the public redirect; nothing
    # for an internal address was sent to it, not even the redirect's target.
    assert {seen.path for seen in proxied.requests} == {feed, PUBLIC, "http://93.184.216.34/go"}
    assert result.stderr.count("internal address") == 4, result.stderr
    assert len(json.loads(cli("search", "winter refit", "--json").stdout)) == len(links)
