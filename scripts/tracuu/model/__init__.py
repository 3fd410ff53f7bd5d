"""Typed records and values every layer shares: documents, blocks, duties, citations, số/ký hiệu, problems, the corpus."""
