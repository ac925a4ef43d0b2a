"""What the measures are: the catalogue of national measures and mapping facts onto it
(:mod:`.measures`, its table in :mod:`.table`), ASCOF codes (:mod:`.ascof`), English councils
(:mod:`.authorities`; from a web site's address, :mod:`.sites`) and the labels measures are shown
by (:mod:`.labels`).

Nothing is imported here, so reading one part does not load the others' patterns.
"""
