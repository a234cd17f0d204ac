"""The loader's and validator's own checks (NG000-NG026) as registry entries, for `explain`.

They run before any lint rule, always: a notice that fails one cannot be read reliably, so they
cannot be switched off. Their diagnostics are made in source.py, validate.py and pipeline.py.
"""

from __future__ import annotations

from noticegen.diagnostics import Severity
from noticegen.l10n import N_, Translated
from noticegen.lint.registry import Doc, Rule, add

_CORE: list[tuple[str, str, str, str, str, str]] = [
    # code, name, source, message, hint, doc: English, translated by the catalogues
    ("NG000", "file-unreadable", N_("noticegen"),
     N_("the notice file cannot be read"),
     N_("Check the file name and its permissions."),
     N_("The file does not exist, is a folder, is not a regular file (a pipe, a device or a "
        "socket), cannot be read, or is larger than 8 MiB.")),
    ("NG001", "yaml-invalid", N_("YAML 1.1"),
     N_("the file is not valid YAML"),
     N_("Check the indentation and quoting on the line shown and the one above it."),
     N_("The YAML cannot be parsed: wrong indentation, a tab, an unclosed quote or bracket, a "
        "tag on any value (`!something`, `!!str`, `!!binary`…), a merge key (`<<`) or more "
        "than one document in the file.")),
    ("NG002", "yaml-duplicate-key", N_("YAML 1.1"),
     N_("a key appears twice in the same mapping"),
     N_("Merge the two entries or delete one."),
     N_("YAML allows each key once per mapping; most tools silently keep the last one, which "
        "hides mistakes, so noticegen refuses the file.")),
    ("NG003", "file-empty", N_("noticegen"),
     N_("the file is empty"),
     N_("Start from `noticegen init`, or copy an example."),
     N_("The file holds no YAML document.")),
    ("NG004", "top-level-not-mapping", N_("noticegen"),
     N_("the top level is not a mapping of keys"),
     N_("Start the notice with keys such as `notice:`, `controller:` and `registers:`."),
     N_("A notice is a mapping of keys at the top level, not a list or a single value.")),
    ("NG005", "encoding-invalid", N_("noticegen"),
     N_("the file is not UTF-8 text"),
     N_("Save the file as UTF-8 (in most editors: Save As → Encoding → UTF-8)."),
     N_("The file is UTF-16, contains NUL bytes or has bytes that are not UTF-8.")),
    ("NG006", "document-too-large", N_("noticegen"),
     N_("the document is nested too deeply or expands to too many values"),
     N_("Remove YAML aliases (`*name`) and check the brackets; a notice is only a few levels "
        "deep."),
     N_("Protects against documents that would exhaust memory (\"billion laughs\") or the "
        "stack: at most 1,000,000 values, 8 MiB of text once aliases are expanded, and 64 "
        "levels.")),
    ("NG010", "value-invalid", N_("noticegen model"),
     N_("a value has the wrong type or form"),
     N_("Write the value as the message says; quote numbers and codes that must stay text."),
     N_("A value does not fit its field: a date, an e-mail address, a Y-tunnus with a wrong "
        "check digit, a term that is not in the vocabulary, an ISO 8601 duration, and so on. "
        "A text may not hold control characters other than tab and line break (an escape such "
        "as `\\e` or `\\0` in double quotes).")),
    ("NG011", "key-unknown", N_("noticegen model"),
     N_("an unknown key"),
     N_("Check the spelling; the message lists the keys allowed here."),
     N_("Every key must be one the model knows, so that a misspelt key is not silently "
        "ignored.")),
    ("NG012", "key-missing", N_("noticegen model"),
     N_("a required key is missing"),
     N_("Add the key the message names."),
     N_("A required field is missing, e.g. a register's `id` or a recipient's `name`.")),
    ("NG020", "reference-unknown", N_("noticegen model"),
     N_("a reference to a recipient or purpose that is not declared"),
     N_("Add the recipient under `recipients:` or `uses:`, or fix the id."),
     N_("Purposes, registers and cookies refer to recipients by id, and cookies to purposes; "
        "the id must exist.")),
    ("NG021", "id-duplicate", N_("noticegen model"),
     N_("an id or language is used twice"),
     N_("Give each register, purpose and recipient an id of its own, and list each language "
        "once."),
     N_("Ids are anchors in the published notice and must be unique.")),
    ("NG022", "language-missing", N_("GDPR Art. 12(1); WP260"),
     N_("a text is missing in one of the notice's languages"),
     N_("Write the text in every language the notice declares: `{fi: …, en: …}`."),
     N_("Every free text must exist in every declared language, so that each language version "
        "of the notice is complete.")),
    ("NG023", "language-undeclared", N_("noticegen model"),
     N_("a text in a language the notice does not declare"),
     N_("Add the language to `notice.languages`, or remove the text."),
     N_("Texts in undeclared languages would never be published; usually a typo in the code.")),
    ("NG025", "service-unknown", N_("noticegen catalogue"),
     N_("a service that is not in the catalogue"),
     N_("`noticegen catalog list` shows the known services; describe others under "
        "`recipients:`."),
     N_("`uses:` and `service:` name services from the built-in catalogue.")),
    ("NG026", "special-category-invalid", N_("GDPR Art. 9(1)"),
     N_("a category under special_categories is not a special category"),
     N_("List it under `data_categories` instead, or mark a custom category `special: true`."),
     N_("Only the Art. 9(1) categories (health, biometric data, …) belong under "
        "`special_categories`.")),
]

for _code, _name, _source, _message, _hint, _doc in _CORE:
    add(Rule(
        code=_code,
        name=_name,
        groups=("core",),
        severity=Severity.ERROR,
        message=Translated(_message),
        hint=Translated(_hint),
        source=_source,
        doc=Doc(text=Translated(_doc), fail="", passes=""),
    ))
