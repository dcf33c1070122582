"""Where the model in use lives, and the one before it (for rollback).

The package ships a default model. A site that retrains (`sentinelle train --from-reviews`)
keeps its models in a models directory (SENTINELLE_MODELS, default `./sentinelle-models`):
`active/` is what `analyze` and the API use, `previous/` is what `--rollback` restores. A model
is only ever moved whole (model and card together).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

MODEL_FILE = "model.joblib"


def models_home() -> Path:
    """The site's models directory (it may not exist: then the shipped model is in use)."""
    return Path(os.environ.get("SENTINELLE_MODELS") or "sentinelle-models")


def active_dir(home: Path | None = None) -> Path | None:
    """The site's active model directory, or None when the shipped model is in use."""
    directory = (home or models_home()) / "active"
    return directory if (directory / MODEL_FILE).exists() else None


def install(candidate: Path, home: Path | None = None) -> Path:
    """Make `candidate` the active model; the active one becomes `previous/`."""
    home = home or models_home()
    home.mkdir(parents=True, exist_ok=True)
    active, previous = home / "active", home / "previous"
    staged = home / "incoming"
    if staged.exists():
        shutil.rmtree(staged)
    shutil.copytree(candidate, staged)
    if (active / MODEL_FILE).exists():
        if previous.exists():
            shutil.rmtree(previous)
        active.rename(previous)
    elif active.exists():
        shutil.rmtree(active)
    staged.rename(active)
    return active


def rollback(home: Path | None = None) -> Path:
    """Swap `active/` and `previous/`; a second rollback undoes the first."""
    home = home or models_home()
    active, previous = home / "active", home / "previous"
    if not (previous / MODEL_FILE).exists():
        raise FileNotFoundError(f"{previous}: no previous model to roll back to")
    swap = home / "swap"
    if swap.exists():
        shutil.rmtree(swap)
    if active.exists():
        active.rename(swap)
    previous.rename(active)
    if swap.exists():
        swap.rename(previous)
    return active
