"""Writers for `networkday export vcard|csv|ics`: records in, bytes out, no file access.

The command registry is ``networkday.commands.export.EXPORT_KINDS``; the functions it
names for these kinds live in ``networkday.commands.transfer`` and read the store, so
these modules stay usable from the app on records it already holds.
"""
