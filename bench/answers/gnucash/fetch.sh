#!/bin/sh
# Fetch the gnucash corpus: GnuCash's own documentation as a small charity's or company's
# finance office would index "the accounting software we use" for its bookkeepers: 42 English
# pages of the GnuCash Help Manual and the Tutorial and Concepts Guide (multi-page DocBook
# HTML) from Debian bookworm's gnucash-docs 4.13-1: account types, creating accounts,
# transactions and the register, reconciling, scheduled transactions, business features
# (customers, invoices, vendors, bills, payments, employees and expense vouchers, tax tables
# and billing terms, payroll), reports, budgets, importing (QIF, OFX, CSV), preferences and
# book options, closing the books, prices and online quotes, currencies, file formats (XML vs
# SQL), backups and the glossary. The package ships both manuals in English, German, Italian
# and Portuguese (the Guide also in Japanese) under
# usr/share/doc/gnucash-docs/gnucash-{help,guide}-LANG/; only the English (-en) pages are
# used. The two manuals share page names (index.html, authors.html, the licence's
# fdl-*.html ...), so each page is copied flat as help-NAME or guide-NAME. The index,
# tables of contents, title pages, licence and the other pages are left out. The documents
# are not committed (documents written by others, GFDL), so this script gets the exact .deb
# (about 145 MB, downloaded once into build/corpora/gnucash/) from the Debian archive with
# apt-get, checks its sha256, extracts it with dpkg-deb and copies the pages into
# build/corpora/gnucash/. Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/gnucash/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/gnucash"
# package=version sha256 of its .deb, as observed on 2026-12-05
DEBS="gnucash-docs=4.13-1 09979baf0ff8ddc1f9c39320c2c38ff606d6f4656e04742ff2dc51f2d562996f"
H=usr/share/doc/gnucash-docs/gnucash-help-en
G=usr/share/doc/gnucash-docs/gnucash-guide-en
# "path-in-the-package name-in-DEST" lines (keep in step with corpus.txt)
FILES=
for page in acct-types acct-create acct-reconcile trans-enter trans-multi-enter trans-reverse \
  trans-sched trans-sched-slr trans-import import-qif busnss-ar-setup1 busnss-ar-customers1 \
  busnss-ar-invoices1 busnss-ar-payment1 busnss-ap-vendors1 busnss-ap-bills1 \
  busnss-ap-payment1 busnss-emply set-prefs book-options report-intro gui-budget \
  tool-close-book tool-price finance-quote trans-currency-enter; do
  FILES="$FILES
$H/$page.html help-$page.html"
done
for page in basics-accounting1 basics-files1 basics-backup1 chapter_accts bus_setup bus_ar \
  bus_ap bus_payroll budget_concepts1 budget_creation1 currency_concepts1 importing-from-files \
  rpt_standardrpts invest-stockprice1 gnc-gloss basics-running-gnucash; do
  FILES="$FILES
$G/$page.html guide-$page.html"
done

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files gnucash "$DEST" "$DEBS" "$FILES"
