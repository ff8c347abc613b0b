"""Demo data: a realistic, deterministic city for trying Inspector and for benchmarks.

Everything it makes is marked as demo data (serials contain DEMO; the meta table records it).
"""
