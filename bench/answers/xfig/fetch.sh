#!/bin/sh
# Fetch the xfig corpus: the Xfig 3.2.8b documentation as a university engineering
# department's IT person would index it for the staff and students who draw figures with it,
# from Debian bookworm's xfig-doc 1:3.2.8b-2 (_all.deb):
# - xfig-reference.pdf: the user reference manual as shipped (usr/share/doc/xfig/
#   xfig_ref_en.pdf, printed by htmldoc, 176 pages: introduction, installation and
#   resources, command-line options, the drawing and editing modes, object attributes,
#   text and fonts, libraries, layers, zoom and grid, exporting and printing, LaTeX and
#   special text, the keyboard accelerators, the FAQ);
# - xfig-howto.pdf: the how-to (usr/share/doc/xfig/xfig-howto.pdf, Ghostscript, 24 pages);
# - xfig-CHANGES.txt: the change history by patchlevel (usr/share/doc/xfig-doc/CHANGES.gz,
#   a link to changelog.gz, decompressed and renamed so that it is read as text).
# The HTML copy of the manual (html/ and xfig_man.html), the Japanese pages, Debian's
# changelog and the copyright file are left out. The documents are not committed
# (documents written by others, under xfig's own licence), so this script gets the exact .deb
# (about 3.7 MB, kept in build/corpora/xfig/) from the Debian archive with apt-get (no root
# needed), checks its sha256, extracts it with dpkg-deb and copies or decompresses the three
# files into build/corpora/xfig/ (git-ignored). Idempotent: does nothing when all three are
# there.
# Usage: sh bench/answers/xfig/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/xfig"
# package=version sha256 of its .deb, as observed on 2026-12-06 (apt-get writes the epoch
# as "%3a" in the file name: xfig-doc_1%3a3.2.8b-2_all.deb)
DEBS="xfig-doc=1:3.2.8b-2 36b17319b7c3fd7c670bd24dbce393e0776e1a4347a9467166194c8baec5644f"
D=usr/share/doc
# path in the package -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$D/xfig/xfig_ref_en.pdf xfig-reference.pdf
$D/xfig/xfig-howto.pdf xfig-howto.pdf
$D/xfig-doc/CHANGES.gz xfig-CHANGES.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files xfig "$DEST" "$DEBS" "$FILES"
