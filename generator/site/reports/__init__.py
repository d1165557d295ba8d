"""Compliance reports: consistency warnings, report pages, tables (CSV, JSON, Markdown) and charts."""
