"""Phase two: an underspecified spec and an anchor date give a TIMEX3 value and an interval."""
