"""Parsers for council performance reports: indicator tables, budgets, RAG summaries, targets."""
