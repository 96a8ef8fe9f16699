#!/bin/sh
# Fetch the unbound corpus: Unbound 1.17.1's documentation as a small office's IT person indexes
# it for the colleagues who run the office's validating DNS resolver, from Debian bookworm's
# unbound 1.17.1-2+deb12u4 (amd64; the documents are under /usr/share/doc/unbound/ and
# /etc/unbound/), copied flat under names that say whose they are (plain text and
# configuration files end in .txt, which the loaders take; a .gz is decompressed):
# - unbound-conf-example.txt (examples/unbound.conf): upstream's long commented example
#   configuration, every option with its default: the server clause, python, dynlib,
#   remote-control, stub, forward and auth zones, views, dnstap, dnscrypt, cachedb, redis,
#   IPsec, EDNS client subnet, ratelimits, RPZ;
# - unbound-README.txt (README.gz: building, configure options, known issues),
#   unbound-FEATURES.txt (the RFCs and features supported and out of scope),
#   unbound-README.DNS64.txt (enabling the DNS64 module) and unbound-TODO.txt (TODO.gz:
#   upstream's old list of wished-for features, some of them done since);
# - unbound-changelog.txt (changelog.gz: upstream's changelog), cut to its entries dated
#   2020 to 2023 (releases 1.10.0 to 1.17.1, about 2000 of its 11200 lines): the whole file
#   goes back to December 2006; the cut keeps every line before the first entry line dated
#   2019 ("16 December 2019: George") and fails unless that line is there and no later line
#   starts an entry dated 2020 or after. The whole changelog is kept beside it as
#   unbound-changelog-full (no extension, not indexed) so that the script stays idempotent;
# - unbound-NEWS.Debian.txt (NEWS.Debian.gz): Debian's upgrade notes (the control socket,
#   control-enable, include-toplevel, /etc/default/unbound);
# - Debian's own configuration and units, which change what upstream says:
#   unbound-debian-unbound.conf.txt (/etc/unbound/unbound.conf),
#   unbound-debian-remote-control.conf.txt and
#   unbound-debian-root-auto-trust-anchor-file.conf.txt (the two snippets of
#   /etc/unbound/unbound.conf.d/), unbound-debian-unbound.service.txt and
#   unbound-debian-unbound-resolvconf.service.txt (the systemd units).
# Left out: changelog.Debian and the copyright file (as the brief asks); the roff manual pages
# (a format pocketrag does not read); CREDITS (a list of contributors); the contrib script
# update-anchor.sh, the munin plugin, /usr/libexec/unbound-helper, the init script, the
# resolvconf hooks, the AppArmor profile and the lintian overrides (scripts and machine
# settings). The packages unbound-anchor and unbound-host (same source version) ship only
# their manual pages, the same changelog and copyright, so nothing of theirs is used; the
# unbound package of bookworm ships no README.Debian.
# The documents are not committed (documents written by others, BSD licence), so this script
# gets the exact .deb (about 0.95 MB, kept in build/corpora/unbound/) from the Debian archive
# with apt-get (no root needed), checks its sha256, extracts it with dpkg-deb and copies the
# files into build/corpora/unbound/ (git-ignored) with fetch-debs.sh's fetch_files. unbound
# is architecture-specific: its sha256 is the amd64 one, so on another architecture amd64
# must be added to dpkg first. Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/unbound/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/unbound"
# package:architecture=version sha256 of its .deb, as observed on 2026-12-07 (bookworm)
DEBS="unbound:amd64=1.17.1-2+deb12u4 ff025d2aa8319bccd4c41460293b92eb714b85396ee0b781d37c9ce0bbf8a9db"
D=usr/share/doc/unbound
# path in the package -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$D/examples/unbound.conf unbound-conf-example.txt
$D/README.gz unbound-README.txt
$D/FEATURES unbound-FEATURES.txt
$D/README.DNS64 unbound-README.DNS64.txt
$D/TODO.gz unbound-TODO.txt
$D/changelog.gz unbound-changelog-full
$D/NEWS.Debian.gz unbound-NEWS.Debian.txt
etc/unbound/unbound.conf unbound-debian-unbound.conf.txt
etc/unbound/unbound.conf.d/remote-control.conf unbound-debian-remote-control.conf.txt
etc/unbound/unbound.conf.d/root-auto-trust-anchor-file.conf unbound-debian-root-auto-trust-anchor-file.conf.txt
lib/systemd/system/unbound.service unbound-debian-unbound.service.txt
lib/systemd/system/unbound-resolvconf.service unbound-debian-unbound-resolvconf.service.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files unbound "$DEST" "$DEBS" "$FILES"

# cut the changelog to its entries dated 2020 and after (an entry starts with a line such as
# "18 January 2023: Wouter"; older ones write "5 Dec 2013: Wouter")
CUT="$DEST/unbound-changelog.txt"
[ ! -s "$CUT" ] || exit 0
full="$DEST/unbound-changelog-full"
entry='^[0-9][0-9]* [A-Za-z][A-Za-z]* '
if ! grep -q "${entry}2019:" "$full"; then
  echo "unbound fetch: no changelog entry dated 2019 in $full; cannot cut it." >&2
  exit 1
fi
awk -v entry="${entry}2019:" '$0 ~ entry { exit } { print }' "$full" >"$CUT.part"
if sed -n "/${entry}2019:/,\$p" "$full" | grep -q "${entry}20[2-9][0-9]:"; then
  rm -f "$CUT.part"
  echo "unbound fetch: $full has entries dated 2020 or after below the first 2019 one;" \
    "cannot cut it." >&2
  exit 1
fi
mv "$CUT.part" "$CUT"
echo "unbound fetch: changelog cut to 2020-2023 in $CUT" >&2
