"""Contributor rankings: the votes people received, per campaign and per organization."""
