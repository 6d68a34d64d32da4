"""Templates are compiled once per machine and kept (pages/compiled_templates.py): a rebuild
reads them from the cache, and a template an editor or a developer changes takes effect at once."""

from __future__ import annotations

from support import mkdocs_build, small_project

# Appended to a template as plain text: it shows on every page the template renders.
CHANGED = "Changed-since-the-last-build"


def test_a_template_changed_between_two_builds_is_compiled_again(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))  # the cache's folder is under it
    (tmp_path / "tmp").mkdir()
    project = small_project(tmp_path / "project")
    first = mkdocs_build(project, tmp_path / "first")
    assert first.returncode == 0, first.stderr[-3000:]
    compiled = list((tmp_path / "tmp").glob("_jinja2-cache-*/*"))
    assert len(compiled) > 20, "the theme's templates and ours are kept compiled"

    ours, theirs = project / "overrides" / "catalogue" / "credential.html", project / "overrides" / "main.html"
    ours.write_text(ours.read_text(encoding="utf-8") + f"<p>ours {CHANGED}</p>\n", encoding="utf-8")
    theirs.write_text(
        theirs.read_text(encoding="utf-8").replace(
            "{% block site_meta %}", "{% block site_meta %}" + f"theirs {CHANGED}"
        ),
        encoding="utf-8",
    )
    second = mkdocs_build(project, tmp_path / "second")
    assert second.returncode == 0, second.stderr[-3000:]
    credential_pages = list((tmp_path / "second" / "mc").glob("*/index.html"))
    assert credential_pages
    for page in credential_pages:
        html = page.read_text(encoding="utf-8")
        assert f"ours {CHANGED}" in html and f"theirs {CHANGED}" in html, page
