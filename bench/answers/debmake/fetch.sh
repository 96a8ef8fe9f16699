#!/bin/sh
# Fetch the debmake corpus: the "Guide for Debian Maintainers" by Osamu Aoki (debmake-doc
# 1.17-7 from Debian bookworm) as ONE typeset PDF, as a small software company's or a
# university research group's engineering team would index "the packaging guide we follow"
# for its new developers: debmake-doc.en.pdf (143 pages, English: tool setup, the
# debmake/debuild workflow, the debian/ files, versions, quilt and patches, lintian,
# uploads, multiarch, library packages and symbols, hardening, autopkgtest, and the debmake
# options; DBLaTeX + xdvipdfmx). The package also ships the guide in other languages (de,
# ja, ru, zh-cn, zh-tw) and as HTML, EPUB and text; those are left out. It is not committed
# (a document written by others, Expat licence), so this script gets the exact .deb (about
# 7 MB, downloaded once into build/corpora/debmake/) from the Debian archive with apt-get,
# checks its sha256, extracts it with dpkg-deb and copies the PDF (its own name) into
# build/corpora/debmake/, like rmanuals' fetch.sh. Idempotent: does nothing when the file
# is already there.
# Usage: sh bench/answers/debmake/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/debmake"
# package=version sha256 of its .deb, as observed on 2026-12-05
DEBS="debmake-doc=1.17-7 f562cf744d906b9255c60d659873609ed5f40d657d99c4a6f3f5c194c24507cf"
# the PDF in the package; copied to DEST under its own name (keep in step with corpus.txt)
PAGES="usr/share/doc/debmake-doc/debmake-doc.en.pdf"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_pages debmake "$DEST" "$DEBS" "$PAGES"
