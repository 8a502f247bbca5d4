"""The language of an article's text, with py3langid's bundled model (no download)."""

from __future__ import annotations

from functools import cache
from typing import Any

# Below this many letters a guess is noise; the language stays unknown.
_MIN_LETTERS = 40


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, *, min_confidence: float = 0.8) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text or the guess is weak."""
    sample = text[:3000]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return None
    language, confidence = _identifier().classify(sample)
    return str(language) if confidence >= min_confidence else None
