#!/bin/sh
# Fetch the dovecot corpus: Dovecot 2.3.19.1's documentation as a small hosting company's mail
# administrator indexes it for the colleagues who run its IMAP servers, from Debian bookworm's
# dovecot-core 1:2.3.19.1+dfsg1-2.1+deb12u7 (amd64; the documents are under
# /usr/share/doc/dovecot-core/ and /usr/share/dovecot/), copied flat under names that say
# whose they are (everything ends in .txt, which the loaders take; a .gz is decompressed):
# - dovecot-NEWS.txt: the whole release history (NEWS.gz, about 5600 lines, v2.3.19.1 back
#   to v0.94); dovecot-NEWS.Debian.txt and dovecot-README.Debian.txt: Debian's notes;
#   dovecot-pigeonhole-README.txt: the Sieve and ManageSieve implementation's README;
# - dovecot-wiki-<page>.txt: 47 of the 275 pages of the Dovecot wiki as shipped in wiki/
#   (plain text), the ones an administrator of a hosting company's IMAP servers reaches for:
#   authentication (password schemes, mechanisms, caching, master users, the failure
#   penalty, the SQL and passwd-file databases, extra fields), SSL (configuration,
#   certificate creation), quota (the overview, configuration with rules, warnings and
#   grace, the count backend, the trash plugin), ACLs and shared and public mailboxes,
#   mailbox formats (the overview, Maildir, dbox, mbox) and mail locations, mailbox settings
#   (special-use folders), delivery (LMTP, LDA, LDA with Postfix), logging, replication,
#   namespaces, upgrading from 2.1 to 2.2 and from 2.2 to 2.3, performance and security
#   tuning, timeouts, troubleshooting (WhyDoesItNotWork, debugging authentication, rawlog),
#   services, index files, NFS, user IDs, variables, the zlib compression plugin, Postfix
#   SASL, and the Sieve and ManageSieve configuration and the vacation extension; the Design.*
#   pages (developers' internals), the migration, HowTo and client-specific pages and the
#   rarer plugins and databases are left out, so the index holds what the colleagues run;
# - dovecot-sieve-<folder>-<name>.txt: the 13 Pigeonhole documents of sieve/ (extensions:
#   duplicate, editheader, include, spamtest/virustest, vacation, vnd.dovecot.environment,
#   vnd.dovecot.report; locations: dict, file, ldap; plugins: imap_filter_sieve, imapsieve,
#   sieve_extprograms);
# - dovecot-conf-dovecot.conf.txt, dovecot-conf-dovecot-sql.conf.ext.txt and
#   dovecot-conf.d-<name>.txt: the commented example configuration of /usr/share/dovecot/
#   (dovecot.conf, dovecot-sql.conf.ext and conf.d's 10-auth, 10-logging, 10-mail,
#   10-master, 10-ssl, 15-lda, 15-mailboxes, 90-acl, 90-quota and the eight
#   auth-*.conf.ext). conf.d's 20-*.conf (imap, lmtp, pop3, ...) are not in dovecot-core
#   (they come with dovecot-imapd and the other protocol packages), so they are not here;
#   10-director, 10-metrics, 10-tcpwrapper and 90-plugin are left out.
# The commit log (changelog.gz), changelog.Debian, the copyright, TODO, securecoding.txt,
# thread-refs.txt, documentation.txt, the upstream README (a list of RFCs), the Pigeonhole
# NEWS and the Solr XML are left out. The documents are not committed (documents written by
# others, LGPL-2.1 and MIT for the code, the wiki's own terms), so this script gets the exact
# .deb (about 4.5 MB, kept in build/corpora/dovecot/) from the Debian archive with apt-get
# (no root needed), checks its sha256, extracts it with dpkg-deb and copies the files into
# build/corpora/dovecot/ (git-ignored). The package is architecture-specific: its sha256 is
# the amd64 one, so on another architecture amd64 must be added to dpkg first.
# Idempotent: does nothing when every file is already there.
# Usage: sh bench/answers/dovecot/fetch.sh
set -eu
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
DEST="$REPO/build/corpora/dovecot"
# package:architecture=version sha256 of its .deb, as observed on 2026-12-07
DEBS="dovecot-core:amd64=1:2.3.19.1+dfsg1-2.1+deb12u7 08e03ba2b1a43e465a537ce563376b9e11de1889bdf2f4116f456352348b0c87"
D=usr/share/doc/dovecot-core
W=$D/wiki
S=$D/sieve
C=usr/share/dovecot
# path in the package -> name in DEST (a .gz is decompressed); keep in step with corpus.txt
FILES="$D/NEWS.gz dovecot-NEWS.txt
$D/NEWS.Debian.gz dovecot-NEWS.Debian.txt
$D/README.Debian dovecot-README.Debian.txt
$D/pigeonhole.README.gz dovecot-pigeonhole-README.txt
$W/Authentication.PasswordSchemes.txt.gz dovecot-wiki-Authentication.PasswordSchemes.txt
$W/Authentication.Mechanisms.txt dovecot-wiki-Authentication.Mechanisms.txt
$W/Authentication.Caching.txt.gz dovecot-wiki-Authentication.Caching.txt
$W/Authentication.MasterUsers.txt.gz dovecot-wiki-Authentication.MasterUsers.txt
$W/Authentication.Penalty.txt dovecot-wiki-Authentication.Penalty.txt
$W/AuthDatabase.SQL.txt.gz dovecot-wiki-AuthDatabase.SQL.txt
$W/AuthDatabase.PasswdFile.txt.gz dovecot-wiki-AuthDatabase.PasswdFile.txt
$W/PasswordDatabase.ExtraFields.txt.gz dovecot-wiki-PasswordDatabase.ExtraFields.txt
$W/SSL.DovecotConfiguration.txt.gz dovecot-wiki-SSL.DovecotConfiguration.txt
$W/SSL.CertificateCreation.txt.gz dovecot-wiki-SSL.CertificateCreation.txt
$W/Quota.txt.gz dovecot-wiki-Quota.txt
$W/Quota.Configuration.txt.gz dovecot-wiki-Quota.Configuration.txt
$W/Quota.Count.txt dovecot-wiki-Quota.Count.txt
$W/Plugins.Trash.txt dovecot-wiki-Plugins.Trash.txt
$W/ACL.txt.gz dovecot-wiki-ACL.txt
$W/SharedMailboxes.Shared.txt.gz dovecot-wiki-SharedMailboxes.Shared.txt
$W/SharedMailboxes.Public.txt.gz dovecot-wiki-SharedMailboxes.Public.txt
$W/MailboxFormat.txt.gz dovecot-wiki-MailboxFormat.txt
$W/MailboxFormat.Maildir.txt.gz dovecot-wiki-MailboxFormat.Maildir.txt
$W/MailboxFormat.dbox.txt.gz dovecot-wiki-MailboxFormat.dbox.txt
$W/MailboxFormat.mbox.txt.gz dovecot-wiki-MailboxFormat.mbox.txt
$W/MailLocation.txt.gz dovecot-wiki-MailLocation.txt
$W/MailboxSettings.txt dovecot-wiki-MailboxSettings.txt
$W/LMTP.txt.gz dovecot-wiki-LMTP.txt
$W/LDA.txt.gz dovecot-wiki-LDA.txt
$W/LDA.Postfix.txt.gz dovecot-wiki-LDA.Postfix.txt
$W/Logging.txt.gz dovecot-wiki-Logging.txt
$W/Replication.txt.gz dovecot-wiki-Replication.txt
$W/Namespaces.txt.gz dovecot-wiki-Namespaces.txt
$W/Upgrading.2.2.txt dovecot-wiki-Upgrading.2.2.txt
$W/Upgrading.2.3.txt.gz dovecot-wiki-Upgrading.2.3.txt
$W/PerformanceTuning.txt dovecot-wiki-PerformanceTuning.txt
$W/SecurityTuning.txt dovecot-wiki-SecurityTuning.txt
$W/Timeouts.txt dovecot-wiki-Timeouts.txt
$W/WhyDoesItNotWork.txt.gz dovecot-wiki-WhyDoesItNotWork.txt
$W/Debugging.Authentication.txt dovecot-wiki-Debugging.Authentication.txt
$W/Debugging.Rawlog.txt.gz dovecot-wiki-Debugging.Rawlog.txt
$W/Services.txt.gz dovecot-wiki-Services.txt
$W/IndexFiles.txt.gz dovecot-wiki-IndexFiles.txt
$W/NFS.txt.gz dovecot-wiki-NFS.txt
$W/UserIds.txt.gz dovecot-wiki-UserIds.txt
$W/Variables.txt.gz dovecot-wiki-Variables.txt
$W/Plugins.Zlib.txt.gz dovecot-wiki-Plugins.Zlib.txt
$W/HowTo.PostfixAndDovecotSASL.txt.gz dovecot-wiki-HowTo.PostfixAndDovecotSASL.txt
$W/Pigeonhole.Sieve.Configuration.txt.gz dovecot-wiki-Pigeonhole.Sieve.Configuration.txt
$W/Pigeonhole.ManageSieve.Configuration.txt.gz dovecot-wiki-Pigeonhole.ManageSieve.Configuration.txt
$W/Pigeonhole.Sieve.Extensions.Vacation.txt.gz dovecot-wiki-Pigeonhole.Sieve.Extensions.Vacation.txt
$S/extensions/duplicate.txt dovecot-sieve-extensions-duplicate.txt
$S/extensions/editheader.txt dovecot-sieve-extensions-editheader.txt
$S/extensions/include.txt dovecot-sieve-extensions-include.txt
$S/extensions/spamtest-virustest.txt.gz dovecot-sieve-extensions-spamtest-virustest.txt
$S/extensions/vacation.txt.gz dovecot-sieve-extensions-vacation.txt
$S/extensions/vnd.dovecot.environment.txt dovecot-sieve-extensions-vnd.dovecot.environment.txt
$S/extensions/vnd.dovecot.report.txt dovecot-sieve-extensions-vnd.dovecot.report.txt
$S/locations/dict.txt.gz dovecot-sieve-locations-dict.txt
$S/locations/file.txt dovecot-sieve-locations-file.txt
$S/locations/ldap.txt dovecot-sieve-locations-ldap.txt
$S/plugins/imap_filter_sieve.txt dovecot-sieve-plugins-imap_filter_sieve.txt
$S/plugins/imapsieve.txt.gz dovecot-sieve-plugins-imapsieve.txt
$S/plugins/sieve_extprograms.txt.gz dovecot-sieve-plugins-sieve_extprograms.txt
$C/dovecot.conf dovecot-conf-dovecot.conf.txt
$C/dovecot-sql.conf.ext dovecot-conf-dovecot-sql.conf.ext.txt
$C/conf.d/10-auth.conf dovecot-conf.d-10-auth.conf.txt
$C/conf.d/10-logging.conf dovecot-conf.d-10-logging.conf.txt
$C/conf.d/10-mail.conf dovecot-conf.d-10-mail.conf.txt
$C/conf.d/10-master.conf dovecot-conf.d-10-master.conf.txt
$C/conf.d/10-ssl.conf dovecot-conf.d-10-ssl.conf.txt
$C/conf.d/15-lda.conf dovecot-conf.d-15-lda.conf.txt
$C/conf.d/15-mailboxes.conf dovecot-conf.d-15-mailboxes.conf.txt
$C/conf.d/90-acl.conf dovecot-conf.d-90-acl.conf.txt
$C/conf.d/90-quota.conf dovecot-conf.d-90-quota.conf.txt
$C/conf.d/auth-checkpassword.conf.ext dovecot-conf.d-auth-checkpassword.conf.ext.txt
$C/conf.d/auth-deny.conf.ext dovecot-conf.d-auth-deny.conf.ext.txt
$C/conf.d/auth-dict.conf.ext dovecot-conf.d-auth-dict.conf.ext.txt
$C/conf.d/auth-master.conf.ext dovecot-conf.d-auth-master.conf.ext.txt
$C/conf.d/auth-passwdfile.conf.ext dovecot-conf.d-auth-passwdfile.conf.ext.txt
$C/conf.d/auth-sql.conf.ext dovecot-conf.d-auth-sql.conf.ext.txt
$C/conf.d/auth-static.conf.ext dovecot-conf.d-auth-static.conf.ext.txt
$C/conf.d/auth-system.conf.ext dovecot-conf.d-auth-system.conf.ext.txt"

. "$REPO/bench/answers/fetch-debs.sh"
fetch_files dovecot "$DEST" "$DEBS" "$FILES"
