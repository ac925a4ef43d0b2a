"""Measures stated in sentences, in any document."""
