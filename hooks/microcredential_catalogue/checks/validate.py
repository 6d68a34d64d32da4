"""Turn the files under data/ into a Catalogue, or into the full list of what is wrong.

Every file is read and checked before anything is built, and every problem in every file is
reported in one run: the editor fixes everything in one pass. Each kind of file has its own
checks (taxonomy_checks, provider_checks, credential_checks, cross_checks); this module reads
them in the order their keys are needed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TypeVar

from ..model import records
from ..model.catalogue import Catalogue, Credential
from ..model.facets import FACETS, Facets
from ..reading.data_folder import DataFolder
from ..reading.problems import DataInvalid, Problem
from ..wording.site_settings import SiteSettings, site_settings
from .across_files import cross_record_problems
from .credentials import CREDENTIAL_SCHEMA, CredentialCheck, credential_paths
from .data_file import DataFile
from .known_keys import KnownKeys
from .providers import check_providers
from .taxonomies import check_taxonomies

__all__ = ["DataFolder", "load_catalogue"]

T = TypeVar("T")


# How the records' files are checked, one by one: `each(check, paths)` gives what check(path)
# gives for each path, in order (a build shares them with another process: building/workers.py).
EachFile = Callable[[Callable[[Path], T], Sequence[Path]], list[T]]


def one_by_one(check: Callable[[Path], T], paths: Sequence[Path]) -> list[T]:
    return [check(path) for path in paths]


def load_catalogue(
    project_root: Path, today: date | None = None, facets: Facets = FACETS, each_file: EachFile = one_by_one
) -> Catalogue:
    """The valid catalogue, or DataInvalid listing every problem found."""
    return _CatalogueCheck(DataFolder(project_root), today or date.today(), facets, each_file).run()


class _CatalogueCheck:
    def __init__(self, folder: DataFolder, today: date, facets: Facets, each_file: EachFile = one_by_one):
        self.folder = folder
        self.facets = facets
        self.today = today
        self.each_file = each_file
        self.problems: list[Problem] = []
        self.known = KnownKeys()

    def run(self) -> Catalogue:
        # Vocabularies first, then providers: the records are checked against the keys both define.
        taxonomies = self._checked("taxonomies.yml", lambda file: check_taxonomies(file, self.facets, self.known))
        providers = self._checked("providers.yml", lambda file: check_providers(file, self.known))
        credentials = self._credentials()
        site = self._site_settings()
        self.problems.extend(self.folder.problems)  # a schema that could not be read
        if self.problems or taxonomies is None or providers is None:
            raise DataInvalid(sorted(set(self.problems)))
        return Catalogue(
            credentials=tuple(sorted(credentials, key=lambda c: c.id)),
            providers=providers,
            taxonomies=taxonomies,
            leads_here=records.reverse_stacks(credentials),
            site=site,
            facets=self.facets,
            project_root=self.folder.root,
        )

    def _checked(self, file_name: str, check: Callable[[DataFile], T]) -> T:
        """What `check` makes of a file of data/; the file's problems join the report either way."""
        schema = file_name.replace(".yml", ".schema.json")
        file = DataFile.read(self.folder, self.folder.data / file_name, schema)
        made = check(file)
        self.problems.extend(file.problems)
        return made

    def _credentials(self) -> list[Credential]:
        check = CredentialCheck(self.folder, self.facets, self.known, self.today)
        credentials, file_ids = [], set()  # file_ids: every file's id, valid record or not
        paths = list(credential_paths(self.folder, self.problems))
        self.folder.schema(CREDENTIAL_SCHEMA)  # read here, once, before the files are shared out
        for credential_id, credential, problems in self.each_file(check.record, paths):
            self.problems.extend(problems)
            file_ids.update([credential_id] if credential_id else [])
            credentials.extend([credential] if credential else [])
        self.problems.extend(cross_record_problems(credentials, file_ids))
        return credentials

    def _site_settings(self) -> SiteSettings | None:
        """data/site.yml (who runs the site), when the project has one."""
        path = self.folder.data / "site.yml"
        if not (path.exists() or path.is_symlink()):
            return None
        return self._checked("site.yml", lambda file: site_settings(file.data) if file.valid else None)
