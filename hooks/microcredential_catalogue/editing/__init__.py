"""Editors' tools that write data: YAML records from a spreadsheet row or an issue form, the
spreadsheet template and export, and the `catalogue import` that checks before it writes.

The last stage: it may import from every stage before it (reading … building) and from
addresses. Nothing imports it but cli.py.
"""
