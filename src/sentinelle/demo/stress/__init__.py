"""The stress profile of the demo generator: written apart from the demo profile (own lexicon,
templates, number and age writing) so that quality measured on it means something; each hard
phenomenon is a knob (see `knobs.KNOBS`)."""

from sentinelle.demo.stress.knobs import KNOBS, parse_knobs
from sentinelle.demo.stress.world import generate_stress

__all__ = ["KNOBS", "generate_stress", "parse_knobs"]
