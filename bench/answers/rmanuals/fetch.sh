#!/bin/sh
# Fetch the rmanuals corpus: four of R's own manuals as typeset PDFs (texinfo + pdfTeX:
# ligatures, hyphenation, running headers and page numbers, tables of contents, indexes,
# code examples), as a university's research computing team would index its "R on our
# systems" handbook: R Installation and Administration (R-admin.pdf, 85 pages), R Data
# Import/Export (R-data.pdf, 41), An Introduction to R (R-intro.pdf, 113) and the R FAQ
# (R-FAQ.pdf, 52), from the bookworm package r-doc-pdf 4.2.2.20221110-2 (R 4.2.2). They are
# not committed (documents written by others, GPL-2+ / verbatim-copying permission), so this
# script gets the exact .deb from the Debian archive with apt-get, checks its sha256,
# extracts it with dpkg-deb and copies the four PDFs (their own names, all unique) into
# build/corpora/rmanuals/, like harden's fetch.sh. Idempotent: does nothing when every file
# is already there.
# Usage: sh bench/answers/rmanuals/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/rmanuals"
# package=version sha256 of its .deb, as observed on 2026-12-04
DEBS="r-doc-pdf=4.2.2.20221110-2 beb104ad5818d261f280a868294645ca31d7c63365f2c9a55aa3ca9aad5aa71d"
RD=usr/share/R/doc/manual
# PDFs in the package; each is copied to DEST under its own name (keep in step with
# corpus.txt)
PAGES="$RD/R-admin.pdf $RD/R-data.pdf $RD/R-intro.pdf $RD/R-FAQ.pdf"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_pages rmanuals "$DEST" "$DEBS" "$PAGES"
