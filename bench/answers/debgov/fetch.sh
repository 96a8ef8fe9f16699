#!/bin/sh
# Fetch the debgov corpus: Debian's governance documents and maintainer handbook, as shipped
# in three Debian bookworm packages (doc-debian 11.3+nmu1, developers-reference 12.18,
# debian-faq 11.1). They are not committed (documents written by others, under their own
# licences), so this script gets the exact .debs from the Debian archive with apt-get,
# checks each sha256, extracts them with dpkg-deb and gunzips the compressed documents, like
# debpol's fetch.sh. Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/debgov/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/debgov"
# package=version sha256 of its .deb, as observed on 2026-12-04
DEBS="doc-debian=11.3+nmu1 b9bff49f22b334cb6fedc071d81669e72cc2fa0dcd65e110785f69d9941f2773
developers-reference=12.18 0dba82f6fa16e373f2a84ad07e7971aa9264ad2e7d2ae46b37edbc9c5fd57e2e
debian-faq=11.1 427426e0cfa6888622fc1d72631071cb4b5a1f86ccde722e7820bcef284de5d0"
# path in the packages -> name in DEST (.gz ones gunzipped; the extension-less manifesto gets
# .txt so the text loader reads it); keep in step with corpus.txt
FILES="usr/share/doc/debian/constitution.txt.gz constitution.txt
usr/share/doc/debian/constitution.1.0.txt.gz constitution.1.0.txt
usr/share/doc/debian/social-contract.txt.gz social-contract.txt
usr/share/doc/debian/social-contract.1.0.txt.gz social-contract.1.0.txt
usr/share/doc/debian/mailing-lists.txt.gz mailing-lists.txt
usr/share/doc/debian/bug-reporting.txt.gz bug-reporting.txt
usr/share/doc/debian/debian-manifesto.gz debian-manifesto.txt
usr/share/developers-reference/developers-reference.pdf developers-reference.pdf
usr/share/doc/debian/FAQ/basic-defs.en.html basic-defs.en.html
usr/share/doc/debian/FAQ/getting-debian.en.html getting-debian.en.html
usr/share/doc/debian/FAQ/redistributing.en.html redistributing.en.html
usr/share/doc/debian/FAQ/support.en.html support.en.html
usr/share/doc/debian/FAQ/contributing.en.html contributing.en.html"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files debgov "$DEST" "$DEBS" "$FILES"
