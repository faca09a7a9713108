#!/usr/bin/env bash
# How library.db here was made: with newsdesk at commit f026401 (schema 2, the last release
# before numbered migrations), from the repository's root:
#   bash tests/data/library-v2/make.sh
# It needs the .venv of that commit; the feed is served from 127.0.0.1 for the one fetch.
set -euo pipefail
out=tests/data/library-v2
work=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
nd() { .venv/bin/newsdesk --library "$work/lib" "$@"; }

mkdir "$work/site"
cat > "$work/site/rss.xml" <<'XML'
<?xml version="1.0"?>
<rss version="2.0"><channel><title>Fixture Wire</title><link>http://127.0.0.1/</link>
<item><title>Ferry service resumes on the river</title><guid>fixture-1</guid>
<description>The ferry between the two river towns ran again on Monday after a month of
repairs to its landing stage. Officials said the crossing would run twice a day until the
water level falls, and that fares would stay as they were before the closure. Traders on both
banks said the month without the ferry had doubled the cost of moving goods by road.</description>
</item></channel></rss>
XML
port=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
.venv/bin/python -m http.server "$port" --bind 127.0.0.1 --directory "$work/site" >/dev/null 2>&1 &
server=$!
sleep 1

nd add examples/articles/01-abu-kamal-strike.txt examples/articles/02-rabia-smuggling.txt \
    --tag iraq-syria
nd add examples/articles/06-sinjar-border-fence.txt examples/articles/09-football-derby.txt \
    examples/articles/13-alqaim-convoy-levantwire.txt \
    examples/articles/14-alqaim-convoy-tigrisdaily.txt
ids=($(nd search 'strike OR smuggling OR fence OR derby OR convoy' --json --limit 10 \
    | .venv/bin/python -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(sys.stdin))))'))
nd tag "${ids[0]}" +strikes +border
nd tag "${ids[1]}" +border
nd mark "${ids[0]}" --read --star
nd mark "${ids[1]}" --basket
nd mark "${ids[2]}" --read
nd search 'border OR fence' --save borders
nd feed add "http://127.0.0.1:$port/rss.xml" --name fixture-wire --tag wire
nd fetch
cp "$work/lib/library.db" "$out/library.db"
sqlite3 "$out/library.db" 'PRAGMA user_version' 2>/dev/null || true
