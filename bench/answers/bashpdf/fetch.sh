#!/bin/sh
# Fetch the bashpdf corpus: the two typeset PDF manuals of GNU Bash 5.2 from two different
# producers, as a hosting company's operations team would index its "shell scripting on our
# servers" handbook: the Bash Reference Manual (bashref.pdf, texinfo + pdfTeX, 196
# pages) and the bash(1) manual page (bash.pdf, groff + Ghostscript, 87 pages), both from
# the bookworm package bash-doc 5.2.15-2 (its other files are HTML versions of the same two
# manuals, the info manual and examples). They are not committed (documents written by
# others, GFDL / GPL-3+), so this script gets the exact .deb from the Debian archive with
# apt-get, checks its sha256, extracts it with dpkg-deb and copies the two PDFs (their own
# names) into build/corpora/bashpdf/, like plotpdf's fetch.sh. Idempotent: does nothing
# when both files are already there.
# Usage: sh bench/answers/bashpdf/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/bashpdf"
# package=version sha256 of its .deb, as observed on 2026-12-05
DEBS="bash-doc=5.2.15-2 2c1a353f7004d14ba81db19c253b958d2dd9582027650739c530fd50376a9d8b"
# "path in the package [name in DEST]" (keep in step with corpus.txt)
FILES="usr/share/doc/bash/bashref.pdf
usr/share/doc/bash/bash.pdf"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files bashpdf "$DEST" "$DEBS" "$FILES"
