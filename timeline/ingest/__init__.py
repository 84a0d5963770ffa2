"""Reading input: files, HTML pages and JSONL corpora, their language, and their sentences."""
