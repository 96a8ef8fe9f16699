#!/bin/sh
# Fetch the ntpsec corpus: the NTPsec 1.2.2 documentation as a small company's IT person
# indexes it for the colleagues who run the office's time servers, from Debian bookworm's
# ntpsec-doc 1.2.2+dfsg1-1+deb12u1 (all), copied flat under names that say whose they are
# (usr/share/doc/ntpsec-doc/html/quick.html becomes ntpsec-quick.html):
# - 25 asciidoc HTML pages an admin reads: the quick start (ntpsec-quick.html), the NTS quick
#   start, the differences from NTP Classic (ntpsec-ntpsec.html); the configuration option
#   pages (server and pool options, access control, authentication, monitoring and
#   statistics files, miscellaneous, reference clock options: confopt, accopt, authopt,
#   monopt, miscopt, clockopt; ntp_conf.html, the man page merging them, is left out so the
#   corpus does not hold the same text twice); the concept pages on access control,
#   authentication, keys, leap seconds, leap smearing, orphan mode, rate management and
#   reference clocks; four drivers (SHM, gpsd JSON, NMEA, PPS); and the ntpd, ntpq, ntpdig
#   and ntpkeygen manual pages;
# - ntpsec-NEWS.Debian.txt: Debian's notes (NEWS.Debian.gz, decompressed).
# The other pages, the 404 page, the copyright page, the sitemap, css/js, icons and pictures,
# the changelog and the copyright file are left out. The documents are not committed
# (documents written by others, NTP and BSD-style licences), so this script gets the exact
# .deb (about 1.3 MB, kept in build/corpora/ntpsec/) from the Debian archive with apt-get (no
# root needed), checks its sha256, extracts it with dpkg-deb and copies the files into
# build/corpora/ntpsec/ (git-ignored).
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/ntpsec/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/ntpsec"
# package=version sha256 of its .deb, as observed on 2026-12-06
DEBS="ntpsec-doc=1.2.2+dfsg1-1+deb12u1 f0622777a42e9029e5cb991df7cd16d360bfb030c175d6807dce3f9ac29fb880"
D=usr/share/doc/ntpsec-doc
# path in the package -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$D/html/quick.html ntpsec-quick.html
$D/html/NTS-QuickStart.html ntpsec-NTS-QuickStart.html
$D/html/ntpsec.html ntpsec-ntpsec.html
$D/html/confopt.html ntpsec-confopt.html
$D/html/accopt.html ntpsec-accopt.html
$D/html/authopt.html ntpsec-authopt.html
$D/html/monopt.html ntpsec-monopt.html
$D/html/miscopt.html ntpsec-miscopt.html
$D/html/clockopt.html ntpsec-clockopt.html
$D/html/access.html ntpsec-access.html
$D/html/authentic.html ntpsec-authentic.html
$D/html/ntp_keys.html ntpsec-ntp_keys.html
$D/html/leap.html ntpsec-leap.html
$D/html/leapsmear.html ntpsec-leapsmear.html
$D/html/orphan.html ntpsec-orphan.html
$D/html/rate.html ntpsec-rate.html
$D/html/refclock.html ntpsec-refclock.html
$D/html/driver_shm.html ntpsec-driver_shm.html
$D/html/driver_gpsd.html ntpsec-driver_gpsd.html
$D/html/driver_nmea.html ntpsec-driver_nmea.html
$D/html/driver_pps.html ntpsec-driver_pps.html
$D/html/ntpd.html ntpsec-ntpd.html
$D/html/ntpq.html ntpsec-ntpq.html
$D/html/ntpdig.html ntpsec-ntpdig.html
$D/html/ntpkeygen.html ntpsec-ntpkeygen.html
$D/NEWS.Debian.gz ntpsec-NEWS.Debian.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files ntpsec "$DEST" "$DEBS" "$FILES"
