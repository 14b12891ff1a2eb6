"""Share cards: stored by content and rendered by workers for awards, entries, profiles, fundraisers
and fundraising pages.
"""
