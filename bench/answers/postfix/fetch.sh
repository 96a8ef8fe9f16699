#!/bin/sh
# Fetch the postfix corpus: the Postfix mail server's own documentation as a small
# organisation's IT team would index its "how we run our mail server" handbook, from Debian
# bookworm's postfix-doc 3.7.11-0+deb12u1, which ships the READMEs as HTML under
# /usr/share/doc/postfix/html/: basic and standard configuration, the small-office/home-office
# hints, SMTP access restrictions, qshape, debugging, performance tuning, stress-adaptive
# behaviour, backscatter, local recipient rejection, maildrop queue, DSN, ETRN, XCLIENT,
# compatibility (old vs new defaults), address classes, content inspection and logging to
# file or stdout.
# They are not committed (documents written by others, IBM Public License / EPL 2.0), so this
# script gets the exact .deb from the Debian archive with apt-get (no root needed), checks its
# sha256 and extracts it with dpkg-deb (fetch-debs.sh's fetch_pages), then copies the chosen
# pages (their own names, all unique) into build/corpora/postfix/. Fails saying what went
# wrong (no apt-get or dpkg-deb, no mirror reachable, a hash mismatch, a page missing from the
# package); does nothing when every file is there.
# Usage: sh bench/answers/postfix/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/postfix"
# package=version sha256 of its .deb, as observed on 2026-12-05 (bookworm)
DEBS="postfix-doc=3.7.11-0+deb12u1 6b07bcc68991703acf747dc2500355bdd02aef0a048419b939752c39faf47d8d"
H=usr/share/doc/postfix/html
# keep in step with corpus.txt
PAGES="
$H/BASIC_CONFIGURATION_README.html
$H/STANDARD_CONFIGURATION_README.html
$H/SOHO_README.html
$H/SMTPD_ACCESS_README.html
$H/QSHAPE_README.html
$H/DEBUG_README.html
$H/TUNING_README.html
$H/STRESS_README.html
$H/BACKSCATTER_README.html
$H/LOCAL_RECIPIENT_README.html
$H/MAILDROP_README.html
$H/DSN_README.html
$H/ETRN_README.html
$H/XCLIENT_README.html
$H/COMPATIBILITY_README.html
$H/ADDRESS_CLASS_README.html
$H/CONTENT_INSPECTION_README.html
$H/MAILLOG_README.html
"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_pages postfix "$DEST" "$DEBS" "$PAGES"
