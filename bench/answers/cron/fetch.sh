#!/bin/sh
# Fetch the cron corpus: the documentation of cron, anacron and logrotate as a small
# organisation's IT person indexes it for the colleagues who look after the Linux servers'
# scheduled jobs and log rotation, from Debian bookworm's cron and cron-daemon-common
# 3.0pl1-162, anacron 2.3-36 and logrotate 3.21.0-1, copied flat under names that say whose
# they are (plain text and configuration files end in .txt, which the loaders take; a .gz is
# decompressed):
# - cron-README.Debian.txt, cron-NEWS.Debian.txt (whole: five entries, 2003-2019) and
#   cron-README.anacron.txt (cron's notes on how /etc/crontab leaves the daily, weekly and
#   monthly jobs to anacron); upstream's cron-README.txt (Vixie Cron 3.0's README of 1993,
#   with the Debian maintainer's note) and cron-FEATURES.txt (what Vixie cron adds to the
#   BSD and SysV crons);
# - cron-etc-crontab.txt (cron-daemon-common's /etc/crontab: the system crontab that runs
#   /etc/cron.hourly, daily, weekly and monthly);
# - anacron-README.txt (anacron's README.gz: what it is, setup, an example anacrontab),
#   anacron-README.Debian.txt and anacron-NEWS.Debian.txt (one entry, 2023);
#   anacron-etc-anacrontab.txt, anacron-etc-cron.d-anacron.txt (the hourly cron job that
#   starts anacron where systemd does not) and anacron-etc-cron.daily-0anacron.txt;
# - logrotate-etc-logrotate.conf.txt, logrotate-etc-logrotate.d-btmp.txt,
#   logrotate-etc-logrotate.d-wtmp.txt, logrotate-etc-cron.daily-logrotate.txt and
#   logrotate-NEWS.Debian.txt (one entry, 2011);
# - six manual pages rendered to HTML by mandoc 1.14.6-1+b1 (bookworm, amd64; fetched and
#   checked like the others and run from where it is extracted, so it need not be
#   installed): cron-man-crontab.1.html, cron-man-crontab.5.html and cron-man-cron.8.html
#   (cron), anacron-man-anacron.8.html and anacron-man-anacrontab.5.html (anacron) and
#   logrotate-man-logrotate.8.html (logrotate; logrotate.conf(5) is a link to it).
# Left out: the copyright files and the changelogs (as the brief asks); cron's TODO.Debian
# and THANKS and anacron's TODO (the maintainers' own lists); cron's example scripts
# (cron-stats.pl, cron-tasks-review.sh, crontab2english.pl: code); /etc/cron.weekly/0anacron
# and /etc/cron.monthly/0anacron (the daily one but for one word); the empty .placeholder
# files; /etc/default/cron and /etc/default/anacron, /etc/pam.d/cron, the init scripts, the
# systemd units and timers, the reportbug scripts and the lintian overrides.
# The documents are not committed (documents written by others, GPL-2 and the Vixie cron and
# anacron licences), so this script gets the exact .debs (about 560 KB together, kept in
# build/corpora/cron/) from the Debian archive with apt-get (no root needed), checks each
# sha256, extracts them with dpkg-deb, renders the manual pages with the extracted mandoc
# and copies the files into build/corpora/cron/ (git-ignored). cron, anacron, logrotate and
# mandoc are architecture-specific: their sha256 are the amd64 ones, so on another
# architecture amd64 must be added to dpkg first (mandoc then runs only where amd64 binaries
# run).
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/cron/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/cron"
# package[:architecture]=version sha256 of its .deb, as observed on 2026-12-08
DEBS="cron:amd64=3.0pl1-162 c1e12d9c993460e6396107668aa7ba79f8633decebb53aa6c38049584448be3f
cron-daemon-common=3.0pl1-162 0976761a354ce802a2cc6ac02d7585d93ad5fda231c27572d8529a6a62272c7f
anacron:amd64=2.3-36 8832369f9cc043e7577f0a8b18f0d90c1d3977802c174a4cb6f0f51d1cce345b
logrotate:amd64=3.21.0-1 4e6acd31f55af85b2f12bd61a636c84e19fc1d0f419540b71bbe8aba6985aa32
mandoc:amd64=1.14.6-1+b1 af62386fcb99fbfe8813992d5623f5500339d8decee2c72994522366e078c01b"
C=usr/share/doc/cron
A=usr/share/doc/anacron
# path in the packages -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$C/README.Debian cron-README.Debian.txt
$C/NEWS.Debian.gz cron-NEWS.Debian.txt
$C/README.anacron cron-README.anacron.txt
$C/README cron-README.txt
$C/FEATURES cron-FEATURES.txt
etc/crontab cron-etc-crontab.txt
$A/README.gz anacron-README.txt
$A/README.Debian anacron-README.Debian.txt
$A/NEWS.Debian.gz anacron-NEWS.Debian.txt
etc/anacrontab anacron-etc-anacrontab.txt
etc/cron.d/anacron anacron-etc-cron.d-anacron.txt
etc/cron.daily/0anacron anacron-etc-cron.daily-0anacron.txt
etc/logrotate.conf logrotate-etc-logrotate.conf.txt
etc/logrotate.d/btmp logrotate-etc-logrotate.d-btmp.txt
etc/logrotate.d/wtmp logrotate-etc-logrotate.d-wtmp.txt
etc/cron.daily/logrotate logrotate-etc-cron.daily-logrotate.txt
usr/share/doc/logrotate/NEWS.Debian.gz logrotate-NEWS.Debian.txt"
# manual pages (under usr/share/man/, gzipped roff) rendered to OWNER-man-PAGE.html
PAGES="cron:man1/crontab.1 cron:man5/crontab.5 cron:man8/cron.8 anacron:man8/anacron.8
anacron:man5/anacrontab.5 logrotate:man8/logrotate.8"

. "$REPO/bench/answers/fetch-debs.sh"
render_man_pages cron "$DEST" "$DEBS" "$PAGES"
fetch_files cron "$DEST" "$DEBS" "$FILES"
