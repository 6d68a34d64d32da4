"""data/credentials/: each file's name and the rules of a record a schema cannot express."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path

from ..model import records
from ..model.catalogue import Credential, PartialDate
from ..model.facets import Facets
from ..model.ids import id_problem, suggested_id
from ..reading.data_folder import DataFolder
from ..reading.problems import Problem, Said
from .data_file import DataFile
from .known_keys import KnownKeys
from .ranges import cents_problem, intake_problem

PARTIAL_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")  # the schema checks the form
CREDENTIAL_SCHEMA = "credential.schema.json"


# What a copy prints for a total of 0, before the cost note in brackets (« Gratuit (en 2021) »).
FREE_WORD = {"fr": "Gratuit", "en": "Free"}
STARTS_FREE = {"fr": re.compile(r"gratuite?s?\b", re.I), "en": re.compile(r"free\b", re.I)}
NOTE_EXAMPLE = {"fr": "en 2026", "en": "in 2026"}

# Files an operating system or git leaves in any folder; nobody wrote them as records.
SYSTEM_FILES = frozenset({".gitkeep", ".DS_Store", "Thumbs.db", "desktop.ini"})


def credential_paths(folder: DataFolder, problems: list[Problem]) -> Iterator[Path]:
    """The files of data/credentials/ that are meant as records; anything else there that would
    otherwise be left unread (a hidden file, a folder) is named in `problems`."""
    if folder.credentials.is_symlink():  # its files could come from anywhere on the machine
        name = folder.relative(folder.credentials)
        problems.append(Problem(name, 1, "", "is a symbolic link: put the folder itself here, not a link to it"))
        return
    for path in sorted(folder.credentials.iterdir()) if folder.credentials.is_dir() else []:
        if path.name in SYSTEM_FILES:
            continue
        if path.name.startswith("."):
            problems.append(Problem(folder.relative(path), 1, "", _hidden(path.name)))
        elif path.is_dir() and not path.is_symlink() and path.suffix != ".yml":
            problems.append(Problem(folder.relative(path), 1, "", _nested(path)))
        else:
            yield path  # a link, a pipe or a folder named like a record is refused when read


def _hidden(name: str) -> Said:
    visible = suggested_id(name.lstrip(".").split(".")[0]) + ".yml"
    return Said(
        en=f"is a hidden file (its name starts with a dot), so it is not read as a record: "
        f"rename it {visible}, or move it out of data/credentials/",
        fr=f"est un fichier caché (son nom commence par un point) : il n'est pas lu comme une fiche ; "
        f"renommez-le {visible}, ou sortez-le de data/credentials/",
    )


def _nested(path: Path) -> Said:
    records = sum(1 for _ in islice(path.rglob("*.yml"), 1000))
    held = f" (it holds {records} .yml file{'s' if records != 1 else ''})" if records else ""
    tenu = f" (il contient {records} fichier{'s' if records != 1 else ''} .yml)" if records else ""
    return Said(
        en=f"is a folder{held}: records are read from data/credentials/ itself, not from folders inside it; "
        "move each record up into data/credentials/, and anything else out of data/",
        fr=f"est un dossier{tenu} : les fiches sont lues dans data/credentials/ même, pas dans ses sous-dossiers ; "
        "remontez chaque fiche dans data/credentials/, et sortez le reste de data/",
    )


def file_id(path: Path, name: str) -> tuple[str | None, Problem | None]:
    """The id a credential file's name gives, or the problem that it gives none."""
    base = path.name.split(".")[0]
    if path.suffix != ".yml":
        suggestion = f"{suggested_id(base)}.yml"
        return None, Problem(
            name,
            1,
            "",
            Said(
                en=f"a credential file must end in .yml: rename it {suggestion}",
                fr=f"le nom d'un fichier de fiche doit finir par .yml : renommez-le {suggestion}",
            ),
        )
    refusal = id_problem(path.stem, ".yml")
    if refusal:
        return None, Problem(name, 1, "", Said(en=f"the file name {refusal.en}", fr=f"le nom de fichier {refusal.fr}"))
    return path.stem, None


@dataclass
class CredentialCheck:
    """One credential file: its name and its content are checked, whatever is wrong with either."""

    folder: DataFolder
    facets: Facets
    known: KnownKeys
    today: date

    def record(self, path: Path) -> tuple[str | None, Credential | None, list[Problem]]:
        """The id the file's name gives, the record (None unless all is well), every problem."""
        name = self.folder.relative(path)
        credential_id, name_problem = file_id(path, name)
        file = DataFile.read(self.folder, path, CREDENTIAL_SCHEMA)
        if isinstance(file.data, dict):
            # Also run on a record that broke the schema: the editor sees every mistake at once.
            rules = RecordRules(file, self.known, self.facets, self.today)
            rules.check(credential_id or suggested_id(path.name.split(".")[0]))
        problems = [name_problem, *file.problems] if name_problem else file.problems
        if credential_id is None or problems or not file.valid:
            return credential_id, None, problems
        return credential_id, records.credential(credential_id, file.name, file.data, file.doc.lines), problems


@dataclass
class RecordRules:
    """Rules the schema cannot express; each looks only at values of the right shape."""

    file: DataFile
    known: KnownKeys
    facets: Facets
    today: date

    @property
    def data(self) -> dict:
        return self.file.data

    def check(self, credential_id: str) -> None:
        self.known.check_provider(self.file, ("provider",), self.data.get("provider"))
        self._vocabularies()
        self._dates()
        self._aliases(credential_id)
        cost = self.data.get("cost")
        amount = cost.get("amount") if isinstance(cost, dict) else None
        problem = cents_problem(amount) if isinstance(amount, float) else None
        if problem:
            self.file.problem(("cost", "amount"), problem)
        self._cost_note()

    def _cost_note(self) -> None:
        """Every copy prints a total and its note as « Gratuit (en 2021, avec un stage payé) »: the
        note in brackets neither says the price's word again nor ends as a sentence."""
        cost = self.data.get("cost")
        note = cost.get("note") if isinstance(cost, dict) else None
        if not isinstance(note, dict) or not isinstance(cost.get("amount"), (int, float)):
            return
        for lang, text in note.items():
            problem = _note_problem(text.strip(), lang, cost["amount"] == 0) if isinstance(text, str) else None
            if problem:
                self.file.problem(("cost", "note", lang), problem)

    def _vocabularies(self) -> None:
        for facet in self.facets.checked_fields:
            value = self.data.get(facet.field)
            if isinstance(value, list):
                for position, key in enumerate(value):
                    self._term((facet.field, position), key, facet.vocabulary, facet.noun)
            elif isinstance(value, str):
                self._term((facet.field,), value, facet.vocabulary, facet.noun)
        award = self.data.get("award")
        award_type = award.get("type") if isinstance(award, dict) else None
        if isinstance(award_type, str):
            self._term(("award", "type"), award_type, "award_types", "an award type")

    def _term(self, path: tuple, key, vocabulary: str, noun: str) -> None:
        self.known.check_term(self.file, path, key, vocabulary, noun)

    def _dates(self) -> None:
        for field in ("verified", "added", "source_date"):
            written = self.data.get(field)
            if isinstance(written, (str, int)) and PARTIAL_DATE.fullmatch(str(written)):
                self.file.check_past_date((field,), written, self.today)
        self._source_not_after_check()
        intake = self.data.get("intake")
        for position, written in enumerate(intake if isinstance(intake, list) else []):
            if isinstance(written, str) and PARTIAL_DATE.fullmatch(written):
                start = self.file.check_real_date(("intake", position), written)
                problem = intake_problem(start.earliest(), self.today) if start else None
                if problem:
                    self.file.problem(("intake", position), problem)

    def _source_not_after_check(self) -> None:
        """An editor cannot have compared the record with a source that did not exist yet."""
        source, verified = (_written_date(self.data.get(field)) for field in ("source_date", "verified"))
        if source and verified and _later(source, verified):
            self.file.problem(
                ("source_date",),
                Said(
                    en=f"is later than verified (got {source.iso()}, verified {verified.iso()}): a source cannot be "
                    "newer than your check of it; write the date the source bears, and in verified the day you read it",
                    fr=f"est postérieure à verified (trouvé {source.iso()}, verified {verified.iso()}) : une source ne "
                    "peut pas être plus récente que votre vérification ; écrivez la date que porte la source, et dans "
                    "verified le jour où vous l'avez lue",
                ),
            )

    def _aliases(self, credential_id: str) -> None:
        aliases = self.data.get("aliases") if isinstance(self.data.get("aliases"), list) else []
        if credential_id in aliases:
            self.file.problem(
                ("aliases",),
                Said(
                    en=f"an alias must be an earlier id, not this record's own id (got {credential_id!r})",
                    fr="un alias doit être un identifiant antérieur, pas celui de cette fiche "
                    f"(trouvé {credential_id!r}) : retirez-le de aliases",
                ),
            )
        for position, alias in enumerate(aliases):
            if isinstance(alias, str):
                self.file.check_reserved(("aliases", position), alias)


def _note_problem(text: str, lang: str, free: bool) -> Said | None:
    """What is wrong with a cost note printed in brackets after its price, if anything."""
    if free and lang in STARTS_FREE and STARTS_FREE[lang].match(text):
        shown, example = f"{FREE_WORD[lang]} ({text})", NOTE_EXAMPLE[lang]
        return Said(
            en=f"starts with the word every copy already prints before it (got {text!r}, shown as “{shown}”): "
            f"write only what the note adds, such as {example!r}",
            fr=f"commence par le mot que chaque copie affiche déjà devant elle (reçu {text!r}, affiché « {shown} ») : "
            f"écrivez seulement ce que la note ajoute, par exemple {example!r}",
        )
    if text.endswith("."):
        return Said(
            en=f"ends with a full stop, but every copy prints the note in brackets after the price (got {text!r}): "
            "remove the full stop",
            fr=f"finit par un point, alors que chaque copie affiche la note entre parenthèses après le prix "
            f"(reçu {text!r}) : retirez le point",
        )
    return None


def _written_date(written) -> PartialDate | None:
    """A date as written in a record, or None when it is missing, `undated` or not a real date."""
    if not isinstance(written, (str, int)) or not PARTIAL_DATE.fullmatch(str(written)):
        return None
    try:
        return records.partial_date(written)
    except ValueError:
        return None


def _later(first: PartialDate, second: PartialDate) -> bool:
    """Surely later: compared to the precision both are written with (2022-11 is not after 2022)."""
    shared = min(len(first.iso()), len(second.iso()))
    return first.iso()[:shared] > second.iso()[:shared]
