"""Which line of a plain-text file is its title: the opening line, unless it names no
document (a release's line, a configuration's first section, a version-control keyword, a
file's magic, a setting). Used by the text loader's `load`.
"""

from __future__ import annotations

import re

from pocketrag.documents import Block
from pocketrag.loaders._common import SENTENCE_END
from pocketrag.loaders.ini import section_line
from pocketrag.loaders.text_headings import QUESTION, SENTENCE_INSIDE, release_line
from pocketrag.loaders.wrapping import in_capitals, unmarked

MAX_TITLE_CHARS = 120
MAX_COMMENT_TITLE_WORDS = 8


def opening_line(blocks: list[Block]) -> str:
    """The text's first line: its first heading when it opens with one ("Git v1.8.0 Release
    Notes" underlined), unless that is one of many alike: a release's line in release notes,
    an FAQ's first question, a configuration file's first section ("[sshd]", "server:": the
    title of Unbound's conf.d snippets had been their one clause)."""
    if not blocks:
        return ""
    if blocks[0].heading_path:
        opening = blocks[0].heading_path[0]
        named = not (release_line(opening) or section_line(opening) or QUESTION.match(opening))
        return opening if named else ""
    first, _, rest = blocks[0].text.partition("\n")
    second = rest.partition("\n")[0]
    if in_capitals(first) and in_capitals(second) and not second.endswith(SENTENCE_END):
        # a letterhead over the document's name ("PENNOCK VALE SURGERY" / "MINUTES OF THE
        # PARTNERS' BUSINESS MEETING"): the organisation alone had named the minutes, and an
        # answer quoting them beside the handbook could not say which was which
        joined = f"{first} - {second}"
        return joined if len(joined) <= MAX_TITLE_CHARS else first
    return "" if section_line(first) else first


# A first line that names no document: a version-control keyword ("$Id$", "-- $LynxId:
# README.defines,v 1.20 ... $") or a file's magic ("#%PAM-1.0", "#!/bin/sh"). As a title it
# was what every answer quoting the file was cited by.
# ... or an editor's mode line ("# -*- text -*-", "# vim: set ts=8:"): FreeRADIUS's
# configurations open with one
_NO_TITLE = re.compile(r"[-\s]*(?:\$\w+(?::[^$]*)?\$|[%!]).*|\s*(?:-\*-.*-\*-|vim?:\s.*)")
# ... or a setting naming a path: "DataDirectory /var/lib/tor" opens Tor's service defaults
_PATH_SETTING = re.compile(r"[A-Za-z_][\w.-]*(?:\s*=\s*|\s+)[/~$]\S*")


def title_line(line: str) -> str | None:
    """The first line as a title, if it is one. A configuration file opens with a comment:
    a short one names it ("# Example smb.conf"); a sentence, or a line of "#" alone, does
    not ("# Welcome to the chrony configuration file. See chrony.conf(5) for ...")."""
    if not 0 < len(line) <= MAX_TITLE_CHARS or _NO_TITLE.fullmatch(line.lstrip("#")):
        return None
    if not line.startswith("#"):
        return None if _PATH_SETTING.fullmatch(line) else line
    comment = unmarked(line).rstrip("# \t")  # "## apcupsd.conf v1.1 ##"
    plain = not SENTENCE_INSIDE.search(comment) and not comment.endswith(SENTENCE_END)
    return comment if plain and 0 < len(comment.split()) <= MAX_COMMENT_TITLE_WORDS else None
