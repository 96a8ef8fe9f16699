#!/bin/sh
# Fetch the slapd corpus: OpenLDAP 2.5's documentation as a small organisation's IT person
# indexes it for the colleagues who run the office's directory server (staff accounts, the
# address book, authentication for other services), from Debian bookworm's slapd, ldap-utils
# and libldap-common 2.5.13+dfsg-5, copied flat under names that say whose they are (plain
# text, LDIF, scripts and configuration files end in .txt, which the loaders take; a .gz is
# decompressed):
# - slapd-README.Debian.txt (slapd's README.Debian.gz, whole, about 380 lines): Debian's
#   notes (the initial configuration, cn=config and how root manages it, changing the
#   administrator's password, the MDB backend, logging, SASL, TCP wrappers, another user,
#   ldiftopasswd, the changes from upstream, migrating to 2.5 and its known issues);
# - slapd-NEWS.Debian.txt (slapd's NEWS.Debian.gz, whole, about 80 lines: 2.5.5 back to
#   2.3.23);
# - slapd-init.ldif.txt (/usr/share/slapd/slapd.init.ldif, the template of the initial
#   cn=config the maintainer script loads), slapd-examples-slapd.conf.txt and
#   slapd-examples-slapd.backup.txt (/usr/share/doc/slapd/examples/: a commented
#   slapd.conf and a backup script for cron), slapd-etc-default-slapd.txt
#   (/etc/default/slapd) and libldap-common-etc-ldap-ldap.conf.txt (/etc/ldap/ldap.conf,
#   the clients' defaults);
# - eleven manual pages rendered to HTML by mandoc 1.14.6-1+b1 (bookworm, amd64; fetched and
#   checked like the others and run from where it is extracted, so it need not be
#   installed): slapd-man-slapd.8.html, slapd-man-slapd.conf.5.html (whole),
#   slapd-man-slapd-config.5.html (whole), slapd-man-slapd-mdb.5.html,
#   slapd-man-slapcat.8.html, slapd-man-slapadd.8.html, slapd-man-slappasswd.8.html and
#   slapd-man-slapo-ppolicy.5.html (slapd); ldap-utils-man-ldapsearch.1.html and
#   ldap-utils-man-ldapmodify.1.html (ldap-utils); libldap-common-man-ldap.conf.5.html
#   (libldap-common).
# Left out: the copyright files, changelog.Debian and upstream's changelog (as the brief
# asks); the schema files under /etc/ldap/schema/ (schemas); slapd's TODO.Debian (old
# packagers' notes in changelog form); ldap-utils's README.Debian (one Perl one-liner); the
# ldiftopasswd script (code); the init script, the systemd drop-in (one line) and lintian
# overrides; the other manual pages (slapd.access(5), the other backends and overlays,
# slapindex, slaptest, slapacl, ldapadd, ldapdelete, ldappasswd, ldif(5), ...).
# The documents are not committed (documents written by others, OpenLDAP Public License), so
# this script gets the exact .debs (about 2 MB together, kept in build/corpora/slapd/) from
# the Debian archive with apt-get (no root needed), checks each sha256, extracts them with
# dpkg-deb, renders the manual pages with the extracted mandoc and copies the files into
# build/corpora/slapd/ (git-ignored). slapd, ldap-utils and mandoc are
# architecture-specific: their sha256 are the amd64 ones, so on another architecture amd64
# must be added to dpkg first (mandoc then runs only where amd64 binaries run).
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/slapd/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/slapd"
# package[:architecture]=version sha256 of its .deb, as observed on 2026-12-08
DEBS="slapd:amd64=2.5.13+dfsg-5 5f2dba895d6bc80bb8cd2f4fbb58927431bb2217efa99d07811dc685a60cbcfd
ldap-utils:amd64=2.5.13+dfsg-5 aa6908c7c17f4b5f4a9d30ccff79f5af817501579867d2104b6c339aafbc54ec
libldap-common=2.5.13+dfsg-5 72a6c113801a0f307f3a9ab9fe7a7f9559d9164af990494ed2c50617a0e20452
mandoc:amd64=1.14.6-1+b1 af62386fcb99fbfe8813992d5623f5500339d8decee2c72994522366e078c01b"
S=usr/share/doc/slapd
# path in the packages -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$S/README.Debian.gz slapd-README.Debian.txt
$S/NEWS.Debian.gz slapd-NEWS.Debian.txt
usr/share/slapd/slapd.init.ldif slapd-init.ldif.txt
$S/examples/slapd.conf slapd-examples-slapd.conf.txt
$S/examples/slapd.backup slapd-examples-slapd.backup.txt
etc/default/slapd slapd-etc-default-slapd.txt
etc/ldap/ldap.conf libldap-common-etc-ldap-ldap.conf.txt"
# manual pages (under usr/share/man/, gzipped roff) rendered to PACKAGE-man-PAGE.html
PAGES="slapd:man8/slapd.8 slapd:man5/slapd.conf.5 slapd:man5/slapd-config.5
slapd:man5/slapd-mdb.5 slapd:man8/slapcat.8 slapd:man8/slapadd.8 slapd:man8/slappasswd.8
slapd:man5/slapo-ppolicy.5 ldap-utils:man1/ldapsearch.1 ldap-utils:man1/ldapmodify.1
libldap-common:man5/ldap.conf.5"

. "$REPO/bench/answers/fetch-debs.sh"
missing=
for spec in $PAGES; do
  page=${spec#*:}
  [ -s "$DEST/${spec%%:*}-man-${page#*/}.html" ] || missing=yes
done
if [ -n "$missing" ]; then
  unpack_debs slapd "$DEST" "$DEBS"
  for spec in $PAGES; do
    page=${spec#*:}
    render_man slapd "$DEST" "$page" "${spec%%:*}-man-${page#*/}.html"
  done
  rm -rf "$tmp"
  trap - EXIT
fi
fetch_files slapd "$DEST" "$DEBS" "$FILES"
