"""Sub-commands of the command line; none of them imports Textual."""
