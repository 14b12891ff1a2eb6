"""The domain: who may do what, state changes, counters and awards."""
