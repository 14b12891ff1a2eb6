"""Moderating entries and comments, the moderators' queue, and merging duplicate ideas."""
