"""Telling people: in-app notifications, their mail (one by one or in a digest), mail preferences,
and the activity feed.
"""
