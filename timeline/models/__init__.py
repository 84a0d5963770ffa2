"""Pydantic models: the one source of the JSON the tool emits and of its JSON Schemas."""
