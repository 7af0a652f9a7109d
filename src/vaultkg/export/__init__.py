"""Writers that turn a knowledge graph into files: JSON, RDF, a static site."""
