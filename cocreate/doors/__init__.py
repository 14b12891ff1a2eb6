"""The doors to infrastructure, each with a real backend and an embedded default behind
one small interface: database, media storage, jobs, pub/sub, mail, rate limits, payments.
"""
