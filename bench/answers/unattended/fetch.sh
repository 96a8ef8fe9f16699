#!/bin/sh
# Fetch the unattended corpus: the documentation of automatic patching on Debian as a small
# organisation's IT person indexes it for the colleagues who keep the organisation's Debian
# servers patched automatically (unattended-upgrades, apt's daily jobs, apt-listchanges,
# needrestart), from Debian bookworm's unattended-upgrades 2.9.1+nmu3, apt-listchanges 3.24,
# needrestart 3.6-4+deb12u4 (bookworm-security) and apt 2.6.2 (bookworm-security), copied flat
# under names that say whose they are (plain text, configuration files, scripts and units end
# in .txt, which the loaders take; a .gz is decompressed):
# - unattended-upgrades-README.md (upstream's README.md.gz: setup, origins, logging,
#   debugging, manual setup and the supported options with their defaults) and
#   unattended-upgrades-NEWS.Debian.txt (whole: five entries, 2009-2020);
# - unattended-upgrades-50unattended-upgrades.txt and unattended-upgrades-20auto-upgrades.txt
#   (/usr/share/unattended-upgrades/, which the maintainer script installs as
#   /etc/apt/apt.conf.d/50unattended-upgrades and 20auto-upgrades: the commented origins,
#   blacklist and options, and the two APT::Periodic lines that switch it on), and
#   unattended-upgrades-etc-logrotate.d-unattended-upgrades.txt (its logs' rotation);
# - apt-listchanges-README.Debian.txt (how it decides what to show, the status database)
#   and apt-listchanges-NEWS.Debian.txt (three entries, 2016-2017);
# - needrestart-README.md (upstream's overview), needrestart-NEWS.Debian.txt (one entry,
#   2018), upstream's needrestart-NEWS.txt (0.3 to 2.12), and the shipped configuration
#   needrestart-etc-needrestart-needrestart.conf.txt (Perl: restart mode, blacklists, the
#   services never restarted, kernel and microcode hints) and
#   needrestart-etc-needrestart-notify.conf.txt (the user notifications);
# - apt-apt.systemd.daily.txt (/usr/lib/apt/apt.systemd.daily: the script the daily jobs
#   run, whose comments are the documentation of the APT::Periodic options, apt.conf(5)
#   says), and the units apt-systemd-apt-daily.timer.txt,
#   apt-systemd-apt-daily-upgrade.timer.txt and apt-systemd-apt-daily-upgrade.service.txt;
# - six manual pages rendered to HTML by mandoc 1.14.6-1+b1 (bookworm, amd64; fetched and
#   checked like the others and run from where it is extracted, so it need not be
#   installed): unattended-upgrades-man-unattended-upgrade.8.html,
#   apt-listchanges-man-apt-listchanges.1.html, needrestart-man-needrestart.1.html, and
#   apt's apt-man-apt.conf.5.html (whole) and apt-man-apt_preferences.5.html (pinning, which
#   unattended-upgrades' origins work through).
# Left out: the copyright files and the changelogs (as the brief asks); apt-listchanges'
# TODO (the maintainer's list) and its /etc/apt/apt.conf.d/20listchanges (three hook lines;
# no listchanges.conf is shipped: debconf writes it at install, apt-listchanges(1) has an
# example); /usr/share/unattended-upgrades/20auto-upgrades-disabled (the same two lines set
# to 0), the shutdown helper and its service, the logind drop-in, the kernel postinst hook,
# the motd script, the init script and the sleep hooks; needrestart's other READMEs
# (containers, interpreters, batch and nagios modes, Raspberry Pi, microcode), the
# notify.d, restart.d and conf.d scripts and READMEs, hook.d, iucode.sh, the apt and dpkg
# hook lines and the nagios example; apt's README.md (for apt's developers), NEWS.Debian
# (mostly not about the daily jobs), apt-daily.service (apt-daily-upgrade.service but for
# one line), /etc/cron.daily/apt-compat (what runs the script without systemd),
# 01autoremove, the logrotate file, the examples and the other manual pages.
# The documents are not committed (documents written by others, GPL-2 and others), so this
# script gets the exact .debs (about 2 MB together, kept in build/corpora/unattended/) from
# the Debian archive with apt-get (no root needed), checks each sha256, extracts them with
# dpkg-deb, renders the manual pages with the extracted mandoc and copies the files into
# build/corpora/unattended/ (git-ignored). apt and mandoc are architecture-specific: their
# sha256 are the amd64 ones, so on another architecture amd64 must be added to dpkg first
# (mandoc then runs only where amd64 binaries run).
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/unattended/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/unattended"
# package[:architecture]=version sha256 of its .deb, as observed on 2026-12-08
DEBS="unattended-upgrades=2.9.1+nmu3 33c06547ae713f46d5a02b9ca05c75a2807809941cd5beff9e31f71eb4385cd1
apt-listchanges=3.24 3ee48f35c66b16a64d1d20e6a383977c4d4e60123e5d2af9475ea2c0e3eb30ba
needrestart=3.6-4+deb12u4 7a7e622790d9492215aeca63b355d37968b94018b743dec036e8ad6bdfb1a0a8
apt:amd64=2.6.2 796fc7fe18866f5b1fb27a115d7339e549d71b7ddbc15b8d6fc4226c243e96d1
mandoc:amd64=1.14.6-1+b1 af62386fcb99fbfe8813992d5623f5500339d8decee2c72994522366e078c01b"
U=usr/share/doc/unattended-upgrades
L=usr/share/doc/apt-listchanges
N=usr/share/doc/needrestart
S=lib/systemd/system
# path in the packages -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$U/README.md.gz unattended-upgrades-README.md
$U/NEWS.Debian.gz unattended-upgrades-NEWS.Debian.txt
usr/share/unattended-upgrades/50unattended-upgrades unattended-upgrades-50unattended-upgrades.txt
usr/share/unattended-upgrades/20auto-upgrades unattended-upgrades-20auto-upgrades.txt
etc/logrotate.d/unattended-upgrades unattended-upgrades-etc-logrotate.d-unattended-upgrades.txt
$L/README.Debian.gz apt-listchanges-README.Debian.txt
$L/NEWS.Debian.gz apt-listchanges-NEWS.Debian.txt
$N/README.md needrestart-README.md
$N/NEWS.Debian.gz needrestart-NEWS.Debian.txt
$N/NEWS.gz needrestart-NEWS.txt
etc/needrestart/needrestart.conf needrestart-etc-needrestart-needrestart.conf.txt
etc/needrestart/notify.conf needrestart-etc-needrestart-notify.conf.txt
usr/lib/apt/apt.systemd.daily apt-apt.systemd.daily.txt
$S/apt-daily.timer apt-systemd-apt-daily.timer.txt
$S/apt-daily-upgrade.timer apt-systemd-apt-daily-upgrade.timer.txt
$S/apt-daily-upgrade.service apt-systemd-apt-daily-upgrade.service.txt"
# manual pages (under usr/share/man/, gzipped roff) rendered to OWNER-man-PAGE.html
PAGES="unattended-upgrades:man8/unattended-upgrade.8 apt-listchanges:man1/apt-listchanges.1
needrestart:man1/needrestart.1 apt:man5/apt.conf.5 apt:man5/apt_preferences.5"

. "$REPO/bench/answers/fetch-debs.sh"
render_man_pages unattended "$DEST" "$DEBS" "$PAGES"
fetch_files unattended "$DEST" "$DEBS" "$FILES"
