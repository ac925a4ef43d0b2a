"""Parsers for data dashboard pages."""
