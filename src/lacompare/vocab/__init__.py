"""The package's one vocabulary, which every layer speaks: numbers, years and sentences
(:mod:`.patterns`: the one number parser and the one sentence splitter), periods
(:mod:`.periods`: the one period grammar) and relations and comparators (:mod:`.relations`).
Nothing here imports a reader, the catalogue or the library."""
