"""Layer 7, pipeline: the annotation step registry, the Parquet store, local and Dask runners."""
