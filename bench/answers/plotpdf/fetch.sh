#!/bin/sh
# Fetch the plotpdf corpus: typeset PDF manuals of two plotting tools (LaTeX + pdfTeX:
# ligatures, hyphenation, running headers and page numbers, tables of contents, an index,
# math, code examples), as a university lab's research computing team would index its
# "plotting and numerics on our systems" handbook: the gnuplot 5.4 manual (gnuplot.pdf,
# 311 pages, from the bookworm package gnuplot-doc 5.4.4+dfsg1-2) and two manuals of
# Asymptote 2.85 (asymptote-doc 2.85+ds-1): the LaTeX package's documentation
# (asy-latex.pdf, 11 pages) and Asymptote's CAD conventions (CAD.pdf, 7 pages, copied as
# asy-CAD.pdf). They are not committed (documents written by others), so this script gets
# the exact .debs from the Debian archive with apt-get, checks each sha256, extracts them
# with dpkg-deb and copies the three PDFs into build/corpora/plotpdf/, like rmanuals'
# fetch.sh. Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/plotpdf/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/plotpdf"
# package=version sha256 of its .deb, as observed on 2026-12-05
DEBS="gnuplot-doc=5.4.4+dfsg1-2 73fe1816a296594cf6a1d38528f8d740fd650f57a2cb62e029f7920fcd5b31f0
asymptote-doc=2.85+ds-1 b2ae6e97c64ede66c1e41cc913f790b01188d198557203a2b3c500ba3495e6ca"
# "path in the packages [name in DEST]" (keep in step with corpus.txt)
FILES="usr/share/doc/gnuplot/gnuplot.pdf
usr/share/doc/asymptote/asy-latex.pdf
usr/share/doc/asymptote/CAD.pdf asy-CAD.pdf"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files plotpdf "$DEST" "$DEBS" "$FILES"
