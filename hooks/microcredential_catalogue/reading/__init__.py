"""Stage 1, reading: the files under data/ as an editor wrote them.

Owns the safe YAML reader (line and column of every value, refused forms), the text policy
every string follows, the JSON Schemas and how their failures are worded, the data folder's
layout, and the Problem an editor reads. Nothing here knows what a credential is.

May import: the standard library, third-party packages and `addresses`; nothing else of the
package.
"""
