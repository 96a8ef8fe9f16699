#!/bin/sh
# Fetch the pgadmin corpus: the PostgreSQL 15 server administration manual as a company's
# database team would index it: 41 pages of Part III "Server Administration" (server setup,
# server configuration, client authentication, database roles, managing databases, routine
# maintenance, backup and restore, high availability, monitoring, WAL) and the release notes
# of 15.0 and 15.18, from the bookworm package postgresql-doc-15 15.18-0+deb12u1
# (multi-page HTML). They are not committed (documents written by others, PostgreSQL
# licence), so this script gets the exact .deb from the Debian archive with apt-get, checks
# its sha256, extracts it with dpkg-deb and copies the pages (their own names, all unique)
# into build/corpora/pgadmin/, like harden's fetch.sh. Idempotent: does nothing when every
# file is already there.
# Usage: sh bench/answers/pgadmin/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/pgadmin"
# package=version sha256 of its .deb, as observed on 2026-12-04
DEBS="postgresql-doc-15=15.18-0+deb12u1 3c598277a463c44d672daa2c335deb8d8252e1852fb025fd4578ea2d9a1b90f0"
H=usr/share/doc/postgresql-doc-15/html
# page names in the package; each is copied to DEST under its own name (keep in step with
# corpus.txt)
PAGES="$H/creating-cluster.html $H/server-start.html $H/server-shutdown.html $H/upgrading.html
$H/ssl-tcp.html
$H/config-setting.html $H/runtime-config-connection.html $H/runtime-config-resource.html
$H/runtime-config-wal.html $H/runtime-config-replication.html $H/runtime-config-logging.html
$H/runtime-config-autovacuum.html $H/runtime-config-locks.html
$H/auth-pg-hba-conf.html $H/auth-username-maps.html $H/auth-trust.html $H/auth-password.html
$H/auth-peer.html $H/auth-ldap.html $H/auth-cert.html $H/client-authentication-problems.html
$H/database-roles.html $H/role-attributes.html $H/role-membership.html $H/role-removal.html
$H/predefined-roles.html
$H/manage-ag-createdb.html $H/manage-ag-templatedbs.html $H/manage-ag-tablespaces.html
$H/routine-vacuuming.html $H/routine-reindex.html $H/logfile-maintenance.html
$H/backup-dump.html $H/backup-file.html $H/continuous-archiving.html
$H/different-replication-solutions.html $H/warm-standby.html
$H/monitoring-stats.html $H/monitoring-locks.html $H/disk-usage.html $H/disk-full.html
$H/release-15.html $H/release-15-18.html"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_pages pgadmin "$DEST" "$DEBS" "$PAGES"
