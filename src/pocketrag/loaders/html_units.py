"""An option of a command-line manual and its description, read as one block with the option
leading ("--cd dir: Change directory to dir ...\\nThis option is useful when ...").

docutils writes an option list as a table (<table class="option-list">) whose long options
sit on a row of their own, apart from their description, and its HTML5 writer and Sphinx as
<dl class="option-list"> or <dl class="std option">. Read as table rows or definitions, an
option had been cut from what it does (OpenVPN's "--compat-mode version" was a block alone,
its description the next block), its description's paragraphs, literal blocks, lists and
field lists ran together into one line, and a field list inside it (the sub-options of
"--dhcp-option") had come out before the option. In a unit each paragraph, code line, list
item ("- ...", "2. ...", nested items indented under their parent), term (its definition
indented under it) and field ("name: value") is a line of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# docutils' option lists (both writers) and Sphinx's "option" directive, old and new names
_OPTION_DL_CLASSES = frozenset(["option-list", "option", "cmdoption"])
INDENT = "  "  # per level a line sits under an item or a term of the description


def is_option_table(classes: set[str]) -> bool:
    return "option-list" in classes


def is_option_dl(classes: set[str]) -> bool:
    return bool(classes & _OPTION_DL_CLASSES)


@dataclass
class Unit:
    """An option's description being read: the option, and the description's lines."""

    lead: str
    in_table: bool  # docutils' table layout, else a definition list
    depth: int  # the definition list's nesting depth (a list's `dl` count), for its end
    list_depth: int  # lists open when it began: deeper ones are nested in its description
    definitions: int  # definitions (<dd>) open when it began: deeper ones are indented
    lines: list[str] = field(default_factory=list)
    opens_with_text: bool = False  # its first line is a paragraph, not a list item or code

    def add(self, text: str, marker: str | None, list_depth: int, definitions: int) -> str:
        """Adds a piece of the description (a paragraph, a literal block, an item's text, a
        term), marked and indented by its place in the description's lists (a definition
        under its term, as docutils lays it out); returns what it added."""
        items = max(list_depth - self.list_depth, 0)
        level = items + max(definitions - self.definitions, 0)
        if marker and items > 0:
            lead, rest = f"{INDENT * (level - 1)}{marker} ", INDENT * level
        else:
            lead = rest = INDENT * level
        first, *more = text.split("\n")
        added = "\n".join([lead + first, *(rest + line for line in more)])
        if not self.lines:
            self.opens_with_text = level == 0 and "\n" not in text
        self.lines.append(added)
        return added

    def text(self) -> str:
        """The option, then its description: its first paragraph on the option's line."""
        lead = self.lead.rstrip(":").rstrip()
        if not self.lines:
            return self.lead
        if self.opens_with_text:
            first, *rest = self.lines
            return "\n".join([f"{lead}: {first}", *rest])
        return "\n".join([f"{lead}:", *self.lines])
