#!/bin/sh
# Fetch the asymptote corpus: the Asymptote 2.85 documentation as a university maths
# department's IT person would index it for the staff who draw figures for papers, from
# Debian bookworm's asymptote-doc 2.85+ds-1 (_all.deb):
# - asymptote.pdf: the reference manual as shipped (usr/share/doc/asymptote/, Texinfo
#   typeset by TeX, 196 pages: description, installation and configuration (the
#   configuration file, environment variables, search paths, compiling from source), the
#   tutorial, drawing commands (draw, fill, clip, label), Bezier curves, programming (data
#   types, paths and guides, pens, transforms, frames and pictures, files, arrays, casts,
#   import, static), the base modules (plain, graph, three, contour, palette, ...), options,
#   interactive mode, the GUI, PostScript to Asymptote, help and the credits);
# - asy-latex.pdf: the guide to the asymptote LaTeX package (usr/share/doc/asymptote/,
#   LaTeX, 11 pages: the package options, the asy environment, \asyinclude, the graphics
#   options, processing with latexmk, then the implementation listing);
# - asy-faq.txt: the Asymptote FAQ as plain text (usr/share/doc/asymptote/asy-faq.ascii.gz,
#   decompressed and renamed so that it is read as text).
# The HTML copy of the manual, the HTML FAQ, the info files, the reference card, CAD.pdf,
# the TeXShop note, the examples and the changelogs are left out. The documents are not
# committed (documents written by others: GPL-3+, the manual itself LGPL), so this script
# gets the exact .deb (about 3.3 MB, kept in build/corpora/asymptote/) from the Debian
# archive with apt-get (no root needed), checks its sha256, extracts it with dpkg-deb and
# copies or decompresses the three files into build/corpora/asymptote/ (git-ignored).
# Idempotent: does nothing when all three are there.
# Usage: sh bench/answers/asymptote/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/asymptote"
# package=version sha256 of its .deb, as observed on 2026-12-06
DEBS="asymptote-doc=2.85+ds-1 b2ae6e97c64ede66c1e41cc913f790b01188d198557203a2b3c500ba3495e6ca"
D=usr/share/doc/asymptote
# path in the package -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$D/asymptote.pdf asymptote.pdf
$D/asy-latex.pdf asy-latex.pdf
$D/asy-faq.ascii.gz asy-faq.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files asymptote "$DEST" "$DEBS" "$FILES"
