#!/bin/sh
# Fetch the mutt corpus: the Mutt 2.2.12 manual and notes as an IT team would index "the mail
# client docs" for the colleagues who read their mail in a terminal, from Debian bookworm's
# mutt 2.2.12-0.1~deb12u2 (amd64), copied flat under names that say whose they are:
# - mutt-intro.html, mutt-gettingstarted.html, mutt-configuration.html,
#   mutt-advancedusage.html, mutt-mimesupport.html, mutt-optionalfeatures.html,
#   mutt-security.html, mutt-tuning.html, mutt-reference.html and mutt-miscellany.html: the
#   manual split by chapter (DocBook HTML from html/): the screens and key binding tables,
#   configuration commands and hooks, patterns, MIME and mailcap, IMAP/POP/SMTP, SSL,
#   caching, the sidebar, security, tuning and the reference (commands, every variable with
#   its type and default, functions); the same manual on one page (manual.html, manual.txt)
#   and its contents page (index.html) are left out;
# - mutt-README.Debian.txt, mutt-NEWS.Debian.txt (NEWS.Debian.gz) and mutt-README.SSL.txt
#   (README.SSL.gz): Debian's and upstream's notes;
# - mutt-sample.muttrc.txt: the commented example configuration (examples/sample.muttrc).
# The manual pages, the changelogs, NEWS, PGP-Notes, README.SMIME, the other examples and
# the copyright are left out. The documents are not committed (documents written by others,
# GPL-2+), so this script gets the exact .deb (about 1.9 MB, kept in build/corpora/mutt/)
# from the Debian archive with apt-get (no root needed), checks its sha256, extracts it with
# dpkg-deb and copies the files (a .gz decompressed) into build/corpora/mutt/ (git-ignored).
# The package is architecture-specific: its sha256 is the amd64 one, so on another
# architecture amd64 must be added to dpkg first.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/mutt/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/mutt"
# package:architecture=version sha256 of its .deb, as observed on 2026-12-06
DEBS="mutt:amd64=2.2.12-0.1~deb12u2 93875f1b6bb2e6b5173317a426cb262e20f33e2a1fd3e9f10b0b540bcd6a289b"
D=usr/share/doc/mutt
# path in the package -> name in DEST; keep in step with corpus.txt
FILES="$D/html/intro.html mutt-intro.html
$D/html/gettingstarted.html mutt-gettingstarted.html
$D/html/configuration.html mutt-configuration.html
$D/html/advancedusage.html mutt-advancedusage.html
$D/html/mimesupport.html mutt-mimesupport.html
$D/html/optionalfeatures.html mutt-optionalfeatures.html
$D/html/security.html mutt-security.html
$D/html/tuning.html mutt-tuning.html
$D/html/reference.html mutt-reference.html
$D/html/miscellany.html mutt-miscellany.html
$D/README.Debian mutt-README.Debian.txt
$D/NEWS.Debian.gz mutt-NEWS.Debian.txt
$D/README.SSL.gz mutt-README.SSL.txt
$D/examples/sample.muttrc mutt-sample.muttrc.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files mutt "$DEST" "$DEBS" "$FILES"
