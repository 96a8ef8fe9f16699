#!/bin/sh
# Fetch the cups corpus: the CUPS 2.4.2 online help (plain HTML pages as cupsd serves them at
# http://localhost:631/help/) as a small office's IT person would index "the printing server
# docs", from Debian bookworm's cups-server-common 2.4.2-3+deb12u11 (usr/share/cups/doc-root/
# help/): the twelve administrator help pages (command-line administration, printer
# accounting, encryption, firewalls, the glossary, Kerberos, network printers, the
# command-line printing and options page, the overview, managing operation policies, server
# security, printer sharing) and the 18 man pages a printer administrator uses (cupsd.conf,
# cups-files.conf, client.conf, cupsd-logs, printers.conf, subscriptions.conf, cups, lp, lpr,
# lpadmin, lpinfo, lpstat, lpoptions, cancel, lprm, cupsenable, cupsaccept, cups-lpd). The
# API, programming manual (cupspm), specification, PPD compiler, raster and PostScript
# driver, translation and licence pages, the CGI page and the other man pages are left out.
# The pages are not committed (documents written by others, Apache-2.0), so this script gets
# the exact .deb (about 400 KB, kept in build/corpora/cups/) from the Debian archive with
# apt-get, checks its sha256, extracts it with dpkg-deb and copies the pages flat into
# build/corpora/cups/ under names that say whose they are (admin.html becomes
# cups-admin.html, man-lpadmin.html cups-man-lpadmin.html). Idempotent: does nothing when
# every file is already there.
# Usage: sh bench/answers/cups/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/cups"
# package=version sha256 of its .deb, as observed on 2026-12-06 (bookworm-security)
SHA=8744aa5a60957bd52f9008ac72f5d0df88a0fdc8ed9bf2d876172e84222d1e04
DEBS="cups-server-common=2.4.2-3+deb12u11 $SHA"
H=usr/share/cups/doc-root/help
# page names in the package; each is copied to DEST as cups-<name> (keep in step with
# corpus.txt)
PAGES="admin.html accounting.html encryption.html firewalls.html glossary.html kerberos.html
network.html options.html overview.html policies.html security.html sharing.html
man-cupsd.conf.html man-cups-files.conf.html man-client.conf.html man-cupsd-logs.html
man-printers.conf.html man-subscriptions.conf.html man-cups.html man-lp.html man-lpr.html
man-lpadmin.html man-lpinfo.html man-lpstat.html man-lpoptions.html man-cancel.html
man-lprm.html man-cupsenable.html man-cupsaccept.html man-cups-lpd.html"

. "$REPO/bench/answers/fetch-debs.sh"
# "path in the package, name in DEST", one a line
fetch_files cups "$DEST" "$DEBS" "$(for page in $PAGES; do echo "$H/$page cups-$page"; done)"
