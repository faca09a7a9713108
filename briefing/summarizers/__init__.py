"""Summarizers: sumy algorithms, Lead-N and newsdesk's own news summarizer."""
