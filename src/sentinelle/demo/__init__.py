"""Synthetic demo corpus: realistic posts (logistics only) and their ground truth.

`generate(n_posts, seed)` streams (post, truth) pairs; `sentinelle demo-data` writes them.
"""

from sentinelle.demo.corpus import generate

__all__ = ["generate"]
