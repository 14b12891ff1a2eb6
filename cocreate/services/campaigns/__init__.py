"""Campaigns: launching them, their settings (fundraiser settings included), rules of entry, phases
and final results.
"""
