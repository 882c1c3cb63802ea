"""Pure rules of networkday: no Textual and no file I/O may be imported here."""
