"""Turn the files under data/ into a Catalogue, or into the full list of what is wrong.

Every file is read and checked before anything is built, and every problem in every file is
reported in one run: the editor fixes everything in one pass.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from . import records
from .model import Catalogue, Credential, Provider, Taxonomies
from .problems import DataInvalid, Problem, field_path, shown
from .schema import load_schema
from .site_settings import SiteSettings, site_settings
from .yaml_source import YamlDocument, read_yaml

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
HTML_TAG = re.compile(r"<\s*[a-zA-Z!/?]")
PARTIAL_DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")  # the schema checks the form

# Which vocabulary each coded field draws from, and how an editor calls one of its values.
VOCABULARY_FIELDS = {
    "sectors": ("sectors", "a sector"),
    "pathways": ("pathways", "a pathway"),
    "delivery": ("delivery", "a delivery mode"),
    "regions": ("regions", "a region"),
    "funding": ("funding", "a funding source"),
    "audiences": ("audiences", "an audience"),
}


class DataFolder:
    """The data/ folder of a project: where each kind of file lives."""

    def __init__(self, project_root: Path):
        self.root = Path(project_root)
        self.data = self.root / "data"
        self.credentials = self.data / "credentials"
        self.schemas = self.data / "schema"

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()


def load_catalogue(project_root: Path, today: date | None = None) -> Catalogue:
    """The valid catalogue, or DataInvalid listing every problem found."""
    return _Checker(DataFolder(project_root), today or date.today()).run()


class _Checker:
    def __init__(self, folder: DataFolder, today: date):
        self.folder = folder
        self.today = today
        self.problems: list[Problem] = []
        self.documents: dict[str, YamlDocument] = {}  # credential id -> its document, for lines
        self.file_ids: set[str] = set()  # every credential file's id, valid record or not

    def run(self) -> Catalogue:
        taxonomies = self._taxonomies()
        providers = self._providers(taxonomies)
        credentials = self._credentials(taxonomies, providers)
        self._cross_records(credentials)
        site = self._site_settings()
        if self.problems:
            raise DataInvalid(sorted(set(self.problems)))
        return Catalogue(
            credentials=tuple(sorted(credentials, key=lambda c: c.id)),
            providers=providers,
            taxonomies=taxonomies,
            leads_here=records.reverse_stacks(credentials),
            site=site,
        )

    # -- one kind of file each -------------------------------------------------------------

    def _read(self, path: Path, schema_name: str) -> tuple[YamlDocument, str, bool]:
        """The document, its project-relative name, and whether it passed YAML and schema."""
        name = self.folder.relative(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            self.problems.append(Problem(name, 1, "", "the file is missing"))
            return YamlDocument(data=None), name, False
        except UnicodeDecodeError as error:
            self.problems.append(Problem(name, 1, "", f"is not UTF-8 text ({error.reason}): save it as UTF-8"))
            return YamlDocument(data=None), name, False
        doc = read_yaml(text)
        before = len(self.problems)
        self.problems.extend(Problem(name, line, field_path(p), m) for line, p, m in doc.errors)
        if doc.data is not None:
            schema = load_schema(self.folder.schemas / schema_name)
            self.problems.extend(schema.problems(doc, name))
        return doc, name, len(self.problems) == before and doc.data is not None

    def _taxonomies(self) -> Taxonomies | None:
        doc, name, ok = self._read(self.folder.data / "taxonomies.yml", "taxonomies.schema.json")
        if not ok:
            return None
        for band_list in ("cost_bands", "hours_bands"):
            keys = [band["key"] for band in doc.data[band_list]]
            for position, key in enumerate(keys):
                if keys.index(key) != position:
                    path = (band_list, position, "key")
                    self.problems.append(
                        Problem(name, doc.line_of(path), field_path(path), f"the key {key!r} is used twice")
                    )
        return records.taxonomies(doc.data)

    def _site_settings(self) -> SiteSettings | None:
        """data/site.yml (who runs the site), when the project has one."""
        path = self.folder.data / "site.yml"
        if not path.is_file():
            return None
        doc, _, ok = self._read(path, "site.schema.json")
        if ok:
            self._check_texts(doc, self.folder.relative(path), (), doc.data)
        return site_settings(doc.data) if ok else None

    def _providers(self, taxonomies: Taxonomies | None) -> dict[str, Provider] | None:
        """The providers, or None when the file is broken (its problems are already listed)."""
        doc, name, ok = self._read(self.folder.data / "providers.yml", "providers.schema.json")
        if not isinstance(doc.data, dict) or taxonomies is None:
            return None
        for provider_id, raw in doc.data.items():
            if not isinstance(raw, dict):
                continue
            self._check_key(
                doc, name, (provider_id, "type"), raw.get("type"), taxonomies, "provider_types", "a provider type"
            )
            self._check_key(doc, name, (provider_id, "region"), raw.get("region"), taxonomies, "regions", "a region")
        if not ok:
            return None
        return {pid: records.provider(pid, raw) for pid, raw in doc.data.items()}

    def _credentials(self, taxonomies: Taxonomies | None, providers: dict | None) -> list[Credential]:
        credentials = []
        for path in sorted(self.folder.credentials.iterdir()) if self.folder.credentials.is_dir() else []:
            if path.name.startswith(".") or path.is_dir():
                continue
            name = self.folder.relative(path)
            if path.suffix != ".yml":
                self.problems.append(
                    Problem(name, 1, "", f"a credential file must end in .yml: rename it {path.stem}.yml")
                )
                continue
            if not self._valid_id(path.stem, name):
                continue
            self.file_ids.add(path.stem)
            before = len(self.problems)
            doc, name, _ = self._read(path, "credential.schema.json")
            if isinstance(doc.data, dict) and taxonomies is not None:
                # Also run on a record that broke the schema: the editor sees every mistake at once.
                self._check_credential(doc, name, path.stem, taxonomies, providers)
                if len(self.problems) == before:
                    credentials.append(records.credential(path.stem, name, doc.data))
                    self.documents[path.stem] = doc
        return credentials

    # -- rules a schema cannot express ----------------------------------------------------

    def _valid_id(self, stem: str, name: str) -> bool:
        if ID_PATTERN.match(stem) and 3 <= len(stem) <= 80:
            return True
        suggestion = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:80] or "my-credential"
        self.problems.append(
            Problem(
                name,
                1,
                "",
                f"the file name {stem!r} is not a valid id: use 3 to 80 lowercase letters, digits "
                f"and single hyphens, such as {suggestion}.yml",
            )
        )
        return False

    def _check_credential(self, doc, name, credential_id, taxonomies, providers) -> None:
        """Rules the schema cannot express; each looks only at values of the right shape."""
        data = doc.data
        provider = data.get("provider")
        if (
            providers is not None
            and isinstance(provider, str)
            and ID_PATTERN.match(provider)
            and provider not in providers
        ):
            known = ", ".join(sorted(providers)) or "(none yet)"
            self._problem(doc, name, ("provider",), f"{provider!r} is not in data/providers.yml; use one of: {known}")
        for field, (vocabulary, noun) in VOCABULARY_FIELDS.items():
            value = data.get(field)
            if isinstance(value, list):
                for position, key in enumerate(value):
                    self._check_key(doc, name, (field, position), key, taxonomies, vocabulary, noun)
            elif isinstance(value, str):
                self._check_key(doc, name, (field,), value, taxonomies, vocabulary, noun)
        award_type = data.get("award", {}).get("type") if isinstance(data.get("award"), dict) else None
        if isinstance(award_type, str):
            self._check_key(doc, name, ("award", "type"), award_type, taxonomies, "award_types", "an award type")
        for field in ("verified", "added", "source_date"):
            if isinstance(data.get(field), (str, int)) and PARTIAL_DATE.match(str(data[field])):
                self._check_past_date(doc, name, (field,), data[field])
        if isinstance(data.get("intake"), list):
            for position, written in enumerate(data["intake"]):
                if isinstance(written, str) and PARTIAL_DATE.match(written):
                    self._check_real_date(doc, name, ("intake", position), written)
        if isinstance(data.get("aliases"), list) and credential_id in data["aliases"]:
            self._problem(
                doc,
                name,
                ("aliases",),
                f"an alias must be an earlier id, not this record's own id (got {credential_id!r})",
            )
        self._check_texts(doc, name, (), data)

    def _check_key(self, doc, name, path, key, taxonomies, vocabulary, noun) -> None:
        terms = taxonomies.terms(vocabulary)
        # A malformed key is the schema's to report; checking it here too would say it twice.
        if isinstance(key, str) and ID_PATTERN.match(key) and key not in terms:
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

    def _check_texts(self, doc, name, path, value) -> None:
        """Texts are plain (description is Markdown), and never carry HTML."""
        if isinstance(value, dict):
            for key, inner in value.items():
                self._check_texts(doc, name, path + (key,), inner)
        elif isinstance(value, list):
            for position, inner in enumerate(value):
                self._check_texts(doc, name, path + (position,), inner)
        elif isinstance(value, str) and HTML_TAG.search(value):
            kind = "Markdown" if path[:1] == ("description",) else "plain text"
            self._problem(doc, name, path, f"must be {kind} without HTML tags (got {shown(value)})")

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
