"""The data/ folder of a project: where each kind of file lives, and its schemas."""

from __future__ import annotations

from pathlib import Path

from .problems import Problem
from .schema import Schema, load_schema
from .yaml_file import UnreadableFile


class DataFolder:
    """The data/ folder of a project: where each kind of file lives."""

    def __init__(self, project_root: Path):
        self.root = Path(project_root)
        self.data = self.root / "data"
        self.credentials = self.data / "credentials"
        self.schemas = self.data / "schema"
        self._schemas: dict[str, Schema | None] = {}  # read once per build, not once per process
        self.problems: list[Problem] = []  # the schemas' own: a broken schema checks nothing

    def schema(self, name: str) -> Schema | None:
        """The schema, or None (and a problem naming its file) when it cannot be read."""
        if name not in self._schemas:
            path = self.schemas / name
            try:
                self._schemas[name] = load_schema(path)
            except UnreadableFile as unreadable:
                self._schemas[name] = None
                self.problems.append(Problem(self.relative(path), unreadable.line, "", unreadable.message))
        return self._schemas[name]

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()
