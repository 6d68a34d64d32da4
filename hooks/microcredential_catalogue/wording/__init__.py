"""Stage 3, wording: how the catalogue's values read in each language.

Owns money, numbers and dates written for a French- or English-Canadian reader, French
typography (the spaces a line must never break at), and the site's own settings (who runs it,
its contact and privacy note) as the footer says them. Pages, search and shared files all take
their written forms from here, so they cannot drift apart. The editors' side too: the language
their messages are printed in (`editor_language`), and problems as a pull request shows them
(`github_report`: annotations and the job summary's table).

May import: `model`, `reading`, `addresses`.
"""
