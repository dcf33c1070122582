"""Evaluation against a ground-truth file: extraction, linking and scoring metrics."""
