"""Tags on entries: what fans pick and suggest, what managers curate, and the counts."""
