"""Markdown read with its own structure: inline markup over wrapped lines, nested lists,
code spans (gaps reported by the writers of the wexcombe question set)."""

from __future__ import annotations

from pathlib import Path

from pocketrag.loaders import load_document


def _texts(path: Path, limits) -> list[str]:
    return [b.text for b in load_document(path, limits).blocks]


def test_emphasis_over_a_wrapped_list_item_is_read_as_emphasis(tmp_path: Path, limits) -> None:
    # "**at least 1 hour" / "before your shift starts**": each line was stripped of its
    # markup alone, so the asterisks of a span across the line break stayed in the text
    path = tmp_path / "handbook.md"
    path.write_text(
        "# Reporting sickness\n\n"
        "- Ring your branch manager **at least 1 hour\n  before your shift starts**.\n"
        "- Deputy: *Bethan\n  Lloyd-Price*, 01632 960318, or see [the\n"
        "  lone working policy](lone.md).\n"
    )
    assert _texts(path, limits) == [
        "- Ring your branch manager at least 1 hour before your shift starts.\n"
        "- Deputy: Bethan Lloyd-Price, 01632 960318, or see the lone working policy."
    ]


def test_a_sub_item_stays_under_its_item(tmp_path: Path, limits) -> None:
    # sub-items had come out as siblings of the item they belong to ("- Saturday working:"
    # / "- Library assistants work one Saturday in four." / "- Shift swaps:")
    path = tmp_path / "rotas.md"
    path.write_text(
        "# Rotas\n\n"
        "- Saturday working:\n"
        "  - Library assistants work **one Saturday in four**.\n"
        "  - A Saturday worked earns a lieu day, agreed with your branch\n"
        "    manager.\n"
        "- A child left at closing time:\n"
        "  1. Two members of staff stay with the child.\n"
        "     - never one alone\n"
        "  2. Try the contact numbers.\n"
        "- Breaks:\n"
        "\t- A shift of more than 6 hours includes a break.\n"
        "1. Numbered\n"
        "  - at two spaces, under a number\n"
        " - a sibling, one space in\n"
    )
    assert _texts(path, limits) == [
        "- Saturday working:\n"
        "  - Library assistants work one Saturday in four.\n"
        "  - A Saturday worked earns a lieu day, agreed with your branch manager.\n"
        "- A child left at closing time:\n"
        "  1. Two members of staff stay with the child.\n"
        "    - never one alone\n"
        "  2. Try the contact numbers.\n"
        "- Breaks:\n"
        "  - A shift of more than 6 hours includes a break.\n"
        "1. Numbered\n"
        "  - at two spaces, under a number\n"
        "- a sibling, one space in"
    ]


def test_code_spans_close_with_as_many_backticks_as_they_open(tmp_path: Path, limits) -> None:
    # pip's docs write ``package_water``; a single-backtick pattern had paired the wrong
    # backticks and left two in the text. npm's "`{ci}`" is a code span, not a MyST role.
    path = tmp_path / "resolution.md"
    path.write_text(
        "- ``package_coffee`` version ``0.44.1`` depends on\n  ``package_water``\n"
        "- `{ci}` - The value of the `ci-name` config, or {pep}`517`\n"
    )
    assert _texts(path, limits) == [
        "- package_coffee version 0.44.1 depends on package_water\n"
        "- {ci} - The value of the ci-name config, or PEP 517"
    ]


def test_a_paragraph_in_bold_heads_the_text_under_it(tmp_path: Path, limits) -> None:
    """An FAQ written in Markdown sets each question as a paragraph in bold: read as a
    paragraph of its own, the answers under it never said what they answer. A bold
    sentence and a bold line of figures stay text; a bold line with nothing under it
    before the next heading is kept as text."""
    path = tmp_path / "faq.md"
    path.write_text(
        "# Volunteers' questions\n\n**Version 3.0, effective 6 April 2024**\n\n"
        "## Before the show\n\n**How early do I need to get there?**\n\n"
        "Ushers come 45 minutes before curtain up.\n\n"
        "**Can I bring my bag?**\n\nLeave it in the lockers.\n\n"
        "**Never prop the fire doors open.**\n\n**Lockers**\n\n"
        "## During the show\n\nStand by your door.\n"
    )
    blocks = [(b.text, b.heading_path) for b in load_document(path, limits).blocks]
    show = ("Volunteers' questions", "Before the show")
    assert blocks == [
        ("Version 3.0, effective 6 April 2024", ("Volunteers' questions",)),
        ("Ushers come 45 minutes before curtain up.", (*show, "How early do I need to get there?")),
        ("Leave it in the lockers.", (*show, "Can I bring my bag?")),
        ("Never prop the fire doors open.", (*show, "Can I bring my bag?")),
        ("Lockers", show),
        ("Stand by your door.", ("Volunteers' questions", "During the show")),
    ]


def test_an_faq_question_in_a_bold_list_item_heads_its_answer(tmp_path: Path, limits) -> None:
    """cryptsetup's FAQ sets each question as a bulleted item in bold, numbered, over its
    answer's paragraphs; a list of bold items, or one bold item that is no question nor
    numbered, stays a list."""
    path = tmp_path / "FAQ.md"
    path.write_text(
        "# 5. Security Aspects\n\n  * **5.1 How long is a secure passphrase?**\n\n"
        "  For a LUKS container use 20 characters.\n\n"
        "  * **5.2 Is LUKS insecure? Everybody can see I have encrypted data!**\n\n"
        "  In practice, this does not really matter.\n\n  * **Keep a header backup**\n\n"
        "* **Important**\n* **Also important**\n"
    )
    blocks = [(b.text, b.heading_path) for b in load_document(path, limits).blocks]
    first = ("5. Security Aspects", "5.1 How long is a secure passphrase?")
    second = (
        "5. Security Aspects",
        "5.2 Is LUKS insecure? Everybody can see I have encrypted data!",
    )
    assert blocks == [
        ("For a LUKS container use 20 characters.", first),
        ("In practice, this does not really matter.", second),
        ("* Keep a header backup", second),
        ("* Important\n* Also important", second),
    ]


def test_an_e_mail_autolink_keeps_its_address(tmp_path: Path, limits) -> None:
    # "<security@sudo.ws>" was taken for an inline HTML tag and dropped: "via email to ."
    path = tmp_path / "SECURITY.md"
    path.write_text(
        "# Reporting\n\nReport security issues via email to <security@sudo.example.org>.\n"
        "Or see <https://www.sudo.example.org/security/>; a <b>tag</b> is still dropped.\n"
    )
    assert _texts(path, limits) == [
        "Report security issues via email to security@sudo.example.org. Or see "
        "https://www.sudo.example.org/security/; a tag is still dropped."
    ]


def test_block_quote_markers_are_not_text(tmp_path: Path, limits) -> None:
    # every answer of sudo's TROUBLESHOOTING.md is a block quote: each wrapped line's ">"
    # had stayed in the text ("This > could be due to ..."); a quote opens a paragraph of
    # its own, and in a code block a ">" beyond the quote it stands in is the code's own
    path = tmp_path / "TROUBLESHOOTING.md"
    path.write_text(
        "# Problems\n\n"
        "Q) configure says my compiler does not work.\n"
        "> This usually means you don't have a working compiler. This\n"
        "> could be due to the lack of a license.\n"
        ">\n"
        "> > Nested: check config.log\n"
        "for clues.\n\n"
        "> Run:\n"
        ">\n"
        "> ```\n"
        "> $ cat <<END\n"
        "> > line one\n"
        "> ```\n\n"
        "```\n> not quoted\n```\n"
    )
    assert _texts(path, limits) == [
        "Q) configure says my compiler does not work.",
        "This usually means you don't have a working compiler. This could be due to the "
        "lack of a license.",
        "Nested: check config.log for clues.",
        "Run:",
        "$ cat <<END\n> line one",
        "> not quoted",
    ]


def test_a_footnote_is_read_after_the_paragraph_that_refers_to_it(tmp_path: Path, limits) -> None:
    # all the notes had run together into one paragraph under the last heading, away from
    # the figures they qualify (ellerby's on-call guide)
    path = tmp_path / "on-call.md"
    path.write_text(
        "# On call\n\n## Where you must be\n\n"
        "Reach the practice within **30 minutes**.[^reach] Keep your phone on.\n\n"
        "## Payments\n\n| Payment | Amount |\n|---|---|\n| Call-out | £35 each[^callout] |\n\n"
        "Claims go in VetRota.[^unused-label-is-fine][^reach]\n\n## Notes\n\n"
        "[^reach]: Measured to your own practice,\n  in normal driving conditions.\n"
        "[^callout]: A call-out over **3 hours** counts as two.\n"
        "[^orphan]: Nothing refers to this one.\n"
    )
    blocks = [(b.text, b.heading_path) for b in load_document(path, limits).blocks]
    assert blocks == [
        (
            "Reach the practice within 30 minutes. Keep your phone on.",
            ("On call", "Where you must be"),
        ),
        (
            "Footnote 1: Measured to your own practice, in normal driving conditions.",
            ("On call", "Where you must be"),
        ),
        ("Payment | Amount\nPayment: Call-out; Amount: £35 each", ("On call", "Payments")),
        ("Footnote 2: A call-out over 3 hours counts as two.", ("On call", "Payments")),
        ("Claims go in VetRota.", ("On call", "Payments")),
        ("Nothing refers to this one.", ("On call", "Notes")),
    ]


def test_a_footnote_only_a_heading_refers_to_is_read_at_the_end(tmp_path: Path, limits) -> None:
    # no paragraph carries its mark, so it was placed nowhere and its definition skipped
    path = tmp_path / "pay.md"
    path.write_text("# Pay[^h]\n\nPaid monthly.\n\n[^h]: On the last Friday.\n")
    assert _texts(path, limits) == ["Paid monthly.", "Footnote 1: On the last Friday."]


def test_a_raw_html_table_reads_its_rows_under_their_column_names(tmp_path: Path, limits) -> None:
    # a <table> written into the Markdown (hartsmoor's writer): its cells had run together,
    # "TeamShiftRate Kiosk08:45 to 17:15£12.60", no cell told from the next
    path = tmp_path / "rota.md"
    path.write_text(
        "# Summer rota\n\nShifts:\n\n<table>\n  <thead>\n"
        "    <tr><th>Team</th><th>Shift</th><th>Rate</th></tr>\n  </thead>\n  <tbody>\n"
        "    <tr><td>Kiosk</td><td>08:45 to 17:15</td><td>£12.60</td></tr>\n"
        "    <tr><td>Boats</td><td>09:30 to 17:45</td><td>£13.10</td></tr>\n"
        "  </tbody>\n</TABLE>\n\nAfter the **table**.\n",
        encoding="utf-8",
    )
    texts = _texts(path, limits)
    assert "Team: Boats; Shift: 09:30 to 17:45; Rate: £13.10" in texts[1].splitlines()
    assert texts[0] == "Shifts:"
    assert texts[-1] == "After the table."


def test_a_raw_html_table_never_closed_keeps_its_rows(tmp_path: Path, limits) -> None:
    path = tmp_path / "rota.md"
    path.write_text(
        "# Rota\n\n<table>\n<tr><th>Team</th><th>Rate</th></tr>\n"
        "<tr><td>Kiosk</td><td>£12.60</td></tr>\n<tr><td>Boats</td><td>£13.10</td></tr>\n",
        encoding="utf-8",
    )
    assert "Team: Kiosk; Rate: £12.60" in _texts(path, limits)[0].splitlines()


def test_a_link_definition_with_a_title_is_a_line_of_its_own(tmp_path: Path, limits) -> None:
    # the title is what a reader sees pointing at the link; raw, the definitions had run
    # together into the paragraph above them (gullcombe's welcome pack)
    path = tmp_path / "welcome.md"
    path.write_text(
        "# Useful links\n\nThe [rota app][rota] and [repairs][].\n\nSee you!\n\n"
        '[rota]: https://rota.example/ "Rotas are published every Thursday"\n'
        "[repairs]: https://staff.example/repairs 'Urgent repairs: phone ext. 280'\n"
        "[plain]: https://staff.example/plain\n"
    )
    assert [b.text for b in load_document(path, limits).blocks] == [
        "The rota app and repairs.",
        "See you!",
        "rota: https://rota.example/ (Rotas are published every Thursday)",
        "repairs: https://staff.example/repairs (Urgent repairs: phone ext. 280)",
    ]
