"""instructor's check that a response model has no asynchronous validators, made once per model class.

instructor walks the model's classes, their attributes and their fields' types four times a call
(``reject_async_validators``, before the request, in the retry loop and twice preparing the model):
about a fifth of a millisecond each, a tenth of a brief rebuilt from recorded calls. A class that
passed passes again (the walk reads only the class), so a class is walked once; a class that fails
fails every time, as before, and anything that is not a class is walked each time.
"""

from __future__ import annotations

import functools
import importlib
import weakref
from collections.abc import Callable
from types import ModuleType
from typing import Any

# Where instructor keeps the check: its own module, and the module that imported the name at its top.
_DEFINED_IN = "instructor.v2.validation.async_validators"
_IMPORTED_BY = ("instructor.v2.core.patch",)
_NAME = "reject_async_validators"


@functools.cache
def instructor_checking_once() -> ModuleType:
    """The ``instructor`` module, its check of response models made once per class (where its layout is known)."""
    import instructor

    try:
        defined = importlib.import_module(_DEFINED_IN)
        importers = [importlib.import_module(name) for name in _IMPORTED_BY]
    except ImportError:  # another instructor layout: its own check, each call
        return instructor
    once = _once_per_class(getattr(defined, _NAME))
    for module in [defined, *importers]:
        if getattr(module, _NAME, None) is not None:
            setattr(module, _NAME, once)
    return instructor


def _once_per_class(check: Callable[[Any], None]) -> Callable[[Any], None]:
    """``check`` that remembers the classes it passed (weakly: models made per call still go away)."""
    passed: weakref.WeakSet[type] = weakref.WeakSet()

    @functools.wraps(check)
    def checked(response_model: Any) -> None:
        if not isinstance(response_model, type):
            check(response_model)
        elif response_model not in passed:
            check(response_model)  # raises for a class with an asynchronous validator: never remembered
            passed.add(response_model)

    return checked
