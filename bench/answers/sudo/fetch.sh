#!/bin/sh
# Fetch the sudo corpus: sudo 1.9.13p3's documentation as a university department's sysadmin
# indexes it for the colleagues who share root duties on its servers, from Debian bookworm's
# sudo 1.9.13p3-1+deb12u4 (amd64; the documents are under /usr/share/doc/sudo/), copied flat
# under names that say whose they are (Markdown keeps .md; plain text and the commented
# example files end in .txt, which the loaders take; a .gz is decompressed):
# - sudo-README.md, sudo-TROUBLESHOOTING.md (common problems and their fixes),
#   sudo-UPGRADE.md (notes on upgrading between versions: changed behaviour, defaults and
#   paths), sudo-HISTORY.md and sudo-SECURITY.md (reporting security issues): upstream's
#   Markdown notes;
# - sudo-NEWS.txt: the whole release history (NEWS.gz, about 4200 lines, 1.9.13p3 back to
#   1.6.x);
# - sudo-OPTIONS.txt: the build options Debian's package was configured with;
# - sudo-README.Debian.txt and sudo-NEWS.Debian.txt (NEWS.Debian.gz): Debian's notes;
# - sudo-example-sudoers.txt, sudo-example-sudoers.dist.txt, sudo-example-sudo.conf.txt,
#   sudo-example-sudo_logsrvd.conf.txt, sudo-example-cvtsudoers.conf.txt,
#   sudo-example-syslog.conf.txt and sudo-example-pam.conf.txt: the commented example files
#   (examples/; sudoers.dist is not the same file as sudoers: a commented default sudoers
#   with other aliases and rules, so both are kept).
# The commit log (changelog.gz), changelog.Debian, the copyright, CONTRIBUTING.md and
# CONTRIBUTORS.md are left out. The documents are not committed (documents written by
# others, ISC-style licence), so this script gets the exact .deb (about 1.9 MB, kept in
# build/corpora/sudo/) from the Debian archive with apt-get (no root needed), checks its
# sha256, extracts it with dpkg-deb and copies the files into build/corpora/sudo/
# (git-ignored). The package is architecture-specific: its sha256 is the amd64 one, so on
# another architecture amd64 must be added to dpkg first.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/sudo/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/sudo"
# package:architecture=version sha256 of its .deb, as observed on 2026-12-07
DEBS="sudo:amd64=1.9.13p3-1+deb12u4 ea9987f92630be504998516e1ed9c821c483131d0576ff35a09d6e7f8deff10f"
D=usr/share/doc/sudo
# path in the package -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$D/README.md sudo-README.md
$D/TROUBLESHOOTING.md.gz sudo-TROUBLESHOOTING.md
$D/UPGRADE.md.gz sudo-UPGRADE.md
$D/HISTORY.md sudo-HISTORY.md
$D/SECURITY.md sudo-SECURITY.md
$D/NEWS.gz sudo-NEWS.txt
$D/OPTIONS sudo-OPTIONS.txt
$D/README.Debian sudo-README.Debian.txt
$D/NEWS.Debian.gz sudo-NEWS.Debian.txt
$D/examples/sudoers sudo-example-sudoers.txt
$D/examples/sudoers.dist sudo-example-sudoers.dist.txt
$D/examples/sudo.conf sudo-example-sudo.conf.txt
$D/examples/sudo_logsrvd.conf sudo-example-sudo_logsrvd.conf.txt
$D/examples/cvtsudoers.conf sudo-example-cvtsudoers.conf.txt
$D/examples/syslog.conf sudo-example-syslog.conf.txt
$D/examples/pam.conf sudo-example-pam.conf.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files sudo "$DEST" "$DEBS" "$FILES"
