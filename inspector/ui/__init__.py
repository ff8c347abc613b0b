"""The Qt GUI. It holds no business rules: every user action is one call into a service of
`inspector.workspace.Workspace`, and long work runs through `operations.run_in_background`."""
