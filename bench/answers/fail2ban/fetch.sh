#!/bin/sh
# Fetch the fail2ban corpus: the fail2ban 1.0.2 documentation and commented configuration as
# Debian bookworm's fail2ban 1.0.2-2 ships them, as a small office's IT person would index
# "the intrusion-blocking docs" for colleagues who look after the servers, all under flat,
# unique names:
# - fail2ban-README.md: the upstream README (usr/share/doc/fail2ban/README.md.gz, Markdown);
# - fail2ban-README.Debian.txt and fail2ban-NEWS.Debian.txt: Debian's notes
#   (README.Debian.gz, NEWS.Debian.gz: what changed on upgrade, 0.6.0-4 to 0.10.2-1);
# - fail2ban-FILTERS.txt: the upstream guide to developing and testing filters (FILTERS.gz,
#   reStructuredText-like text);
# - the commented configuration files of /etc/fail2ban as text: fail2ban-jail.conf.txt (the
#   main document: the [DEFAULT] options, the action shortcuts and every jail),
#   fail2ban.conf.txt (log level and target, socket, database), fail2ban-paths-common.conf.txt
#   and fail2ban-paths-debian.conf.txt (where the jails' log paths come from),
#   fail2ban-jail.d-defaults-debian.conf.txt (Debian's jail.d/defaults-debian.conf),
#   fail2ban-filter.d-sshd.conf.txt, fail2ban-action.d-iptables-multiport.conf.txt and
#   fail2ban-action.d-sendmail-whois.conf.txt.
# The manual pages (roff), the changelogs, DEVELOP, the TODOs, the examples and the other
# filters and actions are left out. The documents are not committed (documents written by
# others, GPL-2+), so this script gets the exact .deb (about 450 KB, kept in
# build/corpora/fail2ban/) from the Debian archive with apt-get (no root needed), checks its
# sha256, extracts it with dpkg-deb and copies the files (a .gz decompressed) into
# build/corpora/fail2ban/ (git-ignored) with fetch-debs.sh's fetch_files. Idempotent: does
# nothing when every file is already there.
# Usage: sh bench/answers/fail2ban/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/fail2ban"
# package=version sha256 of its .deb, as observed on 2026-12-06 (bookworm)
SHA=9717b7aeef7b00f0df4c76045cd6dab2755cbe9fc99dbfe3cd114126880ec7f7
DEBS="fail2ban=1.0.2-2 $SHA"
D=usr/share/doc/fail2ban
E=etc/fail2ban
# path in the package -> name in DEST; keep in step with corpus.txt
FILES="$D/README.md.gz fail2ban-README.md
$D/README.Debian.gz fail2ban-README.Debian.txt
$D/NEWS.Debian.gz fail2ban-NEWS.Debian.txt
$D/FILTERS.gz fail2ban-FILTERS.txt
$E/jail.conf fail2ban-jail.conf.txt
$E/fail2ban.conf fail2ban.conf.txt
$E/paths-common.conf fail2ban-paths-common.conf.txt
$E/paths-debian.conf fail2ban-paths-debian.conf.txt
$E/jail.d/defaults-debian.conf fail2ban-jail.d-defaults-debian.conf.txt
$E/filter.d/sshd.conf fail2ban-filter.d-sshd.conf.txt
$E/action.d/iptables-multiport.conf fail2ban-action.d-iptables-multiport.conf.txt
$E/action.d/sendmail-whois.conf fail2ban-action.d-sendmail-whois.conf.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files fail2ban "$DEST" "$DEBS" "$FILES"
