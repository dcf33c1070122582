# ruff: noqa: E501  (phrase and gazetteer tables read better one entry per line)
"""Real French communes the demo actors live in and travel through.

Each entry: name as the official gazetteer spells it, department code, a main postcode (empty
when a commune has several and none is obvious) and a weight that favours large cities, where
most ads are posted.
"""

from __future__ import annotations

from typing import NamedTuple


class Commune(NamedTuple):
    name: str
    department: str
    postcode: str
    weight: int


COMMUNES: tuple[Commune, ...] = tuple(
    Commune(*row)
    for row in (
        ("Paris", "75", "", 40), ("Marseille", "13", "", 20), ("Lyon", "69", "", 18),
        ("Toulouse", "31", "31000", 12), ("Nice", "06", "06000", 12), ("Nantes", "44", "44000", 10),
        ("Montpellier", "34", "34000", 10), ("Strasbourg", "67", "67000", 9),
        ("Bordeaux", "33", "33000", 10), ("Lille", "59", "59000", 10), ("Rennes", "35", "35000", 7),
        ("Reims", "51", "51100", 5), ("Toulon", "83", "83000", 5), ("Saint-Étienne", "42", "42000", 5),
        ("Le Havre", "76", "76600", 4), ("Grenoble", "38", "38000", 6), ("Dijon", "21", "21000", 5),
        ("Angers", "49", "49000", 4), ("Nîmes", "30", "30000", 4), ("Villeurbanne", "69", "69100", 3),
        ("Clermont-Ferrand", "63", "63000", 5), ("Le Mans", "72", "72000", 4),
        ("Aix-en-Provence", "13", "13100", 4), ("Brest", "29", "29200", 3), ("Tours", "37", "37000", 4),
        ("Amiens", "80", "80000", 3), ("Limoges", "87", "87000", 3), ("Annecy", "74", "74000", 3),
        ("Perpignan", "66", "66000", 4), ("Boulogne-Billancourt", "92", "92100", 3),
        ("Metz", "57", "57000", 4), ("Besançon", "25", "25000", 3), ("Orléans", "45", "45000", 4),
        ("Saint-Denis", "93", "93200", 4), ("Argenteuil", "95", "95100", 3), ("Rouen", "76", "76000", 4),
        ("Mulhouse", "68", "68100", 3), ("Montreuil", "93", "93100", 3), ("Caen", "14", "14000", 3),
        ("Nancy", "54", "54000", 3), ("Tourcoing", "59", "59200", 2), ("Roubaix", "59", "59100", 2),
        ("Nanterre", "92", "92000", 2), ("Vitry-sur-Seine", "94", "94400", 2),
        ("Avignon", "84", "84000", 3), ("Créteil", "94", "94000", 2), ("Poitiers", "86", "86000", 2),
        ("Aubervilliers", "93", "93300", 2), ("Dunkerque", "59", "", 2), ("Versailles", "78", "78000", 2),
        ("Aulnay-sous-Bois", "93", "93600", 2), ("Pau", "64", "64000", 2),
        ("La Rochelle", "17", "17000", 2), ("Calais", "62", "62100", 2), ("Cannes", "06", "06400", 3),
        ("Antibes", "06", "06600", 2), ("Béziers", "34", "34500", 2), ("Colmar", "68", "68000", 2),
        ("Bourges", "18", "18000", 1), ("Mérignac", "33", "33700", 2), ("Saint-Nazaire", "44", "44600", 1),
        ("Ajaccio", "2A", "20000", 1), ("Bastia", "2B", "20200", 1), ("Valence", "26", "26000", 2),
        ("Quimper", "29", "29000", 1), ("Chambéry", "73", "73000", 1), ("Troyes", "10", "10000", 1),
        ("Niort", "79", "79000", 1), ("Lorient", "56", "56100", 1), ("Vannes", "56", "56000", 1),
        ("Chartres", "28", "28000", 1), ("Évreux", "27", "27000", 1), ("Laval", "53", "53000", 1),
        ("Belfort", "90", "90000", 1), ("Agen", "47", "47000", 1), ("Albi", "81", "81000", 1),
        ("Arras", "62", "62000", 1), ("Angoulême", "16", "16000", 1), ("Bayonne", "64", "64100", 2),
        ("Biarritz", "64", "64200", 1), ("Carcassonne", "11", "11000", 1), ("Fréjus", "83", "83600", 1),
        ("Saint-Malo", "35", "35400", 1), ("Tarbes", "65", "65000", 1), ("Montauban", "82", "82000", 1),
        ("Narbonne", "11", "11100", 1), ("Blois", "41", "41000", 1), ("Châteauroux", "36", "36000", 1),
        ("Brive-la-Gaillarde", "19", "19100", 1), ("Auxerre", "89", "89000", 1),
        ("Nevers", "58", "58000", 1), ("Périgueux", "24", "24000", 1), ("Sète", "34", "34200", 1),
        ("Bourg-en-Bresse", "01", "01000", 1), ("Mâcon", "71", "71000", 1),
        ("Chalon-sur-Saône", "71", "71100", 1), ("Épinal", "88", "88000", 1),
        ("Charleville-Mézières", "08", "08000", 1), ("Saint-Quentin", "02", "02100", 1),
        ("Beauvais", "60", "60000", 1), ("Compiègne", "60", "60200", 1), ("Melun", "77", "77000", 1),
        ("Meaux", "77", "77100", 1), ("Vichy", "03", "03200", 1), ("Montluçon", "03", "03100", 1),
        ("Rodez", "12", "12000", 1), ("Mont-de-Marsan", "40", "40000", 1), ("Gap", "05", "05000", 1),
        ("Hyères", "83", "83400", 1), ("Menton", "06", "06500", 1), ("Arles", "13", "13200", 1),
        ("Saint-Brieuc", "22", "22000", 1), ("La Roche-sur-Yon", "85", "85000", 1),
        ("Cholet", "49", "49300", 1), ("Thionville", "57", "57100", 1), ("Roanne", "42", "42300", 1),
        ("Annemasse", "74", "74100", 1), ("Thonon-les-Bains", "74", "74200", 1),
        ("Vienne", "38", "38200", 1), ("Bobigny", "93", "93000", 1), ("Cergy", "95", "95000", 1),
        ("Saint-Ouen-sur-Seine", "93", "93400", 1), ("Martigues", "13", "13500", 1),
    )
)  # fmt: skip

# One index per unit of weight so that `rng.choice(WEIGHTED)` favours large cities.
WEIGHTED: tuple[Commune, ...] = tuple(c for c in COMMUNES for _ in range(c.weight))
