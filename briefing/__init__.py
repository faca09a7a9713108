"""Briefings: extractive summaries rendered to Markdown, HTML and PDF."""
