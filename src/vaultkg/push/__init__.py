"""``vaultkg push``: the vault's RDF into a SPARQL store, graph by graph, incrementally.

>>> state = load_state(default_state_path(vault), vault)
>>> result = push(dataset_graphs(kg), "http://localhost:7878/store", state.endpoint(url))
>>> state.save()
"""

from .dataset import dataset_graphs
from .graphs import DEFAULT_GRAPH, Graph
from .run import PROTOCOLS, Options, Plan, PushFailed, Result, push, update_url
from .state import EndpointState, PushState
from .state import default_path as default_state_path
from .state import load as load_state
from .transport import PushError, authorization, check_url, environ_secrets

__all__ = [
    "DEFAULT_GRAPH",
    "PROTOCOLS",
    "EndpointState",
    "Graph",
    "Options",
    "Plan",
    "PushError",
    "PushFailed",
    "PushState",
    "Result",
    "authorization",
    "check_url",
    "dataset_graphs",
    "default_state_path",
    "environ_secrets",
    "load_state",
    "push",
    "update_url",
]
