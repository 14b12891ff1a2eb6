"""What fans are asking for: terms and tags over time, and ideas similar to one being typed."""
