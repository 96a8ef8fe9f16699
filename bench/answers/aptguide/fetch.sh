#!/bin/sh
# Fetch the aptguide corpus: an IT team's package-management handbook made of the APT
# documentation that Debian ships in the bookworm package apt-doc 2.6.2: the APT User's
# Guide (4 HTML chapters), Using APT Offline (3 HTML chapters), APT's NEWS.Debian (the
# behaviour changes announced to administrators, release by release) and the six
# developer notes under /usr/share/doc/apt (Markdown: progress reporting, DNS SRV records,
# JSON hooks, acquiring additional files, the external solver (EDSP) and planner (EIPP)
# protocols). apt-doc ships no PDF. The documents are not committed (written by others,
# GPL-2+), so this script gets the exact .deb from the Debian archive with apt-get, checks
# its sha256, extracts it with dpkg-deb (fetch-debs.sh) and copies the chosen files into
# build/corpora/aptguide/ under flat, unique names: the guides' chapters get a "guide-" or
# "offline-" prefix (both manuals name their pages ch1.html ...), gzip-compressed files are
# decompressed and NEWS.Debian becomes NEWS.Debian.txt. Idempotent: does nothing when every
# file is already there.
# Usage: sh bench/answers/aptguide/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/aptguide"
# package=version sha256 of its .deb, as observed on 2026-12-04
DEBS="apt-doc=2.6.2 7588436ff4bd6812cf1cea65de4fe64bf98d84c6b022714f8453e8a6e89079d9"
D=usr/share/doc
# path in the package -> name in DEST (a .gz path is decompressed); keep in step with
# corpus.txt
FILES="$D/apt-doc/guide.html/ch1.html guide-ch1.html
$D/apt-doc/guide.html/ch2.html guide-ch2.html
$D/apt-doc/guide.html/ch3.html guide-ch3.html
$D/apt-doc/guide.html/ch4.html guide-ch4.html
$D/apt-doc/offline.html/ch1.html offline-ch1.html
$D/apt-doc/offline.html/ch2.html offline-ch2.html
$D/apt-doc/offline.html/ch3.html offline-ch3.html
$D/apt-doc/NEWS.Debian.gz NEWS.Debian.txt
$D/apt/progress-reporting.md progress-reporting.md
$D/apt/srv-records-support.md srv-records-support.md
$D/apt/json-hooks-protocol.md.gz json-hooks-protocol.md
$D/apt/acquire-additional-files.md.gz acquire-additional-files.md
$D/apt/external-dependency-solver-protocol.md.gz external-dependency-solver-protocol.md
$D/apt/external-installation-planner-protocol.md.gz external-installation-planner-protocol.md"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files aptguide "$DEST" "$DEBS" "$FILES"
