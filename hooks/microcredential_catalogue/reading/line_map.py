"""Where each value of a data file is written: the line an editor's tools should jump to."""

from __future__ import annotations


class LineMap(dict):
    """Value path (("stacks_into", 0, "credential")) -> 1-based line, as the YAML reader found it.

    Read once when a file is validated and kept with the record it describes, so a later
    message (a stale record's warning) points at its line without reading the file again.
    """

    def line_of(self, path: tuple) -> int:
        """The line of the value at `path`, or of its nearest parent that has one."""
        path = tuple(path)
        while path and path not in self:
            path = path[:-1]
        return self.get(path, 1)
