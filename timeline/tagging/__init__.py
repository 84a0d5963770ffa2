"""Finding temporal expressions in text: every rule of a language, in linear time."""
