"""Sync: many laptops, one central database (no Qt)."""
