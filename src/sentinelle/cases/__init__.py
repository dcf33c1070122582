"""Strategic analysis: case records, the figures of the intelligence note, and the note itself."""
