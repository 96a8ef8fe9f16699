#!/bin/sh
# Fetch the rsync corpus: the office's backup tools' documentation as a small organisation's
# IT person indexes it for the colleagues who look after the nightly backups, from Debian
# bookworm's rsync 3.5.0+ds1-0+deb12u1 (amd64, bookworm-security; the documents are under
# /usr/share/doc/rsync/, Debian's own files under /etc and /lib/systemd) and rsnapshot 1.4.5-1
# (all; under /usr/share/doc/rsnapshot/ and /etc), copied flat under names that say whose they
# are (plain text and configuration files end in .txt, which the loaders take; a .gz is
# decompressed):
# - rsync-NEWS-3.2-3.5.md: upstream's NEWS.md (NEWS.md.gz, about 5,800 lines, every release
#   back to 2.5.0 in 2001) cut to its first part, the 3.5.0 back to 3.2.0 releases (2020 to
#   2026, about 1,960 lines: from the top of the file to the line before
#   "# NEWS for rsync 3.1.3 (28 Jan 2018)"), what a reader on this package in 2026 needs;
#   the cut fails unless that line is in the file exactly once;
# - rsync-README.Debian.txt and rsync-NEWS.Debian.txt (NEWS.Debian.gz): Debian's notes
#   (the daemon under init.d and systemd; the 3.5.0 security update's behaviour changes,
#   renamed options, the scripts' new place);
# - rsync-example-rsyncd.conf.txt (examples/rsyncd.conf): the sample daemon configuration;
# - rsync-debian-default.txt (/etc/default/rsync) and rsync-debian-rsync.service.txt
#   (/lib/systemd/system/rsync.service): how Debian starts the daemon, both with comments;
# - rsnapshot-README.md (README.md.gz), rsnapshot-README.Debian.txt,
#   rsnapshot-NEWS.Debian.txt (NEWS.Debian.gz) and rsnapshot-Upgrading_from_1.1.txt
#   (Upgrading_from_1.1.gz): upstream's and Debian's notes;
# - rsnapshot-HOWTO.en.html (html/rsnapshot-HOWTO.en.html): upstream's HOWTO, the one
#   rendering of its manual the package ships (the man pages are roff);
# - rsnapshot-changelog.txt (changelog.gz): upstream's changelog, whole (540 lines, 1.4.5
#   back to 0.9.2);
# - rsnapshot-etc-rsnapshot.conf.txt (/etc/rsnapshot.conf): the long commented configuration
#   (examples/rsnapshot.conf.default is the same file, byte for byte);
# - rsnapshot-etc-cron.d.txt (/etc/cron.d/rsnapshot): the sample cron file, commented;
# - rsnapshot-example-anacron-default.txt (examples/anacron/rsnapshot, meant for
#   /etc/default/rsnapshot) and the anacron jobs examples/anacron/{daily,weekly,monthly}/
#   rsnapshot as rsnapshot-example-anacron-{daily,weekly,monthly}.txt: short scripts whose
#   comments say how long each waits for the backup disk.
# Left out: both changelog.Debian files and the copyright files (as the brief asks); the roff
# manual pages (a format pocketrag does not read; the rsync package ships no HTML or Markdown
# rendering of rsync(1) or rsyncd.conf(5)); the rest of rsync's NEWS (3.1.3 and before);
# rsync's init script, logrotate example, lintian overrides and helper scripts under
# /usr/share/rsync/scripts; rsnapshot's examples/rsnapshot.conf.default (the configuration
# again), the hourly anacron job (no comment beyond a pointer to ionice(1)), run-rsnapshot,
# rename_retains.sh and the utils/ scripts (code), the logrotate fragment and the doc-base
# entry.
# The documents are not committed (documents written by others, GPL), so this script gets the
# exact .debs (about 0.6 MB together, kept in build/corpora/rsync/) from the Debian archive with
# apt-get (no root needed), checks each sha256, extracts them with dpkg-deb and copies the files
# into build/corpora/rsync/ (git-ignored). rsync is architecture-specific: its sha256 is the
# amd64 one, so on another architecture amd64 must be added to dpkg first.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/rsync/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/rsync"
# package[:architecture]=version sha256 of its .deb, as observed on 2026-12-07
DEBS="rsync:amd64=3.5.0+ds1-0+deb12u1 26ea59ef1c3d05595e9637002ace6f4e00181638b438ecad0f1cf1659ebb67ed
rsnapshot=1.4.5-1 2913d1b96ce474abc512dd3792a73405a65d0389d23b5d80208fb0a420e38394"
R=usr/share/doc/rsync
S=usr/share/doc/rsnapshot
# path in the packages -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$R/README.Debian rsync-README.Debian.txt
$R/NEWS.Debian.gz rsync-NEWS.Debian.txt
$R/examples/rsyncd.conf rsync-example-rsyncd.conf.txt
etc/default/rsync rsync-debian-default.txt
lib/systemd/system/rsync.service rsync-debian-rsync.service.txt
$S/README.md.gz rsnapshot-README.md
$S/README.Debian rsnapshot-README.Debian.txt
$S/NEWS.Debian.gz rsnapshot-NEWS.Debian.txt
$S/Upgrading_from_1.1.gz rsnapshot-Upgrading_from_1.1.txt
$S/html/rsnapshot-HOWTO.en.html rsnapshot-HOWTO.en.html
$S/changelog.gz rsnapshot-changelog.txt
etc/rsnapshot.conf rsnapshot-etc-rsnapshot.conf.txt
etc/cron.d/rsnapshot rsnapshot-etc-cron.d.txt
$S/examples/anacron/rsnapshot rsnapshot-example-anacron-default.txt
$S/examples/anacron/daily/rsnapshot rsnapshot-example-anacron-daily.txt
$S/examples/anacron/weekly/rsnapshot rsnapshot-example-anacron-weekly.txt
$S/examples/anacron/monthly/rsnapshot rsnapshot-example-anacron-monthly.txt"
# rsync's NEWS is cut: from its top to the line before this one (exactly once in the file)
NEWS=rsync-NEWS-3.2-3.5.md
CUT_BEFORE="# NEWS for rsync 3.1.3 (28 Jan 2018)"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_cut rsync "$DEST" "$DEBS" "$R/NEWS.md.gz" "$NEWS" "$CUT_BEFORE"
fetch_files rsync "$DEST" "$DEBS" "$FILES"
