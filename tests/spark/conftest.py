"""One SparkSession and one pair of runs (embedded and Spark) per test session: the JVM and the
runs are the expensive part, the assertions are cheap."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import orjson
import pytest

from sentinelle.demo.files import write_corpus
from sentinelle.ingest.pipeline import ingest_files
from sentinelle.pipeline.analyze import analyze
from sentinelle.store import Store, open_store

pytest.importorskip("pyspark")

PARITY_POSTS = 2500
PARITY_SEED = 104
BAD_LINES = (
    b'{"id": "x1", "source": "s", "kind": "ad", "text": "t"}\n',  # no posted_at
    b"not json at all\n",
    b'{"id": "x2", "source": "s", "kind": "ad", "text": "t", "posted_at": "2024-01-01"}\n',
)


@dataclass(slots=True)
class Runs:
    inputs: list[str]
    store: Store  # the embedded ingest + analyze
    output: str  # the Spark results


HOTEL_PHONE = "04 72 10 20 30"


def hotel_posts() -> list[dict]:
    """Unrelated posters (each with a phone and wording of their own) who all give one hotel's
    number: the number is a hub, so it must not join them (in both engines)."""
    texts = (
        "Amandine, de passage à Lyon cette semaine, joignable au 06 10 20 30 40",
        "Sophie reçoit près de Bellecour le soir. Mon numéro : 06 11 21 31 41",
        "Julie 26 ans, disponible week-end, appelez-moi 06 12 22 32 42",
        "Clara nouvelle en ville, rendez-vous en journée uniquement, 06 13 23 33 43",
        "Emma, quartier Part-Dieu, tarifs au téléphone 06 14 24 34 44",
        "Lina, accueil discret à Villeurbanne, sms au 06 15 25 35 45",
    )
    return [
        {
            "id": f"hotel-{n}",
            "source": f"site-{n % 3}",
            "kind": "ad",
            "text": f"{text}. Réception de l'hôtel : {HOTEL_PHONE}",
            "posted_at": f"2024-03-0{n + 1}T10:00:00+01:00",
            "author": f"poster{n}",
        }
        for n, text in enumerate(texts)
    ]


@pytest.fixture(scope="session")
def spark():
    from sentinelle.spark.session import spark_session

    session = spark_session("local[2]", shuffle_partitions=4)
    yield session
    session.stop()


@pytest.fixture(scope="session")
def runs(spark, tmp_path_factory) -> Iterator[Runs]:
    """The same demo corpus (plus bad records and a CSV file) through both engines."""
    from sentinelle.spark.analyze import spark_analyze

    folder = tmp_path_factory.mktemp("parity")
    posts = folder / "posts.jsonl"
    write_corpus(PARITY_POSTS, PARITY_SEED, 0.3, posts, None)
    with posts.open("ab") as sink:
        sink.writelines(BAD_LINES)
    extra = folder / "more.csv"
    write_corpus(40, PARITY_SEED + 1, 0.3, extra, None, fmt="csv")
    hub = folder / "hotel.jsonl"
    hub.write_bytes(b"".join(orjson.dumps(post) + b"\n" for post in hotel_posts()))
    inputs = [str(posts), str(extra), str(hub)]
    store = open_store(str(folder / "embedded.db"))
    ingest_files(store, inputs)
    analyze(store, workers=1)
    output = str(folder / "spark")
    spark_analyze(inputs, output, master="local[2]", shuffle_partitions=4)
    yield Runs(inputs, store, output)
    store.close()
