#!/bin/sh
# Fetch the tor corpus: Tor 0.4.9.11's documentation as a small organisation's IT person
# indexes it for the colleagues who run the organisation's Tor relay and onion services, from
# Debian bookworm's tor 0.4.9.11-0+deb12u1 (amd64; the documents are under
# /usr/share/doc/tor/, Debian's own files under /etc, /lib/systemd and /usr/share/tor),
# copied flat under names that say whose they are (plain text and configuration files end in
# .txt, which the loaders take; a .gz is decompressed):
# - tor.html: the whole manual (AsciiDoc HTML, one page: the command-line options, the
#   configuration file format, then every torrc option with its description in definition
#   lists, section by section: general, client, circuit timeout, dormant mode, node selection,
#   server, statistics, directory server, denial of service mitigation, directory authority,
#   hidden service, client authorization, testing network, non-persistent options, signals,
#   files);
# - tor-gencert.html, tor-resolve.html, torify.html and tor-print-ed-signing-cert.html: the
#   manual pages of the helper tools, shipped as HTML beside their roff copies;
# - tor-exit-notice.html: upstream's template of the notice page an exit relay may serve on
#   its DirPort;
# - tor-torrc.sample.txt (torrc.sample.gz): upstream's commented sample configuration (last
#   updated for 0.3.5.1-alpha);
# - tor-etc-tor-torrc.txt (/etc/tor/torrc): the configuration file Debian installs. It is NOT
#   the sample again: it is an older upstream sample (last updated for 0.2.5.2-alpha) whose
#   comments give other values and advice, so both are indexed;
# - tor-README.Debian.txt and tor-NEWS.Debian.txt (NEWS.Debian.gz): Debian's notes;
# - tor-ChangeLog-0.4.8-0.4.9.txt: upstream's changelog (changelog.gz, about 2.1 MB and
#   42,000 lines, every release back to 0.0.x) cut to its first part, the 0.4.9.x and 0.4.8.x
#   releases (0.4.9.11 back to 0.4.8.1-alpha, about 1,940 lines: from the top of the file to
#   the line before "Changes in version 0.4.7.13 - 2023-01-12"), what a relay operator on
#   this package reads; the whole file is more than the loaders and one index are meant for.
#   The cut fails unless that line is in the file exactly once;
# - Debian's own files that change what upstream says: tor-debian-service-defaults-torrc.txt
#   (/usr/share/tor/tor-service-defaults-torrc: the defaults the service loads before
#   /etc/tor/torrc), tor-debian-service-defaults-torrc-instances.txt (the same for the
#   extra instances), tor-debian-tor@default.service.txt and tor-debian-tor@.service.txt (the
#   systemd units of the default and the other instances), tor-debian-default.txt
#   (/etc/default/tor: the init script's settings) and tor-debian-logrotate.txt
#   (/etc/logrotate.d/tor).
# Left out: changelog.Debian and the copyright file (as the brief asks); the roff manual
# pages (a format pocketrag does not read; tor-instance-create(8) ships only so); the rest of
# the upstream changelog (releases before 0.4.8); tor.service (a oneshot unit that runs
# /bin/true), the init script, the systemd generator, the weekly cron job (a script;
# /etc/default/tor describes what it does), the runit service, the AppArmor profiles and the
# lintian overrides (scripts and machine settings with nothing the colleagues look up);
# tor-geoipdb is another package (data only) and is not fetched.
# The documents are not committed (documents written by others, BSD-3-Clause and others), so
# this script gets the exact .deb (about 2.1 MB, kept in build/corpora/tor/) from the Debian
# archive with apt-get (no root needed), checks its sha256, extracts it with dpkg-deb and
# copies the files into build/corpora/tor/ (git-ignored). tor is architecture-specific: its
# sha256 is the amd64 one, so on another architecture amd64 must be added to dpkg first.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/tor/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/tor"
# package[:architecture]=version sha256 of its .deb, as observed on 2026-12-07
DEBS="tor:amd64=0.4.9.11-0+deb12u1 2a656ff841e489015745f09dd65029f033d4a8b94f1ac0271aa90f489997ffdd"
D=usr/share/doc/tor
# path in the package -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$D/tor.html tor.html
$D/tor-gencert.html tor-gencert.html
$D/tor-resolve.html tor-resolve.html
$D/torify.html torify.html
$D/tor-print-ed-signing-cert.html tor-print-ed-signing-cert.html
$D/tor-exit-notice.html tor-exit-notice.html
$D/torrc.sample.gz tor-torrc.sample.txt
etc/tor/torrc tor-etc-tor-torrc.txt
$D/README.Debian tor-README.Debian.txt
$D/NEWS.Debian.gz tor-NEWS.Debian.txt
usr/share/tor/tor-service-defaults-torrc tor-debian-service-defaults-torrc.txt
usr/share/tor/tor-service-defaults-torrc-instances tor-debian-service-defaults-torrc-instances.txt
lib/systemd/system/tor@default.service tor-debian-tor@default.service.txt
lib/systemd/system/tor@.service tor-debian-tor@.service.txt
etc/default/tor tor-debian-default.txt
etc/logrotate.d/tor tor-debian-logrotate.txt"
# the changelog is cut: from its top to the line before this one (exactly once in the file)
CHANGELOG=tor-ChangeLog-0.4.8-0.4.9.txt
CUT_BEFORE="Changes in version 0.4.7.13 - 2023-01-12"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_cut tor "$DEST" "$DEBS" "$D/changelog.gz" "$CHANGELOG" "$CUT_BEFORE"
fetch_files tor "$DEST" "$DEBS" "$FILES"
