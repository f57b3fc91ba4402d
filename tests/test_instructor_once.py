"""instructor's check for asynchronous validators, made once per model class, still refuses the same models."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from summarizer.instructor_once import instructor_checking_once


class Plain(BaseModel):
    name: str


def _with_async_validator() -> type[BaseModel]:
    from instructor.v2.validation.async_validators import async_field_validator

    class Checked(BaseModel):
        name: str

        @async_field_validator("name")
        async def check_name(self, value: str) -> str:
            return value

    return Checked


def test_a_class_is_walked_once_and_one_with_an_async_validator_is_refused_every_time() -> None:
    instructor_checking_once()
    from instructor.v2.core import patch
    from instructor.v2.validation import async_validators

    check = async_validators.reject_async_validators
    assert patch.reject_async_validators is check  # the copy instructor imported at its top is replaced too
    check(Plain)
    check(Plain)
    check(list[Plain])  # not a class: walked each time
    refused = _with_async_validator()
    for _ in range(2):
        with pytest.raises(ValueError, match="async validators"):
            check(refused)
