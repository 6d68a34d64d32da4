"""A build's results kept for the next build with the same inputs: an unchanged rebuild neither
reads, checks and renders the catalogue again nor draws its QR codes; it takes what the last build
made, once it has made sure that nothing that build read or wrote has changed since.

What a build reads (`inputs_digest`): every file of data/, of the templates' folder (overrides/),
of our scripts and of our code, mkdocs.yml, the installed packages, Python, the build's day (dated
notices) and the site's address. What it leaves (`_left`): the generated files under docs/ and the
kept drawings, each by size and modification time, and no other file in their folders. Any
difference, and the build starts from the data, as a first one does.

The kept file is a pickle, which runs code as it loads: it is taken only when signed with a key
kept outside the project (`signing_key`), so no file that comes with a pull request or a restored cache
is ever loaded.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import stat
import sys
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import metadata
from pathlib import Path

from .. import addresses
from ..pages.files import GENERATED_FOLDERS
from .catalogue_build import CatalogueBuild, fingerprint
from .drawing import DRAWINGS_FOLDER, Drawings

KEPT_FILE = ".cache/catalogue/kept-build"
KEY_FILE = "microcredential-catalogue/kept-build.key"  # under the user's cache folder, never the project's
FORMAT = 1  # raised when what is kept changes shape
SIGNATURE_SIZE = hashlib.sha256().digest_size  # HMAC-SHA256, before what it signs
CODE = Path(__file__).resolve().parents[2]  # hooks/: the adapter and the catalogue's package


@dataclass
class _Kept:
    inputs: str  # inputs_digest of the build that made it
    build: CatalogueBuild  # without its shared files and drawings in progress
    drawings: tuple[str, ...]  # each drawing's path, as under docs/
    left: dict[str, tuple[int, int]]  # what the build left (_left): project-relative path -> size, time


def inputs_digest(project_root: Path, docs_dir: Path, templates_dir: Path, site_url: str, today: date) -> str:
    """Changes whenever anything a build reads changes: the files by their content, not their time."""
    digest = hashlib.sha256()
    root, docs = Path(project_root).resolve(), Path(docs_dir).resolve()
    settings = (FORMAT, site_url, today.isoformat(), root, docs, Path(templates_dir).resolve())
    digest.update(repr(settings).encode())
    digest.update(code_digest().encode())
    folders = (root / "data", Path(templates_dir).resolve().parent, docs / addresses.SCRIPTS)
    _digest_files(digest, [root / "mkdocs.yml", *(path for folder in folders for path in sorted(folder.rglob("*")))])
    return digest.hexdigest()


@cache
def code_digest() -> str:
    """Our code (hooks/), the installed packages and Python: what every output is made with."""
    digest = hashlib.sha256(sys.version.encode())
    packages = sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in metadata.distributions())
    digest.update("\n".join(packages).encode())
    _digest_files(digest, sorted(CODE.rglob("*")))
    return digest.hexdigest()


def _digest_files(digest, paths: list[Path]) -> None:
    for path in paths:
        if path.is_file() and "__pycache__" not in path.parts:
            content = path.read_bytes()
            digest.update(f"\n{path}\n{len(content)}\n".encode())
            digest.update(content)


def kept_build(project_root: Path, inputs: str) -> CatalogueBuild | None:
    """The last build's results, when it read the same `inputs` and all it left is as it left it."""
    project_root = Path(project_root)
    try:
        signed = (project_root / KEPT_FILE).read_bytes()
        key = signing_key()
    except OSError:
        return None
    signature, payload = signed[:SIGNATURE_SIZE], signed[SIGNATURE_SIZE:]
    if not hmac.compare_digest(signature, hmac.digest(key, payload, "sha256")):
        return None
    if not payload.startswith(inputs.encode()):  # another build's: not worth unpickling
        return None
    try:
        kept = pickle.loads(payload[len(inputs) :])
    except Exception:  # signed by this machine, yet unreadable (code moved since): built afresh
        return None
    if not isinstance(kept, _Kept) or kept.inputs != inputs:
        return None
    build = kept.build
    left = _left(project_root, Path(build.docs_dir), build.generated, kept.drawings)
    if left is None or left != kept.left:
        return None
    build.fingerprint = fingerprint(project_root, build.templates_dir, build.docs_dir)
    build.drawings = Drawings.kept(kept.drawings, project_root)
    return build


def keep(build: CatalogueBuild, inputs: str) -> None:
    """Keep `build` for the next build, once its drawings are all made. Raises OSError."""
    writing = writing_path(build.project_root)
    try:
        if write_kept(build, inputs, writing):
            os.replace(writing, Path(build.project_root) / KEPT_FILE)
    finally:
        writing.unlink(missing_ok=True)


def writing_path(project_root: Path) -> Path:
    """Where the kept build is written before it takes its place: whole or not at all."""
    target = Path(project_root) / KEPT_FILE
    return target.with_name(f".{target.name}.{os.getpid()}")


def write_kept(build: CatalogueBuild, inputs: str, writing: Path) -> bool:
    """`build` written at `writing`, signed, once its drawings are all made; False when a build
    that left a link would refuse it, and nothing is worth keeping. Raises OSError. Apart from
    its place (keep), so that a copy of the build can write it while the build publishes its
    drawings."""
    root = Path(build.project_root)
    drawings = build.drawings.paths if build.drawings else ()
    left = _left(root, Path(build.docs_dir), build.generated, drawings)
    if left is None:
        return False
    kept = _Kept(inputs, replace(build, sharing=None, drawings=None), drawings, left)
    payload = inputs.encode() + pickle.dumps(kept, protocol=5)  # what it was read from first, in the clear
    writing.parent.mkdir(parents=True, exist_ok=True)
    writing.write_bytes(hmac.digest(signing_key(), payload, "sha256") + payload)
    return True


def forget(project_root: Path) -> None:
    """No kept build: the one about to start changes what the last one left."""
    (Path(project_root) / KEPT_FILE).unlink(missing_ok=True)


def _left(root: Path, docs_dir: Path, generated: tuple[str, ...], drawings: tuple[str, ...]) -> dict | None:
    """Every file a build leaves and the next one reads (project-relative path -> size, time): its
    generated files under docs/, whatever else lies in their folders (a build would remove it),
    and the drawings' folder's files. None if one of them is missing or not a plain file (a link).
    Paths as strings: tens of thousands of them at 10,000 records."""
    top = os.path.join(os.path.abspath(root), "")
    docs = os.path.relpath(os.path.abspath(docs_dir), top)
    paths = {f"{docs}/{path}" for path in generated}
    paths.update(f"{DRAWINGS_FOLDER}/{path}" for path in drawings)
    for folder in [*(f"{docs}/{name}" for name in GENERATED_FOLDERS), DRAWINGS_FOLDER]:
        for parent, folders, names in os.walk(top + folder):  # a linked folder is listed, not entered
            below = parent[len(top) :]
            paths.update(f"{below}/{name}" for name in names)
            paths.update(f"{below}/{name}" for name in folders if os.path.islink(os.path.join(parent, name)))
    left = {}
    for path in paths:
        try:
            status = os.lstat(top + path)
        except OSError:
            return None
        if not stat.S_ISREG(status.st_mode):
            return None
        left[path] = (status.st_size, status.st_mtime_ns)
    return left


def signing_key() -> bytes:
    """This user's signing key, made on first use (raises OSError where it cannot be kept)."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    path = cache / KEY_FILE
    try:
        return _read_key(path)
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    writing = path.with_name(f".{path.name}.{os.getpid()}")
    fd = os.open(writing, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as file:
        file.write(os.urandom(32))
    try:
        os.link(writing, path)  # another build may have made one meanwhile: theirs stands
    except FileExistsError:
        pass
    finally:
        writing.unlink()
    return _read_key(path)


def _read_key(path: Path) -> bytes:
    key = path.read_bytes()
    if len(key) != 32:
        raise OSError(f"{path}: not a signing key")
    return key
