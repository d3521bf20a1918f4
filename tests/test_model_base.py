"""Every content model shares one strict base: frozen, unknown keys refused."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from pydantic import BaseModel

import plateformcoop.model
from plateformcoop.model.base import Strict


def _model_classes() -> list[type[BaseModel]]:
    found = []
    for info in pkgutil.iter_modules(plateformcoop.model.__path__):
        module = importlib.import_module(f"plateformcoop.model.{info.name}")
        found += [
            value
            for value in vars(module).values()
            if inspect.isclass(value) and issubclass(value, BaseModel) and value.__module__ == module.__name__
        ]
    return found


def test_every_model_is_on_the_one_strict_base() -> None:
    models = [model for model in _model_classes() if model is not Strict]
    assert len(models) >= 10
    for model in models:
        assert Strict in model.__mro__, f"{model.__module__}.{model.__name__} is not on model.base.Strict"
        assert model.model_config.get("extra") == "forbid" and model.model_config.get("frozen") is True
        # pydantic copies the config onto every subclass: look at the source instead.
        source = inspect.getsource(model)
        assert "model_config" not in source and "ConfigDict" not in source, f"{model.__name__} defines its own config"
