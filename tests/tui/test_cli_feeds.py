"""The feed commands and `fetch`, driven through click against a real local server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.index.httpserver import LocalServer, article_page, rss, serve
from tui.cli import main

HARBOUR = ("Harbour cranes return after the winter refit",
           "Two of the harbour's three container cranes are back at work after a winter refit "
           "that replaced their cables and cab controls, the port authority said on Friday.",
           "The third crane is due back in April; until then, larger ships will be unloaded on "
           "the night shift to keep the quay from backing up.")
MARKET = ("Covered market finds a new tenant for its empty hall",
          "A cooperative bakery will take over the empty east hall of the covered market, "
          "ending two years in which the space was used only for storage.",
          "Traders welcomed the news and said the smell of bread would bring shoppers back to "
          "the quieter end of the building on weekday mornings.")


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with serve() as running:
        running.route("/news/cranes", article_page(*HARBOUR))
        running.route("/news/market", article_page(*MARKET))
        items = [{"title": t, "link": running.url(f"/news/{s}?utm_source=rss"),
                  "guid": f"urn:{s}", "description": "Short feed text."}
                 for s, t in (("cranes", HARBOUR[0]), ("market", MARKET[0]))]
        running.route("/port.xml", rss("Port News", items), etag='"p1"')
        running.route("/gone.xml", rss("Gone", []))
        yield running


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_feed_add_fetch_search(server: LocalServer) -> None:
    added = cli("feed", "add", server.url("/port.xml"), "--tag", "port")
    assert added.exit_code == 0 and "added feed port-news" in added.output
    first = cli("fetch")
    assert first.exit_code == 0
    assert "port-news: 2 new, 0 seen" in first.stdout
    second = cli("fetch", "--json")
    line = json.loads(second.stdout)
    assert line == {**line, "feed": "port-news", "url": server.url("/port.xml"),
                    "status": "not-modified", "new": [], "error": None}
    found = cli("search", "tag:port", "AND", "bakery", "--json")
    assert [h["title"] for h in json.loads(found.stdout)] == [MARKET[0]]


def test_fetch_json_and_errors(server: LocalServer) -> None:
    cli("feed", "add", server.url("/port.xml"), "--name", "port")
    cli("feed", "add", server.url("/gone.xml"), "--name", "gone")
    server.routes.pop("/gone.xml")
    result = cli("fetch", "--json", "--timeout", "10")
    assert result.exit_code == 0  # one feed worked
    lines = {d["feed"]: d for d in map(json.loads, result.stdout.splitlines())}
    assert lines["port"]["status"] == "ok" and len(lines["port"]["new"]) == 2
    assert lines["gone"]["status"] == "error" and "HTTP 404" in lines["gone"]["error"]
    plain = cli("fetch", "gone")
    assert plain.exit_code == 1 and "gone: error:" in plain.stderr
    assert "\x1b[" not in plain.output  # no colour codes when not a terminal


def test_feed_list_remove_and_unknown(server: LocalServer) -> None:
    cli("feed", "add", server.url("/port.xml"), "--name", "port", "--tag", "Ships")
    listed = json.loads(cli("feed", "list", "--json").stdout)
    assert [(f["name"], f["tags"], f["last_fetched"]) for f in listed] == [
        ("port", ["ships"], None)]
    assert "port\t" in cli("feed", "list").stdout
    assert cli("feed", "remove", "port").exit_code == 0
    missing = cli("feed", "remove", "port")
    assert missing.exit_code == 1 and "no feed called 'port'" in missing.stderr
    assert cli("fetch", "nosuch").exit_code == 1


def test_feed_add_refuses_a_page_and_a_bad_scheme(server: LocalServer) -> None:
    page = cli("feed", "add", server.url("/news/cranes"))
    assert page.exit_code == 1 and "not a readable feed" in page.stderr
    ftp = cli("feed", "add", "ftp://127.0.0.1/feed.xml")
    assert ftp.exit_code == 1 and "only http and https" in ftp.stderr


def test_opml_import_export(server: LocalServer, tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(f'<opml version="2.0"><body><outline text="Port News" '
                    f'xmlUrl="{server.url("/port.xml")}" category="harbour"/></body></opml>')
    imported = cli("feed", "import", str(opml))
    assert imported.exit_code == 0 and "1 feed added" in imported.stderr
    out = tmp_path / "out.opml"
    assert cli("feed", "export", "--output", str(out)).exit_code == 0
    assert server.url("/port.xml") in out.read_text() and 'category="harbour"' in out.read_text()
    assert b"<opml" in CliRunner().invoke(main, ["feed", "export"]).stdout_bytes


def test_add_url_through_the_cli(server: LocalServer) -> None:
    result = cli("add", server.url("/news/cranes?fbclid=zz"), "--json")
    assert json.loads(result.stdout)["status"] == "added"
    again = cli("add", server.url("/news/cranes?utm_source=x"), "--json")
    assert json.loads(again.stdout)["status"] == "duplicate"


def test_fetch_with_no_feeds() -> None:
    result = cli("fetch")
    assert result.exit_code == 0 and "no feeds" in result.stderr
