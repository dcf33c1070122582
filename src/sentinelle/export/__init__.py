"""Exports in the contract formats (`../shared/contract/posts.md`)."""
