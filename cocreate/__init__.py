"""cocreate: a crowdsourcing and co-creation platform."""
