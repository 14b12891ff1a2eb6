"""What every area shares: domain errors, input checks, pagination, the services' context, the audit
record, and the events other areas react to.
"""
