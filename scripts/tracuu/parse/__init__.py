"""Source text to layout: cleaning, header, body blocks, closing, news copies."""
