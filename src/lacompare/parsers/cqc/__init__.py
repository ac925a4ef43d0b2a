"""Parsers for CQC assessments, their single pages, press releases and news about them."""
