"""Pipeline stages, one module each: ingest, clean, segment (and the annotators and comparers after them)."""
