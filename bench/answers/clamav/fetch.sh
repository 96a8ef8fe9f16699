#!/bin/sh
# Fetch the clamav corpus: ClamAV 1.4.6's documentation as a small organisation's IT person
# indexes it for the colleagues who run the mail gateway and the file-server scanning, from
# Debian bookworm's clamav-base 1.4.6+dfsg-0+deb12u1 (all) and clamav-daemon, clamav-freshclam
# and clamav-milter 1.4.6+dfsg-0+deb12u1 (amd64), copied flat under names that say whose they
# are (plain text and configuration files end in .txt, which the loaders take; a .gz is
# decompressed):
# - clamav-NEWS-1.0-1.4.md: upstream's NEWS.md (clamav-base's NEWS.md.gz; clamav-freshclam
#   and clamav-milter ship the same file), about 6,200 lines, every release back to 0.90,
#   cut to its first part, the 1.4.6 back to 1.0.0 releases (2022 to 2026, about 1,440
#   lines: from the top of the file to the line before "## 0.105.2"), what a reader of the
#   1.4 package in 2026 needs; the cut fails unless that line is in the file exactly once;
# - clamav-README.md (README.md.gz): upstream's README (documentation, installing, licences);
# - clamav-README.Debian.txt (clamav-base's README.Debian.gz; clamav-milter ships the same
#   file): Debian's notes (its changed defaults, debconf and ucf, running as a user, MTA
#   integration with sendmail, Exim4, amavis and Postfix, the event script directories,
#   freshclam, clamav-milter with sendmail, AppArmor);
# - clamav-example-clamd.conf.sample.txt, clamav-example-freshclam.conf.sample.txt and
#   clamav-example-clamav-milter.conf.sample.txt (examples/*.conf.sample of clamav-daemon,
#   clamav-freshclam and clamav-milter): upstream's long commented configurations, each
#   option with its default;
# - clamav-freshclam-mirror-list.txt (clamav-freshclam's mirror-list.gz): the old per-country
#   db.XY.clamav.net mirror names;
# - clamav-systemd-<unit>.txt (/lib/systemd/system/): the units clamav-daemon.service and
#   clamav-clamonacc.service (clamav-daemon), clamav-freshclam.service,
#   clamav-freshclam-once.service and clamav-freshclam-once.timer (clamav-freshclam), short
#   and with comments;
# - clamav-etc-mail-m4-clamav-milter.m4.txt (clamav-milter's /etc/mail/m4/clamav-milter.m4):
#   the commented sendmail snippet README.Debian points to.
# Left out: the copyright files and changelog.Debian (as the brief asks); changelog.gz (a
# pointer to NEWS); the rest of NEWS (0.105.2 and before); the roff manual pages (a format
# pocketrag does not read); the init scripts, AppArmor profiles, logcheck rules, the ifupdown
# and ppp hooks, lintian overrides, reportbug and apport scripts. The /etc/clamav/*.conf files
# are written by the packages' maintainer scripts (debconf), not shipped, and no logrotate
# file is shipped either. clamav (the clamscan package) ships, besides binaries and roff
# manual pages, only examples/clampipe (a short Perl filter for procmail: code) and the same
# changelog and copyright, and clamav-docs (same version) ships only the changelog and
# copyright, so neither is fetched.
# The documents are not committed (documents written by others, GPL-2), so this script gets
# the exact .debs (about 0.7 MB together, kept in build/corpora/clamav/) from the Debian
# archive with apt-get (no root needed), checks each sha256, extracts them with dpkg-deb and
# copies the files into build/corpora/clamav/ (git-ignored). clamav-daemon, clamav-freshclam
# and clamav-milter are architecture-specific: their sha256 are the amd64 ones, so on another
# architecture amd64 must be added to dpkg first.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/clamav/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/clamav"
# package[:architecture]=version sha256 of its .deb, as observed on 2026-12-07
DEBS="clamav-base=1.4.6+dfsg-0+deb12u1 4eedd7ebd770a69ebff4c6bf033d9cf46b5b81c1cc0c2594fa6e856913e47815
clamav-daemon:amd64=1.4.6+dfsg-0+deb12u1 23dfa3000a5987347a5011c6874bbe5cabae254fb7c9228eb28b680cbbe79ab5
clamav-freshclam:amd64=1.4.6+dfsg-0+deb12u1 f31fa7d57ed3c23c7c2d86295f58268d9a4df8566466178dfa3640fc16b3b808
clamav-milter:amd64=1.4.6+dfsg-0+deb12u1 8b63cedf1494a89a089d73e6a23f29eb445253567397c41b4a83909a21b116be"
B=usr/share/doc/clamav-base
F=usr/share/doc/clamav-freshclam
U=lib/systemd/system
# path in the packages -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$B/README.md.gz clamav-README.md
$B/README.Debian.gz clamav-README.Debian.txt
usr/share/doc/clamav-daemon/examples/clamd.conf.sample clamav-example-clamd.conf.sample.txt
$F/examples/freshclam.conf.sample clamav-example-freshclam.conf.sample.txt
usr/share/doc/clamav-milter/examples/clamav-milter.conf.sample clamav-example-clamav-milter.conf.sample.txt
$F/mirror-list.gz clamav-freshclam-mirror-list.txt
$U/clamav-daemon.service clamav-systemd-clamav-daemon.service.txt
$U/clamav-clamonacc.service clamav-systemd-clamav-clamonacc.service.txt
$U/clamav-freshclam.service clamav-systemd-clamav-freshclam.service.txt
$U/clamav-freshclam-once.service clamav-systemd-clamav-freshclam-once.service.txt
$U/clamav-freshclam-once.timer clamav-systemd-clamav-freshclam-once.timer.txt
etc/mail/m4/clamav-milter.m4 clamav-etc-mail-m4-clamav-milter.m4.txt"
# NEWS is cut: from its top to the line before this one (exactly once in the file)
NEWS=clamav-NEWS-1.0-1.4.md
CUT_BEFORE="## 0.105.2"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_cut clamav "$DEST" "$DEBS" "$B/NEWS.md.gz" "$NEWS" "$CUT_BEFORE"
fetch_files clamav "$DEST" "$DEBS" "$FILES"
