"""Entries: submitting and editing them, remixes and their credits, and the teams of team
challenges.
"""
