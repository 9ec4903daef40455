"""Rubric text in other languages, set on stored rows as a translated rubric file stores it,
and pages read in them."""

FRENCH = {
    "Sample rubric": "Grille d'exemple",
    "Openness": "Ouverture",
    "Transparency": "Transparence",
    "Is open participation realised?": "La participation ouverte est-elle réalisée ?",
    "open_participation is absent.": "La participation ouverte est absente.",
    "decision_rationale is substantial.": "La motivation des décisions est substantielle.",
}
ARABIC = {
    "Sample rubric": "نموذج المعايير",
    "Openness": "الانفتاح",
    "Transparency": "الشفافية",
    "Is open participation realised?": "هل تتحقق المشاركة المفتوحة؟",
    "open_participation is absent.": "المشاركة المفتوحة غائبة.",
}


def translate_rubric(rubric, language: str, texts: dict[str, str]) -> None:
    """Make a stored rubric complete in ``language``: ``texts`` where given, else a stand-in."""

    def text(source: str) -> str:
        return texts.get(source, f"{source} [{language}]")

    def add(item, **fields: str) -> None:
        item.translations = {**(item.translations or {}), language: fields}

    rubric.languages = [*rubric.languages, language]
    add(rubric, title=text(rubric.title), summary=text(rubric.summary))
    for pillar in rubric.pillars:
        add(pillar, title=text(pillar.title), summary=text(pillar.summary))
        for question in pillar.questions:
            add(question, prompt=text(question.prompt), guidance=text(question.guidance))
            for level in question.levels:
                add(level, descriptor=text(level.descriptor))


def page_html(client, path: str) -> str:
    """The page at ``path``, which must be found, as text."""
    response = client.get(path)
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    return response.get_data(as_text=True)
