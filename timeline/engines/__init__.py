"""Running the pipeline over many documents: one process, a pool of workers."""
