"""Accounts, sessions and API tokens, email verification, and public profiles."""
