"""PDF documents the enterprise and the managers receive (reportlab; no Qt)."""
