"""The document as it is read: which anchor each expression takes, its tense, the period in
focus; what a genre changes about that."""
