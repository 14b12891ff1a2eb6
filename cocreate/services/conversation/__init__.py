"""Comments and replies, reactions, following, and the brand's answers to ideas."""
