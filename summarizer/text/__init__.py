"""Pure text rules, below the extraction steps: sentences, figures, grounding, dates, language, names."""
