"""Orchestrators: run pure pipeline steps over what the store holds and save their results."""
