"""What fans' links and conversations brought, as the fan reads it (reach) and as managers rank it
(power users).
"""
