#!/bin/sh
# Fetch the openssh corpus: OpenSSH 9.2p1's documentation as a small organisation's IT person
# indexes it for the colleagues who administer the office's Linux servers and give staff
# remote access, from Debian bookworm's openssh-server, openssh-client and openssh-sftp-server
# 1:9.2p1-2+deb12u10 (amd64), copied flat under names that say whose they are (plain text and
# configuration files end in .txt, which the loaders take; a .gz is decompressed):
# - openssh-README.Debian.txt (openssh-client's README.Debian.gz; openssh-server ships a link
#   to the same file): Debian's notes (its changed defaults, keepalives, X11 and agent
#   forwarding, PAM, socket activation, the rescue target, the ssh-agent user unit);
# - openssh-NEWS.Debian.txt (NEWS.Debian.gz): Debian's upgrade notes, whole (about 520
#   lines, 9.1 back to 3.x: removed ciphers and key types, changed defaults); upstream's
#   release notes are not shipped (changelog.gz is upstream's git log, 11,000 lines of
#   commit messages: left out);
# - openssh-README.txt, openssh-README.dns.txt and openssh-README.tun.txt (README.tun.gz):
#   upstream's notes on the portable release, SSHFP records in DNS and tunnel devices;
# - openssh-sshd_config.txt (openssh-server's /usr/share/openssh/sshd_config, which the
#   maintainer script installs as /etc/ssh/sshd_config) and openssh-ssh_config.txt
#   (/etc/ssh/ssh_config): the shipped configurations, commented; no sshd_config.d or
#   ssh_config.d snippet is shipped;
# - openssh-pam.d-sshd.txt (/etc/pam.d/sshd, commented) and openssh-default-ssh.txt
#   (/etc/default/ssh, SSHD_OPTS);
# - openssh-systemd-ssh.service.txt, openssh-systemd-ssh.socket.txt and
#   openssh-systemd-rescue-ssh.target.txt (/lib/systemd/system/), short, without comments;
# - seven manual pages rendered to HTML by mandoc 1.14.6-1+b1 (bookworm, amd64; fetched and
#   checked like the others and run from where it is extracted, so it need not be
#   installed): openssh-man-sshd_config.5.html, openssh-man-ssh_config.5.html,
#   openssh-man-sshd.8.html (openssh-server) and openssh-man-ssh.1.html,
#   openssh-man-ssh-keygen.1.html, openssh-man-ssh-agent.1.html and
#   openssh-man-ssh-copy-id.1.html (openssh-client): Debian's pages, with its patches.
# Left out: the copyright files and changelog.Debian (as the brief asks); upstream's
# changelog.gz (a git log); OVERVIEW.gz (a tour of the 1999 source code, marked obsolete);
# the other manual pages (scp, sftp, ssh-add, ssh-keyscan, ssh-keysign, ssh-pkcs11-helper,
# ssh-sk-helper, ssh-argv0, sftp-server, moduli); /etc/ssh/moduli (numbers); the init script,
# the runit service, the ufw profile, the ssh-agent user unit and examples/
# ssh-session-cleanup.service (no comments), apport hooks and lintian overrides.
# openssh-sftp-server ships only its binary, the sftp-server(8) page and links to
# openssh-client's documents; it is fetched so the set's packages are the whole install.
# The documents are not committed (documents written by others, BSD-style licences), so
# this script gets the exact .debs (about 1.9 MB together, kept in build/corpora/openssh/)
# from the Debian archive with apt-get (no root needed), checks each sha256, extracts them
# with dpkg-deb, renders the manual pages with the extracted mandoc and copies the files into
# build/corpora/openssh/ (git-ignored). All four packages are architecture-specific: their
# sha256 are the amd64 ones, so on another architecture amd64 must be added to dpkg first
# (mandoc then runs only where amd64 binaries run).
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/openssh/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/openssh"
# package[:architecture]=version sha256 of its .deb, as observed on 2026-12-07
DEBS="openssh-client:amd64=1:9.2p1-2+deb12u10 42c250b8b9110382488c53c066a960bc564ddac2cb9e449f47b6cdbb5fc1cb60
openssh-server:amd64=1:9.2p1-2+deb12u10 933cd92a2329f9bf26d22660a834ae18ebdbe8df9c6127e4d9fcb098dac9cf72
openssh-sftp-server:amd64=1:9.2p1-2+deb12u10 18d7ef7873861272b43b764295cbd8c04f439108fc3a4cecb3fe6e095f8ee2a8
mandoc:amd64=1.14.6-1+b1 af62386fcb99fbfe8813992d5623f5500339d8decee2c72994522366e078c01b"
C=usr/share/doc/openssh-client
U=lib/systemd/system
# path in the packages -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$C/README.Debian.gz openssh-README.Debian.txt
$C/NEWS.Debian.gz openssh-NEWS.Debian.txt
$C/README openssh-README.txt
$C/README.dns openssh-README.dns.txt
$C/README.tun.gz openssh-README.tun.txt
usr/share/openssh/sshd_config openssh-sshd_config.txt
etc/ssh/ssh_config openssh-ssh_config.txt
etc/pam.d/sshd openssh-pam.d-sshd.txt
etc/default/ssh openssh-default-ssh.txt
$U/ssh.service openssh-systemd-ssh.service.txt
$U/ssh.socket openssh-systemd-ssh.socket.txt
$U/rescue-ssh.target openssh-systemd-rescue-ssh.target.txt"
# manual pages (under usr/share/man/, gzipped roff) rendered to openssh-man-PAGE.html
PAGES="man5/sshd_config.5 man5/ssh_config.5 man8/sshd.8 man1/ssh.1 man1/ssh-keygen.1
man1/ssh-agent.1 man1/ssh-copy-id.1"

. "$REPO/bench/answers/fetch-debs.sh"
missing=
for page in $PAGES; do
  [ -s "$DEST/openssh-man-${page#*/}.html" ] || missing=yes
done
if [ -n "$missing" ]; then
  unpack_debs openssh "$DEST" "$DEBS"
  for page in $PAGES; do
    out="openssh-man-${page#*/}.html"
    render_man openssh "$DEST" "$page" "$out"
  done
  rm -rf "$tmp"
  trap - EXIT
fi
fetch_files openssh "$DEST" "$DEBS" "$FILES"
