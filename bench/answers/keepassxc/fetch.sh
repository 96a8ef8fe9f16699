#!/bin/sh
# Fetch the keepassxc corpus: the KeePassXC 2.7.4 documentation as a small organisation's IT
# team would index "the password manager docs" for colleagues who are told to keep shared and
# personal passwords in KeePassXC, from Debian bookworm's keepassxc 2.7.4+dfsg.1-2 (amd64):
# - KeePassXC_GettingStarted.html: the Getting Started Guide (asciidoctor, one long page with
#   its pictures inlined as base64 data URIs): installing, the interface, creating a database,
#   entries and groups, the password generator, unlocking, storing a database in the cloud;
# - KeePassXC_UserGuide.html: the User Guide (asciidoctor, the same style, the main
#   document): the Getting Started chapters again, then databases and their settings, the
#   YubiKey and key files, auto-type, browser integration, KeeShare, the SSH agent, TOTP,
#   import and export, the command line (keepassxc-cli), the settings and the FAQ;
# - KeePassXC_KeyboardShortcuts.html: the keyboard shortcuts (asciidoctor tables);
# - keepassxc-CHANGELOG.md: the upstream changelog (changelog.gz, Markdown: 2.7.4 back to
#   2.0 Alpha 1), the release notes a team reads alongside.
# The manual pages (roff), Debian's packaging changelog, the copyright file, the icons, the
# translations and the word list are left out. The package ships no README.Debian or NEWS.
# The documents are not committed (documents written by others, GPL-2 or GPL-3), so this script
# gets the exact .deb (about 6.9 MB, kept in build/corpora/keepassxc/) from the Debian archive
# with apt-get (no root needed), checks its sha256, extracts it with dpkg-deb and copies the
# files (the .gz decompressed) into build/corpora/keepassxc/ (git-ignored). The package is
# architecture-specific: its sha256 is the amd64 one, so on another architecture amd64 must
# be added to dpkg first. Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/keepassxc/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/keepassxc"
# package:architecture=version sha256 of its .deb, as observed on 2026-12-06
DEBS="keepassxc:amd64=2.7.4+dfsg.1-2 dc18f97e0a6ac4c079d2a2bc32ec67e0bea8f560c3b1121aabbbf101e672fee2"
D=usr/share/keepassxc/docs
# path in the package -> name in DEST; keep in step with corpus.txt
FILES="$D/KeePassXC_GettingStarted.html
$D/KeePassXC_UserGuide.html
$D/KeePassXC_KeyboardShortcuts.html
usr/share/doc/keepassxc/changelog.gz keepassxc-CHANGELOG.md"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files keepassxc "$DEST" "$DEBS" "$FILES"
