"""Reading inputs and writing outputs safely (atomic files, clear errors for bad input)."""
