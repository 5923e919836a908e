#!/usr/bin/env bash
# Fills corpus/<target>/ with small valid inputs so each fuzzer starts from real structure.
# Uses ../../shared (the project's data folder) when present; works without it too.
set -euo pipefail
cd "$(dirname "$0")"
shared=../../shared
mkdir -p corpus/{html,jsonl,feed,warc,text}

page='<html lang="en"><head><meta charset="utf-8"><title>T</title><meta property="article:published_time" content="2022-03-28"><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2022-03-28"}</script></head><body><nav>Home</nav><article><p>The minister said on Monday that the plan would cost &pound;3bn.</p><p>"We will act," she said.</p></article></body></html>'
printf '%s' "$page" > corpus/html/min.html
if [ -d "$shared/data/html/zyte-article-extraction-benchmark/html" ]; then
  for f in $(ls "$shared"/data/html/zyte-article-extraction-benchmark/html/*.html.gz | head -5); do
    (gunzip -c "$f" || true) | head -c 20000 > "corpus/html/$(basename "$f" .html.gz).html"
  done
fi

printf '{"id":"a","text":"Mr. Smith said \\"no\\".","date":"2022-03-28"}\n{"id":2,"html":"<p>Hi</p>"}\n\nnot json\n' > corpus/jsonl/min.jsonl
[ -f "$shared/eval/seed/articles.jsonl" ] && head -c 60000 "$shared/eval/seed/articles.jsonl" > corpus/jsonl/seed.jsonl

cat > corpus/feed/rss.xml <<'XML'
<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>N</title>
<item><title>A</title><link>https://e.example/1</link><guid>g1</guid><pubDate>Mon, 28 Mar 2022 10:00:00 GMT</pubDate>
<description>d</description><content:encoded><![CDATA[<p>Body.</p>]]></content:encoded></item></channel></rss>
XML
cat > corpus/feed/atom.xml <<'XML'
<feed xmlns="http://www.w3.org/2005/Atom"><title>W</title><id>u</id><entry><id>e1</id><title>T</title>
<published>2021-06-01T08:00:00+02:00</published><link href="https://w.example/e1"/><content type="html">&lt;p&gt;x&lt;/p&gt;</content></entry></feed>
XML

body="HTTP/1.1 200 OK"$'\r\n'"Content-Type: text/html; charset=utf-8"$'\r\n\r\n'"$page"
{
  printf 'WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 2\r\n\r\nhi\r\n\r\n'
  printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://e.example/1\r\nWARC-Date: 2023-04-05T06:07:08Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n' "${#body}" "$body"
} > corpus/warc/min.warc
gzip -c corpus/warc/min.warc > corpus/warc/min.warc.gz

printf 'Mr. Smith went to Washington, D.C. on Jan. 5. "It is done," he said.\n\nThe U.S. economy grew 3.5%%.' > corpus/text/min.txt
echo "seeded: $(ls corpus/* | wc -l) files"
