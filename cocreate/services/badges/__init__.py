"""The badge catalog and awarding a badge once per person, badge and campaign."""
