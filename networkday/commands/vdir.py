"""``networkday export vcard --dir FOLDER``: one ``.vcf`` per contact, a vdir as khard and vdirsyncer read it.

Each contact is ``<contact id>.vcf``, holding the UID networkday gives that id. The
folder is an export: a card networkday wrote is replaced when the contact changed and
left alone, bytes and time, when it did not, so a sync tool sees only real changes. A
file is networkday's only when its name is a contact id and its UID the one that id
gets; such a file whose contact is gone is removed. Every other file (another program's
cards, notes, ``.tmp`` files) is never touched.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection
from pathlib import Path

from networkday.commands.common import CommandError
from networkday.domain.contact import Contact
from networkday.exporters.vcard import cards, uid_of
from networkday.storage.atomic import ensure_dir, fsync_dir, write_many

SUFFIX = ".vcf"


def check_folder(value: str, root: Path) -> Path:
    """The FOLDER of ``--dir``, refused (exit 2) when it is a file or lies inside the data folder."""
    folder = Path(value).expanduser()
    if folder.exists() and not folder.is_dir():
        raise CommandError(f"--dir {folder}: is not a folder; name a folder (made if missing)", 2)
    if folder.resolve().is_relative_to(root.resolve()) or root.resolve().is_relative_to(folder.resolve()):
        raise CommandError(f"--dir {folder}: overlaps the data folder {root}; export to a folder outside it", 2)
    return folder


def write_vdir(folder: Path, contacts: list[Contact], version: str, here: Collection[str] = ()) -> str:
    """Brings ``folder`` in line with ``contacts``; returns what it did, in words.

    ``here`` names people still in the folder whose file could not be read now (the
    caller has said so): their cards are kept, as an export never drops a person silently.
    """
    try:
        ensure_dir(folder)
        present = {path.name: path for path in folder.iterdir() if path.name.endswith(SUFFIX)}
        changed: list[tuple[Path, bytes]] = []
        unchanged = 0
        for contact, card in cards(contacts, version):
            path = folder / f"{contact.id}{SUFFIX}"
            data = card.encode("utf-8")
            if _read(present.pop(path.name, None)) == data:
                unchanged += 1
            else:
                changed.append((path, data))
        write_many(changed)
        gone = [
            path
            for name, path in present.items()
            if (stem := name.removesuffix(SUFFIX)) not in here and _ours(stem, path)
        ]
        for path in gone:
            path.unlink()
        if gone:
            fsync_dir(folder)
    except OSError as error:
        raise CommandError(f"{folder}: cannot write the vdir: {error.strerror or error}") from None
    return f"{len(changed)} written, {unchanged} unchanged, {len(gone)} removed (vCard {version}, one file per contact)"


def _read(path: Path | None) -> bytes | None:
    if path is None:
        return None
    with contextlib.suppress(OSError):
        return path.read_bytes()
    return None


def _ours(stem: str, path: Path) -> bool:
    """A card networkday wrote: named after an id, and carrying that id's UID (a link is never ours)."""
    if path.is_symlink() or not path.is_file():
        return False
    data = _read(path) or b""
    return f"\nUID:{uid_of(stem)}\r\n".encode() in data or f"\nUID:{uid_of(stem)}\n".encode() in data
