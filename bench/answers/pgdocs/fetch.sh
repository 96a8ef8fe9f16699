#!/bin/sh
# Fetch the pgdocs corpus: the PostgreSQL 15 documentation as a company's platform team would
# index "the database we run" for its developers: 41 pages spread over the whole manual (the
# tutorial, data types, functions, indexes, concurrency control, performance tips, server
# configuration, client authentication, privileges, backup and restore, replication, routine
# vacuuming, monitoring, SQL command and client application reference pages, and the release
# notes of 15.0 and 15.20), from the bookworm package postgresql-doc-15 15.20-0+deb12u1
# (multi-page DocBook HTML). They are not committed (documents written by others, PostgreSQL
# licence), so this script gets the exact .deb from the Debian archive with apt-get, checks
# its sha256, extracts it with dpkg-deb and copies the pages (their own names, all unique)
# into build/corpora/pgdocs/, like pgadmin's fetch.sh. Idempotent: does nothing when every
# file is already there.
# Usage: sh bench/answers/pgdocs/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/pgdocs"
# package=version sha256 of its .deb, as observed on 2026-12-05
DEBS="postgresql-doc-15=15.20-0+deb12u1 4c44bf2c599f208b3f46454a6cf7a72e25ec46ff74d37b59dd31ad76b00eebb7"
H=usr/share/doc/postgresql-doc-15/html
# page names in the package; each is copied to DEST under its own name (keep in step with
# corpus.txt)
PAGES="$H/tutorial-createdb.html $H/tutorial-table.html $H/tutorial-transactions.html
$H/datatype-numeric.html $H/datatype-character.html $H/datatype-datetime.html
$H/datatype-boolean.html $H/datatype-json.html
$H/functions-string.html $H/functions-datetime.html $H/functions-aggregate.html
$H/indexes-types.html $H/indexes-multicolumn.html $H/indexes-partial.html
$H/transaction-iso.html $H/explicit-locking.html $H/using-explain.html $H/populate.html
$H/runtime-config-connection.html $H/runtime-config-resource.html $H/runtime-config-wal.html
$H/runtime-config-autovacuum.html $H/runtime-config-logging.html
$H/auth-pg-hba-conf.html $H/auth-password.html $H/ddl-priv.html
$H/backup-dump.html $H/continuous-archiving.html $H/warm-standby.html
$H/routine-vacuuming.html $H/monitoring-stats.html
$H/sql-createtable.html $H/sql-altertable.html $H/sql-vacuum.html $H/sql-copy.html
$H/sql-createindex.html
$H/app-psql.html $H/app-pgdump.html $H/app-pgrestore.html
$H/release-15.html $H/release-15-20.html"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_pages pgdocs "$DEST" "$DEBS" "$PAGES"
