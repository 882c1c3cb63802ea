"""Dialogs over the screens; each loads ``DIALOG_CSS`` the first time one opens."""

#: Every dialog's stylesheet, relative to this folder (Textual resolves a class's CSS_PATH so).
DIALOG_CSS = "../styles/dialogs.tcss"
