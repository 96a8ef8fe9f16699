#!/bin/sh
# Fetch the kicad corpus: the KiCad 6.0 user documentation in English (asciidoctor HTML, each
# manual one long single page with an in-page table of contents, admonition boxes, tables,
# figures with captions and keyboard keys) as a small electronics workshop or a university
# lab's technician would index "the KiCad manuals" for staff and students: the eight manuals
# of Debian bookworm's kicad-doc-en 6.0.11+dfsg-1: Getting Started in KiCad, the
# introduction, the project manager (kicad), the schematic editor (eeschema), the PCB editor
# (pcbnew), the Gerber viewer (gerbview), the drawing sheet editor (pl_editor) and the PCB
# calculator (pcb_calculator). The images, the changelog and the copyright file are left out.
# The pages are not committed (documents written by others, GPL-3+ / CC-BY-3.0), so this
# script gets the exact .deb (about 15 MB, kept in build/corpora/kicad/) from the Debian
# archive with apt-get, checks its sha256, extracts it with dpkg-deb and copies the pages
# flat into build/corpora/kicad/ as kicad-<page name>.html (kicad-pcbnew.html), so that each
# name says whose it is. Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/kicad/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/kicad"
# package=version sha256 of its .deb, as observed on 2026-12-06
DEBS="kicad-doc-en=6.0.11+dfsg-1 20dbe9acb2e6f38d49bd742d4b71bee2dc3e7dbd8c54a7a45ad05a742e5ae834"
H=usr/share/doc/kicad/help/en
# page names in the package, each copied to DEST as kicad-<name>.html (keep in step with
# corpus.txt); kicad.html itself becomes kicad-kicad.html
PAGES="getting_started_in_kicad introduction kicad eeschema pcbnew gerbview pl_editor
pcb_calculator"
# "path in the package, name in DEST", one pair a line
FILES=$(for page in $PAGES; do echo "$H/$page.html kicad-$page.html"; done)

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files kicad "$DEST" "$DEBS" "$FILES"
