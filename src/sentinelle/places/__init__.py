"""The French gazetteer: communes with their department, matched in city fields and free text.

`sentinelle.extract.places` is the entry point the pipeline calls; the modules here are its
parts: `gazetteer` (the shipped commune list), `matchform` (how names are compared),
`cityfield` (a site's `city` metadata), `mentions` (names in post text), `ambiguity` (names
that are also words), `departments` and `hints` (department codes and postcodes).
"""
