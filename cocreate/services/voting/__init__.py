"""Votes and their totals: the ledger, tallies, trending, velocity rules and the review of held
votes.
"""
