#!/bin/sh
# Fetch the haproxy corpus: HAProxy 2.6's own documentation as a web-hosting company's
# operations team would index it, a few very large documents from the bookworm package
# haproxy-doc 2.6.12-1+deb12u4: the Configuration Manual (configuration.html, one ~2.5 MB
# HTML page with hundreds of keyword sections), the Starter Guide (intro.html), the
# Management Guide (management.html: startup options, signals, the CLI/stats socket) and
# the Lua API reference as Sphinx HTML (lua/index.html, renamed haproxy-lua-api.html). The
# package also ships that reference's reStructuredText source (lua/_sources/index.rst.txt),
# but pocketrag's .rst reader drops the bodies of its ".. js:function::" directives (the
# whole function reference), so the HTML is indexed, once. They are not committed
# (documents written by others, GPL-2+), so this script gets the exact .deb from the Debian
# archive with apt-get, checks its sha256, extracts it with dpkg-deb and copies the four
# files (flat, unique names) into build/corpora/haproxy/, like bashpdf's fetch.sh.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/haproxy/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/haproxy"
# package=version sha256 of its .deb, as observed on 2026-12-05
DEBS="haproxy-doc=2.6.12-1+deb12u4 5bd34b7e8c396b5ca1355430d82e47dc7a03c0e6cb5210f7e7ce7e134994c9fc"
# "path in the package [name in DEST]" (keep in step with corpus.txt)
FILES="usr/share/doc/haproxy/html/configuration.html
usr/share/doc/haproxy/html/intro.html
usr/share/doc/haproxy/html/management.html
usr/share/doc/haproxy/lua/index.html haproxy-lua-api.html"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files haproxy "$DEST" "$DEBS" "$FILES"
