"""Many documents -> one timeline: happenings merged across articles, salience, conflicts."""
