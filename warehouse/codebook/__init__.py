"""One codebook per survey edition and form: the questionnaire as data (see docs/codebook.md)."""

from warehouse.codebook.model import (
    FORMS,
    SCENARIOS,
    Codebook,
    CodebookError,
    Item,
    Option,
    Rule,
    editions,
    load,
    load_edition,
    load_file,
)

__all__ = [
    "FORMS",
    "SCENARIOS",
    "Codebook",
    "CodebookError",
    "Item",
    "Option",
    "Rule",
    "editions",
    "load",
    "load_edition",
    "load_file",
]
