"""Layer 1, core: tables, the one word and sentence definition, statistics and intervals, YAML and codebook loading, paths, errors, offline resources, provenance, the validation registry."""
