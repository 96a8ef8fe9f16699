#!/bin/sh
# Fetch the pydocs corpus: Python's own documentation as a software team would index its
# "Python at our company" developer handbook, from Debian bookworm's python3.11-doc
# 3.11.2-6+deb12u9, which ships the Sphinx HTML documentation under
# /usr/share/doc/python3.11/html/: the FAQ pages (general, programming, design, library,
# Windows), the HOWTOs (logging, regular expressions, sorting, Unicode, argparse, urllib,
# ipaddress, annotations, porting to Python 3), the using/ pages (command line and
# environment, Unix), installing and distributing Python modules, and the tutorial's
# virtual environments and errors chapters. The library reference is left out, and so are
# pages over ~300 KB (whatsnew/3.11.html, howto/logging-cookbook.html).
# They are not committed (documents written by others, PSF licence), so this script gets the
# exact .deb from the Debian archive with apt-get (no root needed), checks its sha256 and
# extracts it with dpkg-deb (fetch-debs.sh's fetch_files), then copies the chosen pages into
# build/corpora/pydocs/ under flat, unique names: the folder in front of the page's name
# (faq/programming.html becomes faq-programming.html, using/cmdline.html using-cmdline.html,
# installing/index.html installing-index.html). Fails saying what went wrong (no apt-get or
# dpkg-deb, no mirror reachable, a hash mismatch, a page missing from the package); does
# nothing when every file is there.
# Usage: sh bench/answers/pydocs/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/pydocs"
# package=version sha256 of its .deb, as observed on 2026-12-05 (bookworm)
DEBS="python3.11-doc=3.11.2-6+deb12u9 5b3594189d6ef9a6963ce0347fd307a1cc67620ad697e144db366070e2e146be"
H=usr/share/doc/python3.11/html
# path in the package -> name in DEST; keep in step with corpus.txt
FILES="$H/faq/general.html faq-general.html
$H/faq/programming.html faq-programming.html
$H/faq/design.html faq-design.html
$H/faq/library.html faq-library.html
$H/faq/windows.html faq-windows.html
$H/howto/logging.html howto-logging.html
$H/howto/regex.html howto-regex.html
$H/howto/sorting.html howto-sorting.html
$H/howto/unicode.html howto-unicode.html
$H/howto/argparse.html howto-argparse.html
$H/howto/urllib2.html howto-urllib2.html
$H/howto/ipaddress.html howto-ipaddress.html
$H/howto/annotations.html howto-annotations.html
$H/howto/pyporting.html howto-pyporting.html
$H/using/cmdline.html using-cmdline.html
$H/using/unix.html using-unix.html
$H/installing/index.html installing-index.html
$H/distributing/index.html distributing-index.html
$H/tutorial/venv.html tutorial-venv.html
$H/tutorial/errors.html tutorial-errors.html"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files pydocs "$DEST" "$DEBS" "$FILES"
