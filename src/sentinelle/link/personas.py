"""Personas: the first names a post presents, and handles too generic to identify anyone.

The list is ours: common first names in France across generations and origins, written with
their usual accents; matching is on the folded form so "LÉA", "lea" and "Léa" are one persona.
"""

from __future__ import annotations

import re

from sentinelle.link.shingles import fold_fast

_NAMES = """
Adèle Agathe Aïcha Alexandra Alice Alicia Aline Alma Amandine Amel Amélie Amina Amira Anaïs
Anastasia Andréa Angèle Angélique Anissa Anna Anne Annabelle Apolline Ariane Assia Aurélie
Aurore Ayla Aya Béatrice Bérénice Bianca Camille Capucine Carla Carmen Caroline Cassandra
Céline Chaïma Charlène Charlotte Chiara Chloé Claire Clara Clarisse Claudia Clémence Coralie
Cynthia Daniela Daphné Déborah Diana Dina Dounia Eden Elena Éléonore Élisa Élise Élodie Éloïse
Elsa Emma Emmanuelle Émilie Erika Estelle Esther Eva Fanny Farah Fatima Fatou Fatoumata Flora
Florence Gabrielle Giulia Hanna Hawa Héloïse Hind Hélène Imane Inès Irina Iris Jade Jasmine
Jeanne Jennifer Jessica Joana Johanna Joséphine Julia Julie Juliette Justine Kahina Karima
Katia Kelly Kenza Khadija Kim Laetitia Laila Lana Laura Laure Lauriane Layla Léa Leila Léna
Léonie Lilou Lily Lina Lindsay Lisa Livia Lola Lou Louane Louise Lucie Luna Lydia Maëlle Maëva
Magali Maïssa Malak Manon Margaux Maria Marie Marine Marion Maryam Mathilde Maya Mélanie Mélissa
Mélodie Meryem Mia Mila Morgane Myriam Nadia Naïma Naomi Natacha Nathalie Nawel Nelly Nina Noémie
Nora Nour Océane Olga Olivia Ophélie Pauline Perrine Priscilla Rachel Rania Rebecca Rose Sabrina
Safia Salma Salomé Samia Sandra Sandrine Sara Sarah Selma Séverine Sofia Sonia Sophie Stella
Stéphanie Tatiana Tiffany Valentina Valérie Vanessa Victoria Violette Virginie Yasmina Yasmine
Yousra Zoé Zohra Adam Alexandre Ali Antoine Arthur Baptiste Bilal Clément Daniel David Enzo
Ethan Gabriel Hugo Ibrahim Jules Julien Karim Kevin Léo Louis Lucas Mamadou Mathis Maxime Mehdi
Mohamed Moussa Nathan Nicolas Noah Omar Paul Pierre Rayan Samir Samuel Sami Thomas Tom Yanis
Youssef Thibault Vincent
Alexia Alizée Ambre Ana Anaëlle Andrea Angelina Anouk Axelle Bella Blanche Candice Capucine
Cassie Céleste Cindy Clarisse Cléa Coline Constance Dalia Deborah Diane Dorothée Elisa Ella
Elsa Emeline Emmy Enola Estelle Eugénie Eve Fiona Gaëlle Giulia Ilona Imen Inaya Isabelle
Ismérie Jenna Jessy Jihane Joy Julianne Kayla Keira Kiara Lara Léana Leelou Lena Lilia Lilya
Lisa Lise Loane Lorena Louna Lucile Lylou Maelys Maëlys Maïa Malia Margot Mariam Marine Marwa
Mathilde Maud Mélina Mila Milla Mona Nadège Nahia Naïa Nahia Nelya Noa Noélie Norah Océane
Paola Perla Romane Rosalie Sacha Samira Sana Sasha Shaïna Sirine Soline Suzanne Sylvie Tess
Thaïs Tina Victoire Yara Yasmeen Ylona Zahra Zélie Zineb Alexis Anthony Bryan Dylan Florian
Franck Jason Jordan Kylian Loïc Malik Marco Momo Nabil Nassim Ryan Sam Sofiane Steven Théo
Tony Walid Yacine Zakaria
"""

# words a handle can be made of that name a function, not a person
_GENERIC_WORDS = frozenset(
    (
        "contact",
        "contacts",
        "info",
        "infos",
        "planning",
        "booking",
        "reservation",
        "resa",
        "rdv",
        "vip",
        "agence",
        "agency",
        "service",
        "services",
        "annonce",
        "annonces",
        "dispo",
        "disponible",
        "casting",
        "recrutement",
        "job",
        "jobs",
        "team",
        "staff",
        "admin",
        "support",
        "officiel",
        "official",
        "pro",
        "premium",
        "plan",
        "plans",
        "money",
        "cash",
        "travail",
        "boulot",
    )
)
DISPLAY = {fold_fast(name): name for name in _NAMES.split()}
FIRST_NAMES = frozenset(DISPLAY)


def is_first_name(word: str) -> bool:
    """`word`, as written ("Inès", "CHLOE", "kevin"), is a first name of our list."""
    return fold_fast(word) in FIRST_NAMES


# a word on its own, not part of a URL, an e-mail address or a handle
_WORD = re.compile(r"(?<![\w@./_-])([^\W\d_]+)(?![\w@_/-]|\.\w)")
_HANDLE_NAME = re.compile(r"[^\W\d_]+")


# Words before a first name that make it part of a place: "rue Victor Hugo", "lycée Jules
# Ferry", "métro Louis Blanc", "Saint Paul". Read as a persona, a street name gave an independent
# two first names, and her network "several personas" (control evidence).
_PLACE_BEFORE = frozenset((
    "rue", "avenue", "av", "bd", "boulevard", "allee", "impasse", "quai", "chemin", "square",
    "residence", "lycee", "college", "ecole", "gare", "metro", "station", "stade", "hopital",
    "saint", "sainte", "st", "ste", "pont", "porte", "cite",
))  # fmt: skip
# Further back, across another name: "rue Victor Hugo", "avenue Jean Jaurès".
_PLACE_TWO_BEFORE = _PLACE_BEFORE - {"saint", "sainte", "st", "ste"}


def personas(text: str) -> list[str]:
    """First names the text presents, in order of appearance, each once (not those that are
    part of a place's name)."""
    found: dict[str, None] = {}
    folded = fold_fast(text)
    # the words as strings first (one C call); match objects only for a post naming someone
    words = _WORD.findall(folded)
    if FIRST_NAMES.isdisjoint(words):
        return []
    matches: list[re.Match[str]] | None = None
    for index, word in enumerate(words):
        if word not in FIRST_NAMES:
            continue
        if matches is None:
            matches = list(_WORD.finditer(folded))
        if _in_place(folded, matches, index):
            continue
        found.setdefault(DISPLAY[word], None)
    return list(found)


def _in_place(folded: str, matches: list[re.Match[str]], index: int) -> bool:
    """Whether the name at `index` follows a place word in the same run of words (only spaces
    between: "près de la gare. Léa" is Léa)."""
    words = []
    for back in (1, 2):
        if index < back:
            break
        gap = folded[matches[index - back].end() : matches[index - back + 1].start()]
        if gap.strip():
            break
        words.append(matches[index - back].group(1))
    return (len(words) > 0 and words[0] in _PLACE_BEFORE) or (
        len(words) > 1 and words[1] in _PLACE_TWO_BEFORE
    )


def generic_handle(handle: str) -> bool:
    """A handle that is only a first name or a common word ("telegram:fatou", "telegram:contact"):
    many people could own it."""
    letters = fold_fast(handle.split(":", 1)[-1])
    if not _HANDLE_NAME.fullmatch(letters):
        return False
    return letters in FIRST_NAMES or letters in _GENERIC_WORDS or len(letters) <= 3
