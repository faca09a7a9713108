"""Widgets of the reader, one family per module."""
