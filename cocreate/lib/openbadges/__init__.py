"""Open Badges: the pure parts (PNG baking, badge artwork, signing keys, public paths).

Queries and rules live in cocreate/services/recognition/openbadges.py.
"""
