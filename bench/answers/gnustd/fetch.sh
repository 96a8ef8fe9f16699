#!/bin/sh
# Fetch the gnustd corpus: the GNU project's policies for its maintainers and contributors,
# as a software organisation's "how we work" handbook: the GNU Coding Standards
# (standards.html) and Information for Maintainers of GNU Software (maintain.html), both as
# shipped in the bookworm package gnu-standards 2022.03.23-0.1. The package ships each manual
# as one single-page HTML file (no multi-page HTML), so the two whole files are the corpus.
# They are not committed (documents written by others, under the GNU FDL / verbatim-copying
# terms), so this script gets the exact .deb from the Debian archive with apt-get, checks its
# sha256, extracts it with dpkg-deb and copies the two pages into build/corpora/gnustd/, like
# debgov's and harden's fetch.sh. Idempotent: does nothing when both files are there.
# Usage: sh bench/answers/gnustd/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/gnustd"
# package=version sha256 of its .deb, as observed on 2026-12-04
DEBS="gnu-standards=2022.03.23-0.1 2087dda531c69d8505856a45e0334746f3f25211a237c95d375eed13a7d8c201"
DOC=usr/share/doc/gnu-standards
# paths in the package; each is copied to DEST under its own name (keep in step with
# corpus.txt)
PAGES="$DOC/standards.html $DOC/maintain.html"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_pages gnustd "$DEST" "$DEBS" "$PAGES"
