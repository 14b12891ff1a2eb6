"""Recognising people: badge rules, Open Badges, organizations' own badges, ambassadors, and
acknowledgements with their inbox, metrics and saved replies.
"""
