"""Deterministic demo data: a fictional kommune at any size from 20 to 50,000 employees.

``generate_demo(database, employees=300)`` fills an empty register; ``python -m competence
demo-data`` does the same from the command line. See docs/demo.md.
"""

from competence.demo.generator import DemoSummary, generate_demo

__all__ = ["DemoSummary", "generate_demo"]
