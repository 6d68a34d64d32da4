"""A big build's drawings (preview images, QR codes) are made by other processes while it renders
its pages: the same files as when the build draws them itself, and a failure still stops it."""

from __future__ import annotations

import os
import threading
from functools import partial

import pytest
from microcredential_catalogue.building.drawing import MIN_TO_SHARE, drawn_elsewhere
from microcredential_catalogue.pages.files import Drawing, write_pages
from microcredential_catalogue.sharing.preview_image import PreviewCard, draw_preview
from microcredential_catalogue.sharing.qr_svg import qr_svg


def drawer_of(number: int) -> str:
    """What a drawing says of the process that made it."""
    return f"{number} drawn by {os.getpid()}"


def cannot_draw() -> bytes:
    raise ValueError("this image cannot be drawn")


def drawers(folder) -> set[str]:
    return {path.read_text().split(" by ")[1] for path in folder.iterdir()}


def test_a_big_build_has_its_drawings_made_by_other_processes(tmp_path):
    assets = {f"{n}.txt": Drawing(partial(drawer_of, n)) for n in range(MIN_TO_SHARE)}
    with drawn_elsewhere(assets, tmp_path, workers=2) as coming:
        write_pages([], tmp_path, coming)
    made = drawers(tmp_path)
    assert made and str(os.getpid()) not in made
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(assets)


def test_a_small_build_draws_its_few_images_itself(tmp_path):
    assets = {f"{n}.txt": Drawing(partial(drawer_of, n)) for n in range(MIN_TO_SHARE - 1)}
    with drawn_elsewhere(assets, tmp_path, workers=2) as coming:
        write_pages([], tmp_path, coming)
    assert drawers(tmp_path) == {str(os.getpid())}


def test_an_image_already_drawn_under_its_digest_is_not_drawn_again(tmp_path):
    assets = {f"{n}.txt": Drawing(partial(drawer_of, n)) for n in range(MIN_TO_SHARE * 2)}
    for name in list(assets)[: MIN_TO_SHARE + 1]:  # kept from an earlier build
        (tmp_path / name).write_text("0 drawn by an earlier build")
    with drawn_elsewhere(assets, tmp_path, workers=2) as coming:
        report = write_pages([], tmp_path, coming)
    assert (report.written, report.unchanged) == (MIN_TO_SHARE - 1, MIN_TO_SHARE + 1)
    assert drawers(tmp_path) == {"an earlier build", str(os.getpid())}  # too few left to share


def test_images_and_codes_drawn_elsewhere_are_the_bytes_drawn_here(tmp_path):
    cards = [PreviewCard(f"Soudage {n} — « niveau »", ("Collège Boréal", "1 000 $"), "Catalogue") for n in range(40)]
    assets = {f"p{n}.png": Drawing(partial(draw_preview, card)) for n, card in enumerate(cards)}
    codes = {
        f"q{n}.svg": Drawing(partial(qr_svg, f"https://example.org/mc/{n}/", f"Code {n}"), False) for n in range(40)
    }
    assets |= codes
    here, elsewhere = tmp_path / "here", tmp_path / "elsewhere"
    here.mkdir()
    elsewhere.mkdir()
    write_pages([], here, assets)
    with drawn_elsewhere(assets, elsewhere, workers=2) as coming:
        write_pages([], elsewhere, coming)
    assert sorted(path.name for path in here.iterdir()) == sorted(assets)
    for name in assets:
        assert (here / name).read_bytes() == (elsewhere / name).read_bytes(), name


def test_a_drawing_that_fails_in_another_process_stops_the_build_with_its_error(tmp_path):
    assets = {f"{n}.txt": Drawing(partial(drawer_of, n)) for n in range(MIN_TO_SHARE)}
    assets["broken.png"] = Drawing(cannot_draw)
    with pytest.raises(ValueError, match="cannot be drawn"):
        with drawn_elsewhere(assets, tmp_path, workers=2) as coming:
            write_pages([], tmp_path, coming)


def test_a_build_beside_a_server_thread_draws_in_fresh_processes(tmp_path):
    """`mkdocs serve` builds while its server thread runs: a copy of the process would inherit
    that thread's locks, so the workers start afresh, and still draw."""
    serving = threading.Event()
    server = threading.Thread(target=serving.wait, daemon=True)
    server.start()
    try:
        assets = {f"{n}.txt": Drawing(partial(drawer_of, n)) for n in range(MIN_TO_SHARE)}
        with drawn_elsewhere(assets, tmp_path, workers=2) as coming:
            write_pages([], tmp_path, coming)
    finally:
        serving.set()
    made = drawers(tmp_path)
    assert made and str(os.getpid()) not in made
