"""Editors' tools that write data, the last stage.

Owns: YAML records written as an editor writes them, from a spreadsheet row or an issue form;
the spreadsheet template and `catalogue export --xlsx`; `catalogue import`, which checks every
row with the same checks as `catalogue check` before it writes anything; the issue form;
`catalogue rename` and `catalogue new-provider` (record_files.py).
May import: every stage before it (reading … building) and addresses. Only cli.py imports it.
"""
