"""From parsed layout to facts: issuer, jurisdiction, citations, duties, topics, figures, the corpus index."""
