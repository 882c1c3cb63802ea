"""The screen follows the files: contact files changed under the app are shown without a key.

Every ``EVERY`` seconds the store's ``Follower`` says which contacts it read again (a
non-blocking read of inotify's queue, or a cheap look; see storage/watch.py). When some
did, a ``ContactFilesChanged`` message goes up to the App, which calls ``show_followed``
down: the visible screen that shows records takes the new data (under any dialog,
whose typed text it never touches), an open problems view lists the files as they are
now, and the screens underneath reload as they come back (``on_screen_resume``).

Company files are tens, so each look compares their marks (one stat each); when one
moved, or on the first look after the first frame, they are all read again (their
problems with them) and ``CompanyFilesChanged`` goes up the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from networkday.storage.follow import Follower
from networkday.storage.problems import StoreError
from networkday.ui.messages import CompanyFilesChanged, ContactFilesChanged

if TYPE_CHECKING:
    from networkday.ui.app import NetworkdayApp

#: Seconds between looks: a change shows within about this, well under the two promised.
EVERY = 0.5


class Following:
    """The app's watch on its store's contact files, made again when the store is replaced (the demo)."""

    def __init__(self, app: NetworkdayApp) -> None:
        self.app = app
        self.follower: Follower | None = self.app.store.follow()
        #: The company files' marks when last read (one stat each): None until the first look reads them.
        self._company_marks: tuple[object, ...] | None = None
        self._timer = app.set_interval(EVERY, self.look)

    def look(self) -> None:
        store = self.app.store
        self.look_at_companies()
        follower = self.follower
        if follower is None:
            return  # closed
        if follower.catalogue is not store.catalogue:
            follower.close()
            self.follower = store.follow()  # another folder (the demo): what changed before
            self.app.post_message(ContactFilesChanged(None))  # the watch began is looked for
            return
        known = frozenset(store.problems)
        changed = follower.follow()
        if changed is None:
            self.app.post_message(ContactFilesChanged(None))
        elif changed or known != set(store.problems):
            self.app.post_message(ContactFilesChanged(frozenset(changed), known))

    def look_at_companies(self) -> None:
        """Company files are tens: when any mark moved (or on the first look, after the first frame),
        all are read again, so their problems are known and the screens showing them follow."""
        store = self.app.store
        marks = (store, *store.company_marks())  # another store (the demo) is a change too
        if marks == self._company_marks:
            return
        self._company_marks = marks
        known = frozenset(store.problems)
        try:
            store.companies()  # notes each unreadable file in ``problems``, forgets the mended ones
        except (OSError, StoreError):
            return  # the folder went away: the next look tries again
        self.app.post_message(CompanyFilesChanged(known))

    def close(self) -> None:
        self._timer.stop()
        if self.follower is not None:
            self.follower.close()
            self.follower = None


def show_followed(app: NetworkdayApp, contact_ids: frozenset[str]) -> None:
    """The topmost screen of records shows the changed contacts; an open problems view follows too."""
    from networkday.ui.modals.problems import ProblemsScreen
    from networkday.ui.screens.data_screen import DataScreen

    for screen in reversed(app.screen_stack):
        if isinstance(screen, ProblemsScreen):
            screen.show(app.store.problems.values())
        elif isinstance(screen, DataScreen):
            screen.contact_files_changed(contact_ids)
            return


def show_companies_followed(app: NetworkdayApp) -> None:
    """The topmost screen of records shows the company files as they are now; an open problems view too."""
    from networkday.ui.modals.problems import ProblemsScreen
    from networkday.ui.screens.data_screen import DataScreen

    for screen in reversed(app.screen_stack):
        if isinstance(screen, ProblemsScreen):
            screen.show(app.store.problems.values())
        elif isinstance(screen, DataScreen):
            screen.company_files_changed()
            return
