"""``suxun_tui.tuples.NamedTuple`` makes the class ``typing.NamedTuple`` makes, without
compiling its annotations."""

from __future__ import annotations

import pickle
import sys
import typing

import pytest

from suxun_tui.tuples import NamedTuple


class Ours(NamedTuple):
    """A source's result."""

    name: str
    ok: bool
    new: int = 0
    error: str | None = None

    @property
    def failed(self) -> bool:
        return not self.ok

    def label(self) -> str:
        return f"{self.name}: {self.new}"


class Theirs(typing.NamedTuple):
    """A source's result."""

    name: str
    ok: bool
    new: int = 0
    error: str | None = None

    @property
    def failed(self) -> bool:
        return not self.ok

    def label(self) -> str:
        return f"{self.name}: {self.new}"


def test_the_class_is_typings_class() -> None:
    ours, theirs = Ours("a", True), Theirs("a", True)
    assert tuple(ours) == tuple(theirs) == ("a", True, 0, None)
    assert repr(ours) == repr(theirs).replace("Theirs", "Ours")
    assert Ours._fields == Theirs._fields and Ours._field_defaults == Theirs._field_defaults
    assert Ours.__bases__ == Theirs.__bases__ == (tuple,)
    assert Ours.__doc__ == Theirs.__doc__ and Ours.__module__ == Theirs.__module__
    assert Ours.__qualname__ == "Ours" and Ours.__name__ == "Ours"
    assert ours._replace(new=3).label() == theirs._replace(new=3).label() == "a: 3"
    assert ours._asdict() == theirs._asdict() and Ours("b", False).failed
    assert Ours._make(["c", True, 1, "x"]) == ("c", True, 1, "x")
    assert pickle.loads(pickle.dumps(ours)) == ours
    assert type(pickle.loads(pickle.dumps(ours))) is Ours
    # The annotations as written (typing's are ForwardRefs of the same text).
    assert Ours.__annotations__ == {
        "name": "str",
        "ok": "bool",
        "new": "int",
        "error": "str | None",
    }
    assert typing.get_type_hints(Ours) == typing.get_type_hints(Theirs)
    with pytest.raises(TypeError):
        Ours("a")  # type: ignore[call-arg]


def test_the_same_errors_as_typing() -> None:
    with pytest.raises(TypeError, match="cannot follow default field"):

        class Late(NamedTuple):
            a: int = 0
            b: int

    with pytest.raises(AttributeError, match="Cannot overwrite NamedTuple attribute _make"):

        class Reserved(NamedTuple):
            a: int

            def _make(self) -> None: ...

    with pytest.raises(TypeError, match="can only inherit"):

        class Mixed(NamedTuple, dict):  # type: ignore[misc]
            a: int


def test_no_annotation_is_compiled() -> None:
    compiled: list[object] = []

    def hook(event: str, args: tuple[object, ...]) -> None:
        if event == "compile" and sys._getframe(1).f_code.co_name == "__init__":
            compiled.append(args)  # typing.ForwardRef.__init__ compiles its string

    sys.addaudithook(hook)  # cannot be removed: it only listens while this list is live
    namespace: dict[str, object] = {}
    body = "class Made(NamedTuple):\n    a: int\n    b: str | None = None\n"
    exec(body, {"NamedTuple": NamedTuple, "__name__": "made"}, namespace)  # noqa: S102
    assert compiled == []
    exec(body, {"NamedTuple": typing.NamedTuple, "__name__": "made"}, namespace)  # noqa: S102
    assert len(compiled) == 2  # the check can fail: typing's compiles each field
