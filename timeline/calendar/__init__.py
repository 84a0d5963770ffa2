"""Calendar arithmetic with no language and no document: units, ISO weeks, thirds, holidays."""
