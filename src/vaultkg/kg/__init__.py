"""The knowledge graph: entities, claims, relations and the evidence behind them."""
