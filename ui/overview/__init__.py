"""Oversikt: the dashboard of key figures for a unit or the whole municipality."""
