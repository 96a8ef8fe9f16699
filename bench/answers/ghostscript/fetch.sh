#!/bin/sh
# Fetch the ghostscript corpus: Ghostscript 10.0.0's documentation as a print room's and
# publishing team's IT person indexes it for the colleagues who convert and print PDF and
# PostScript, from Debian bookworm's ghostscript-doc 10.0.0~dfsg-11+deb12u9 (all), copied flat
# under names that say whose they are (usr/share/doc/ghostscript/html/Use.html becomes
# ghostscript-Use.html):
# - thirteen Sphinx HTML pages a user or an administrator reads: Use (the long guide to the
#   command line: switches, paper sizes, SAFER, environment variables, the new PDF
#   interpreter's parameters), Fonts (font search, substitution, Fontmap), Install, Readme
#   (the introduction: what Ghostscript is, licensing, where to get help), News (what
#   changed in 10.0.0), Devices (the raster and printer output devices and their options),
#   VectorDevices (pdfwrite, ps2write, eps2write, txtwrite, xpswrite and their parameters),
#   Ps2epsi, Unix-lpr (a print filter for lpr), SavedPages (saved pages and banding),
#   Psfiles (the PostScript utility files shipped), GPDL (the GhostPDL framework: PCL, XPS,
#   images) and Language (Ghostscript's PostScript language extensions and parameters);
# - GS9_Color_Management.pdf (Michael Vrhel's 42-page typeset colour management guide,
#   written for Ghostscript 9.x: ICC profiles, rendering intents, object-based colour,
#   DeviceN and separations, with figures and tables);
# - Debian's NEWS.Debian.gz (decompressed, as ghostscript-NEWS.Debian.txt).
# The developer pages (API, C-style, Develop, DeviceSubclassing, Drivers, Source, Lib, Make,
# LanguageBindings*, Ps-style, SampleDownscaleDevice), UnsupportedDevices.html (drivers
# nobody maintains), thirdparty.html, the index, genindex, search, toc and footer pages,
# the _sources/*.rst copies of the pages, the older News.htm (10.0.0's notes again), the
# licence, changelog and copyright are left out. The documents are not committed (documents
# written by others, AGPL), so this script gets the exact .deb (about 7.4 MB, kept in
# build/corpora/ghostscript/) from the Debian archive with apt-get (no root needed), checks its
# sha256, extracts it with dpkg-deb and copies the files into build/corpora/ghostscript/
# (git-ignored).
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/ghostscript/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/ghostscript"
# package=version sha256 of its .deb, as observed on 2026-12-07
DEBS="ghostscript-doc=10.0.0~dfsg-11+deb12u9 c13a010c96254a8d1f93982e53f7a5288113d24d189de8ca0d64f7fcd9b52de3"
D=usr/share/doc/ghostscript
# path in the package -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$(for page in Use Fonts Install Readme News Devices VectorDevices Ps2epsi Unix-lpr \
  SavedPages Psfiles GPDL Language; do echo "$D/html/$page.html ghostscript-$page.html"; done)
$D/GS9_Color_Management.pdf ghostscript-GS9_Color_Management.pdf
usr/share/doc/ghostscript-doc/NEWS.Debian.gz ghostscript-NEWS.Debian.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files ghostscript "$DEST" "$DEBS" "$FILES"
