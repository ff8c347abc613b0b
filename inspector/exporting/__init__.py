"""Exports of stored data to files people open elsewhere (Excel, CSV)."""
