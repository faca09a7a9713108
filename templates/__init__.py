"""Jinja2 templates and print CSS for briefings (installed as briefing.templates)."""
