"""What of an HTML page is no content, skipped with all it holds: navigation drawn with
ordinary tags, page furniture, permalink marks, text hidden until clicked, code line numbers,
and the page's own table of contents when its generator marks it as one (the HTML loader
finds unmarked ones as it reads, and a sidebar's lists of links: is_sidebar).
"""

from __future__ import annotations

import re
import string

# Navigation drawn with ordinary tags: DocBook's and Publican's "Prev / Next" bars
# (<ul class="docnav">, <div class="navfooter">), breadcrumbs, role="navigation". Read as
# text, "Prev11.5. Analysis of malware" had opened and closed every page of a manual.
# Exim's spec marks its bars with Bootstrap's "nav" and "previous_page"/"next_page" links.
# Sphinx themes without role="navigation" on their sidebar (BorgBackup's: the whole table of
# contents, 40 lines, opened every page) and their "previous / next chapter" buttons.
_NAV_CLASSES = frozenset(
    ["navheader", "navfooter", "docnav", "breadcrumb", "breadcrumbs", "navbar", "pagination",
     "nav", "previous_page", "next_page", "toc_page", "sphinxsidebar", "footer-relations"]
)  # fmt: skip
# makeinfo's node links over (and under) every node: "Next: FREQUENCIES, Up: Statistics
# [Contents][Index]" had been a block of text on each page of a split manual, naming other
# commands (<div class="header"> in Texinfo 6, <div class="nav-panel"> in 7).
_TEXINFO_NAV_CLASSES = frozenset(["header", "nav-panel"])
# Page furniture named by id or class, skipped when we read the whole body (no <main>; inside
# <main> a "footer" is the article's own): Exim's "Website design by ..." footer, HAProxy's
# sidebar ("Keyboard navigation: ... arrow keys"), Sphinx's <div class="footer"> ("©
# Copyright ... Created using Sphinx." closed every page).
_CHROME_IDS = frozenset(["footer", "sidebar"])
_CHROME_CLASSES = frozenset(["footer"])
# Text a browser does not show until clicked: HAProxy's Bootstrap menu after every keyword
# mention ("bind" + "This keyword is available in sections : Log forwarding Peers ...", 408
# of them) had been read into the sentences around it.
_HIDDEN_CLASSES = frozenset(["dropdown-menu"])
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)
# A heading's or definition's permalink mark: Sphinx and MkDocs "headerlink", the Apache
# manual's "permalink", Texinfo's "copiable-anchor"/"copiable-link", Docusaurus' "hash-link",
# VuePress' "header-anchor". Read as text, its "¶" ended every heading ("Introduction ¶") and
# so every chunk's heading path. Its mark is dropped, its words are not: mandoc's manual
# pages make each heading and each option's name its own permalink (<a class="permalink"
# href="#Port"><code>Port</code></a>), and skipped whole, sshd_config(5) had lost them all.
_PERMALINK_CLASSES = frozenset(
    ["headerlink", "permalink", "copiable-anchor", "copiable-link", "hash-link", "header-anchor"]
)
# A page's own table of contents, marked as one by its generator: asciidoctor's and Exim's
# <div id="toc">, the Apache manual's <ul id="toc">, DocBook's <div class="toc"> and its lists
# of figures and tables, docutils' <div class="contents topic">, Texinfo's mini-tables
# ("section-toc") and @shortcontents, LaTeX2HTML's "Subsections" (<a id="CHILD_LINKS"> and
# <ul class="ChildLinks">), SQLite's "fancy_toc". Read as text, each title became a block
# under the page's first heading (debref's chapters opened with 60 of them), matching
# questions by its words and crowding out the sections it names.
_CONTENTS_IDS = frozenset(["toc", "child_links"])
_CONTENTS_CLASSES = frozenset(
    ["toc", "toc2", "section-toc", "shortcontents", "childlinks", "fancy_toc",
     "list-of-figures", "list-of-tables", "list-of-examples", "list-of-equations",
     "list-of-procedures"]
)  # fmt: skip
_DOCUTILS_CONTENTS = frozenset(["contents", "topic"])
_PAGE_TAGS = frozenset(["html", "body", "main", "article"])  # asciidoctor: <body class="toc2">
# Pygments' line numbers (Sphinx's code blocks): read as text, "2$TTL 2d".
_LINE_NUMBER_CLASSES = frozenset(["linenos", "linenodiv", "lineno"])
# An <aside> is a footnote, a topic or a sidebar. docutils' HTML5 writer (Sphinx) puts every
# footnote in one (BIND's RFC notes), and its "topic" directive is a boxed part of the text
# (Python's HOWTO abstracts, BorgBackup's "Finding a more precise udev rule"): read whole. A
# sidebar holds links to other pages, and often the text an intranet page's readers look for
# ("HR is open Monday to Friday, 09:00 to 17:00", "Duty manager: 07700 900461"): read, but
# its lists of links are navigation (the HTML loader takes them back).
_FOOTNOTE_ROLES = frozenset(["doc-footnote", "doc-endnote", "doc-endnotes", "note"])
_TEXT_ASIDE_CLASSES = frozenset(["topic"])


def is_chrome(tag: str, attrs: list[tuple[str, str | None]], scope: str) -> bool:
    """Navigation, page furniture or hidden text: skipped with all they hold."""
    values = dict(attrs)
    classes = classes_of(values)
    if "hidden" in values or _DISPLAY_NONE.search(values.get("style") or ""):
        return True
    if scope == "body" and (
        (values.get("id") or "").lower() in _CHROME_IDS or classes & _CHROME_CLASSES
    ):
        return True
    if classes & _LINE_NUMBER_CLASSES:
        return True
    if tag == "table" and "header" in classes:
        return True  # texi2html's "[ << ] | [ < ] | [ Up ] | [ > ]" bar around every section
    if tag == "div" and classes & _TEXINFO_NAV_CLASSES:
        return True
    return values.get("role") == "navigation" or bool(classes & (_NAV_CLASSES | _HIDDEN_CLASSES))


def is_permalink(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """A permalink (see _PERMALINK_CLASSES), whose mark, not its words, is skipped."""
    return tag == "a" and bool(classes_of(dict(attrs)) & _PERMALINK_CLASSES)


# The signs a permalink shows instead of words
_PERMALINK_MARKS = frozenset("¶§#¤⚓🔗∞")


def permalink_mark(data: str) -> bool:
    """Whether text inside a permalink is its mark ("¶", "#", "§"), no word. A command made
    of signs is a word: mandoc links ssh(1)'s escape "~." (disconnect) to itself. So are the
    spaces and the ASCII punctuation between a term's pieces that mandoc links whole
    ("<b>-f</b>, <b>--force</b>" had read "-f--force")."""
    signs = "".join(data.split())
    if not signs or any(c.isalnum() for c in signs):
        return False
    return set(signs) <= _PERMALINK_MARKS or (len(signs) == 1 and signs not in _ASCII_SIGNS)


_ASCII_SIGNS = frozenset(string.punctuation) - _PERMALINK_MARKS  # "#" is a mark (above)


def is_contents(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """The page's own table of contents, marked as one (see _CONTENTS_CLASSES)."""
    if tag in _PAGE_TAGS:
        return False
    values = dict(attrs)
    classes = classes_of(values)
    return (
        (values.get("id") or "").lower() in _CONTENTS_IDS
        or bool(classes & _CONTENTS_CLASSES)
        or classes >= _DOCUTILS_CONTENTS
    )


def classes_of(values: dict[str, str | None]) -> set[str]:
    return set((values.get("class") or "").lower().split())


def is_sidebar(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """An <aside> that is no footnote or topic: read outside <main> too, its link lists not."""
    values = dict(attrs)
    classes = classes_of(values)
    return tag == "aside" and not (
        _is_footnote(classes, values.get("role")) or classes & _TEXT_ASIDE_CLASSES
    )


def _is_footnote(classes: set[str], role: str | None) -> bool:
    return role in _FOOTNOTE_ROLES or any(c.startswith("footnote") for c in classes)
