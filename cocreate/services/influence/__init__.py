"""What fans bring an organization: share-link referrals and the power-user counters kept per (org,
person).
"""
