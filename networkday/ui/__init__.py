"""The Textual interface: screens, widgets, modals and styles. It never opens a file."""
