"""Pure functions of records and the corpus index to Markdown and files; no parsing, no resolving."""
