"""Gifts and their ledger, payment events and receipts, and fans' own fundraising pages and
teams."""
