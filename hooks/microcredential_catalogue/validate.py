"""Turn the files under data/ into a Catalogue, or into the full list of what is wrong.

Every file is read and checked before anything is built, and every problem in every file is
reported in one run: the editor fixes everything in one pass.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from . import records
from .facets import FACETS, Facets
from .ids import KEY_PATTERN, id_problem, reserved_problem, suggested_id
from .model import LANGUAGES, Catalogue, Credential, Provider, Taxonomies
from .problems import DataInvalid, Problem, field_path, shown
from .schema import Schema, load_schema
from .site_settings import SiteSettings, site_settings
from .text_policy import text_problem
from .yaml_source import UnreadableFile, YamlDocument, read_text, read_yaml

PARTIAL_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")  # the schema checks the form


class DataFolder:
    """The data/ folder of a project: where each kind of file lives."""

    def __init__(self, project_root: Path):
        self.root = Path(project_root)
        self.data = self.root / "data"
        self.credentials = self.data / "credentials"
        self.schemas = self.data / "schema"
        self._schemas: dict[str, Schema] = {}  # read once per build, not once per process

    def schema(self, name: str) -> Schema:
        if name not in self._schemas:
            self._schemas[name] = load_schema(self.schemas / name)
        return self._schemas[name]

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()


def load_catalogue(project_root: Path, today: date | None = None, facets: Facets = FACETS) -> Catalogue:
    """The valid catalogue, or DataInvalid listing every problem found."""
    return _Checker(DataFolder(project_root), today or date.today(), facets).run()


class _Checker:
    def __init__(self, folder: DataFolder, today: date, facets: Facets):
        self.folder = folder
        self.facets = facets
        self.today = today
        self.problems: list[Problem] = []
        self.documents: dict[str, YamlDocument] = {}  # credential id -> its document, for lines
        self.file_ids: set[str] = set()  # every credential file's id, valid record or not
        # The keys each vocabulary and providers.yml define, read even from a broken file, so a
        # mistake there does not hide the mistakes of the records that use them.
        self.known_terms: dict[str, set[str]] = {}
        self.known_providers: set[str] | None = None

    def run(self) -> Catalogue:
        taxonomies = self._taxonomies()
        providers = self._providers()
        credentials = self._credentials()
        self._cross_records(credentials)
        site = self._site_settings()
        if self.problems or taxonomies is None or providers is None:
            raise DataInvalid(sorted(set(self.problems)))
        return Catalogue(
            credentials=tuple(sorted(credentials, key=lambda c: c.id)),
            providers=providers,
            taxonomies=taxonomies,
            leads_here=records.reverse_stacks(credentials),
            site=site,
            facets=self.facets,
        )

    # -- one kind of file each -------------------------------------------------------------

    def _read(self, path: Path, schema_name: str) -> tuple[YamlDocument, str, bool]:
        """The document, its project-relative name, and whether it passed every check so far."""
        name = self.folder.relative(path)
        try:
            text = read_text(path)
        except UnreadableFile as unreadable:
            self.problems.append(Problem(name, 1, "", str(unreadable)))
            return YamlDocument(data=None), name, False
        doc = read_yaml(text)
        _check_strings(doc, (), doc.data)
        before = len(self.problems)
        self.problems.extend(Problem(name, line, field_path(p), m) for line, p, m in doc.errors)
        if doc.data is not None:
            schema = self.folder.schema(schema_name)
            self.problems.extend(schema.problems(doc, name))
        return doc, name, len(self.problems) == before and doc.data is not None

    def _taxonomies(self) -> Taxonomies | None:
        doc, name, ok = self._read(self.folder.data / "taxonomies.yml", "taxonomies.schema.json")
        data = doc.data if isinstance(doc.data, dict) else {}
        for vocabulary in records.vocabularies(self.facets):
            if isinstance(data.get(vocabulary), dict):
                self.known_terms[vocabulary] = set(data[vocabulary])
                for key in data[vocabulary]:
                    self._check_reserved(doc, name, (vocabulary, key), key)
        for band_list in ("cost_bands", "hours_bands"):
            bands = data.get(band_list) if isinstance(data.get(band_list), list) else []
            keys = [band.get("key") if isinstance(band, dict) else None for band in bands]
            for position, key in enumerate(keys):
                path = (band_list, position, "key")
                if isinstance(key, str) and keys.index(key) != position:
                    self._problem(doc, name, path, f"the key {key!r} is used twice")
                elif isinstance(key, str):
                    self._check_reserved(doc, name, path, key)
        if not ok:
            return None
        return records.taxonomies(doc.data, records.vocabularies(self.facets))

    def _site_settings(self) -> SiteSettings | None:
        """data/site.yml (who runs the site), when the project has one."""
        path = self.folder.data / "site.yml"
        if not (path.exists() or path.is_symlink()):
            return None
        doc, _, ok = self._read(path, "site.schema.json")
        return site_settings(doc.data) if ok else None

    def _providers(self) -> dict[str, Provider] | None:
        """The providers, or None when the file is broken (its problems are already listed)."""
        before = len(self.problems)
        doc, name, _ = self._read(self.folder.data / "providers.yml", "providers.schema.json")
        if not isinstance(doc.data, dict):
            return None
        self.known_providers = set(doc.data)
        for provider_id, raw in doc.data.items():
            self._check_reserved(doc, name, (provider_id,), provider_id)
            if not isinstance(raw, dict):
                continue
            self._check_key(doc, name, (provider_id, "type"), raw.get("type"), "provider_types", "a provider type")
            self._check_key(doc, name, (provider_id, "region"), raw.get("region"), "regions", "a region")
        if len(self.problems) != before:
            return None
        return {pid: records.provider(pid, raw) for pid, raw in doc.data.items()}

    def _credentials(self) -> list[Credential]:
        credentials = []
        if self.folder.credentials.is_symlink():  # its files could come from anywhere on the machine
            name = self.folder.relative(self.folder.credentials)
            self.problems.append(
                Problem(name, 1, "", "is a symbolic link: put the folder itself here, not a link to it")
            )
            return credentials
        for path in sorted(self.folder.credentials.iterdir()) if self.folder.credentials.is_dir() else []:
            if path.name.startswith(".") or (path.suffix != ".yml" and path.is_dir() and not path.is_symlink()):
                continue  # a hidden file, or a folder of notes that is not a record
            record = self._credential(path)
            if record is not None:
                credentials.append(record)
        return credentials

    def _credential(self, path: Path) -> Credential | None:
        """One credential file: its name and its content are checked, whatever is wrong with either."""
        before = len(self.problems)
        credential_id = self._file_id(path)
        doc, name, _ = self._read(path, "credential.schema.json")
        if isinstance(doc.data, dict):
            # Also run on a record that broke the schema: the editor sees every mistake at once.
            self._check_credential(doc, name, credential_id or suggested_id(path.name.split(".")[0]))
        if credential_id is None or len(self.problems) != before:
            return None
        self.documents[credential_id] = doc
        return records.credential(credential_id, name, doc.data)

    def _file_id(self, path: Path) -> str | None:
        """The id a credential file's name gives, or None (with the problem) when it gives none."""
        name = self.folder.relative(path)
        base = path.name.split(".")[0]
        if path.suffix != ".yml":
            self.problems.append(
                Problem(name, 1, "", f"a credential file must end in .yml: rename it {suggested_id(base)}.yml")
            )
            return None
        refusal = id_problem(path.stem, ".yml")
        if refusal:
            self.problems.append(Problem(name, 1, "", f"the file name {refusal}"))
            return None
        self.file_ids.add(path.stem)
        return path.stem

    # -- rules a schema cannot express ----------------------------------------------------

    def _check_credential(self, doc, name, credential_id) -> None:
        """Rules the schema cannot express; each looks only at values of the right shape."""
        data = doc.data
        provider = data.get("provider")
        known_providers = self.known_providers
        if (
            known_providers is not None
            and isinstance(provider, str)
            and KEY_PATTERN.fullmatch(provider)
            and provider not in known_providers
        ):
            known = ", ".join(sorted(known_providers)) or "(none yet)"
            self._problem(doc, name, ("provider",), f"{provider!r} is not in data/providers.yml; use one of: {known}")
        for facet in self.facets.checked_fields:
            field, vocabulary, noun = facet.field, facet.vocabulary, facet.noun
            value = data.get(field)
            if isinstance(value, list):
                for position, key in enumerate(value):
                    self._check_key(doc, name, (field, position), key, vocabulary, noun)
            elif isinstance(value, str):
                self._check_key(doc, name, (field,), value, vocabulary, noun)
        award_type = data.get("award", {}).get("type") if isinstance(data.get("award"), dict) else None
        if isinstance(award_type, str):
            self._check_key(doc, name, ("award", "type"), award_type, "award_types", "an award type")
        for field in ("verified", "added", "source_date"):
            if isinstance(data.get(field), (str, int)) and PARTIAL_DATE.fullmatch(str(data[field])):
                self._check_past_date(doc, name, (field,), data[field])
        if isinstance(data.get("intake"), list):
            for position, written in enumerate(data["intake"]):
                if isinstance(written, str) and PARTIAL_DATE.fullmatch(written):
                    self._check_real_date(doc, name, ("intake", position), written)
        aliases = data.get("aliases") if isinstance(data.get("aliases"), list) else []
        if credential_id in aliases:
            self._problem(
                doc,
                name,
                ("aliases",),
                f"an alias must be an earlier id, not this record's own id (got {credential_id!r})",
            )
        for position, alias in enumerate(aliases):
            if isinstance(alias, str):
                self._check_reserved(doc, name, ("aliases", position), alias)

    def _check_reserved(self, doc, name, path, key) -> None:
        refusal = reserved_problem(key)
        if refusal:
            self._problem(doc, name, path, refusal)

    def _check_key(self, doc, name, path, key, vocabulary, noun) -> None:
        terms = self.known_terms.get(vocabulary)
        # A malformed key is the schema's to report; checking it here too would say it twice.
        # An unreadable vocabulary is reported in data/taxonomies.yml, not once per record.
        if terms is not None and isinstance(key, str) and KEY_PATTERN.fullmatch(key) and key not in terms:
            known = ", ".join(sorted(terms))
            self._problem(doc, name, path, f"{key!r} is not {noun} in data/taxonomies.yml; use one of: {known}")

    def _check_real_date(self, doc, name, path, written):
        try:
            return records.partial_date(written)
        except ValueError:
            self._problem(doc, name, path, f"is not a real date (got {shown(written)}): write it YYYY-MM-DD")
            return None

    def _check_past_date(self, doc, name, path, written) -> None:
        partial = self._check_real_date(doc, name, path, written)
        if partial and partial.earliest() > self.today:
            self._problem(doc, name, path, f"is in the future (got {shown(written)}): write a date no later than today")

    def _problem(self, doc, name, path, message) -> None:
        self.problems.append(Problem(name, doc.line_of(path), field_path(path), message))

    # -- rules across records -------------------------------------------------------------

    def _cross_records(self, credentials: list[Credential]) -> None:
        owner: dict[str, Credential] = {c.id: c for c in credentials}
        for credential in credentials:
            for alias in credential.aliases:
                other = owner.get(alias)
                if other is not None and other is not credential:
                    taken = "the id" if other.id == alias else "an alias"
                    self._cross_problem(
                        credential,
                        ("aliases",),
                        f"{alias!r} is already {taken} of {other.source_file}: an address can lead to one record only",
                    )
                owner.setdefault(alias, credential)
        for credential in credentials:
            for position, target in enumerate(credential.stacks_into):
                if target.credential is None:
                    continue
                path = ("stacks_into", position, "credential")
                if target.credential == credential.id:
                    self._cross_problem(credential, path, "a credential cannot stack into itself")
                elif target.credential not in self.file_ids:
                    self._cross_problem(
                        credential,
                        path,
                        f"{target.credential!r} is not the id of any file in data/credentials/: "
                        "write the id of an existing record",
                    )

    def _cross_problem(self, credential: Credential, path: tuple, message: str) -> None:
        line = self.documents[credential.id].line_of(path)
        self.problems.append(Problem(credential.source_file, line, field_path(path), message))


def _check_strings(doc: YamlDocument, path: tuple, value) -> None:
    """The text policy on every string of a document, keys included, before the schema runs:
    a refused value is not reported a second time by the schema."""
    if isinstance(value, dict):
        for key, inner in value.items():
            problem = text_problem(key, None) if isinstance(key, str) else None
            if problem:
                doc.refuse(doc.line_of(path + (key,)), path + (key,), f"this key {problem}")
            _check_strings(doc, path + (key,), inner)
    elif isinstance(value, list):
        for position, inner in enumerate(value):
            _check_strings(doc, path + (position,), inner)
    elif isinstance(value, str) and path not in doc.refused:
        problem = text_problem(value, _field_name(path))
        if problem:
            doc.refuse(doc.line_of(path), path, problem)


def _field_name(path: tuple) -> str | None:
    """The field a value belongs to: ('description', 'fr') -> 'description'."""
    names = [part for part in path if isinstance(part, str) and part not in LANGUAGES]
    return names[-1] if names else None
