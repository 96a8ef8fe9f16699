#!/bin/sh
# Fetch the nut corpus: the Network UPS Tools (NUT) 2.8.0 documentation as a small office's
# IT person would index "the UPS monitoring docs", from Debian bookworm's NUT 2.8.0-7
# packages:
# - user-manual.pdf: the NUT User Manual as shipped (usr/share/doc/nut-doc/pdf/ of nut-doc,
#   about 880 KB, AsciiDoc + dblatex: introduction, features, compatibility and the
#   hardware list, download and installation, configuration (drivers, upsd, upsmon,
#   primary/secondary, shutdown), advanced usage and scheduling (upssched), NUT
#   configuration examples, security and SSL, the status values, variable and instant
#   command tables);
# - FAQ.html: the NUT FAQ as one HTML page (usr/share/doc/nut-doc/html/FAQ.html of nut-doc);
# - nut-upsmon.conf.txt, nut-upsd.conf.txt, nut-upsd.users.txt: the commented sample
#   configuration files as Debian ships them (etc/nut/upsmon.conf of nut-client,
#   etc/nut/upsd.conf and etc/nut/upsd.users of nut-server), renamed so that they are read
#   as text.
# The developer and packager guides, the cables and Solaris USB PDFs, the multi-page HTML,
# the manual pages and the other files of /etc/nut are left out. The documents are not
# committed (documents written by others, GPL-2+), so this script gets the exact .debs from
# the Debian archive with apt-get (no root needed), checks each sha256, extracts them with
# dpkg-deb and copies the five files into build/corpora/nut/ (git-ignored), where the .debs
# are kept too. nut-client and nut-server are architecture-specific: their sha256 are the
# amd64 ones, so on another architecture amd64 must be added to dpkg first.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/nut/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/nut"
# package[:architecture]=version sha256 of its .deb, as observed on 2026-12-06
DEBS="nut-doc=2.8.0-7 d9b7ad56a6635a973a3b92cdb979755d5595264bcd0f5399886351cc9b994542
nut-client:amd64=2.8.0-7 afecbe2106635dd30b3e3c0807168e6a0aef6b374dba47d58825418857148a0a
nut-server:amd64=2.8.0-7 48e1e88db8b2ed5d1369a11ae341d19e04d0d251461943af81f493f62180be22"
# path in the packages -> name in DEST; keep in step with corpus.txt
FILES="usr/share/doc/nut-doc/pdf/user-manual.pdf user-manual.pdf
usr/share/doc/nut-doc/html/FAQ.html FAQ.html
etc/nut/upsmon.conf nut-upsmon.conf.txt
etc/nut/upsd.conf nut-upsd.conf.txt
etc/nut/upsd.users nut-upsd.users.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files nut "$DEST" "$DEBS" "$FILES"
