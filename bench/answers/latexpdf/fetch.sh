#!/bin/sh
# Fetch the latexpdf corpus: the LaTeX Project's own guides, typeset by LaTeX as PDF, as a
# university's research-computing or thesis-support office would index "the LaTeX reference
# our students should read": the users' guide (current and historic), the class and package
# writers' guide, the font selection, encoding, configuration and modification guides, the
# documentation of the hook management, shipout, file and command hooks, paragraph hooks and
# marks mechanisms, four issues of LaTeX News (33-36, 2021-2022), and the documentation of
# the ifthen, alltt and makeidx packages, all from the bookworm package texlive-latex-base-doc
# 2022.20230122-3 (its other PDFs, e.g. the ~1000-page documented kernel source source2e.pdf
# and the *-code.pdf listings, are left out). They are not committed (documents written by
# others, LPPL), so this script gets the exact .deb (about 85 MB, downloaded once into
# build/corpora/latexpdf/) from the Debian archive with apt-get, checks its sha256, extracts
# it with dpkg-deb and copies the PDFs (their own names, all unique) into
# build/corpora/latexpdf/, like bashpdf's fetch.sh. Idempotent: does nothing when every
# file is already there.
# Usage: sh bench/answers/latexpdf/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/latexpdf"
# package=version sha256 of its .deb, as observed on 2026-12-05
DEBS="texlive-latex-base-doc=2022.20230122-3 122dbbe00bd22f872b1837eb86bd76fbac6ec84dd4f5f0c76cc9c18484485848"
B=usr/share/doc/texlive-doc/latex/base
# paths in the package, each copied to DEST under its own name (keep in step with
# corpus.txt)
PAGES="$B/usrguide.pdf $B/usrguide-historic.pdf $B/clsguide.pdf $B/fntguide.pdf
$B/encguide.pdf $B/cfgguide.pdf $B/modguide.pdf
$B/lthooks-doc.pdf $B/ltshipout-doc.pdf $B/ltfilehook-doc.pdf $B/ltpara-doc.pdf
$B/ltcmdhooks-doc.pdf $B/ltmarks-doc.pdf
$B/ltnews33.pdf $B/ltnews34.pdf $B/ltnews35.pdf $B/ltnews36.pdf
$B/ifthen.pdf $B/alltt.pdf $B/makeindx.pdf"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_pages latexpdf "$DEST" "$DEBS" "$PAGES"
