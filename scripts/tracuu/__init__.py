"""tracuu: Vietnamese child-protection documents → typed records → Markdown pages.

The pipeline (one module per arrow, see STYLE.md in ../shared):

    sources/* ─► clean ─► layout (parse) ─► records ─► resolve ─► render ─► docs/<generated>/*.md

Nothing here imports MkDocs; ``tracuu.mkdocs_hooks`` is the only glue.
"""

__version__ = "0.1.0"

# The số/ký hiệu grammar (model) takes its form codes from the vocabulary registry; wire
# them here so a number parses the same whichever module a program imports first.
from tracuu.registries import vocabulary as _vocabulary  # noqa: E402, F401
