"""Templates compiled once per machine, not once per build: Jinja keeps each template's compiled
code in a per-user folder of the system's temporary directory, named by the template's source, so
a changed template is compiled again and an unchanged one never is. Each build (and each language
pass of mkdocs-static-i18n) used to compile the theme's templates and ours anew: about a seventh
of a small build's CPU, and of every rebuild `mkdocs serve` makes."""

from __future__ import annotations

from jinja2 import BytecodeCache, FileSystemBytecodeCache


def compiled_templates() -> BytecodeCache | None:
    """The cache of compiled templates, or None where there is none to be had: Jinja refuses a
    folder another user owns or could write to, and then templates are compiled as before."""
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None
