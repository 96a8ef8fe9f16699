#!/bin/sh
# Fetch the groff corpus: GNU groff 1.22.4's documentation as a university print unit's IT
# person indexes it for the staff who typeset reports and letters with groff, from Debian
# bookworm's groff 1.22.4-10 (amd64; the documents are under /usr/share/doc/groff-base/),
# copied flat under names that say whose they are (a .gz decompressed):
# - groff-mom-pdf.pdf (examples/mom/mom-pdf.pdf.gz: mom's "Producing PDFs with groff and mom",
#   made by gropdf; pdf/mom-pdf.pdf.gz is a link to it), groff-pdfmark.pdf (the pdfmark
#   macros' manual) and groff-automake.pdf (using groff with automake), PDFs;
# - groff-pic.html and groff-pic-1.html ... groff-pic-23.html: the PIC guide ("Making Pictures
#   With GNU PIC"), split into pages by grohtml;
# - groff-meintro.txt and groff-meref.txt: the -me macros' introduction and reference, as
#   grotty text;
# - eight pages of mom's hand-written HTML manual (html/mom/): groff-mom-intro.html,
#   groff-mom-using.html, groff-mom-letters.html, groff-mom-color.html,
#   groff-mom-rectoverso.html, groff-mom-tables-of-contents.html, groff-mom-version-2.html and
#   the long groff-mom-headfootpage.html (headers, footers and page numbering);
# - groff-mom-README.txt (examples/mom/README.txt.gz: the mom examples).
# The PostScript files, the .me/.ms/.mom sources, the French files, the webpage-*.html example
# output, the hdtbl and chem examples and mom's other HTML pages are left out. The documents
# are not committed (documents written by others, GPL and FDL), so this script gets the exact
# .deb (about 3.4 MB, kept in build/corpora/groff/) from the Debian archive with apt-get (no
# root needed), checks its sha256, extracts it with dpkg-deb and copies the files into
# build/corpora/groff/ (git-ignored). The package is architecture-specific: its sha256 is the
# amd64 one, so on another architecture amd64 must be added to dpkg first.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/groff/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/groff"
# package:architecture=version sha256 of its .deb, as observed on 2026-12-06
DEBS="groff:amd64=1.22.4-10 c30d56dad45ab7fe8d57f545381203297b23fabd7475e5acd133f15dcaef2355"
D=usr/share/doc/groff-base
# path in the package -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$D/examples/mom/mom-pdf.pdf.gz groff-mom-pdf.pdf
$D/pdf/pdfmark.pdf.gz groff-pdfmark.pdf
$D/pdf/automake.pdf.gz groff-automake.pdf
$D/html/pic.html groff-pic.html
$(i=1; while [ "$i" -le 23 ]; do echo "$D/html/pic-$i.html groff-pic-$i.html"; i=$((i + 1)); done)
$D/meintro.txt.gz groff-meintro.txt
$D/meref.txt.gz groff-meref.txt
$D/html/mom/intro.html groff-mom-intro.html
$D/html/mom/using.html groff-mom-using.html
$D/html/mom/letters.html groff-mom-letters.html
$D/html/mom/color.html groff-mom-color.html
$D/html/mom/rectoverso.html groff-mom-rectoverso.html
$D/html/mom/tables-of-contents.html groff-mom-tables-of-contents.html
$D/html/mom/version-2.html groff-mom-version-2.html
$D/html/mom/headfootpage.html groff-mom-headfootpage.html
$D/examples/mom/README.txt.gz groff-mom-README.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files groff "$DEST" "$DEBS" "$FILES"
