"""newsdesk library: the Article record, the store, the search index and ingest."""
