"""Configuration files read as text: INI-style ones ("[section]" lines, "key = value"
settings, "#" comments), which files are ones, and the headings their structure gives; and
the headings any commented configuration writes in its comments, and its options' labels
with their text hanging under them."""

from __future__ import annotations

import re

# a section of an INI-style configuration file ("[sshd]", "[Definition]", "[DEFAULT]")
INI_SECTION = re.compile(r"^\[[A-Za-z][\w.:/-]{0,60}\]$")
# A line of a configuration file: a comment, a setting ("bantime = 10m", "allow 10.0.0.0/8")
_CONFIG_LINE = re.compile(r"^(?:[#;!%]|[\w.-]+\s*[=:]|[a-z][\w.-]*\s+\S+$)")
MIN_CONFIG_SHARE = 0.6
# In an INI file, a comment banner ("#" / "# MISCELLANEOUS OPTIONS" / "#") heads the settings
# after it, under their [section]; and a setting described by the comment lines over it
# ('# "bantime.increment" allows to use database ...' / "#bantime.increment = true") heads
# its own description. Under one "[DEFAULT]" heading, fail2ban's jail.conf had packed a dozen
# options' comments into each chunk, and the one asked about was found third, if at all.
SECTION_LEVEL, BANNER_LEVEL, SETTING_LEVEL = 1, 2, 3
_COMMENT_BANNER = re.compile(r"^[#;]\s+([A-Z][A-Z0-9 ,&/()'-]{2,60})$")
_BARE_COMMENT = re.compile(r"^[#;]\s*$")
# a setting, active or commented out: "bantime = 10m", "#bantime.increment = true"
_INI_SETTING = re.compile(r"^[#;]?\s*([A-Za-z_][\w.-]{0,60})\s*=")


def ini_file(lines: list[str]) -> bool:
    """Whether the text is an INI-style configuration file: it has "[section]" lines and
    most of its lines are comments, settings and sections. A README that quotes a systemd
    unit ("[Unit]" / "Requires=shorewall.service") in its prose is not one."""
    sections = sum(bool(INI_SECTION.match(line)) for line in lines)
    config = sum(bool(_CONFIG_LINE.match(line)) for line in lines) + sections
    return sections > 0 and config >= MIN_CONFIG_SHARE * len(lines)


# A clause of a configuration written as Unbound's and Knot's are: its name alone on a line,
# its options under it ("server:", "remote-control:", "auth-zone:"). Without it as a
# heading, the options several clauses share ("name", "zonefile") lost whose they were.
_CLAUSE = re.compile(r"^[a-z][\w-]{0,40}:$")
MIN_CLAUSES = 2


def clause_file(lines: list[str]) -> bool:
    """Whether the text is a configuration file of clauses: two clause lines or more, and
    most of its lines comments, settings and clauses (not a README quoting one)."""
    clauses = sum(bool(_CLAUSE.match(line)) for line in lines)
    config = sum(bool(_CONFIG_LINE.match(line)) for line in lines)
    return clauses >= MIN_CLAUSES and config >= MIN_CONFIG_SHARE * len(lines)


def configuration_file(lines: list[str]) -> bool:
    """Whether the text is a configuration file of "[section]"s or of clauses."""
    return ini_file(lines) or clause_file(lines)


def section_line(line: str) -> bool:
    """Whether a line of a configuration file (ini_file or clause_file) opens a section:
    "[sshd]", or a clause's "server:"."""
    return bool(INI_SECTION.match(line) or _CLAUSE.match(line))


def sets_a_value(line: str) -> bool:
    """Whether the line is a setting as an INI file or a systemd unit writes one, active or
    commented out ("Type=forking", "bantime = 10m", "#allow = 10.0.0.0/8")."""
    return _INI_SETTING.match(line) is not None


def described_setting(lines: list[str]) -> str | None:
    """The name of the setting a paragraph of an INI file describes: comment lines, then
    the setting, active or commented out, last (see SETTING_LEVEL)."""
    if not lines[0].startswith(("#", ";")) or _INI_SETTING.match(lines[0]):
        return None
    if not _INI_SETTING.match(lines[-1]):
        return None  # a comment quoting a setting as an example ("# bantime = 1h" / "# ...")
    settings = (_INI_SETTING.match(line) for line in lines[1:])
    return next((found.group(1) for found in settings if found), None)


# A short comment naming the group of settings under it ("# Hardening" over a systemd
# unit's sandboxing lines): it had read as the first setting's description, and
# "AppArmorProfile" headed them all.
_GROUP_LABEL = re.compile(r"^[#;]\s*([A-Z][\w/&-]*(?: [\w/&-]+){0,3})$")


def group_label(lines: list[str]) -> str | None:
    """The label of a paragraph of settings that opens with a short comment naming them,
    when they are settings of more than one name."""
    found = _GROUP_LABEL.match(lines[0])
    settings = [_INI_SETTING.match(line) for line in lines[1:]]
    if found is None or None in settings:
        return None
    names = {setting.group(1) for setting in settings if setting}
    return found.group(1) if len(names) > 1 else None


def comment_banner(lines: list[str]) -> str | None:
    """The title of a comment banner, three lines: "#" / "# MISCELLANEOUS OPTIONS" / "#"."""
    if len(lines) == 3 and _BARE_COMMENT.match(lines[0]) and _BARE_COMMENT.match(lines[2]):
        found = _COMMENT_BANNER.match(lines[1])
        return found.group(1) if found else None
    return None


# A title between two runs of "#" on one line, how redis.conf and torrc head their parts
# ("################ NETWORK ################"): read as a paragraph of text, every part's
# settings had sat under no heading, and "NETWORK" had been a block of its own.
_HASH_BANNER = re.compile(r"^#{3,}[ \t]+([^\s#][^#]{0,78}?)[ \t]+#{3,}$")


def hash_banner(line: str) -> str | None:
    """The title of a line that sets it between runs of "#": "#### NETWORK ####"."""
    found = _HASH_BANNER.match(line.strip())
    return found.group(1) if found and any(c.isalpha() for c in found.group(1)) else None


# A commented title over a commented rule ("# OPTIONS FOR SMP" / "# ------"): how Squid's
# documented configuration (9,200 lines, every line a comment) heads each of its parts.
_COMMENTED_TITLE = re.compile(r"^#\s+(\S.{0,80})$")
_COMMENTED_RULE = re.compile(r"^#\s*([-=])\1{2,}\s*$")
# A directive's entry in a documented configuration: "#  TAG: cache_mem\t(bytes)" heads the
# comment lines that describe it. Squid's 384 entries had read as one untitled block each,
# and the tab after the name as a column, which kept every wrapped line of the entry apart.
_DIRECTIVE_TAG = re.compile(r"^#\s+TAG:\s+(\S.*)$")


def commented_title(line: str, after: str) -> tuple[str, str] | None:
    """The title of a commented title line over a commented rule, and the rule's style."""
    title, rule = _COMMENTED_TITLE.match(line), _COMMENTED_RULE.match(after)
    if title is None or rule is None or _COMMENTED_RULE.match(line):
        return None
    return title.group(1).strip(), f"#{rule.group(1)}"


def documented_directive(line: str) -> str | None:
    """The directive a documentation entry's first line names, with its kind of value:
    "cache_mem (bytes)"."""
    found = _DIRECTIVE_TAG.match(line)
    return " ".join(found.group(1).split()) if found else None


# an option's label and the gap after it, under a comment's mark ("#\tdeny:   The request")
_COMMENT_LABEL = re.compile(r"^#[ \t]*[A-Za-z][\w-]*:(?: {3,}|\t)\S")


def labels_hanging_text(line: str, below: str) -> bool:
    """Whether a comment line is an option's label and its text, the text going on in the
    comment line below, indented deeper than the label ("#\tdeny:   The request is denied.
    The user receives an "Invalid" / "#\t\tRequest" message.": squid.conf.documented). It is
    a paragraph of its own, no row of a table: kept a row, each sentence was cut at its
    line ends. Its label starts a line only where a bare "#" line sets it apart, as Squid's
    entries do: unwrap sees no label."""
    label, under = line.strip(), below.strip()
    if not _COMMENT_LABEL.match(label) or not under.startswith("#") or not under[1:].strip():
        return False
    return _indent(under[1:]) > _indent(label[1:])


def _indent(text: str) -> int:
    """How far the text stands in after a comment's mark, tabs at their width."""
    wide = text.expandtabs()
    return len(wide) - len(wide.lstrip())
