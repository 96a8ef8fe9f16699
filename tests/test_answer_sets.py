"""The answer-quality question sets (bench/answers/) and the Larkfield sample corpus are
well-formed, their key facts really are in the documents that should answer them (read
with the real loaders), and the committed Larkfield PDFs/DOCX match their sources."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pocketrag.config import load_settings
from pocketrag.loaders import load_document
from pocketrag.settings_views import LoaderLimits

REPO = Path(__file__).resolve().parents[1]
ANSWERS = REPO / "bench" / "answers"
LARKFIELD = REPO / "samples" / "larkfield"
KINDS = {"direct", "paraphrase", "colloquial", "number", "list", "table", "follow-up",
         "disagreement", "unanswerable"}  # fmt: skip
# corpus -> (answerable, unanswerable) at least, as issue 11 and the brief ask
MINIMUMS = {
    "opengov": (30, 8),
    "incident": (15, 5),
    "larkfield": (30, 8),
    "brightwater": (50, 15),
    "tables": (20, 6),
    "harbourview": (60, 18),
    "fernhill": (70, 20),
    "debpol": (70, 20),
    "tollgate": (70, 20),
    "makers": (60, 18),
    "debgov": (80, 22),
    "licences": (80, 22),
    "django": (80, 22),
    "numpygov": (120, 25),
    "harden": (80, 22),
    "gnustd": (120, 25),
    "pgadmin": (120, 25),
    "debref": (120, 25),
    "aptguide": (120, 25),
    "gitdoc": (120, 25),
    "pipdocs": (120, 25),
    "kestrel": (120, 25),
    "httpd": (120, 25),
    "ashgrove": (120, 25),
    "rmanuals": (120, 25),
    "postfix": (120, 25),
    "pydocs": (120, 25),
    "riverside": (120, 25),
    "sqlitedoc": (120, 25),
    "plotpdf": (120, 25),
    "millbrook": (120, 25),
    "npmdocs": (120, 25),
    "bashpdf": (120, 25),
    "wrenfield": (120, 25),
    "eximspec": (120, 25),
    "haproxy": (120, 25),
    "oakhurst": (120, 25),
    "zshdoc": (120, 25),
    "latexpdf": (120, 25),
    "thornbury": (120, 25),
    "vimdoc": (120, 25),
    "pgdocs": (120, 25),
    "hollowmere": (120, 25),
    "gnucash": (120, 25),
    "lilypdf": (120, 25),
    "saltmarsh": (120, 25),
    "bindarm": (120, 25),
    "debhandbook": (120, 25),
    "kingsmere": (120, 25),
    "bacula": (120, 25),
    "debmake": (120, 25),
    "amberholt": (120, 25),
    "rsyslog": (120, 25),
    "apcupsd": (120, 25),
    "fellgate": (120, 25),
    "borg": (120, 25),
    "nut": (120, 25),
    "cobbleford": (120, 25),
    "chrony": (120, 25),
    "cups": (120, 25),
    "pennock": (120, 25),
    "fail2ban": (120, 25),
    "wsug": (120, 25),
    "dunmere": (120, 25),
    "openvpn": (120, 25),
    "kicad": (120, 25),
    "wexcombe": (120, 25),
    "keepassxc": (120, 25),
    "corrington": (120, 25),
    "instguide": (120, 25),
    "mutt": (120, 25),
    "asymptote": (120, 25),
    "marlstone": (120, 25),
    "pspp": (120, 25),
    "disktools": (120, 25),
    "quillhaven": (120, 25),
    "xfig": (120, 25),
    "fetchmail": (120, 25),
    "hazelbrook": (120, 25),
    "ntpsec": (120, 25),
    "groff": (120, 25),
    "brackenfold": (120, 25),
    "sudo": (120, 25),
    "lynx": (120, 25),
    "gorsebrook": (120, 25),
    "dovecot": (120, 25),
    "ghostscript": (120, 25),
    "calderwick": (120, 25),
    "squid": (120, 25),
    "knot": (120, 25),
    "ellerby": (120, 25),
    "dnsmasq": (120, 25),
    "lighttpd": (120, 25),
    "penrick": (120, 25),
    "tor": (120, 25),
    "unbound": (120, 25),
    "tunwick": (120, 25),
    "kea": (120, 25),
    "rsync": (120, 25),
    "hartsmoor": (120, 25),
    "clamav": (120, 25),
    "redis": (120, 25),
    "holmbrack": (120, 25),
    "freeradius": (120, 25),
    "openssh": (120, 25),
    "larchwick": (120, 25),
    "gullcombe": (120, 25),
}


def rows(corpus: str) -> list[dict]:
    lines = (ANSWERS / corpus / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def corpus_paths(corpus: str, listing: str = "corpus.txt") -> list[Path]:
    lines = (ANSWERS / corpus / listing).read_text(encoding="utf-8").splitlines()
    return [(REPO / line).resolve() for line in lines if line.strip()]


def normalised(text: str) -> str:
    return " ".join(text.lower().split())


@pytest.mark.parametrize("corpus", sorted(MINIMUMS))
def test_question_sets_shape_and_minimums(corpus: str) -> None:
    questions = rows(corpus)
    answerable = [q for q in questions if q["answerable"]]
    unanswerable = [q for q in questions if not q["answerable"]]
    assert len(answerable) >= MINIMUMS[corpus][0] and len(unanswerable) >= MINIMUMS[corpus][1]
    assert len({(q["question"], str(q.get("history"))) for q in questions}) == len(questions)
    names = {p.name for p in corpus_paths(corpus)}
    for q in questions:
        assert q["kind"] in KINDS, q
        assert set(q["expected_sources"]) <= names, q
        if q["answerable"]:
            assert q["expected_sources"] and q["key_facts"] and q["reference_answer"], q
        else:
            assert not q["expected_sources"] and not q["key_facts"], q
        for turn in q.get("history", []):
            assert turn["role"] in {"user", "assistant"} and turn["content"].strip(), q


# corpus -> (follow-ups with a history, disagreements) at least
TURNS = {
    "larkfield": (4, 4), "fernhill": (6, 5), "debpol": (6, 4), "tollgate": (6, 5),
    "makers": (6, 4), "debgov": (8, 5), "licences": (8, 6), "django": (8, 6),
    "harden": (8, 6), "gnustd": (9, 8), "pgadmin": (9, 4), "debref": (9, 0),
    "aptguide": (9, 2),
    "numpygov": (9, 0),
    "gitdoc": (9, 6),
    "pipdocs": (9, 6),
    "kestrel": (9, 9),
    "httpd": (9, 8),
    "ashgrove": (9, 11),
    "rmanuals": (9, 0),
    "postfix": (9, 1),
    "pydocs": (9, 0),
    "riverside": (9, 8),
    "sqlitedoc": (9, 5),
    "plotpdf": (9, 0),
    "millbrook": (9, 10),
    "npmdocs": (9, 3),
    "bashpdf": (9, 1),
    "wrenfield": (9, 12),
    "eximspec": (9, 0),
    "haproxy": (9, 0),
    "oakhurst": (9, 12),
    "zshdoc": (9, 3),
    "latexpdf": (9, 6),
    "thornbury": (9, 9),
    "vimdoc": (9, 2),
    "pgdocs": (9, 0),
    "hollowmere": (9, 12),
    "gnucash": (9, 8),
    "lilypdf": (9, 4),
    "saltmarsh": (9, 18),
    "bindarm": (9, 6),
    "debhandbook": (9, 5),
    "kingsmere": (9, 15),
    "bacula": (9, 13),
    "debmake": (9, 0),
    "amberholt": (9, 17),
    "rsyslog": (9, 10),
    "apcupsd": (9, 9),
    "fellgate": (9, 20),
    "borg": (9, 6),
    "nut": (9, 3),
    "cobbleford": (9, 14),
    "chrony": (9, 11),
    "cups": (9, 11),
    "pennock": (9, 21),
    "fail2ban": (9, 12),
    "wsug": (9, 8),
    "dunmere": (9, 21),
    "openvpn": (9, 14),
    "kicad": (9, 7),
    "wexcombe": (9, 24),
    "keepassxc": (9, 9),
    "corrington": (9, 29),
    "instguide": (9, 4),
    "mutt": (9, 21),
    "asymptote": (9, 9),
    "marlstone": (9, 35),
    "pspp": (9, 8),
    "disktools": (9, 11),
    "quillhaven": (11, 33),
    "xfig": (11, 17),
    "fetchmail": (9, 9),
    "hazelbrook": (11, 31),
    "ntpsec": (11, 15),
    "groff": (11, 7),
    "brackenfold": (11, 25),
    "sudo": (11, 15),
    "lynx": (11, 12),
    "gorsebrook": (11, 28),
    "dovecot": (11, 21),
    "ghostscript": (11, 12),
    "calderwick": (11, 26),
    "squid": (11, 11),
    "knot": (11, 11),
    "ellerby": (11, 26),
    "dnsmasq": (11, 11),
    "lighttpd": (11, 18),
    "penrick": (11, 30),
    "tor": (11, 15),
    "unbound": (11, 14),
    "tunwick": (11, 30),
    "kea": (11, 12),
    "rsync": (11, 14),
    "hartsmoor": (11, 29),
    "clamav": (11, 14),
    "redis": (11, 9),
    "holmbrack": (11, 25),
    "freeradius": (11, 14),
    "openssh": (11, 15),
    "larchwick": (11, 25),
    "gullcombe": (11, 25),
}  # fmt: skip


@pytest.mark.parametrize("corpus", sorted(TURNS))
def test_follow_ups_and_disagreements_with_both_values(corpus: str) -> None:
    follow_ups, disagreeing = TURNS[corpus]
    questions = rows(corpus)
    assert sum(q["kind"] == "follow-up" and q["history"] != [] for q in questions) >= follow_ups
    disagreements = [q for q in questions if q["kind"] == "disagreement"]
    assert len(disagreements) >= disagreeing
    for q in disagreements:  # two documents, one value from each
        assert len(q["expected_sources"]) == 2 and len(q["key_facts"]) >= 2, q


def fetch(corpus: str) -> None:
    """Documents we may not commit come from the corpus's fetch script (idempotent); a
    failed fetch fails the test with the script's message, it never skips."""
    script = ANSWERS / corpus / "fetch.sh"
    out = subprocess.run(["sh", str(script)], capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        pytest.fail(f"{script.relative_to(REPO)} failed: {out.stderr.strip()}")


def document_text(path: Path) -> str:
    """What the loaders give (block text and headings), as it gets indexed."""
    doc = load_document(path, LoaderLimits.from_settings(load_settings()))
    parts = [doc.title]
    for block in doc.blocks:
        parts += [*block.heading_path, block.text]
    return normalised("\n".join(parts))


@pytest.fixture(scope="module")
def loaded(request) -> tuple[str, dict[str, str]]:
    """(corpus, its documents' loaded text by file name), loaded once for both checks below:
    pytest runs the tests of one module-scoped parameter together, so one corpus's text is
    held at a time. Fetched documents are fetched first; the others come from
    ../shared/data or samples/ (larkfield's are committed)."""
    corpus = request.param
    if (ANSWERS / corpus / "fetch.sh").exists():
        fetch(corpus)
    elif corpus != "larkfield":
        request.getfixturevalue("shared_data")  # skips, saying why, without ../shared/data
    return corpus, {p.name: document_text(p) for p in corpus_paths(corpus)}


@pytest.mark.parametrize("loaded", sorted(MINIMUMS), indirect=True)
def test_key_facts_are_in_the_expected_sources(loaded: tuple[str, dict[str, str]]) -> None:
    """Every key fact is in the loaded text of one of its expected sources. A question
    marked `"loader_gap": true` is one whose fact is in the document as written but which
    the real loaders drop or mangle (fernhill: a wrapped cell of a Chromium-printed PDF
    table split into two rows, a poster table read as headings, "Marsh-Oduya" hyphenated at
    a line end read as "MarshOduya"); only such a question's missing facts are let pass
    (the question is kept as written: the gap is a loader finding, not a typo)."""
    corpus, texts = loaded
    for q in rows(corpus):
        for fact in q["key_facts"]:
            # a disagreement's two values are each in one of its two sources
            found = any(normalised(fact) in texts[s] for s in q["expected_sources"])
            assert found or q.get("loader_gap") is True, (fact, q)


# words of unanswerable questions that no document of the corpus may contain
ABSENT = {
    "larkfield": ("dog", "pension", "share option", "company car", "bonus", "gym", "relocation",
                  "compassionate", "bereavement", "parking space", "jury"),
    "fernhill": ("cycle to work", "wedding", "neonatal", "glasses", "prevent", "taxi", "wi-fi",
                 "wifi", "nursery", "resign", "deputy head", "hotline", "chair", "weighting"),
    "debpol": ("timeout", "umask", "golang", "jar", "source_date_epoch", "hardening", "relro",
               "debhelper compat", "apparmor", "docker", "unlicense", "key size", "annual leave",
               "wifi", "christmas"),
    "tollgate": ("wifi", "wi-fi", "veteran", "armed forces", "parking", "sourdough", "overlock",
                 "hire", "decibel", "refund", "feed rate", "bike", "australia", "parties"),
    "makers": ("wifi", "wi-fi", "cnc", "treasurer", "retraction", "build volume", "annual",
               "postcode", "kiln", "bandwidth", "bandsaw", "exposure time", "australia"),
    "debgov": ("salary", "reimburs", "harass", "quota", "ed25519", "yubikey", "smartcard",
               "deductib", "time zone", "re-elect", "parental", "payday", "taxi"),
    "licences": ("mit", "eclipse", "spdx", "statute of limitation", "fine", "isc", "gplv4",
                 "e-mail", "email", "export", "crypt", "app store", "firefox", "christmas",
                 "london"),
    "django": ("salary", "paid", "bounty", "cvss", "quorum", "term limit", "re-elect", "gsoc",
               "trademark", "annual", "christmas", "taxi", "djangocon", "expense"),
    "harden": ("nftables", "nginx", "luks", "key size", "auditd", "clamav", "hidepid", "uefi",
               "secure boot", "superusers", "usb stick", "faillock", "gdpr", "wireguard",
               "weekly", "unattended", "annual leave", "christmas", "payslip"),
    "gnustd": ("salary", "spdx", "telemetry", "copilot", "irc", "rust", "code of conduct",
               "vulnerab", "evaluat", "inactiv", "flatpak", "discord", "key size",
               "australia", "sourdough"),
    "pgadmin": ("idle_in_transaction_session_timeout", "random_page_cost", "pgbouncer",
                "effective_cache_size", "postgis", "pgbackrest", "barman", "wal-g", "patroni",
                "pg_cron", "pg_repack", "citus", "annual leave",
                "parking", "christmas"),
    "debref": ("nftables", "wireguard", "secure boot", "nmcli", "two-factor", "flatpak", "kerberos",
               "driverless", "opendkim", "rclone", "ufw", "podman", "ansible", "yubikey", "sha512",
               "lynis", "auditd", "veracrypt", "keepass", "zram", "holiday", "expense", "canteen"),
    "aptguide": ("signed-by", "apt-mark", "dl-limit", "add-architecture", "autoclean",
                 "apt-cache", "btrfs", "apt-listchanges", "debsig", "debmirror", "bookworm",
                 "maxsize", "retries", "timeout", "upgradable", "needrestart", "backports",
                 "bandwidth", "christmas", "wifi"),
    "numpygov": ("chair", "quorum", "term length", "elections", "clang-format", "gold",
                 "windows 7", "embargo", "fortran 77", "dress code", "conference",
                 "privately", "code of conduct", "probation", "pasta", "australia"),
    "gitdoc": ("zdiff3", "gitlab", "ignore-revs", "husky", "smtp", "orphan",
               "histogram", "autostash", "codeowners", "safe.directory", "includeif",
               "gc.auto", "sha-256", "longpaths", "jenkins", "ssh-agent", "timeout", "wifi",
               "vacation", "parking"),
    "pipdocs": ("socks", "codeartifact", "poetry", "sigstore", "gpg", "autoremove", "kerberos",
                "sbom", "pip-audit", "ntlm", "ldap", "harass", "wifi", "annual leave",
                "sourdough"),
    "kestrel": ("cycle to work", "jury", "compassionate", "sabbatical", "season ticket", "dental",
                "gym", "redundan", "menopause", "probation", "dress code", "relocation",
                "broadband", "australia", "sourdough"),
    "httpd": ("certbot", "brotli", "hsts", "websocket", "a2ensite", "geoip", "fpm", "cors",
              "ratelimit", "binddn", "maxkeepaliverequests", "fail2ban", "redis", "holiday",
              "wifi"),
    "ashgrove": ("jury", "sabbatical", "pension", "cycle to work", "dress code", "menopause",
                 "minibus", "salary sacrifice", "redundan", "probation", "weighting",
                 "relocation", "wifi", "wi-fi", "strike", "resign", "physiotherap",
                 "sourdough", "australia", "world cup"),
    "rmanuals": ("json", "docker", "slurm", "parquet", "fread", "kerberos", "cuda", "shiny",
                 "mclapply", "devtools", "openxlsx", "rcpp", "jupyter",
                 "annual leave", "sourdough"),
    "postfix": ("dkim", "policyd-spf", "dmarc", "dovecot", "message_size_limit", "spamassassin",
                "amavis", "clamav", "mta-sts", "postgrey", "tlsa", "kubernetes", "roundcube",
                "postsrsd", "fail2ban", "gmail", "rspamd", "wifi", "annual leave", "sourdough"),
    "pydocs": ("pyenv", "poetry", "structlog", "sentry", "taskgroup", "httpx", "conda", "docker",
               "dataclass", "pytest", "tomllib", "pyright", "pipenv", "parking", "sourdough"),
    "riverside": ("pension", "compassionate", "cycle to work", "probation", "maternity",
                  "paternity", "dress code", "halal", "redundan", "jury", "wifi", "wi-fi",
                  "childcare", "sourdough", "australia", "world cup"),
    "sqlitedoc": ("replicat", "litestream", "sqlcipher", "stored procedure", "materialized",
                  "row-level", "password", "docker", "android", "duckdb", "soundex",
                  "levenshtein", "ext4", "holiday", "sourdough"),
    "plotpdf": ("mp4", "viridis", "r-squared", "hdf5", "xlsx", "fft", "jupyter", "homebrew",
                "webp", "violin", "kriging", "sankey", "lualatex", "beamer", "weibull",
                "anova", "slurm", "sqlite", "treemap", "annual leave", "sourdough", "parking"),
    "millbrook": ("cycle to work", "pension", "compassionate", "jury", "probation", "dress code",
                  "eye test", "redundan", "sabbatical", "season ticket", "wifi", "pool car",
                  "menopause", "broadband", "voicemail", "sourdough", "australia"),
    "npmdocs": ("socks", "granular", "corepack", "webauthn", "sigstore", "dependabot",
                "github actions", "uptime", "nvmrc", "ntlm", "artifactory", "turborepo", "sarif",
                "husky", "changeset", "lerna", "typosquat", "wifi", "annual leave", "sourdough"),
    "bashpdf": ("shellcheck", "cron", "json", "systemd", "chsh", "tput", "mktemp", "zsh",
                "syslog", "flock", "nohup", "ssh-agent", "cgroup", "limits.conf", "docker",
                "tmux", "ansible", "sourdough", "parking"),
    "wrenfield": ("cycle to work", "pension", "jury", "compassionate", "maternity", "parking",
                  "sabbatical", "dress code", "menopause", "hydrogen", "redundan", "canteen",
                  "wifi", "sourdough", "australia"),
    "eximspec": ("bimi", "certbot", "prometheus", "fail2ban", "docker", "gdpr", "jmap", "webmin",
                 "selinux", "systemd", "oauth", "smuggl", "logrotate", "nagios", "backscatter",
                 "disclaimer", "ansible", "dashboard", "wifi", "sourdough"),
    "haproxy": ("kubernetes", "certbot", "wireguard", "brotli", "kerberos", "modsecurity",
                "zabbix", "docker", "splunk", "saml", "somaxconn", "ansible", "grafana", "coraza",
                "terraform", "nomad", "annual leave", "sourdough"),
    "oakhurst": ("cycle to work", "pension", "jury", "compassionate", "sabbatical", "parking",
                 "menopause", "redundan", "relocation", "wifi", "probation", "golden hello",
                 "canteen", "tattoo", "bonus", "pet insurance", "sourdough", "australia",
                 "world cup"),
    "zshdoc": ("oh-my-zsh", "powerlevel", "autosuggest", "fzf", "json", "antigen", "zinit",
               "vscode", "catalina", "lmod", "slurm", "kerberos", "tmux", "annual leave",
               "sourdough"),
    "latexpdf": ("biblatex", "latexmk", "overleaf", "setspace", "pandoc", "beamer", "siunitx",
                 "natbib", "microtype", "booktabs", "cleveref", "pdfstandard", "tlmgr",
                 "sourdough", "world cup", "password"),
    "thornbury": ("cycle to work", "jury", "sabbatical", "parking", "menopause", "redundan",
                  "relocation", "wifi", "wi-fi", "minibus", "tattoo", "golden hello", "gym",
                  "npqh", "weighting", "childcare", "canteen", "long service", "sourdough",
                  "australia", "world cup"),
    "vimdoc": ("vim-plug", "copilot", "multiple cursors", "gruvbox", "fugitive", "fzf",
               "tree-sitter", "vs code", "nerdtree", "editorconfig", "rust-analyzer", "syntastic",
               "pathogen", "gitgutter", "eduroam"),
    "pgdocs": ("idle_session_timeout", "pgbouncer", "uuid", "citext", "pg_cron", "patroni",
               "pgbackrest", "barman", "hstore", "repmgr", "oracle", "mysql", "aurora",
               "annual leave", "sourdough"),
    "hollowmere": ("cycle to work", "sabbatical", "paternity", "redundan", "salary sacrifice",
                   "relocation", "menopause", "season ticket", "decibel", "tattoo", "gym",
                   "householder", "facility time", "weighting", "sourdough"),
    "gnucash": ("hmrc", "making tax digital", "encrypt", "gift aid", "restricted fund",
                "android", "quickbooks", "audit", "plaid", "consolidat", "timesheet", "scanned",
                "dunning", "accrual", "python", "payslip", "direct debit", "mileage",
                "purchase order", "fixed asset", "approv", "two-factor", "xero", "sourdough",
                "world cup", "edinburgh"),
    "lilypdf": ("mp3", "overleaf", "jupyter", "flatpak", "winget", "chocolatey", "braille",
                "ukulele", "soundfont", "ipad", "android", "screen reader", "jianpu",
                "sacred harp", "accordion", "raspberry", "chromebook", "checksum", "bravura",
                "smufl", "abrsm", "velocity", "sourdough", "world cup"),
    "saltmarsh": ("cycle to work", "pension", "maternity", "parking", "drone", "diving",
                  "sabbatical", "visa", "tuition", "australia", "vaccin", "radioactiv",
                  "liquid nitrogen", "promotion", "workload", "jury", "relocation", "open access",
                  "turnitin", "plagiarism", "eye test", "redundan", "dog", "gym", "discount",
                  "sourdough", "world cup", "mongolia"),
    "bindarm": ("prometheus", "docker", "systemctl", "active directory", "let's encrypt",
                "responses-per-second", "webmin", "splunk", "aname", "dnsmasq", "selinux",
                "ansible", "ulimit", "pagerduty", "pricing", "chrony", "keepalived",
                "postgresql", "amazon", "end of life", "gdpr", "terraform", "nagios", "grafana",
                "sourdough", "world cup", "mongolia"),
    "debhandbook": ("fail2ban", "wireguard", "bookworm", "zfs", "clevis", "swappiness", "ansible",
                    "chrony", "netplan", "nextcloud", "amazon", "two-factor", "totp", "raspberry",
                    "idrac", "dropbear", "snapper", "zabbix", "dovecot", "haproxy", "lts",
                    "automatic-reboot", "byod", "helpdesk", "ticket", "sourdough", "world cup",
                    "australia"),
    "kingsmere": ("cycle to work", "pension", "maternity", "paternity", "jury", "bereavement",
                  "compassionate", "uniform", "lease", "purchas", "long service", "dress code",
                  "relocation", "redundan", "menopause", "canteen", "sabbatical", "tattoo",
                  "childcare", "bonus", "christmas", "insurance", "staff discount", "resign",
                  "flexi", "core hours", "eye test", "sourdough", "world cup", "australia"),
    "bacula": ("ldap", "subscription", "vmware", "backblaze", "hsm", "two-factor", "android",
               "kubernetes", "gdpr", "slack", "zstd", "outlook", "systemd", "rman",
               "recovery time objective", "object lock", "ransomware", "proxmox", "onedrive",
               "end of life", "nagios", "mongodb", "prometheus", "azure", "hyper-v", "sourdough",
               "world cup", "mongolia"),
    "debmake": ("pbuilder", "cowbuilder", "debcargo", "rust", "golang", "maven", "britney",
                "keyring", "freeze", "sysusers", "apparmor", "npm", "dcut", "delayed",
                "flatpak", "docker", "mk-build-deps", "dep-14", "merge request", "cve",
                "diffoscope", "yubikey", "needs-root", "clang", "timeout", "ci.debian.net",
                "sourdough", "world cup", "mongolia"),
    "amberholt": ("pension", "maternity", "jury", "cycle to work", "sabbatical", "dog",
                  "wheelchair", "wedding", "drone", "metal detect", "eye test", "probation",
                  "redundan", "halloween", "long service", "gift aid", "menopause", "appraisal",
                  "taxi", "wifi", "wi-fi", "allergen", "compassionate", "annual pass", "outreach",
                  "tattoo", "world cup", "sourdough", "australia"),
    "rsyslog": ("logrotate", "grafana", "loki", "splunk", "nxlog", "prometheus", "retention",
                "forwardtosyslog", "let's encrypt", "certbot", "tls 1.3", "ansible",
                "kubernetes", "cloudwatch", "gdpr", "subscription", "2514", "benchmark", "sms",
                "slack", "macos", "homebrew", "end of life", "fluentd", "logstash", "ntp",
                "chrony", "s3", "bucket", "firewalld", "semanage", "samba", "cifs", "sourdough",
                "world cup", "mongolia"),
    "apcupsd": ("docker", "prometheus", "systemd", "vmware", "esxi", "synology", "sms", "android",
                "raspberry", "lithium", "snmpv3", "nagios", "grafana", "ipv6", "ldap", "logrotate",
                "kubernetes", "rbc", "kwh", "outlet group", "mqtt", "tls", "proxmox", "truenas",
                "wake-on-lan", "sourdough", "world cup", "mongolia"),
    "fellgate": ("solar", "bike", "charging point", "chicken", "wifi", "broadband", "childmind",
                 "right to buy", "satellite", "hot tub", "discount", "cctv", "doorbell",
                 "honorari", "smoking", "water meter", "allotment", "trampoline", "stairlift",
                 "deposit", "evacuat", "airbnb", "hardship", "wet room", "youth club",
                 "caravan", "motorhome", "world cup", "sourdough", "australia"),
    "borg": ("s3", "vorta", "borgbase", "kerberos", "notification", "prometheus", "rest api",
             "tape", "lto", "sql server", "two-factor", "dashboard", "object lock", "gpu",
             "outlook", "iphone", "backblaze", "offsite", "hetzner", "storage box", "gdpr",
             "nagios", "zabbix", "borg 2", "onedrive", "google drive", "vmware", "esxi", "azure",
             "world cup", "sourdough", "mongolia"),
    "nut": ("prometheus", "grafana", "synology", "truenas", "snmpv3", "gmail", "lifespan",
            "schneider", "nagios", "zabbix", "twilio", "ldap", "mysql", "wake-on-lan",
            "subscription", "json", "tls 1.3", "mqtt", "generator", "microsoft teams",
            "logrotate", "hyper-v", "pagerduty", "telegram", "sourdough", "world cup",
            "mongolia"),
    "cobbleford": ("cycle to work", "pension", "jury", "maternity", "vaccin", "wifi", "wi-fi",
                   "gym", "lice", "swim", "sats", "ofsted", "dog", "minibus", "compassionate",
                   "menopause", "npq", "sabbatical", "career break", "lost property",
                   "photographer", "salary sacrifice", "supplier", "eye test", "sourdough",
                   "world cup", "australia"),
    "chrony": ("port 123", "ufw", "w32time", "registry", "prometheus", "systemctl", "proxy",
               "ansible", "raspberry", "docker", "timedatectl", "android", "google",
               "cloudflare", "dcf77", "launchd", "snmp", "roughtime", "json", "journald",
               "trixie", "cisco", "2038", "wi-fi", "certbot", "dashboard", "firewalld",
               "sourdough", "world cup", "mongolia"),
    "cups": ("airprint", "iphone", "brother", "follow-me", "scan-to", "multifunction",
             "department", "cups-pdf", "docker", "jam", "windows 11", "prometheus", "backup",
             "back up", "greyscale", "colour", "staple", "punch", "apparmor", "selinux",
             "warranty", "ipp-usb", "papercut", "chromebook", "intune", "universal print", "gsm",
             "badge", "kyocera", "ricoh", "canon", "email-to-print", "graylog", "sourdough",
             "world cup", "mongolia"),
    "pennock": ("cycle to work", "maternity", "paternity", "jury", "compassionate", "pension",
                "gym", "wifi", "wi-fi", "laundry", "bonus", "salary", "menopause",
                "sabbatical", "work from home", "yellow fever", "subject access", "power cut",
                "generator", "locker", "dog", "tattoo", "piercing", "probation", "resign",
                "radicalis", "salary sacrifice", "sourdough", "world cup", "australia"),
    "fail2ban": ("unbanip", "currently banned", "dashboard", "ufw", "slack", "firewalld",
                 "centos", "geoip", "country", "wordpress", "megabytes", "docker", "nextcloud",
                 "home assistant", "trixie", "back up", "mac address", "crowdsec", "telegram",
                 "rootless", "non-root", "windows", "rdp", "prometheus", "jellyfin", "openvpn",
                 "digest", "proxmox", "sourdough", "world cup", "mongolia"),
    "wsug": ("wpa2", "mirror", "docker", "alert", "voip", "memory", "tcpreplay", "sshdump",
             "dark mode", "sslkeylogfile", "kubernetes", "windows 7", "licen", "cost", "netflow",
             "sflow", "smb", "anonymi", "stevens", "throughput", "round trip", "rtt", "certif",
             "gdpr", "consent", "expert", "wireguard", "vpn", "jitter", "packet loss",
             "raspberry", "rpcapd", "sourdough", "world cup", "mongolia"),
    "dunmere": ("pension", "maternity", "jury", "cycle to work", "sauna", "wifi", "wi-fi",
                "probation", "dog", "tattoo", "creche", "redundan", "compassionate", "flume",
                "legionella", "overtime", "grievance", "sunbed", "one-to-one", "party", "leak",
                "lido", "season ticket", "steam room", "locker", "sourdough", "world cup",
                "mongolia"),
    "openvpn": ("iphone", "wireguard", "bitlocker", "entra", "azure", "ufw", "docker",
                "prometheus", "grafana", "subscription", "teams", "raspberry", "duo", "pfsense",
                "intune", "gdpr", "remote working", "let's encrypt", "gigabit", "chromebook",
                "captive portal", "hotel", "aws", "ikev2", "geo-block", "nftables", "okta",
                "sourdough", "world cup", "mongolia"),
    "kicad": ("kicad-cli", "thermal simulation", "subscription", "database", "snapeda", "ibis",
              "lts", "ounce", "teardrop", "chromebook", "blender", "spell", "password",
              "thieving", "backdrill", "truetype", "time constant", "creepage", "jlcpcb",
              "multi-user", "octopart", "odb", "crash", "upload", "sourdough", "world cup",
              "mongolia"),
    "wexcombe": ("pension", "maternity", "jury", "cycle to work", "dog", "compassionate",
                 "overtime", "probation", "uniform", "e-reader", "fax", "donat", "sewing",
                 "ancestry", "homework", "sensory", "password", "tuition", "grievance",
                 "speed limit", "burst", "roof", "redundan", "discount", "subscription",
                 "sourdough", "world cup", "mongolia"),
    "keepassxc": ("android", "bitwarden", "lastpass", "passkey", "ldap", "active directory",
                  "access log", "chromebook", "nitrokey", "fips", "audit", "defender",
                  "antivirus", "system requirements", "intune", "sccm", "raspberry",
                  "emergency access", "okta", "single sign-on", "hint", "smart card", "piv",
                  "subscription", "enterprise", "icloud", "iphone", "password policy",
                  "safari", "sourdough", "world cup", "mongolia"),
    "corrington": ("pension", "annual leave", "maternity", "dog", "overtime", "cycle to work",
                   "probation", "charging point", "snow", "wi-fi", "password", "rail", "school",
                   "suitcase", "season ticket", "grievance", "airport", "speed limit",
                   "lunch break", "valet", "party", "tachograph", "reimburse", "patron",
                   "supplement", "sourdough", "world cup", "mongolia"),
    "instguide": ("mok", "dkms", "tpm", "nvidia", "rufus", "iscsi", "wpa3", "802.1x",
                  "bullseye", "kickstart", "cloud-init", "end of life", "virtualbox", "vmware",
                  "netplan", "ipxe", "luks2", "argon2", "zram", "zfs", "bitlocker", "windows 11",
                  "nvme", "ssd", "trim", "active directory", "apparmor", "selinux", "iwlwifi",
                  "sudoers", "yubikey", "vram", "sourdough", "world cup", "mongolia"),
    "mutt": ("activesync", "jmap", "notify-send", "sixel", "office 365", "outlook", "5465",
             "vacation", "sieve", "calendar", "undo-send", "yubikey", "dkim", "offlineimap",
             "mbsync", "android", "schedule", "disposition-notification", "socks", "pkcs#11",
             "solarized", "993", "wsl", "emoji", "khard", "abook", "thunderbird", "sourdough",
             "world cup", "mongolia"),
    "asymptote": ("tikz", "jupyter", "overleaf", "dark mode", "vs code", "raspberry", "docx",
                  "xlsx", "viridis", "arabic", "docker", "lyx", "sql", "powerpoint",
                  "matplotlib", "3d printing", "beamer", "undo", "cite", "julia", "webp",
                  "alt text", "screen reader", "wayland", "sourdough", "world cup", "mongolia"),
    "marlstone": ("pension", "annual leave", "bsl", "wi-fi", "password", "piano", "voucher",
                  "parking", "maternity", "ice cream", "gluten", "cloakroom", "operator",
                  "wedding", "vaping", "merchandise", "excess", "nhs", "taxi", "creche", "gas",
                  "lockdown", "attacker", "weekly", "takeaway", "sourdough", "world cup",
                  "mongolia"),
    "pspp": ("effect size", "power analysis", "homebrew", "macos", "dark mode", "shortcut",
             "cite", "thesis", "jupyter", "greenhouse", "structural equation", "heatmap",
             "thread", "android", "autosave", "bootstrap", "propensity", "meta-analysis",
             "forest plot", "schedul", "nightly", "eta squared", "violin", "docker", "flatpak",
             "appimage", "rstudio", "mauchly", "omega", "mcdonald", "sourdough", "world cup",
             "mongolia"),
    "disktools": ("zfs", "slack", "gmail", "smtp", "opal", "tpm2", "systemd-cryptenroll",
                  "90 days", "btrfs", "lvconvert", "yubikey", "nagios", "icinga", "bookworm",
                  "escrow", "helpdesk", "telegram", "10tb", "pim", "stripe_cache",
                  "write-intent", "hdparm", "spindown", "warranty", "clevis", "proxmox",
                  "dracut", "fido2", "bitwarden", "sourdough", "world cup", "mongolia"),
    "quillhaven": ("pension", "maternity", "parking", "living wage", "overtime", "fish pie",
                   "halal", "vegan", "biohazard", "legionella", "chlorine", "bicycle", "smoking",
                   "sea view", "footage", "drone", "wheelchair", "whistleblow", "loyalty",
                   "luggage", "manicure", "christmas bonus", "resign", "cats", "sourdough",
                   "world cup", "mongolia"),
    "xfig": ("wayland", "libreoffice", "gradient", "opacity", "flatpak", "autosave", "opengl",
             "mailing list", "redo", "inkscape", "hidpi", "pressure", "stylus", "cmyk",
             "pdf/a", "kicad", "dwg", "csv", "overleaf", "password", "french", "anti-alias",
             "right-to-left", "pptx", "sourdough", "world cup", "mongolia"),
    "fetchmail": ("xoauth2", "office 365", "docker", "bookworm", "systemctl", "dkim",
                  "smtputf8", "prometheus", "logrotate", "sieve", "app password", "jmap",
                  "ocsp", "dane", "tlsa", "clamav", "fastmail", "mta-sts", "keyring",
                  "http_proxy", "rate limit", "selinux", "msi", "installer", "wireguard",
                  "sourdough", "world cup", "mongolia"),
    "hazelbrook": ("pension", "parking", "day rate", "hamster", "castrat", "mri", "passport",
                   "cycle to work", "whistleblow", "ketamine", "anaesthetic machine",
                   "heat lamp", "overtime", "flu jab", "sabbatical", "compassionate",
                   "bereavement", "canteen", "software", "foetus", "no-show", "grooming",
                   "party", "sourdough", "world cup", "mongolia"),
    "ntpsec": ("raspberry", "gpio", "docker", "firewalld", "w32time", "meinberg", "ntpv5",
               "journal", "prometheus", "roof", "security update", "dhcp option",
               "timestamping", "kerberos", "ubuntu", "selinux", "nagios", "vmware", "kvm",
               "2038", "timesyncd", "ocsp", "bandwidth", "dnssec", "apparmor.d", "ecdsa",
               "rsa", "sourdough", "world cup", "mongolia"),
    "groff": ("gradient", "landscape", "letterhead", "logo", "watermark", "pdf/a", "regression",
              "test suite", "resolution", "docx", "licence", "45 degrees", "photograph",
              "hydration", "sourdough", "world cup", "mongolia"),
    "brackenfold": ("pension", "bonus", "shoes", "compassionate", "resign", "jab", "discount",
                    "seats", "password", "breakfast", "salary", "smok", "surgery",
                    "subscription", "assembly", "weighed", "language", "balcony", "deputyship",
                    "ambulance", "bicycle", "sourdough", "world cup", "mongolia"),
    "sudo": ("yubikey", "duo", "fido", "0022", "journald", "freeipa", "windows", "splunk",
             "1.9.14", "systemctl", "sudo-rs", "doas", "polkit", "bookworm", "ansible",
             "auditd", "puppet", "days", "nickname", "radius", "rsyslog", "kubernetes",
             "cve-2024", "certbot", "hydration", "football", "sourdough", "world cup",
             "mongolia"),
    "lynx": ("javascript", "firefox", "http/2", "tls", "spellcheck", "onion", "pdf", "orca",
             "winget", "sync", "keyring", "do not track", "adblock", "gemini", "font size",
             "plugin", "chrome", "cve", "youtube", "hsts", "http/3", "autofill", "touchscreen",
             "samesite", "sourdough", "world cup", "mongolia"),
    "gorsebrook": ("pension", "bonus", "bereavement", "mileage", "deposit", "cycle to work",
                   "resign", "eye test", "upgrade", "parking spaces", "heatwave", "jury",
                   "advance on", "referral", "dress code", "laundry", "sabbatical", "probation",
                   "pay rise", "flu jab", "budget per", "taxed", "sourdough", "world cup",
                   "mongolia"),
    "dovecot": ("certbot", "azure", "rate limit", "jmap", "rspamd", "restic", "managesieved",
                "kubernetes", "prometheus", "yubikey", "dkim", "spamassassin", "mariadb",
                "autoconfig", "nextcloud", "docker", "caldav", "clamav", "gdpr",
                "active directory", "office 365", "zfs", "btrfs", "nagios", "zabbix", "sms",
                "sourdough", "world cup", "mongolia"),
    "ghostscript": ("webp", "heic", "cve", "docker", "watermark", "digital signature", "python",
                    "booklet", "saddle", "redact", "svg", "fogra51", "pdf/ua", "homebrew", "gpu",
                    "cuda", "aes", "end of life", "flatpak", "price", "raspberry", "pdf/a-4",
                    "crop marks", "guillotine", "apparmor", "qpdf", "lpadmin", "sourdough",
                    "world cup", "mongolia"),
    "calderwick": ("pension", "cycle to work", "resign", "maternity", "bereavement",
                   "prescription", "sun cream", "headphones", "asbestos", "profit share",
                   "trigger time", "dress code", "charging point", "jury", "advance on",
                   "referr", "long service", "flu jab", "lone work", "sabbatical",
                   "mental health", "waterproof", "party", "laundry", "sourdough", "world cup",
                   "mongolia"),
    "squid": ("http/2", "squidguard", "wpad", "socks", "let's encrypt", "webmin", "clamav",
              "nftables", "prometheus", "squidclient", "docker", "journald", "cachemgr.cgi",
              "safesearch", "winbind", "active directory", "end of life", "hsts", "json",
              "squid 6", "fips", "msktutil", "apparmor", "ufw", "gigabytes", "per month",
              "sourdough", "world cup", "mongolia"),
    "knot": ("rpz", "response policy", "prometheus", "mysql", "postgres", "ldap", "apparmor",
             "selinux", "end of life", "yubikey", "kerberos", "gss", "kafka", "snmp", "dns64",
             "logrotate", "nsd", "anycast", "bgp", "ext4", "xfs", "zfs", "nagios", "zabbix",
             "prefix length", "helm", "kubernetes", "gui", "let's encrypt", "ansible", "price",
             "grafana", "sourdough", "world cup", "mongolia"),
    "ellerby": ("pension", "bereavement", "cpd hours", "motorbike", "rabies", "pay rise",
                "relocation", "bonus", "childcare", "jury", "tattoo", "long service",
                "locum rate", "disciplinary", "abandoned", "driving lessons", "eye test",
                "equine", "flu jab", "mental health", "sabbatical", "gym", "night premium",
                "electric car", "sourdough", "world cup", "mongolia"),
    "dnsmasq": ("failover", "dns64", "journalctl", "mdns", "avahi", "pi-hole", "blocklist",
                "firefox", "rpz", "docker", "cookie", "nsupdate", "snmp", "queries per second",
                "raspberry", "unbound", "end of life", "rate-limit", "stublistener", "selinux",
                "cron", "networkmanager", "dnscrypt", "prometheus", "netplan", "apparmor",
                "randomis", "sourdough", "world cup", "mongolia"),
    "lighttpd": ("let's encrypt", "hsts", "docker", "414", "opcache", "fail2ban", "cors",
                 "journald", "snmp", "prometheus", "apparmor", "ufw", "webp", "server push",
                 "x-frame", "end of life", "nginx", "memory_limit", "gdpr", "anonymi",
                 "iptables", "avif", "raspberry", "pagespeed", "max_children", "sourdough",
                 "world cup", "mongolia"),
    "penrick": ("pension", "charity number", "annual leave", "taxi", "dress code", "unsocial",
                "norovirus", "trustee", "childcare", "sick pay", "care home", "pet loss", "gym",
                "pool car", "deliver", "gifts from patients", "verif", "flu", "uniform",
                "signal", "sourdough", "world cup", "mongolia"),
    "tor": ("snowflake", "obfs4proxy", "docker", "vanity", "back up", "conntrack",
            "tor-relays", "relay search", "wireguard", "onion-location", "nyx", "gdpr",
            "unbound", "expert bundle", "ciiss", "harica", "9150", "tails", "webtunnel",
            "nginx", "hetzner", "ovh", "deb.torproject", "ram", "sourdough", "world cup",
            "mongolia"),
    "unbound": ("quic", "pi-hole", "pfsense", "apparmor", "logrotate", "end of life", "geoip",
                "ufw", "commercial", "cookie", "zabbix", "gui", "mdns", "multicast",
                "named.conf", "snmp", "let's encrypt", "kubernetes", "raspberry", "journald",
                "keepalived", "vrrp", "failover", "swap", "ldap", "vlan", "gdpr",
                "sourdough", "world cup", "mongolia"),
    "tunwick": ("pension", "maternity", "parking", "abv", "barrels a year", "jury service",
                "bereavement", "smoking", "vaping", "referral", "probation", "notice period",
                "legionella", "wi-fi", "per night", "download", "pint price", "fryer fire",
                "course fee", "cycle to work", "staff meal", "eye test", "overnight allowance",
                "sourdough", "world cup", "mongolia"),
    "kea": ("dhcpd.conf", "snmp", "end of life", "prometheus", "docker", "ldap", "ansible",
            "selinux", "logrotate", "e-mail", "openbsd", "dnsmasq", "zabbix", "disk space",
            "uefi", "gdpr", "mariadb", "vmware", "let's encrypt", "minimum hardware", "redis",
            "price", "netbox", "acme", "sourdough", "world cup", "mongolia"),
    "rsync": ("encrypt", "s3", "btrfs", "zfs", "systemd timer", "rsync.socket", "cipher",
              "docker", "selinux", "bare-metal", "874", "nagios", "500 gb", "web interface",
              "logrotate", "sql server", "raid", "prometheus", "two-factor", "sourdough",
              "world cup", "mongolia"),
    "hartsmoor": ("pension", "maternity", "christmas party", "patrol", "giraffe", "jury",
                  "elephant", "gym", "compassionate", "creche", "wi-fi", "birthday",
                  "speed limit", "cubs", "footage", "redundancy", "conference", "drone",
                  "apprentice", "charging point", "translocation", "paternity", "last year",
                  "sourdough", "world cup", "mongolia"),
    # not "mongolia": freshclam's mirror list names db.mn.clamav.net (Mongolia)
    "clamav": ("rspamd", "sanesecurity", "price", "end of life", "prometheus", "s3",
               "kubernetes", "helm", "message_size_limit", "backup", "cool-down", "dovecot",
               "imap", "clamtk", "ransomware", "weekly", "selinux", "nextcloud", "icap",
               "throughput", "ign2", "virustotal", "ldap", "slack", "outlook", "pst",
               "spam score", "sourdough", "world cup", "marathon"),
    "redis": ("s3", "python", "prometheus", "docker compose", "ldap", "raspberry pi",
              "redisjson", "valkey", "waitaof", "end of life", "enterprise", "gui", "from cron",
              "10 million", "subscription", "at rest", "sourdough", "world cup",
              "mongolia"),
    "holmbrack": ("pension", "maternity", "dog", "paddleboard", "coasteering", "mountain bike",
                  "pass mark", "christmas party", "per pupil", "sailing", "wi-fi",
                  "speed limit", "vegetarian", "cpd", "compassionate", "bolt", "fire alarm",
                  "zip wire", "wets the bed", "paternity", "reference letter", "tide",
                  "cooling-off", "bereavement", "sourdough", "world cup", "mongolia"),
    "freeradius": ("2083", "aruba", "ssid", "teap", "wpa3", "azure", "systemd", "totp",
                   "openvpn", "strongswan", "ipsec", "logrotate", "tacacs", "bandwidth",
                   "ubiquiti", "meraki", "intune", "okta", "wireguard", "chromebook",
                   "end of life", "sourdough", "world cup", "mongolia"),
    "openssh": ("google", "fail2ban", "ansible", "mosh", "putty", "ppk", "ufw", "quota",
                "let's encrypt", "ubuntu", "sshguard", "knock", "raspberry", "ldap",
                "end-of-life", "session recording", "bandwidth", "active directory", "mlkem",
                "yubikey", "cowrie", "honeypot", "onion", "benchmark", "docker", "cisco",
                "powershell", "sourdough", "world cup", "mongolia"),
    "larchwick": ("pension", "maternity", "christmas party", "mileage rate", "first aider",
                  "assembly point", "firework", "aged 15", "parking permit", "wi-fi",
                  "compassionate", "cycle to work", "children to work", "gift aid", "bonus",
                  "paternity", "collapse", "koi", "pass mark", "loyalty", "tobacco",
                  "notice period", "sourdough", "world cup", "mongolia"),
    "gullcombe": ("pension", "maternity", "wi-fi", "christmas party", "mileage", "defibrillator",
                  "paternity", "parking permit", "cycle to work", "compassionate", "pitch fee",
                  "dog", "lane swimming", "kayak", "fishing", "smoking", "sauna", "karaoke",
                  "kids' club", "meals", "double time", "dbs", "first aider", "sourdough",
                  "world cup", "mongolia"),
}  # fmt: skip


@pytest.mark.parametrize("loaded", sorted(ABSENT), indirect=True)
def test_unanswerable_topics_are_absent(loaded: tuple[str, dict[str, str]]) -> None:
    corpus, texts = loaded
    text = " ".join(texts.values())
    for word in ABSENT[corpus]:  # as written: the dot of "dhcpd.conf" is a dot
        assert not re.search(rf"\b{re.escape(word)}", text), word


def test_larkfield_mixes_formats() -> None:
    suffixes = sorted({p.suffix for p in corpus_paths("larkfield")})
    assert suffixes == [".docx", ".html", ".md", ".pdf", ".txt"]
    assert "<title>Expenses policy | Larkfield Intranet</title>" in (
        LARKFIELD / "expenses.html"
    ).read_text(encoding="utf-8")


def test_larkfield_generated_files_match_their_sources(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(LARKFIELD / "make_larkfield.py"), str(tmp_path)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    generated = sorted(p.name for p in tmp_path.iterdir())
    assert len(generated) == 4, generated
    for name in generated:
        assert (tmp_path / name).read_bytes() == (LARKFIELD / name).read_bytes(), (
            f"{name} is stale: run .venv/bin/python samples/larkfield/make_larkfield.py"
        )
