"""Plain text read the way its writers set it out: configuration files, FAQs, Debian's
NEWS files (gaps reported by the writers of the chrony and fail2ban question sets)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pocketrag.loaders import load_document


def _blocks(path: Path, limits) -> list[tuple[str, tuple[str, ...]]]:
    return [(b.text, b.heading_path) for b in load_document(path, limits).blocks]


def test_a_setting_under_its_comment_stays_a_line_of_its_own(tmp_path: Path, limits) -> None:
    # the setting was joined onto the comment's sentence ("... gains/losses time.
    # driftfile /var/lib/chrony/drift"), and a setting commented out lost its "#" there,
    # so it read as if it were on
    path = tmp_path / "chrony.conf.txt"
    path.write_text(
        "# Record the rate at which the system clock gains/losses time.\n"
        "driftfile /var/lib/chrony/drift\n\n"
        "# Allow NTP client access from local network.\n#allow 192.168.0.0/16\n\n"
        "# The shutdown starts when the charge left in the battery falls\n"
        "#  below this many percent.\n"
    )
    doc = load_document(path, limits)
    assert [b.text for b in doc.blocks] == [
        "# Record the rate at which the system clock gains/losses time.\n"
        "driftfile /var/lib/chrony/drift",
        "# Allow NTP client access from local network.\n#allow 192.168.0.0/16",
        "# The shutdown starts when the charge left in the battery falls below this many percent.",
    ]
    assert doc.title == "chrony.conf"  # a sentence in a comment names no file


def test_a_short_opening_comment_is_the_title(tmp_path: Path, limits) -> None:
    path = tmp_path / "upsd.conf.txt"
    path.write_text("## Network UPS Tools: example upsd configuration ##\n\nMAXAGE 15\n")
    assert load_document(path, limits).title == "Network UPS Tools: example upsd configuration"
    path.write_text("#\n# This is an example file.\n#\nMAXAGE 15\n")
    assert load_document(path, limits).title == "upsd.conf"


def test_a_version_control_keyword_or_file_magic_is_no_title(tmp_path: Path, limits) -> None:
    # "%PAM-1.0", "$Id$" and "-- $LynxId: README.defines,v 1.20 ... $" had been the titles
    # every answer quoting these files was cited by
    path = tmp_path / "pam.conf.txt"
    # an editor's mode line too (FreeRADIUS's "# -*- text -*-")
    firsts = ("#%PAM-1.0", "# $Id$", "-- $LynxId: README.defines,v 1.20 2019/07/31 tom Exp $")
    for first in (*firsts, "# -*- text -*-", "# vim: set ts=8 sw=4:"):
        path.write_text(f"{first}\n\nauth required pam_env.so\n")
        assert load_document(path, limits).title == "pam.conf", first
    path.write_text("# Example PAM configuration\n\nauth required pam_env.so\n")
    assert load_document(path, limits).title == "Example PAM configuration"
    # a letterhead in capitals over the document's name: both name it (the organisation
    # alone had named the minutes, and "PENNOCK VALE SURGERY:" labelled their side of an
    # answer beside the handbook's); too long together, the letterhead alone
    path.write_text(
        "PENNOCK VALE SURGERY\nMINUTES OF THE PARTNERS' BUSINESS MEETING\n"
        "Wednesday 25 November 2026, 12:45pm\n\n1. APOLOGIES\n\nNone.\n"
    )
    assert load_document(path, limits).title == (
        "PENNOCK VALE SURGERY - MINUTES OF THE PARTNERS' BUSINESS MEETING"
    )
    path.write_text(f"PENNOCK VALE SURGERY\n{'VERY LONG NAME ' * 8}\n\nNone.\n")
    assert load_document(path, limits).title == "PENNOCK VALE SURGERY"
    # Tor's service defaults open with a setting: the file's name says more
    path.write_text("DataDirectory /var/lib/tor\nPidFile /run/tor/tor.pid\nRunAsDaemon 1\n")
    assert load_document(path, limits).title == "pam.conf"


@pytest.mark.parametrize(
    ("first", "second", "why"),
    [
        # sudo's NEWS: "What's new in Sudo 1.9.13p3" was a paragraph of its own, and its
        # notes had no release to sit under ("which release fixed ...?")
        ("What's new in Sudo 1.9.13p3", "What's new in Sudo 1.9.13p2", "no date"),
        # Dovecot's NEWS: the release line with its author was read as a paragraph (the
        # first one the file's title), and none of the 581 notes sat under its release
        (
            "v2.3.19.1 2022-06-14 Aki Tuomi <aki.tuomi@open-xchange.com>",
            "v2.3.rc1 2017-12-04 Timo Sirainen <tss@iki.fi>",
            "an author after the date",
        ),
        # Tor's ChangeLog: "Changes in version X - date" headed nothing, so each release's
        # "o Minor bugfixes" blocks had no version to sit under
        (
            "Changes in version 0.4.9.11 - 2026-06-25",
            "Changes in version 0.4.9.1-alpha - 2024-12-03",
            "a release heading with its date",
        ),
        # FreeRADIUS's release notes: the line ran on into its first section's name, and
        # no note sat under its release
        (
            "FreeRADIUS 3.2.1 Mon 03 Oct 2022 12:00:00 EDT urgency=low",
            "FreeRADIUS 3.2.0 Thu 21 Apr 2022 12:00:00 EDT urgency=low",
            "a weekday before the date, an urgency after it",
        ),
    ],
)
def test_release_headings_head_their_notes(tmp_path: Path, limits, first, second, why) -> None:
    path = tmp_path / "NEWS.txt"
    path.write_text(
        f"{first}\n\n"
        ' * Fixed a bug that caused a syntax error when "list" was used\n'
        "   as a user or host name.\n\n"
        f"{second}\n\n"
        " * Fixed the --enable-static-sudoers option.\n"
    )
    blocks = _blocks(path, limits)
    assert [path_ for _, path_ in blocks] == [(first,), (second,)], (why, blocks)
    assert load_document(path, limits).title == "NEWS"


def test_bare_and_listed_release_lines_head_all_their_notes(tmp_path: Path, limits) -> None:
    # dnsmasq's CHANGELOG ("version 2.90" over tab-indented paragraphs) and lighttpd's NEWS
    # ("- 1.4.69 - 2023-02-10" over "*" bullets): only an entry's first paragraph carried
    # its version, the later ones sat in untitled blocks, and the first entry's line was
    # the file's title. A sentence about a version opens no release.
    path = tmp_path / "CHANGELOG.txt"
    path.write_text(
        "version 2.90\n\tFix reversion in --rev-server introduced in 2.88 which\n"
        "\tcaused breakage if the prefix length is not exactly divisible.\n\n"
        "\tSet the default maximum DNS UDP packet size to 1232.\n\n"
        "release 2.89\n\tFix bug introduced in 2.88 which can corrupt the cache.\n\n"
        "\tAdd --filter-rr option, to filter arbitrary RR-types.\n\n"
        "version 2 of the licence now covers the code of the DHCP server\nas well.\n\n"
        "- 1.4.69 - 2023-02-10\n  * [meson] remove t/test_mod_evasive.c\n"
        "  * [core] update ls-hpack\n"
    )
    doc = load_document(path, limits)
    assert doc.title == "CHANGELOG"
    assert [(b.text, b.heading_path) for b in doc.blocks] == [
        (
            "Fix reversion in --rev-server introduced in 2.88 which caused breakage if the "
            "prefix length is not exactly divisible.",
            ("version 2.90",),
        ),
        ("Set the default maximum DNS UDP packet size to 1232.", ("version 2.90",)),
        ("Fix bug introduced in 2.88 which can corrupt the cache.", ("release 2.89",)),
        ("Add --filter-rr option, to filter arbitrary RR-types.", ("release 2.89",)),
        (
            "version 2 of the licence now covers the code of the DHCP server as well.",
            ("release 2.89",),
        ),
        (
            "* [meson] remove t/test_mod_evasive.c\n* [core] update ls-hpack",
            ("- 1.4.69 - 2023-02-10",),
        ),
    ]


def test_a_release_line_with_its_first_note_heads_its_notes(tmp_path: Path, limits) -> None:
    # dnsmasq's CHANGELOG.archive sets an old release's first note on its line, after a
    # column's gap or a dash: its entries had no release to sit under, and its first
    # line was the file's title
    path = tmp_path / "CHANGELOG.archive.txt"
    path.write_text(
        "release 0.4 - initial public release\n\n"
        "release 1.10  Log warnings if resolv.conf or dhcp.leases are not\n"
        "              accessible for any reason.\n\n"
        "\t      Fixed wrong address printing in error message about\n"
        "\t      no interface with address.\n"
    )
    doc = load_document(path, limits)
    assert doc.title == "CHANGELOG.archive"
    assert [(b.text, b.heading_path) for b in doc.blocks] == [
        ("initial public release", ("release 0.4",)),
        (
            "Log warnings if resolv.conf or dhcp.leases are not accessible for any reason.",
            ("release 1.10",),
        ),
        (
            "Fixed wrong address printing in error message about no interface with address.",
            ("release 1.10",),
        ),
    ]


def test_a_news_entry_right_under_the_last_sign_off_is_its_own(tmp_path: Path, limits) -> None:
    # ghostscript's NEWS.Debian: the last entry had no blank line before it, and its text
    # sat under the entry before it
    path = tmp_path / "NEWS.Debian.txt"
    path.write_text(
        "gs-gpl (8.01-3) unstable; urgency=low\n\n"
        "  Currently gs-gpl has stp support.\n\n"
        " -- Masayuki Hatta <mhatta@debian.org>  Wed, 28 Apr 2004 05:40:05 +0900\n"
        "ghostscript (9.27~dfsg-3.1) unstable; urgency=medium\n\n"
        "  * The file access control capability has been rewritten.\n"
    )
    blocks = _blocks(path, limits)
    assert blocks[-1] == (
        "* The file access control capability has been rewritten.",
        ("ghostscript (9.27~dfsg-3.1) unstable; urgency=medium",),
    ), blocks


def test_a_wiki_pages_contents_list_heads_nothing(tmp_path: Path, limits) -> None:
    # a MoinMoin page as text (Dovecot's wiki): its numbered contents, read as headings,
    # had put every section under the last entry ("9. Client connections") and, before
    # the page's title, named the document "Contents"; its "cut here" lines had joined the
    # first line of the code they mark off
    path = tmp_path / "wiki-SSL.txt"
    path.write_text(
        "Contents\n\n\n 1. Dovecot SSL configuration\n\n     1. Chained SSL certificates\n\n"
        "     2. Client connections\n\n"
        "Dovecot SSL configuration\n=========================\n\n"
        "The most important SSL settings are:\n\n"
        "---%<----------------------\nssl = yes\nssl_cert = </etc/ssl/certs/dovecot.pem\n"
        "---%<----------------------\n\n"
        "Chained SSL certificates\n------------------------\n\n"
        "Put all the intermediate certificates in the ssl_cert file.\n"
    )
    assert _blocks(path, limits) == [
        ("The most important SSL settings are:", ("Dovecot SSL configuration",)),
        (
            "---%<----------------------\nssl = yes\nssl_cert = </etc/ssl/certs/dovecot.pem\n"
            "---%<----------------------",
            ("Dovecot SSL configuration",),
        ),
        (
            "Put all the intermediate certificates in the ssl_cert file.",
            ("Dovecot SSL configuration", "Chained SSL certificates"),
        ),
    ]
    assert load_document(path, limits).title == "Dovecot SSL configuration"


def test_grid_tables_are_read_into_rows(tmp_path: Path, limits) -> None:
    # Dovecot's wiki pages as text: a cell wrapping over several lines had its words mixed
    # with its neighbours' fragments and "|" marks; one cell's text pushes its "|" out of
    # line, which docutils' parser rejects
    path = tmp_path / "wiki-ACL.txt"
    path.write_text(
        "Rights:\n"
        "+--------+---------------+----------------------+\n"
        "| *Letter*| *Name*        | *Meaning*            |\n"
        "+--------+---------------+----------------------+\n"
        "| l      | lookup        | Mailbox is visible in|\n"
        "|        |               | mailbox list.        |\n"
        "+--------+---------------+----------------------+\n"
        "| k      | create-mailbox| Mailboxes can be     |\n"
        "|        |               | created.             |\n"
        "+--------+---------------+----------------------+\n\n"
        "Formats:\n"
        "+-------------+--------+\n"
        "| *Format*    | *Read* |\n"
        "+-------------+--------+\n"
        "| <mbox> [mbox.txt]| Yes |\n"
        "+-------------+--------+\n"
        "| <mbx>       | No     |\n"
        "+-------------+--------+\n\n"
        "+-----------------+\n|A drawn screen   |\n|~                |\n+-----------------+\n"
    )
    texts = [text for text, _ in _blocks(path, limits)]
    assert texts[:4] == [
        "Rights:",
        "Letter | Name | Meaning\n"
        "Letter: l; Name: lookup; Meaning: Mailbox is visible in mailbox list.\n"
        "Letter: k; Name: create-mailbox; Meaning: Mailboxes can be created.",
        "Formats:",
        "Format | Read\nFormat: <mbox> [mbox.txt]; Read: Yes\nFormat: <mbx>; Read: No",
    ], texts
    assert "A drawn screen" in texts[4]  # a box of one column is a drawing, kept as it is


def test_tables_aligned_with_spaces_are_read_into_rows(tmp_path: Path, limits) -> None:
    # a pay table aligned by hand lost the spaces that said which column a figure was in
    # ("S1 Legal secretary, clerk £22,400 £24,200 4"): each row now names its columns. A
    # rule drawn one per column places them, a cell running into the gap too; a header in
    # capitals needs no rule. A first line of aligned data names nothing: it stays as it is.
    path = tmp_path / "pay.txt"
    path.write_text(
        "Pay scales from April.\n\n"
        "GRADE  ROLES                        MINIMUM    MAXIMUM   STEPS\n"
        "-----  ---------------------------  ---------  --------  -----\n"
        "S1     Legal secretary, file clerk  £22,400    £24,200   4\n"
        "S2     Senior legal secretary, team £24,600    £27,900   5\n\n"
        "    NAME      TYPE  DESCRIPTION\n"
        "    .TS       M     begin table\n"
        "    \\*{       S     begin superscript\n\n"
        "COOKIE_FILE            LYMain.c     default cookie file in HOME dir\n"
        "SHOW_WHEREIS_TARGETS   LYCurses.h   whereis search highlighting\n"
        "USE_KEYMAPS            LYCurses.h   use of .lynx-keymaps files\n"
    )
    texts = [text for text, _ in _blocks(path, limits)]
    assert texts == [
        "Pay scales from April.",
        "GRADE | ROLES | MINIMUM | MAXIMUM | STEPS\n"
        "GRADE: S1; ROLES: Legal secretary, file clerk; MINIMUM: £22,400; MAXIMUM: £24,200; "
        "STEPS: 4\n"
        "GRADE: S2; ROLES: Senior legal secretary, team; MINIMUM: £24,600; MAXIMUM: £27,900; "
        "STEPS: 5",
        "NAME | TYPE | DESCRIPTION\n"
        "NAME: .TS; TYPE: M; DESCRIPTION: begin table\n"
        "NAME: \\*{; TYPE: S; DESCRIPTION: begin superscript",
        "COOKIE_FILE LYMain.c default cookie file in HOME dir\n"
        "SHOW_WHEREIS_TARGETS LYCurses.h whereis search highlighting\n"
        "USE_KEYMAPS LYCurses.h use of .lynx-keymaps files",
    ], texts


def test_statements_ending_in_a_semicolon_stay_lines_of_their_own(tmp_path: Path, limits) -> None:
    # a configuration in C's manner: a run of statements had read as one line ("timeout 60;
    # retry 60; ..."), and one commented out under its comment had joined the comment's
    # sentence without its "//", reading as if it were set. Prose giving a statement on its
    # next line keeps it, and a list item's last line ending in ";" goes on its sentence.
    path = tmp_path / "client.conf.txt"
    path.write_text(
        "timeout 60;\nretry 60;\nreboot 10;\nselect-timeout 5;\ninitial-interval 2;\n\n"
        "// Enable logging to syslog of the upgrades that were done. Default is False\n"
        '// Unattended-Upgrade::SyslogEnable "false";\n\n'
        "- Various check methods are available: TCP connect, HTTP request, SMTP hello,\n"
        "SSL hello, LDAP, SQL, Redis, send/expect scripts, all with/without SSL;\n\n"
        "It is possible (but STRONGLY ADVISED AGAINST) to revert by setting the option\n"
        'Binary::apt-get::Acquire::AllowInsecureRepositories "true";\n'
    )
    assert [text for text, _ in _blocks(path, limits)] == [
        "timeout 60;\nretry 60;\nreboot 10;\nselect-timeout 5;\ninitial-interval 2;",
        "// Enable logging to syslog of the upgrades that were done. Default is False\n"
        '// Unattended-Upgrade::SyslogEnable "false";',
        "- Various check methods are available: TCP connect, HTTP request, SMTP hello, SSL "
        "hello, LDAP, SQL, Redis, send/expect scripts, all with/without SSL;",
        "It is possible (but STRONGLY ADVISED AGAINST) to revert by setting the option "
        'Binary::apt-get::Acquire::AllowInsecureRepositories "true";',
    ]


def test_faq_questions_are_headings_and_output_keeps_its_header(tmp_path: Path, limits) -> None:
    # numbered questions were body text, so every answer sat under the chapter alone; a
    # command's output underlined with "=====" became the heading of the next questions
    path = tmp_path / "FAQ.txt"
    path.write_text(
        "Frequently Asked Questions\n\n"
        "  o 1. Configuration issues\n      ? 1.1. How do I make an NTP server?\n"
        "      ? 1.2. Must I specify servers by IP address if DNS is not available on\n"
        "        chronyd start?\n\n"
        "1. Configuration issues\n\n1.1. How do I make an NTP server?\n\n"
        "Add an allow directive to the chrony.conf file.\n\n"
        "1.2. Must I specify servers by IP address if DNS is not available on chronyd\n"
        "start?\n\nNo. The output of the sources command might look like this:\n\n"
        "MS Name/IP address         Stratum Poll Reach\n"
        "================================================\n"
        "^* foo.example.net               2   6   377\n\n"
        "Name resolution is retried until it succeeds.\n"
    )
    chapter = "1. Configuration issues"
    second = "1.2. Must I specify servers by IP address if DNS is not available on chronyd start?"
    assert _blocks(path, limits)[1:] == [
        (
            "o 1. Configuration issues\n? 1.1. How do I make an NTP server?\n"
            "? 1.2. Must I specify servers by IP address if DNS is not available on chronyd "
            "start?",
            (),
        ),
        (
            "Add an allow directive to the chrony.conf file.",
            (chapter, "1.1. How do I make an NTP server?"),
        ),
        ("No. The output of the sources command might look like this:", (chapter, second)),
        (
            "MS Name/IP address Stratum Poll Reach\n^* foo.example.net 2 6 377",
            (chapter, second),
        ),
        ("Name resolution is retried until it succeeds.", (chapter, second)),
    ]


def test_labelled_faq_questions_head_their_answers_and_code_heads_nothing(
    tmp_path: Path, limits
) -> None:
    """Asymptote's FAQ labels its questions ("Question 1.2.  How do I ...?") and closes each
    answer with a rule: the labelled questions headed nothing, while a code line right over
    the rule ("currentpen=red;" / "-----", an underline to the text alone) and a call over
    the text that explains it ("Label(currentpen+overwrite(Move))") headed the answers
    after them."""
    rule = "-" * 79
    path = tmp_path / "faq.txt"
    path.write_text(
        "ASYMPTOTE FREQUENTLY ASKED QUESTIONS\n\n"
        f"{rule}\n\nQuestion 1.1.  How do I make every line red?\n\n"
        "Just say, for example:\n\ncurrentpen=red;\n"
        f"{rule}\n\nQuestion 1.2.  How do I stop labels overlapping?\n\n"
        "Change the Label argument of the ticks to:\n\n"
        "Label(currentpen+overwrite(Move))\n"
        "This moves labels that would otherwise overwrite a previous label.\n\n"
        f"{rule}\n"
    )
    assert _blocks(path, limits)[1:] == [
        ("Just say, for example:", ("Question 1.1. How do I make every line red?",)),
        ("currentpen=red;", ("Question 1.1. How do I make every line red?",)),
        (
            "Change the Label argument of the ticks to:",
            ("Question 1.2. How do I stop labels overlapping?",),
        ),
        (
            "Label(currentpen+overwrite(Move))\nThis moves labels that would otherwise "
            "overwrite a previous label.",
            ("Question 1.2. How do I stop labels overlapping?",),
        ),
    ]


def test_q_and_a_questions_head_their_answers_and_addenda(tmp_path: Path, limits) -> None:
    # dnsmasq's FAQ: each "Q:" question, its "A:" answer and the addenda after it were
    # untitled blocks, the answer cut off from its question, and the first question was
    # the file's title; an answer right under its question had been joined onto it
    path = tmp_path / "FAQ.txt"
    path.write_text(
        "Q: Why does dnsmasq open UDP ports >1024 as well as port 53.\n"
        "   Is this a security problem?\n\n"
        "A: The high ports that dnsmasq opens are for replies from the upstream\n"
        "   nameserver(s).\n\n"
        "   Addendum: dnsmasq now has the option query-port, which sets the port.\n\n"
        "Q: Can I run dnsmasq in a Linux vserver?\n"
        "A: Yes, as long as the vserver is given the capabilities it needs.\n"
    )
    doc = load_document(path, limits)
    assert doc.title == "FAQ"
    first = (
        "Q: Why does dnsmasq open UDP ports >1024 as well as port 53. Is this a security problem?"
    )
    assert [(b.text, b.heading_path) for b in doc.blocks] == [
        (
            "A: The high ports that dnsmasq opens are for replies from the upstream nameserver(s).",
            (first,),
        ),
        ("Addendum: dnsmasq now has the option query-port, which sets the port.", (first,)),
        (
            "A: Yes, as long as the vserver is given the capabilities it needs.",
            ("Q: Can I run dnsmasq in a Linux vserver?",),
        ),
    ]


def test_debian_news_entries_head_their_notes(tmp_path: Path, limits) -> None:
    # the entry lines were body text: "which version changed ...?" had nothing to go on,
    # and the first entry's line was the title of the whole file
    path = tmp_path / "NEWS.Debian.txt"
    path.write_text(
        "chrony (4.1~pre1-1) experimental; urgency=medium\n\n"
        "  Each line of a source file must end with a newline.\n\n"
        " -- Vincent Blut <vincent@example.org>  Sun, 25 Apr 2021 12:44:09 +0200\n\n"
        "chrony (3.4-2) unstable; urgency=medium\n\n"
        "  A system call filter is now active by default.\n"
    )
    doc = load_document(path, limits)
    assert doc.title == "NEWS.Debian"
    first, second = (
        "chrony (4.1~pre1-1) experimental; urgency=medium",
        "chrony (3.4-2) unstable; urgency=medium",
    )
    assert [(b.text, b.heading_path) for b in doc.blocks] == [
        ("Each line of a source file must end with a newline.", (first,)),
        ("-- Vincent Blut <vincent@example.org> Sun, 25 Apr 2021 12:44:09 +0200", (first,)),
        ("A system call filter is now active by default.", (second,)),
    ]


def test_ini_sections_head_their_settings_but_not_in_prose(tmp_path: Path, limits) -> None:
    # every block of fail2ban's jail.conf had an empty heading path: "which jail is
    # this maxretry for?" had nothing to go on; a unit quoted in a README is no section
    path = tmp_path / "jail.conf.txt"
    path.write_text(
        "# Fail2Ban jail specifications file\n\n[DEFAULT]\n\n"
        '# --------------------\n# "bantime" is the number of seconds that a host is banned.\n'
        "bantime = 10m\n\n[sshd]\nport    = ssh\nlogpath = %(sshd_log)s\n"
    )
    doc = load_document(path, limits)
    assert doc.title == "Fail2Ban jail specifications file"
    assert _blocks(path, limits)[1:] == [
        (
            "# --------------------\n"
            '# "bantime" is the number of seconds that a host is banned.\nbantime = 10m',
            ("[DEFAULT]", "bantime"),
        ),
        ("port = ssh\nlogpath = %(sshd_log)s", ("[sshd]",)),
    ]
    readme = tmp_path / "README.Debian.txt"
    readme.write_text(
        "Notes for Debian\n\nShorewall and startup sequence\n\n"
        "If you use shorewall, add to the fail2ban unit a section\n\n"
        "[Unit]\nRequires=shorewall.service\n\n"
        "so that shorewall is started before fail2ban, and stopped after it.\n"
    )
    assert all("[Unit]" not in b.heading_path for b in load_document(readme, limits).blocks)


def test_a_configuration_of_clauses_heads_each_clauses_options(tmp_path: Path, limits) -> None:
    # Unbound's example configuration: "server:" and "remote-control:" headed nothing, so
    # an option both clauses have lost whose it was; each option commented out under its
    # comment ran into the comment's sentence ("... without clearing them after printing.
    # statistics-cumulative: no", "# port to answer queries from port: 53"), and so did a
    # clause commented out ("... locally served zone. stub-zone:")
    path = tmp_path / "unbound.conf.txt"
    path.write_text(
        "# The server clause sets the main parameters.\nserver:\n"
        "\t# enable cumulative statistics, without clearing them after printing.\n"
        "\t# statistics-cumulative: no\n\n"
        "\t# port to answer queries from\n\t# port: 53\n\n"
        "remote-control:\n\t# Enable remote control with unbound-control(8) here.\n"
        "\t# control-enable: no\n\n"
        "# Consider adding domain-insecure: name to the server: section if the stub is a\n"
        '# locally served zone.\n# stub-zone:\n#\tname: "example.com"\n'
    )
    doc = load_document(path, limits)
    assert doc.title == "unbound.conf"
    assert [(b.text, b.heading_path) for b in doc.blocks[:-1]] == [
        ("# The server clause sets the main parameters.", ()),
        (
            "# enable cumulative statistics, without clearing them after printing.\n"
            "# statistics-cumulative: no",
            ("server:",),
        ),
        ("# port to answer queries from\n# port: 53", ("server:",)),
        (
            "# Enable remote control with unbound-control(8) here.\n# control-enable: no",
            ("remote-control:",),
        ),
    ]
    assert doc.blocks[-1].text == (
        "# Consider adding domain-insecure: name to the server: section if the stub is a "
        'locally served zone.\n# stub-zone:\n# name: "example.com"'
    )
    # a snippet of one clause is titled by its file name, not by "server:"
    snippet = tmp_path / "root-auto-trust-anchor-file.conf.txt"
    snippet.write_text('server:\n    auto-trust-anchor-file: "/var/lib/unbound/root.key"\n')
    assert load_document(snippet, limits).title == "root-auto-trust-anchor-file.conf"


def test_a_short_comment_over_a_group_of_settings_heads_them(tmp_path: Path, limits) -> None:
    # Tor's systemd unit: "# Hardening" over a dozen sandboxing settings had read as the
    # first one's description, and "AppArmorProfile" headed them all
    path = tmp_path / "tor@default.service.txt"
    path.write_text(
        "[Service]\nType=notify\nLimitNOFILE=65536\n\n"
        "# Hardening\nAppArmorProfile=-system_tor\nNoNewPrivileges=yes\nPrivateTmp=yes\n"
    )
    assert _blocks(path, limits)[-1] == (
        "AppArmorProfile=-system_tor\nNoNewPrivileges=yes\nPrivateTmp=yes",
        ("[Service]", "Hardening"),
    )


def test_a_scripts_blocks_keep_their_lines(tmp_path: Path, limits) -> None:
    # logrotate's postrotate script ran into one line ("... > /dev/null fi endscript }")
    path = tmp_path / "logrotate.txt"
    path.write_text(
        "/var/log/tor/*log {\n\tdaily\n\trotate 5\n\tcompress\n\tpostrotate\n"
        "\t\tif invoke-rc.d tor status > /dev/null; then\n"
        "\t\t\tinvoke-rc.d tor reload > /dev/null\n\t\tfi\n\tendscript\n}\n"
    )
    text = load_document(path, limits).blocks[-1].text
    assert text.endswith(
        "if invoke-rc.d tor status > /dev/null; then\ninvoke-rc.d tor reload > /dev/null\n"
        "fi\nendscript\n}"
    ), text


def test_ini_comment_banners_and_described_settings_head_their_text(tmp_path: Path, limits) -> None:
    # under one "[DEFAULT]" heading each chunk of jail.conf mixed a dozen options' comments
    path = tmp_path / "jail.conf.txt"
    path.write_text(
        "# Fail2Ban jail specifications file\n#\n# bantime = 1h\n# is an example.\n\n"
        "[DEFAULT]\n\n#\n# MISCELLANEOUS OPTIONS\n#\n\n"
        '# "bantime.increment" allows longer bans\n# for repeat offenders.\n'
        "#bantime.increment = true\n\n"
        "# Some options used for actions\n\n"
        "# Default protocol\nprotocol = tcp\n\n[sshd]\nport = ssh\n"
    )
    assert _blocks(path, limits)[1:] == [
        (
            '# "bantime.increment" allows longer bans for repeat offenders.\n'
            "#bantime.increment = true",
            ("[DEFAULT]", "MISCELLANEOUS OPTIONS", "bantime.increment"),
        ),
        ("# Some options used for actions", ("[DEFAULT]", "MISCELLANEOUS OPTIONS")),
        (
            "# Default protocol\nprotocol = tcp",
            ("[DEFAULT]", "MISCELLANEOUS OPTIONS", "protocol"),
        ),
        ("port = ssh", ("[sshd]",)),
    ]


def test_a_documented_configuration_heads_its_parts_and_directives(tmp_path: Path, limits) -> None:
    # Squid's squid.conf.documented: every block had an empty heading path, and the tab in
    # "#  TAG: cache_mem<TAB>(bytes)" read as a column, so the entry's wrapped comment
    # lines were never joined into sentences
    path = tmp_path / "squid.conf.documented.txt"
    path.write_text(
        "# WELCOME TO SQUID 5.7\n# ----------------------------\n#\n"
        "# This is the documentation for the Squid configuration file.\n\n"
        "# MEMORY CACHE OPTIONS\n# -------------------------------------------\n\n"
        "#  TAG: cache_mem\t(bytes)\n"
        "#\tData for these objects are stored in 4 KB blocks.  This\n"
        "#\tparameter specifies the ideal upper limit on the total size of\n"
        "#\t4 KB blocks allocated.\n#Default:\n# cache_mem 256 MB\n\n"
        "#  TAG: memory_pools\ton|off\n"
        "#\tIf set, Squid will keep pools of allocated (but unused) memory\n"
        "#\tavailable for future use.\n#Default:\n# memory_pools on\n\n"
        "# LOGFILE OPTIONS\n# -------------------------------------------\n\n"
        "#  TAG: logformat\n#\tUsage:\n"
    )
    assert _blocks(path, limits)[1:] == [
        (
            "# Data for these objects are stored in 4 KB blocks. This parameter specifies the"
            " ideal upper limit on the total size of 4 KB blocks allocated.\n"
            "#Default:\n# cache_mem 256 MB",
            ("MEMORY CACHE OPTIONS", "cache_mem (bytes)"),
        ),
        (
            "# If set, Squid will keep pools of allocated (but unused) memory available for"
            " future use.\n#Default:\n# memory_pools on",
            ("MEMORY CACHE OPTIONS", "memory_pools on|off"),
        ),
        ("# Usage:", ("LOGFILE OPTIONS", "logformat")),
    ]


def test_a_documented_option_label_with_hanging_text_is_no_column(tmp_path: Path, limits) -> None:
    # Squid's uri_whitespace: the gaps after "deny:" and "encode:" read as columns, so the
    # whole entry was kept a line each and every sentence was cut at its line ends
    path = tmp_path / "squid.conf.documented.txt"
    path.write_text(
        "#  TAG: uri_whitespace\n"
        "#\tWhat to do with requests that have whitespace characters in the\n"
        "#\tURI.  Options:\n#\n"
        "#\tstrip:  The whitespace characters are stripped out of the URL.\n"
        "#\t\tThis is the behavior recommended by RFC2396 and RFC3986\n"
        "#\t\tfor tolerant handling of generic URI.\n#\n"
        '#\tdeny:   The request is denied.  The user receives an "Invalid\n'
        '#\t\tRequest" message.\n#\n'
        "#\tencode:\tThe request is allowed and the whitespace characters are\n"
        "#\t\tencoded according to RFC1738.\n"
        "#Default:\n# uri_whitespace strip\n"
    )
    assert _blocks(path, limits) == [
        (
            "# What to do with requests that have whitespace characters in the URI. Options:\n"
            "#\n"
            "# strip: The whitespace characters are stripped out of the URL. This is the"
            " behavior recommended by RFC2396 and RFC3986 for tolerant handling of generic"
            " URI.\n#\n"
            '# deny: The request is denied. The user receives an "Invalid Request" message.\n'
            "#\n"
            "# encode: The request is allowed and the whitespace characters are encoded"
            " according to RFC1738.\n"
            "#Default:\n# uri_whitespace strip",
            ("uri_whitespace",),
        )
    ]


def test_settings_commented_out_stay_a_line_each(tmp_path: Path, limits) -> None:
    # read as one wrapped sentence: "# - domain: example.com notify: secondary" (Knot's
    # knot.conf), "# mail_location = mbox:... mail_location = mbox:..." (Dovecot's)
    path = tmp_path / "knot.conf.txt"
    path.write_text(
        "# A minimal configuration file for Knot DNS, with two zones as an example.\n\n"
        "zone:\n#    # Primary zone\n#  - domain: example.com\n#    notify: secondary\n\n"
        "# Uncomment one of these to keep mail in mbox files under the home directory:\n"
        "#   mail_location = mbox:~/mail:INBOX=/var/mail/%u\n"
        "#   mail_location = mbox:/var/mail/%d/%1n/%n:INDEX=/var/indexes/%d/%1n/%n\n"
    )
    assert [text for text, _ in _blocks(path, limits)][1:] == [
        "zone:\n# # Primary zone\n# - domain: example.com\n# notify: secondary",
        "# Uncomment one of these to keep mail in mbox files under the home directory:\n"
        "# mail_location = mbox:~/mail:INBOX=/var/mail/%u\n"
        "# mail_location = mbox:/var/mail/%d/%1n/%n:INDEX=/var/indexes/%d/%1n/%n",
    ]


def test_quoted_mail_headers_stay_one_to_a_line(tmp_path: Path, limits) -> None:
    path = tmp_path / "thread.txt"
    path.write_text(
        "Re: Parking\n\nAgreed, see below.\n\n"
        "> From: Farida Qureshi <f.qureshi@fellgate-coop.example>\n"
        "> Date: Tue, 24 Nov 2026 16:40:03 +0000\n"
        "> Subject: Re: Moor View - second parking permits\n"
    )
    assert _blocks(path, limits)[-1][0] == (
        "> From: Farida Qureshi <f.qureshi@fellgate-coop.example>\n"
        "> Date: Tue, 24 Nov 2026 16:40:03 +0000\n"
        "> Subject: Re: Moor View - second parking permits"
    )


def test_backslashes_of_a_text_file_in_rst_are_kept(tmp_path: Path, limits) -> None:
    # fail2ban's filters guide is a .txt in rST: docutils dropped the backslash of "\S+" and
    # "\d+" in its prose; a suffix joined to markup ("``release``\s") is rST's own escape
    path = tmp_path / "FILTERS.txt"
    path.write_text(
        ".. _filters:\n\n.. note:: Read this first.\n\n"
        "Do not use .* if \\d+ is sufficient, and add \\s*$ for trailing spaces.\n"
        "One ``release``\\s later.\n\n::\n\n    ^Invalid command \\S+ from <HOST>\n"
    )
    texts = [text for text, _ in _blocks(path, limits)]
    assert texts[-2:] == [
        "Do not use .* if \\d+ is sufficient, and add \\s*$ for trailing spaces."
        " One releases later.",
        "^Invalid command \\S+ from <HOST>",
    ]


def test_a_banner_boxed_in_hashes_reads_without_its_box(tmp_path: Path, limits) -> None:
    # OpenVPN's sample configs open with a "#" box: its marks stayed in the text and the
    # title stopped at the first row ("Sample OpenVPN 2.6 config file for")
    rule = "#" * 40
    path = tmp_path / "server.conf.txt"
    path.write_text(
        f"{rule}\n# Sample OpenVPN 2.6 config file for #\n# multi-client server.              #\n"
        "#                                    #\n# Comments are preceded with '#'     #\n"
        f"{rule}\n\n# Which TCP/UDP port should OpenVPN listen on?\nport 1194\n"
    )
    doc = load_document(path, limits)
    assert doc.title == "Sample OpenVPN 2.6 config file for multi-client server."
    assert [b.text for b in doc.blocks] == [
        "Sample OpenVPN 2.6 config file for multi-client server.",
        "Comments are preceded with '#'",
        "# Which TCP/UDP port should OpenVPN listen on?\nport 1194",
    ]


def test_underline_styles_rank_in_the_order_they_first_appear(tmp_path: Path, limits) -> None:
    # OpenVPN's management notes: "---" commands, a few "===" subsections in one of them;
    # the commands after those had all nested under the last "===" subsection. A title of
    # two lines over one underline had been read as body text.
    path = tmp_path / "management-notes.txt"
    path.write_text(
        "COMMAND -- client-pending-auth\n------------------------------\n\n"
        "Instructs OpenVPN server to send AUTH_PENDING to a client.\n\n"
        "webauth and openurl\n===================\n\nFor a web based extra authentication.\n\n"
        "COMMAND -- client-deny\n----------------------\n\nDeny a client's connection.\n\n"
        "COMMAND -- pk-sig (OpenVPN 2.5 or higher)\nCOMMAND -- rsa-sig (OpenVPN 2.3 or higher)\n"
        "------------------------------------------\n"
        "Provides support for external storage of the private key.\n"
    )
    assert _blocks(path, limits)[1:] == [
        ("For a web based extra authentication.",
         ("COMMAND -- client-pending-auth", "webauth and openurl")),
        ("Deny a client's connection.", ("COMMAND -- client-deny",)),
        ("Provides support for external storage of the private key.",
         ("COMMAND -- pk-sig (OpenVPN 2.5 or higher) COMMAND -- rsa-sig (OpenVPN 2.3 or higher)",)),
    ]  # fmt: skip


def test_a_part_boxed_among_underlined_ones_is_their_sibling(tmp_path: Path, limits) -> None:
    # OpenVPN's README.Debian: one part boxed in "#" among "---" ones had become the parent
    # of every part after it, and kept its "#" marks
    path = tmp_path / "README.Debian.txt"
    path.write_text(
        "Multiple tunnels\n----------------\n\nEach .conf file starts a tunnel.\n\n"
        "#####################################\n# Compatibility notes on 2.x vs 1.x #\n"
        "#####################################\n\nIn version 2.0 this is the default.\n\n"
        "Using resolvconf\n----------------\n\nHave a look at the shell script.\n"
    )
    assert _blocks(path, limits)[1:] == [
        ("In version 2.0 this is the default.", ("Compatibility notes on 2.x vs 1.x",)),
        ("Have a look at the shell script.", ("Using resolvconf",)),
    ]


def test_commented_settings_and_narrow_comments(tmp_path: Path, limits) -> None:
    # OpenVPN's sample server config: two ";push" settings had run into one line, comments
    # wrapped at under 40 characters stayed cut at each line, a command shown after a
    # lead-in took the sentence after it, and a list of levels ran into one line;
    # apcupsd.conf: a setting's syntax had taken the sentence under it
    path = tmp_path / "server.conf.txt"
    path.write_text(
        "# Push routes to the client to allow it\n# to reach other private subnets behind\n"
        "# the server.\n"
        ';push "route 192.168.10.0 255.255.255.0"\n;push "route 192.168.20.0 255.255.255.0"\n\n'
        "# Then create a file ccd/Thelonious with this line:\n"
        "# iroute 192.168.40.128 255.255.255.248\n"
        "# This will allow Thelonious' private subnet to access the VPN.\n\n"
        "# 0 is silent, except for fatal errors\n# 4 is reasonable for general usage\n"
        "# 5 and 6 can help to debug connection problems\n# 9 is extremely verbose\nverb 3\n\n"
        "# PWRFAILDIR <path to powerfail directory>\n"
        "# Directory in which to write the powerfail flag file. This file is created when\n"
        "# apcupsd initiates a system shutdown.\nPWRFAILDIR /etc/apcupsd\n"
    )
    assert [text for text, _ in _blocks(path, limits)] == [
        "# Push routes to the client to allow it to reach other private subnets behind the"
        ' server.\n;push "route 192.168.10.0 255.255.255.0"\n'
        ';push "route 192.168.20.0 255.255.255.0"',
        "# Then create a file ccd/Thelonious with this line:\n"
        "# iroute 192.168.40.128 255.255.255.248\n"
        "# This will allow Thelonious' private subnet to access the VPN.",
        "# 0 is silent, except for fatal errors\n# 4 is reasonable for general usage\n"
        "# 5 and 6 can help to debug connection problems\n# 9 is extremely verbose\nverb 3",
        "# PWRFAILDIR <path to powerfail directory>\n"
        "# Directory in which to write the powerfail flag file. This file is created when"
        " apcupsd initiates a system shutdown.\nPWRFAILDIR /etc/apcupsd",
    ]


def test_lines_over_settings_or_a_sign_off_are_no_headings(tmp_path: Path, limits) -> None:
    # fail2ban's README.Debian: "Make sure that you have" had headed the rest of the file;
    # OpenVPN's NEWS.Debian: "Certificate" (a line of sample output) and "Florian Kulzer"
    # (the author over the entry's sign-off) had been headings, and an indented stanza of
    # settings had run into one line
    path = tmp_path / "NEWS.Debian.txt"
    path.write_text(
        "openvpn (2.1~rc15-1) unstable; urgency=low\n\n"
        "    A stanza in a configuration file might previously have referred to a given\n"
        "    pkcs11 certificate like this:\n\n"
        "      pkcs11-providers /usr/lib/opensc-pkcs11.so\n      pkcs11-slot-type id\n"
        "      pkcs11-slot 0\n\n"
        "    Make sure that you have\n    ChallengeResponseAuthentication no\n\n"
        "      Certificate\n           DN:             /CN=YOUR_USER\n\n"
        "    You have to paste YOUR_PKCS11_SERIALIZED_ID into your configuration file.\n\n"
        "    Florian Kulzer\n\n"
        " -- Alberto Gonzalez Iniesta <agi@inittab.org>  Thu, 30 Apr 2009 12:35:05 +0200\n"
    )
    entry = ("openvpn (2.1~rc15-1) unstable; urgency=low",)
    assert _blocks(path, limits) == [
        ("A stanza in a configuration file might previously have referred to a given pkcs11"
         " certificate like this:", entry),
        ("pkcs11-providers /usr/lib/opensc-pkcs11.so\npkcs11-slot-type id\npkcs11-slot 0", entry),
        ("Make sure that you have\nChallengeResponseAuthentication no", entry),
        ("Certificate\nDN: /CN=YOUR_USER", entry),
        ("You have to paste YOUR_PKCS11_SERIALIZED_ID into your configuration file.", entry),
        ("Florian Kulzer", entry),
        ("-- Alberto Gonzalez Iniesta <agi@inittab.org> Thu, 30 Apr 2009 12:35:05 +0200", entry),
    ]  # fmt: skip


def test_a_wrapped_paragraphs_first_line_and_a_sign_off_head_nothing(
    tmp_path: Path, limits
) -> None:
    # a staff-room notice (wexcombe): the first line of the sender's paragraph, wrapped at
    # 72 columns, read like a title-cased heading and headed its own paragraph; the
    # closing "Thank you - Lorraine and Colin" was a heading with nothing under it
    path = tmp_path / "notice.txt"
    path.write_text(
        "KINGSFORD LIBRARY - STAFF ROOM NOTICE\n\n"
        "THE MOBILE LIBRARY VAN: NEW PARKING\n\n"
        "From: Lorraine Besant, Branch Manager, Kingsford Library, and Colin\n"
        "Pardew, Mobile Library Driver. Posted 28 October 2026. Please leave this\n"
        "up until the handbook is updated.\n\n"
        "BREAKDOWNS\n\n"
        "If the van breaks down on the road, ring the council's 24-hour fleet\n"
        "breakdown line on 01632 960481, then the Central Library staff office.\n\n"
        "Thank you - Lorraine and Colin\n"
    )
    assert _blocks(path, limits)[1:] == [
        (
            "From: Lorraine Besant, Branch Manager, Kingsford Library, and Colin Pardew, Mobile "
            "Library Driver. Posted 28 October 2026. Please leave this up until the handbook "
            "is updated.",
            ("THE MOBILE LIBRARY VAN: NEW PARKING",),
        ),
        (
            "If the van breaks down on the road, ring the council's 24-hour fleet breakdown "
            "line on 01632 960481, then the Central Library staff office.",
            ("BREAKDOWNS",),
        ),
        ("Thank you - Lorraine and Colin", ("BREAKDOWNS",)),
    ]


def test_a_signature_block_under_a_sign_off_heads_nothing(tmp_path: Path, limits) -> None:
    # "Thanks," / "Declan" then a four-line signature: its name was a heading, its job title
    # the heading of the quoted message below it
    path = tmp_path / "email.txt"
    path.write_text(
        "From: Declan Rudge <declan@example.org>\nSubject: Absence line\n\n"
        "From 4 January there is one staff absence line for every library.\n\n"
        "Thanks,\nDeclan\n\n"
        "Declan Rudge\nOperations Manager, Wexcombe Libraries\n"
        "Central Library, Market Street, Wexcombe\n01632 960302\n\n"
        "-----Original Message-----\nFrom: Sunita Varma <sunita@example.org>\n"
        "Subject: Proposal\n\n"
        "> We would like to make reporting sickness simpler from January.\n"
    )
    blocks = _blocks(path, limits)
    assert all(heading == () for _, heading in blocks)
    assert [text for text, _ in blocks][2:4] == [
        "Thanks,\nDeclan",
        "Declan Rudge\nOperations Manager, Wexcombe Libraries\n"
        "Central Library, Market Street, Wexcombe\n01632 960302",
    ]


def test_a_closing_that_goes_on_to_a_wish_signs_an_email_off(tmp_path: Path, limits) -> None:
    # "Thanks, and happy Christmas when it comes," / "Helen": the signature's name under it
    # headed every quoted message after it (ellerby's e-mail thread)
    path = tmp_path / "email.txt"
    path.write_text(
        "From: Helen Marchant <helen@example.com>\nSubject: Christmas cover\n\n"
        "These are the final arrangements for Christmas.\n\n"
        "Thanks, and happy Christmas when it comes,\nHelen\n\n"
        "Helen Marchant\nOperations Director, Ellerby Vets\n01632 960302\n\n"
        "> From: Lorraine Bickerton <lorraine@example.com>\n>\n"
        "> Closing at 13:00 on Christmas Eve is too early for us.\n"
    )
    assert all(heading == () for _, heading in _blocks(path, limits))


def test_a_first_name_over_its_signature_signs_an_email_off(tmp_path: Path, limits) -> None:
    # no "Thanks,": the message closes, "Rhys" signs it and "Rhys Tregarthen" spells the
    # name out over the job title; the full name had headed the signature and the quoted
    # message. A name alone that no signature spells out may still head text.
    path = tmp_path / "email.txt"
    path.write_text(
        "From: Rhys Tregarthen <rhys@example.com>\nSubject: Re: Tronc\n\n"
        "From December the tronc is paid monthly with the second payroll run.\n\n"
        "Any questions, come to me or Priya.\n\nRhys\n\n"
        "Rhys Tregarthen\nOperations Director, Quillhaven Hotels\n01632 960401\n\n"
        "> On 17 Nov 2026, Alan Treweek wrote:\n>\n> Is the tronc still paid weekly?\n"
    )
    blocks = _blocks(path, limits)
    assert all(heading == () for _, heading in blocks)
    assert ("Rhys", ()) in blocks


def test_a_line_in_capitals_heads_the_list_under_it(tmp_path: Path, limits) -> None:
    # a notice's sections are capitals over "- " items, with no blank line between: the
    # heading had stayed the list's first line; a lead-in in lower case stays the list's
    path = tmp_path / "notice.txt"
    path.write_text(
        "KITCHEN NOTICE\n\nRead this before your first shift in the kitchen.\n\n"
        "FRIDGES AND FREEZERS\n- Fridges hold food at 5C or below.\n- Freezers: -18C.\n\n"
        "WHAT TO BRING\n- A pen\n\n"
        "Before each service you need\n- a probe\n- the daily sheet\n"
    )
    assert _blocks(path, limits)[2:] == [
        (
            "- Fridges hold food at 5C or below.\n- Freezers: -18C.",
            ("FRIDGES AND FREEZERS",),
        ),
        ("- A pen", ("WHAT TO BRING",)),
        ("Before each service you need\n- a probe\n- the daily sheet", ("WHAT TO BRING",)),
    ]


def test_minutes_items_numbered_alike_are_headings_alike(tmp_path: Path, limits) -> None:
    # the first item, over one short line, had stayed text while the later ones, over longer
    # paragraphs, were headings; an item over its numbered points ("3.1 ...") was no heading
    path = tmp_path / "minutes.txt"
    path.write_text(
        "LIBRARY MANAGEMENT TEAM\nMinutes of the meeting held on 19 November 2026\n\n"
        "1. Minutes of 22 October 2026\nAgreed as a correct record.\n\n"
        "2. Mileage rate\nFrom 1 January 2027 staff using their own car between libraries\n"
        "will be paid 50p a mile.\n\n"
        "3. Sickness absence trigger points\n"
        "   3.1 Unite said the current trigger points catch too many drivers.\n"
        "   3.2 AGREED: from 1 January 2027 the trigger points change.\n\n"
        "4. Any other business\n"
        "   - The pay review is with the directors.\n"
        "   - Staff survey results at the next meeting.\n"
    )
    assert _blocks(path, limits)[1:] == [
        ("Agreed as a correct record.", ("1. Minutes of 22 October 2026",)),
        (
            "From 1 January 2027 staff using their own car between libraries will be paid 50p "
            "a mile.",
            ("2. Mileage rate",),
        ),
        (
            "3.1 Unite said the current trigger points catch too many drivers.\n"
            "3.2 AGREED: from 1 January 2027 the trigger points change.",
            ("3. Sickness absence trigger points",),
        ),
        (  # a list under an item numbered like the others: the item heads it (hazelbrook)
            "- The pay review is with the directors.\n- Staff survey results at the next meeting.",
            ("4. Any other business",),
        ),
    ]


def test_a_notices_from_line_is_no_heading(tmp_path: Path, limits) -> None:
    # kingsmere's notice: "From: Joanne Pryce, ..." over "Date: ..." had headed the whole
    # notice, and put its title out of the heading path
    path = tmp_path / "notice.txt"
    path.write_text(
        "KINGSMERE MEDICAL PRACTICE - STAFF ROOM NOTICE\n\n"
        "SHARPS INJURIES AND SPILLS: WHAT TO DO\n\n"
        "From: Joanne Pryce, Lead Practice Nurse and IPC Lead\n"
        "Date: 14 October 2026. Please read and initial the sheet by the kettle.\n\n"
        "From: The Practice Manager\n\n"
        "Our annual audit found two sharps bins over the fill line.\n"
    )
    title = ("SHARPS INJURIES AND SPILLS: WHAT TO DO",)
    assert _blocks(path, limits)[1:] == [
        (
            "From: Joanne Pryce, Lead Practice Nurse and IPC Lead\n"
            "Date: 14 October 2026. Please read and initial the sheet by the kettle.",
            title,
        ),
        ("From: The Practice Manager", title),
        ("Our annual audit found two sharps bins over the fill line.", title),
    ]


def test_headings_underlined_with_tildes_head_their_text(tmp_path: Path, limits) -> None:
    """Mutt's README.Debian underlines its headings with "~~~", as reStructuredText may:
    most had read as paragraphs, and two as headings over all the sections after them."""
    path = tmp_path / "README.Debian.txt"
    path.write_text(
        "Mutt for Debian\n===============\n\nNotes on the Debian package.\n\n"
        "PGP support\n~~~~~~~~~~~\nGnuPG support works out of the box.\n\n\n"
        "Scripts\n~~~~~~~\nLook at /usr/lib/mutt/.\n"
    )
    assert _blocks(path, limits) == [
        ("Notes on the Debian package.", ("Mutt for Debian",)),
        ("GnuPG support works out of the box.", ("Mutt for Debian", "PGP support")),
        ("Look at /usr/lib/mutt/.", ("Mutt for Debian", "Scripts")),
    ]


def test_a_comment_never_carries_on_a_setting_nor_a_comment_of_other_marks(
    tmp_path: Path, limits
) -> None:
    """Debian's example preseed file: a setting commented out under one that is on had read
    as one setting with a trailing comment, and a "### Localization" title ran into the
    "#" comment under it."""
    path = tmp_path / "example-preseed.txt"
    path.write_text(
        "#### Contents of the preconfiguration file (for bookworm)\n### Localization\n"
        "# Preseeding only locale sets language, country and locale.\n"
        "d-i debian-installer/locale string en_US\n\n"
        "# Keyboard selection.\nd-i keyboard-configuration/xkb-keymap select us\n"
        "# d-i keyboard-configuration/toggle select No toggling\n"
    )
    texts = [text for text, _ in _blocks(path, limits)]
    assert texts[-1].split("\n") == [
        "# Keyboard selection.",
        "d-i keyboard-configuration/xkb-keymap select us",
        "# d-i keyboard-configuration/toggle select No toggling",
    ]
    assert "### Localization\n# Preseeding only locale" in texts[0]


def test_configuration_commands_stay_one_to_a_line(tmp_path: Path, limits) -> None:
    # a command's trailing comment ended its line, yet the next command ran on after it
    # and read as commented out; commands opened by the same word ran into one line; a
    # commented-out device line after a comment's last sentence was read into that sentence;
    # Vim's line continued by a backslash goes on
    path = tmp_path / "sample.muttrc.txt"
    path.write_text(
        "# Aliases for the mailing lists the team reads every day of the week\n"
        "alias mutt-dev Mutt Development List <mutt-dev@example.org> # power users\n"
        "alias mutt-users Mutt User List <mutt-users@example.org>\n"
        "alias mutt-announce Mutt Announcement List <mutt-announce@example.org>\n\n"
        "unhdr_order *                    # forget the previous settings\n"
        "hdr_order date from subject to cc\n\n"
        "command DiffOrig vert new | set bt=nofile | r ++edit # | 0d_ | diffthis\n"
        "  \\ | wincmd p | diffthis\n\n"
        "# First disk. Monitor all attributes and start a short self-test every day\n"
        "# between 2-3am, and a long self test on Saturdays between 3-4am.\n"
        "# /dev/sda -a -o on -S on -s (S/../.././02|L/../../6/03)\n"
    )
    texts = [text for text, _ in _blocks(path, limits)]
    assert texts[0].split("\n")[1:] == [
        "alias mutt-dev Mutt Development List <mutt-dev@example.org> # power users",
        "alias mutt-users Mutt User List <mutt-users@example.org>",
        "alias mutt-announce Mutt Announcement List <mutt-announce@example.org>",
    ]
    assert (
        texts[1]
        == "unhdr_order * # forget the previous settings\nhdr_order date from subject to cc"
    )
    assert texts[2] == (
        "command DiffOrig vert new | set bt=nofile | r ++edit # | 0d_ | diffthis"
        " \\ | wincmd p | diffthis"
    )
    assert texts[3].endswith(
        "on Saturdays between 3-4am.\n# /dev/sda -a -o on -S on -s (S/../.././02|L/../../6/03)"
    )


def test_settings_of_a_systemd_unit_stay_one_to_a_line(tmp_path: Path, limits) -> None:
    # dnsmasq's unit: a long Description ran the settings under it into one sentence
    # ("... caching DNS server Requires=network.target Wants=..."); a value that goes on
    # onto the next line (Dovecot's wiki: a list after its comma, a connect string's
    # pairs written without the setting's spaces) still goes on
    path = tmp_path / "dnsmasq.service.txt"
    path.write_text(
        "[Unit]\n"
        "Description=dnsmasq - A lightweight DHCP and caching DNS server\n"
        "Requires=network.target\nWants=nss-lookup.target\n\n"
        "[Service]\n"
        "# We run dnsmasq via the systemd-helper script, which picks up extra files.\n"
        "ExecStartPost=/usr/share/dnsmasq/systemd-helper start-resolvconf\n"
        "ExecStop=/usr/share/dnsmasq/systemd-helper stop-resolvconf\n\n"
        "[Dovecot]\n"
        "user_attrs = homeDirectory=home, uidNumber=uid, gidNumber=gid,\n"
        "mailLocation=mail\n"
        "connect = host=/var/run/mysqld/mysqld.sock dbname=mails user=admin\n"
        "password=pass\n"
    )
    assert [text for text, _ in _blocks(path, limits)] == [
        "Description=dnsmasq - A lightweight DHCP and caching DNS server\n"
        "Requires=network.target\nWants=nss-lookup.target",
        "# We run dnsmasq via the systemd-helper script, which picks up extra files.\n"
        "ExecStartPost=/usr/share/dnsmasq/systemd-helper start-resolvconf\n"
        "ExecStop=/usr/share/dnsmasq/systemd-helper stop-resolvconf",
        "user_attrs = homeDirectory=home, uidNumber=uid, gidNumber=gid, mailLocation=mail\n"
        "connect = host=/var/run/mysqld/mysqld.sock dbname=mails user=admin password=pass",
    ]


def test_nroff_bold_and_underline_read_as_plain_letters(tmp_path: Path, limits) -> None:
    """grotty prints bold as each letter struck twice and underline as an underscore struck
    under it (groff's -me reference): the words read as typed, not "..pppp"."""

    def bold(word: str) -> str:
        return "".join(f"{c}\b{c}" for c in word)

    def underlined(word: str) -> str:
        return "".join(f"_\b{c}" for c in word)

    path = tmp_path / "meref.txt"
    path.write_text(
        f"{bold('1.  Paragraphing')}\n\n"
        f"The standard paragraph macro is {bold('.pp')}; see {underlined('Writing Papers')}.\n"
        f"A {bold('−me')} letter in italics: {'v' + chr(8) + '_'}s.\n",
        encoding="utf-8",
    )
    assert [text for text, _ in _blocks(path, limits)] == [
        "1. Paragraphing",
        "The standard paragraph macro is .pp; see Writing Papers. A −me letter in italics: vs.",
    ]


def test_words_nroff_broke_at_a_line_end_are_whole_again(tmp_path: Path, limits) -> None:
    """grotty breaks words at a line's end with U+2010, its hyphen for every word: a word
    the text writes hyphenated elsewhere keeps its hyphen, any other is joined."""
    path = tmp_path / "meintro.txt"
    path.write_text(
        "     Registers and strings of the form $x may be used in expres\u2010\n"
        "sions but should not be changed.  Names are user\u2010\n"
        "defined, as any user\u2010defined name is.\n",
        encoding="utf-8",
    )
    assert [text for text, _ in _blocks(path, limits)] == [
        "Registers and strings of the form $x may be used in expressions but should not be "
        "changed. Names are user\u2010defined, as any user\u2010defined name is."
    ]


def test_a_paginated_texts_running_titles_are_dropped(tmp_path: Path, limits) -> None:
    """A title beside a page number on three pages or more is the pages' running title (groff's
    -me reference as text); rows of numbers and words are not (Vim's jump list)."""
    pages = [
        f"Paragraph {n} of the manual says something.\n\n\n−ME REFERENCE MANUAL{' ' * 30}{n}\n\n\n"
        for n in (1, 2, 3)
    ]
    rows = "".join(f"   {n}     1    0           some text ~\n" for n in (3, 2, 4))
    path = tmp_path / "meref.txt"
    path.write_text("".join(pages) + "Example:\n\n" + rows, encoding="utf-8")
    texts = [text for text, _ in _blocks(path, limits)]
    assert not any("REFERENCE MANUAL" in text for text in texts), texts
    assert "Paragraph 3 of the manual says something." in texts
    assert sum(text.count("some text ~") for text in texts) == 3


def test_a_grid_no_parser_reads_stays_text_whole(tmp_path: Path, limits) -> None:
    # rows with more "|" cells than the border has columns: no table, the lines kept as
    # they are (each is tried once; retried from every line, a hostile file of 40,000 such
    # lines had taken minutes)
    path = tmp_path / "drawing.txt"
    path.write_text("Before:\n\n" + "+----+----+\n| a | b | c |\n" * 3 + "\nAfter.\n")
    texts = [text for text, _ in _blocks(path, limits)]
    assert texts[0] == "Before:" and texts[-1] == "After."
    assert texts[1].count("| a | b | c |") == 3, texts


def test_double_slash_comments_wrap_as_comments_and_keep_the_json_apart(
    tmp_path: Path, limits
) -> None:
    # Kea's sample configuration, JSON with "//" comments (the kea writer): each comment had
    # run on into the next comment's marks and the settings under it, one long line
    path = tmp_path / "kea-dhcp4.conf.txt"
    path.write_text(
        "// Global timers specified here apply to all subnets, unless there are\n"
        "// subnet specific values defined in particular subnets.\n"
        '"renew-timer": 900,\n"rebind-timer": 1800,\n"valid-lifetime": 3600,\n\n'
        "// Many additional parameters can be specified here:\n"
        "// - option definitions (if you want to define vendor options, your own\n"
        "//   custom options or perhaps handle standard options\n"
        "//   that Kea does not support out of the box yet)\n"
        "// - client classes\n",
        encoding="utf-8",
    )
    texts = [text for text, _ in _blocks(path, limits)]
    assert texts[0].splitlines() == [
        "// Global timers specified here apply to all subnets, unless there are subnet "
        "specific values defined in particular subnets.",
        '"renew-timer": 900,',
        '"rebind-timer": 1800,',
        '"valid-lifetime": 3600,',
    ]
    assert texts[1].splitlines()[1] == (
        "// - option definitions (if you want to define vendor options, your own custom "
        "options or perhaps handle standard options that Kea does not support out of the box "
        "yet)"
    )


def test_a_title_between_runs_of_hashes_heads_its_part(tmp_path: Path, limits) -> None:
    # redis.conf heads its parts "#### NETWORK ####": they had been blocks of their own,
    # and every setting had sat under no heading (the redis set's writer)
    path = tmp_path / "redis.conf.txt"
    path.write_text(
        "# Redis configuration file example.\n\n"
        "################################## NETWORK #####################################\n\n"
        "# Accept connections on the specified port, default is 6379.\nport 6379\n\n"
        "################################ SNAPSHOTTING  ################################\n\n"
        "# Save the DB to disk.\nsave 3600 1\n"
    )
    assert _blocks(path, limits)[1:] == [
        ("# Accept connections on the specified port, default is 6379.\nport 6379", ("NETWORK",)),
        ("# Save the DB to disk.\nsave 3600 1", ("SNAPSHOTTING",)),
    ]


def test_a_comment_block_with_aligned_examples_parts_at_its_bare_marks(
    tmp_path: Path, limits
) -> None:
    # the examples aligned with their comments had kept the whole block line for line,
    # its prose too: each sentence was cut at its line ends (redis.conf's "bind")
    path = tmp_path / "redis.conf.txt"
    path.write_text(
        "# Redis configuration file example.\n\n"
        '# By default, if no "bind" configuration directive is specified, Redis listens\n'
        "# for connections from all available network interfaces on the host machine.\n"
        "#\n"
        "# bind 192.168.1.100 10.0.0.1     # listens on two specific IPv4 addresses\n"
        "# bind 127.0.0.1 ::1              # listens on loopback IPv4 and IPv6\n"
        "#\n"
        "# So by default we uncomment the following bind directive, that will force Redis\n"
        "# to listen only on the loopback interface addresses.\n"
        "bind 127.0.0.1 -::1\n"
    )
    assert [text for text, _ in _blocks(path, limits)[1:]] == [
        '# By default, if no "bind" configuration directive is specified, Redis listens for '
        "connections from all available network interfaces on the host machine.",
        "# bind 192.168.1.100 10.0.0.1 # listens on two specific IPv4 addresses\n"
        "# bind 127.0.0.1 ::1 # listens on loopback IPv4 and IPv6",
        "# So by default we uncomment the following bind directive, that will force Redis to "
        "listen only on the loopback interface addresses.\nbind 127.0.0.1 -::1",
    ]


def test_terms_over_their_indented_descriptions_open_them(tmp_path: Path, limits) -> None:
    # clamav's README.Debian lists options, each over its description indented deeper:
    # unwrapped, one description had run into the next option's name ("... easier
    # restarting LogFileMaxSize Setting this to 0 ..."); "EXIM4" heads its part, as
    # "SENDMAIL" does
    path = tmp_path / "README.Debian.txt"
    path.write_text(
        "DOCUMENTATION\n\n  Non-Debian documentation has been removed.\n\n"
        "CONFIGURATION\n"
        "  In particular, I believe the following choices are more suited to most\n"
        "  default configurations than the upstream defaults:\n"
        "    FixStaleSocket\n"
        "      This removes a socket file left over from a previous clamd that had\n"
        "      an unclean shutdown.  This allows for easier restarting\n"
        "    LogFileMaxSize\n"
        "      Setting this to 0 disables truncation of the logfile.  As the default\n"
        "      Debian configuration uses logrotate, this is not an issue.\n\n"
        "SENDMAIL\n\n"
        "   So long as sendmail can write to clamav-milter's socket, the rest of it\n"
        "   is handled between the milter and clamd.\n\n"
        "EXIM4\n\n"
        "   Exim4 users will want to either run clamd as User Debian-exim, or (better)\n"
        "   add clamav to group Debian-exim.\n"
    )
    assert _blocks(path, limits)[2:] == [
        (
            "In particular, I believe the following choices are more suited to most default "
            "configurations than the upstream defaults:",
            ("CONFIGURATION",),
        ),
        (
            "FixStaleSocket: This removes a socket file left over from a previous clamd that "
            "had an unclean shutdown. This allows for easier restarting",
            ("CONFIGURATION",),
        ),
        (
            "LogFileMaxSize: Setting this to 0 disables truncation of the logfile. As the "
            "default Debian configuration uses logrotate, this is not an issue.",
            ("CONFIGURATION",),
        ),
        (
            "So long as sendmail can write to clamav-milter's socket, the rest of it is "
            "handled between the milter and clamd.",
            ("SENDMAIL",),
        ),
        (
            "Exim4 users will want to either run clamd as User Debian-exim, or (better) add "
            "clamav to group Debian-exim.",
            ("EXIM4",),
        ),
    ]


def test_a_title_boxed_over_its_date_heads_its_release(tmp_path: Path, limits) -> None:
    # Samba's WHATSNEW: each release's title and date sit between two rules; read as text,
    # a release's notes had sat under the previous release's last heading ("Reporting
    # bugs"), and a line carrying on into a quote or a bracket had headed the rest
    path = tmp_path / "WHATSNEW.txt"
    path.write_text(
        "                   ==============================\n"
        "                   Release Notes for Samba 4.17.4\n"
        "                         December 15, 2022\n"
        "                   ==============================\n\n"
        "This is the latest stable release of the series.\n\n"
        "o CVE-2022-37966: This is the Samba CVE for the Windows Kerberos\n"
        "                  RC4-HMAC Elevation of Privilege Vulnerability.\n\n"
        "                  On Samba Active Directory DCs and members\n"
        "                  'kerberos encryption types = legacy' would force\n"
        "                  rc4-hmac as a client.\n\n"
        "The security improvements in recent releases\n"
        "(4.13, 4.14, 4.15, 4.16), mainly as protection against symlink races,\n"
        "caused performance regressions.\n\n"
        "#######################################\n"
        "Reporting bugs & Development Discussion\n"
        "#######################################\n\n"
        "Please discuss this release on the samba-technical mailing list.\n\n"
        "======================================================================\n"
        "== Our Code, Our Bugs, Our Responsibility.\n"
        "== The Samba Team\n"
        "======================================================================\n\n"
        "                   ===============================\n"
        "                   Release Notes for Samba 4.17.3\n"
        "                         November 15, 2022\n"
        "                   ===============================\n\n"
        "This is a security release.\n"
    )
    release, older = ("Release Notes for Samba 4.17.4",), ("Release Notes for Samba 4.17.3",)
    bugs = ("Reporting bugs & Development Discussion",)
    assert _blocks(path, limits) == [
        ("Release Notes for Samba 4.17.4, December 15, 2022", release),
        ("This is the latest stable release of the series.", release),
        (
            "o CVE-2022-37966: This is the Samba CVE for the Windows Kerberos RC4-HMAC "
            "Elevation of Privilege Vulnerability.",
            release,
        ),
        (
            "On Samba Active Directory DCs and members 'kerberos encryption types = legacy' "
            "would force rc4-hmac as a client.",
            release,
        ),
        (
            "The security improvements in recent releases (4.13, 4.14, 4.15, 4.16), mainly as "
            "protection against symlink races, caused performance regressions.",
            release,
        ),
        ("Please discuss this release on the samba-technical mailing list.", bugs),
        ("== Our Code, Our Bugs, Our Responsibility. == The Samba Team", bugs),
        ("Release Notes for Samba 4.17.3, November 15, 2022", older),
        ("This is a security release.", older),
    ]


def test_a_printed_reports_pages_and_dotted_rows_read_apart(tmp_path: Path, limits) -> None:
    # a report printed with form feeds (gullcombe's maintenance report): each later page's
    # header had run into the section before it, and rows with dotted leaders into prose
    header = "PARK REPORT\r\nRun by: P. Tregunna  Printed: 24/11/2026\r\n{:>40}\r\n\r\n"
    path = tmp_path / "report.txt"
    path.write_bytes(
        (
            header.format("Page 1 of 2")
            + "PRIVATE OWNERS\r\nOwners must give us a copy of a current gas safety\r\n"
            "certificate for their caravan every year, before they use it.\r\n"
            "Deadline 2026 ........ 1 May\r\nDeadline 2027 ........ 1 April\r\n"
            "\f"
            + header.format("Page 2 of 2")
            + "SMELL OF GAS\r\nCall the gas emergency line 0800 111 999.\r\n"
            "\fA last page with no header of its own.\r\n"
        ).encode()
    )
    assert _blocks(path, limits) == [
        ("PARK REPORT\nRun by: P. Tregunna Printed: 24/11/2026\nPage 1 of 2", ()),
        (
            "Owners must give us a copy of a current gas safety certificate for their caravan "
            "every year, before they use it.\nDeadline 2026 ........ 1 May\n"
            "Deadline 2027 ........ 1 April",
            ("PRIVATE OWNERS",),
        ),
        ("Call the gas emergency line 0800 111 999.", ("SMELL OF GAS",)),
        ("A last page with no header of its own.", ("SMELL OF GAS",)),
    ]


def test_lines_like_a_dated_title_or_a_leader_that_are_not_stay_as_they_were(
    tmp_path: Path, limits
) -> None:
    # the narrower sides of the two tests above: contact lines between rules (harbourview's
    # notice) head nothing; "(a)" under a numbered heading (MPL-1.1) and a row of quoted
    # names under a heading (Vim's quickref) leave the heading above them; dots inside an
    # option's syntax (dnsmasq's changelog) are no leader
    path = tmp_path / "notice.txt"
    path.write_text(
        "Intro paragraph of the notice, long enough to be body text here.\n\n"
        "------------------------------------------------------------\n"
        "ICT Service Desk: 01632 960 300 (24 hours)\n"
        "Information Security Officer: Tomasz Wierzbicki, 01632 960 305\n"
        "------------------------------------------------------------\n\n"
        "3.3. Description of Modifications\n"
        "You must cause all Covered Code to which You contribute to contain a file.\n\n"
        "3.4. Intellectual Property Matters\n"
        "(a) Third Party Claims.\n\n"
        "Short explanation of each option\n"
        "'aleph' 'al' ASCII code of the letter Aleph (Hebrew) in a row\n\n"
        "Allow arbitrary prefix lengths in --rev-server and the syntax\n"
        "--domain=....,local for local domains, as in version two.\n"
    )
    options = ("Short explanation of each option",)
    assert _blocks(path, limits)[1:] == [
        (
            "ICT Service Desk: 01632 960 300 (24 hours) Information Security Officer: "
            "Tomasz Wierzbicki, 01632 960 305",
            (),
        ),
        (
            "You must cause all Covered Code to which You contribute to contain a file.",
            ("3.3. Description of Modifications",),
        ),
        ("(a) Third Party Claims.", ("3.4. Intellectual Property Matters",)),
        ("'aleph' 'al' ASCII code of the letter Aleph (Hebrew) in a row", options),
        (
            "Allow arbitrary prefix lengths in --rev-server and the syntax "
            "--domain=....,local for local domains, as in version two.",
            options,
        ),
    ]
