"""Quotable units: a question in the documents is quoted with the answer that follows it."""

from __future__ import annotations

import pytest

from pocketrag.documents import Hit
from pocketrag.generation.extractive import HEDGE, compose
from pocketrag.generation.passages import needs_antecedent, units

FAQ = """Can I leave my print running and go home? No. Someone who has done the induction must be \
in the building for the whole print. Keyholders can stay later but the same rule applies.

How long can I book a printer for? Up to 6 hours in one booking, on the booking calendar. \
Longer prints need a host's approval.

Who changes the nozzle? Only 3D hosts change nozzles. We keep 0.4 mm nozzles only."""


def _hit(text: str, heading: str = "Quick questions", page: int | None = None) -> Hit:
    return Hit(1, "f", "printers.md", "3D printers", text, page, page, heading, 0.1)


def test_a_question_is_never_a_unit_alone_but_leads_its_answer() -> None:
    texts = [u.text for u in units(_hit(FAQ))]
    assert (
        "How long can I book a printer for? Up to 6 hours in one booking, on the booking calendar."
        in texts
    )
    assert (
        "Can I leave my print running and go home? No. Someone who has done the induction "
        "must be in the building for the whole print." in texts
    )
    assert not any(t.rstrip().endswith("?") for t in texts)


def test_a_question_closing_its_paragraph_is_answered_by_the_next_one() -> None:
    text = (
        "Everyone at the school has a duty to report concerns. Worried about an adult?\n\n"
        "Tell the Designated Safeguarding Lead straight away, in person."
    )
    texts = [u.text for u in units(_hit(text, "Safeguarding"))]
    assert texts[1] == (
        "Worried about an adult? Tell the Designated Safeguarding Lead straight away, in person."
    )


def test_a_question_before_a_list_leads_the_list() -> None:
    text = "What should you bring on your first day?\n- Your passport\n- Your bank details"
    (unit,) = [u for u in units(_hit(text, "First day")) if u.kind == "list"]
    assert (
        unit.text
        == "What should you bring on your first day?\n- Your passport\n- Your bank details"
    )


def test_a_question_with_nothing_after_it_is_not_quoted() -> None:
    text = "Annual leave is 25 days a year. Can I carry leave over to next year?"
    texts = [u.text for u in units(_hit(text, "Leave"))]
    assert texts == ["Annual leave is 25 days a year."]


def test_the_faq_answer_is_quoted_not_its_question(embedder) -> None:
    answer = compose("How long can I book a 3D printer for?", [_hit(FAQ)], embedder.embed).text
    assert "6 hours" in answer


def test_an_alternative_or_exception_needs_the_sentence_before_it() -> None:
    assert needs_antecedent("Use OneDrive or SharePoint to share files instead.")
    assert needs_antecedent("Otherwise, ask your line manager.")
    assert needs_antecedent("However, night staff are paid at time and a half.")
    assert needs_antecedent("But for now, buying their products gives no official support.")
    assert needs_antecedent("You will know you have this problem if the log shows UTC.")
    assert not needs_antecedent("Use OneDrive or SharePoint to share files.")
    assert not needs_antecedent("Butter and milk are kept in the staff room fridge.")


@pytest.mark.parametrize(
    "sentence",
    [
        "This destination differs from mail in that each message is sent as received.",
        "For this reason, many sample configurations omit the hints file.",
        "(These are the analogues of the POSIX utilities touch and mkdir.)",
        "Second, it describes the version of LilyPond needed to compile the file.",
        "Hence, such indexes can only handle simple equality comparisons.",
        "For example, --host powerpc-unknown-linux instead of just: --host powerpc",
        "To do so, do: yum install rsyslog-debuginfo",
    ],
)
def test_a_pointer_or_a_conclusion_needs_the_sentence_before_it(sentence: str) -> None:
    assert needs_antecedent(sentence)


def test_the_thing_itself_needs_nothing_before_it() -> None:
    assert not needs_antecedent("Thistle beds are weeded in May.")
    assert not needs_antecedent("The first aider on duty is named on the rota.")


def test_the_rule_an_alternative_replaces_is_quoted_with_it(embedder) -> None:
    text = (
        "USB memory sticks and external drives are blocked on company laptops. "
        "Use OneDrive or SharePoint to share files with clients instead. "
        "Printing at home is allowed."
    )
    hit = Hit(2, "u", "it.md", "IT security", text, None, None, "Removable media", 0.1)
    answer = compose("How do I send files to a client?", [hit], embedder.embed).text
    assert "are blocked on company laptops [1]. Use OneDrive" in answer


# An answer reads on: a lone sentence to the next of its paragraph; any lead to the next
# sentence of its paragraph while the answer has room ("... naming the subject." / "Set it
# in login.defs."); two short sentences that only name the subject past the last of them; an
# answer still bare (an error line) into the paragraph after it. Never into a further one.
READ_ON_CASES = [
    (
        "my prints are all stringy",
        "Filament soaks up moisture from the air and then prints stringy and weak. "
        "Put the spool in the dryer for 4 hours before you print again.\n\n"
        "Spools live in the sealed boxes under the bench.",
        "stringy and weak [1]. Put the spool in the dryer for 4 hours",
        "sealed boxes",
    ),
    (
        "How do I keep track of failed logins?",
        "Failed login attempts are worth keeping track of on every server, because a long "
        "run of them is the usual sign that someone is trying to guess a password by brute "
        "force against the accounts that have a shell. "
        "Set FAILLOG_ENAB to yes in /etc/login.defs to record them.\n\n"
        "Other settings in that file control password ageing.",
        "brute force against the accounts that have a shell [1]. Set FAILLOG_ENAB",
        "password ageing",
    ),
    (
        "What is the sandbox server for?",
        "The sandbox server is a special server. "
        "It is not a full server in the way that staging and production are. "
        "Instead, it is a scratch area where new ideas are tried out before review.\n\n"
        "Ask the platform team for an account.",
        "staging and production are [1]. Instead, it is a scratch area",
        "platform team",
    ),
    (
        "What do I do about 'could not extend file'?",
        "When the data volume is full, every write fails with this message:\n\n"
        "ERROR: could not extend file\n\n"
        "Free some space on the data volume, then restart the server.\n\n"
        "Backups are kept on another volume.",
        "Free some space on the data volume, then restart the server",
        "another volume",
    ),
]


@pytest.mark.parametrize(("question", "text", "quoted", "left_out"), READ_ON_CASES)
def test_a_short_answer_reads_on(embedder, question, text, quoted, left_out) -> None:
    hit = Hit(3, "p", "notes.md", "Notes", text, None, None, "Section", 0.1)
    answer = compose(question, [hit], embedder.embed).text
    assert quoted in answer
    assert left_out not in answer


def test_an_answer_quoting_few_of_the_questions_words_is_hedged(embedder) -> None:
    text = "The oscilloscope probes are set to x10. Return the probes to the drawer after use."
    hit = Hit(4, "o", "bench.md", "Electronics bench", text, None, None, "Oscilloscope", 0.1)
    weak = compose("What sampling bandwidth does our oscilloscope have?", [hit], embedder.embed)
    assert weak.hedged and weak.text.startswith(HEDGE)
    direct = compose("What are the oscilloscope probes set to?", [hit], embedder.embed)
    assert not direct.hedged and "x10" in direct.text and not direct.text.startswith(HEDGE)


def test_a_list_led_in_by_two_sentences_is_quoted_once_with_both() -> None:
    """A pointer ("The following are ...") and a closing lead-in ("... also test
    against:") introduce one list: one unit, not the list twice under two lead-ins."""
    text = (
        "Test with these free options:\n- NVDA on Windows\n- VoiceOver on macOS\n\n"
        "Budgets vary by team. The following are popular licensed options. "
        "If you are a user of these, also test against:\n- JAWS on Windows\n- Dragon on Windows"
    )
    found = [u for u in units(_hit(text, "Screen readers")) if "JAWS" in u.text]
    assert [u.text for u in found] == [
        "The following are popular licensed options. If you are a user of these, also test "
        "against:\n- JAWS on Windows\n- Dragon on Windows"
    ]
    assert "Budgets vary by team." in [u.text for u in units(_hit(text, "Screen readers"))]


def test_a_lower_case_terms_definition_is_no_fragment() -> None:
    """A definition list's entry whose term is a name in lower case (a configuration
    parameter) is quoted; a PDF's chunk opening mid-sentence (its page began there) still
    is not, while another document's chunk opens on a sentence, in lower case or not."""
    text = (
        "continued from the page before.\n\n"
        "max_wal_senders (integer): Specifies the maximum number of simultaneously running "
        "WAL sender processes. The default is 10."
    )
    texts = [u.text for u in units(_hit(text, "Sending Servers", page=12))]
    assert texts[0].startswith("max_wal_senders (integer): Specifies the maximum number")
    assert not any(t.startswith("continued") for t in texts)
    opening = "pip cache purge will clear all files from pip's wheel and HTTP caches."
    assert [u.text for u in units(_hit(opening, "Removing the cache"))] == [opening]
    assert units(_hit(opening, "Removing the cache", page=3)) == []


def test_a_paragraph_opening_in_lower_case_after_a_full_stop_is_no_fragment() -> None:
    """A name written in lower case can open a paragraph ("pgBadger is ...", "apt(8) now
    waits ..."); only a line that carries on unfinished prose (a PDF paragraph broken at a
    page edge) or the chunk's first line can be the end of someone else's sentence."""
    text = (
        "Old log files can be overwritten cyclically.\n\n"
        "pgBadger is an external project that does sophisticated log file analysis.\n\n"
        "Staff who need the analysis should ask the\n\n"
        "database team, who keep the reports for a year."
    )
    texts = [u.text for u in units(_hit(text, "Log files"))]
    assert "pgBadger is an external project that does sophisticated log file analysis." in texts
    assert not any(t.startswith("database team") for t in texts)


def test_a_term_on_its_own_line_is_quoted_with_its_definition() -> None:
    text = (
        '1.6. "Executable Form"\n\nmeans any form of the work other than Source Code Form.\n\n'
        '1.7. "Larger Work"\n\nmeans a work that combines Covered Software with other '
        "material, in a separate file or files, that is not Covered Software."
    )
    texts = [u.text for u in units(_hit(text, "1. Definitions"))]
    assert texts == [
        '1.6. "Executable Form" means any form of the work other than Source Code Form.',
        '1.7. "Larger Work" means a work that combines Covered Software with other material, '
        "in a separate file or files, that is not Covered Software.",
    ]


def test_a_short_label_ending_in_a_colon_leads_the_items_after_it() -> None:
    """ "Deprecations:" over items that finish its sentence ("- shall not be introduced in
    micro releases."): the items are quoted as its list, since none reads alone."""
    text = (
        "Deprecations:\n\n- shall include the version number of the release.\n"
        "- shall not be introduced in micro (bug fix) releases.\n"
        "- shall set a stacklevel."
    )
    found = units(_hit(text, "Implementing deprecations"))
    assert [u.kind for u in found] == ["list"]
    assert found[0].text.startswith("Deprecations:\n- shall include")
    assert "- shall not be introduced in micro (bug fix) releases." in found[0].text


def test_paragraphs_that_open_alike_after_a_lead_in_are_its_items_however_long() -> None:
    """BIND's TSIG errors: three one-sentence paragraphs of 27-45 words after "... several
    errors:"; the list had ended at the first paragraph over 30 words, and quoted one."""
    items = [
        "If a TSIG-aware server receives a message signed by an unknown key, the response "
        "will be unsigned, with the TSIG extended error code set to BADKEY.",
        "If a TSIG-aware server receives a message from a known key but with an invalid "
        "signature, the response will be unsigned, with the TSIG extended error code set to "
        "BADSIG.",
        "If a TSIG-aware server receives a message with a time outside of the allowed "
        "range, the response will be signed but the TSIG extended error code set to BADTIME.",
    ]
    text = "Processing of TSIG-signed messages can result in several errors:\n\n" + "\n\n".join(
        items
    )
    listed = next(u for u in units(_hit(text, "TSIG")) if u.kind == "list")
    assert all(code in listed.text for code in ("BADKEY", "BADSIG", "BADTIME"))
    # a paragraph opening otherwise still ends a list at its length
    unlike = text.replace(
        "If a TSIG-aware server receives a message from",
        "Should a server ever happen to receive a message from",
    )
    listed = next(u for u in units(_hit(unlike, "TSIG")) if u.kind == "list")
    assert "BADKEY" in listed.text and "BADSIG" not in listed.text


def test_an_item_naming_its_term_is_quoted_even_in_lower_case() -> None:
    text = (
        "See the configuration file for these checks.\n\n"
        "- [skip circle]: skip CircleCI jobs. CircleCI builds the documentation.\n"
        "- [skip cirrus]: skip Cirrus jobs."
    )
    texts = [u.text for u in units(_hit(text, "Commands to skip continuous integration"))]
    assert "[skip circle]: skip CircleCI jobs." in texts


def test_a_command_is_quoted_with_the_sentence_that_introduces_it() -> None:
    """A command after its shell prompt is neither a heading to drop nor sentences to split
    at its "!": it is quoted with the sentence before it, which says what it does."""
    text = (
        "You can shutdown the system under the normal multiuser mode from the commandline.\n"
        "# shutdown -h now\n"
        "Here is a simple script to check for world writable file permissions.\n"
        "# find / -perm 777 -a \\! -type s -a \\! -type l\n"
        "Caution\n"
        "Checksums stored locally can not be trusted against malicious attacks."
    )
    texts = [u.text for u in units(_hit(text, "System tips"))]
    assert texts == [
        "You can shutdown the system under the normal multiuser mode from the commandline.\n"
        "# shutdown -h now",
        "Here is a simple script to check for world writable file permissions.\n"
        "# find / -perm 777 -a \\! -type s -a \\! -type l",
        "Checksums stored locally can not be trusted against malicious attacks.",
    ]


def test_commands_after_a_lead_in_are_its_list_with_their_output() -> None:
    text = (
        "You can check the current value by reading it:\n"
        "$ cat /proc/sys/kernel/sysrq\n"
        "438\n"
        "Caution\n"
        "Changing it at run time does not survive a reboot."
    )
    texts = [u.text for u in units(_hit(text, "Magic SysRq"))]
    assert texts[0] == (
        "You can check the current value by reading it:\n- $ cat /proc/sys/kernel/sysrq\n- 438"
    )
    assert "Caution" not in "\n".join(texts)


def test_configuration_directives_after_a_comment_are_quoted_with_it() -> None:
    """A configuration block opened by a comment: its CamelCase directives ("SSLVerifyClient
    require") are the block's lines, as digits, "=" and "/" already made other lines."""
    text = (
        "All you need to do is to verify the clients against your own CA certificate.\n"
        "# require a client certificate signed by our CA\n"
        "SSLVerifyClient require\n"
        "SSLVerifyDepth 1\n"
        "Caution\n"
        "Keep the CA key offline."
    )
    texts = [u.text for u in units(_hit(text, "Client authentication"))]
    assert "SSLVerifyClient require\nSSLVerifyDepth 1" in texts[0], texts
    assert "Caution" not in "\n".join(texts)


def test_a_sentence_about_this_variable_is_quoted_with_the_line_naming_it() -> None:
    """A configuration line above its description ("FAILLOG_ENAB yes" / "If you enable this
    variable, ...") is what "this variable" means, so the sentence carries it."""
    text = (
        "Login and su honour this configuration file.\n"
        "FAILLOG_ENAB yes\n"
        "If you enable this variable, failed logins will be logged. "
        "It is important to keep track of them."
    )
    texts = [u.text for u in units(_hit(text, "login.defs"))]
    assert "FAILLOG_ENAB yes: If you enable this variable, failed logins will be logged." in texts
    assert "It is important to keep track of them." in texts


def test_a_sentence_counting_the_items_after_it_leads_them_in() -> None:
    """ "... is spent on three activities." names the list that follows as a colon would;
    a sentence with a figure that counts nothing listed stays a sentence of its own."""
    text = (
        "The maintainer's time is spent on three activities.\n"
        "- Communication (45%)\n- Integration (50%)\n- Transition (5%)\n\n"
        "Releases come out every 8 to 10 weeks.\n- Feature releases\n- Maintenance releases"
    )
    found = [u.text for u in units(_hit(text, "Activities"))]
    assert (
        "The maintainer's time is spent on three activities.\n- Communication (45%)\n"
        "- Integration (50%)\n- Transition (5%)" in found
    )
    assert "Releases come out every 8 to 10 weeks." in found


def test_an_faqs_list_of_questions_is_not_quoted() -> None:
    """An FAQ page opens with its questions, one after another: they answer none of them,
    and "Is this a bug? Can I use it in my product?" was quoted as the answer."""
    text = (
        "Is this a bug? Can I use SQLite in my commercial product without paying royalties?\n\n"
        "How do I use a string literal that contains a single-quote character?\n\n"
        "Can I use SQLite in my commercial product without paying royalties? Yes, you can. "
        "SQLite is in the public domain."
    )
    texts = [u.text for u in units(_hit(text, "Frequently Asked Questions"))]
    assert texts == [
        "Can I use SQLite in my commercial product without paying royalties? Yes, you can.",
        "SQLite is in the public domain.",
    ]


def test_items_lettered_in_capitals_past_a_figures_caption_are_the_pointers_list() -> None:
    """KeePassXC's guide: "... split into three main partitions detailed below." then the
    screenshot's caption, then "(A) Groups - ...", "(B) Tags - ...": the caption had ended
    the list before it began, the lettered paragraphs read as prose, and the answer quoted
    the pointer alone. A caption is never quoted by itself."""
    text = (
        "The main database view is split into three main partitions detailed below. You can "
        "open multiple databases at the same time.\n"
        "Figure 7. Main database interface\n"
        "(A) Groups - Organize your entries into discrete groups.\n"
        "(B) Tags - Dynamic groups of entries shown with one click.\n"
        "(C) Entries - All the information you store for a website."
    )
    texts = [u.text for u in units(_hit(text, "Application Layout"))]
    assert (
        "The main database view is split into three main partitions detailed below.\n"
        "- Groups - Organize your entries into discrete groups.\n"
        "- Tags - Dynamic groups of entries shown with one click.\n"
        "- Entries - All the information you store for a website."
    ) in texts
    assert not any(t.startswith("Figure 7") for t in texts)


def test_a_comment_is_quoted_with_the_setting_under_it() -> None:
    """A configuration file's comment says what the line under it does ("turn logging on"),
    which alone is no unit: the two are one. So are a sentence and the address it ends on."""
    text = (
        "This is the configuration file that the package installs.\n"
        "The documentation is also available on the web pages, accessible through the URL\n"
        "https://chrony.example.org/\n"
        "It is updated with each release.\n"
        "# Uncomment the following line to turn logging on.\n"
        "#log tracking measurements statistics\n"
        "# Log files location.\n"
        "logdir /var/log/chrony"
    )
    texts = [u.text for u in units(_hit(text, "Configuration"))]
    assert texts == [
        "This is the configuration file that the package installs.",
        "The documentation is also available on the web pages, accessible through the URL "
        "https://chrony.example.org/",
        "It is updated with each release.",
        "# Uncomment the following line to turn logging on.\n#log tracking measurements statistics",
        "# Log files location.\nlogdir /var/log/chrony",
    ]


EXPORT = """This lets you save the packet list, packet details, and packet bytes as plain text, \
CSV, JSON, and other formats.

The format can be selected from the Export As drop-down and further customized using the Packet \
Range and Packet Format controls. Some controls are unavailable for some formats, notably CSV and \
JSON. The following formats are supported:
Plain text as shown in the main window
Comma-separated values (CSV)
C-compatible byte arrays
PSML (summary XML)
PDML (detailed XML)
JavaScript Object Notation (JSON)"""


def test_a_short_answer_reads_on_into_the_list_its_paragraph_ends_with(embedder) -> None:
    """The list a paragraph ends on is read on into like its sentences: the answer had
    stopped at "... notably CSV and JSON." and left the formats asked for out."""
    hit = _hit(EXPORT, "The Export Packet Dissections Dialog Box")
    text = compose("What formats does Export Packet Dissections support?", [hit], embedder.embed)
    assert "- Comma-separated values (CSV)\n- C-compatible byte arrays" in text.text


SUDO_CONF = """#
# Sudo debug files:
# Debug program /path/to/debug_log subsystem@priority[,subsystem@priority]
#
# Subsystems vary based on the program. Priority may be crit, err, warn, notice, diag, info, \
trace, or debug.
#
#Debug sudo /var/log/sudo_debug all@debug"""


def test_a_bare_comment_mark_is_a_blank_line() -> None:
    """sudo.conf's "#" lines part its comment paragraphs: read as an unpunctuated title,
    one had led the lines after it as a list ("#:" / "- # Debug program ...")."""
    texts = [u.text for u in units(_hit(SUDO_CONF, ""))]
    assert not any(t.startswith("#:") or "\n- #\n" in f"{t}\n" for t in texts), texts
    assert any(t.startswith("Priority may be crit, err, warn") for t in texts), texts


def test_a_short_last_sentence_without_a_full_stop_is_whole_a_long_one_cut() -> None:
    # the chunker cuts only a sentence longer than a chunk: the example that ends this one
    # is whole, and had been dropped as cut
    example = "For example, --host powerpc-unknown-linux instead of just: --host powerpc"
    text = f"If you are cross-compiling, specify the operating system. {example}"
    assert example in [u.text for u in units(_hit(text))]
    cut = " ".join(["the long sentence goes on"] * 10)
    texts = [u.text for u in units(_hit(f"Cross-compiling needs care. It {cut}"))]
    assert texts == ["Quick questions: Cross-compiling needs care."]  # (labelled by its heading)


def test_a_setting_no_sentence_quotes_is_a_unit_of_its_own() -> None:
    # the commented default under a directive's description was a title to the rules (a
    # short line without a full stop), so "is it on by default?" could never be answered
    text = (
        "# For security and stability reasons Squid can check hostnames for Internet "
        "standard RFC compliance. If you want Squid to perform these checks turn this "
        "directive on.\n#Default:\n# check_hostnames off"
    )
    found = units(_hit(text, heading="DNS OPTIONS > check_hostnames"))
    assert [(u.kind, u.text) for u in found][-1] == ("lines", "#Default:\n# check_hostnames off")
    assert [u.position for u in found] == list(range(len(found)))


def test_the_default_setting_answers_what_the_default_is(embedder) -> None:
    text = (
        "# A positive small limit lowers hit ratio, but zero limit disables a lot of "
        "essential synchronization among SMP workers.\n#Default:\n"
        "# shared_transient_entries_limit 16384"
    )
    hit = _hit(text, heading="OPTIONS > shared_transient_entries_limit")
    answer = compose("What is shared_transient_entries_limit's default?", [hit], embedder.embed)
    # the setting is quoted as written: its marker after it, no full stop added
    assert "#Default:\n# shared_transient_entries_limit 16384 [1]\n" in answer.text


def test_settings_alone_in_a_chunk_are_quotable_in_their_place() -> None:
    text = "NEWS_CHUNK_SIZE:30\nNEWS_MAX_CHUNK:40\n\nLong group listings are shown in chunks."
    found = units(_hit(text, heading="News-groups > Default value"))
    assert [(u.kind, u.text) for u in found] == [
        ("lines", "NEWS_CHUNK_SIZE:30\nNEWS_MAX_CHUNK:40"),
        ("sentence", "Long group listings are shown in chunks."),
    ]


def test_a_bare_title_inside_a_chunk_stays_unquoted() -> None:
    text = "Annual leave is 25 days a year.\n\nLeave over Christmas\n\nSee the rota page."
    assert [u.text for u in units(_hit(text, heading="Leave"))] == [
        "Annual leave is 25 days a year.",
        "Leave over Christmas: See the rota page.",
    ]
    text = "Annual leave is 25 days a year.\nRequests and approvals"
    assert [u.text for u in units(_hit(text, heading="Leave"))] == [
        "Annual leave is 25 days a year."
    ]


def test_a_setting_line_joins_the_sentence_that_says_what_it_sets(embedder) -> None:
    # "CHECKMAIL:FALSE [1]." had been the whole answer to "What does CHECKMAIL do?": a
    # setting leads no answer when its passage has a sentence
    text = (
        "If CHECKMAIL is set to TRUE, the user will be informed (via a statusline message) "
        "about the existence of any unread mail at startup of Lynx.\n\nCHECKMAIL:FALSE"
    )
    hit = _hit(text, heading="CHECKMAIL - Mail checking")
    answer = compose("What does CHECKMAIL do?", [hit], embedder.embed).text
    assert answer.startswith("If CHECKMAIL is set to TRUE")
    assert "CHECKMAIL:FALSE [1]\n" in answer
