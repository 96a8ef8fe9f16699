#!/bin/sh
# Fetch the rsyslog corpus: the rsyslog 8.2302 documentation (Sphinx HTML: sidebar navigation,
# "Navigation" and footer boilerplate, parameter tables, code blocks) as a small
# organisation's IT office would index "the logging docs" for whoever runs the central log
# server: 40 rendered pages spread over the manual, from Debian bookworm's rsyslog-doc
# 8.2302.0+dfsg-1: installing from packages and from source, configuration basics (the basic
# structure, the configuration formats, the sysklogd selector format, converting to the new
# format), the queues concept page, the queue parameters and the FAQ on main vs action
# queues, actions and their parameters, templates, properties and the property replacer,
# filters, rulesets, the global configuration statement and control structures, eight module
# pages (imfile, imtcp, imudp, imjournal, omfwd, omfile, ommysql, mmnormalize), the TLS
# tutorials (the long GnuTLS one, its short version, the CA and error-message pages),
# reliable forwarding, failover, log rotation with a fixed-size output channel, the
# troubleshooting, debugging and "file not written" pages, the v6, v7 and v8 compatibility
# notes and two legacy $ directive pages ($MainMsgQueueSize, $ActionResumeInterval). The
# _sources/*.rst.txt copies, genindex, search, the tables of contents, the licence page, the
# development and proposals pages and the other modules are left out. The pages are not
# committed (documents written by others, Apache-2.0 / GPL-3+), so this script gets the exact
# .deb (about 1.2 MB, kept in build/corpora/rsyslog/) from the Debian archive with apt-get,
# checks its sha256, extracts it with dpkg-deb and copies the pages (their own names, all
# unique) into build/corpora/rsyslog/, like bacula's fetch.sh. Idempotent: does nothing when
# every file is already there.
# Usage: sh bench/answers/rsyslog/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/rsyslog"
# package=version sha256 of its .deb, as observed on 2026-12-06
DEBS="rsyslog-doc=8.2302.0+dfsg-1 df15098444db396754ed84dbf603f0b1e19a343da6564c49b34431c2334b4a86"
H=usr/share/doc/rsyslog-doc/html
C=$H/configuration
M=$C/modules
T=$H/tutorials
# page paths in the package; each is copied to DEST under its own name (keep in step with
# corpus.txt)
PAGES="$H/installation/packages.html $H/installation/install_from_source.html
$C/basic_structure.html $C/conf_formats.html $C/sysklogd_format.html
$C/converting_to_new_format.html $H/concepts/queues.html $H/rainerscript/queue_parameters.html
$H/faq/difference_queues.html $C/actions.html $C/templates.html $C/properties.html
$C/property_replacer.html $C/filters.html $H/concepts/multi_ruleset.html
$H/rainerscript/global.html $H/rainerscript/control_structures.html
$M/imfile.html $M/imtcp.html $M/imudp.html $M/imjournal.html $M/omfwd.html $M/omfile.html
$M/ommysql.html $M/mmnormalize.html
$T/tls.html $T/tls_cert_summary.html $T/tls_cert_ca.html $T/tls_cert_errmsgs.html
$T/reliable_forwarding.html $T/failover_syslog_server.html $T/log_rotation_fix_size.html
$H/troubleshooting/troubleshoot.html $H/troubleshooting/debug.html
$H/troubleshooting/file_not_written.html
$H/compatibility/v6compatibility.html $H/compatibility/v7compatibility.html
$H/compatibility/v8compatibility.html
$C/global/options/rsconf1_mainmsgqueuesize.html $C/action/rsconf1_actionresumeinterval.html"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_pages rsyslog "$DEST" "$DEBS" "$PAGES"
