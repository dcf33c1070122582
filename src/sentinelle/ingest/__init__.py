"""Ingestion: read posts from JSONL, CSV and WARC files, validate them, store or quarantine each."""
