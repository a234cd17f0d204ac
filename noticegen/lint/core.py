"""The loader's and validator's own checks (NG000-NG026) as registry entries, for `explain`.

They run before any lint rule, always: a notice that fails one cannot be read reliably, so they
cannot be switched off. Their diagnostics are made in source.py, validate.py and pipeline.py.
"""

from __future__ import annotations

from noticegen.diagnostics import Severity
from noticegen.lint.registry import Doc, Rule, add

_CORE: list[tuple[str, str, str, tuple[str, str], tuple[str, str], tuple[str, str]]] = [
    # code, name, source, (message en, fi), (hint en, fi), (doc en, fi)
    ("NG000", "file-unreadable", "noticegen",
     ("the notice file cannot be read", "selostetiedostoa ei voi lukea"),
     ("Check the file name and its permissions.", "Tarkista tiedoston nimi ja käyttöoikeudet."),
     ("The file does not exist, is a folder, is not a regular file (a pipe, a device or a "
      "socket), cannot be read, or is larger than 8 MiB.",
      "Tiedostoa ei ole, se on kansio, se ei ole tavallinen tiedosto (vaan putki, laite tai "
      "pistoke), sitä ei voi lukea tai se on yli 8 MiB:n kokoinen.")),
    ("NG001", "yaml-invalid", "YAML 1.1",
     ("the file is not valid YAML", "tiedosto ei ole kelvollista YAMLia"),
     ("Check the indentation and quoting on the line shown and the one above it.",
      "Tarkista sisennykset ja lainausmerkit ilmoitetulla ja sitä edeltävällä rivillä."),
     ("The YAML cannot be parsed: wrong indentation, a tab, an unclosed quote or bracket, a tag "
      "on any value (`!something`, `!!str`, `!!binary`…), a merge key (`<<`) or more than one "
      "document in the file.",
      "YAMLia ei voi jäsentää: sisennys on väärin, rivillä on sarkain, lainausmerkki tai sulje "
      "jää auki, jollakin arvolla on tagi (`!jotain`, `!!str`, `!!binary`…), tiedostossa on "
      "yhdistämisavain (`<<`) tai siinä on useampi kuin yksi dokumentti.")),
    ("NG002", "yaml-duplicate-key", "YAML 1.1",
     ("a key appears twice in the same mapping", "sama avain esiintyy kahdesti"),
     ("Merge the two entries or delete one.", "Yhdistä kohdat tai poista toinen."),
     ("YAML allows each key once per mapping; most tools silently keep the last one, which "
      "hides mistakes, so noticegen refuses the file.",
      "YAML sallii kunkin avaimen vain kerran samassa kuvauksessa. Useimmat työkalut ottavat "
      "huomaamatta viimeisen, mikä kätkee virheitä, joten noticegen hylkää tiedoston.")),
    ("NG003", "file-empty", "noticegen",
     ("the file is empty", "tiedosto on tyhjä"),
     ("Start from `noticegen init`, or copy an example.",
      "Aloita komennolla `noticegen init` tai kopioi esimerkki."),
     ("The file holds no YAML document.", "Tiedostossa ei ole YAML-dokumenttia.")),
    ("NG004", "top-level-not-mapping", "noticegen",
     ("the top level is not a mapping of keys", "ylin taso ei ole avainten kuvaus"),
     ("Start the notice with keys such as `notice:`, `controller:` and `registers:`.",
      "Aloita seloste avaimilla, kuten `notice:`, `controller:` ja `registers:`."),
     ("A notice is a mapping of keys at the top level, not a list or a single value.",
      "Seloste on ylimmällä tasolla avainten kuvaus, ei luettelo tai yksittäinen arvo.")),
    ("NG005", "encoding-invalid", "noticegen",
     ("the file is not UTF-8 text", "tiedosto ei ole UTF-8-tekstiä"),
     ("Save the file as UTF-8 (in most editors: Save As → Encoding → UTF-8).",
      "Tallenna tiedosto UTF-8-muodossa (useimmissa editoreissa: Tallenna nimellä → "
      "Merkistö → UTF-8)."),
     ("The file is UTF-16, contains NUL bytes or has bytes that are not UTF-8.",
      "Tiedosto on UTF-16-muodossa, siinä on NUL-tavuja tai tavuja, jotka eivät ole UTF-8:aa.")),
    ("NG006", "document-too-large", "noticegen",
     ("the document is nested too deeply or expands to too many values",
      "dokumentti on sisäkkäinen liian monella tasolla tai laajenee liian suureksi"),
     ("Remove YAML aliases (`*name`) and check the brackets; a notice is only a few levels deep.",
      "Poista YAML-viittaukset (`*nimi`) ja tarkista sulkeet; seloste on vain muutaman tason "
      "syvyinen."),
     ("Protects against documents that would exhaust memory (\"billion laughs\") or the stack: "
      "at most 1,000,000 values, 8 MiB of text once aliases are expanded, and 64 levels.",
      "Suojaa dokumenteilta, jotka kuluttaisivat muistin tai pinon loppuun: enintään "
      "1 000 000 arvoa, 8 MiB tekstiä viittausten laajentamisen jälkeen ja 64 tasoa.")),
    ("NG010", "value-invalid", "noticegen model",
     ("a value has the wrong type or form", "arvo on väärää tyyppiä tai muotoa"),
     ("Write the value as the message says; quote numbers and codes that must stay text.",
      "Kirjoita arvo viestin mukaisesti; laita lainausmerkkeihin numerot ja koodit, joiden "
      "on pysyttävä tekstinä."),
     ("A value does not fit its field: a date, an e-mail address, a Y-tunnus with a wrong "
      "check digit, a term that is not in the vocabulary, an ISO 8601 duration, and so on. "
      "A text may not hold control characters other than tab and line break (an escape such "
      "as `\\e` or `\\0` in double quotes).",
      "Arvo ei sovi kenttäänsä: esimerkiksi päivämäärä, sähköpostiosoite, Y-tunnus, jonka "
      "tarkistusnumero on väärä, termi, jota sanastossa ei ole, tai ISO 8601 -kesto. "
      "Tekstissä ei saa olla muita ohjausmerkkejä kuin sarkain ja rivinvaihto (esimerkiksi "
      "lainausmerkeissä kirjoitettu `\\e` tai `\\0`).")),
    ("NG011", "key-unknown", "noticegen model",
     ("an unknown key", "tuntematon avain"),
     ("Check the spelling; the message lists the keys allowed here.",
      "Tarkista kirjoitusasu; viesti luettelee tässä sallitut avaimet."),
     ("Every key must be one the model knows, so that a misspelt key is not silently ignored.",
      "Jokaisen avaimen on oltava mallin tuntema, jotta väärin kirjoitettu avain ei jää "
      "huomaamatta.")),
    ("NG012", "key-missing", "noticegen model",
     ("a required key is missing", "pakollinen avain puuttuu"),
     ("Add the key the message names.", "Lisää viestissä mainittu avain."),
     ("A required field is missing, e.g. a register's `id` or a recipient's `name`.",
      "Pakollinen kenttä puuttuu, esimerkiksi rekisterin `id` tai vastaanottajan `name`.")),
    ("NG020", "reference-unknown", "noticegen model",
     ("a reference to a recipient or purpose that is not declared",
      "viittaus vastaanottajaan tai käyttötarkoitukseen, jota ei ole määritelty"),
     ("Add the recipient under `recipients:` or `uses:`, or fix the id.",
      "Lisää vastaanottaja kohtaan `recipients:` tai `uses:` tai korjaa tunniste."),
     ("Purposes, registers and cookies refer to recipients by id, and cookies to purposes; "
      "the id must exist.",
      "Käyttötarkoitukset, rekisterit ja evästeet viittaavat vastaanottajiin tunnisteella ja "
      "evästeet käyttötarkoituksiin; tunnisteen on oltava olemassa.")),
    ("NG021", "id-duplicate", "noticegen model",
     ("an id or language is used twice", "tunniste tai kieli on käytössä kahdesti"),
     ("Give each register, purpose and recipient an id of its own, and list each language once.",
      "Anna jokaiselle rekisterille, käyttötarkoitukselle ja vastaanottajalle oma tunniste ja "
      "mainitse kukin kieli vain kerran."),
     ("Ids are anchors in the published notice and must be unique.",
      "Tunnisteet ovat julkaistun selosteen ankkureita, ja niiden on oltava yksilöllisiä.")),
    ("NG022", "language-missing", "GDPR Art. 12(1); WP260",
     ("a text is missing in one of the notice's languages",
      "teksti puuttuu jollakin selosteen kielellä"),
     ("Write the text in every language the notice declares: `{fi: …, en: …}`.",
      "Kirjoita teksti jokaisella selosteen kielellä: `{fi: …, en: …}`."),
     ("Every free text must exist in every declared language, so that each language version "
      "of the notice is complete.",
      "Jokaisen vapaan tekstin on oltava jokaisella selosteen kielellä, jotta jokainen "
      "kieliversio on täydellinen.")),
    ("NG023", "language-undeclared", "noticegen model",
     ("a text in a language the notice does not declare",
      "teksti kielellä, jota selosteessa ei ole ilmoitettu"),
     ("Add the language to `notice.languages`, or remove the text.",
      "Lisää kieli kohtaan `notice.languages` tai poista teksti."),
     ("Texts in undeclared languages would never be published; usually a typo in the code.",
      "Ilmoittamattomalla kielellä olevaa tekstiä ei koskaan julkaistaisi; yleensä kyse on "
      "kielikoodin kirjoitusvirheestä.")),
    ("NG025", "service-unknown", "noticegen catalogue",
     ("a service that is not in the catalogue", "palvelu, jota luettelossa ei ole"),
     ("`noticegen catalog list` shows the known services; describe others under `recipients:`.",
      "`noticegen catalog list` näyttää tunnetut palvelut; kuvaa muut kohdassa `recipients:`."),
     ("`uses:` and `service:` name services from the built-in catalogue.",
      "`uses:` ja `service:` viittaavat sisäänrakennetun luettelon palveluihin.")),
    ("NG026", "special-category-invalid", "GDPR Art. 9(1)",
     ("a category under special_categories is not a special category",
      "special_categories-kohdassa on luokka, joka ei ole erityinen henkilötietoryhmä"),
     ("List it under `data_categories` instead, or mark a custom category `special: true`.",
      "Siirrä se kohtaan `data_categories` tai merkitse oma luokka `special: true`."),
     ("Only the Art. 9(1) categories (health, biometric data, …) belong under "
      "`special_categories`.",
      "Kohtaan `special_categories` kuuluvat vain 9 artiklan 1 kohdan ryhmät (terveystiedot, "
      "biometriset tiedot ja niin edelleen).")),
]

for _code, _name, _source, _message, _hint, _doc in _CORE:
    add(Rule(
        code=_code,
        name=_name,
        groups=("core",),
        severity=Severity.ERROR,
        message={"en": _message[0], "fi": _message[1]},
        hint={"en": _hint[0], "fi": _hint[1]},
        source=_source,
        doc=Doc(text={"en": _doc[0], "fi": _doc[1]}, fail="", passes=""),
    ))
