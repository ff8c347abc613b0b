"""Inspector's domain: plain Python, no Qt and no SQLAlchemy (checked by tests/test_layers.py)."""
