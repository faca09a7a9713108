"""Benchmark `newsdesk fetch` end to end against a local feed of real-length news pages.

    .venv/bin/python -m bench.fetch_bench /work/shared/data/bbc/summaries.jsonl [--items 500]

Serves, on 127.0.0.1, an RSS feed of N items whose pages are built from BBC articles, then
runs `newsdesk feed add` and `newsdesk fetch` as a user would (a fresh library in a temp
folder) and reports items per second and the fetch process's peak memory (ru_maxrss).
A second fetch shows the cost of an unchanged feed (one conditional request, a 304).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

NEWSDESK = Path(sys.executable).with_name("newsdesk")


def load(path: Path, count: int) -> list[dict[str, str]]:
    """The first `count` articles of a summaries.jsonl file."""
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(count), fh, strict=False)]
    if len(rows) < count:
        sys.exit(f"{path} has only {len(rows)} articles")
    return rows


def page(row: dict[str, str]) -> bytes:
    """A news page around one article: head metadata, navigation, paragraphs, footer."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in row["article"].split("\n") if p)
    title = html.escape(row["title"])
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} - Bench News"
            "</title><meta property='og:site_name' content='Bench News'>"
            "<meta property='article:published_time' content='2005-03-01T09:00:00Z'></head>"
            "<body><nav><a href='/'>Home</a> <a href='/business'>Business</a> "
            "<a href='/sport'>Sport</a></nav><main><article>"
            f"<h1>{title}</h1>{paragraphs}</article></main>"
            "<aside><h2>Most read</h2><ul><li>Another story</li></ul></aside>"
            "<footer>Bench News. Not a real outlet.</footer></body></html>").encode()


def feed(rows: list[dict[str, str]], base: str) -> bytes:
    """An RSS 2.0 feed with one item per article, links carrying tracking parameters."""
    items = "".join(
        f"<item><title>{html.escape(r['title'])}</title>"
        f"<link>{base}/story/{i}?utm_source=rss&amp;utm_medium=feed</link>"
        f"<guid>bench-{i}</guid><description>{html.escape(r['reference'][:300])}</description>"
        "</item>" for i, r in enumerate(rows))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Bench News</title><link>{base}/</link><description>bench</description>"
            f"{items}</channel></rss>").encode()


def serve(rows: list[dict[str, str]]) -> ThreadingHTTPServer:
    """Start the local server in a daemon thread."""
    pages = [page(r) for r in rows]
    stamp = formatdate(1_700_000_000, usegmt=True)
    state: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == "/feed.xml":
                if self.headers.get("If-Modified-Since") == stamp:
                    self.send_response(304)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self._send(state["feed"], "application/rss+xml", {"Last-Modified": stamp})
            elif path.startswith("/story/") and path[7:].isdigit() and int(path[7:]) < len(pages):
                self._send(pages[int(path[7:])], "text/html; charset=utf-8", {})
            else:
                self.send_error(404)

        def _send(self, body: bytes, ctype: str, extra: dict[str, str]) -> None:
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for key, value in extra.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state["feed"] = feed(rows, f"http://127.0.0.1:{httpd.server_address[1]}")
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def timed(args: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Run a command; wall seconds, peak RSS in MB (Linux reports KB) and its stdout."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = proc.stdout.read().decode() if proc.stdout else ""
    err = proc.stderr.read().decode() if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.exit(f"{' '.join(args)} failed ({proc.returncode}):\n{err}")
    return time.perf_counter() - start, usage.ru_maxrss // 1024, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("summaries", type=Path, help="bbc/summaries.jsonl")
    parser.add_argument("--items", type=int, default=500)
    options = parser.parse_args()
    rows = load(options.summaries, options.items)
    httpd = serve(rows)
    url = f"http://127.0.0.1:{httpd.server_address[1]}/feed.xml"
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "NEWSDESK_HOME": home}
        timed([str(NEWSDESK), "feed", "add", url, "--name", "bench"], env)
        seconds, rss_mb, out = timed([str(NEWSDESK), "fetch", "--json"], env)
        report = json.loads(out)
        new = len(report["new"])
        again, again_mb, out2 = timed([str(NEWSDESK), "fetch", "--json"], env)
    httpd.shutdown()
    print(f"items in feed        {options.items}")
    print(f"new articles stored  {new} (from feed text: {report['from_feed_text']}, "
          f"duplicates: {report['duplicates']}, failed: {len(report['failed'])})")
    print(f"first fetch          {seconds:.1f} s, {options.items / seconds:.1f} items/s, "
          f"peak RSS {rss_mb} MB")
    print(f"second fetch (304)   {again:.2f} s, status {json.loads(out2)['status']}, "
          f"peak RSS {again_mb} MB")


if __name__ == "__main__":
    main()
