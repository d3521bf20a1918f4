"""The base of every content model."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Content is read once and never changed (frozen); a key the model does not
    know is a mistake to report, never data to keep or drop silently (extra="forbid")."""

    model_config = ConfigDict(extra="forbid", frozen=True)
