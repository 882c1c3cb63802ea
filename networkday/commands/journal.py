"""``networkday journal``: print a day's entry as Markdown, or edit it in ``$EDITOR``.

Editing uses the layout of :mod:`networkday.domain.journal_edit` (documented in
docs/JOURNAL.md). The entry is saved only when the edit changed it, through the same
three-way save as the app: an answer changed by hand (or by the app) while the editor
was open is never overwritten. When an edit cannot be saved, the edited text is written
to stderr so the words typed are not lost.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from networkday.commands.common import CommandError, open_store, run_store, warn_unread
from networkday.commands.editor import edit_text
from networkday.commands.help_format import ExamplesFormatter
from networkday.domain.charts import use_ascii
from networkday.domain.dates import parse_when
from networkday.domain.day import Day
from networkday.domain.errors import ConflictError
from networkday.domain.figures import DayFigures
from networkday.domain.journal import export_markdown, render_markdown
from networkday.domain.journal_edit import EntryTextError, apply_edit, parse_editor_text, to_editor_text
from networkday.services.figures import day_figures, facts_for
from networkday.services.journal import journal_entries, save_journal
from networkday.services.mode import settings
from networkday.storage.problems import StoreError
from networkday.storage.store import Store


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "journal",
        parents=[common],
        help="print or edit a day's journal entry",
        description="Print a day's journal entry as Markdown, with the day's figures; --edit opens it in "
        "$VISUAL, else $EDITOR, else vi, and saves it only if it changed.",
        epilog="examples:\n  networkday journal\n  networkday journal --date yesterday --edit",
        formatter_class=ExamplesFormatter,
    )
    parser.add_argument("--date", metavar="DATE", help="the day (YYYY-MM-DD, yesterday, ...; default today)")
    parser.add_argument("--edit", action="store_true", help="edit the entry in your text editor")
    parser.set_defaults(run=run)


def chosen_day(args: argparse.Namespace, store: Store) -> date:
    """``--date`` read against the store's clock, so ``yesterday`` follows NETWORKDAY_NOW."""
    if not args.date:
        return store.clock.today()
    try:
        return parse_when(args.date, store.clock.today())
    except ValueError as error:
        raise CommandError(f"--date: {error}", 2) from None


def run(args: argparse.Namespace) -> int:
    store = open_store(args, create=args.edit, unread_warning=False)
    day = chosen_day(args, store)
    record = run_store(lambda: store.day(day))
    figures = day_figures(store, day, record)
    warn_unread(store)  # company files too, read just now for the opportunities moved
    if args.edit:
        return edit_entry(store, record, figures)
    ascii = use_ascii(getattr(sys.stdout, "encoding", None))
    sys.stdout.write(render_markdown(day, record.journal, settings(store).prompts, figures, ascii=ascii))
    return 0


def edit_entry(store: Store, record: Day, figures: DayFigures) -> int:
    day = record.date
    reason = store.read_only_reason(store.day_path(day)) or store.cannot_save
    if reason:  # said before the editor opens, so nothing is typed in vain
        raise CommandError(reason)
    before = to_editor_text(day, record.journal, settings(store).prompts, figures)
    after = edit_text(before, f"journal-{day.isoformat()}.md")
    if after == before:
        print(f"{day}: no change, nothing saved", file=sys.stderr)
        return 0
    try:
        edited = apply_edit(record.journal, parse_editor_text(after))
        if edited == record.journal:
            print(f"{day}: no change, nothing saved", file=sys.stderr)
            return 0
        save_journal(store, day, record.journal, edited)
    except (EntryTextError, ConflictError, StoreError) as error:
        sys.stderr.write(f"--- your edit of {day}, not saved ---\n{after}--- end of your edit ---\n")
        raise CommandError(f"journal for {day} not saved: {error}") from None
    print(f"{store.day_path(day)}: journal saved")
    return 0


def export_journal(args: argparse.Namespace, store: Store) -> bytes:
    """The ``journal`` kind of ``networkday export``: Markdown, oldest first, with each day's figures."""
    days = list(journal_entries(store))
    skipped = sorted(str(path) for path in store.problems if store.days_dir in path.parents)
    for path in skipped:
        print(f"networkday: warning: {path} cannot be read and is left out (see networkday check)", file=sys.stderr)
    if not days:
        return export_markdown([], settings(store).prompts).encode("utf-8")
    facts = facts_for(store, days[0].date, days[-1].date)
    entries = [(d.date, d.journal, facts.figures(d.date, d)) for d in days]
    return export_markdown(entries, settings(store).prompts).encode("utf-8")
