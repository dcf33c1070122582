"""Link posts to the actors behind them: evidence graph, hubs, networks, itineraries."""

from sentinelle.link.batch import LinkResult, link_posts
from sentinelle.link.config import LinkConfig
from sentinelle.link.inputs import LinkInput

__all__ = ["LinkConfig", "LinkInput", "LinkResult", "link_posts"]
