"""Hard-wrapped plain text read back into lines and sentences: joining the lines a
paragraph was wrapped at (`unwrap`), boxes drawn around text (`unboxed`), and telling prose
from code or settings (`reads_as_prose`, `reads_as_setting`). Used by the text loader and
for HTML's preformatted blocks.
"""

from __future__ import annotations

import re
from itertools import groupby

from pocketrag.loaders._common import clean_inline, clean_lines, line_joint
from pocketrag.loaders.ini import sets_a_value

RULE_CHARACTERS = "-=_*~#"  # what a separator line is drawn with
RULE = re.compile(rf"^[{re.escape(RULE_CHARACTERS)}]{{3,}}$")  # also an underline or overline
# a "cut here" line around a wiki's code as text ("---%<-----", Dovecot's wiki pages): never
# joined to the code line it marks off (no RULE: a line boxed by two is no heading)
_SCISSORS = re.compile(r"^-+%<-+$")
MAIL_HEADER = re.compile(r"(?:From|To|Cc|Date|Sent|Subject): ", re.IGNORECASE)

# "o" and "?" are bullets as text browsers print them (chrony's FAQ)
ITEM_START = re.compile(r"^(?:[-*•·▪◦+o?]|\(?\d{1,3}[.)]|\d{1,3}(?:\.\d{1,3})+|\(?[a-z][.)])\s")
MIN_WRAPPED_LINE = 40
MIN_WRAPPED_COMMENT = 20  # a comment line's, after its mark (see unwrap)


def _joins(previous: str, line: str) -> bool:
    """Whether `line` continues `previous` (a title in capitals, a lead-in ending in a colon
    and a list item or clause stand on their own lines)."""
    if previous.endswith("\\") or line.startswith("\\ "):
        return True  # a line continued by its backslash, or Vim's "\ | wincmd p" under it
    if previous.endswith(":") or ITEM_START.match(line) or MAIL_HEADER.match(line):
        return False
    if RULE.match(line):  # an underline in a box ("7. Limitation of Liability" / "-----")
        return False
    if _SCISSORS.match(previous) or _SCISSORS.match(line):
        return False
    prior = unmarked(previous)
    if not prior or RULE.match(prior):  # "# -----" over "# RUN_AS_USER <userid>"
        return False
    if _SETTING_SYNTAX.match(prior) or _SETTING_SYNTAX.match(line):
        return False
    if _sibling_settings(prior, line):
        return False
    if _commented_command(previous) or _same_command(previous, line):
        return False
    if _NUMBERED_ROW.match(prior) and _NUMBERED_ROW.match(line):
        return False
    if _BLOCK_OPENS.search(prior) or _BLOCK_CLOSES.match(line):
        return False
    if _LEADER.search(prior) or _LEADER.search(line):
        return False
    if _statement(prior) or (_statement(line) and previous.startswith(_COMMENT_MARKS)):
        return False
    return not (in_capitals(previous) or in_capitals(line))


def _statement(line: str) -> bool:
    """A statement of a configuration written in C's manner, ending in ";" ("timeout 60;",
    apt's 'Unattended-Upgrade::SyslogEnable "false";'): nothing goes on it, and one commented
    out under a comment is no part of the comment's sentence. Joined, a run of them read as
    one line ("timeout 60; retry 60; reboot 10;"), and one commented out became part of the
    comment, its "//" lost, as if it were set. Prose that gives one on its next line ("by
    setting the option" / 'Binary::apt-get::Acquire::AllowInsecureRepositories "true";')
    keeps it: the sentence needs it. A name and its values, with no comma: a list item's
    last line ("SSL hello, LDAP, SQL, Redis;", "phishing@example.org;") goes on its item."""
    return _STATEMENT.match(line) is not None and not _wordy(line)


_STATEMENT = re.compile(r"^[A-Za-z_][\w.:-]*(?:\s+[^\s,]+)+;$")


# A label, a dotted leader and its value: a printed report's row ("Units checked 2026
# ........ 96"), a line of its own; gullcombe's maintenance report had run one into the
# next ("Deadline 2026 ...... 1 May Deadline 2027 ...... 1 April")
_LEADER = re.compile(r"[^\s.] \.{4,} [^\s.]")  # spaced: "--domain=....,local" is syntax


# A script's block, a line each: "if ...; then" / "fi", "postrotate" / "endscript" / "}"
# (logrotate's scripts had run into one line: "... /dev/null fi endscript }")
_BLOCK_OPENS = re.compile(r"^(?:if|elif|for|while|until)\b.*;\s*(?:then|do)$|[\w)\"'*]\s*\{$")
_BLOCK_CLOSES = re.compile(r"(?:fi|done|esac|endscript|\}|\};)$")


# A setting's syntax atop its comment ("# PWRFAILDIR <path to powerfail directory>" / "#
# Directory in which ...", "NETSERVER [ on | off ]", "UPSNAME xxx": apcupsd.conf)
_SETTING_SYNTAX = re.compile(r"^[A-Z][A-Z0-9_]{2,}(?:(?: +(?:<[^<>]*>|\[[^\[\]]*\]))+| [a-z]+)$")
# A setting's value that goes on onto the next line: a list ("user_attrs = homeDirectory=home,
# uidNumber=uid," / "mailLocation=mail") or a query ("... FROM users WHERE" / "user_name =
# '%n' AND ...", Dovecot's wiki)
_VALUE_GOES_ON = re.compile(r"(?:,|\b(?:and|or|where|from|select))$", re.IGNORECASE)
_SPACED_EQUALS = re.compile(r"^[#;]?\s*[A-Za-z_][\w.-]*\s+=")


def _sibling_settings(previous: str, line: str) -> bool:
    """Whether two lines are settings one under the other, each a line of its own, a long
    one too: a systemd unit's "Description=dnsmasq - A lightweight DHCP and caching DNS
    server" / "Requires=network.target" had read as one sentence. Not a value that goes on
    (_VALUE_GOES_ON), nor a line set apart from the setting above by its "=": the pairs of
    a value ("connect = host=/var/run/mysqld/mysqld.sock dbname=mails user=admin" /
    "password=pass") are written without the spaces its setting has."""
    if not (sets_a_value(previous) and sets_a_value(line)) or _VALUE_GOES_ON.search(previous):
        return False
    return bool(_SPACED_EQUALS.match(previous)) == bool(_SPACED_EQUALS.match(line))


# a row of values and their meanings ("0 is silent, except ..." / "4 is reasonable ...")
_NUMBERED_ROW = re.compile(r"^\d+ ")


# A command's comment after it on its line ("unhdr_order *   # forget the previous
# settings"): the line ends there; it never wraps onto the next command ("hdr_order date
# from ..."), which had read as part of the comment. Not prose that names the sign ("lines
# starting with # with no preceding whitespace").
_TRAILING_COMMENT = re.compile(r"^([^#\s][^#]*\S)\s+#\s")


def _commented_command(line: str) -> bool:
    found = _TRAILING_COMMENT.match(line)
    return found is not None and not _wordy(found[1])


# Lines of a configuration file that each run one command ("alias mutt-dev ..." / "alias
# mutt-users ..."): the same word in lower case opens both, which wrapped prose seldom does
# but with a word like "the" (_PROSE_OPENERS).
_COMMAND = re.compile(r"^([a-z][\w-]{2,})\s")
_PROSE_OPENERS = frozenset(
    ["the", "and", "but", "for", "not", "you", "can", "will", "with", "that", "this", "are",
     "was", "has", "have", "its", "their", "from"]
)  # fmt: skip


def _same_command(previous: str, line: str) -> bool:
    """Whether both lines run the same command: the same word opens them, and each holds a
    token no sentence would (an address, a path, a figure), not prose that happens to
    ("symbolic links within a toplevel directory should be relative," / "symbolic links
    between ...")."""
    first, second = _COMMAND.match(previous), _COMMAND.match(line)
    return (
        first is not None
        and second is not None
        and first[1] == second[1]
        and first[1] not in _PROSE_OPENERS
        and not previous.endswith(",")
        and all(any(not _PLAIN_WORD.match(t) for t in x.split()) for x in (previous, line))
    )


def in_capitals(line: str) -> bool:
    """Whether the line's letters (more than three) are all capitals: a title, never a
    wrapped line of prose (and a heading over a list in plain text, text_headings)."""
    letters = 0
    for c in line:  # to the first letter in lower case, not the whole line
        if c.isalpha():
            if not c.isupper():
                return False
            letters += 1
    return letters > 3


# (a comment's "#", or "//" and a space as C and JSON with comments write one: Kea's
# configuration; Vim's "//{offset}" command is no comment)
_LINE_MARK = re.compile(r"([#>]|//(?=\s|$))(?:[ \t]*\1)*[ \t]*")
_COMMENT_MARKS = ("#", "//")


def unwrap(text: str, width: int | None = None, shortest_wrapped: int = MIN_WRAPPED_LINE) -> str:
    """Join hard-wrapped lines ("... only to staff on an on-call rota, field / technicians
    and managers ...") back into one line, so a sentence is never quoted cut at a line end.
    A line was wrapped when it runs close to the paragraph's widest line and does not end
    in a colon (a lead-in keeps its list on the next lines); a list item or a numbered
    clause always starts a line of its own. Short lines (addresses, key: value lists) stay.
    `width`: the widest line of the text this paragraph comes from, when not its own;
    `shortest_wrapped`: the shortest line that may have been wrapped (a box's edge wraps
    short rows too)."""
    lines = text.split("\n")
    if len(lines) > 1 and all(reads_as_setting(line) for line in lines):
        return text  # a stanza of settings ("pkcs11-slot 0" / "pkcs11-id-type label")
    width = width or max(len(line) for line in lines)
    out: list[_JoinedLine] = []
    example = False  # the line before is shown after a comment's lead-in ("with this line:")
    for line in lines:
        previous = out[-1].edges if out else ""
        # a configuration file's comment wraps on "#" lines, a quoted e-mail on "> " lines:
        # the sentence goes on after the marks ("# ... before the UPS / #   shuts down");
        # a bare "#" or ">" line ends it
        mark = _LINE_MARK.match(line)
        mark = mark if mark and previous.startswith(mark.group(1)) else None
        body = line[mark.end() :] if mark else line
        # "#" comments wrap narrow: OpenVPN's ("# Push routes to the client to allow it" /
        # "# to reach ...") had stayed cut at each line, or only after their first long line
        comment = mark is not None and mark.group(1) in _COMMENT_MARKS
        shortest = min(shortest_wrapped, MIN_WRAPPED_COMMENT) if comment else shortest_wrapped
        wrapped = bool(out) and out[-1].length >= max(shortest, 0.6 * width) and not example
        # a commented-out command after a comment's last sentence ("... between 3-4am." /
        # "# /dev/sda -a -o on") is an example of its own, not the sentence going on
        # ("# ... a locally served zone." / "# stub-zone:", a clause commented out, too)
        wrapped = wrapped and not (
            comment and previous.endswith(".") and (not _wordy(body) or _NAMED.match(body))
        )
        # ... and so is one setting commented out under its comment, whatever the comment
        # ends with ("# port to answer queries from" / "# port: 53", Unbound's example)
        wrapped = wrapped and not (comment and _ONE_SETTING.match(body))
        # two settings commented out, one a line ("#  - domain: example.com" / "#    notify:
        # secondary", Knot's knot.conf), are lines of an example, not a sentence wrapped
        wrapped = wrapped and not (
            comment and _sets_a_key(body) and _sets_a_key(unmarked(previous))
        )
        if wrapped and body and _joins(previous, body) and _same_voice(previous, line, mark):
            # a compound broken at its hyphen (Python's textwrap breaks there) is one word
            out[-1].join(line_joint(previous, body), body)
        else:
            # "# Then create a file ccd/Thelonious with this line:" / "# iroute 192.168.40.128
            # 255.255.255.248" / "# This will allow ...": the example is a line of its own
            lead_in = line.startswith(_COMMENT_MARKS) and previous.startswith(_COMMENT_MARKS)
            lead_in = lead_in and previous.endswith(":")
            example = lead_in and not _wordy(unmarked(line))
            out.append(_JoinedLine(line))
    return "\n".join(joined.text() for joined in out)


# How much of the line above the checks read (`_JoinedLine.edges`): its first and its last
# EDGE characters. What they ask of it is at its start (a setting's name, a command, a
# number, a comment's mark) or at its end (a colon, a dotted leader, a block's brace); a
# line of up to twice EDGE is read whole.
EDGE = 300


class _JoinedLine:
    """A line of `unwrap`'s output, growing as the wrapped lines under it join it. The
    checks read only its `edges`: reading the whole joined line at each line under it had
    made unwrap quadratic in a paragraph's lines (a 300 KB paragraph of 5,000 wrapped lines
    took 100 s to load; 8 MB, the text budget, some 20 hours)."""

    def __init__(self, line: str) -> None:
        self.pieces = [line]
        self.length = len(line)
        self.edges = _edges(line)

    def join(self, joint: str, body: str) -> None:
        self.pieces += [joint, body]
        self.length += len(joint) + len(body)
        self.edges = _edges(self.edges + joint + body)

    def text(self) -> str:
        return "".join(self.pieces)


def _edges(text: str) -> str:
    """The text's first and last EDGE characters; the whole text when no longer than both.
    (Of the edges of a line and what joins it, the edges of the joined line.)"""
    return text if len(text) <= 2 * EDGE else text[:EDGE] + text[-EDGE:]


MAX_SETTING_TOKENS = 4


def reads_as_setting(line: str) -> bool:
    """Whether the line reads as a setting, a name and its value or two, not as words of
    a sentence ("pkcs11-providers /usr/lib/opensc-pkcs11.so", "PasswordAuthentication yes":
    OpenVPN's NEWS.Debian had run such a stanza into one line)."""
    return len(line.split()) <= MAX_SETTING_TOKENS and not _wordy(line)


# a key and its value, as YAML or INI write one ("notify: secondary", "- id: primary")
_KEY_VALUE = re.compile(r"^(?:- )?[A-Za-z_][\w.-]*\s*[:=]\s*\S")


def _sets_a_key(line: str) -> bool:
    """Whether a short line is a setting: a name and its value(s), or a key and its value."""
    short = len(line.split()) <= MAX_SETTING_TOKENS
    return short and (not _wordy(line) or _KEY_VALUE.match(line) is not None)


# One setting, a name in lower case and a word or two of value, as a configuration writes
# it: words, but no sentence ("statistics-cumulative: no", "access-control-view:
# 192.0.2.0/24 viewname": Unbound's example under each comment)
_ONE_SETTING = re.compile(r"^[a-z_][\w.-]*:(?:\s+\S+)?\s+[^\s.!?]*[^\s.!?,;]$")
# a name alone, as a clause of settings opens ("stub-zone:")
_NAMED = re.compile(r"^[A-Za-z_][\w.-]*:$")


def _wordy(line: str) -> bool:
    """Whether most of the line's tokens are plain words (not a command or a setting)."""
    tokens = line.split()
    return sum(bool(_PLAIN_WORD.match(t)) for t in tokens) > len(tokens) / 2


def unmarked(line: str) -> str:
    """The line without the comment or quote marks it opens with ("# ", "> > ")."""
    mark = _LINE_MARK.match(line)
    return line[mark.end() :] if mark else line


# a name (a word, or words one space apart: "Down arrow"), a gap of 3 or more spaces, then
# its description (text.py's _ALIGNED, at a row's start)
_NAME_GAP = re.compile(r"\S+(?: \S+)*(?: {3,}|\t)(?=\S)")
MIN_LISTED_ROWS = 2


def unwrap_preformatted(paragraph: str, width: int) -> str:
    """A preformatted paragraph of hard-wrapped prose unwrapped (see `unwrap`), or, when it
    lists names with their descriptions set in a column ("\\#   to mark a hash ..." /
    "\\\\   to use a backslash": OpenVPN's and HAProxy's escapes), one line per name, its
    description's wrapped lines (indented under it) joined: unwrapped as prose, every
    escape had run into the next."""
    lines = [line.expandtabs() for line in paragraph.split("\n") if line.strip()]
    rows = _listed_rows(lines)
    if len(rows) < MIN_LISTED_ROWS:
        return unwrap(clean_lines(paragraph), width)
    return "\n".join(clean_inline(" ".join([*names, *description])) for names, description in rows)


def _listed_rows(lines: list[str]) -> list[tuple[list[str], list[str]]]:
    """The rows (names, description lines) of lines that set names and descriptions in two
    columns, or [] when a line at the left margin is not a row: a name, then its description
    from the column the rows with a wide gap agree on (a long name leaves one space,
    "\\[SPACE] Pass a literal", or two after words, "Return, Enter  - Follow selected
    link": Lynx's key tables). A name ending in a comma goes on in the next row's, whose
    description goes on the first's ("Right arrow,  - select the link that the cursor is" /
    "Return, Enter    positioned on.": three keys, one description; _names_go_on)."""
    margin = min((len(line) - len(line.lstrip()) for line in lines), default=0)
    columns = [margin + m.end() for line in lines if (m := _NAME_GAP.match(line[margin:]))]
    if not columns:
        return []
    # the column most rows agree on; of a tie, the leftmost ("Right arrow,    -  select the
    # link" / "Return, Enter     positioned on.": the names' column, not the words')
    column = min(set(columns), key=lambda c: (-columns.count(c), c))
    rows: list[tuple[list[str], list[str]]] = []
    for line in lines:
        if len(line) - len(line.lstrip()) > margin:
            if not rows:
                return []  # a drawing's or a table's rows, not a name's
            rows[-1][1].append(line)  # a description's wrapped line, under its column
        elif line[column - 1 : column] == " " and (
            line[column - 2 : column] == "  " or " " not in line[margin : column - 1].strip()
        ):
            name, description = line[:column].strip(), line[column:]
            if rows and _names_go_on(rows[-1], description):
                rows[-1][0].append(name)
                rows[-1][1].append(description)
            else:
                rows.append(([name], [description]))
        else:
            return []  # a line of prose at the margin
    return rows


def _names_go_on(row: tuple[list[str], list[str]], description: str) -> bool:
    """Whether a row's line goes on the row before: its names end in a comma, and its
    description opens with a mark ("-  select ...") that this line's does not ("positioned
    on."). Two rows both opening with the mark are two keys' own descriptions."""
    names, descriptions = row
    mark = descriptions[0].lstrip()[:1]
    return (
        names[-1].endswith(",")
        and bool(mark)
        and not mark.isalnum()
        and not description.lstrip().startswith(mark)
    )


# a setting commented out: its "#" or ";" right against its word ("#allow 10.0.0.0/8",
# ";push "route 192.168.10.0 255.255.255.0"")
_COMMENTED_SETTING = re.compile(r"^[#;][^\s#;]")


def _same_voice(previous: str, line: str, mark: re.Match[str] | None) -> bool:
    """Whether `line` can carry on `previous` as far as their line marks go. A comment never
    goes on in an unmarked line, nor a quote outside the quote: chrony's example config had
    read "# Record the rate ... gains/losses time. driftfile /var/lib/chrony/drift". Among
    comment lines a setting commented out stands alone, and no comment goes on in it: it is
    no prose ("# Allow NTP client access from local network." / "#allow 192.168.0.0/16";
    OpenVPN's ";push "route ..."" / ";push "route ..."" had run into one line)."""
    previous_mark = _LINE_MARK.match(previous)
    own_mark = _LINE_MARK.match(line)
    commented = (previous[:1] in "#;" and line[:1] in "#;") and (
        _COMMENTED_SETTING.match(previous) or _COMMENTED_SETTING.match(line)
    )
    # a comment ("# ...") never carries on an unmarked line ("d-i ...xkb-keymap select us" /
    # "# d-i ... toggle select No toggling" had read as one setting; "#99702)" in prose
    # goes on)
    opens_comment = previous_mark is None and own_mark is not None
    opens_comment = opens_comment and own_mark[0] != own_mark[1]  # "# ", a comment's mark
    # marks of another depth set a comment apart: the preseed file's "### Localization"
    # titles the comments under it
    deeper = own_mark is not None and previous_mark is not None
    deeper = deeper and own_mark[0].strip() != previous_mark[0].strip()
    return (mark is None) == (previous_mark is None) and not (opens_comment or deeper or commented)


# A preformatted block is prose hard-wrapped at a fixed width (HAProxy's manuals are text
# files shown in <pre>) when most of its lines (PROSE_LINE_SHARE) are lines of words: this
# many tokens at least, nearly all of them plain words. Commands, settings, code with its
# comments and log lines are not: over the HTML corpora's 4,700 <pre> blocks without <code>,
# this reads 1,350 of HAProxy's 1,881 as prose and at most 15 of any other set's (licence
# notices, server messages with their hints).
MIN_PROSE_TOKENS = 6
PLAIN_WORD_SHARE = 0.8
PROSE_LINE_SHARE = 0.6
_PLAIN_WORD = re.compile(r"^[(\"'‘“]?[A-Za-z][a-z]*(?:['’-][a-z]+)?[.,;:!?)\"'’”]*$")


def reads_as_prose(text: str) -> bool:
    """Whether a preformatted block is hard-wrapped prose (above). A line with an address
    ("deb https://deb.debian.org/debian bullseye main contrib non-free") is an entry of a
    listing, however plain its other words: a sources.list had read as one long line."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 2:
        return False
    wordy = 0
    for line in lines:
        tokens = line.split()
        plain = sum(bool(_PLAIN_WORD.match(t)) for t in tokens)
        wordy += (
            len(tokens) >= MIN_PROSE_TOKENS
            and plain >= PLAIN_WORD_SHARE * len(tokens)
            and "://" not in line
        )
    return wordy >= PROSE_LINE_SHARE * len(lines)


MIN_BOX_LINES = 3
_BOX_EDGES = "*#"  # a licence's disclaimer in asterisks, a sample config's banner in "#"


def box_row(line: str) -> str | None:
    """The text of a row of a box drawn in asterisks or "#" ("*  text  *"; "" for "#    #"),
    else None. String tests, not a pattern: a 1 MB line of spaces must cost one pass."""
    line = line.rstrip()
    inner = line[1:-1]
    if len(line) < 2 or line[0] not in _BOX_EDGES or line[-1] != line[0]:
        return None
    return inner.strip() if not inner or inner[0].isspace() else None


def unboxed(text: str) -> str:
    """Text set in a box drawn with asterisks (a licence's disclaimer) or "#" (OpenVPN's
    sample configs open with one) without the box: its rows' edges dropped, its empty rows
    blank lines, each paragraph's rows joined back into sentences. Inside it, the edges
    otherwise end up in sentences ("death or * * personal injury", "config file for #") and
    glue its sections into one paragraph. Only runs of MIN_BOX_LINES such rows: a single
    "*emphasis*" or "## apcupsd.conf v1.1 ##" line stays."""
    lines = text.split("\n")
    rows = [box_row(line) for line in lines]
    out: list[str] = []
    for boxed, run in groupby(zip(lines, rows, strict=True), key=lambda lr: lr[1] is not None):
        pairs = list(run)
        if boxed and len(pairs) >= MIN_BOX_LINES:
            paragraphs = "\n".join(row or "" for _, row in pairs).split("\n\n")
            # the box's edge wrapped its rows, however short ("Sample OpenVPN 2.6 config
            # file for" / "multi-client server."): each paragraph's rows run on
            out.append("\n\n".join(unwrap(p, shortest_wrapped=0) for p in paragraphs))
        else:
            out += [line for line, _ in pairs]
    return "\n".join(out)
