"""The entry points that run the whole stack: one phrase, one document, a document from any
input."""
