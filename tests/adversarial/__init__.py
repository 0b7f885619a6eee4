"""Hostile inputs kept as tests (issue #13); ``hostile.py`` builds them."""
