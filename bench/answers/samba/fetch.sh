#!/bin/sh
# Fetch the samba corpus: Samba 4.17's documentation as a small organisation's IT person
# indexes it for the colleagues who run the office file server (shared folders, home
# directories, a printer share, perhaps joining an Active Directory domain), from Debian
# bookworm's samba, samba-common and samba-common-bin 2:4.17.12+dfsg-0+deb12u4, copied flat
# under names that say whose they are (plain text and configuration files end in .txt, which
# the loaders take; a .gz is decompressed):
# - samba-README.Debian.txt (samba's README.Debian): Debian's short notes on NTP and Bind9
#   integration for an AD domain controller;
# - samba-NEWS.Debian.txt (samba's NEWS.Debian.gz): Debian's upgrade notes, whole (about 180
#   lines, 4.6.5 back to 3.0.26a: the removed samba service, 4.4's stricter defaults, SWAT,
#   the passdb backend, weak authentication, CUPS printing);
# - samba-README.md (samba-common's README.md.gz): upstream's README;
# - samba-WHATSNEW-4.17.txt (samba-common's WHATSNEW.txt.gz): upstream's release notes,
#   whole (about 1,290 lines: 4.17.12 back to 4.17.0, the 4.17 series only);
# - samba-smb.conf.txt (samba-common's /usr/share/samba/smb.conf, which its maintainer
#   script installs as /etc/samba/smb.conf) and samba-smb.conf.default.txt (samba-common's
#   examples/smb.conf.default, upstream's sample): both long and commented;
# - samba-systemd-smbd.service.txt, samba-systemd-nmbd.service.txt and
#   samba-systemd-samba-ad-dc.service.txt (/lib/systemd/system/), short, without comments;
# - samba-etc-logrotate.d-samba.txt and samba-etc-cron.daily-samba.txt (the log rotation
#   and the daily backup of the smbpasswd file);
# - seven manual pages rendered to HTML by mandoc 1.14.6-1+b1 (bookworm, amd64; fetched and
#   checked like the others and run from where it is extracted, so it need not be
#   installed): samba-man-smb.conf.5.html (whole: every parameter), samba-man-smbd.8.html,
#   samba-man-smbpasswd.8.html and samba-man-smbstatus.1.html (samba) and
#   samba-man-testparm.1.html, samba-man-pdbedit.8.html and samba-man-net.8.html
#   (samba-common-bin).
# Left out: the copyright files and changelog.Debian (as the brief asks); TODO.Debian (the
# packagers' own to-do list); the LDAP schemas, logon scripts and printing examples under
# examples/ (schemas and code); the other manual pages (nmbd, samba, samba-tool, smbcontrol,
# sharesec, nmblookup, lmhosts, smbpasswd(5), samba(7), ...); the init scripts, the dhclient
# hook, /etc/pam.d/samba (three @include lines), the ufw profile, apport and reportbug
# hooks, lintian overrides and the helper scripts under /usr/share/samba/. No
# /etc/default/samba is shipped (the units read it only if it is there).
# The documents are not committed (documents written by others, GPL-3), so this script gets
# the exact .debs (about 2.6 MB together, kept in build/corpora/samba/) from the Debian
# archive with apt-get (no root needed), checks each sha256, extracts them with dpkg-deb,
# renders the manual pages with the extracted mandoc and copies the files into
# build/corpora/samba/ (git-ignored). samba, samba-common-bin and mandoc are
# architecture-specific: their sha256 are the amd64 ones, so on another architecture amd64
# must be added to dpkg first (mandoc then runs only where amd64 binaries run).
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/samba/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/samba"
# package[:architecture]=version sha256 of its .deb, as observed on 2026-12-07
DEBS="samba:amd64=2:4.17.12+dfsg-0+deb12u4 33c273c420513f345b25b464427301dee360c5672591c5b41c277e0746c5b747
samba-common=2:4.17.12+dfsg-0+deb12u4 4c0c1a540b0bc8b69af47c7e98d5a6788d624d36b75ae8e98ae1bbc79131128b
samba-common-bin:amd64=2:4.17.12+dfsg-0+deb12u4 f918c6221fd51f5390c6cdf3f9c28aa75ae00f5abb2f30c3e73d5f94ef1b0a67
mandoc:amd64=1.14.6-1+b1 af62386fcb99fbfe8813992d5623f5500339d8decee2c72994522366e078c01b"
S=usr/share/doc/samba
C=usr/share/doc/samba-common
U=lib/systemd/system
# path in the packages -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$S/README.Debian samba-README.Debian.txt
$S/NEWS.Debian.gz samba-NEWS.Debian.txt
$C/README.md.gz samba-README.md
$C/WHATSNEW.txt.gz samba-WHATSNEW-4.17.txt
usr/share/samba/smb.conf samba-smb.conf.txt
$C/examples/smb.conf.default samba-smb.conf.default.txt
$U/smbd.service samba-systemd-smbd.service.txt
$U/nmbd.service samba-systemd-nmbd.service.txt
$U/samba-ad-dc.service samba-systemd-samba-ad-dc.service.txt
etc/logrotate.d/samba samba-etc-logrotate.d-samba.txt
etc/cron.daily/samba samba-etc-cron.daily-samba.txt"
# manual pages (under usr/share/man/, gzipped roff) rendered to samba-man-PAGE.html
PAGES="man5/smb.conf.5 man8/smbd.8 man8/smbpasswd.8 man1/smbstatus.1 man1/testparm.1
man8/pdbedit.8 man8/net.8"

. "$REPO/bench/answers/fetch-debs.sh"
missing=
for page in $PAGES; do
  [ -s "$DEST/samba-man-${page#*/}.html" ] || missing=yes
done
if [ -n "$missing" ]; then
  unpack_debs samba "$DEST" "$DEBS"
  for page in $PAGES; do
    out="samba-man-${page#*/}.html"
    render_man samba "$DEST" "$page" "$out"
  done
  rm -rf "$tmp"
  trap - EXIT
fi
fetch_files samba "$DEST" "$DEBS" "$FILES"
