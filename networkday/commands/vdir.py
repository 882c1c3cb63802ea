"""``networkday export vcard --dir FOLDER``: one ``.vcf`` per contact, a vdir as khard and vdirsyncer read it.

Each contact is ``<contact id>.vcf``, holding the UID networkday gives that id. The
folder is an export: a card networkday wrote is replaced when the contact changed and
left alone, bytes and time, when it did not (``storage.export_folder``), so a sync tool
sees only real changes. A file is networkday's only when its name is a contact id and its
UID the one that id gets; such a file whose contact is gone is removed. Every other file
(another program's cards, notes, links) is never touched.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from networkday.commands.common import CommandError
from networkday.domain.contact import Contact
from networkday.exporters.vcard import cards, uid_of
from networkday.storage.export_folder import read_bytes, sync_folder

SUFFIX = ".vcf"


def check_folder(value: str, root: Path) -> Path:
    """The FOLDER of ``--dir``, refused (exit 2) when it is a file or overlaps the data folder."""
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
    files = {f"{contact.id}{SUFFIX}": card.encode("utf-8") for contact, card in cards(contacts, version)}

    def stale(path: Path) -> bool:
        stem = path.name.removesuffix(SUFFIX)
        return stem not in here and _ours(stem, read_bytes(path))

    try:
        done = sync_folder(folder, files, SUFFIX, stale)
    except OSError as error:
        raise CommandError(f"{folder}: cannot write the vdir: {error.strerror or error}") from None
    return (
        f"{done.written} written, {done.unchanged} unchanged, {done.removed} removed "
        f"(vCard {version}, one file per contact)"
    )


def _ours(stem: str, data: bytes) -> bool:
    """A card networkday wrote: named after an id, and carrying that id's UID."""
    uid = f"UID:{uid_of(stem)}".encode()
    return any(line.rstrip(b"\r") == uid for line in data.split(b"\n"))
