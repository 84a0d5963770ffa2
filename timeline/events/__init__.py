"""Events: the happenings the times date, in order."""
