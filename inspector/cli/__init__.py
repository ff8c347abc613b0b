"""The `inspector` command line: the same services the GUI uses, no window."""
