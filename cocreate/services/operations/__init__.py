"""Proving the counters: every denormalized total recomputed from its ledger."""
