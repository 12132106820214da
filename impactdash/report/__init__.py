"""The alderman's progress report: one model, rendered as PDF and as offline HTML."""
