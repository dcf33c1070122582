"""`GET /api/networks/{id}`: a network as the networks export defines it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Request

from sentinelle.audit import record_event
from sentinelle.auth.roles import Actor
from sentinelle.store.browse import current_network_id
from sentinelle.web.api.text_safety import check_storable
from sentinelle.web.network_view import network_object
from sentinelle.web.security import api, client_of

router = APIRouter(prefix="/api", tags=["networks"])


@router.get("/networks/{network_id}")
def get_network(
    request: Request,
    network_id: Annotated[str, Path(max_length=20)],
    actor: Annotated[Actor, Depends(api("network.view"))],
) -> dict:
    check_storable(network_id, "network_id")
    store = request.app.state.store
    network_id = current_network_id(store, network_id)  # a merged-away id answers as its heir
    network = network_object(store, network_id)
    if network is None:
        raise HTTPException(404, "no such network")
    record_event(store, actor, "network.view", network_id, client_of(request))
    return network
