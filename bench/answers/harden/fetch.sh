#!/bin/sh
# Fetch the harden corpus: the Securing Debian Manual (3.19, Publican multi-page HTML) as a
# company's IT/security team would index its hardening handbook: the English pages of
# chapters 3 (before and during installation), 4 (after installation), 10 (before the
# compromise), 11 (after the compromise) and 12 (FAQ), from the bookworm package harden-doc
# 3.19+nmu1, plus two pages of the Debian Administrator's Handbook's security chapter
# (debian-handbook 11.20220922: 14.3 supervision, 14.7 dealing with a compromised machine),
# a newer, independent text that gives different advice on the same topics. They are not
# committed (documents written by others, GFDL / GPL-2+ / CC-BY-SA), so this script gets the
# exact .debs from the Debian archive with apt-get, checks each sha256, extracts them with
# dpkg-deb and copies the pages (flat names, all unique) into build/corpora/harden/, like
# debgov's fetch.sh. Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/harden/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/harden"
# package=version sha256 of its .deb, as observed on 2026-12-04
DEBS="harden-doc=3.19+nmu1 77ffacb6f8af4afbdf39f3de6040a710ae6ffcc40e2fab5b5d312dfb11d28d94
debian-handbook=11.20220922 3d5dbeac1f1afc9c094eab9d0f701f6ecff99c4927d5a4794cf6c85678134faa"
HD=usr/share/doc/harden-doc/html/en-US
DH=usr/share/doc/debian-handbook/html/en-US
# page names in the packages; each is copied to DEST under its own name (keep in step with
# corpus.txt)
PAGES="$HD/ch03.html $HD/ch03s02.html $HD/ch03s03.html $HD/ch03s04.html $HD/ch03s05.html
$HD/ch03s06.html $HD/ch03s07.html
$HD/ch04.html $HD/security-update.html $HD/bios-boot.html $HD/lilo-passwd.html
$HD/kernel-initramfs-prompt.html $HD/kernel-root-prompt.html $HD/restrict-console-login.html
$HD/restrict-reboots.html $HD/restrict-sysrq.html $HD/ch04s10.html $HD/ch04s11.html
$HD/tcpwrappers.html $HD/log-alerts.html $HD/kernel-patches.html $HD/ch04s15.html
$HD/ch04s16.html $HD/ch04s17.html $HD/network-secure.html $HD/snapshot.html $HD/ch04s20.html
$HD/ch10.html $HD/periodic-integrity.html $HD/intrusion-detect.html $HD/ch10s04.html
$HD/ch10s05.html
$HD/after-compromise.html $HD/ch11s02.html $HD/ch11s03.html $HD/ch11s04.html $HD/ch11s05.html
$HD/ch12.html $HD/ch12s02.html $HD/debian-sec-team-faq.html
$DH/sect.supervision.html $DH/sect.dealing-with-compromised-machine.html"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_pages harden "$DEST" "$DEBS" "$PAGES"
