"""Rapporter: the exports, with unit and person choice, file dialogs and progress."""
