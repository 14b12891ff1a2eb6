"""Background workers: arq task functions that call services."""
