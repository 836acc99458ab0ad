"""The charter, rubric and survey: the view of a document and its templates."""
