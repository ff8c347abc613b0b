"""Bringing data kept elsewhere (spreadsheets, CSV exports) into the register."""
