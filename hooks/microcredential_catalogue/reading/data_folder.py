"""The data/ folder of a project: where each kind of file lives, and its schemas."""

from __future__ import annotations

from pathlib import Path

from .schema import Schema, load_schema


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
