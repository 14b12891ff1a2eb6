"""Shared pieces of the models: id and timestamp fields."""

from __future__ import annotations

from tortoise import fields

from cocreate.lib.ids import new_id

__all__ = ["created_field", "id_field", "new_id"]  # committed migrations import new_id here


def id_field() -> fields.CharField:
    return fields.CharField(primary_key=True, max_length=16, default=new_id)


def created_field() -> fields.DatetimeField:
    return fields.DatetimeField(auto_now_add=True)
