"""Rules across records: an address leads to one record, a stack names an existing one."""

from __future__ import annotations

from ..model.catalogue import Credential
from ..reading.problems import Problem, Said, field_path

FRENCH_TAKEN = {"the id": "l'identifiant", "an alias": "un alias"}
STACKS_INTO_ITSELF = Said(
    en="a credential cannot stack into itself",
    fr="une microcertification ne peut pas mener à elle-même : nommez une autre fiche, ou retirez cet élément",
)


def cross_record_problems(credentials: list[Credential], file_ids: set[str]) -> list[Problem]:
    """`file_ids`: the id of every credential file, valid record or not."""
    return [*_shared_addresses(credentials), *_stacks_to_nowhere(credentials, file_ids)]


def _shared_addresses(credentials: list[Credential]) -> list[Problem]:
    problems = []
    owner: dict[str, Credential] = {c.id: c for c in credentials}
    for credential in credentials:
        for alias in credential.aliases:
            other = owner.get(alias)
            if other is not None and other is not credential:
                taken = "the id" if other.id == alias else "an alias"
                problems.append(
                    _problem(
                        credential,
                        ("aliases",),
                        Said(
                            en=f"{alias!r} is already {taken} of {other.source_file}: "
                            "an address can lead to one record only",
                            fr=f"{alias!r} est déjà {FRENCH_TAKEN[taken]} de {other.source_file} : une adresse ne peut "
                            "mener qu'à une seule fiche ; retirez cet alias",
                        ),
                    )
                )
            owner.setdefault(alias, credential)
    return problems


def _stacks_to_nowhere(credentials: list[Credential], file_ids: set[str]) -> list[Problem]:
    problems = []
    for credential in credentials:
        for position, target in enumerate(credential.stacks_into):
            path = ("stacks_into", position, "credential")
            if target.credential is None:
                continue
            if target.credential == credential.id:
                problems.append(_problem(credential, path, STACKS_INTO_ITSELF))
            elif target.credential not in file_ids:
                message = Said(
                    en=f"{target.credential!r} is not the id of any file in data/credentials/: "
                    "write the id of an existing record",
                    fr=f"{target.credential!r} n'est l'identifiant d'aucun fichier de data/credentials/ : écrivez "
                    "l'identifiant d'une fiche existante",
                )
                problems.append(_problem(credential, path, message))
    return problems


def _problem(credential: Credential, path: tuple, message: Said) -> Problem:
    return Problem(credential.source_file, credential.line_of(*path), field_path(path), message)
