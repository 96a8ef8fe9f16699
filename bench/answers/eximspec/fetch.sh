#!/bin/sh
# Fetch the eximspec corpus: the Exim 4.96 specification (DocBook-generated HTML, one page a
# chapter, with navigation links and many option tables) as a mail-hosting company's
# postmasters would index their "how our mail servers work" reference: 30 chapters spread over
# the whole spec (introduction, receiving and delivering, the runtime configuration file and
# the main options, string expansions, lists, lookups, routers and transports, retries,
# rewriting, authentication, TLS, ACLs, content scanning, DKIM/SPF/DMARC, logs, utilities,
# message and SMTP processing, security, spool files), from the bookworm package
# exim4-doc-html 4.96-1. The concept and option index pages, the variable index and the
# chapters on building, the monitor and local_scan are left out. The pages are not
# committed (documents written by others), so this script gets the exact .deb from the
# Debian archive with apt-get, checks its sha256, extracts it with dpkg-deb and copies the
# pages under their own names (ch-*.html, flat and unique) into build/corpora/eximspec/, like
# harden's fetch.sh. Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/eximspec/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/eximspec"
# package=version sha256 of its .deb, as observed on 2026-12-05
DEBS="exim4-doc-html=4.96-1 f0613395fd73c3c278b619c8162c5a183e7874cbfdebe3614b4b3339d5d8a120"
SP=usr/share/doc/exim4-doc-html/spec_html
# chapter pages in the package; each is copied to DEST under its own name (keep in step with
# corpus.txt)
PAGES="
$SP/ch-introduction.html
$SP/ch-how_exim_receives_and_delivers_mail.html
$SP/ch-the_exim_runtime_configuration_file.html
$SP/ch-main_configuration.html
$SP/ch-string_expansions.html
$SP/ch-domain_host_address_and_local_part_lists.html
$SP/ch-file_and_database_lookups.html
$SP/ch-generic_options_for_routers.html
$SP/ch-the_dnslookup_router.html
$SP/ch-the_redirect_router.html
$SP/ch-the_manualroute_router.html
$SP/ch-the_accept_router.html
$SP/ch-generic_options_for_transports.html
$SP/ch-the_smtp_transport.html
$SP/ch-the_appendfile_transport.html
$SP/ch-the_pipe_transport.html
$SP/ch-retry_configuration.html
$SP/ch-address_rewriting.html
$SP/ch-smtp_authentication.html
$SP/ch-the_plaintext_authenticator.html
$SP/ch-encrypted_smtp_connections_using_tlsssl.html
$SP/ch-access_control_lists.html
$SP/ch-content_scanning_at_acl_time.html
$SP/ch-dkim_spf_srs_and_dmarc.html
$SP/ch-log_files.html
$SP/ch-exim_utilities.html
$SP/ch-message_processing.html
$SP/ch-smtp_processing.html
$SP/ch-security_considerations.html
$SP/ch-format_of_spool_files.html
"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_pages eximspec "$DEST" "$DEBS" "$PAGES"
