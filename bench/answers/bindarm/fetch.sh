#!/bin/sh
# Fetch the bindarm corpus: the BIND 9 Administrator Reference Manual (Sphinx HTML, one page
# a chapter) as a small organisation's IT team would index "the DNS server docs we run" for
# whoever is on call, from Debian bookworm's bind9-doc 1:9.18.49-1~deb12u3 (bookworm-security;
# files under usr/share/doc/bind9-doc/arm/): the chapter pages (1 introduction to DNS and
# BIND 9, 2 resource requirements, 3 configurations and zone files, 4 name server
# operations, 5 DNSSEC, 6 advanced configurations, 7 security configurations, 9
# troubleshooting, 10 building BIND 9), the general DNS reference information, the brief
# history of DNS and BIND, and the DNSSEC Guide. The page names are unique, so each is copied
# under its own name into build/corpora/bindarm/. Chapter 8, the configuration reference
# (reference.html, 1.4 MB, one page), is too large to index whole, so a part of it is cut out
# into reference-excerpt.html (about 270 kB): the page's head and the chapter's introduction,
# then eight of its sections, each cut from its <section id="..."> line up to the line before
# the <section id="..."> line that follows it in the page (REF_PARTS below: logging, the
# forwarding and access-control options, zone transfer options, statistics-channels, the
# view block, dnssec-policy, multiple views, and the statistics counters to the end of the
# page). The cut fails, saying which, unless every marker is in the page exactly once. The
# release notes, the manual pages, the index, the search page and the table of contents are
# left out. They are not committed (documents written by
# others, MPL-2.0), so this script gets the exact .deb from the Debian archive with apt-get,
# checks its sha256 and extracts it with dpkg-deb. The version carries an epoch, which
# apt-get writes as "%3a" in the file name, so this script does not use fetch-debs.sh's
# fetch_debs (it builds package_version_all.deb names) but its tool check, like vimdoc's
# fetch.sh. Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/bindarm/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/bindarm"
# package=version (what apt-get download is asked for), the file it writes, its sha256, as
# observed on 2026-12-05
SPEC="bind9-doc=1:9.18.49-1~deb12u3"
DEB="bind9-doc_1%3a9.18.49-1~deb12u3_all.deb"
SHA=7a3282f365576e58378b242ea7e8bd65ce227e94dd4abe8acbb5874873e7265e
D=usr/share/doc/bind9-doc/arm
# pages in the package; each is copied to DEST under its own name (keep in step with
# corpus.txt)
FILES="chapter1.html chapter2.html chapter3.html chapter4.html chapter5.html chapter6.html
chapter7.html chapter9.html chapter10.html general.html history.html dnssec-guide.html"
# the parts of reference.html kept in reference-excerpt.html: "first-section-id
# next-section-id" pairs, in page order ("-": to the end of the page)
REF_PARTS="logging-block-grammar parental-agents-block-grammar
forwarding interfaces
zone-transfers operating-system-resource-limits
statistics-channels-block-grammar tls-block-grammar
dnssec-policy-block-grammar managed-keys-block-grammar
view-block-definition-and-usage zone-block-grammar
multiple-views statements
bind-9-statistics -"
REF=reference-excerpt.html

missing=
for f in $FILES; do
  [ -s "$DEST/$f" ] || missing=yes
done
[ -s "$DEST/$REF" ] || missing=yes
[ -n "$missing" ] || exit 0

. "$REPO/bench/answers/fetch-debs.sh"
require_tools bindarm apt-get dpkg-deb sha256sum
mkdir -p "$DEST"
tmp=$(mktemp -d "$DEST/extract.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
if [ ! -s "$DEST/$DEB" ]; then
  # apt-get download writes into the current folder; no root needed
  if ! (cd "$DEST" && apt-get download -q=2 "$SPEC"); then
    echo "bindarm fetch: 'apt-get download $SPEC' failed" \
      "(no Debian mirror reachable, or run 'apt-get update' first)." >&2
    exit 1
  fi
  if [ ! -s "$DEST/$DEB" ]; then
    echo "bindarm fetch: apt-get download $SPEC did not leave $DEB in $DEST." >&2
    exit 1
  fi
fi
if ! echo "$SHA  $DEST/$DEB" | sha256sum -c --quiet - >/dev/null 2>&1; then
  rm -f "$DEST/$DEB"
  echo "bindarm fetch: $DEB does not have the expected sha256 $SHA; removed it." >&2
  exit 1
fi
if ! dpkg-deb -x "$DEST/$DEB" "$tmp"; then
  echo "bindarm fetch: could not extract $DEB." >&2
  exit 1
fi
for f in $FILES; do
  if [ ! -s "$tmp/$D/$f" ]; then
    echo "bindarm fetch: $D/$f is not in $DEB." >&2
    exit 1
  fi
  cp "$tmp/$D/$f" "$tmp/$f.part"
  mv "$tmp/$f.part" "$DEST/$f"
done
# cut reference.html: print the head up to the first section, then each part
ref="$tmp/$D/reference.html"
if [ ! -s "$ref" ]; then
  echo "bindarm fetch: $D/reference.html is not in $DEB." >&2
  exit 1
fi
for id in configuration-file-named-conf $REF_PARTS; do
  [ "$id" = - ] && continue
  if [ "$(grep -c "<section id=\"$id\">" "$ref")" != 1 ]; then
    echo "bindarm fetch: <section id=\"$id\"> is not in reference.html exactly once;" \
      "cannot cut $REF." >&2
    exit 1
  fi
done
awk -v parts="$REF_PARTS" '
BEGIN {
  n = split(parts, w, /[ \n]+/)
  for (i = 1; i < n; i += 2) stop[w[i]] = w[i + 1]
  on = 1
  end = "configuration-file-named-conf"
}
{
  if (match($0, /<section id="[^"]*">/)) {
    id = substr($0, RSTART + 13, RLENGTH - 15)
    if (on && id == end) on = 0
    if (!on && (id in stop)) { on = 1; end = stop[id] }
  }
  if (on) print
}' "$ref" >"$tmp/$REF.part"
set -- $REF_PARTS
while [ $# -ge 2 ]; do
  if [ "$(grep -c "<section id=\"$1\">" "$tmp/$REF.part")" != 1 ]; then
    echo "bindarm fetch: the cut of reference.html lacks <section id=\"$1\">." >&2
    exit 1
  fi
  shift 2
done
mv "$tmp/$REF.part" "$DEST/$REF"
echo "bindarm fetch: documents ready in $DEST" >&2
