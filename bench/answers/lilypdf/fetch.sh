#!/bin/sh
# Fetch the lilypdf corpus: LilyPond 2.24's own manuals as typeset PDFs (texinfo + TeX,
# distilled by Ghostscript: running headers and page numbers, tables of contents, indexes,
# music examples as vector graphics beside their input code), as a school's or university's
# music department would index "the notation software we teach" for its students and staff:
# the Learning Manual (learning.pdf, 221 pages: tutorial, common notation, fundamental
# concepts, tweaking output, templates), the Usage manual (usage.pdf, 73 pages: running
# lilypond, updating files with convert-ly, lilypond-book, external programs, suggestions
# for writing files) and the Changes in 2.24 (changes.pdf, 22 pages), from Debian bookworm's
# lilypond-doc-pdf 2.24.1-2, which ships them uncompressed. The package's other manuals
# (the ~800-page Notation Reference, snippets, internals, the web site, essay, extending,
# contributor's guide, glossary) are left out. They are not committed (documents written by
# others, GFDL-1.3+), so this script gets the exact .deb (about 33 MB, downloaded once into
# build/corpora/lilypdf/) from the Debian archive with apt-get, checks its sha256, extracts
# it with dpkg-deb and copies the three PDFs into build/corpora/lilypdf/ under names that
# say whose they are (learning.pdf becomes lilypond-learning.pdf), like rmanuals' fetch.sh.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/lilypdf/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/lilypdf"
# package=version sha256 of its .deb, as observed on 2026-12-05
DEBS="lilypond-doc-pdf=2.24.1-2 caf7a8b1a7936abf59e6e1f5e20342fc50ce867ea7cd67dd8228665c4f70e5a1"
D=usr/share/doc/lilypond/html/Documentation
# path in the package -> name in DEST (keep in step with corpus.txt)
FILES="$D/learning.pdf lilypond-learning.pdf
$D/usage.pdf lilypond-usage.pdf
$D/changes.pdf lilypond-changes.pdf"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files lilypdf "$DEST" "$DEBS" "$FILES"
