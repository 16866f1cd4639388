"""Placeholder replaced by the demo generator."""
