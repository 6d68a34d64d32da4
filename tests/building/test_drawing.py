"""A big build's drawings (preview images, QR codes) are made by other processes while it builds
its pages (and by its own once they are built), then put into the site where mkdocs-static-i18n
publishes a file of docs/: the same files as when the build draws them itself, and a failure
still stops it."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from functools import partial

import pytest
from microcredential_catalogue.building.drawing import DRAWINGS_FOLDER, MIN_TO_SHARE, Drawings, UnsafeDrawing
from microcredential_catalogue.pages.files import Drawing
from microcredential_catalogue.sharing.preview_image import PreviewCard, draw_preview
from microcredential_catalogue.sharing.qr_svg import qr_svg


def drawer_of(number: int) -> str:
    """What a drawing says of the process that made it."""
    return f"{number} drawn by {os.getpid()}"


def slow_drawer_of(number: int) -> str:
    """A drawing that takes a while (20 ms), as images do: a worker has time to start."""
    time.sleep(0.02)
    return drawer_of(number)


def cannot_draw() -> bytes:
    raise ValueError("this image cannot be drawn")


def drawers(folder) -> set[str]:
    return {path.read_text().split(" by ")[1] for path in folder.iterdir()}


def drawn(project, assets: dict, workers: int = 2) -> Drawings:
    project.mkdir(exist_ok=True)
    drawings = Drawings(assets, project, workers=workers)
    drawings.finish()
    return drawings


def test_a_big_build_has_its_drawings_made_by_other_processes(tmp_path):
    assets = {f"{n}.txt": Drawing(partial(slow_drawer_of, n)) for n in range(MIN_TO_SHARE)}
    drawn(tmp_path, assets)
    made = drawers(tmp_path / DRAWINGS_FOLDER)
    assert made - {str(os.getpid())}
    assert sorted(path.name for path in (tmp_path / DRAWINGS_FOLDER).iterdir()) == sorted(assets)


def test_once_its_pages_are_built_the_build_draws_its_share_of_what_is_left(tmp_path):
    """finish() takes back the drawings no worker has started, from the last: with one worker,
    both draw, and every drawing is kept once."""
    assets = {f"{n}.txt": Drawing(partial(slow_drawer_of, n)) for n in range(MIN_TO_SHARE)}
    drawings = drawn(tmp_path, assets, workers=1)
    made = drawers(tmp_path / DRAWINGS_FOLDER)
    assert str(os.getpid()) in made and len(made) == 2
    assert sorted(path.name for path in (tmp_path / DRAWINGS_FOLDER).iterdir()) == sorted(assets)
    assert (drawings.written, drawings.unchanged) == (MIN_TO_SHARE, 0)


def drawn_after(signal, number: int) -> str:
    """A drawing that waits for the build to say it went on (up to a minute, not forever)."""
    for _ in range(600):
        if signal.exists():
            return f"{number} drawn after the build went on by {os.getpid()}"
        time.sleep(0.1)
    return f"{number} drawn before the build went on by {os.getpid()}"


def test_the_build_goes_on_while_they_are_made_and_keeps_them_when_it_finishes(tmp_path):
    signal = tmp_path / "the build went on"
    assets = {f"{n}.txt": Drawing(partial(drawn_after, signal, n)) for n in range(MIN_TO_SHARE)}
    drawings = Drawings(assets, tmp_path, workers=1)  # returns without waiting for a drawing
    signal.touch()
    drawings.finish()  # waits for every one
    kept = tmp_path / DRAWINGS_FOLDER
    assert sorted(path.name for path in kept.iterdir()) == sorted(assets)
    assert all("drawn after the build went on" in path.read_text() for path in kept.iterdir())
    assert (drawings.written, drawings.unchanged) == (MIN_TO_SHARE, 0)


def test_once_every_drawing_is_made_the_workers_stop_and_free_their_cores(tmp_path):
    """The pages' last steps may then take the cores (building/page_finisher.py): the drawings'
    workers are gone, and what they drew is still counted and kept."""
    signal = tmp_path / "the build went on"
    assets = {f"{n}.txt": Drawing(partial(drawn_after, signal, n)) for n in range(MIN_TO_SHARE)}
    drawings = Drawings(assets, tmp_path, workers=1)
    assert not drawings.done() and multiprocessing.active_children()
    signal.touch()
    while not drawings.done():
        time.sleep(0.01)
    assert not multiprocessing.active_children()
    drawings.finish()
    assert (drawings.written, drawings.unchanged) == (MIN_TO_SHARE, 0)
    assert sorted(path.name for path in (tmp_path / DRAWINGS_FOLDER).iterdir()) == sorted(assets)


def test_a_small_build_draws_its_few_images_itself(tmp_path):
    assets = {f"{n}.txt": Drawing(partial(drawer_of, n)) for n in range(MIN_TO_SHARE - 1)}
    drawn(tmp_path, assets)
    assert drawers(tmp_path / DRAWINGS_FOLDER) == {str(os.getpid())}


def test_one_core_draws_everything_itself(tmp_path):
    assets = {f"{n}.txt": Drawing(partial(drawer_of, n)) for n in range(MIN_TO_SHARE)}
    drawn(tmp_path, assets, workers=0)
    assert drawers(tmp_path / DRAWINGS_FOLDER) == {str(os.getpid())}


def test_an_image_already_drawn_under_its_digest_is_not_drawn_again(tmp_path):
    assets = {f"{n}.txt": Drawing(partial(drawer_of, n)) for n in range(MIN_TO_SHARE * 2)}
    kept = tmp_path / DRAWINGS_FOLDER
    kept.mkdir(parents=True)
    for name in list(assets)[: MIN_TO_SHARE + 1]:  # kept from an earlier build
        (kept / name).write_text("0 drawn by an earlier build")
    drawings = drawn(tmp_path, assets)
    assert (drawings.written, drawings.unchanged) == (MIN_TO_SHARE - 1, MIN_TO_SHARE + 1)
    assert drawers(kept) == {"an earlier build", str(os.getpid())}  # too few left to share


def test_a_drawing_no_record_shows_any_more_is_removed(tmp_path):
    kept = tmp_path / DRAWINGS_FOLDER / "mc" / "gone"
    kept.mkdir(parents=True)
    (kept / "preview-0123.fr.png").write_text("an old record's image")
    drawn(tmp_path, {"mc/here/qr.fr.svg": Drawing(partial(drawer_of, 1), False)})
    assert not (kept / "preview-0123.fr.png").exists()
    assert (tmp_path / DRAWINGS_FOLDER / "mc/here/qr.fr.svg").is_file()


def test_images_and_codes_drawn_elsewhere_are_the_bytes_drawn_here(tmp_path):
    cards = [PreviewCard(f"Soudage {n} — « niveau »", ("Collège Boréal", "1 000 $"), "Catalogue") for n in range(40)]
    assets = {f"p{n}.png": Drawing(partial(draw_preview, card)) for n, card in enumerate(cards)}
    codes = {
        f"q{n}.svg": Drawing(partial(qr_svg, f"https://example.org/mc/{n}/", f"Code {n}"), False)
        for n in range(MIN_TO_SHARE)
    }
    assets |= codes
    here, elsewhere = tmp_path / "here", tmp_path / "elsewhere"
    drawn(here, assets, workers=0)
    drawn(elsewhere, assets, workers=2)
    assert sorted(path.name for path in (here / DRAWINGS_FOLDER).iterdir()) == sorted(assets)
    for name in assets:
        assert (here / DRAWINGS_FOLDER / name).read_bytes() == (elsewhere / DRAWINGS_FOLDER / name).read_bytes(), name


def test_a_drawing_that_fails_in_another_process_stops_the_build_with_its_error(tmp_path):
    assets = {f"{n}.txt": Drawing(partial(drawer_of, n)) for n in range(MIN_TO_SHARE)}
    assets["broken.png"] = Drawing(cannot_draw)
    with pytest.raises(ValueError, match="cannot be drawn"):
        drawn(tmp_path, assets)


def test_a_build_beside_a_server_thread_draws_in_fresh_processes(tmp_path):
    """`mkdocs serve` builds while its server thread runs: a copy of the process would inherit
    that thread's locks, so the workers start afresh, and still draw."""
    serving = threading.Event()
    server = threading.Thread(target=serving.wait, daemon=True)
    server.start()
    try:
        drawn(tmp_path, {f"{n}.txt": Drawing(partial(slow_drawer_of, n)) for n in range(MIN_TO_SHARE)})
    finally:
        serving.set()
    made = drawers(tmp_path / DRAWINGS_FOLDER)
    assert made - {str(os.getpid())}


def test_each_language_s_drawing_is_published_in_that_language_s_folder(tmp_path):
    assets = {
        "mc/soudage/preview-ab12.fr.png": Drawing(partial(drawer_of, 1)),
        "mc/soudage/preview-cd34.en.png": Drawing(partial(drawer_of, 2)),
        "mc/soudage/qr.en.svg": Drawing(partial(drawer_of, 3), False),
        "share/preview-ef56.fr.png": Drawing(partial(drawer_of, 4)),
    }
    site, project = tmp_path / "site", tmp_path / "project"
    project.mkdir()
    Drawings(assets, project, workers=0).publish(site)
    published = sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
    assert published == [
        "en/mc/soudage/preview-cd34.png",
        "en/mc/soudage/qr.svg",
        "mc/soudage/preview-ab12.png",
        "share/preview-ef56.png",
    ]
    assert (site / "en/mc/soudage/qr.svg").read_text().startswith("3 drawn by")


@pytest.mark.parametrize(
    "linked", [DRAWINGS_FOLDER, f"{DRAWINGS_FOLDER}/share", f"{DRAWINGS_FOLDER}/share/preview-ab12.fr.png"]
)
def test_a_link_where_drawings_are_kept_is_removed_never_followed(tmp_path, linked):
    """A link put where a drawing (or a folder of them) is kept would publish what it points to,
    or have the build write over or remove it: the link goes, the drawing is made again."""
    project, site, elsewhere = tmp_path / "project", tmp_path / "site", tmp_path / "elsewhere"
    (elsewhere / "share").mkdir(parents=True)
    secrets = [elsewhere / "share/preview-ab12.fr.png", elsewhere / "preview-ab12.fr.png", elsewhere / "notes.txt"]
    for secret in secrets:
        secret.write_text("not for the site")
    (project / linked).parent.mkdir(parents=True, exist_ok=True)
    (project / linked).symlink_to(elsewhere / secrets[1].name if linked.endswith(".png") else elsewhere)
    Drawings({"share/preview-ab12.fr.png": Drawing(partial(drawer_of, 1))}, project, workers=0).publish(site)
    assert (site / "share/preview-ab12.png").read_text().startswith("1 drawn by")
    assert not (project / linked).is_symlink()
    assert all(secret.read_text() == "not for the site" for secret in secrets)


def test_a_link_put_among_the_drawings_while_the_site_is_built_is_refused(tmp_path):
    project, site, elsewhere = tmp_path / "project", tmp_path / "site", tmp_path / "elsewhere"
    project.mkdir()
    elsewhere.mkdir()
    (elsewhere / "preview-ab12.fr.png").write_text("not for the site")
    drawings = Drawings({"share/preview-ab12.fr.png": Drawing(partial(drawer_of, 1))}, project, workers=0)
    drawings.finish()
    (project / DRAWINGS_FOLDER / "share/preview-ab12.fr.png").unlink()
    (project / DRAWINGS_FOLDER / "share").rmdir()
    (project / DRAWINGS_FOLDER / "share").symlink_to(elsewhere)
    with pytest.raises(UnsafeDrawing, match=r"share/preview-ab12.fr.png: is a symbolic link \(its folder share"):
        drawings.publish(site)
    assert not (site / "share/preview-ab12.png").exists()


def test_the_drawings_are_busy_while_workers_draw_them(tmp_path):
    """What the build asks before sharing its pages' last steps with other processes (their cores
    are the drawings' until then)."""
    assets = {f"{n}.txt": Drawing(partial(slow_drawer_of, n)) for n in range(MIN_TO_SHARE)}
    drawings = Drawings(assets, tmp_path, workers=1)
    assert drawings.busy
    drawings.finish()
    assert not drawings.busy
    assert not Drawings(assets, tmp_path, workers=1).busy  # all kept: nothing to draw
