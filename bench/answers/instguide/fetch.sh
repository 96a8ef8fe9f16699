#!/bin/sh
# Fetch the instguide corpus: the Debian 12 "bookworm" Installation Guide for 64-bit PC
# (amd64) in English as an IT team would index it for the colleagues who install and
# reinstall machines, from Debian bookworm's installation-guide-amd64 20230508+deb12u1:
# - install.en.pdf: the guide as shipped (usr/share/doc/installation-guide-amd64/en/
#   install.en.pdf.gz, decompressed; DocBook + dblatex: system requirements, obtaining the
#   media, booting the installer (BIOS, UEFI, Secure Boot, USB, PXE), boot parameters, the
#   installer's components (partitioning, RAID, LVM, encryption, users, mirrors, tasksel,
#   GRUB), booting the new system, next steps, and the appendices: partitioning, automating
#   the installation with preseeding, random bits, administrivia and the GPL);
# - example-preseed.txt: the example preconfiguration file the guide's appendix refers to
#   (usr/share/doc/installation-guide-amd64/example-preseed.txt.gz, decompressed).
# The multi-page HTML and plain-text copies of the same guide, the other 18 languages, the
# changelog and the copyright file are left out. The documents are not committed (documents
# written by others, GPL-2), so this script gets the exact .deb (about 18 MB, kept in
# build/corpora/instguide/) from the Debian archive with apt-get (no root needed), checks its
# sha256, extracts it with dpkg-deb and decompresses the two files into
# build/corpora/instguide/ (git-ignored). Idempotent: does nothing when both are there.
# Usage: sh bench/answers/instguide/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/instguide"
# package=version sha256 of its .deb, as observed on 2026-12-06
DEBS="installation-guide-amd64=20230508+deb12u1 812c43e1dc906daf671e3efe953dc023205c238e5bd5a3021ce4ca142793573a"
D=usr/share/doc/installation-guide-amd64
# path in the package -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$D/en/install.en.pdf.gz install.en.pdf
$D/example-preseed.txt.gz example-preseed.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files instguide "$DEST" "$DEBS" "$FILES"
