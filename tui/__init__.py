"""The Textual reader and the command line."""
