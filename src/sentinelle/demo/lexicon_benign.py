# ruff: noqa: E501  (phrase and gazetteer tables read better one entry per line)
"""Phrase banks for benign look-alikes: rooms, flat shares, babysitting, seasonal jobs, tutoring,
event hostesses, cleaning. They share words ("dispo", "logé", "jeune", "recrute", "discrète",
"filles") with the ads so that a scorer must read more than vocabulary.
"""

from __future__ import annotations

HASHTAGS: dict[str, tuple[str, ...]] = {
    "room": ("#location", "#chambre", "#logement", "#etudiant"), "flatshare": ("#coloc", "#colocation", "#logement"),
    "babysitting": ("#babysitting", "#gardedenfants", "#nounou"), "nanny_wanted": ("#nounou", "#aupair"),
    "seasonal": ("#jobdete", "#saisonnier", "#recrutement", "#emploi"), "tutoring": ("#cours", "#soutienscolaire"),
    "hostess": ("#hotesse", "#evenementiel", "#job"), "cleaning": ("#menage", "#cesu"),
    "sale": ("#vente", "#occasion"), "carpool": ("#covoiturage", "#trajet"),
}  # fmt: skip
# topic -> sentence variants; a benign post draws 3 to 5 of them in this order.
TOPICS: dict[str, tuple[tuple[str, ...], ...]] = {
    "room": (
        ("[Chambre|Studio|T1|Chambre meublée] à louer [à|sur] {city} {area}",),
        ("{rent}€/mois [charges comprises|cc|hors charges]", "loyer {rent}€ [cc|charges comprises]"),
        ("[dispo|disponible|libre] [de suite|le {date}|à partir du {date}|début {month}]",),
        ("[proche|à 5 min de la] [gare|fac|tram|centre]", "[cuisine équipée|wifi inclus|meublé]"),
        ("[étudiant(e)|jeune actif|personne sérieuse] [de préférence|bienvenu(e)]",),
        ("[contact|tel|infos] {contact}", "[visite|visites] [sur rdv|le week-end], {contact}"),
    ),
    "flatshare": (
        ("[Colocation|Coloc] [dispo|disponible] [à|sur] {city}", "[on cherche|cherchons] [une|un] [coloc|colocataire] [à|sur] {city}"),
        ("[on est|nous sommes] [2|3|deux|trois] [filles|étudiantes|jeunes actifs] [sympas|calmes]",),
        ("chambre {rent}€ [tout compris|cc]", "[loyer|part] {rent}€/mois"),
        ("[dispo|libre] [le {date}|début {month}|de suite]",),
        ("[DM|écris-nous|contact] {contact}",),
    ),
    "babysitting": (
        ("[Étudiante|Jeune femme|Maman] [de|] {own_age} ans [propose|cherche] [garde d'enfants|baby-sitting|babysitting] [à|sur] {city}",),
        ("[dispo|disponible] [le soir|le mercredi|le week-end|après les cours|pendant les vacances scolaires]",),
        ("[expérience avec les enfants|BAFA|premiers secours]", "[sérieuse|douce|patiente] et [ponctuelle|souriante]"),
        ("{wage}€/h", "[tarif|prix] {wage}€ de l'heure"),
        ("[contact|tel|appelez-moi] {contact}",),
    ),
    "nanny_wanted": (
        ("[Famille|Parents] [cherche|cherchent] [baby-sitter|nounou|jeune fille au pair] [à|sur] {city}",),
        ("pour [notre fille|notre fils|nos enfants] de {child_age} ans", "[sortie d'école|mercredis|soirées]"),
        ("{wage}€/h", "[logée nourrie|logé nourri] pour [jeune fille|personne] au pair"),
        ("[contact|tel] {contact}",),
    ),
    "seasonal": (
        ("[Recrute|Recherche|On recrute] [saisonniers|serveuses|serveurs|cueilleurs|vendangeurs] [h/f|H/F] [à|sur] {city}",),
        ("[logé nourri|logée nourrie|logement fourni|logement possible]", "[saison|contrat] [de juin à août|d'été|d'hiver|3 mois]"),
        ("{salary}€ net/mois", "[salaire|rémunération] {salary}€ [net|brut]/mois"),
        ("[débutants acceptés|pas d'expérience requise|motivation exigée]", "[dispo|disponible] 7j/7 [en saison|l'été]"),
        ("[CV|candidature] [à|par] {contact}", "[contact|infos] {contact}"),
    ),
    "tutoring": (
        ("[Cours|Soutien scolaire|Cours particuliers] de [maths|français|anglais|physique|piano] [à|sur] {city}",),
        ("[tous niveaux|collège et lycée|primaire au lycée|prépa bac]",),
        ("{wage}€/h", "[tarif|prix] {wage}€ de l'heure", "[premier cours offert|1er cours gratuit]"),
        ("[dispo|disponible] [7j/7|en soirée|le week-end|pendant les vacances]",),
        ("[contact|tel|DM] {contact}",),
    ),
    "hostess": (
        ("[Agence|Agence événementielle] recrute [hôtesses|hôtes et hôtesses|jeunes femmes|étudiantes] [pour|sur] [salon|festival|congrès] [à|sur] {city}",),
        ("{wage}€/h", "[rémunération|salaire] {wage}€ brut de l'heure"),
        ("[tenue fournie|tenue exigée|présentation soignée]", "[anglais apprécié|bilingue apprécié]"),
        ("[dates|du] {dates}",),
        ("[envoyez|envoyer] [CV|candidature] {contact}",),
    ),
    "cleaning": (
        ("[Femme de ménage|Aide ménagère|Auxiliaire de vie] [sérieuse|discrète|de confiance] [à|sur] {city}",),
        ("{experience} ans d'expérience", "[chèques emploi service acceptés|CESU acceptés]"),
        ("[dispo|disponible] [en semaine|le matin|du lundi au vendredi]",),
        ("{wage}€/h",),
        ("[contact|tel|appeler] {contact}",),
    ),
    "sale": (
        ("Vends [robe|veste|manteau|baskets|poussette|vélo|canapé] [taille {size}|pointure {size}|]",),
        ("[très bon état|comme neuf|jamais porté|peu servi]", "{price}€ [à débattre|ferme|]"),
        ("[à récupérer|remise en main propre] [à|sur] {city} [{area}|]",),
        ("[dispo|disponible] [le soir|le week-end|en semaine]",),
        ("[contact|tel|MP] {contact}",),
    ),
    "carpool": (
        ("[Covoiturage|Covoit] {city} → {destination} le {date} [à|vers] {hour}h",),
        ("[2|3] places [dispo|disponibles]", "[petit coffre|bagages acceptés|non fumeur]"),
        ("{share}€ [par personne|la place]",),
        ("[contact|réservation|résa] {contact}",),
    ),
}  # fmt: skip
TITLES: dict[str, tuple[str, ...]] = {
    "room": ("Chambre à louer {city}", "Studio {city} {rent}€", "Location chambre meublée"),
    "flatshare": ("Coloc {city}", "Colocation dispo", "Chambre en coloc {city}"),
    "babysitting": ("Baby-sitting {city}", "Garde d'enfants", "Étudiante baby-sitter"),
    "nanny_wanted": ("Cherche nounou {city}", "Baby-sitter recherché(e)", "Jeune fille au pair"),
    "seasonal": ("Job saisonnier logé nourri", "Recrutement saison {city}", "Saisonniers H/F"),
    "tutoring": ("Cours particuliers {city}", "Soutien scolaire", "Prof dispo"),
    "hostess": ("Recrutement hôtesses {city}", "Hôtesses d'accueil H/F", "Mission événementielle"),
    "cleaning": ("Ménage et repassage {city}", "Aide ménagère dispo", "Femme de ménage"),
    "sale": ("À vendre", "Vends {city}", "Bonne affaire"),
    "carpool": ("Covoiturage {city} → {destination}", "Trajet {city} {destination}", "Places dispo"),
}  # fmt: skip
